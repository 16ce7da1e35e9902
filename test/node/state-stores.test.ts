/**
 * The src/state stores and actions against a scripted fetch (no sandbox): the edges a shopper meets when VTEX
 * answers badly or the cart is in an unusual state — errors and what the store says afterwards, fallbacks, which
 * requests go out. Written for the mutants of issue 22 that the other Node tests let live.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexClient, VtexError} from '../../src/client/index.js';
import type {
  OmsOrder,
  OmsOrderList,
  OrderForm,
  OrderFormMessage,
  SimulationResult,
} from '../../src/client/types.js';
import {addSku, unitsInCart} from '../../src/state/cart-actions.js';
import {CartStore, outcomeUnknown} from '../../src/state/cart-store.js';
import {suggest} from '../../src/state/suggest.js';
import {installmentsFor} from '../../src/state/checkout-actions.js';
import {applyCoupon, isCouponMessage} from '../../src/state/coupon.js';
import {PaymentDeclinedError, placeOrder} from '../../src/state/place-order.js';
import {orderThumbs} from '../../src/state/orders.js';
import {reorder} from '../../src/state/reorder.js';
import {SessionStore} from '../../src/state/session-store.js';
import {shippingOptions} from '../../src/state/shipping.js';
import {signOut} from '../../src/state/sign-out.js';
import {json, recordingFetch, type Recorded} from './helpers/recording-fetch.js';

const ID = 'd'.repeat(32);
const API = 'http://bridge.test';

function gate(): {promise: Promise<void>; open(): void} {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return {promise, open};
}

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
    signal.addEventListener('abort', () => (off(), reject(signal.reason)), {once: true});
  });
}

const path = (r: Recorded) => new URL(r.url).pathname.replace(`/orderForm/${ID}`, '/orderForm/{id}');
const line = (r: Recorded) => `${r.method} ${path(r)}`;

interface Line {
  uniqueId: string;
  id: string;
  seller: string;
  quantity: number;
  availability?: string;
}

/**
 * An orderForm server: items by line; every write is logged then answered with the cart, unless `answer`
 * returns a Response (or an Error, thrown as fetch would) for that request first.
 */
function cartServer(
  answer: (
    r: Recorded,
    n: number,
  ) => Response | Error | Promise<Response | Error | undefined> | undefined = () => undefined,
  extra: Partial<OrderForm> = {},
) {
  let items: Line[] = [];
  const orderForm = (): OrderForm =>
    ({
      orderFormId: ID,
      items: items.map((i) => ({...i})),
      messages: [],
      totalizers: [],
      value: 0,
      ...extra,
    }) as unknown as OrderForm;
  const apply = (r: Recorded) => {
    const p = path(r);
    const body = r.body as {orderItems?: {id?: string; seller?: string; index?: number; quantity: number}[]};
    if (p.endsWith('/items')) {
      for (const it of body.orderItems!) {
        const found = items.find((i) => i.id === it.id && i.seller === (it.seller ?? '1'));
        if (found) found.quantity += it.quantity;
        else
          items.push({
            uniqueId: `u${it.id}`,
            id: it.id!,
            seller: it.seller ?? '1',
            quantity: it.quantity,
            // An id starting with "x" is a SKU VTEX keeps on the cart but cannot sell.
            availability: it.id!.startsWith('x') ? 'withoutStock' : 'available',
          });
      }
    } else if (p.endsWith('/items/update')) {
      for (const it of body.orderItems!) items[it.index!]!.quantity = it.quantity;
      items = items.filter((i) => i.quantity > 0);
    } else if (p.endsWith('/removeAll')) items = [];
  };
  const rec = recordingFetch(async (r, n) => {
    const special = await answer(r, n);
    if (special) return special;
    if (r.method !== 'GET') apply(r);
    return json(orderForm());
  });
  const client = createVtexClient({api: API, account: 'shop', fetch: rec.fetch, retries: 0});
  return {
    ...rec,
    client,
    apply,
    setItems: (next: Line[]) => (items = next),
    items: () => items,
    lines: () => rec.calls.map(line),
  };
}

const vtexError = (status: number, code = 'X') => json({error: {code, message: `${code} failed`}}, status);

describe('installmentsFor', () => {
  const options = (ps: number | string, counts: number[]) => ({
    paymentSystem: ps,
    value: 100,
    installments: counts.map((count) => ({count, value: 100 / count, total: 100, interestRate: 0})),
  });
  const cart = (paymentData: unknown) => ({orderFormId: ID, items: [], paymentData}) as unknown as OrderForm;

  it("falls back to the orderForm's options for that payment system when the installments call fails", async () => {
    const s = cartServer(() => vtexError(503));
    const of = cart({installmentOptions: [options(4, [1]), options('2', [1, 2, 3])]});
    const got = await installmentsFor(s.client, of, 2);
    assert.deepEqual(
      got.map((o) => o.count),
      [1, 2, 3],
    );
    assert.deepEqual(s.lines(), ['GET /api/checkout/pub/orderForm/{id}/installments']);
  });

  it("uses the installments call's answer when it succeeds, not the orderForm's", async () => {
    const s = cartServer(() => json({installments: [{count: 6, value: 10, total: 60, interestRate: 0}]}));
    const of = cart({installmentOptions: [options(2, [1])]});
    assert.deepEqual(
      (await installmentsFor(s.client, of, 2)).map((o) => o.count),
      [6],
    );
  });

  it("rejects with the call's error when the orderForm has no options for that payment system", async () => {
    const s = cartServer(() => vtexError(503, 'DOWN'));
    const isDown = (e: VtexError) => e instanceof VtexError && e.code === 'DOWN';
    await assert.rejects(installmentsFor(s.client, cart({installmentOptions: [options(4, [1])]}), 2), isDown);
    await assert.rejects(installmentsFor(s.client, cart({installmentOptions: [options(2, [])]}), 2), isDown);
    await assert.rejects(installmentsFor(s.client, cart({}), 2), isDown);
    await assert.rejects(installmentsFor(s.client, cart(undefined), 2), isDown);
  });
});

