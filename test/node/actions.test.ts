/**
 * The shopper actions of src/state, each run in Node against the sandbox the way a page runs them: one client
 * with a cookie jar (the bridge's cookies), card payments to the payment host on an origin of its own.
 */
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {createVtexClient, type VtexClient, type VtexError} from '../../src/client/index.js';
import type {OmsOrder} from '../../src/client/types.js';
import {
  APPROVED_CARD,
  DECLINED_CARD,
  createPaymentHost,
  createSandbox,
  type Sandbox,
} from '../../src/sandbox/index.js';
import {addSku, unitsInCart} from '../../src/state/cart-actions.js';
import {applyCoupon} from '../../src/state/coupon.js';
import {CartStore} from '../../src/state/cart-store.js';
import {findProduct, searchFacets, searchProducts} from '../../src/state/catalog.js';
import {suggest} from '../../src/state/suggest.js';
import {installmentsFor, lookupAddress, lookupProfile} from '../../src/state/checkout-actions.js';
import {listOrders, orderDetail, orderThumbs} from '../../src/state/orders.js';
import {reorder} from '../../src/state/reorder.js';
import {PaymentDeclinedError, placeOrder, type PlacementResult} from '../../src/state/place-order.js';
import {SessionStore} from '../../src/state/session-store.js';
import {estimateShipping} from '../../src/state/shipping.js';
import {signOut} from '../../src/state/sign-out.js';
import {CookieJar} from './helpers/cookie-jar.js';
import {ADDRESS, BASE, PROFILE} from './helpers/sandbox-fixtures.js';

const PAY = 'http://payments.test';
const VISA = 2;

interface Page {
  client: VtexClient;
  cart: CartStore;
  session: SessionStore;
  jar: CookieJar;
  /** Every request the page made: origin, method, path and body. */
  requests: {origin: string; method: string; path: string; body: string}[];
}

/**
 * What `fault` does to a request: `lost`, the sandbox applies it and the reply is garbled; `down`, a 503 before it;
 * `offline`, the network fails before it; a Response, answered instead of the sandbox.
 */
type Fault = (method: string, path: string) => 'lost' | 'down' | 'offline' | Response | undefined;

/** A page on the sandbox: its cookies in one jar, card payments to the payment host (never with cookies). */
function page(sandbox: Sandbox, fault?: Fault): Page {
  const jar = new CookieJar();
  const payments = createPaymentHost(sandbox);
  const requests: Page['requests'] = [];
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const body = typeof init.body === 'string' ? init.body : '';
    requests.push({origin: url.origin, method: init.method ?? 'GET', path: url.pathname, body});
    const failure = fault?.(init.method ?? 'GET', url.pathname);
    if (failure instanceof Response) return failure;
    if (failure === 'offline') throw new TypeError('fetch failed');
    if (url.origin === PAY) return payments(new Request(input, init));
    if (failure === 'down') return new Response('Service Unavailable', {status: 503});
    const res = jar.store(await sandbox.fetch(jar.request(input, init)));
    return failure === 'lost'
      ? new Response('{"orderFormId":', {status: 200, headers: {'Content-Type': 'application/json'}})
      : res;
  };
  const client = createVtexClient({api: BASE, account: 'sandbox', fetch, paymentsApi: PAY, retries: 0});
  return {
    client,
    cart: new CartStore(client, {sync: false}),
    session: new SessionStore(client, {currentUrl: () => `${BASE}/`}),
    jar,
    requests,
  };
}

async function signIn(sandbox: Sandbox, p: Page, email: string): Promise<void> {
  const body = new URLSearchParams({email, code: '123456', returnUrl: '/'});
  const res = await sandbox.fetch(
    p.jar.request(`${BASE}/login`, {
      method: 'POST',
      body,
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    }),
  );
  p.jar.store(res);
  assert.ok(
    [...p.jar.cookies.keys()].some((k) => k.startsWith('VtexIdclientAutCookie')),
    'signed in',
  );
}

/** An available SKU with at least `stock` units, from the sandbox's catalog. */
async function skuWithStock(client: VtexClient, stock: number) {
  const {products} = await searchProducts(client, {count: 50});
  for (const product of products)
    for (const sku of product.items) {
      const seller = sku.sellers.find((s) => s.commertialOffer.AvailableQuantity >= stock);
      if (seller) return {id: sku.itemId, seller: seller.sellerId, offer: seller.commertialOffer};
    }
  throw new Error(`no SKU with ${stock} units in the sandbox`);
}

