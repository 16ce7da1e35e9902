/**
 * The shopper journey driven by the kit itself — `createVtexClient` (src/client) and the stores and actions
 * of src/state, with the bodies the checkout element builds — over a `fetch` that records every exchange and
 * answers it like a browser would see it: straight from the sandbox, or through the bridge (src/bridge) with
 * the sandbox upstream. Card data goes to the sandbox's payment host on an origin of its own, as in the kit.
 * The recorded requests and responses are then checked against the specs by client.contract.test.ts.
 */
import assert from 'node:assert/strict';
import {createVtexClient, type FetchLike, type OrderForm} from '../../src/client/index.js';
import {createVtexBridge} from '../../src/bridge/index.js';
import {createPaymentHost, createSandbox, SANDBOX_ACCESS_CODE} from '../../src/sandbox/index.js';
import {packages} from '../../src/elements/checkout/shipping.js';
import {addSku} from '../../src/state/cart-actions.js';
import {CartStore} from '../../src/state/cart-store.js';
import {findProduct, searchFacets, searchProducts} from '../../src/state/catalog.js';
import {suggest} from '../../src/state/suggest.js';
import {installmentsFor, lookupAddress, lookupProfile} from '../../src/state/checkout-actions.js';
import {listOrders, orderDetail} from '../../src/state/orders.js';
import {placeOrder, PaymentDeclinedError, type PaymentChoice} from '../../src/state/place-order.js';
import {SessionStore} from '../../src/state/session-store.js';
import {estimateShipping} from '../../src/state/shipping.js';
import {signOut} from '../../src/state/sign-out.js';

/** The page's (and, same-origin, the bridge's) origin, and the payment host's. */
export const STORE = 'https://store.example.com';
export const PAYMENTS = 'https://payments.example.com';
const ACCOUNT = 'sandbox';

export interface Exchange {
  method: string;
  url: URL;
  /** The parsed JSON request body (undefined when none was sent). */
  request: unknown;
  status: number;
  /** The response body as text, and parsed when it is JSON. */
  text: string;
  json: unknown;
  contentType: string;
}

export type Transport = 'sandbox' | 'bridge';

const SHOPPER = {
  email: 'journey.shopper@example.com',
  firstName: 'Ana',
  lastName: 'Souza',
  documentType: 'cpf',
  document: '52998224725',
  phone: '+5521999999999',
};

/** The address `<vtex-checkout>` builds from its form (#address in src/elements/checkout/checkout.ts). */
const ADDRESS = {
  addressType: 'residential',
  receiverName: 'Ana Souza',
  postalCode: '22250-040',
  country: 'BRA',
  street: 'Praia de Botafogo',
  number: '300',
  complement: null,
  neighborhood: 'Botafogo',
  city: 'Rio de Janeiro',
  state: 'RJ',
};

const CARD = {
  holderName: 'Ana Souza',
  cardNumber: '4111111111111111',
  validationCode: '123',
  dueDate: '12/35',
};
const DECLINED = {...CARD, cardNumber: '4000000000000002'};

/** A browser-like `fetch`: a cookie jar for the store's origin, none for the payment host. */
function browserFetch(transport: Transport, log: Exchange[]) {
  const sandbox = createSandbox({allowedReturnOrigins: [STORE]});
  const payments = createPaymentHost(sandbox);
  const bridge =
    transport === 'bridge'
      ? createVtexBridge({upstream: (r) => sandbox.fetch(r), account: sandbox.account, allowedOrigins: []})
      : undefined;
  const jar = new Map<string, string>();
  const fetch: FetchLike = async (input, init = {}) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const toStore = url.origin === STORE;
    if (toStore && init.credentials !== 'omit' && jar.size)
      headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    // What a browser adds to a same-origin fetch (a cross-origin one to the payment host carries Origin too).
    headers.set('Sec-Fetch-Site', toStore ? 'same-origin' : 'cross-site');
    if (method !== 'GET' || !toStore) headers.set('Origin', STORE);
    const body = typeof init.body === 'string' ? init.body : undefined;
    const request = new Request(url, {method, headers, body});
    const handler = !toStore ? payments : (bridge ?? ((r: Request) => sandbox.fetch(r)));
    const response = await handler(request);
    if (toStore && init.credentials !== 'omit') {
      for (const sc of response.headers.getSetCookie()) {
        const [pair = ''] = sc.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        if (/max-age=0/i.test(sc) || !value) jar.delete(name);
        else jar.set(name, value);
      }
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    log.push({
      method,
      url,
      request:
        body !== undefined && /json/.test(headers.get('Content-Type') ?? '') ? JSON.parse(body) : undefined,
      status: response.status,
      text,
      json,
      contentType: response.headers.get('Content-Type') ?? '',
    });
    return new Response(text || null, {status: response.status, headers: response.headers});
  };
  /** The shopper signs in on VTEX's login page (a form post, not the kit). */
  async function signIn(email: string): Promise<void> {
    const form = new URLSearchParams({email, code: SANDBOX_ACCESS_CODE, returnUrl: '/'}).toString();
    const before = log.length;
    const r = await fetch(`${STORE}/login`, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: form,
    });
    log.splice(before); // a form, not JSON: not part of the contract
    assert.equal(r.status, 303, 'the login page signs the shopper in');
  }
  return {fetch, signIn};
}