describe('applyCoupon outcomes', () => {
  const withReply = (marketingData: unknown, messages: Partial<OrderFormMessage>[]) => {
    const s = cartServer((r) =>
      r.method === 'POST'
        ? json({orderFormId: ID, items: [], messages, totalizers: [], value: 0, marketingData})
        : undefined,
    );
    return new CartStore(s.client, {sync: false});
  };

  it('a message with a coupon code (and no fields) says why', async () => {
    assert.deepEqual(await applyCoupon(withReply(null, [{code: 'couponNotFound', text: 'x'}]), 'NEW'), {
      refused: 'couponNotFound',
    });
    assert.deepEqual(await applyCoupon(withReply(null, [{code: 'couponExpired', text: 'x'}]), 'NEW'), {
      refused: 'couponExpired',
    });
  });

  it('another coupon already on the cart is not this one: refused', async () => {
    const cart = withReply({coupon: 'OTHER'}, []);
    assert.deepEqual(await applyCoupon(cart, 'new'), {refused: 'couponInvalid'});
    assert.deepEqual(await applyCoupon(withReply({coupon: 'NEW'}, []), ' new '), {applied: 'NEW'});
  });

  it('only messages about coupons, and about this code, count; the first one says why', async () => {
    const aboutOther = {code: 'couponExpired', text: 'x', fields: {coupon: 'OTHER'}};
    const aboutThis = {code: 'couponNotFound', text: 'x', fields: {coupon: 'new'}};
    const unrelated = {code: 'withoutStock', text: 'x'};
    const midWord = {code: 'giftCouponLimit', text: 'x'}; // "coupon" inside another code is not a coupon message
    assert.deepEqual(await applyCoupon(withReply(null, [unrelated, midWord, aboutOther, aboutThis]), 'NEW'), {
      refused: 'couponNotFound',
    });
    // A message with a `coupon` field is about a coupon whatever its code; a code the kit does not know is invalid.
    const byField = {code: 'promoRule', text: 'x', fields: {coupon: 'NEW'}};
    assert.deepEqual(await applyCoupon(withReply(null, [byField, aboutThis]), 'NEW'), {
      refused: 'couponInvalid',
    });
    assert.deepEqual(await applyCoupon(withReply(null, []), 'NEW'), {refused: 'couponInvalid'});
  });

  it('isCouponMessage: by a code starting with "coupon", or by a coupon field', () => {
    assert.equal(isCouponMessage({code: 'CouponNotFound', text: ''} as OrderFormMessage), true);
    assert.equal(isCouponMessage({code: 'giftCoupon', text: ''} as OrderFormMessage), false);
    assert.equal(
      isCouponMessage({code: 'x', text: '', fields: {coupon: 'A'}} as unknown as OrderFormMessage),
      true,
    );
    assert.equal(
      isCouponMessage({code: 'x', text: '', fields: {ean: 'A'}} as unknown as OrderFormMessage),
      false,
    );
    assert.equal(isCouponMessage({text: ''} as OrderFormMessage), false);
  });
});

describe('SessionStore edges', () => {
  const sessionServer = (answer: (r: Recorded, n: number) => Response | undefined = () => undefined) => {
    let profile: Record<string, string> = {isAuthenticated: 'false'};
    const rec = recordingFetch(
      (r, n) =>
        answer(r, n) ??
        json({
          id: 's',
          namespaces: {
            profile: Object.fromEntries(Object.entries(profile).map(([k, value]) => [k, {value}])),
            store: {cultureInfo: {value: 'pt-BR'}, currencyCode: {value: 'BRL'}},
          },
        }),
    );
    const client = createVtexClient({api: API, account: 'shop', fetch: rec.fetch, retries: 0});
    return {...rec, client, set: (p: Record<string, string>) => (profile = p)};
  };

  it('starts idle and signed out, says loading during the first read only, and reads once', async () => {
    const s = sessionServer();
    const store = new SessionStore(s.client);
    assert.deepEqual(store.state, {status: 'idle', session: null, error: null});
    assert.equal(store.signedIn, false);
    const statuses: string[] = [];
    store.subscribe((st) => statuses.push(st.status));
    await store.load();
    await store.load();
    assert.equal(s.calls.length, 1, 'a loaded session is not read again');
    await store.load({force: true});
    assert.equal(s.calls.length, 2);
    assert.deepEqual(statuses, ['loading', 'ready'], 'an unchanged re-read changes nothing');
  });

  it('a re-read that finds another shopper, or a sign-in, updates the state', async () => {
    const s = sessionServer();
    s.set({isAuthenticated: 'false', email: 'ana@example.com'}); // VTEX knows her, she has not signed in
    const store = new SessionStore(s.client);
    await store.load();
    assert.equal(store.signedIn, false);
    s.set({isAuthenticated: 'true', email: 'ana@example.com'});
    await store.load({force: true});
    assert.equal(store.signedIn, true);
    s.set({isAuthenticated: 'true', email: 'bia@example.com'});
    await store.load({force: true});
    assert.equal(store.state.session!.email, 'bia@example.com');
  });

  it('a failed read says error; the next good read says ready again, even with the same session', async () => {
    const fail = new Set([2, 4]);
    const s = sessionServer((_r, n) => (fail.has(n) ? vtexError(503, 'DOWN') : undefined));
    const store = new SessionStore(s.client);
    const first = await store.load();
    await assert.rejects(store.load({force: true}), (e: VtexError) => e.code === 'DOWN');
    assert.equal(store.state.status, 'error');
    assert.equal(store.state.error!.code, 'DOWN');
    assert.equal(store.state.session, first, 'the last known session stays');
    await store.load({force: true});
    assert.equal(store.state.status, 'ready');
    assert.equal(store.state.error, null);
    const fresh = new SessionStore(s.client);
    await assert.rejects(fresh.load(), (e: VtexError) => e.code === 'DOWN');
    assert.deepEqual(
      {status: fresh.state.status, session: fresh.state.session, code: fresh.state.error?.code},
      {status: 'error', session: null, code: 'DOWN'},
    );
  });

  it('markSignedOut shows signed out at once, keeping the store culture and currency, without a request', async () => {
    const s = sessionServer();
    s.set({isAuthenticated: 'true', email: 'ana@example.com', firstName: 'Ana'});
    const store = new SessionStore(s.client);
    await store.load();
    store.markSignedOut();
    assert.equal(s.calls.length, 1);
    assert.deepEqual(store.state.session, {
      signedIn: false,
      email: null,
      firstName: null,
      lastName: null,
      cultureInfo: 'pt-BR',
      currencyCode: 'BRL',
    });
    assert.equal(store.state.status, 'ready');
    const never = new SessionStore(s.client);
    never.markSignedOut();
    assert.deepEqual(never.state.session, {
      signedIn: false,
      email: null,
      firstName: null,
      lastName: null,
      cultureInfo: null,
      currencyCode: null,
    });
    assert.equal(never.signedIn, false);
  });

  it('the login URL: on the given store, back to this page (or "/" outside a browser)', () => {
    const s = sessionServer();
    const store = new SessionStore(s.client, {storeUrl: 'https://shop.example/'});
    assert.equal(
      store.loginUrl('https://cms.example/a'),
      'https://shop.example/login?returnUrl=https%3A%2F%2Fcms.example%2Fa',
    );
    assert.equal(new SessionStore(s.client).loginUrl(), `${API}/login?returnUrl=%2F`);
    const g = globalThis as {location?: {href: string}};
    g.location = {href: 'https://cms.example/here'};
    try {
      assert.equal(
        new SessionStore(s.client).loginUrl(),
        `${API}/login?returnUrl=https%3A%2F%2Fcms.example%2Fhere`,
      );
    } finally {
      delete g.location;
    }
  });
});

