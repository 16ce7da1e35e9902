/**
 * The bridge over real HTTP on 127.0.0.1, with a recording fake upstream: allowlist, CORS, cookie custody,
 * app-key stripping, body and rate limits, open-redirect protection, real-account URLs and headers.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createVtexBridge, vtexUpstream, type VtexBridgeOptions} from '../../src/bridge/index.js';
import {raw, serve, type Served} from './helpers/http-harness.js';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const OF_ID = '0123456789abcdef0123456789abcdef';
const PAGE = 'https://cms.example.com';

/** A fake VTEX: records what reached it, answers JSON and sets a few cookies (VTEX-style and foreign). */
function fakeUpstream() {
  const seen: Seen[] = [];
  const handler = async (req: Request): Promise<Response> => {
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => (headers[k] = v));
    seen.push({method: req.method, url: req.url, headers, body: await req.text()});
    const url = new URL(req.url);
    const h = new Headers({
      'Content-Type': 'application/json',
      'X-VTEX-API-AppKey': 'leaked',
      Connection: 'close',
    });
    if (url.pathname === '/api/checkout/pub/orderForm') {
      h.append(
        'Set-Cookie',
        `checkout.vtex.com=__ofid=${OF_ID}; Max-Age=2592000; Domain=.vtexcommercestable.com.br; Path=/; Secure; HttpOnly; SameSite=None`,
      );
      h.append('Set-Cookie', 'CheckoutOrderFormOwnership=abc; Path=/; Secure; HttpOnly; SameSite=Lax');
      h.append('Set-Cookie', 'janus_sid=tracker; Domain=.vtexcommercestable.com.br; Path=/');
    }
    if (url.pathname === '/api/vtexid/refreshtoken/webstore') {
      h.append(
        'Set-Cookie',
        'vid_rt=r1; Path=/api/vtexid/refreshtoken/webstore; Secure; HttpOnly; SameSite=Strict',
      );
    }
    if (url.pathname === '/login') {
      return new Response(null, {status: 303, headers: {Location: url.searchParams.get('returnUrl') ?? '/'}});
    }
    return new Response(JSON.stringify({ok: true, path: url.pathname}), {status: 200, headers: h});
  };
  return {seen, handler};
}

async function withBridge(
  options: Partial<VtexBridgeOptions>,
  fn: (s: Served, seen: Seen[]) => Promise<void>,
): Promise<void> {
  const up = fakeUpstream();
  const bridge = createVtexBridge({
    upstream: up.handler,
    account: 'mystore',
    allowedOrigins: [PAGE],
    logger: {warn() {}},
    ...options,
  });
  const s = await serve(bridge);
  try {
    await fn(s, up.seen);
  } finally {
    await s.close();
  }
}

