/**
 * The bridge over real HTTP on 127.0.0.1, with a recording fake upstream: allowlist, CORS, cookie custody,
 * app-key stripping, body and rate limits, open-redirect protection, real-account URLs and headers.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {connect, createServer as createNetServer, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {createVtexBridge, vtexUpstream, type VtexBridgeOptions} from '../../src/bridge/index.js';
import {createNodeServer} from '../../src/server/node-adapter.js';
import {raw, serve, type Served} from './helpers/http-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
    if (url.pathname === '/api/vtexid/pub/logout') {
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
      ['GET', '/api/vtexid/pub/logout?scope=mystore'],
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
      '/api/vtexid/pub/authentication/start',
      '/api/vtexid/pub/authentication/accesskey/validate',
      '/api/vtexid/refreshtoken/webstore',
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

  it('refuses every state-changing method from a foreign or opaque origin, on routes that take it', async () => {
    await withBridge({}, async (s, seen) => {
      // Each method on a route that accepts it from the page (PUT and DELETE on one that does not).
      const cases: [string, string, string][] = [
        ['POST', `/api/checkout/pub/orderForm/${OF_ID}/items`, '{"orderItems":[]}'],
        ['PATCH', `/api/checkout/pub/orderForm/${OF_ID}/items`, '{"orderItems":[]}'],
        ['PATCH', '/api/sessions', '{"public":{}}'],
        ['PUT', `/api/checkout/pub/orderForm/${OF_ID}/items`, '{"orderItems":[]}'],
        ['PUT', '/api/sessions', '{}'],
        ['DELETE', `/api/checkout/pub/orderForm/${OF_ID}/items`, ''],
        ['DELETE', '/api/sessions', ''],
      ];
      for (const origin of ['https://evil.example', 'null', 'https://cms.example.com.evil.example']) {
        for (const [method, path, body] of cases) {
          const r = await raw(
            s.origin,
            method,
            path,
            {
              Origin: origin,
              'Content-Type': 'application/json',
              Cookie: `checkout.vtex.com=__ofid=${OF_ID}`,
            },
            body,
          );
          assert.equal(r.status, 403, `${origin} ${method} ${path}`);
          assert.equal(JSON.parse(r.body).error.code, 'BRIDGE_ORIGIN', `${origin} ${method} ${path}`);
          assert.equal(r.headers['access-control-allow-origin'], undefined);
          assert.equal(r.setCookies.length, 0);
        }
      }
      assert.deepEqual(seen, [], 'nothing reached VTEX');
      // The same requests from the allowed page do reach it (the refusal above is about the origin).
      const ok = await raw(
        s.origin,
        'PATCH',
        `/api/checkout/pub/orderForm/${OF_ID}/items`,
        {Origin: PAGE, 'Content-Type': 'application/json'},
        '{"orderItems":[]}',
      );
      assert.equal(ok.status, 200);
      assert.equal(seen.length, 1);
    });
  });

  it('treats same-origin requests (Origin equal to the bridge) as trusted without CORS headers', async () => {
    await withBridge({allowedOrigins: []}, async (s, seen) => {
      const r = await raw(
        s.origin,
        'POST',
        `/api/checkout/pub/orderForm/${OF_ID}/coupons`,
        {Origin: s.origin, 'Content-Type': 'application/json'},
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
      const r = await raw(s.origin, 'POST', '/_v/api/vtexid/pub/logout', {}, '');
      assert.equal(r.status, 200);
      assert.equal(new URL(seen[0]!.url).pathname, '/api/vtexid/pub/logout');
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

/**
 * Raw bytes on a socket, for requests no HTTP client will send (TRACE bodies, absolute-form, CONNECT).
 * By default the socket is ended after 2 s; with `slow`, the request is left unfinished and the promise
 * rejects if the server has not given up on it within 10 s.
 */