describe('orderThumbs', () => {
  it('takes images from the list, else from the detail without gifts; skips known orders and failed details', async () => {
    const rec = recordingFetch((r) => {
      const id = new URL(r.url).pathname.split('/').pop();
      if (id === 'B')
        return json({
          orderId: 'B',
          items: [
            {name: 'Shoe', imageUrl: 'b1.jpg', isGift: false},
            {name: 'Gift', imageUrl: 'g.jpg', isGift: true},
            {name: 'No image', imageUrl: '', isGift: false},
          ],
        });
      return vtexError(500);
    });
    const client = createVtexClient({api: API, account: 'shop', fetch: rec.fetch, retries: 0});
    const list = {
      list: [
        {orderId: 'A', items: [{description: 'Hat', imageUrl: 'a1.jpg'}, {description: 'Bag'}]},
        {orderId: 'B', items: [{description: 'Shoe'}]},
        {orderId: 'C'},
        {orderId: 'D', items: [{description: 'Cap', imageUrl: 'd-new.jpg'}]},
      ],
    } as unknown as OmsOrderList;
    const known = new Map([['D', [{src: 'd.jpg', alt: 'Cap'}]]]);
    const thumbs = await orderThumbs(client, list, known);
    assert.deepEqual(
      [...thumbs].sort(([a], [b]) => a.localeCompare(b)),
      [
        ['A', [{src: 'a1.jpg', alt: 'Hat'}]],
        ['B', [{src: 'b1.jpg', alt: 'Shoe'}]],
        ['D', [{src: 'd.jpg', alt: 'Cap'}]],
      ],
    );
    assert.deepEqual(rec.calls.map((c) => new URL(c.url).pathname).sort(), [
      '/api/oms/user/orders/B',
      '/api/oms/user/orders/C',
    ]);
  });
});

describe('cart actions edges', () => {
  it('unitsInCart counts a SKU from one seller over all its lines', () => {
    const of = {
      items: [
        {id: '1', seller: '1', quantity: 2},
        {id: '1', seller: '2', quantity: 5},
        {id: '2', seller: '1', quantity: 7},
        {id: '1', seller: '1', quantity: 3},
      ],
    } as unknown as OrderForm;
    assert.equal(unitsInCart(of, {id: '1', seller: '1'}), 5);
  });

  it('a lost add counts only the units it added to a line that already had some', async () => {
    const s = cartServer((r) => {
      if (
        r.method === 'POST' &&
        path(r).endsWith('/items') &&
        (r.body as {orderItems: {quantity: number}[]}).orderItems[0]!.quantity === 2
      ) {
        s.apply(r); // VTEX applied it; the reply is lost
        return vtexError(502);
      }
      return undefined;
    });
    const cart = new CartStore(s.client, {sync: false});
    await addSku(cart, {id: '1', seller: '1', quantity: 1});
    const r = await addSku(cart, {id: '1', seller: '1', quantity: 2});
    assert.equal(r.added, 2);
    assert.equal(unitsInCart(r.orderForm, {id: '1', seller: '1'}), 3);
  });

  it('a refused add (400) fails without reading the cart again', async () => {
    const s = cartServer((r) => (r.method === 'POST' ? vtexError(400, 'ORD027') : undefined));
    const cart = new CartStore(s.client, {sync: false});
    await cart.load();
    await assert.rejects(
      addSku(cart, {id: '1', seller: '1', quantity: 1}),
      (e: VtexError) => e.code === 'ORD027',
    );
    assert.deepEqual(s.lines(), [
      'GET /api/checkout/pub/orderForm',
      'POST /api/checkout/pub/orderForm/{id}/items',
    ]);
  });
});

describe('signOut edges', () => {
  const session = () => {
    const rec = recordingFetch((r) =>
      r.url.includes('logout') ? new Response(null) : json({id: 's', namespaces: {profile: {}}}),
    );
    const client = createVtexClient({api: API, account: 'shop', fetch: rec.fetch, retries: 0});
    return {rec, store: new SessionStore(client)};
  };

  it('without a cart, or with one never loaded, only signs out (no cart is created to detach)', async () => {
    const a = session();
    assert.equal((await signOut(a.store)).signedIn, false);
    const s = cartServer();
    const cart = new CartStore(s.client, {sync: false});
    const b = session();
    assert.equal((await signOut(b.store, cart)).signedIn, false);
    assert.deepEqual(s.calls, [], 'no request for the cart');
    assert.ok(b.rec.calls.some((c) => c.url.includes('logout')));
  });

  it('a failed detach does not stop the sign-out; the cart says which operation failed', async () => {
    const s = cartServer((r) =>
      r.url.includes('changeToAnonymousUser') ? vtexError(400, 'NOPE') : undefined,
    );
    const cart = new CartStore(s.client, {sync: false});
    await cart.load();
    const a = session();
    assert.equal((await signOut(a.store, cart)).signedIn, false);
    assert.equal(cart.state.error?.operation, 'signOut');
    assert.equal(cart.state.error?.error.code, 'NOPE');
  });
});

