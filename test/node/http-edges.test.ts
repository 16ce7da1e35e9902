// The client's one request path (src/client/http.ts), pinned exactly (issue 22: mutants that survived
// client.test.ts): app-key refusal, URLs, headers, retries and their waits, aborts, timeouts, network and bad replies.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {VtexError} from '../../src/client/errors.js';
import {assertNoAppKeys, buildUrl, Http, parseJson} from '../../src/client/http.js';
import {json, recordingFetch} from './helpers/recording-fetch.js';

const API = 'https://bridge.example.com/_v';
const failure = async (p: Promise<unknown>): Promise<VtexError> => {
  const e = await p.then(
    () => assert.fail('resolved'),
    (error: unknown) => error,
  );
  assert.ok(e instanceof VtexError, `a VtexError, got ${String(e)}`);
  return e;
};
/**
 * A fetch that records each call and answers from `reply` at once, honouring its signal. Unlike recordingFetch it
 * sets no timer, so it works under mocked timers.
 */
function scripted(reply: (n: number) => Response | Promise<Response>) {
  const calls: {url: string; init: RequestInit}[] = [];
  const fetch = (url: string, init: RequestInit = {}) => {
    calls.push({url, init});
    const signal = init.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), {once: true});
      Promise.resolve(reply(calls.length)).then(resolve, reject);
    });
  };
  return {fetch, calls};
}

/** Lets every pending promise and immediate run (fetch handlers here answer at once). */
const drain = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

describe('http: app keys', () => {
  it('refuses exactly the app key and app token headers, in any case, as a config error', () => {
    for (const name of ['X-VTEX-API-AppKey', 'x-vtex-api-apptoken', 'X-VTEX-API-APPTOKEN']) {
      const e = (() => {
        try {
          assertNoAppKeys({[name]: 'secret'}, 'here');
        } catch (error) {
          return error as VtexError;
        }
        return assert.fail(`${name} was not refused`);
      })();
      assert.equal(e.code, 'APP_KEY_REFUSED');
      assert.equal(e.kind, 'config');
      assert.equal(e.retryable, false);
      assert.match(e.message, new RegExp(`^here: refusing to send ${name}\\.`));
    }
    for (const name of ['X-VTEX-API-AppKey-Hint', 'My-X-VTEX-API-AppKey', 'X-VTEX-API-AppKeys', 'Accept']) {
      assert.doesNotThrow(() => assertNoAppKeys({[name]: 'v'}, 'here'), name);
    }
    assert.doesNotThrow(() => assertNoAppKeys(undefined, 'here'));
  });
});

describe('http: URLs and headers', () => {
  it('joins base and path once, drops empty query values, appends to a query already there', () => {
    assert.equal(buildUrl('https://b.example.com/_v///', '/api/x'), 'https://b.example.com/_v/api/x');
    assert.equal(
      buildUrl('', '/api/x', {a: 1, b: undefined, c: null, d: '', e: false, f: 0}),
      '/api/x?a=1&e=false&f=0',
    );
    assert.equal(buildUrl('', '/api/x?sc=1', {page: 2}), '/api/x?sc=1&page=2');
    assert.equal(buildUrl('', '/api/x', {b: undefined}), '/api/x');
    assert.equal(new Http({api: `${API}/`}).url('/api/y', {q: 'a b'}), `${API}/api/y?q=a+b`);
  });

  it('sends JSON with its content type only when there is a body; cookies unless told to omit them', async () => {
    const {fetch, calls} = recordingFetch(() => json({}));
    const http = new Http({api: API, fetch});
    await http.send('/get');
    await http.send('/post', {method: 'POST', body: {a: 1}});
    await http.send('/empty', {method: 'POST', body: null});
    await http.send('/pay', {method: 'POST', body: [], credentials: 'omit'});
    assert.deepEqual(calls[0]!.headers, {accept: 'application/json'});
    assert.equal(calls[0]!.body, undefined);
    assert.deepEqual(calls[1]!.headers, {accept: 'application/json', 'content-type': 'application/json'});
    assert.deepEqual(calls[1]!.body, {a: 1});
    assert.equal(calls[2]!.headers['content-type'], 'application/json', 'null is a body');
    assert.deepEqual(
      calls.map((c) => c.credentials),
      ['include', 'include', 'include', 'omit'],
    );
  });
});