function rawSocket(origin: string, text: string, {slow = false} = {}): Promise<string> {
  const {hostname, port} = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (out += d));
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    if (!slow) {
      setTimeout(() => socket.end(), 2000).unref();
      return;
    }
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept a slow sender for 10 s'));
    }, 10_000).unref();
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('bridge: card data never passes (issue 14)', () => {
  const path = '/api/payments/transactions/ABCDEF0123456789ABCDEF0123456789/payments?an=mystore&orderId=v1';
  const payment = (fields: Record<string, unknown>) =>
    JSON.stringify([{paymentSystem: '2', value: 100, referenceValue: 100, installments: 1, fields}]);

  it('refuses a payments body with card fields with 422 BRIDGE_CARD_DATA and never forwards it', async () => {
    await withBridge({}, async (s, seen) => {
      for (const fields of [
        {holderName: 'ANA', cardNumber: '4111111111111111', validationCode: '123', dueDate: '12/30'},
        {validationCode: '123'},
        {note: '4111 1111 1111 1111'},
      ]) {
        const r = await raw(s.origin, 'POST', path, {'Content-Type': 'application/json'}, payment(fields));
        assert.equal(r.status, 422, JSON.stringify(fields));
        assert.equal(JSON.parse(r.body).error.code, 'BRIDGE_CARD_DATA');
        assert.ok(!r.body.includes('4111'), 'the card number is not echoed');
      }
      const pub = await raw(
        s.origin,
        'POST',
        '/api/pub/transactions/ABC/payments?orderId=v1',
        {'Content-Type': 'application/json'},
        payment({cardNumber: '5555555555554444'}),
      );
      assert.equal(pub.status, 422);
      assert.equal(seen.length, 0);
      const pix = await raw(s.origin, 'POST', path, {'Content-Type': 'application/json'}, payment({}));
      assert.equal(pix.status, 200, 'a payment without card data (Pix, boleto) still passes');
      assert.equal(seen.length, 1);
    });
  });
});

describe('bridge: no login token in page JavaScript (issue 14)', () => {
  const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbmFAZXhhbXBsZS5jb20ifQ.c2lnbmF0dXJl';
  it('serves no VTEX ID route that hands out tokens, and scrubs token values from every body', async () => {
    const upstream = async (req: Request): Promise<Response> => {
      const cookie = req.headers.get('cookie') ?? '';
      const token = /VtexIdclientAutCookie_mystore=([^;]+)/.exec(cookie)?.[1] ?? '';
      return new Response(
        JSON.stringify({
          authStatus: 'Success',
          authCookie: {Name: 'VtexIdclientAutCookie_mystore', Value: token},
          accountAuthCookie: {Name: 'VtexIdclientAutCookie_abc', Value: token},
          namespaces: {cookie: {echo: cookie}},
        }),
        {
          headers: {
            'Content-Type': 'application/json',
            'Set-Cookie': `VtexIdclientAutCookie_mystore=${TOKEN}.new; Path=/; Secure`,
          },
        },
      );
    };
    const s = await serve(
      createVtexBridge({upstream, account: 'mystore', allowedOrigins: [PAGE], logger: {warn() {}}}),
    );
    try {
      for (const p of [
        '/api/vtexid/pub/authentication/accesskey/validate',
        '/api/vtexid/pub/authentication/start',
        '/api/vtexid/pub/authentication/accesskey/send',
        '/api/vtexid/refreshtoken/webstore',
      ]) {
        const r = await raw(s.origin, 'POST', p, {'Content-Type': 'application/json'}, '{}');
        assert.equal(r.status, 404, p);
      }
      for (const p of ['/api/sessions?items=*', '/api/vtexid/pub/logout', '/api/oms/user/orders', '/login']) {
        const r = await raw(s.origin, 'GET', p, {Cookie: `VtexIdclientAutCookie_mystore=${TOKEN}`});
        assert.equal(r.status, 200, p);
        assert.ok(!r.body.includes(TOKEN), `${p} body carries no token: ${r.body}`);
        assert.ok(
          r.setCookies.every((c) => /HttpOnly/.test(c)),
          'the token travels only as an HttpOnly cookie',
        );
      }
    } finally {
      await s.close();
    }
  });
});