describe('CartStore edges', () => {
  it('starts idle and empty; says loading during the first read only, and the read resolves with what is shown', async () => {
    const s = cartServer();
    const store = new CartStore(s.client, {sync: false});
    assert.deepEqual(store.state, {
      status: 'idle',
      orderForm: null,
      pendingQuantities: {},
      busy: 0,
      error: null,
    });
    assert.equal(store.orderForm, null);
    const statuses: string[] = [];
    store.subscribe((st) => statuses.push(st.status));
    await store.load();
    assert.equal(store.orderForm, store.state.orderForm);
    await store.load({force: true});
    assert.deepEqual(statuses, ['loading', 'ready', 'ready']);
  });

  it('a failed first load says error; a failed re-read keeps the cart on screen; both say the operation', async () => {
    const s = cartServer((_r, n) => (n === 1 || n === 3 ? vtexError(503, 'DOWN') : undefined));
    const store = new CartStore(s.client, {sync: false});
    await assert.rejects(store.load(), (e: VtexError) => e.code === 'DOWN');
    assert.equal(store.state.status, 'error');
    assert.equal(store.state.error?.operation, 'load');
    assert.equal(store.state.error?.error.code, 'DOWN');
    await store.load();
    await assert.rejects(store.load({force: true}), (e: VtexError) => e.code === 'DOWN');
    assert.equal(store.state.status, 'ready');
    assert.equal(store.state.error?.operation, 'load');
    assert.notEqual(store.state.orderForm, null);
  });

  it('a failure that is not a VtexError is reported as one (code UNKNOWN, not retryable)', async () => {
    const s = cartServer();
    const store = new CartStore(s.client, {sync: false});
    s.client.checkout.getOrderForm = () => Promise.reject(new Error('boom'));
    const isUnknown = (e: unknown) =>
      e instanceof VtexError && e.code === 'UNKNOWN' && e.retryable === false && e.message === 'boom';
    await assert.rejects(store.load(), isUnknown);
    assert.ok(isUnknown(store.state.error?.error));
  });

  it('each write says which operation failed, and sends what it should', async () => {
    const s = cartServer((r) =>
      r.method === 'POST' || r.url.includes('refreshOutdatedData') || r.url.includes('forceNewCart')
        ? vtexError(400, 'NO')
        : undefined,
    );
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    const ops: [string, () => Promise<unknown>][] = [
      ['addItems', () => store.addItems([{id: '1', quantity: 1, seller: '1'}])],
      ['clear', () => store.clear()],
      ['applyCoupon', () => store.applyCoupon('  summer10 ')],
      ['removeCoupon', () => store.removeCoupon()],
      ['attachClientProfile', () => store.attachClientProfile({email: 'a@b.c'} as never)],
      ['attachShippingData', () => store.attachShippingData({selectedAddresses: []} as never)],
      ['attachPaymentData', () => store.attachPaymentData({payments: []} as never)],
      ['clearMessages', () => store.clearMessages()],
      ['refresh', () => store.refresh()],
      ['newCart', () => store.startNewCart()],
    ];
    const failed: string[] = [];
    for (const [, run] of ops) {
      await assert.rejects(run(), (e: VtexError) => e.code === 'NO');
      failed.push(store.state.error!.operation);
    }
    assert.deepEqual(
      failed,
      ops.map(([name]) => name),
    );
    assert.deepEqual(
      s.calls.slice(1).map((c) => `${line(c)}${new URL(c.url).search} ${JSON.stringify(c.body ?? '')}`),
      [
        'POST /api/checkout/pub/orderForm/{id}/items {"orderItems":[{"id":"1","quantity":1,"seller":"1"}]}',
        'POST /api/checkout/pub/orderForm/{id}/items/removeAll {}',
        'POST /api/checkout/pub/orderForm/{id}/coupons {"text":"summer10"}',
        'POST /api/checkout/pub/orderForm/{id}/coupons {"text":""}',
        'POST /api/checkout/pub/orderForm/{id}/attachments/clientProfileData {"email":"a@b.c"}',
        'POST /api/checkout/pub/orderForm/{id}/attachments/shippingData {"selectedAddresses":[]}',
        'POST /api/checkout/pub/orderForm/{id}/attachments/paymentData {"payments":[]}',
        'POST /api/checkout/pub/orderForm/{id}/messages/clear {}',
        'GET /api/checkout/pub/orderForm/{id}?refreshOutdatedData=true ""',
        'GET /api/checkout/pub/orderForm?sc=1&forceNewCart=true ""',
      ],
    );
    assert.equal(store.state.busy, 0);
  });

  it('rejects a quantity above 99 999 as a config error, and takes 99 999', async () => {
    const s = cartServer();
    const store = new CartStore(s.client, {sync: false});
    assert.throws(
      () => store.addItems([{id: '1', quantity: 100_000, seller: '1'}]),
      (e: VtexError) =>
        e instanceof VtexError &&
        e.code === 'INVALID_QUANTITY' &&
        e.kind === 'config' &&
        e.retryable === false,
    );
    const of = await store.addItems([{id: '1', quantity: 99_999, seller: '1'}]);
    assert.equal(of.items[0]!.quantity, 99_999);
  });

  it('setQuantity sends the index of the line it names; an unknown line sends nothing; removeItem sends 0', async () => {
    const s = cartServer();
    const store = new CartStore(s.client, {sync: false});
    await store.addItems([
      {id: '1', quantity: 1, seller: '1'},
      {id: '2', quantity: 1, seller: '1'},
    ]);
    await store.setQuantity('u2', 4);
    const before = s.calls.length;
    const same = await store.setQuantity('gone', 3);
    assert.equal(s.calls.length, before, 'no request for a line not in the cart');
    assert.equal(same, store.state.orderForm);
    assert.deepEqual(store.state.pendingQuantities, {});
    await store.removeItem('u1');
    const updates = s.calls.filter((c) => c.url.endsWith('/items/update')).map((c) => c.body);
    assert.deepEqual(updates, [
      {orderItems: [{index: 1, quantity: 4}]},
      {orderItems: [{index: 0, quantity: 0}]},
    ]);
    assert.deepEqual(
      s.items().map((i) => [i.id, i.quantity]),
      [['2', 4]],
    );
  });

  it('rapid quantity changes are one queued write, and a line keeps its pending value until its own write is answered', async () => {
    const held = [gate(), gate()];
    const arrived = gate();
    let updates = 0;
    const s = cartServer((r) => {
      if (!r.url.endsWith('/items/update')) return undefined;
      const n = updates++;
      if (n === 0) arrived.open();
      return held[n]!.promise.then(() => undefined);
    });
    const store = new CartStore(s.client, {sync: false});
    await store.addItems([
      {id: '1', quantity: 1, seller: '1'},
      {id: '2', quantity: 1, seller: '1'},
    ]);
    const first = [store.setQuantity('u1', 2), store.setQuantity('u1', 3)];
    assert.equal(store.state.busy, 1, 'the clicks share one queued write');
    await arrived.promise;
    const second = store.setQuantity('u2', 5); // queued while the first write is unanswered
    held[0]!.open();
    await Promise.all(first);
    assert.deepEqual(
      store.state.pendingQuantities,
      {u2: 5},
      "the other line's change still shows as pending",
    );
    held[1]!.open();
    await second;
    assert.deepEqual(store.state.pendingQuantities, {});
    assert.deepEqual(
      s.items().map((i) => i.quantity),
      [3, 5],
    );
  });

  it('a change made before the cart could be read fails with NO_CART', async () => {
    const s = cartServer(() => vtexError(503, 'DOWN'));
    const store = new CartStore(s.client, {sync: false});
    const a = store.setQuantity('u1', 2);
    const b = store.setQuantity('u1', 3);
    await assert.rejects(a, (e: VtexError) => e.code === 'DOWN');
    await assert.rejects(
      b,
      (e: VtexError) =>
        e instanceof VtexError &&
        e.code === 'NO_CART' &&
        e.kind === 'config' &&
        e.retryable === true &&
        /not loaded/.test(e.message),
    );
  });

  it('a change made while the cart could not be read is dropped, and the next change is sent', async () => {
    const s = cartServer((_r, n) => (n === 1 ? vtexError(503, 'DOWN') : undefined));
    s.setItems([{uniqueId: 'u1', id: '1', seller: '1', quantity: 1}]);
    const store = new CartStore(s.client, {sync: false});
    await assert.rejects(store.setQuantity('u1', 2), (e: VtexError) => e.code === 'DOWN');
    assert.deepEqual(store.state.pendingQuantities, {}, 'nothing shows as on its way');
    await store.load();
    const of = await store.setQuantity('u1', 3);
    assert.equal(of.items[0]!.quantity, 3);
    assert.deepEqual(
      s.calls.filter((c) => c.url.endsWith('/items/update')).map((c) => c.body),
      [{orderItems: [{index: 0, quantity: 3}]}],
    );
    assert.deepEqual(store.state.pendingQuantities, {});
  });

  it('after a write whose outcome is unknown the cart is read again in the queue; after a refusal it is not', async (t) => {
    let mode: 'lost' | 'refused' = 'lost';
    const s = cartServer((r) => {
      if (r.method !== 'POST' || !path(r).endsWith('/items')) return undefined;
      if (mode === 'refused') return vtexError(400, 'NO');
      s.apply(r); // applied, then the reply is lost
      return vtexError(500, 'LOST');
    });
    const store = new CartStore(s.client, {sync: false});
    await store.load();
    await assert.rejects(
      store.addItems([{id: '1', quantity: 1, seller: '1'}]),
      (e: VtexError) => e.code === 'LOST',
    );
    await until(store, (st) => st.orderForm!.items.length === 1, t.signal);
    assert.equal(store.state.error, null, 'the re-read shows the truth');
    mode = 'refused';
    await assert.rejects(
      store.addItems([{id: '2', quantity: 1, seller: '1'}]),
      (e: VtexError) => e.code === 'NO',
    );
    await store.clear();
    assert.deepEqual(s.lines(), [
      'GET /api/checkout/pub/orderForm',
      'POST /api/checkout/pub/orderForm/{id}/items',
      'GET /api/checkout/pub/orderForm/{id}',
      'POST /api/checkout/pub/orderForm/{id}/items',
      'POST /api/checkout/pub/orderForm/{id}/items/removeAll',
    ]);
  });

  it('outcomeUnknown: lost connections, timeouts, garbled replies, 5xx and 429, not other failures', () => {
    const e = (status: number, kind?: VtexError['kind']) =>
      new VtexError({status, code: 'X', message: 'x', retryable: false, kind});
    assert.deepEqual(
      [
        e(0, 'network'),
        e(0, 'timeout'),
        e(200, 'bad-response'),
        e(500),
        e(503),
        e(429),
        e(499),
        e(400),
        e(0, 'aborted'),
        e(0, 'config'),
      ].map(outcomeUnknown),
      [true, true, true, true, true, true, false, false, false, false],
    );
  });

  it('dispose is safe on a store without a channel', () => {
    const store = new CartStore(cartServer().client, {sync: false});
    store.dispose();
    store.dispose();
    assert.equal(store.state.orderForm, null);
  });
});

