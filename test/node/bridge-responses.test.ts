/**
 * The bridge's answers in exact detail (src/bridge/bridge.ts, issue 22): every refusal's status, code,
 * message and headers, the preflight answer, the configuration errors, which request headers go upstream and
 * which response headers come back, bodyless answers, body reading and the client-abort path. Called
 * in-process (a Fetch handler), no server needed.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexBridge, type VtexBridgeOptions} from '../../src/bridge/index.js';

const SHOP = 'https://shop.example';
const PAGE = 'https://cms.example.com';
const OF_ID = '0123456789abcdef0123456789abcdef';
const ORDER_FORM = '/api/checkout/pub/orderForm';
const ITEMS = `${ORDER_FORM}/${OF_ID}/items`;
const SEARCH = '/api/io/_v/api/intelligent-search/product-search';
const CATALOG = '/api/catalog_system/pub/products/search';
const PAYMENTS = '/api/payments/transactions/ABC123/payments';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  aborted: boolean;
}

type Answer = (req: Request) => Response | Promise<Response>;

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json', ...headers}});

/** A bridge over a recording upstream; `answer` replaces the default `{"ok":true}`. */
function setup(options: Partial<VtexBridgeOptions> = {}, answer?: Answer) {
  const seen: Seen[] = [];
  const warnings: string[] = [];
  const bridge = createVtexBridge({
    upstream: async (req) => {
      const headers: Record<string, string> = {};
      req.headers.forEach((v, k) => (headers[k] = v));
      const aborted = req.signal.aborted;
      seen.push({method: req.method, url: req.url, headers, body: aborted ? '' : await req.text(), aborted});
      return answer ? answer(req) : json({ok: true});
    },
    account: 'mystore',
    allowedOrigins: [PAGE],
    logger: {warn: (m) => warnings.push(m)},
    ...options,
  });
  const call = (path: string, init?: RequestInit) => bridge(new Request(SHOP + path, init));
  return {bridge, call, seen, warnings};
}

async function assertError(res: Response, status: number, code: string, message: string): Promise<void> {
  assert.equal(res.status, status, code);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8', code);
  assert.equal(res.headers.get('cache-control'), 'no-store', code);
  assert.deepEqual(await res.json(), {error: {code, message, exception: null}});
}

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {'Content-Type': 'application/json', ...headers},
  body: JSON.stringify(body),
});