describe('bridge: rate-limit identity (issue 14)', () => {
  it('does not trust client-sent forwarding headers and never forwards them', async () => {
    await withBridge({rateLimit: {windowMs: 60_000, max: 2}}, async (s, seen) => {
      const spoofs: Record<string, string>[] = [
        {'CF-Connecting-IP': '203.0.113.1'},
        {'X-Real-IP': '203.0.113.2'},
        {'X-Forwarded-For': '203.0.113.3'},
      ];
      const statuses = [];
      for (const h of spoofs) statuses.push((await raw(s.origin, 'GET', '/api/sessions', h)).status);
      assert.deepEqual(statuses, [200, 200, 429], 'one socket is one client, whatever it claims');
      for (const req of seen) {
        assert.equal(req.headers['x-forwarded-for'], '127.0.0.1', 'the socket address goes upstream');
        assert.equal(req.headers['cf-connecting-ip'], undefined);
        assert.equal(req.headers['x-real-ip'], undefined);
      }
    });
  });

  it('trusts the header the deployer names (clientIpHeader)', async () => {
    const bridge = createVtexBridge({
      upstream: async () => new Response('{}'),
      account: 'mystore',
      allowedOrigins: [],
      clientIpHeader: 'cf-connecting-ip',
      rateLimit: {windowMs: 60_000, max: 1},
    });
    const req = (ip: string) =>
      bridge(new Request('https://b.example/api/sessions', {headers: {'CF-Connecting-IP': ip}}));
    assert.equal((await req('198.51.100.1')).status, 200);
    assert.equal((await req('198.51.100.1')).status, 429);
    assert.equal((await req('198.51.100.2')).status, 200);
  });
});