/** Delivery for every package, as `<vtex-checkout>` chooses it (the selected option, else the first). */
function logisticsInfoOf(of: OrderForm) {
  return packages(of).flatMap((p) => {
    const sla = p.slas.find((s) => s.id === p.selected) ?? p.slas[0]!;
    return p.items.map((itemIndex) => ({
      itemIndex,
      selectedSla: sla.id,
      selectedDeliveryChannel: sla.deliveryChannel,
    }));
  });
}

/** Runs the journey; returns every exchange in order. */
export async function runJourney(transport: Transport): Promise<Exchange[]> {
  const log: Exchange[] = [];
  const browser = browserFetch(transport, log);
  const client = createVtexClient({
    api: STORE,
    account: ACCOUNT,
    fetch: browser.fetch,
    paymentsApi: PAYMENTS,
    retries: 0,
  });
  const session = new SessionStore(client, {currentUrl: () => `${STORE}/`});
  await session.load();

  // Catalog: a page of results, its filters, suggestions, one product.
  const page = await searchProducts(client, {count: 12});
  await searchFacets(client, {});
  await suggest(client, 'ca', 3);
  const product = page.products.find((p) =>
    p.items.some((i) => i.sellers.some((s) => s.commertialOffer.AvailableQuantity > 0)),
  )!;
  await findProduct(client, {id: product.productId});
  const sku = product.items.find((i) => i.sellers[0]!.commertialOffer.AvailableQuantity > 0)!;
  const item = {id: sku.itemId, seller: sku.sellers[0]!.sellerId};

  // Cart: add, change quantity, coupons, shipping estimate.
  const cart = new CartStore(client, {sync: false});
  await cart.load();
  const {orderForm: added} = await addSku(cart, {...item, quantity: 2});
  await cart.setQuantity(added.items[0]!.uniqueId, 1);
  await cart.applyCoupon('NOPE-NOT-A-COUPON');
  await cart.clearMessages();
  await cart.applyCoupon('SUMMER10');
  await cart.removeCoupon();
  await estimateShipping(client, cart.orderForm!, '22250-040', 'BRA');

  // Checkout: identification, address and delivery, payment, placement with a card.
  await lookupProfile(client, SHOPPER.email);
  await cart.attachClientProfile(SHOPPER);
  await lookupAddress(client, 'BRA', ADDRESS.postalCode);
  let of = await cart.attachShippingData({
    clearAddressIfPostalCodeNotFound: false,
    selectedAddresses: [ADDRESS],
  });
  of = await cart.attachShippingData({selectedAddresses: [ADDRESS], logisticsInfo: logisticsInfoOf(of)});
  await installmentsFor(client, of, 2);
  const card: PaymentChoice = {
    paymentSystem: 2,
    group: 'creditCardPaymentGroup',
    installments: 1,
    interest: 0,
    card: CARD,
  };
  const placed = await placeOrder(cart, card);
  assert.equal(placed.callback.status, 'approved');

  // A second purchase with Pix (gatewayCallback 428), a third with a declined card (500).
  const buyAgain = async (choice: PaymentChoice) => {
    await cart.startNewCart();
    await cart.addItems([{...item, quantity: 1}]);
    await cart.attachClientProfile(SHOPPER);
    const shipped = await cart.attachShippingData({
      clearAddressIfPostalCodeNotFound: false,
      selectedAddresses: [ADDRESS],
    });
    await cart.attachShippingData({selectedAddresses: [ADDRESS], logisticsInfo: logisticsInfoOf(shipped)});
    return placeOrder(cart, choice);
  };
  const pix = await buyAgain({
    paymentSystem: 125,
    group: 'instantPaymentPaymentGroup',
    installments: 1,
    interest: 0,
  });
  assert.equal(pix.callback.status, 'action-required');
  await assert.rejects(buyAgain({...card, card: DECLINED}), PaymentDeclinedError);
  await cart.clear();

  // Account: sign in on VTEX's page, the order history, sign out.
  await browser.signIn(SHOPPER.email);
  await session.load({force: true});
  assert.equal(session.signedIn, true);
  const orders = await listOrders(client, {page: 1, perPage: 10});
  assert.ok(orders.list.some((o) => o.orderId === placed.placed.orders[0]?.orderId));
  for (const o of orders.list) await orderDetail(client, o.orderId);
  await signOut(session, cart);
  assert.equal(session.signedIn, false);
  cart.dispose();
  return log;
}