describe('bridge: allowlist', () => {
  let s: Served;
  let seen: Seen[];
  before(async () => {
    const up = fakeUpstream();
    seen = up.seen;
    s = await serve(createVtexBridge({upstream: up.handler, account: 'mystore', allowedOrigins: [PAGE]}));
  });
  after(() => s.close());

  it('forwards allowlisted routes with path and query intact', async () => {
    const cases: [string, string, string?][] = [
      [
        'GET',
        '/api/intelligent-search/v1/product-search/category-1/roupas/brand/acme%20co?query=camisa&page=2',
      ],
      ['GET', '/api/intelligent-search/v1/facets/?query=x'],
      ['GET', '/api/intelligent-search/v1/autocomplete-suggestions?query=ca'],
      ['GET', '/api/catalog_system/pub/category/tree/2'],
      ['GET', '/api/catalog_system/pub/products/variations/12'],
      ['GET', '/arquivos/ids/155-300-300/tenis.svg'],
      ['GET', `/api/checkout/pub/orderForm/${OF_ID}`],
      ['POST', `/api/checkout/pub/orderForm/${OF_ID}/items?sc=1`, '{"orderItems":[]}'],
      ['PATCH', `/api/checkout/pub/orderForm/${OF_ID}/items`, '{"orderItems":[]}'],
      ['POST', `/api/checkout/pub/orderForm/${OF_ID}/attachments/shippingData`, '{}'],
      ['POST', '/api/checkout/pub/orderForms/simulation', '{}'],
      ['GET', '/api/checkout/pub/postal-code/BRA/22250-040'],
      ['POST', '/api/checkout/pub/gatewayCallback/1234567890123'],
      ['GET', `/checkout/changeToAnonymousUser/${OF_ID}`],
      ['POST', '/api/payments/transactions/ABCDEF0123456789ABCDEF0123456789/payments?orderId=v1-01', '[]'],
      ['GET', '/api/oms/user/orders/v502556llux-01'],
      ['GET', '/api/sessions?items=*'],
      ['GET', '/api/vtexid/pub/authentication/start?scope=mystore'],
    ];
    for (const [method, path, body] of cases) {
      seen.length = 0;
      const r = await raw(s.origin, method, path, body ? {'Content-Type': 'application/json'} : {}, body);
      assert.equal(r.status, 200, `${method} ${path}`);
      assert.equal(seen.length, 1, `${method} ${path} reached upstream`);
      assert.equal(new URL(seen[0]!.url).pathname + new URL(seen[0]!.url).search, path);
      assert.equal(seen[0]!.method, method);
      if (body) assert.equal(seen[0]!.body, body);
    }
  });

  it('answers 404 for routes outside the allowlist and never calls upstream', async () => {
    seen.length = 0;
    for (const path of [
      '/',
      '/admin',
      '/api/oms/pvt/orders',
      '/api/catalog/pvt/product/1',
      '/api/checkout/pvt/configuration/orderForm',
      '/api/dataentities/CL/search',
      '/api/checkout/pub/orderForm/not-a-hex-id',
      `/api/checkout/pub/orderForm/${OF_ID}/attachments/secretData`,
      `/api/checkout/pub/orderForm/${OF_ID}/`,
      '/api/vtexid/credential/validate',
    ]) {
      const r = await raw(s.origin, 'GET', path);
      assert.equal(r.status, 404, path);
    }
    assert.equal(seen.length, 0);
  });

  it('rejects traversal and encoded separators', async () => {
    seen.length = 0;
    for (const path of [
      '/api/oms/user/orders/../../pvt/orders',
      `/api/checkout/pub/orderForm/${OF_ID}/..%2F..%2F..%2Foms%2Fpvt%2Forders`,
      '/api/catalog_system/pub/products/search/%2e%2e/p',
      '/api/intelligent-search/v1/product-search/a%5c..%5cb',
      '/api/intelligent-search/v1/product-search/%2e%2e',
      '//evil.example/api/sessions',
      '/arquivos/ids/1/..%2f..%2fetc%2fpasswd',
    ]) {
      const r = await raw(s.origin, 'GET', path);
      assert.equal(r.status, 404, path);
    }
    assert.equal(seen.length, 0);
  });

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const r = await raw(s.origin, 'DELETE', `/api/checkout/pub/orderForm/${OF_ID}/items`);
    assert.equal(r.status, 405);
    assert.equal(r.headers.allow, 'POST, PATCH');
  });
});