describe('bridge: input checks (issue 14)', () => {
  it('checks returnUrl in multipart and JSON bodies and refuses other body types on login routes', async () => {
    await withBridge({}, async (s, seen) => {
      const evil = 'https://evil.example/';
      const form = new FormData();
      form.set('email', 'a@b.com');
      form.set('returnUrl', evil);
      const multipart = new Request('http://x/', {method: 'POST', body: form});
      const body = Buffer.from(await multipart.arrayBuffer());
      const r1 = await raw(
        s.origin,
        'POST',
        '/login',
        {'Content-Type': multipart.headers.get('content-type')!},
        body,
      );
      assert.equal(r1.status, 400);
      const r2 = await raw(
        s.origin,
        'POST',
        '/login',
        {'Content-Type': 'application/json'},
        JSON.stringify({user: {returnUrl: evil}}),
      );
      assert.equal(r2.status, 400);
      const r3 = await raw(s.origin, 'POST', '/login', {'Content-Type': 'text/plain'}, `returnUrl=${evil}`);
      assert.equal(r3.status, 415);
      const r4 = await raw(s.origin, 'GET', `/login?ReturnUrl=${encodeURIComponent(evil)}`);
      assert.equal(r4.status, 400, 'the parameter name is not case-sensitive');
      assert.equal(seen.length, 0);
    });
  });

  it('refuses double-encoded dot segments and separators', async () => {
    await withBridge({}, async (s, seen) => {
      for (const p of [
        '/api/intelligent-search/v1/product-search/%252e%252e',
        '/api/intelligent-search/v1/product-search/%252e%252e%252fpvt',
        '/api/catalog_system/pub/products/search/%252e%252e/p',
        '/api/intelligent-search/v1/facets/%25252e%25252e',
        '/api/intelligent-search/v1/product-search/a%255cb',
      ]) {
        assert.equal((await raw(s.origin, 'GET', p)).status, 404, p);
      }
      assert.equal(seen.length, 0);
      assert.equal(
        (await raw(s.origin, 'GET', '/api/intelligent-search/v1/product-search/50%2525')).status,
        200,
        'a literal "%" in a search term still passes',
      );
    });
  });

  it('refuses state-changing GETs started by a foreign site', async () => {
    await withBridge({}, async (s, seen) => {
      const gets = [
        '/api/checkout/pub/orderForm?forceNewCart=true',
        '/api/vtexid/pub/logout?scope=mystore',
        '/logout',
        `/checkout/changeToAnonymousUser/${OF_ID}`,
      ];
      for (const p of gets) {
        const cross = await raw(s.origin, 'GET', p, {'Sec-Fetch-Site': 'cross-site'});
        assert.equal(cross.status, 403, p);
        assert.equal(JSON.parse(cross.body).error.code, 'BRIDGE_CROSS_SITE');
        assert.equal(
          (await raw(s.origin, 'GET', p, {'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example'}))
            .status,
          403,
        );
      }
      assert.equal(seen.length, 0);
      const fine: Record<string, string>[] = [
        {'Sec-Fetch-Site': 'same-origin'},
        {'Sec-Fetch-Site': 'cross-site', Origin: PAGE},
        {'Sec-Fetch-Site': 'cross-site', Referer: `${PAGE}/blog/post`},
      ];
      for (const h of fine) {
        for (const p of gets) assert.equal((await raw(s.origin, 'GET', p, h)).status < 400, true, p);
      }
      assert.equal(
        (await raw(s.origin, 'GET', '/api/checkout/pub/orderForm', {'Sec-Fetch-Site': 'cross-site'})).status,
        200,
        'reading the cart is not a state change',
      );
    });
  });

  it('accepts only application/json on checkout writes', async () => {
    await withBridge({}, async (s, seen) => {
      const p = `/api/checkout/pub/orderForm/${OF_ID}/items`;
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const r = await raw(s.origin, 'POST', p, {'Content-Type': type}, '{"orderItems":[]}');
        assert.equal(r.status, 415, type);
      }
      assert.equal(seen.length, 0);
    });
  });
});

describe('bridge: cookie and header hardening (issue 14)', () => {
  it('keeps auth cookies HttpOnly and Strict cookies Strict, drops upstream identity headers, marks answers private', async () => {
    const upstream = async (req: Request): Promise<Response> => {
      const h = new Headers({
        'Content-Type': 'application/json',
        'Strict-Transport-Security': 'max-age=31536000; includeSubDomains; preload',
        Server: 'nginx/1.2.3',
        'X-Powered-By': 'vtex-io',
        'Cache-Control': 'public, max-age=600',
      });
      if (new URL(req.url).pathname === '/api/sessions') {
        h.append('Set-Cookie', 'VtexIdclientAutCookie_mystore=jwt; Path=/; Secure');
        h.append('Set-Cookie', 'vid_rt=r1; Path=/; Secure; HttpOnly; SameSite=Strict');
      }
      return new Response('{}', {headers: h});
    };
    const s = await serve(
      createVtexBridge({upstream, account: 'mystore', allowedOrigins: [PAGE], secureCookies: true}),
    );
    try {
      const r = await raw(s.origin, 'GET', '/api/sessions', {Origin: PAGE});
      assert.equal(
        r.setCookies[0],
        'VtexIdclientAutCookie_mystore=jwt; Path=/; HttpOnly; Secure; SameSite=None',
      );
      assert.equal(r.setCookies[1], 'vid_rt=r1; Path=/; HttpOnly; Secure; SameSite=Strict');
      for (const p of [
        '/api/sessions',
        '/api/checkout/pub/orderForm',
        '/api/oms/user/orders',
        '/api/vtexid/pub/logout',
      ]) {
        const a = await raw(s.origin, 'GET', p);
        assert.equal(a.headers['strict-transport-security'], undefined, p);
        assert.equal(a.headers.server, undefined, p);
        assert.equal(a.headers['x-powered-by'], undefined, p);
        assert.equal(a.headers['cache-control'], 'private, no-store', p);
      }
    } finally {
      await s.close();
    }
  });
});

