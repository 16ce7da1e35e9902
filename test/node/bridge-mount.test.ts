/**
 * The bridge's mount path (src/bridge/bridge.ts, step 1 of the pipeline): under `basePath: '/_v'` only `/_v/…`
 * reaches the allowlist and upstream, with the prefix stripped; anything else is the same 404 as an unknown
 * route, answered before the origin policy and the rate limit, and upstream never hears of it.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexBridge, type VtexBridgeOptions} from '../../src/bridge/index.js';

const SHOP = 'https://shop.example';
const PAGE = 'https://cms.example.com';
const FOREIGN = 'https://evil.example';
const ORDER_FORM = '/api/checkout/pub/orderForm';
const ITEMS = `${ORDER_FORM}/${'0123456789abcdef'.repeat(2)}/items`;
const OUTSIDE = [
  `/_x${ORDER_FORM}`,
  `/_vx${ORDER_FORM}`,
  ORDER_FORM,
  '/_v',
  '/_V' + ORDER_FORM,
  '/x/_v' + ORDER_FORM,
];

/** A bridge mounted at /_v over an upstream handler that records every URL it is asked for. */
function setup(options: Partial<VtexBridgeOptions> = {}) {
  const seen: string[] = [];
  const bridge = createVtexBridge({
    upstream: async (req) => {
      seen.push(`${req.method} ${req.url}`);
      return new Response(JSON.stringify({ok: true}), {headers: {'Content-Type': 'application/json'}});
    },
    account: 'mystore',
    allowedOrigins: [PAGE],
    basePath: '/_v',
    logger: {warn: () => undefined},
    ...options,
  });
  const call = (path: string, init?: RequestInit) => bridge(new Request(SHOP + path, init));
  return {call, seen};
}

/** The bridge's 404: its status, headers and body, for one deepEqual. */
async function answer(res: Response) {
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    cacheControl: res.headers.get('cache-control'),
    vary: res.headers.get('vary'),
    allowOrigin: res.headers.get('access-control-allow-origin'),
    body: await res.json(),
  };
}

const NOT_FOUND = {
  status: 404,
  contentType: 'application/json; charset=utf-8',
  cacheControl: 'no-store',
  vary: 'Origin',
  allowOrigin: null,
  body: {error: {code: 'BRIDGE_NOT_FOUND', message: 'Not found', exception: null}},
};

const postJson = (origin: string): RequestInit => ({
  method: 'POST',
  headers: {'Content-Type': 'application/json', Origin: origin},
  body: '{}',
});

