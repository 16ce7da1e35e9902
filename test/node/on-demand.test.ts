import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {CHECKOUT_WRITES} from '../../src/client/checkout.js';
import {createCheckoutWrites} from '../../src/client/checkout-writes.js';
import {Http} from '../../src/client/http.js';
import {onDemand} from '../../src/client/on-demand.js';
import {VtexError} from '../../src/client/index.js';
import {OnDemandModule} from '../../src/internal/on-demand-module.js';

/** A loader whose downloads the test settles by hand. */
function manualLoader<M>() {
  const calls: {resolve: (m: M) => void; reject: (e: unknown) => void}[] = [];
  const load = () => new Promise<M>((resolve, reject) => calls.push({resolve, reject}));
  return {calls, load};
}

describe('client: calls loaded on first use (onDemand)', () => {
  it('the core lists every call of the on-demand checkout module, and only those', () => {
    const writes = createCheckoutWrites(new Http({api: ''}), {account: 'a', salesChannel: '1'});
    assert.deepEqual([...CHECKOUT_WRITES].sort(), Object.keys(writes).sort());
  });

  it('loads the module once for concurrent calls and passes arguments and results through', async () => {
    const {calls, load} = manualLoader<{add: (a: number, b: number) => Promise<number>}>();
    const api = onDemand(load, ['add']);
    const first = api.add(1, 2);
    const second = api.add(3, 4);
    await Promise.resolve();
    assert.equal(calls.length, 1);
    calls[0]!.resolve({add: async (a, b) => a + b});
    assert.deepEqual(await Promise.all([first, second]), [3, 7]);
    assert.equal(await api.add(5, 6), 11);
    assert.equal(calls.length, 1);
  });

  it('a failed download rejects with a retryable network VtexError, and the next call downloads again', async () => {
    const {calls, load} = manualLoader<{ping: () => Promise<string>}>();
    const api = onDemand(load, ['ping']);
    const failed = api.ping();
    await Promise.resolve();
    calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await failed.then(
      () => assert.fail('resolved'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof VtexError);
    assert.equal(error.code, 'MODULE_LOAD');
    assert.equal(error.kind, 'network');
    assert.equal(error.retryable, true);
    assert.match(error.message, /Failed to fetch dynamically imported module/);
    const retried = api.ping();
    await Promise.resolve();
    assert.equal(calls.length, 2);
    calls[1]!.resolve({ping: async () => 'pong'});
    assert.equal(await retried, 'pong');
  });
});

describe('OnDemandModule (an element’s code loaded on first use)', () => {
  it('shares one download, keeps the module and tells the element once it is in', async () => {
    const {calls, load} = manualLoader<{n: number}>();
    const changed = {count: 0};
    const mod = new OnDemandModule(load, () => changed.count++);
    mod.preload();
    const loading = mod.load();
    assert.equal(calls.length, 1);
    assert.equal(mod.value, undefined);
    calls[0]!.resolve({n: 1});
    assert.deepEqual(await loading, {n: 1});
    assert.deepEqual(mod.value, {n: 1});
    assert.equal(changed.count, 1);
    const seen: number[] = [];
    mod.with((m) => seen.push(m.n));
    assert.deepEqual(seen, [1], 'runs at once when the module is in');
  });

  it('after a failure it says so, and the next load downloads again', async () => {
    const {calls, load} = manualLoader<{n: number}>();
    const changed = {count: 0};
    const mod = new OnDemandModule(load, () => changed.count++);
    const seen: number[] = [];
    mod.with((m) => seen.push(m.n));
    calls[0]!.reject(new Error('offline'));
    await assert.rejects(mod.load(), /offline/);
    assert.equal(mod.failed, true);
    assert.equal(changed.count, 1);
    assert.equal(seen.length, 0);
    mod.with((m) => seen.push(m.n));
    assert.equal(mod.failed, false, 'a retry clears the failure');
    assert.equal(changed.count, 2);
    assert.equal(calls.length, 2);
    calls[1]!.resolve({n: 2});
    await mod.load();
    assert.deepEqual(seen, [2]);
    assert.equal(changed.count, 3);
  });
});
