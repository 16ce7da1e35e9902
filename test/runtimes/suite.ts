/**
 * The bridge's HTTP suite: one set of tests over real HTTP, against a bridge at `origin()` in front of the fake
 * VTEX host. bridge.runtimes.test.ts runs it once per runtime. The bridge must run with BRIDGE_ENV.
 */
import assert from 'node:assert/strict';
import {it} from 'node:test';
import type {FakeUpstream, Hit} from './fake-upstream.js';

/** The bridge's variables for this suite (VTEX_UPSTREAM is the fake host's origin). */
export const BRIDGE_ENV = {
  VTEX_ACCOUNT: 'mystore',
  ALLOWED_ORIGINS: 'https://shop.example.com',
  BRIDGE_BASE_PATH: '/_v',
  BRIDGE_MAX_BODY_BYTES: '4096',
  BRIDGE_TIMEOUT_MS: '3000',
  BRIDGE_RATE_LIMIT_MAX: '150',
  BRIDGE_RATE_LIMIT_WINDOW_MS: '60000',
};

const PAGE = 'https://shop.example.com';
const STRANGER = 'https://evil.example';
const OF_ID = 'a'.repeat(32);
const SEARCH = '/api/intelligent-search/v1/product-search';

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json()) as {error?: {code?: string}}).error?.code;
}

export interface SuiteContext {
  origin(): string;
  upstream(): FakeUpstream;
}