describe('http: retries', () => {
  it('retries a GET twice by default, waiting 300 ms then 600 ms; never a POST', async (t) => {
    t.mock.timers.enable({apis: ['setTimeout']});
    const {fetch, calls} = scripted(() => new Response('', {status: 503}));
    const http = new Http({api: API, fetch});
    const read = failure(http.send('/x'));
    await drain();
    assert.equal(calls.length, 1);
    t.mock.timers.tick(299);
    await drain();
    assert.equal(calls.length, 1, 'waits 300 ms before the first retry');
    t.mock.timers.tick(1);
    await drain();
    assert.equal(calls.length, 2);
    t.mock.timers.tick(599);
    await drain();
    assert.equal(calls.length, 2, 'then 600 ms');
    t.mock.timers.tick(1);
    await drain();
    assert.equal(calls.length, 3);
    const e = await read;
    assert.equal(e.status, 503);
    assert.equal(calls.length, 3, 'two retries, no more');
    await failure(http.send('/y', {method: 'POST', body: {}}));
    assert.equal(calls.length, 4, 'a POST is sent once');
  });

  it('waits what Retry-After says (at most 10 s) instead of the backoff', async (t) => {
    t.mock.timers.enable({apis: ['setTimeout']});
    let n = 0;
    const {fetch, calls} = scripted(() =>
      ++n === 1
        ? new Response('', {status: 429, headers: {'Retry-After': '2'}})
        : n === 2
          ? new Response('', {status: 429, headers: {'Retry-After': '60'}})
          : json({ok: true}),
    );
    const http = new Http({api: API, fetch, backoffMs: 1});
    const read = http.json('/x');
    await drain();
    t.mock.timers.tick(1999);
    await drain();
    assert.equal(calls.length, 1, 'Retry-After: 2 waits 2 s, not the 1 ms backoff');
    t.mock.timers.tick(1);
    await drain();
    assert.equal(calls.length, 2);
    t.mock.timers.tick(9999);
    await drain();
    assert.equal(calls.length, 2, 'Retry-After: 60 waits 10 s');
    t.mock.timers.tick(1);
    await drain();
    assert.deepEqual(await read, {ok: true});
  });

  it('retries: 0 sends once; an abort during the wait ends it as aborted, not as the failure', async (t) => {
    const once = scripted(() => new Response('', {status: 500}));
    await failure(new Http({api: API, fetch: once.fetch, retries: 0}).send('/x'));
    assert.equal(once.calls.length, 1);

    t.mock.timers.enable({apis: ['setTimeout']});
    const {fetch, calls} = scripted(() => new Response('', {status: 500}));
    const controller = new AbortController();
    const read = failure(new Http({api: API, fetch}).send('/x', {signal: controller.signal}));
    await drain();
    controller.abort();
    const e = await read;
    assert.deepEqual(
      [e.code, e.kind, e.retryable, e.message],
      ['ABORTED', 'aborted', false, 'The request was aborted'],
    );
    t.mock.timers.tick(10_000);
    await drain();
    assert.equal(calls.length, 1, 'nothing is sent after the abort');
  });

  it('an already aborted signal sends nothing; an abort reason that is a VtexError is kept', async () => {
    const {fetch, calls} = scripted(() => json({}));
    const http = new Http({api: API, fetch});
    const done = new AbortController();
    done.abort();
    assert.equal((await failure(http.send('/x', {signal: done.signal}))).code, 'ABORTED');
    const why = new VtexError({status: 0, code: 'MINE', message: 'mine', retryable: false, kind: 'aborted'});
    const mine = new AbortController();
    mine.abort(why);
    assert.equal(await failure(http.send('/x', {signal: mine.signal})), why);
    assert.equal(calls.length, 0);
  });

  it('an abort while the request is out ends it, and the signal is let go of afterwards', async () => {
    const controller = new AbortController();
    const {fetch} = scripted(() => new Promise<Response>(() => {}));
    const pending = failure(new Http({api: API, fetch}).send('/x', {signal: controller.signal}));
    await drain();
    controller.abort();
    assert.equal((await pending).code, 'ABORTED');
    const after = scripted(() => json({}));
    const kept = new AbortController();
    const added: string[] = [];
    const removed: string[] = [];
    const signal = kept.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    type Listen = typeof add;
    signal.addEventListener = ((...args: Parameters<Listen>) => (
      added.push(args[0]),
      add(...args)
    )) as Listen;
    signal.removeEventListener = ((...args: Parameters<Listen>) => (
      removed.push(args[0]),
      remove(...args)
    )) as Listen;
    await new Http({api: API, fetch: after.fetch}).send('/x', {signal});
    assert.ok(added.includes('abort'));
    assert.deepEqual(removed.filter((t) => t === 'abort').length, added.filter((t) => t === 'abort').length);
  });
});

