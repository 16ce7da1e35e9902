/**
 * The demo server (`npm start`) over real HTTP on 127.0.0.1: demo pages, on-the-fly source bundles, the
 * bridge with the sandbox behind it (a full cart and login lifecycle with cookies), sandbox control routes,
 * the Koa middleware used by web-test-runner, and real-account mode.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {
  createDevStack,
  faultsFromEnv,
  wtrMiddleware,
  type KoaLikeContext,
} from '../../src/server/dev-middleware.js';
import {startServer, type RunningServer} from '../../src/server/http-server.js';
import {CookieJar, raw} from './helpers/http-harness.js';

/** Response bodies are checked by assertions and the schema validator, not by the type system. */
type Json = any;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('demo server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({
      stack: createDevStack({allowedOrigins: ['https://cms.example.com']}),
      root,
      port: 0,
    });
  });
  after(() => server.close());

  it('listens on 127.0.0.1 and serves the demo pages', async () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    const index = await raw(server.origin, 'GET', '/');
    assert.equal(index.status, 200);
    assert.match(String(index.headers['content-type']), /text\/html/);
    const html = index.body.replace(/\s+/g, ' ');
    for (const tag of [
      '<vtex-store api="" account="sandbox"',
      '<vtex-product-grid id="grid"',
      '<vtex-search-box for="grid"',
      '<vtex-cart variant="drawer"',
      '<vtex-login-button',
      '<vtex-cart-button',
      'src="/src/define.ts"',
    ]) {
      assert.ok(html.includes(tag), tag);
    }
    for (const page of ['/demo/checkout.html', '/demo/account.html']) {
      const r = await raw(server.origin, 'GET', page);
      assert.equal(r.status, 200, page);
    }
    assert.ok((await raw(server.origin, 'GET', '/demo/checkout.html')).body.includes('<vtex-checkout'));
    assert.ok((await raw(server.origin, 'GET', '/demo/account.html')).body.includes('<vtex-order-history'));
  });

  it('bundles sources for the browser, resolving .js import paths to .ts files', async () => {
    const r = await raw(server.origin, 'GET', '/src/client/index.js');
    assert.equal(r.status, 200, r.body.slice(0, 300));
    assert.match(String(r.headers['content-type']), /javascript/);
    assert.ok(!/^\s*import\s/m.test(r.body), 'relative imports are bundled');
    assert.ok(r.body.includes('createVtexClient'));
    assert.equal((await raw(server.origin, 'GET', '/src/nope.js')).status, 404);
  });

  it('serves define.ts as one browser module with lit inlined', async () => {
    const r = await raw(server.origin, 'GET', '/src/define.ts');
    assert.equal(r.status, 200, r.body.slice(0, 500));
    assert.match(String(r.headers['content-type']), /javascript/);
    assert.ok(
      !/^\s*import\s.+from\s+["'](lit|@lit\/context|@lit\/task|dompurify)["']/m.test(r.body),
      'no bare imports left',
    );
    assert.ok(r.body.includes('customElements'), 'the registration code is in the bundle');
  });

  it('never serves files outside demo/, public/ and src/', async () => {
    for (const p of [
      '/demo/../package.json',
      '/%2e%2e/package.json',
      '/src/../package.json',
      '/..%2fpackage.json',
      '/package.json',
    ]) {
      const r = await raw(server.origin, 'GET', p);
      assert.equal(r.status, 404, p);
      assert.ok(!r.body.includes('"devDependencies"'), p);
    }
  });

  it('routes unknown VTEX paths to the bridge (404), not to static files', async () => {
    const r = await raw(server.origin, 'GET', '/api/oms/pvt/orders');
    assert.equal(r.status, 404);
    assert.match(String(r.headers['content-type']), /json/);
  });

  it('runs a full cart lifecycle through the bridge with cookies', async () => {
    const jar = new CookieJar();
    const call = async (method: string, p: string, body?: unknown) => {
      const headers: Record<string, string> = {Accept: 'application/json', Cookie: jar.header()};
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const r = await raw(
        server.origin,
        method,
        p,
        headers,
        body === undefined ? undefined : JSON.stringify(body),
      );
      jar.store(r.setCookies);
      return {
        status: r.status,
        json: r.body ? (JSON.parse(r.body) as Record<string, Json>) : undefined,
        setCookies: r.setCookies,
      };
    };

    // A product to buy.
    const search = await call('GET', '/api/intelligent-search/v1/product-search/?query=&count=10&page=1');
    assert.equal(search.status, 200);
    const sku = (search.json!.products as Json[])
      .flatMap((p) => p.items as Json[])
      .find((i) => i.sellers?.[0]?.commertialOffer?.AvailableQuantity > 0);
    assert.ok(sku, 'an available SKU');

    // Get-or-create: the cart cookie comes back rewritten for this http site (no Secure, no Domain).
    const created = await call('GET', '/api/checkout/pub/orderForm');
    assert.equal(created.status, 200);
    const id = created.json!.orderFormId as string;
    assert.match(id, /^[0-9a-f]{32}$/);
    const ofCookie = created.setCookies.find((c) => c.startsWith('checkout.vtex.com='))!;
    assert.ok(ofCookie, 'checkout.vtex.com set');
    assert.ok(
      !/;\s*Secure/i.test(ofCookie) && !/Domain=/i.test(ofCookie) && /HttpOnly/.test(ofCookie),
      ofCookie,
    );
    assert.equal(jar.cookies.get('checkout.vtex.com'), `__ofid=${id}`);

    // The same cart comes back by cookie alone.
    assert.equal((await call('GET', '/api/checkout/pub/orderForm')).json!.orderFormId, id);

    const added = await call('POST', `/api/checkout/pub/orderForm/${id}/items?sc=1`, {
      orderItems: [{id: sku.itemId, quantity: 2, seller: sku.sellers[0].sellerId}],
    });
    assert.equal(added.status, 200);
    assert.equal(added.json!.items.length, 1);
    assert.equal(added.json!.items[0].quantity, 2);
    const value2 = added.json!.value as number;
    assert.ok(value2 > 0);

    const updated = await call('POST', `/api/checkout/pub/orderForm/${id}/items/update`, {
      orderItems: [{index: 0, quantity: 1}],
    });
    assert.equal(updated.json!.items[0].quantity, 1);
    assert.ok((updated.json!.value as number) < value2);

    const coupon = await call('POST', `/api/checkout/pub/orderForm/${id}/coupons`, {text: 'SUMMER10'});
    assert.equal(coupon.status, 200);
    assert.equal(coupon.json!.marketingData?.coupon, 'SUMMER10');

    const cleared = await call('POST', `/api/checkout/pub/orderForm/${id}/items/removeAll`, {});
    assert.equal(cleared.json!.items.length, 0);

    // Login through the sandbox's login page, then the shopper's orders via the mapped OMS header.
    const anonymous = await call('GET', '/api/oms/user/orders');
    assert.ok(
      anonymous.status === 401 || anonymous.status === 403,
      `anonymous OMS is refused (${anonymous.status})`,
    );
    const login = await raw(
      server.origin,
      'POST',
      '/login',
      {'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header()},
      `email=${encodeURIComponent('shopper@example.com')}&code=123456&returnUrl=${encodeURIComponent('/demo/account.html')}`,
    );
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/demo/account.html');
    jar.store(login.setCookies);
    assert.ok(jar.cookies.get('VtexIdclientAutCookie_sandbox'), 'login cookie kept');
    const orders = await call('GET', '/api/oms/user/orders');
    assert.equal(orders.status, 200);
    assert.ok(Array.isArray(orders.json!.list));

    // Logout clears it.
    const out = await raw(server.origin, 'GET', '/logout?returnUrl=%2F', {Cookie: jar.header()});
    jar.store(out.setCookies);
    assert.equal(jar.cookies.get('VtexIdclientAutCookie_sandbox'), undefined);
  });

  it('mounts the sandbox control routes', async () => {
    const set = await raw(
      server.origin,
      'POST',
      '/_sandbox/faults',
      {'Content-Type': 'application/json'},
      JSON.stringify({errorRate: 1, routes: '/api/sessions'}),
    );
    assert.equal(set.status, 200);
    assert.equal((await raw(server.origin, 'GET', '/api/sessions')).status, 503);
    assert.equal((await raw(server.origin, 'DELETE', '/_sandbox/faults')).status, 204);
    assert.equal((await raw(server.origin, 'GET', '/api/sessions')).status, 200);
    const orders = await raw(server.origin, 'GET', '/_sandbox/orders');
    assert.equal(orders.status, 404, 'the order list is not served over HTTP');
  });

  it('applies CORS for the configured ALLOWED_ORIGINS', async () => {
    const r = await raw(server.origin, 'OPTIONS', '/api/checkout/pub/orderForm', {
      Origin: 'https://cms.example.com',
      'Access-Control-Request-Method': 'GET',
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers['access-control-allow-origin'], 'https://cms.example.com');
    const evil = await raw(server.origin, 'OPTIONS', '/api/checkout/pub/orderForm', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'GET',
    });
    assert.equal(evil.status, 403);
  });
});