describe('catalog reads', () => {
  const sandbox = createSandbox();
  const {client} = page(sandbox);

  it('searches, filters, finds one product and suggests while typing', async () => {
    const all = await searchProducts(client, {count: 5});
    assert.equal(all.products.length, 5);
    assert.ok(all.recordsFiltered >= 5);
    const first = all.products[0]!;
    const facets = await searchFacets(client, {});
    assert.ok(facets.facets.length > 0, 'facets for the whole catalog');
    const bySlug = await findProduct(client, {slug: first.linkText});
    assert.equal(bySlug.productId, first.productId);
    const byId = await findProduct(client, {id: first.productId});
    assert.equal(byId.linkText, first.linkText);
    const word = first.productName.split(' ')[0]!.toLowerCase();
    const s = await suggest(client, word, 3);
    assert.equal(s.term, word);
    assert.ok(s.products.length > 0 && s.products.length <= 3);
    assert.ok(s.terms.length <= 6);
    assert.deepEqual((await suggest(client, word, 0)).products, [], 'no product search when count is 0');
  });
});

describe('cart, checkout and account actions', () => {
  const sandbox = createSandbox();
  const p = page(sandbox);
  let placed: PlacementResult;
  let sku: Awaited<ReturnType<typeof skuWithStock>>;

  before(async () => {
    sku = await skuWithStock(p.client, 3);
  });

  it('adds a SKU and says how many units went in; VTEX caps a line at its stock', async () => {
    const one = await addSku(p.cart, {id: sku.id, seller: sku.seller, quantity: 1});
    assert.equal(one.added, 1);
    assert.equal(unitsInCart(one.orderForm, sku), 1);
    const stock = sku.offer.AvailableQuantity;
    const more = await addSku(p.cart, {id: sku.id, seller: sku.seller, quantity: stock + 5});
    assert.equal(more.added, stock - 1, 'only the units in stock went in');
    assert.equal(unitsInCart(more.orderForm, sku), stock);
    await p.cart.setQuantity(more.orderForm.items[0]!.uniqueId, 2);
    assert.equal(unitsInCart(p.cart.state.orderForm!, sku), 2);
  });

  it('applies a coupon, and says why VTEX refused one (it answers 200 either way)', async () => {
    assert.deepEqual(await applyCoupon(p.cart, 'nope-123'), {refused: 'couponNotFound'});
    assert.deepEqual(await applyCoupon(p.cart, ' summer10 '), {applied: 'SUMMER10'});
    const of = await p.cart.removeCoupon();
    assert.equal(of.marketingData?.coupon ?? null, null);
  });

  it('estimates shipping without touching the cart', async () => {
    const before_ = p.cart.state.orderForm!;
    const options = await estimateShipping(p.client, before_, ADDRESS.postalCode, 'BRA');
    assert.ok(options.length > 0);
    for (let i = 1; i < options.length; i++)
      assert.ok(options[i - 1]!.price <= options[i]!.price, 'cheapest first');
    const after = await p.cart.load({force: true});
    assert.equal(after.shippingData?.address ?? null, before_.shippingData?.address ?? null);
    assert.deepEqual(
      after.items.map((i) => [i.id, i.quantity]),
      before_.items.map((i) => [i.id, i.quantity]),
    );
  });

  it('looks up an address by postal code, and a profile by e-mail (none before the first order)', async () => {
    const a = await lookupAddress(p.client, 'BRA', '22250040');
    assert.equal(a.city, 'Rio de Janeiro');
    assert.equal(a.state, 'RJ');
    const nobody = await lookupProfile(p.client, 'new.shopper@example.com');
    assert.equal(nobody.userProfile?.firstName ?? null, null);
  });

  it('gets installments for the cart, capped by its value', async () => {
    await p.cart.attachClientProfile(PROFILE);
    const of = await p.cart.attachShippingData({selectedAddresses: [ADDRESS]});
    const options = await installmentsFor(p.client, of, VISA);
    assert.ok(options.length >= 1);
    assert.equal(options[0]!.count, 1);
    assert.equal(options[0]!.total, of.value);
    assert.ok(options.every((o) => o.count <= 6));
  });

  it('places the order in three steps: card data only to the payment host, never with the cookies', async () => {
    p.requests.length = 0;
    const of = p.cart.state.orderForm!;
    placed = await placeOrder(p.cart, {
      paymentSystem: VISA,
      group: 'creditCardPaymentGroup',
      installments: 1,
      interest: 0,
      card: {holderName: 'ANA SILVA', cardNumber: APPROVED_CARD, validationCode: '123', dueDate: '12/30'},
    });
    assert.match(placed.placed.orderGroup, /\S/);
    assert.equal(placed.orderForm.value, of.value);
    const withCard = p.requests.filter((r) => r.body.includes(APPROVED_CARD));
    assert.deepEqual(
      withCard.map((r) => [r.origin, r.method]),
      [[PAY, 'POST']],
      'the card number went out once, to the payment host',
    );
    const steps = p.requests.map(
      (r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}|\d{10,}(-\d+)?/g, '{id}')}`,
    );
    const at = (re: RegExp) => steps.findIndex((s) => re.test(s));
    assert.ok(at(/POST .*\/transaction$/) >= 0, steps.join('\n'));
    assert.ok(at(/POST .*\/transaction$/) < at(/payments$/));
    assert.ok(at(/payments$/) < at(/gatewayCallback/), steps.join('\n'));
  });

  it('a second placement on the same cart does not make a second order', async () => {
    const orders = sandbox.orders().length;
    await assert.rejects(
      placeOrder(p.cart, {
        paymentSystem: VISA,
        group: 'creditCardPaymentGroup',
        installments: 1,
        interest: 0,
      }),
      (e: VtexError) => e.code === 'ORD002', // VTEX closes a placed cart
    );
    assert.equal(sandbox.orders().length, orders);
  });

  it('finds the returning shopper by e-mail, lists their orders and buys again', async () => {
    const returning = await lookupProfile(p.client, PROFILE.email);
    assert.equal(returning.userProfile?.email ?? PROFILE.email, PROFILE.email);
    assert.ok(returning.userProfile?.firstName, 'a profile after the first order');
    await p.cart.startNewCart();
    assert.equal(p.cart.state.orderForm!.items.length, 0);
    await signIn(sandbox, p, PROFILE.email);
    const list = await listOrders(p.client, {page: 1, perPage: 10});
    assert.equal(list.list.length, 1);
    const id = list.list[0]!.orderId;
    const order: OmsOrder = await orderDetail(p.client, id);
    assert.equal(order.orderId, id);
    const thumbs = await orderThumbs(p.client, list);
    assert.ok(thumbs.get(id)!.length > 0, 'item images for the order');
    const again = await reorder(p.cart, order);
    assert.equal(again.total, 1);
    assert.deepEqual(
      again.added.map((i) => [i.id, i.quantity]),
      [[sku.id, 2]],
    );
    assert.deepEqual(again.unavailable, []);
    assert.equal(unitsInCart(p.cart.state.orderForm!, sku), 2);
  });

  it('signs out: the profile leaves the cart, the session is anonymous', async () => {
    await p.session.load();
    assert.equal(p.session.signedIn, true);
    const after = await signOut(p.session, p.cart);
    assert.equal(after.signedIn, false);
    assert.equal(p.session.signedIn, false);
    assert.ok(
      p.requests.some((r) => /changeToAnonymousUser/.test(r.path)),
      'the cart was detached from the shopper first',
    );
    assert.match(p.session.loginUrl('https://shop.example/p'), /returnUrl=https%3A%2F%2Fshop\.example%2Fp/);
  });
});

describe('an add whose reply is lost', () => {
  const adds = (faults: ('lost' | 'down')[]): Fault => {
    return (method, path) => (method === 'POST' && path.endsWith('/items') ? faults.shift() : undefined);
  };

  it('resolves as added when VTEX applied it (the cart read again says so), so a second press does not make two', async () => {
    const p = page(createSandbox(), adds(['lost']));
    const sku = await skuWithStock(p.client, 3);
    const item = {id: sku.id, seller: sku.seller, quantity: 1};
    const one = await addSku(p.cart, item);
    assert.equal(one.added, 1);
    assert.equal(unitsInCart(one.orderForm, sku), 1);
    assert.equal(p.cart.state.error, null, 'no error left on the cart');
    assert.equal(unitsInCart(await p.cart.load({force: true}), sku), 1, 'one unit on the server');
  });

  it('still fails when the add did not happen (a 503 before VTEX), and when VTEX refused it', async () => {
    const p = page(createSandbox(), adds(['down']));
    const sku = await skuWithStock(p.client, 3);
    const item = {id: sku.id, seller: sku.seller, quantity: 1};
    await assert.rejects(addSku(p.cart, item), (e: VtexError) => e.status === 503);
    assert.equal(unitsInCart(await p.cart.load({force: true}), sku), 0);
    await assert.rejects(addSku(p.cart, {...item, id: 'no-such-sku'}), (e: VtexError) => e.status === 400);
  });
});

describe('placing an order when VTEX answers badly', () => {
  /** Once for each step named, in order: what the first request to it gets. */
  const once = (faults: [RegExp, ReturnType<Fault>][]): Fault => {
    return (method, path) => {
      const i = faults.findIndex(([re]) => re.test(`${method} ${path}`));
      return i < 0 ? undefined : faults.splice(i, 1)[0]![1];
    };
  };
  const vtexError = (status: number, code: string, message: string) =>
    new Response(JSON.stringify({error: {code, message, exception: null}}), {
      status,
      headers: {'Content-Type': 'application/json'},
    });
  const card = (cardNumber: string) => ({
    paymentSystem: VISA,
    group: 'creditCardPaymentGroup',
    installments: 1,
    interest: 0,
    card: {holderName: 'ANA SILVA', cardNumber, validationCode: '123', dueDate: '12/30'},
  });

  /** A cart with one item, a shopper and an address, on its own sandbox. */
  async function ready(fault?: Fault) {
    const sandbox = createSandbox();
    const p = page(sandbox, fault);
    const sku = await skuWithStock(p.client, 1);
    await addSku(p.cart, {id: sku.id, seller: sku.seller, quantity: 1});
    await p.cart.attachClientProfile({
      ...PROFILE,
      email: `p.${Math.random().toString(36).slice(2)}@example.com`,
    });
    await p.cart.attachShippingData({selectedAddresses: [ADDRESS]});
    const live = () => sandbox.orders().filter((o) => o.status !== 'canceled');
    const steps = () =>
      p.requests
        .filter((r) => /transaction$|payments$|gatewayCallback/.test(r.path))
        .map((r) => r.path.replace(/.*\/(transaction|payments|gatewayCallback)(\/.*)?$/, '$1'));
    return {sandbox, p, live, steps};
  }

  it('a declined card is a PaymentDeclinedError, and the same cart then places once with another card', async () => {
    const {p, live} = await ready();
    await assert.rejects(placeOrder(p.cart, card(DECLINED_CARD)), (e: VtexError) => {
      assert.ok(e instanceof PaymentDeclinedError);
      assert.equal(e.code, 'PAYMENT_DENIED');
      assert.equal(e.retryable, false);
      return true;
    });
    const placed = await placeOrder(p.cart, card(APPROVED_CARD));
    assert.deepEqual(
      live().map((o) => o.orderGroup),
      [placed.placed.orderGroup],
      'one live order: the declined one is not live',
    );
  });

  it('an outdated cart at step 1 (ORD022) is read again and placed once', async () => {
    const {p, live, steps} = await ready(
      once([[/POST .*\/transaction$/, vtexError(400, 'ORD022', 'The orderForm is outdated')]]),
    );
    const placed = await placeOrder(p.cart, card(APPROVED_CARD));
    assert.deepEqual(steps(), ['transaction', 'transaction', 'payments', 'gatewayCallback']);
    assert.deepEqual(
      live().map((o) => o.orderGroup),
      [placed.placed.orderGroup],
    );
    assert.ok(
      p.requests.some((r) => r.method === 'GET' && r.path.includes('/orderForm/')),
      'the cart was read again',
    );
  });

  it('a 5-minute window that closed during the payments call is placed again: one live order', async () => {
    const {p, live, steps} = await ready(
      once([
        [/POST .*\/payments$/, vtexError(400, 'TX', 'The transaction was cancelled: incomplete after 5 min')],
      ]),
    );
    const placed = await placeOrder(p.cart, card(APPROVED_CARD));
    assert.deepEqual(steps(), ['transaction', 'payments', 'transaction', 'payments', 'gatewayCallback']);
    assert.deepEqual(
      live().map((o) => o.orderGroup),
      [placed.placed.orderGroup],
    );
  });

  it('a payments call VTEX refuses (400) is a decline, not a retry', async () => {
    const {p, steps} = await ready(once([[/POST .*\/payments$/, vtexError(400, 'X', 'Invalid card')]]));
    await assert.rejects(placeOrder(p.cart, card(APPROVED_CARD)), PaymentDeclinedError);
    assert.deepEqual(steps(), ['transaction', 'payments'], 'not placed again, not processed');
  });

  it('a lost connection at step 3 asks again (VTEX replays the result): the order is placed once', async () => {
    const {p, live, steps} = await ready(once([[/POST .*\/gatewayCallback\//, 'offline']]));
    const placed = await placeOrder(p.cart, card(APPROVED_CARD));
    assert.deepEqual(steps(), ['transaction', 'payments', 'gatewayCallback', 'gatewayCallback']);
    assert.deepEqual(
      live().map((o) => o.orderGroup),
      [placed.placed.orderGroup],
    );
  });

  it('a server error at step 3 is not retried: the shopper hears it (outcome unknown, the cart queue resyncs)', async () => {
    const {p, steps} = await ready(once([[/POST .*\/gatewayCallback\//, 'down']]));
    await assert.rejects(placeOrder(p.cart, card(APPROVED_CARD)), (e: VtexError) => e.status === 503);
    assert.deepEqual(steps(), ['transaction', 'payments', 'gatewayCallback']);
  });
});