describe('bridge responses: refusals carry their exact code, message and headers', () => {
  it('404 for an unknown route and outside the mount path; the mount path itself and look-alikes are unknown', async () => {
    const {call, seen} = setup();
    await assertError(await call('/wp-admin'), 404, 'BRIDGE_NOT_FOUND', 'Not found');
    const mounted = setup({basePath: '/_v'});
    await assertError(await mounted.call(CATALOG), 404, 'BRIDGE_NOT_FOUND', 'Not found');
    await assertError(await mounted.call(`/_vx${CATALOG}`), 404, 'BRIDGE_NOT_FOUND', 'Not found');
    await assertError(await mounted.call('/_v'), 404, 'BRIDGE_NOT_FOUND', 'Not found');
    assert.equal((await mounted.call(`/_v${CATALOG}`)).status, 200);
    assert.deepEqual(
      mounted.seen.map((s) => s.url),
      [`${SHOP}${CATALOG}`],
    );
    assert.deepEqual(seen, []);
  });

  it('403 BRIDGE_ORIGIN for a foreign page writing, with Vary: Origin and no CORS headers', async () => {
    const {call, seen} = setup();
    const res = await call(ITEMS, postJson({orderItems: []}, {Origin: 'https://evil.example'}));
    assert.equal(res.headers.get('vary'), 'Origin');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    await assertError(res, 403, 'BRIDGE_ORIGIN', 'Origin not allowed');
    assert.deepEqual(seen, []);
  });

  it('405 BRIDGE_METHOD with Allow listing the route methods', async () => {
    const {call} = setup();
    const res = await call(ITEMS, {method: 'DELETE'});
    assert.equal(res.headers.get('allow'), 'POST, PATCH');
    await assertError(res, 405, 'BRIDGE_METHOD', 'Method not allowed');
  });

  it('429 BRIDGE_RATE_LIMIT with Retry-After in whole seconds', async () => {
    let now = 0;
    const {call} = setup({rateLimit: {max: 1, windowMs: 2500}, now: () => now});
    assert.equal((await call(CATALOG)).status, 200);
    const res = await call(CATALOG);
    assert.equal(res.headers.get('retry-after'), '3');
    await assertError(res, 429, 'BRIDGE_RATE_LIMIT', 'Too many requests');
    now = 2500;
    assert.equal((await call(CATALOG)).status, 200);
  });

  it('403 BRIDGE_CROSS_SITE for a state-changing GET from a foreign site', async () => {
    const {call} = setup();
    await assertError(
      await call(`${ORDER_FORM}?forceNewCart=true`, {headers: {'Sec-Fetch-Site': 'cross-site'}}),
      403,
      'BRIDGE_CROSS_SITE',
      "This action can only be started from the store's own pages",
    );
  });

  it('413 BRIDGE_TOO_LARGE by declared length and by counted bytes; exactly the limit passes', async () => {
    const {call, seen} = setup({maxBodyBytes: 16});
    const body = JSON.stringify({a: '12345678'}); // 16 bytes
    assert.equal(body.length, 16);
    const ok = await call(ITEMS, {method: 'POST', headers: {'Content-Type': 'application/json'}, body});
    assert.equal(ok.status, 200);
    assert.equal(seen[0]!.body, body);
    await assertError(
      await call(ITEMS, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Content-Length': '17'},
        body: '{}',
      }),
      413,
      'BRIDGE_TOO_LARGE',
      'Request body too large',
    );
    await assertError(
      await call(ITEMS, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: body + ' '}),
      413,
      'BRIDGE_TOO_LARGE',
      'Request body too large',
    );
    assert.equal(seen.length, 1);
  });

  it('reads a body sent in several chunks whole, maps an adapter limit to 413 and a broken stream to 400', async () => {
    const streamOf = (chunks: string[], fail?: Error) =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (const s of chunks) c.enqueue(new TextEncoder().encode(s));
          if (fail) c.error(fail);
          else c.close();
        },
      });
    const post = (stream: ReadableStream<Uint8Array>): RequestInit =>
      ({
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: stream,
        duplex: 'half',
      }) as RequestInit;
    const {call, seen} = setup();
    assert.equal((await call(ITEMS, post(streamOf(['{"orderItems":', '[1,', '2]}'])))).status, 200);
    assert.equal(seen[0]!.body, '{"orderItems":[1,2]}');
    const tooLarge = Object.assign(new Error('limit'), {name: 'PayloadTooLargeError'});
    await assertError(
      await call(ITEMS, post(streamOf(['{'], tooLarge))),
      413,
      'BRIDGE_TOO_LARGE',
      'Request body too large',
    );
    await assertError(
      await call(ITEMS, post(streamOf(['{'], new Error('reset')))),
      400,
      'BRIDGE_BAD_BODY',
      'Could not read the request body',
    );
    await assertError(
      await call(ITEMS, post(streamOf(['{'], Object.assign(new TypeError('x'), {name: 'Other'})))),
      400,
      'BRIDGE_BAD_BODY',
      'Could not read the request body',
    );
    assert.equal(seen.length, 1);
  });

  it('415 on checkout and payments writes that are not exactly application/json', async () => {
    const {call, seen} = setup();
    const send = (path: string, type: string | undefined, body?: string) =>
      call(path, {method: 'POST', headers: type === undefined ? {} : {'Content-Type': type}, body});
    for (const type of [
      'text/plain',
      'text/plain; application/json',
      'application/jsonp',
      'application/json-x',
    ]) {
      await assertError(
        await send(ITEMS, type, '{}'),
        415,
        'BRIDGE_CONTENT_TYPE',
        'Checkout requests must be application/json',
      );
    }
    await assertError(
      await send(PAYMENTS, 'text/plain', '[]'),
      415,
      'BRIDGE_CONTENT_TYPE',
      'Checkout requests must be application/json',
    );
    // A declared type without a body is still checked.
    await assertError(
      await send(ITEMS, 'text/plain'),
      415,
      'BRIDGE_CONTENT_TYPE',
      'Checkout requests must be application/json',
    );
    assert.deepEqual(seen, []);
    for (const type of [
      'application/json',
      'Application/JSON;charset=utf-8',
      'application/json ; charset=utf-8',
    ]) {
      assert.equal((await send(ITEMS, type, '{}')).status, 200, type);
    }
    // Neither a body nor a type: nothing to check.
    assert.equal((await call(`${ORDER_FORM}/${OF_ID}/items/removeAll`, {method: 'POST'})).status, 200);
    assert.equal(seen.length, 4);
  });

  it('400 BRIDGE_BAD_BODY for a payments body that is not JSON', async () => {
    const {call, seen} = setup();
    await assertError(
      await call(PAYMENTS, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '[{'}),
      400,
      'BRIDGE_BAD_BODY',
      'The payments body is not JSON',
    );
    assert.deepEqual(seen, []);
  });

  it('checks returnUrl on /login and on the VTEX ID logout, and names unreadable login bodies', async () => {
    const {call, seen} = setup();
    await assertError(
      await call('/api/vtexid/pub/logout?returnUrl=https://evil.example/'),
      400,
      'BRIDGE_RETURN_URL',
      'returnUrl must be this site or an allowed origin',
    );
    await assertError(
      await call('/login', {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: 'returnUrl=/'}),
      415,
      'BRIDGE_CONTENT_TYPE',
      'Login forms must be urlencoded, multipart or JSON',
    );
    assert.deepEqual(seen, []);
    assert.equal((await call('/api/vtexid/pub/logout?returnUrl=/account')).status, 200);
    assert.equal(seen.length, 1);
  });

  it('reads returnUrl from urlencoded, +json and nested JSON bodies, whatever the key case', async () => {
    const {call, seen} = setup();
    const login = (type: string, body: string) =>
      call('/login', {method: 'POST', headers: {'Content-Type': type}, body});
    const refused = async (res: Response) =>
      assertError(res, 400, 'BRIDGE_RETURN_URL', 'returnUrl must be this site or an allowed origin');
    await refused(
      await login('application/x-www-form-urlencoded', 'user=a&ReturnURL=https%3A%2F%2Fevil.example'),
    );
    await refused(
      await login('application/vnd.api+json', JSON.stringify({returnUrl: 'https://evil.example'})),
    );
    await refused(await login('application/json', JSON.stringify({a: [{b: {returnUrl: '//evil.example'}}]})));
    // A non-string returnUrl is read as its JSON text, which is not a safe path.
    await refused(await login('application/json', JSON.stringify({returnUrl: {href: '/x'}})));
    assert.deepEqual(seen, []);
    assert.equal(
      (await login('application/json', JSON.stringify({returnUrl: '/ok', a: {returnUrl: PAGE}}))).status,
      200,
    );
    assert.equal(
      (await login('application/x-www-form-urlencoded; charset=utf-8', 'returnUrl=%2Fok')).status,
      200,
    );
    assert.equal(seen.length, 2);
  });

  it('502 BRIDGE_UPSTREAM when upstream fails and 504 BRIDGE_TIMEOUT when it is too slow', async () => {
    const failing = setup({}, () => Promise.reject(new Error('ECONNREFUSED')));
    await assertError(await failing.call(CATALOG), 502, 'BRIDGE_UPSTREAM', 'Upstream unavailable');
    const slow = setup(
      {timeoutMs: 5},
      (req) =>
        new Promise<Response>((_, reject) =>
          req.signal.addEventListener('abort', () => reject(req.signal.reason)),
        ),
    );
    await assertError(await slow.call(CATALOG), 504, 'BRIDGE_TIMEOUT', 'Upstream timed out');
  });

  it('500 BRIDGE_INTERNAL with Vary: Origin and a warning when handling throws', async () => {
    const {call, warnings} = setup({}, () => ({}) as Response);
    const res = await call(CATALOG);
    assert.equal(res.headers.get('vary'), 'Origin');
    await assertError(res, 500, 'BRIDGE_INTERNAL', 'The bridge could not handle this request');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^\[vtex-bridge\] GET failed: \S/);
  });
});