describe('http: timeouts, network failures and bad replies', () => {
  it('a timeout says how long it waited, in seconds', async (t) => {
    t.mock.timers.enable({apis: ['setTimeout']});
    const {fetch} = scripted(() => new Promise<Response>(() => {}));
    const read = failure(new Http({api: API, fetch, timeoutMs: 9_600}).send('/x'));
    await drain();
    t.mock.timers.tick(9_600);
    const e = await read;
    assert.deepEqual(
      [e.code, e.kind, e.retryable, e.message],
      ['TIMEOUT', 'timeout', true, 'No answer from the store within 10 s'],
    );
  });

  it("a network failure keeps the error's words; a non-Error says Network error; an AbortError is an abort", async () => {
    const net = await failure(
      new Http({api: API, fetch: async () => Promise.reject(new TypeError('fetch failed')), retries: 0}).send(
        '/x',
      ),
    );
    assert.deepEqual(
      [net.code, net.kind, net.retryable, net.message],
      ['NETWORK', 'network', true, 'fetch failed'],
    );
    const odd = await failure(
      new Http({api: API, fetch: async () => Promise.reject('boom'), retries: 0}).send('/x'),
    );
    assert.equal(odd.message, 'Network error');
    const abort = Object.assign(new Error('stop'), {name: 'AbortError'});
    const ab = await failure(new Http({api: API, fetch: async () => Promise.reject(abort)}).send('/x'));
    assert.deepEqual([ab.code, ab.kind], ['ABORTED', 'aborted']);
  });

  it('an error reply whose body cannot be read still becomes the HTTP error', async () => {
    const broken = new Response('', {status: 502});
    Object.defineProperty(broken, 'text', {value: () => Promise.reject(new Error('stream broke'))});
    const e = await failure(new Http({api: API, fetch: async () => broken, retries: 0}).send('/x'));
    assert.deepEqual([e.status, e.code, e.message], [502, 'HTTP_502', 'Request failed with status 502']);
  });

  it('an empty body is no data; a body that is not JSON is a bad response, retryable only if the store failed', async () => {
    assert.equal(await parseJson(new Response('', {status: 200})), undefined);
    const ok = await failure(parseJson(new Response('<html>', {status: 200})));
    assert.deepEqual(
      [ok.code, ok.kind, ok.retryable, ok.message],
      ['BAD_RESPONSE', 'bad-response', true, 'The store answered with something that is not JSON'],
    );
    assert.equal((await failure(parseJson(new Response('<html>', {status: 500})))).retryable, true);
    assert.equal((await failure(parseJson(new Response('<html>', {status: 499})))).retryable, false);
    assert.equal((await failure(parseJson(new Response('<html>', {status: 404})))).retryable, false);
  });
});