describe('CartStore across tabs', () => {
  it('an order placed in another tab shows until this tab changes the cart; a change from another tab does not clear it', async (t) => {
    const s = cartServer();
    const a = new CartStore(s.client);
    const b = new CartStore(s.client);
    try {
      await a.load();
      await b.load();
      a.announcePlaced('G1');
      await until(b, (st) => st.placedElsewhere === 'G1', t.signal);
      await b.load({force: true});
      assert.equal(b.state.placedElsewhere, 'G1', 'a read does not clear it');
      await a.addItems([{id: '5', quantity: 1, seller: '1'}]);
      await until(b, (st) => st.orderForm!.items.length === 1, t.signal);
      assert.equal(b.state.placedElsewhere, 'G1', "another tab's change does not clear it");
      await b.clear();
      assert.equal(b.state.placedElsewhere, null);
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});

describe('shippingOptions', () => {
  const sla = (id: string, price: number, shippingEstimate: string, extra = {}) => ({
    id,
    name: id,
    deliveryChannel: 'delivery',
    price,
    shippingEstimate,
    ...extra,
  });
  const result = (...lines: ReturnType<typeof sla>[][]) =>
    ({
      logisticsInfo: lines.map((slas, itemIndex) => ({itemIndex, slas})),
    }) as unknown as Pick<SimulationResult, 'logisticsInfo'>;

  it('adds prices over the lines, takes the slowest estimate, keeps only SLAs every line has, cheapest then fastest first', () => {
    const store = {friendlyName: 'Loja Centro', address: null};
    const options = shippingOptions(
      result(
        [
          sla('normal', 100, '5d'),
          sla('express', 500, '1d'),
          sla('pickup', 0, '2h', {deliveryChannel: 'pickup-in-point', pickupStoreInfo: store}),
          sla('economy', 50, '2d'),
        ],
        [],
        [sla('normal', 200, '4bd'), sla('pickup', 0, '90m'), sla('economy', 250, '1d')],
      ),
    );
    assert.deepEqual(options, [
      {id: 'pickup', name: 'pickup', channel: 'pickup-in-point', price: 0, estimate: '2h', store},
      {id: 'economy', name: 'economy', channel: 'delivery', price: 300, estimate: '2d', store: null},
      {id: 'normal', name: 'normal', channel: 'delivery', price: 300, estimate: '4bd', store: null},
    ]);
  });

  it('4 business days are slower than 5 days; 1 day slower than 2 hours', () => {
    const [a, b] = shippingOptions(
      result([sla('a', 10, '5d'), sla('b', 10, '2h')], [sla('a', 0, '4bd'), sla('b', 0, '1d')]),
    );
    assert.deepEqual([a!.id, a!.estimate, b!.id, b!.estimate], ['b', '1d', 'a', '4bd']);
  });

  it('no SLA on any line is no option', () => {
    assert.deepEqual(shippingOptions(result([], [])), []);
  });
});

describe('reorder edges', () => {
  const item = (id: string, quantity: number, extra: Record<string, unknown> = {}) => ({
    id,
    seller: '1',
    name: `SKU ${id}`,
    quantity,
    isGift: false,
    ...extra,
  });
  const order = (items: ReturnType<typeof item>[], extra: Record<string, unknown> = {}) =>
    ({orderId: 'o1', items, ...extra}) as unknown as OmsOrder;
  /** A server whose simulation answers `sim` (or fails when it is an Error). */
  const server = (sim: {requestIndex: number; availability: string; quantity: number}[] | Error) =>
    cartServer((r) =>
      r.url.includes('/simulation')
        ? sim instanceof Error
          ? vtexError(503)
          : json({items: sim, logisticsInfo: []})
        : undefined,
    );
  const simBody = (s: ReturnType<typeof cartServer>) =>
    s.calls.find((c) => c.url.includes('/simulation'))!.body as {items: unknown[]; country: string};

  it('leaves gifts out, merges a SKU per seller, and adds only what the simulation can sell, capped at its stock', async () => {
    const s = server([
      {requestIndex: 4, availability: 'available', quantity: 9},
      {requestIndex: 0, availability: 'available', quantity: 5},
      {requestIndex: 1, availability: 'available', quantity: 1},
      {requestIndex: 2, availability: 'withoutStock', quantity: 3},
      {requestIndex: 3, availability: 'available', quantity: 0},
    ]);
    const cart = new CartStore(s.client, {sync: false});
    await cart.addItems([{id: '1', quantity: 1, seller: '1'}]);
    const r = await reorder(
      cart,
      order([
        item('1', 1),
        item('g', 1, {isGift: true}),
        item('2', 3),
        item('1', 1),
        item('3', 1),
        item('4', 1),
        item('1', 4, {seller: '2'}),
      ]),
    );
    assert.deepEqual(simBody(s).items, [
      {id: '1', quantity: 2, seller: '1'},
      {id: '2', quantity: 3, seller: '1'},
      {id: '3', quantity: 1, seller: '1'},
      {id: '4', quantity: 1, seller: '1'},
      {id: '1', quantity: 4, seller: '2'},
    ]);
    assert.deepEqual(
      r.added.map((i) => [i.id, i.seller, i.quantity]),
      [
        ['1', '1', 2],
        ['2', '1', 1],
        ['1', '2', 4],
      ],
    );
    assert.deepEqual(
      r.unavailable.map((i) => i.id),
      ['3', '4'],
    );
    assert.equal(r.total, 5);
    assert.deepEqual(
      s.items().map((i) => [i.id, i.seller, i.quantity]),
      [
        ['1', '1', 3],
        ['2', '1', 1],
        ['1', '2', 4],
      ],
    );
  });

  it("simulates in the order's country, else the store's, else Brazil", async () => {
    const countries: string[] = [];
    for (const extra of [
      {shippingData: {address: {country: 'ARG'}}, storePreferencesData: {countryCode: 'CHL'}},
      {shippingData: {address: null}, storePreferencesData: {countryCode: 'CHL'}},
      {},
    ]) {
      const s = server([]);
      await reorder(new CartStore(s.client, {sync: false}), order([item('1', 1)], extra));
      countries.push(simBody(s).country);
    }
    assert.deepEqual(countries, ['ARG', 'CHL', 'BRA']);
  });

  it('nothing the simulation can sell: the cart is not touched', async () => {
    const s = server([{requestIndex: 0, availability: 'cannotBeDelivered', quantity: 0}]);
    const r = await reorder(new CartStore(s.client, {sync: false}), order([item('1', 2)]));
    assert.deepEqual(r, {added: [], unavailable: [item('1', 2)].map(({isGift: _g, ...i}) => i), total: 1});
    assert.deepEqual(s.lines(), ['POST /api/checkout/pub/orderForms/simulation']);
  });

  it("lists what could not be added in the order's order, whichever step refused it", async () => {
    const s = server([
      {requestIndex: 0, availability: 'available', quantity: 1},
      {requestIndex: 1, availability: 'withoutStock', quantity: 0},
    ]);
    const r = await reorder(new CartStore(s.client, {sync: false}), order([item('x9', 1), item('6', 1)]));
    assert.deepEqual(
      r.unavailable.map((i) => i.id),
      ['x9', '6'],
    );
    assert.deepEqual(r.added, []);
    assert.deepEqual(s.items(), []);
  });

  it('without a simulation the cart decides: a line VTEX keeps but cannot sell is taken back out, in order', async () => {
    const s = server(new Error('down'));
    const cart = new CartStore(s.client, {sync: false});
    await cart.addItems([{id: 'x1', quantity: 1, seller: '1'}]);
    const r = await reorder(cart, order([item('x1', 2), item('5', 1), item('x2', 1)]));
    assert.deepEqual(
      r.added.map((i) => [i.id, i.quantity]),
      [['5', 1]],
    );
    assert.deepEqual(
      r.unavailable.map((i) => i.id),
      ['x1', 'x2'],
    );
    assert.deepEqual(
      s.items().map((i) => [i.id, i.quantity]),
      [
        ['x1', 1],
        ['5', 1],
      ],
      'the units it could not sell are taken back out; what the shopper had stays',
    );
  });
});

describe('placeOrder against a scripted VTEX', () => {
  const PAY = 'http://payments.test';
  type Step = 'transaction' | 'payments' | 'gatewayCallback';
  const stepOf = (r: Recorded): Step | 'attach' | 'read' | undefined => {
    const p = new URL(r.url).pathname;
    if (p.endsWith('/transaction')) return 'transaction';
    if (p.endsWith('/payments')) return 'payments';
    if (p.includes('/gatewayCallback/')) return 'gatewayCallback';
    if (p.endsWith('/attachments/paymentData')) return 'attach';
    if (r.method === 'GET') return 'read';
    return undefined;
  };

  /**
   * A cart worth `value` (cents) whose placement steps answer from `faults` (one per request to that step, in
   * order; then success). `onPayments` runs when the payments call arrives.
   */
  function placement(
    options: {
      paymentData?: unknown;
      storePreferencesData?: unknown;
      faults?: Partial<Record<Step, (Response | Error)[]>>;
      onPayments?: () => void;
    } = {},
  ) {
    let paymentData = 'paymentData' in options ? options.paymentData : {payments: []};
    let placed = 0;
    const orderForm = () => ({
      orderFormId: ID,
      items: [{uniqueId: 'u1', id: '1', seller: '1', quantity: 1}],
      messages: [],
      totalizers: [],
      value: 1000,
      paymentData,
      ...(options.storePreferencesData ? {storePreferencesData: options.storePreferencesData} : {}),
    });
    const rec = recordingFetch((r) => {
      const step = stepOf(r);
      if (step === 'attach') {
        paymentData = {payments: (r.body as {payments: unknown[]}).payments};
        return json(orderForm());
      }
      if (step === 'read' || step === undefined) return json(orderForm());
      if (step === 'payments') options.onPayments?.();
      const fault = options.faults?.[step]?.shift();
      if (fault) return fault;
      if (step === 'transaction') {
        placed++;
        return json({
          orderGroup: `G${placed}`,
          merchantTransactions: [{transactionId: `T${placed}`, merchantName: 'shop'}],
        });
      }
      return new Response(null, {status: step === 'payments' ? 201 : 204});
    });
    const client = createVtexClient({
      api: API,
      account: 'shop',
      fetch: rec.fetch,
      paymentsApi: PAY,
      retries: 0,
    });
    const cart = new CartStore(client, {sync: false});
    const steps = () => rec.calls.map(stepOf).filter((s) => s !== 'read');
    const bodyOf = (step: ReturnType<typeof stepOf>, n = 0) =>
      rec.calls.filter((c) => stepOf(c) === step)[n]!.body;
    return {rec, cart, steps, bodyOf};
  }
  const visa = {paymentSystem: 2, group: 'creditCardPaymentGroup', installments: 1, interest: 0};
  const card = {
    holderName: 'ANA SILVA',
    cardNumber: '4111111111111111',
    validationCode: '123',
    dueDate: '12/30',
  };
  const err = (status: number, code: string, message = `${code} failed`) =>
    json({error: {code, message, exception: null}}, status);

  it('re-reads the cart with outdated data refreshed, then sends the total with interest split into installments', async () => {
    const s = placement({storePreferencesData: {currencyCode: 'ARS'}});
    const r = await placeOrder(s.cart, {...visa, installments: 3, interest: 100, card});
    assert.equal(r.placed.orderGroup, 'G1');
    assert.deepEqual(r.callback, {status: 'approved'});
    assert.equal(new URL(s.rec.calls[1]!.url).search, '?refreshOutdatedData=true', 'after the first load');
    assert.deepEqual(s.bodyOf('attach'), {
      payments: [
        {
          paymentSystem: 2,
          installments: 3,
          value: 1100,
          referenceValue: 1000,
          installmentsInterestRate: 0,
          installmentsValue: 367,
          group: 'creditCardPaymentGroup',
          hasDefaultBillingAddress: true,
        },
      ],
    });
    assert.deepEqual(
      s.cart.state.orderForm!.paymentData,
      s.bodyOf('attach'),
      'the cart shows the payment the placement attached',
    );
    assert.deepEqual(s.bodyOf('transaction'), {
      referenceId: ID,
      savePersonalData: false,
      optinNewsLetter: false,
      value: 1100,
      referenceValue: 1000,
      interestValue: 100,
    });
    assert.deepEqual(s.bodyOf('payments'), [
      {
        paymentSystem: 2,
        installments: 3,
        currencyCode: 'ARS',
        value: 1100,
        installmentsInterestRate: 0,
        installmentsValue: 367,
        referenceValue: 1000,
        fields: {...card, document: '', accountId: '', address: null, callbackUrl: ''},
        transaction: {id: 'T1', merchantName: 'shop'},
      },
    ]);
  });

  it('without a card or a store currency: no card fields, BRL; no installments is one', async () => {
    const s = placement();
    await placeOrder(s.cart, {...visa, installments: 0});
    const [payment] = s.bodyOf('payments') as {
      currencyCode: string;
      fields: unknown;
      installmentsValue: number;
    }[];
    assert.deepEqual([payment!.currencyCode, payment!.fields, payment!.installmentsValue], ['BRL', {}, 1000]);
  });

  it('attaches the payment only when the one on the cart is not exactly the choice', async () => {
    const pay = (over: Record<string, unknown> = {}) => ({
      paymentSystem: '2',
      referenceValue: 1000,
      installments: 1,
      ...over,
    });
    const cases: unknown[] = [
      {payments: [pay()]},
      {payments: [pay()], updateStatus: 'updated'},
      {payments: [pay({paymentSystem: '4'})]},
      {payments: [pay({referenceValue: 900})]},
      {payments: [pay({installments: 2})]},
      {payments: [pay()], updateStatus: 'outdated'},
      {payments: [pay(), pay()]},
      {payments: []},
      {},
      null,
    ];
    const attached: boolean[] = [];
    for (const paymentData of cases) {
      const s = placement({paymentData});
      await placeOrder(s.cart, visa);
      attached.push(s.steps().includes('attach'));
    }
    assert.deepEqual(attached, [false, false, true, true, true, true, true, true, true, true]);
  });

  it('an outdated cart (ORD022) is read again once; twice, or another refusal, reaches the shopper', async () => {
    const once = placement({faults: {transaction: [err(400, 'ORD022')]}});
    await placeOrder(once.cart, visa);
    assert.deepEqual(
      once.rec.calls.map((c) => `${stepOf(c)}${stepOf(c) === 'read' ? new URL(c.url).search : ''}`),
      [
        'read?sc=1',
        'read?refreshOutdatedData=true',
        'attach',
        'transaction',
        'read?refreshOutdatedData=true',
        'transaction',
        'payments',
        'gatewayCallback',
      ],
    );
    const twice = placement({
      faults: {transaction: [err(400, 'ORD022'), err(400, 'ORD022'), err(400, 'ORD022')]},
    });
    await assert.rejects(placeOrder(twice.cart, visa), (e: VtexError) => e.code === 'ORD022');
    assert.deepEqual(twice.steps(), ['attach', 'transaction', 'transaction']);
    assert.equal(twice.cart.state.error?.operation, 'placeOrder');
    const other = placement({faults: {transaction: [err(400, 'ORD002')]}});
    await assert.rejects(placeOrder(other.cart, visa), (e: VtexError) => e.code === 'ORD002');
    assert.deepEqual(other.steps(), ['attach', 'transaction']);
  });

  it('a payments call that fails on the server is not a decline', async () => {
    const s = placement({faults: {payments: [err(500, 'PX')]}});
    await assert.rejects(
      placeOrder(s.cart, visa),
      (e: VtexError) => !(e instanceof PaymentDeclinedError) && e.status === 500 && e.code === 'PX',
    );
    assert.deepEqual(s.steps(), ['attach', 'transaction', 'payments']);
  });

  it('a placement window that closed at step 3 is placed again once; closed again, the shopper hears it', async () => {
    const closed = () => err(400, 'CHK0', 'The transaction was cancelled: incomplete');
    const again = placement({faults: {gatewayCallback: [closed()]}});
    const r = await placeOrder(again.cart, visa);
    assert.equal(r.placed.orderGroup, 'G2');
    assert.deepEqual(again.steps(), [
      'attach',
      'transaction',
      'payments',
      'gatewayCallback',
      'transaction',
      'payments',
      'gatewayCallback',
    ]);
    const twice = placement({faults: {gatewayCallback: [closed(), closed(), closed()]}});
    await assert.rejects(
      placeOrder(twice.cart, visa),
      (e: VtexError) => !(e instanceof PaymentDeclinedError) && e.code === 'CHK0',
    );
    assert.deepEqual(twice.steps(), [
      'attach',
      'transaction',
      'payments',
      'gatewayCallback',
      'transaction',
      'payments',
      'gatewayCallback',
    ]);
  });

  it('step 3: a timeout asks again; a refusal that is not a decline is not called one', async () => {
    const timeout = new VtexError({
      status: 0,
      code: 'TIMEOUT',
      kind: 'timeout',
      retryable: true,
      message: 'No answer',
    });
    const slow = placement({faults: {gatewayCallback: [timeout]}});
    assert.deepEqual((await placeOrder(slow.cart, visa)).callback, {status: 'approved'});
    assert.deepEqual(slow.steps(), [
      'attach',
      'transaction',
      'payments',
      'gatewayCallback',
      'gatewayCallback',
    ]);
    const refused = placement({faults: {gatewayCallback: [err(403, 'FORBIDDEN')]}});
    await assert.rejects(
      placeOrder(refused.cart, visa),
      (e: VtexError) => !(e instanceof PaymentDeclinedError) && e.code === 'FORBIDDEN',
    );
  });

  it('a payments call that outlasts the 4.5-minute window is placed again before processing', async (t) => {
    let now = 1_000_000;
    t.mock.method(Date, 'now', () => now);
    const late = placement({onPayments: () => (now += 4.5 * 60_000 + 1)});
    const r = await placeOrder(late.cart, visa);
    assert.equal(r.placed.orderGroup, 'G2');
    assert.deepEqual(late.steps(), [
      'attach',
      'transaction',
      'payments',
      'transaction',
      'payments',
      'gatewayCallback',
    ]);
    const onTime = placement({onPayments: () => (now += 4.5 * 60_000)});
    assert.equal((await placeOrder(onTime.cart, visa)).placed.orderGroup, 'G1');
    assert.deepEqual(onTime.steps(), ['attach', 'transaction', 'payments', 'gatewayCallback']);
  });
});

describe('small pieces', () => {
  it('a store stops telling a listener once it unsubscribes', async () => {
    const store = new CartStore(cartServer().client, {sync: false});
    const seen: string[] = [];
    const off = store.subscribe((st) => seen.push(st.status));
    const other = store.subscribe(() => undefined);
    off();
    await store.load();
    other();
    assert.deepEqual(seen, []);
  });

  it('suggest: the first six of the terms VTEX suggests, as words', async () => {
    const rec = recordingFetch(() =>
      json({searches: Array.from({length: 8}, (_, i) => ({term: `t${i}`, count: 1, attributes: []}))}),
    );
    const client = createVtexClient({api: API, account: 'shop', fetch: rec.fetch, retries: 0});
    const s = await suggest(client, 'sho', 0);
    assert.deepEqual(s, {term: 'sho', terms: ['t0', 't1', 't2', 't3', 't4', 't5'], products: []});
  });
});