describe('bridge: CORS and origin policy', () => {
  it('allows a configured origin with credentials and Vary: Origin', async () => {
    await withBridge({}, async (s) => {
      const r = await raw(s.origin, 'GET', '/api/sessions', {Origin: PAGE});
      assert.equal(r.status, 200);
      assert.equal(r.headers['access-control-allow-origin'], PAGE);
      assert.equal(r.headers['access-control-allow-credentials'], 'true');
      assert.match(String(r.headers.vary), /Origin/);
    });
  });

  it('answers a preflight from an allowed origin with the route methods and allowed headers', async () => {
    await withBridge({}, async (s, seen) => {
      const r = await raw(s.origin, 'OPTIONS', `/api/checkout/pub/orderForm/${OF_ID}/items`, {
        Origin: PAGE,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'content-type',
      });
      assert.equal(r.status, 204);
      assert.equal(r.headers['access-control-allow-origin'], PAGE);
      assert.equal(r.headers['access-control-allow-credentials'], 'true');
      assert.equal(r.headers['access-control-allow-methods'], 'POST, PATCH');
      assert.match(String(r.headers['access-control-allow-headers']), /Content-Type/);
      assert.match(String(r.headers.vary), /Origin/);
      assert.equal(seen.length, 0, 'preflights are answered by the bridge');
    });
  });

  it('refuses preflights from unknown origins, for unlisted methods and for app-key headers', async () => {
    await withBridge({}, async (s) => {
      const path = `/api/checkout/pub/orderForm/${OF_ID}/items`;
      const evil = await raw(s.origin, 'OPTIONS', path, {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
      });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers['access-control-allow-origin'], undefined);
      const del = await raw(s.origin, 'OPTIONS', path, {
        Origin: PAGE,
        'Access-Control-Request-Method': 'DELETE',
      });
      assert.equal(del.status, 403);
      const keys = await raw(s.origin, 'OPTIONS', path, {
        Origin: PAGE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-vtex-api-appkey',
      });
      assert.equal(keys.status, 403);
    });
  });

  it('gives an unknown origin 403 on state-changing calls and no CORS headers or cookies on reads', async () => {
    await withBridge({}, async (s, seen) => {
      const post = await raw(
        s.origin,
        'POST',
        `/api/checkout/pub/orderForm/${OF_ID}/items`,
        {
          Origin: 'https://evil.example',
          'Content-Type': 'application/json',
          Cookie: `checkout.vtex.com=__ofid=${OF_ID}`,
        },
        '{}',
      );
      assert.equal(post.status, 403);
      assert.equal(post.headers['access-control-allow-origin'], undefined);
      assert.equal(seen.length, 0);

      const get = await raw(s.origin, 'GET', '/api/checkout/pub/orderForm', {
        Origin: 'https://evil.example',
        Cookie: `checkout.vtex.com=__ofid=${OF_ID}`,
      });
      assert.equal(get.status, 200);
      assert.equal(get.headers['access-control-allow-origin'], undefined);
      assert.equal(get.setCookies.length, 0, 'no cookies handed to a foreign origin');
      assert.equal(
        seen[0]!.headers.cookie,
        undefined,
        "the shopper's cookies are not used for a foreign origin",
      );
    });
  });

  it('treats same-origin requests (Origin equal to the bridge) as trusted without CORS headers', async () => {
    await withBridge({allowedOrigins: []}, async (s, seen) => {
      const r = await raw(
        s.origin,
        'POST',
        `/api/checkout/pub/orderForm/${OF_ID}/coupons`,
        {Origin: s.origin},
        '{"text":"X"}',
      );
      assert.equal(r.status, 200);
      assert.equal(r.headers['access-control-allow-origin'], undefined);
      assert.equal(seen.length, 1);
    });
  });

  it('refuses a wildcard origin at configuration time', () => {
    assert.throws(() =>
      createVtexBridge({
        upstream: 'https://x.vtexcommercestable.com.br',
        account: 'x',
        allowedOrigins: ['*'],
      }),
    );
  });
});