describe('bridge responses: preflight', () => {
  const preflight = (path: string, origin: string | undefined, method: string, headers?: string) => {
    const h: Record<string, string> = {'Access-Control-Request-Method': method};
    if (origin) h.Origin = origin;
    if (headers !== undefined) h['Access-Control-Request-Headers'] = headers;
    return setup().call(path, {method: 'OPTIONS', headers: h});
  };

  it('answers an allowed origin with the route methods, the allowed headers and a 10-minute cache', async () => {
    const res = await preflight(ITEMS, PAGE, 'patch', ' Content-Type , ACCEPT,accept-language');
    assert.equal(res.status, 204);
    assert.deepEqual(Object.fromEntries(res.headers), {
      'access-control-allow-origin': PAGE,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'Retry-After, resources',
      'access-control-allow-methods': 'POST, PATCH',
      'access-control-allow-headers': 'Accept, Accept-Language, Content-Type',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
  });

  it('refuses a foreign origin, an unknown route, a method and a header, each by name', async () => {
    const foreign = await preflight(ITEMS, 'https://evil.example', 'POST');
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.equal(foreign.headers.get('access-control-allow-credentials'), null);
    assert.equal(foreign.headers.get('vary'), 'Origin');
    await assertError(foreign, 403, 'BRIDGE_ORIGIN', 'Origin not allowed');
    await assertError(await preflight(ITEMS, undefined, 'POST'), 403, 'BRIDGE_ORIGIN', 'Origin not allowed');
    const unknown = await preflight('/wp-admin', PAGE, 'GET');
    assert.equal(unknown.headers.get('access-control-allow-origin'), PAGE);
    await assertError(unknown, 404, 'BRIDGE_NOT_FOUND', 'Not found');
    await assertError(
      await preflight(ITEMS, PAGE, 'DELETE'),
      403,
      'BRIDGE_METHOD',
      'Method not allowed on this route',
    );
    await assertError(
      await preflight(ITEMS, PAGE, 'POST', 'Content-Type, X-Requested-With'),
      403,
      'BRIDGE_HEADERS',
      'Request headers not allowed',
    );
  });
});

describe('bridge responses: configuration errors', () => {
  const make = (options: Partial<VtexBridgeOptions>) => () =>
    createVtexBridge({
      upstream: async () => new Response(),
      account: 'mystore',
      allowedOrigins: [],
      ...options,
    });

  it('names what is wrong', () => {
    for (const account of ['', 'my store', '!store', 'store!']) {
      assert.throws(
        make({account}),
        {name: 'TypeError', message: 'createVtexBridge: invalid account'},
        account,
      );
    }
    assert.throws(make({allowedOrigins: [PAGE, '*']}), {
      name: 'TypeError',
      message: 'createVtexBridge: "*" cannot be used with credentials; list origins',
    });
    assert.throws(make({allowedOrigins: ['ftp://cms.example.com']}), {
      name: 'TypeError',
      message: 'Invalid origin: ftp://cms.example.com',
    });
    for (const basePath of ['/a b', '/a?', '/%2e']) {
      assert.throws(
        make({basePath}),
        {name: 'TypeError', message: `Invalid basePath: ${basePath}`},
        basePath,
      );
    }
  });

  it('accepts http and https origins and normalizes the mount path', async () => {
    for (const allowedOrigins of [['http://localhost:8080'], ['https://cms.example.com/']]) {
      assert.doesNotThrow(make({allowedOrigins}));
    }
    for (const [basePath, path] of [
      ['//_v//', '/_v'],
      ['_v/', '/_v'],
      ['/a//b', '/a/b'],
      ['/', ''],
    ] as const) {
      const {call, seen} = setup({basePath});
      assert.equal((await call(`${path}${CATALOG}`)).status, 200, basePath);
      assert.equal(seen[0]!.url, `${SHOP}${CATALOG}`, basePath);
    }
  });
});

describe('bridge responses: request headers sent upstream', () => {
  it('forwards the browser headers it knows and sets JSON defaults on API routes only', async () => {
    const {call, seen} = setup();
    const browser = {
      Accept: '*/*',
      'Accept-Language': 'pt-BR',
      'User-Agent': 'UA/1',
      'If-None-Match': '"e1"',
      'If-Modified-Since': 'Sat, 05 Dec 2026 00:00:00 GMT',
      'X-Other': 'dropped',
    };
    await call(CATALOG, {headers: browser});
    assert.deepEqual(seen[0]!.headers, {
      accept: 'application/json',
      'accept-language': 'pt-BR',
      'content-type': 'application/json',
      'user-agent': 'UA/1',
      'if-none-match': '"e1"',
      'if-modified-since': 'Sat, 05 Dec 2026 00:00:00 GMT',
    });
    await call(CATALOG, {headers: {Accept: 'text/csv'}});
    assert.deepEqual(seen[1]!.headers, {accept: 'text/csv', 'content-type': 'application/json'});
    await call(CATALOG);
    assert.deepEqual(seen[2]!.headers, {accept: 'application/json', 'content-type': 'application/json'});
    await call('/arquivos/ids/155-500-500/shoe.jpg', {headers: {Accept: '*/*'}});
    assert.deepEqual(seen[3]!.headers, {accept: '*/*'});
    await call('/login', {headers: {Accept: 'text/html'}});
    assert.deepEqual(seen[4]!.headers, {accept: 'text/html'});
  });

  it('takes the client address from the named header: the last X-Forwarded-For entry, else the first', async () => {
    const xff = setup({clientIpHeader: 'X-Forwarded-For'});
    await xff.call(CATALOG, {headers: {'X-Forwarded-For': '1.1.1.1, 2.2.2.2'}});
    assert.equal(xff.seen[0]!.headers['x-forwarded-for'], '2.2.2.2');
    const real = setup({clientIpHeader: 'X-Real-IP'});
    for (const value of ['10.0.0.1, 10.0.0.2', 'x10.0.0.1', '10.0.0.1x', '1']) {
      await real.call(CATALOG, {headers: {'X-Real-IP': value}});
    }
    assert.deepEqual(
      real.seen.map((s) => s.headers['x-forwarded-for']),
      ['10.0.0.1', undefined, undefined, undefined],
    );
  });

  it('sends the OMS user token only when it is a plain token', async () => {
    const {call, seen} = setup();
    for (const token of ['abc.DEF_1-2', '!abc', 'abc!']) {
      await call('/api/oms/user/orders', {headers: {Cookie: `VtexIdclientAutCookie_mystore=${token}`}});
    }
    assert.deepEqual(
      seen.map((s) => s.headers.vtexidclientautcookie),
      ['abc.DEF_1-2', undefined, undefined],
    );
  });

  it('passes an aborted client on to upstream as an aborted signal', async () => {
    const {call, seen} = setup({}, (req) => Promise.reject(req.signal.reason));
    const gone = new AbortController();
    gone.abort();
    await assertError(
      await call(CATALOG, {signal: gone.signal}),
      502,
      'BRIDGE_UPSTREAM',
      'Upstream unavailable',
    );
    assert.equal(seen[0]!.aborted, true);
  });

  it('aborts the upstream call when the client goes away mid-request', async () => {
    const reasons: unknown[] = [];
    const client = new AbortController();
    const {call} = setup({timeoutMs: 60_000}, (req) => {
      const pending = new Promise<Response>((_, reject) =>
        req.signal.addEventListener('abort', () => {
          reasons.push(req.signal.reason);
          reject(req.signal.reason);
        }),
      );
      client.abort();
      return pending;
    });
    await assertError(
      await call(CATALOG, {signal: client.signal}),
      502,
      'BRIDGE_UPSTREAM',
      'Upstream unavailable',
    );
    assert.equal(reasons.length, 1);
    assert.equal((reasons[0] as Error).message, 'client went away');
  });
});

describe('bridge responses: response headers and bodies', () => {
  it('drops hop-by-hop, encoding, length, CORS and identity headers; appends Origin to Vary', async () => {
    const upstreamHeaders = {
      'Content-Type': 'application/json',
      'Cache-Control': 'public, max-age=60',
      ETag: '"e1"',
      Connection: 'close',
      'Keep-Alive': 'timeout=5',
      'Proxy-Authenticate': 'Basic',
      'Proxy-Authorization': 'Basic x',
      'Proxy-Connection': 'close',
      TE: 'trailers',
      Trailer: 'X-Sum',
      'Transfer-Encoding': 'chunked',
      Upgrade: 'h2c',
      'Content-Encoding': 'gzip',
      'Content-Length': '11',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Max-Age': '1',
      'X-VTEX-API-AppKey': 'k',
      'X-VTEX-API-AppToken': 't',
      Server: 'nginx',
      'X-Powered-By': 'x',
      'Strict-Transport-Security': 'max-age=1',
      Vary: 'Accept-Encoding',
    };
    const {call} = setup({}, () => json({ok: true}, upstreamHeaders));
    const res = await call(CATALOG);
    assert.deepEqual(Object.fromEntries(res.headers), {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=60',
      etag: '"e1"',
      vary: 'Accept-Encoding, Origin',
    });
    assert.deepEqual(await res.json(), {ok: true});
    const plain = await setup().call(CATALOG);
    assert.equal(plain.headers.get('vary'), 'Origin');
  });

  it('marks every shopper-specific family private, and leaves public answers cacheable', async () => {
    const cacheable = {'Cache-Control': 'public, max-age=60'};
    const {call} = setup({}, () => json({}, cacheable));
    const cookie = {Cookie: 'VtexIdclientAutCookie_mystore=tok'};
    const privateCalls: [string, RequestInit][] = [
      [ORDER_FORM, {}],
      [PAYMENTS, postJson([])],
      ['/api/oms/user/orders', {headers: cookie}],
      ['/api/sessions', {}],
      ['/api/vtexid/pub/logout', {}],
      ['/login', {}],
    ];
    for (const [path, init] of privateCalls) {
      assert.equal((await call(path, init)).headers.get('cache-control'), 'private, no-store', path);
    }
    assert.equal((await call(CATALOG)).headers.get('cache-control'), 'public, max-age=60');
    assert.equal((await call(`${SEARCH}/shoes`)).status, 404, 'the search route needs its own prefix');
  });

  // HEAD reaches no route (every route lists its methods, none lists HEAD): only the statuses matter here.
  it('answers 204 and 304 without a body', async () => {
    for (const status of [204, 304]) {
      const {call} = setup({}, () => new Response(null, {status, statusText: 'S'}));
      const res = await call(CATALOG);
      assert.equal(res.status, status);
      assert.equal(res.statusText, 'S');
      assert.equal(await res.text(), '');
    }
  });

  it('scrubs a login token from checkout and payments bodies too, from the request cookie and from Set-Cookie', async () => {
    const token = 'tok-1234567890';
    const fresh = 'fresh-1234567890';
    const refresh = 'refresh-1234567890';
    const echo: Answer = () =>
      new Response(JSON.stringify({a: token, b: fresh, c: refresh, d: 'keep-1234567890'}), {
        headers: [
          ['Content-Type', 'text/plain'],
          ['Set-Cookie', `VtexIdclientAutCookie_x=${fresh}; Path=/`],
          ['Set-Cookie', `vid_rt=${refresh}; Path=/`],
          ['Set-Cookie', 'other=keep-1234567890; Path=/'],
        ],
      });
    const {call} = setup({}, echo);
    const cookie = {Cookie: `VtexIdclientAutCookie_mystore=${token}`};
    for (const [path, init] of [
      [ORDER_FORM, {headers: cookie}],
      [PAYMENTS, postJson([], cookie)],
    ] as const) {
      const text = await (await call(path, init)).text();
      assert.ok(
        !text.includes(token) && !text.includes(fresh) && !text.includes(refresh),
        `${path}: ${text}`,
      );
      assert.ok(text.includes('keep-1234567890'), path);
    }
    const pub = await (await call(CATALOG, {headers: cookie})).text();
    assert.ok(pub.includes(token), 'public families are streamed untouched');
  });
});
