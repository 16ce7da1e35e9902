import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BASE, makeSandbox} from './helpers/sandbox-fixtures.js';
import {createPrng} from '../../src/sandbox/faults.js';

const OF = `${BASE}/api/checkout/pub/orderForm`;

describe('sandbox faults', () => {
  it('injects latency', async () => {
    const {sandbox} = makeSandbox({faults: {latencyMs: 60}});
    const t0 = performance.now();
    assert.equal((await sandbox.fetch(new Request(OF))).status, 200);
    assert.ok(performance.now() - t0 >= 55);
  });

  it('stops injecting latency once cleared', {timeout: 20_000}, async () => {
    // Ten minutes of latency: if clear() left it in place, the test's timeout fails it.
    const {sandbox} = makeSandbox({faults: {latencyMs: 600_000}});
    sandbox.faults.clear();
    assert.equal((await sandbox.fetch(new Request(OF))).status, 200);
  });

  it('injects errors at the configured rate, deterministically, only on matching routes/methods', async () => {
    const {sandbox} = makeSandbox();
    sandbox.faults.set({
      errorRate: 0.5,
      errorStatus: 502,
      routes: '/api/checkout',
      methods: ['GET'],
      seed: 42,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await sandbox.fetch(new Request(OF))).status);
    const errors = statuses.filter((s) => s === 502).length;
    assert.ok(errors > 70 && errors < 130, `errors=${errors}`);
    assert.ok(statuses.every((s) => s === 200 || s === 502));
    sandbox.faults.set({
      errorRate: 0.5,
      errorStatus: 502,
      routes: '/api/checkout',
      methods: ['GET'],
      seed: 42,
    });
    const replay: number[] = [];
    for (let i = 0; i < 200; i++) replay.push((await sandbox.fetch(new Request(OF))).status);
    assert.deepEqual(replay, statuses);
    const other = await sandbox.fetch(new Request(`${BASE}/api/segments`));
    assert.equal(other.status, 200);
    const post = await sandbox.fetch(
      new Request(`${BASE}/api/checkout/pub/orderForms/simulation`, {method: 'POST', body: '{"items":[]}'}),
    );
    assert.equal(post.status, 200);
  });

  it('answers 429 with Retry-After', async () => {
    const {sandbox} = makeSandbox({faults: {rateLimitRate: 1, retryAfterSeconds: 3}});
    const res = await sandbox.fetch(new Request(OF));
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('Retry-After'), '3');
  });

  it('truncates JSON bodies', async () => {
    const {sandbox} = makeSandbox({faults: {malformedJsonRate: 1}});
    const res = await sandbox.fetch(new Request(OF));
    assert.equal(res.status, 200);
    await assert.rejects(res.json());
  });

  it('times out with 504 or aborts with the request signal', async () => {
    const {sandbox} = makeSandbox({faults: {timeoutRate: 1, timeoutMs: 20}});
    assert.equal((await sandbox.fetch(new Request(OF))).status, 504);
    sandbox.faults.set({timeoutRate: 1, timeoutMs: 60_000});
    const ac = new AbortController();
    const pending = sandbox.fetch(new Request(OF, {signal: ac.signal}));
    setTimeout(() => ac.abort(), 10);
    await assert.rejects(pending);
  });

  it('exposes control routes: faults, clock, orders, reset', async () => {
    const {sandbox} = makeSandbox();
    const set = await sandbox.fetch(
      new Request(`${BASE}/_sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({errorRate: 1, errorStatus: 500}),
      }),
    );
    assert.equal(set.status, 200);
    assert.equal((await sandbox.fetch(new Request(OF))).status, 500);
    assert.equal(
      (await sandbox.fetch(new Request(`${BASE}/_sandbox/faults`, {method: 'DELETE'}))).status,
      204,
    );
    assert.equal((await sandbox.fetch(new Request(OF))).status, 200);
    const invalid = await sandbox.fetch(
      new Request(`${BASE}/_sandbox/faults`, {method: 'POST', body: JSON.stringify({errorRate: 2})}),
    );
    assert.equal(invalid.status, 400);
    const clockRes = await sandbox.fetch(
      new Request(`${BASE}/_sandbox/clock`, {method: 'POST', body: JSON.stringify({advanceMs: 1000})}),
    );
    assert.equal(((await clockRes.json()) as {offsetMs: number}).offsetMs, 1000);
    assert.deepEqual(await (await sandbox.fetch(new Request(`${BASE}/_sandbox/orders`))).json(), []);
    const first = (await (await sandbox.fetch(new Request(OF))).json()) as {orderFormId: string};
    assert.equal((await sandbox.fetch(new Request(`${BASE}/_sandbox/reset`, {method: 'POST'}))).status, 204);
    const gone = await sandbox.fetch(new Request(`${OF}/${first.orderFormId}`));
    assert.equal(gone.status, 400);
    assert.equal(sandbox.clockOffset, 0);
  });

  it('PRNG is seedable', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const xs = Array.from({length: 5}, a);
    assert.deepEqual(xs, Array.from({length: 5}, b));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });
});