describe('bridge: cookie custody', () => {
  it('rewrites Set-Cookie for the page site and drops unknown cookies', async () => {
    await withBridge({allowedOrigins: []}, async (s) => {
      const r = await raw(s.origin, 'GET', '/api/checkout/pub/orderForm');
      assert.equal(r.setCookies.length, 2, r.setCookies.join('\n'));
      const [of, own] = r.setCookies;
      assert.equal(of, `checkout.vtex.com=__ofid=${OF_ID}; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax`);
      assert.equal(own, 'CheckoutOrderFormOwnership=abc; Path=/; HttpOnly; SameSite=Lax');
      assert.ok(!r.setCookies.some((c) => c.startsWith('janus_sid')));
    });
  });

  it('marks cookies Secure and SameSite=None for https cross-site pages, with the configured Domain', async () => {
    await withBridge({secureCookies: true, cookieDomain: '.shop.example.com'}, async (s) => {
      const r = await raw(s.origin, 'GET', '/api/checkout/pub/orderForm', {Origin: PAGE});
      assert.equal(
        r.setCookies[0],
        `checkout.vtex.com=__ofid=${OF_ID}; Max-Age=2592000; Domain=.shop.example.com; Path=/; HttpOnly; Secure; SameSite=None`,
      );
    });
  });

  it('moves cookie paths under basePath and keeps SameSite=Strict when not cross-site', async () => {
    await withBridge({basePath: '/_v', allowedOrigins: [], secureCookies: true}, async (s, seen) => {
      const r = await raw(s.origin, 'POST', '/_v/api/vtexid/refreshtoken/webstore', {}, '');
      assert.equal(r.status, 200);
      assert.equal(new URL(seen[0]!.url).pathname, '/api/vtexid/refreshtoken/webstore');
      assert.equal(
        r.setCookies[0],
        'vid_rt=r1; Path=/_v/api/vtexid/refreshtoken/webstore; HttpOnly; Secure; SameSite=Strict',
      );
      const outside = await raw(s.origin, 'GET', '/api/sessions');
      assert.equal(outside.status, 404, 'nothing is served outside basePath');
    });
  });

  it('forwards only known VTEX cookies upstream and maps the login cookie to the OMS header', async () => {
    await withBridge({}, async (s, seen) => {
      const cookie = [
        `checkout.vtex.com=__ofid=${OF_ID}`,
        'ga=GA1.2.3',
        'wordpress_logged_in=admin%7Csecret',
        'VtexIdclientAutCookie_mystore=eyJ.a.b',
        'VtexIdclientAutCookie_otherstore=eyJ.x.y',
        'vtex_session=s1',
      ].join('; ');
      await raw(s.origin, 'GET', '/api/oms/user/orders?page=1', {Cookie: cookie});
      const h = seen[0]!.headers;
      assert.equal(
        h.cookie,
        `checkout.vtex.com=__ofid=${OF_ID}; VtexIdclientAutCookie_mystore=eyJ.a.b; vtex_session=s1`,
      );
      assert.equal(h.vtexidclientautcookie, 'eyJ.a.b');

      await raw(s.origin, 'GET', '/api/sessions', {Cookie: cookie, VtexIdclientAutCookie: 'from-browser'});
      assert.equal(
        seen[1]!.headers.vtexidclientautcookie,
        undefined,
        'only OMS gets the header, never from the browser',
      );
    });
  });
});

describe('bridge: headers', () => {
  it('strips app keys and hop-by-hop headers both ways and warns once', async () => {
    const warnings: string[] = [];
    await withBridge({logger: {warn: (m) => warnings.push(m)}}, async (s, seen) => {
      for (let i = 0; i < 2; i++) {
        const r = await raw(s.origin, 'GET', '/api/sessions', {
          'X-VTEX-API-AppKey': 'vtexappkey-mystore-ABC',
          'x-vtex-api-apptoken': 'SECRET',
          'Proxy-Authorization': 'Basic x',
          'X-Custom-Hop': '1',
          Connection: 'X-Custom-Hop',
        });
        assert.equal(r.status, 200);
        assert.equal(r.headers['x-vtex-api-appkey'], undefined, 'response app key stripped');
      }
      for (const req of seen) {
        const names = Object.keys(req.headers);
        assert.ok(
          !names.includes('x-vtex-api-appkey') && !names.includes('x-vtex-api-apptoken'),
          names.join(),
        );
        assert.ok(!names.includes('proxy-authorization') && !names.includes('x-custom-hop'), names.join());
        assert.ok(!Object.values(req.headers).some((v) => v.includes('SECRET')));
      }
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /AppKey/);
    });
  });
});