export function bridgeSuite(ctx: SuiteContext): void {
  const url = (path: string) => `${ctx.origin()}/_v${path}`;
  const call = (path: string, init: RequestInit = {}) => fetch(url(path), {redirect: 'manual', ...init});
  /** What the fake host saw for the request made by `run` (undefined when nothing reached it). */
  async function forwarded(run: () => Promise<Response>): Promise<{res: Response; hit: Hit | undefined}> {
    const before = ctx.upstream().hits.length;
    const res = await run();
    await res.arrayBuffer();
    return {res, hit: ctx.upstream().hits[before]};
  }

  it('allowlist: forwards a listed route with path and query intact and asks VTEX for JSON', async () => {
    const {res, hit} = await forwarded(() => call(`${SEARCH}/category-1/shoes?query=tênis&page=2`));
    assert.equal(res.status, 200);
    assert.equal(hit?.path, `${SEARCH}/category-1/shoes`);
    assert.equal(new URLSearchParams(hit.search).get('query'), 'tênis');
    assert.equal(hit.headers['accept'], 'application/json');
  });

  it('allowlist: private, unknown and traversing paths get 404 and never reach VTEX', async () => {
    for (const path of [
      '/api/catalog_system/pvt/products/1',
      '/api/oms/pvt/orders',
      '/admin',
      '/api/checkout/pub/orderForm/%2e%2e/%2e%2e/pvt',
      '/api/checkout/pub/orderForm/..%2f..%2fpvt',
    ]) {
      const {res, hit} = await forwarded(() => call(path));
      assert.equal(res.status, 404, path);
      assert.equal(hit, undefined, `${path} reached VTEX`);
    }
    const outside = await fetch(`${ctx.origin()}/api/checkout/pub/orderForm`);
    assert.equal(outside.status, 404, 'only the mount path is served');
  });

  it('allowlist: a listed path with another method gets 405 and Allow', async () => {
    const {res, hit} = await forwarded(() =>
      call(`/api/checkout/pub/orderForm/${OF_ID}`, {method: 'DELETE'}),
    );
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /GET/);
    assert.equal(hit, undefined);
  });

  it('CORS: an allowed page origin gets credentialed CORS headers and Vary: Origin', async () => {
    const res = await call(SEARCH, {headers: {Origin: PAGE}});
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('vary') ?? '', /Origin/);
    await res.arrayBuffer();
  });

  it('CORS: a preflight from the page names the route methods; a stranger gets 403 and no CORS', async () => {
    const ok = await call(`/api/checkout/pub/orderForm/${OF_ID}/items`, {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), PAGE);
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
    const stranger = await call(`/api/checkout/pub/orderForm/${OF_ID}/items`, {
      method: 'OPTIONS',
      headers: {Origin: STRANGER, 'Access-Control-Request-Method': 'POST'},
    });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    await Promise.all([ok.arrayBuffer(), stranger.arrayBuffer()]);
  });

  it('CORS: a stranger cannot change a cart, and its reads carry no cookies either way', async () => {
    const write = await forwarded(() =>
      call(`/api/checkout/pub/orderForm/${OF_ID}/items`, {
        method: 'POST',
        headers: {
          Origin: STRANGER,
          'Content-Type': 'application/json',
          Cookie: `checkout.vtex.com=__ofid=${OF_ID}`,
        },
        body: JSON.stringify({orderItems: [{id: '1', quantity: 1, seller: '1'}]}),
      }),
    );
    assert.equal(write.res.status, 403);
    assert.equal(write.hit, undefined, 'the write reached VTEX');
    const read = await forwarded(() =>
      call('/api/checkout/pub/orderForm', {
        headers: {Origin: STRANGER, Cookie: `checkout.vtex.com=__ofid=${OF_ID}`},
      }),
    );
    assert.equal(read.res.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(read.res.headers.getSetCookie(), []);
    assert.equal(read.hit?.headers['cookie'], undefined);
  });

  it("cookies: VTEX's Set-Cookie is rewritten for the bridge's site; unknown cookies are dropped", async () => {
    const res = await call('/api/checkout/pub/orderForm', {headers: {Origin: PAGE}});
    assert.equal(res.status, 200);
    const cookies = res.headers.getSetCookie();
    await res.arrayBuffer();
    const names = cookies.map((c) => c.split('=')[0]);
    assert.deepEqual(names.sort(), ['CheckoutOrderFormOwnership', 'checkout.vtex.com']);
    const cart = cookies.find((c) => c.startsWith('checkout.vtex.com='))!;
    assert.ok(cart.startsWith(`checkout.vtex.com=__ofid=${'f'.repeat(32)};`), cart);
    assert.doesNotMatch(cart, /Domain=/i, "VTEX's domain would make the browser drop the cookie");
    assert.doesNotMatch(cart, /;\s*Secure/i, 'plain http: a Secure cookie would never come back');
    assert.match(cart, /HttpOnly/i);
    assert.match(cart, /Path=\/_v/);
    assert.match(cart, /SameSite=(Lax|Strict)/i);
    assert.equal(res.headers.get('x-vtex-api-apptoken'), null);
  });

  it('cookies: only VTEX cookies go upstream; the login cookie reaches OMS as its header', async () => {
    const token = 'eyJhbGciOi.payload.sig';
    const {hit} = await forwarded(() =>
      call('/api/oms/user/orders', {
        headers: {
          Origin: PAGE,
          Cookie: `site_session=private; checkout.vtex.com=__ofid=${OF_ID}; VtexIdclientAutCookie_mystore=${token}`,
          'X-VTEX-API-AppKey': 'key',
          'X-VTEX-API-AppToken': 'token',
          VtexIdclientAutCookie: 'forged',
        },
      }),
    );
    const cookie = String(hit?.headers['cookie'] ?? '');
    assert.match(cookie, /checkout\.vtex\.com=__ofid=a{32}/);
    assert.doesNotMatch(cookie, /site_session/);
    assert.equal(hit?.headers['vtexidclientautcookie'], token);
    assert.equal(hit?.headers['x-vtex-api-appkey'], undefined);
    assert.equal(hit?.headers['x-vtex-api-apptoken'], undefined);
  });

  it('limits: a body over the limit gets 413 and never reaches VTEX; one under it passes', async () => {
    const items = (n: number) =>
      JSON.stringify({orderItems: [{id: '1', quantity: 1, seller: '1', note: 'x'.repeat(n)}]});
    const init = (body: string): RequestInit => ({
      method: 'POST',
      headers: {Origin: PAGE, 'Content-Type': 'application/json'},
      body,
    });
    const big = await forwarded(() => call(`/api/checkout/pub/orderForm/${OF_ID}/items`, init(items(5000))));
    assert.equal(big.res.status, 413);
    assert.equal(big.hit, undefined);
    const small = await forwarded(() => call(`/api/checkout/pub/orderForm/${OF_ID}/items`, init(items(100))));
    assert.equal(small.res.status, 200);
    assert.equal(JSON.parse(small.hit!.body).orderItems[0].note.length, 100);
  });

  it('returnUrl: login accepts this site and the allowed page, refuses anywhere else', async () => {
    for (const ok of ['/account', `${PAGE}/account?x=1`]) {
      const {res, hit} = await forwarded(() => call(`/login?returnUrl=${encodeURIComponent(ok)}`));
      assert.equal(res.status, 200, ok);
      assert.equal(new URLSearchParams(hit!.search).get('returnUrl'), ok);
    }
    for (const bad of [`${STRANGER}/phish`, '//evil.example/x', 'javascript:alert(1)', '/\\evil.example']) {
      const {res, hit} = await forwarded(() => call(`/login?returnUrl=${encodeURIComponent(bad)}`));
      assert.equal(res.status, 400, bad);
      assert.equal(hit, undefined, `${bad} reached VTEX`);
    }
  });

  it("redirects: VTEX's redirects to its own host come back to the bridge", async () => {
    const routed = await call('/login?next=code');
    assert.equal(routed.status, 302);
    assert.equal(routed.headers.get('location'), `${ctx.origin()}/_v/login?step=code`);
    const page = await call('/login?next=account');
    assert.equal(page.headers.get('location'), `${ctx.origin()}/account/orders?tab=1`);
    await Promise.all([routed.arrayBuffer(), page.arrayBuffer()]);
  });

  it('upstream failures: VTEX errors pass through; a dropped connection is 502, silence is 504', async () => {
    const busy = await call(`${SEARCH}?query=upstream-503`, {headers: {Origin: PAGE}});
    assert.equal(busy.status, 503);
    assert.equal(busy.headers.get('retry-after'), '7');
    assert.equal(await errorCode(busy), 'SERVICE_UNAVAILABLE');
    const dropped = await call(`${SEARCH}?query=upstream-drops`, {headers: {Origin: PAGE}});
    assert.equal(dropped.status, 502);
    assert.equal(await errorCode(dropped), 'BRIDGE_UPSTREAM');
    assert.equal(dropped.headers.get('access-control-allow-origin'), PAGE, 'the page can read the error');
    const silent = await call(`${SEARCH}?query=upstream-hangs`, {headers: {Origin: PAGE}});
    assert.equal(silent.status, 504);
    assert.equal(await errorCode(silent), 'BRIDGE_TIMEOUT');
  });

  // Last: it empties this instance's bucket.
  it('limits: past the per-instance rate limit the bridge answers 429 with Retry-After', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 400 && !limited; i++) {
      const res = await call(SEARCH, {headers: {Origin: PAGE}});
      if (res.status === 429) limited = res;
      else assert.equal(res.status, 200);
      await res.arrayBuffer();
    }
    assert.ok(limited, 'never limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(limited.headers.get('access-control-allow-origin'), PAGE);
  });
}
