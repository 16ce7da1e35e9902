import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexClient, type VtexError} from '../../src/client/index.js';
import {CartStore} from '../../src/state/cart-store.js';
import {SessionStore} from '../../src/state/session-store.js';
import {json, recordingFetch, type Recorded} from './helpers/recording-fetch.js';

const ID = 'c'.repeat(32);
const API = 'http://bridge.test';

/** A promise the test resolves when it chooses: replies are held by it, not by timers. */
function gate(): {promise: Promise<void>; open(): void} {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return {promise, open};
}

/** Lets every request, reply and store update that is ready run (no timer: nothing in flight is waited for). */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** Resolves once the store's state satisfies `ok`, checked now and on each `change`. */
function until<T extends object>(
  store: {state: Readonly<T>; subscribe(l: (s: Readonly<T>) => void): () => void},
  ok: (s: Readonly<T>) => boolean,
  signal: AbortSignal,
): Promise<void> {
  if (ok(store.state)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const off = store.subscribe((s) => {
      if (ok(s)) {
        off();
        resolve();
      }
    });
    // The test ended (timed out) first: stop waiting so its clean-up runs.
    signal.addEventListener('abort', () => (off(), reject(signal.reason)), {once: true});
  });
}

/**
 * A tiny stateful orderForm server whose replies a test can hold (`hold` returns a promise to wait on), to
 * observe ordering without timers.
 */
function fakeCheckout(
  options: {
    hold?: (r: Recorded, n: number) => Promise<void> | undefined;
    fail?: (r: Recorded, n: number) => boolean;
  } = {},
) {
  let items: {uniqueId: string; id: string; quantity: number}[] = [];
  const log: string[] = [];
  const orderForm = () => ({
    orderFormId: ID,
    items: items.map((i) => ({...i, seller: '1'})),
    messages: [],
    totalizers: [],
    value: 0,
  });
  const rec = recordingFetch(async (r, n) => {
    const path = new URL(r.url).pathname;
    // A GET sees the cart as it is when the request arrives, however late its reply comes back.
    const seen = r.method === 'GET' ? orderForm() : undefined;
    await options.hold?.(r, n);
    if (seen) return json(seen);
    if (options.fail?.(r, n)) return json({error: {code: 'X', message: 'boom'}}, 503);
    log.push(
      `${r.method} ${path.replace(`/orderForm/${ID}`, '/orderForm/{id}')} ${JSON.stringify(r.body ?? '')}`,
    );
    const body = r.body as {orderItems?: {id?: string; index?: number; quantity: number}[]} | undefined;
    if (path.endsWith('/items')) {
      for (const it of body!.orderItems!) {
        const found = items.find((i) => i.id === it.id);
        if (found) found.quantity += it.quantity;
        else items.push({uniqueId: `u${it.id}`, id: it.id!, quantity: it.quantity});
      }
    } else if (path.endsWith('/items/update')) {
      for (const it of body!.orderItems!) items[it.index!]!.quantity = it.quantity;
      items = items.filter((i) => i.quantity > 0);
    } else if (path.endsWith('/removeAll')) items = [];
    return json(orderForm());
  });
  const client = createVtexClient({api: API, account: 'shop', fetch: rec.fetch, backoffMs: 1, retries: 0});
  return {...rec, client, log, serverItems: () => items};
}