describe('web-test-runner middleware', () => {
  it('answers VTEX and control paths and falls through for everything else', async () => {
    const mw = wtrMiddleware(createDevStack());
    let fellThrough = 0;
    const server = createServer((req, res) => {
      const ctx: KoaLikeContext = {req, res};
      void mw(ctx, async () => {
        fellThrough++;
        res.statusCode = 299;
        res.end('next');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const cart = await raw(origin, 'GET', '/api/checkout/pub/orderForm');
      assert.equal(cart.status, 200);
      assert.ok(cart.setCookies.length >= 1, 'Set-Cookie lines preserved');
      assert.equal((await raw(origin, 'GET', '/_sandbox/faults')).status, 200);
      assert.equal((await raw(origin, 'GET', '/src/elements/cart/cart.test.ts')).status, 299);
      assert.equal(fellThrough, 1);
    } finally {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    }
  });
});

describe('real-account mode', () => {
  it('forwards to {account}.vtexcommercestable.com.br and does not mount sandbox controls', async () => {
    const calls: {url: string; init: RequestInit}[] = [];
    const stack = createDevStack({
      vtexAccount: 'mystore',
      fetch: async (url, init) => {
        calls.push({url, init});
        return new Response('{"orderFormId":"x"}', {
          status: 200,
          headers: {
            'Content-Type': 'application/json',
            'Set-Cookie':
              'checkout.vtex.com=__ofid=x; Domain=.vtexcommercestable.com.br; Path=/; Secure; HttpOnly',
          },
        });
      },
    });
    assert.equal(stack.upstream, 'https://mystore.vtexcommercestable.com.br');
    const running = await startServer({stack, root, port: 0});
    try {
      const r = await raw(running.origin, 'GET', '/api/checkout/pub/orderForm?refreshOutdatedData=true', {
        Cookie: 'VtexIdclientAutCookie_mystore=jwt; wp=1',
      });
      assert.equal(r.status, 200);
      assert.equal(calls.length, 1);
      assert.equal(
        calls[0]!.url,
        'https://mystore.vtexcommercestable.com.br/api/checkout/pub/orderForm?refreshOutdatedData=true',
      );
      const h = new Headers(calls[0]!.init.headers);
      assert.equal(h.get('accept'), 'application/json');
      assert.equal(h.get('content-type'), 'application/json');
      assert.equal(h.get('cookie'), 'VtexIdclientAutCookie_mystore=jwt');
      assert.equal(h.get('host'), null);
      assert.equal(r.setCookies[0], 'checkout.vtex.com=__ofid=x; Path=/; HttpOnly; SameSite=Lax');
      assert.equal((await raw(running.origin, 'GET', '/_sandbox/orders')).status, 404);
    } finally {
      await running.close();
    }
  });

  it("names no payment host of its own (VTEX's), or the one VTEX_PAYMENTS_API gives", async () => {
    const plain = await startServer({stack: createDevStack({vtexAccount: 'mystore'}), root, port: 0});
    try {
      assert.equal(plain.paymentsOrigin, undefined);
      assert.doesNotMatch((await raw(plain.origin, 'GET', '/')).body, /payments-api=/);
    } finally {
      await plain.close();
    }
    const stack = createDevStack({vtexAccount: 'mystore', paymentsApi: 'http://127.0.0.1:9'});
    const running = await startServer({stack, root, port: 0});
    try {
      assert.match(
        (await raw(running.origin, 'GET', '/')).body,
        /<vtex-store[^>]* payments-api="http:\/\/127\.0\.0\.1:9">/,
      );
    } finally {
      await running.close();
    }
    assert.throws(() => createDevStack({paymentsApi: 'http://127.0.0.1:9'}), /needs VTEX_ACCOUNT/);
    assert.throws(
      () => createDevStack({vtexAccount: 'mystore', paymentsApi: 'javascript:alert(1)'}),
      /must be an origin/,
    );
  });
});

describe('faultsFromEnv', () => {
  it('reads latency, rates and routes, and rejects nonsense', () => {
    assert.equal(faultsFromEnv({}), undefined);
    assert.deepEqual(
      faultsFromEnv({
        SANDBOX_LATENCY: '300',
        SANDBOX_ERROR_RATE: '0.3',
        SANDBOX_FAULT_ROUTES: '/api/checkout',
      }),
      {
        latencyMs: 300,
        errorRate: 0.3,
        routes: '/api/checkout',
      },
    );
    assert.deepEqual(faultsFromEnv({SANDBOX_LATENCY: '100-800'}), {latencyMs: [100, 800]});
    assert.throws(() => faultsFromEnv({SANDBOX_ERROR_RATE: '3'}));
    assert.throws(() => faultsFromEnv({SANDBOX_LATENCY: 'slow'}));
  });
});

describe('dev server lockdown (issue 14)', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({stack: createDevStack({allowedHosts: ['shop.test']}), root, port: 0});
  });
  after(() => server.close());
  const port = () => new URL(server.origin).port;

  it('answers sandbox controls only for same-origin or no-Origin JSON requests', async () => {
    const faults = JSON.stringify({errorRate: 1});
    const attempts: [string, Record<string, string>][] = [
      ['text/plain from another site', {'Content-Type': 'text/plain', Origin: 'https://evil.example'}],
      ['JSON from another site', {'Content-Type': 'application/json', Origin: 'https://evil.example'}],
      ['cross-site fetch', {'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site'}],
      ['same-site fetch', {'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site'}],
      ['text/plain without Origin', {'Content-Type': 'text/plain'}],
      ['form without Origin', {'Content-Type': 'application/x-www-form-urlencoded'}],
    ];
    for (const [name, headers] of attempts) {
      const r = await raw(server.origin, 'POST', '/_sandbox/faults', headers, faults);
      assert.ok(r.status === 403 || r.status === 415, `${name}: ${r.status}`);
      const reset = await raw(server.origin, 'POST', '/_sandbox/reset', headers, '{}');
      assert.ok(reset.status === 403 || reset.status === 415, `reset, ${name}: ${reset.status}`);
    }
    assert.equal((await raw(server.origin, 'GET', '/api/sessions')).status, 200, 'no fault got in');
    const own = await raw(
      server.origin,
      'POST',
      '/_sandbox/faults',
      {'Content-Type': 'application/json', Origin: server.origin, 'Sec-Fetch-Site': 'same-origin'},
      JSON.stringify({errorRate: 1, routes: '/api/segments'}),
    );
    assert.equal(own.status, 200, 'the page on this server still drives the sandbox');
    assert.equal((await raw(server.origin, 'DELETE', '/_sandbox/faults')).status, 204);
  });

  it('opens a Pix payment page from any site (read-only, behind an unguessable id), and nothing else', async () => {
    const cross = {'Sec-Fetch-Site': 'cross-site', Origin: 'https://cms.example'};
    const unknown = await raw(server.origin, 'GET', `/_sandbox/pix/${'A'.repeat(32)}`, cross);
    assert.equal(unknown.status, 404, 'reaches the sandbox, which knows no such payment');
    for (const p of ['/_sandbox/pix/short', `/_sandbox/pix/${'A'.repeat(32)}/pay`, '/_sandbox/faults'])
      assert.equal((await raw(server.origin, 'GET', p, cross)).status, 403, p);
    assert.equal(
      (
        await raw(
          server.origin,
          'POST',
          `/_sandbox/pix/${'A'.repeat(32)}`,
          {...cross, 'Content-Type': 'application/json'},
          '{}',
        )
      ).status,
      403,
    );
  });

  it('does not serve the order list to the web', async () => {
    const variants: Record<string, string>[] = [
      {},
      {Origin: server.origin},
      {'Sec-Fetch-Site': 'same-origin'},
    ];
    for (const headers of variants) {
      const r = await raw(server.origin, 'GET', '/_sandbox/orders', headers);
      assert.equal(r.status, 404);
      assert.ok(!r.body.includes('@'), r.body);
    }
  });

  it('answers loopback and configured Host names only (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port()}`,
      `10.0.0.5:${port()}`,
      'localhost.evil.example',
    ]) {
      for (const p of ['/', '/api/sessions', '/_sandbox/faults']) {
        const r = await raw(server.origin, 'GET', p, {Host: host});
        assert.equal(r.status, 403, `${host} ${p}`);
      }
    }
    for (const host of [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      `app.localhost:${port()}`,
      'shop.test',
    ]) {
      assert.equal((await raw(server.origin, 'GET', '/api/sessions', {Host: host})).status, 200, host);
    }
  });

  it('takes fault routes as a path prefix, never as a regular expression', async () => {
    const post = (routes: string) =>
      raw(
        server.origin,
        'POST',
        '/_sandbox/faults',
        {'Content-Type': 'application/json'},
        JSON.stringify({errorRate: 1, routes}),
      );
    for (const routes of ['(a+)+$', '^/api/.*', 'items/update']) {
      assert.equal((await post(routes)).status, 400, routes);
    }
    assert.equal((await post('/api/checkout/pub/orderForm/*/items/update')).status, 200);
    assert.equal((await raw(server.origin, 'GET', '/api/checkout/pub/orderForm')).status, 200);
    assert.equal((await raw(server.origin, 'DELETE', '/_sandbox/faults')).status, 204);
  });

  it('answers TRACE, CONNECT and absolute-form targets with 4xx/501 and keeps serving', async () => {
    const {connect} = await import('node:net');
    const send = (text: string) =>
      new Promise<number>((resolve) => {
        const socket = connect(Number(port()), '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
        socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(out)?.[1] ?? 0)));
        socket.on('error', () => resolve(0));
        setTimeout(() => socket.end(), 1500).unref();
      });
    const trace = await send('TRACE /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const connectAnswer = await send('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n');
    const absolute = await send('GET http://evil.example/api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    assert.equal(trace, 501);
    assert.equal(connectAnswer, 501);
    assert.equal(absolute, 400);
    assert.equal((await raw(server.origin, 'GET', '/api/sessions')).status, 200);
  });
});