describe("bridge README's Node deployment (issue 14)", () => {
  // Under `npm run test:mutation` (stryker.config.mjs sets VTEX_MUTATION) this ~7 s test is skipped: its
  // server runs in a child process, out of Stryker's sight, so it would only slow every bridge mutant.
  const mutation = process.env.VTEX_MUTATION ? 'skipped under mutation testing' : false;
  it(
    'runs the snippet as written; no request crashes it, slow senders time out',
    {skip: mutation},
    async () => {
      const readme = await readFile(path.join(root, 'src/bridge/README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('### Node'));
      const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
      // Only module specifiers are mapped to this checkout; the code runs as the README shows it.
      const runnable = code
        .replace(/'vtex-elements\/bridge'/g, JSON.stringify(path.join(root, 'src/bridge/index.ts')))
        .replace(/'\.\/src\/([^']+)\.js'/g, (_m, p: string) =>
          JSON.stringify(path.join(root, 'src', `${p}.ts`)),
        );
      const dir = await mkdtemp(path.join(tmpdir(), 'bridge-readme-'));
      const file = path.join(dir, 'server.ts');
      await writeFile(file, runnable);
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', file], {
        env: {...process.env, PORT: String(port)},
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: root,
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const origin = `http://127.0.0.1:${port}`;
      try {
        await waitFor(async () => (await raw(origin, 'GET', '/nope')).status === 404);
        const answers: Record<string, number> = {};
        for (const [name, text] of [
          ['TRACE', 'TRACE /api/sessions HTTP/1.1\r\nHost: x\r\n\r\n'],
          ['TRACK', 'TRACK /api/sessions HTTP/1.1\r\nHost: x\r\n\r\n'],
          ['CONNECT', 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n'],
          ['unknown method', 'BREW /api/sessions HTTP/1.1\r\nHost: x\r\n\r\n'],
          ['absolute-form', 'GET http://evil.example/api/sessions HTTP/1.1\r\nHost: x\r\n\r\n'],
          ['asterisk-form', 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n'],
          ['malformed header', 'GET /api/sessions HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'],
          ['header without colon', 'GET /api/sessions HTTP/1.1\r\nHost: x\r\nnocolon\r\n\r\n'],
        ] as const) {
          answers[name] = statusOf(await rawSocket(origin, text));
        }
        for (const [name, status] of Object.entries(answers)) {
          assert.ok([400, 405, 501].includes(status), `${name}: ${status}`);
        }
        const alive = await raw(origin, 'GET', '/api/sessions/../x');
        assert.equal(alive.status, 404, 'still serving after every request above');
        assert.equal(child.exitCode, null, `the process is alive: ${stderr}`);
        assert.ok(!/at .*\.ts:\d+/.test(stderr), 'no stack trace printed');
      } finally {
        child.kill();
        await rm(dir, {recursive: true, force: true});
      }
    },
  );

  it('times out slow senders within 30 s by default, configurably', async () => {
    const server = createNodeServer(async () => new Response('ok'), {
      headersTimeout: 300,
      requestTimeout: 600,
    });
    assert.ok(server.requestTimeout <= 600 && server.headersTimeout <= 300);
    const defaults = createNodeServer(async () => new Response('ok'));
    assert.ok(defaults.requestTimeout > 0 && defaults.requestTimeout <= 30_000);
    assert.ok(defaults.headersTimeout > 0 && defaults.headersTimeout <= 30_000);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Headers that never end: the server answers 408 (or closes) instead of waiting for ever.
      const answer = await rawSocket(origin, 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n', {slow: true});
      assert.ok(answer === '' || statusOf(answer) === 408, answer);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const {port} = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if (await check()) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the README server never started');
}