describe('bridge: limits', () => {
  it('answers 413 above maxBodyBytes, with and without Content-Length', async () => {
    await withBridge({maxBodyBytes: 1024}, async (s, seen) => {
      const path = `/api/checkout/pub/orderForm/${OF_ID}/items`;
      const big = JSON.stringify({orderItems: [{id: 'x'.repeat(2000)}]});
      const r1 = await raw(s.origin, 'POST', path, {'Content-Type': 'application/json'}, big);
      assert.equal(r1.status, 413);
      const r2 = await raw(
        s.origin,
        'POST',
        path,
        {'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked'},
        big,
      );
      assert.equal(r2.status, 413);
      const ok = await raw(s.origin, 'POST', path, {'Content-Type': 'application/json'}, '{"orderItems":[]}');
      assert.equal(ok.status, 200);
      assert.equal(seen.length, 1);
    });
  });

  it('answers 429 with Retry-After per client once the bucket is empty', async () => {
    let t = 0;
    await withBridge(
      {
        rateLimit: {windowMs: 60_000, max: 3},
        clientKey: (r) => r.headers.get('x-test-client') ?? '?',
        now: () => t,
      },
      async (s, seen) => {
        for (let i = 0; i < 3; i++)
          assert.equal((await raw(s.origin, 'GET', '/api/sessions', {'x-test-client': 'a'})).status, 200);
        const limited = await raw(s.origin, 'GET', '/api/sessions', {'x-test-client': 'a', Origin: PAGE});
        assert.equal(limited.status, 429);
        assert.equal(limited.headers['retry-after'], '20');
        assert.equal(limited.headers['access-control-allow-origin'], PAGE, 'the page can read the 429');
        assert.equal(
          (await raw(s.origin, 'GET', '/api/sessions', {'x-test-client': 'b'})).status,
          200,
          'other clients unaffected',
        );
        t += 20_000;
        assert.equal(
          (await raw(s.origin, 'GET', '/api/sessions', {'x-test-client': 'a'})).status,
          200,
          'refilled',
        );
        assert.equal(seen.length, 5);
      },
    );
  });
});

describe('bridge: login returnUrl', () => {
  it('passes same-origin paths and allowed origins, refuses anything else', async () => {
    await withBridge({}, async (s, seen) => {
      const ok = ['/account', `${PAGE}/minha-conta?x=1`, `${s.origin}/demo/account.html`];
      for (const u of ok) {
        const r = await raw(s.origin, 'GET', `/login?returnUrl=${encodeURIComponent(u)}`);
        assert.equal(r.status, 303, u);
        assert.equal(r.headers.location, u);
      }
      const bad = [
        'https://evil.example/',
        '//evil.example/x',
        '/\\evil.example',
        'javascript:alert(1)',
        `https://user@${new URL(PAGE).host}/`,
      ];
      for (const u of bad) {
        const r = await raw(s.origin, 'GET', `/login?returnUrl=${encodeURIComponent(u)}`);
        assert.equal(r.status, 400, u);
        const out = await raw(s.origin, 'GET', `/logout?returnUrl=${encodeURIComponent(u)}`);
        assert.equal(out.status, 400, `logout ${u}`);
      }
      const form = await raw(
        s.origin,
        'POST',
        '/login',
        {'Content-Type': 'application/x-www-form-urlencoded'},
        `email=a%40b.com&returnUrl=${encodeURIComponent('https://evil.example/')}`,
      );
      assert.equal(form.status, 400);
      assert.equal(seen.length, ok.length);
    });
  });
});