describe('CartStore', () => {
  it('load() is deduped: three elements asking at once make one request', async () => {
    const reply = gate();
    const s = fakeCheckout({hold: () => reply.promise});
    const store = new CartStore(s.client, {sync: false});
    const loads = [store.load(), store.load(), store.load()];
    await settle();
    reply.open(); // all three asked while the first request was still unanswered
    const [a, b, c] = await Promise.all(loads);
    assert.equal(s.calls.length, 1);
    assert.equal(a.orderFormId, ID);
    assert.ok(a === b && b === c);
    await store.load();
    assert.equal(s.calls.length, 1, 'a loaded cart is not fetched again');
    assert.ok(Object.isFrozen(store.state));
  });

  it(
    'says it is still trying while a change waits past slowMs, and stops saying it once every change is answered',
    {timeout: 5000},
    async (t) => {
      const replies = [gate(), gate()];
      const s = fakeCheckout({hold: (r, n) => (r.method === 'POST' ? replies[n - 2]?.promise : undefined)});
      const store = new CartStore(s.client, {sync: false, slowMs: 20});
      await store.load();
      const a = store.addItems([{id: '1', quantity: 1, seller: '1'}]);
      const b = store.addItems([{id: '2', quantity: 1, seller: '1'}]);
      assert.equal(store.state.slow ?? false, false, 'not at once');
      await until(store, (st) => st.slow === true, t.signal);
      replies[0]!.open();
      await a;
      assert.equal(store.state.slow, true, 'the second change still waits');
      replies[1]!.open();
      await b;
      assert.equal(store.state.slow, false);
      assert.equal(store.state.busy, 0);
    },
  );

  it('serializes mutations in call order even when replies would come back out of order', async () => {
    // The first write is held until everything else that could run has run: without a queue the later writes
    // would reach the server first and be answered first.
    const first = gate();
    const s = fakeCheckout({hold: (_r, n) => (n === 2 ? first.promise : undefined)});
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    let inFlight = 0;
    let maxInFlight = 0;
    const wrapped = s.client.checkout.addItems;
    s.client.checkout.addItems = async (...args) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await wrapped(...args);
      } finally {
        inFlight--;
      }
    };
    const writes = Promise.all([
      store.addItems([{id: '1', quantity: 1, seller: '1'}]),
      store.addItems([{id: '2', quantity: 1, seller: '1'}]),
      store.clear(),
      store.addItems([{id: '3', quantity: 2, seller: '1'}]),
    ]);
    // The first write is out (its code loads on first use), then everything else that could run has run.
    for (let i = 0; s.calls.length < 2 && i < 10_000; i++) await settle();
    await settle();
    assert.equal(s.calls.length, 2, 'the later writes wait for the first one');
    first.open();
    await writes;
    assert.equal(maxInFlight, 1, 'never two orderForm writes at once');
    assert.deepEqual(s.log, [
      'POST /api/checkout/pub/orderForm/{id}/items {"orderItems":[{"id":"1","quantity":1,"seller":"1"}]}',
      'POST /api/checkout/pub/orderForm/{id}/items {"orderItems":[{"id":"2","quantity":1,"seller":"1"}]}',
      'POST /api/checkout/pub/orderForm/{id}/items/removeAll {}',
      'POST /api/checkout/pub/orderForm/{id}/items {"orderItems":[{"id":"3","quantity":2,"seller":"1"}]}',
    ]);
    assert.deepEqual(
      store.state.orderForm!.items.map((i) => [i.id, i.quantity]),
      [['3', 2]],
    );
  });

  it('drops a stale reply: a slow load answered after a mutation does not overwrite it', async () => {
    const late = gate();
    const s = fakeCheckout({hold: (r, n) => (r.method === 'GET' && n > 1 ? late.promise : undefined)});
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    const slowLoad = store.load({force: true}); // GET by id, held: it saw the cart before the add
    await store.addItems([{id: '9', quantity: 1, seller: '1'}]);
    assert.equal(store.state.orderForm!.items.length, 1);
    late.open(); // its reply comes back only now, after the add's
    await slowLoad;
    // The slow GET saw the empty cart; its late reply must not put the screen back in time.
    assert.equal(store.state.orderForm!.items.length, 1);
    assert.equal(s.calls.filter((c) => c.method === 'GET').length, 2);
  });

  it('coalesces rapid quantity changes: the server ends at the last chosen value, shown at once', async () => {
    const first = gate();
    const s = fakeCheckout({hold: (r) => (r.url.endsWith('/items/update') ? first.promise : undefined)});
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    await store.addItems([{id: '1', quantity: 1, seller: '1'}]);
    const uid = store.state.orderForm!.items[0]!.uniqueId;
    const done: Promise<unknown>[] = [];
    for (let q = 2; q <= 21; q++) {
      done.push(store.setQuantity(uid, q));
      assert.equal(store.state.pendingQuantities[uid], q, 'the new quantity shows immediately');
      // Half the clicks come before the first update leaves, half while it is still unanswered.
      if (q === 11) await settle(); // the first update leaves and is held unanswered
    }
    assert.equal(s.calls.filter((c) => c.url.endsWith('/items/update')).length, 1);
    first.open();
    await Promise.all(done);
    assert.equal(s.serverItems()[0]!.quantity, 21);
    assert.equal(store.state.orderForm!.items[0]!.quantity, 21);
    assert.deepEqual(store.state.pendingQuantities, {});
    // The clicks made before the first request leaves are one request; those made while it is unanswered, one more.
    const updates = s.log
      .filter((l) => l.includes('/items/update'))
      .map((l) => Number(/"quantity":(\d+)/.exec(l)![1]));
    assert.deepEqual(updates, [11, 21], '20 clicks coalesced into 2 requests');
  });

  it('a failed change returns the line to the server value and reports which line failed', async () => {
    const s = fakeCheckout({fail: (r) => r.url.endsWith('/items/update')});
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    await store.addItems([{id: '1', quantity: 1, seller: '1'}]);
    const uid = store.state.orderForm!.items[0]!.uniqueId;
    await assert.rejects(store.setQuantity(uid, 5), (e: VtexError) => e.status === 503);
    assert.deepEqual(store.state.pendingQuantities, {});
    assert.equal(store.state.orderForm!.items[0]!.quantity, 1);
    assert.equal(store.state.error?.operation, 'setQuantity');
    assert.equal(store.state.error?.uniqueId, uid);
  });

  it('rejects negative and fractional quantities before any request', async () => {
    const s = fakeCheckout();
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    assert.throws(() => store.setQuantity('u1', -1), /whole number/);
    assert.throws(() => store.addItems([{id: '1', quantity: 1.5, seller: '1'}]), /whole number/);
    assert.throws(() => store.addItems([{id: '1', quantity: 0, seller: '1'}]), /whole number/);
    assert.equal(s.calls.length, 1);
  });

  it('two tabs converge through BroadcastChannel', {timeout: 10_000}, async (t) => {
    const s = fakeCheckout();
    const tabA = new CartStore(s.client);
    const tabB = new CartStore(s.client);
    try {
      await tabA.load();
      await tabB.load();
      await tabA.addItems([{id: '7', quantity: 3, seller: '1'}]);
      await until(tabB, (st) => (st.orderForm?.items.length ?? 0) > 0, t.signal);
      assert.deepEqual(
        tabB.state.orderForm!.items.map((i) => [i.id, i.quantity]),
        [['7', 3]],
      );
      await tabB.clear();
      await until(tabA, (st) => st.orderForm?.items.length === 0, t.signal);
      assert.equal(tabA.state.orderForm!.items.length, 0);
    } finally {
      tabA.dispose();
      tabB.dispose();
    }
  });
});

describe('SessionStore', () => {
  it('loads once, builds the login URL for this page, refreshes after logout', async () => {
    let signedIn = true;
    const rec = recordingFetch((r) =>
      r.url.includes('/logout')
        ? ((signedIn = false), new Response(null, {status: 200}))
        : json({
            id: 's',
            namespaces: {
              profile: {
                isAuthenticated: {value: String(signedIn)},
                ...(signedIn ? {email: {value: 'ana@example.com'}} : {}),
              },
            },
          }),
    );
    const client = createVtexClient({api: 'https://b.test', account: 'shop', fetch: rec.fetch});
    const store = new SessionStore(client, {currentUrl: () => 'https://cms.test/page?x=1'});
    await Promise.all([store.load(), store.load()]);
    assert.equal(rec.calls.length, 1);
    assert.equal(store.signedIn, true);
    assert.equal(store.state.session!.email, 'ana@example.com');
    assert.equal(store.loginUrl(), 'https://b.test/login?returnUrl=https%3A%2F%2Fcms.test%2Fpage%3Fx%3D1');
    await store.logout();
    assert.equal(store.signedIn, false);
    assert.equal(store.state.session!.email, null);
  });
});
