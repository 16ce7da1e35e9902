/**
 * Real-account mode end to end: the sandbox runs as its own HTTP server answering like VTEX's hosts (cookies for
 * `.vtexcommercestable.com.br`, Secure, SameSite=None; absolute image URLs; redirects to its own host), and the
 * demo's bridge forwards to it as it would to `https://{account}.vtexcommercestable.com.br` (`VTEX_UPSTREAM`).
 * The shopper journey runs through both; the cookie and redirect rewriting only a real account needs is on
 * its path.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'playwright-core';
import {isKnownCookie} from '../../src/bridge/index.js';
import {createPaymentHost, createSandbox, type Sandbox} from '../../src/sandbox/index.js';
import {toRequest, writeResponse} from '../../src/server/node-adapter.js';
import {vtexHostHandler} from '../../src/server/vtex-host.js';
import {ARTIFACTS, Driver, launchBrowser, newContext, startDemo, VIEWPORTS, type Demo} from './harness.js';
import {journey} from './shopper-journey.js';

let host: Server;
let hostOrigin: string;
let sandbox: Sandbox;
let demo: Demo;
let browser: Browser;
/** Requests the VTEX-like host received: method, path, and whether they came from the browser directly. */
const hostRequests: {method: string; path: string; cookie: string}[] = [];
/** Location headers the host answered with. */
const redirects: string[] = [];

/** The host's handler, set once the demo's origin is known (the sandbox allows it as a return origin). */
let handler: ((request: Request) => Promise<Response>) | undefined;

before(async () => {
  host = createServer((req, res) => {
    hostRequests.push({method: req.method ?? '', path: req.url ?? '', cookie: req.headers.cookie ?? ''});
    void handler!(toRequest(req))
      .then((response) => writeResponse(res, response, req.method))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  demo = await startDemo({
    // The VTEX-like host also answers as VTEX's payment host (card data goes there, never through the bridge).
    dev: {
      vtexAccount: 'sandbox',
      vtexUpstream: hostOrigin,
      paymentsApi: hostOrigin,
      logger: {warn: () => {}},
    },
  });
  sandbox = createSandbox({baseUrl: hostOrigin, allowedReturnOrigins: [demo.origin]});
  const vtexHost = vtexHostHandler(sandbox, hostOrigin);
  const paymentHost = createPaymentHost(sandbox);
  handler = async (request) => {
    const {pathname} = new URL(request.url);
    const isPayment = /^\/api\/(payments|pub)\/transactions\/[^/]+\/payments$/.test(pathname);
    const response = await (isPayment ? paymentHost : vtexHost)(request);
    const location = response.headers.get('location');
    if (location) redirects.push(location);
    return response;
  };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

describe('real-account mode: the bridge in front of a VTEX-like host', () => {
  it('serves the demo through the bridge to the VTEX_UPSTREAM host, not the in-process sandbox', () => {
    assert.equal(demo.stack.upstream, hostOrigin);
    assert.equal(demo.stack.account, 'sandbox');
  });

  it("rewrites the host's absolute redirects and VTEX-domain cookies for the page's site", async () => {
    const before = redirects.length;
    const res = await fetch(`${demo.origin}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({email: 'ana@example.com', code: '123456', returnUrl: '/demo/account.html'}),
    });
    assert.equal(res.status, 303);
    assert.deepEqual(redirects.slice(before), [`${hostOrigin}/demo/account.html`], 'the host named itself');
    assert.equal(res.headers.get('location'), `${demo.origin}/demo/account.html`);
    const login = res.headers.getSetCookie().find((c) => c.startsWith('VtexIdclientAutCookie_sandbox='));
    assert.ok(login, 'the login cookie is passed on');
    assert.doesNotMatch(login, /Domain=/i);
    assert.doesNotMatch(login, /;\s*Secure/i);
    assert.match(login, /HttpOnly/i);
  });

  it("searches, buys, signs in and sees the order; the cookies belong to the page's host", async () => {
    const context = await newContext(browser, {...VIEWPORTS.desktop, locale: 'pt-BR'});
    try {
      const page = await context.newPage();
      const images: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'image') images.push(r.url());
      });
      const d = new Driver(page, 'desktop', path.join(ARTIFACTS, 'real-account'), false);
      const {orderId} = await journey({origin: demo.origin, orders: () => sandbox.orders()}, 'desktop', d);
      assert.match(orderId, /^\d+-\d+$/);
      assert.deepEqual(d.consoleErrors, [], 'no console errors');

      const cookies = await context.cookies();
      const vtex = cookies.filter((c) => /^(checkout\.vtex\.com|VtexIdclientAutCookie)/.test(c.name));
      assert.ok(
        vtex.length >= 2,
        `the cart and login cookies reached the browser: ${cookies.map((c) => c.name)}`,
      );
      for (const c of vtex) {
        assert.equal(c.domain, '127.0.0.1', `${c.name} is for the page's host, not VTEX's domain`);
        assert.equal(c.secure, false, `${c.name}: a Secure cookie would never come back over http`);
        assert.equal(c.httpOnly, true, `${c.name} stays HttpOnly`);
      }
      assert.ok(
        images.some((u) => u.startsWith(`${hostOrigin}/arquivos/`)),
        'product images load from the VTEX-like host, as from VTEX',
      );
      const payments = hostRequests.filter((r) => /\/transactions\/[^/]+\/payments(\?|$)/.test(r.path));
      assert.equal(payments.filter((r) => r.method === 'POST').length, 1, 'one payment, to the payment host');
      assert.ok(
        payments.every((r) => r.cookie === ''),
        'the browser sent the card straight to the payment host, without cookies',
      );
      assert.ok(
        hostRequests.some((r) => r.path.startsWith('/api/oms/user/orders')),
        'the order history asked the host',
      );
      const sent = new Set(
        hostRequests.flatMap((r) => r.cookie.split(';').map((c) => c.split('=')[0]!.trim())).filter(Boolean),
      );
      assert.ok(sent.has('checkout.vtex.com'), `the cart cookie went back to the host: ${[...sent]}`);
      assert.deepEqual(
        [...sent].filter((name) => !isKnownCookie(name, 'sandbox')),
        [],
        'only VTEX cookies reached the host',
      );
    } finally {
      await context.close();
    }
  });
});