describe('bridge: real-account upstream', () => {
  it('builds VTEX URLs and headers exactly, without Host, and rewrites upstream redirects', async () => {
    const calls: {url: string; init: RequestInit}[] = [];
    const bridge = createVtexBridge({
      upstream: vtexUpstream('mystore'),
      account: 'mystore',
      allowedOrigins: [PAGE],
      basePath: '/_v',
      fetch: async (url, init) => {
        calls.push({url, init});
        if (url.includes('/login')) {
          return new Response(null, {
            status: 302,
            headers: {Location: 'https://mystore.vtexcommercestable.com.br/api/sessions?x=1'},
          });
        }
        return new Response('{}', {status: 200, headers: {'Content-Type': 'application/json'}});
      },
    });
    const s = await serve(bridge);
    try {
      assert.equal(vtexUpstream('mystore'), 'https://mystore.vtexcommercestable.com.br');
      assert.throws(() => vtexUpstream('evil.com/x'));
      const r = await raw(
        s.origin,
        'POST',
        `/_v/api/checkout/pub/orderForm/${OF_ID}/items?sc=1`,
        {
          Origin: PAGE,
          'Content-Type': 'application/json',
          Accept: '*/*',
          Cookie: `checkout.vtex.com=__ofid=${OF_ID}; other=1`,
          'X-VTEX-API-AppKey': 'k',
        },
        '{"orderItems":[{"id":"1","quantity":1,"seller":"1"}]}',
      );
      assert.equal(r.status, 200);
      const {url, init} = calls[0]!;
      assert.equal(
        url,
        `https://mystore.vtexcommercestable.com.br/api/checkout/pub/orderForm/${OF_ID}/items?sc=1`,
      );
      assert.equal(init.method, 'POST');
      assert.equal(init.redirect, 'manual');
      const h = new Headers(init.headers);
      assert.equal(h.get('accept'), 'application/json');
      assert.equal(h.get('content-type'), 'application/json');
      assert.equal(h.get('cookie'), `checkout.vtex.com=__ofid=${OF_ID}`);
      assert.equal(h.get('host'), null);
      assert.equal(h.get('origin'), null);
      assert.equal(h.get('x-vtex-api-appkey'), null);
      assert.equal(
        new TextDecoder().decode(init.body as Uint8Array),
        '{"orderItems":[{"id":"1","quantity":1,"seller":"1"}]}',
      );

      const get = await raw(s.origin, 'GET', '/_v/api/intelligent-search/v1/product-search/?query=shirt');
      assert.equal(get.status, 200);
      assert.equal(
        calls[1]!.url,
        'https://mystore.vtexcommercestable.com.br/api/intelligent-search/v1/product-search/?query=shirt',
      );
      assert.equal(new Headers(calls[1]!.init.headers).get('content-type'), 'application/json');
      assert.equal(calls[1]!.init.body, undefined);

      const login = await raw(s.origin, 'GET', '/_v/login?returnUrl=%2Faccount');
      assert.equal(login.status, 302);
      assert.equal(
        login.headers.location,
        `${s.origin}/_v/api/sessions?x=1`,
        'upstream-origin redirects stay on the bridge',
      );
    } finally {
      await s.close();
    }
  });

  it('maps upstream failures to 502 and timeouts to 504', async () => {
    const failing = createVtexBridge({
      upstream: vtexUpstream('mystore'),
      account: 'mystore',
      allowedOrigins: [],
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const slow = createVtexBridge({
      upstream: vtexUpstream('mystore'),
      account: 'mystore',
      allowedOrigins: [],
      timeoutMs: 50,
      fetch: (_u, init) =>
        new Promise((_, reject) =>
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason), {once: true}),
        ),
    });
    assert.equal((await failing(new Request('http://127.0.0.1/api/sessions'))).status, 502);
    assert.equal((await slow(new Request('http://127.0.0.1/api/sessions'))).status, 504);
  });
});