describe('bridge mount path', () => {
  it('paths outside /_v, look-alikes and /_v alone are a 404, and upstream is never called', async () => {
    const {call, seen} = setup();
    for (const path of OUTSIDE) {
      assert.deepEqual(await answer(await call(path)), NOT_FOUND, path);
      assert.deepEqual(await answer(await call(path, postJson(SHOP))), NOT_FOUND, `POST ${path}`);
      const items = path.replace(ORDER_FORM, ITEMS);
      assert.deepEqual(await answer(await call(items, postJson(SHOP))), NOT_FOUND, `POST ${items}`);
    }
    assert.deepEqual(await answer(await call('/_v/')), NOT_FOUND, '/_v/');
    assert.deepEqual(seen, []);
  });

  it('/_v/… is forwarded with the prefix stripped, query kept', async () => {
    const {call, seen} = setup();
    const res = await call(`/_v${ORDER_FORM}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {ok: true});
    assert.equal((await call(`/_v${ORDER_FORM}?sc=2`)).status, 200);
    assert.equal((await call(`/_v${ITEMS}`, postJson(SHOP))).status, 200);
    assert.deepEqual(seen, [
      `GET ${SHOP}${ORDER_FORM}`,
      `GET ${SHOP}${ORDER_FORM}?sc=2`,
      `POST ${SHOP}${ITEMS}`,
    ]);
  });

  it('a URL upstream gets the stripped path too', async () => {
    const urls: string[] = [];
    const {call} = setup({
      upstream: 'https://mystore.vtexcommercestable.com.br/',
      fetch: async (input) => {
        urls.push(input);
        return new Response('{}', {headers: {'Content-Type': 'application/json'}});
      },
    });
    assert.equal((await call(`/_v${ORDER_FORM}?sc=1`)).status, 200);
    assert.deepEqual(await answer(await call(`/_vx${ORDER_FORM}`)), NOT_FOUND);
    assert.deepEqual(await answer(await call(ORDER_FORM)), NOT_FOUND);
    assert.deepEqual(urls, [`https://mystore.vtexcommercestable.com.br${ORDER_FORM}?sc=1`]);
  });

  it('a basePath written with extra slashes mounts the same', async () => {
    const {call, seen} = setup({basePath: '//_v/'});
    assert.deepEqual(await answer(await call(`/_vx${ORDER_FORM}`)), NOT_FOUND);
    assert.equal((await call(`/_v${ORDER_FORM}`)).status, 200);
    assert.deepEqual(seen, [`GET ${SHOP}${ORDER_FORM}`]);
  });

  it('outside the mount, the refusal comes before the origin policy; /_v itself is inside it', async () => {
    const {call, seen} = setup();
    // A foreign page's POST inside the mount meets the origin policy (403)...
    const inside = await call('/_v', postJson(FOREIGN));
    assert.equal(inside.status, 403);
    assert.deepEqual(await inside.json(), {
      error: {code: 'BRIDGE_ORIGIN', message: 'Origin not allowed', exception: null},
    });
    assert.equal((await call(`/_v${ORDER_FORM}`, postJson(FOREIGN))).status, 403);
    // ...outside it, the mount answers first.
    for (const path of [`/_x${ORDER_FORM}`, `/_vx${ORDER_FORM}`, ORDER_FORM]) {
      assert.deepEqual(await answer(await call(path, postJson(FOREIGN))), NOT_FOUND, path);
    }
    assert.deepEqual(seen, []);
  });

  it('an allowed page gets its CORS headers on the refusal', async () => {
    const {call, seen} = setup();
    assert.deepEqual(await answer(await call(`/_vx${ORDER_FORM}`, {headers: {Origin: PAGE}})), {
      ...NOT_FOUND,
      allowOrigin: PAGE,
    });
    assert.deepEqual(seen, []);
  });

  it('a preflight outside the mount is the plain 404; inside it, the preflight answers', async () => {
    const {call, seen} = setup();
    const preflight = {
      method: 'OPTIONS',
      headers: {Origin: PAGE, 'Access-Control-Request-Method': 'POST'},
    };
    assert.deepEqual(await answer(await call(`/_vx${ITEMS}`, preflight)), {...NOT_FOUND, allowOrigin: PAGE});
    assert.deepEqual(await answer(await call('/_v', preflight)), {
      ...NOT_FOUND,
      allowOrigin: PAGE,
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
    const ok = await call(`/_v${ITEMS}`, preflight);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-methods'), 'POST, PATCH');
    assert.deepEqual(seen, []);
  });

  it('refusals outside the mount do not use up the rate limit; /_v alone does', async () => {
    const {call, seen} = setup({rateLimit: {windowMs: 60_000, max: 1}, now: () => 0});
    for (const path of [`/_x${ORDER_FORM}`, `/_vx${ORDER_FORM}`, ORDER_FORM]) {
      assert.deepEqual(await answer(await call(path)), NOT_FOUND, path);
    }
    assert.equal((await call(`/_v${ORDER_FORM}`)).status, 200);
    assert.equal((await call(`/_v${ORDER_FORM}`)).status, 429);
    const other = setup({rateLimit: {windowMs: 60_000, max: 1}, now: () => 0});
    assert.deepEqual(await answer(await other.call('/_v')), NOT_FOUND);
    assert.equal((await other.call(`/_v${ORDER_FORM}`)).status, 429);
    assert.deepEqual(seen, [`GET ${SHOP}${ORDER_FORM}`]);
    assert.deepEqual(other.seen, []);
  });
});
