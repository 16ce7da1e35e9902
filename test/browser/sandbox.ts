/**
 * Browser-test helpers that talk to the sandbox served on the test server's own origin (through the bridge,
 * as a page would). Control routes live under /_sandbox and are only mounted by the dev/test servers.
 */
import {executeServerCommand} from '@web/test-runner-commands';
import {VTEX_PAYMENTS_API} from '../../src/client/checkout.js';
import type {ISProduct, ISSku} from '../../src/client/types.js';

/** Starts every test with an empty cart of its own: VTEX's `forceNewCart` resets the checkout cookie. */
export async function freshCart(): Promise<string> {
  const r = await fetch('/api/checkout/pub/orderForm?forceNewCart=true', {credentials: 'include'});
  if (!r.ok) throw new Error(`freshCart: ${r.status}`);
  return ((await r.json()) as {orderFormId: string}).orderFormId;
}

/** The cart as the server sees it now. */
export async function serverCart(): Promise<{
  orderFormId: string;
  items: {id: string; quantity: number; uniqueId: string}[];
  value: number;
  marketingData: {coupon: string | null} | null;
}> {
  const r = await fetch('/api/checkout/pub/orderForm', {credentials: 'include'});
  return r.json();
}

export interface Faults {
  latencyMs?: number | [number, number];
  errorRate?: number;
  errorStatus?: number;
  routes?: string;
  methods?: string[];
  timeoutRate?: number;
  malformedJsonRate?: number;
  rateLimitRate?: number;
  /** PRNG seed: a config with one restarts the sequence (src/sandbox/faults.ts). */
  seed?: number;
}

export async function setFaults(faults: Faults): Promise<void> {
  const r = await fetch('/_sandbox/faults', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(faults),
  });
  if (!r.ok) throw new Error(`setFaults: ${r.status}`);
}

export async function clearFaults(): Promise<void> {
  await fetch('/_sandbox/faults', {method: 'DELETE'});
}

/**
 * The sandbox answering as VTEX's payment host, on an origin of its own (the test runner starts it): put it
 * in `<vtex-store payments-api>` of any fixture that pays by card.
 */
export const PAYMENTS_API = new URL(location.href).searchParams.has('wtr-session-id')
  ? await executeServerCommand<string, undefined>('sandbox-payments-api')
  : VTEX_PAYMENTS_API; // Storybook: its service worker answers as VTEX's own payment host

/** Every order the sandbox holds (incl. canceled/incomplete ones), as `sandbox.orders()` exposes them. */
export interface SandboxOrder {
  orderId: string;
  orderGroup: string;
  orderFormId: string;
  email: string;
  value: number;
  totalItems: number;
  status: string;
  visible: boolean;
  tags: string[];
}

/** Read in the test runner's process (a server command): the dev server never serves this list over HTTP. */
export async function sandboxOrders(): Promise<SandboxOrder[]> {
  return executeServerCommand<SandboxOrder[], undefined>('sandbox-orders');
}

/** Advances the sandbox's clock (the 5-minute placement window, order statuses). */
export async function advanceClock(ms: number): Promise<void> {
  await fetch('/_sandbox/clock', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({advanceMs: ms}),
  });
}

/** The sandbox's access code for every e-mail (src/sandbox/README.md). */
export const SANDBOX_LOGIN_CODE = '123456';

/**
 * Signs in as a shopper the way a browser does on the sandbox's login page (e-mail + access code form),
 * with `redirect: 'manual'` so the 303's login cookie is stored for this page's origin.
 */
export async function signIn(email: string): Promise<void> {
  const r = await fetch('/login', {
    method: 'POST',
    credentials: 'include',
    redirect: 'manual',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({email, code: SANDBOX_LOGIN_CODE, returnUrl: location.pathname}),
  });
  // An opaque redirect (type "opaqueredirect", status 0) is the success; the form again (4xx) is not.
  if (r.type !== 'opaqueredirect' && !r.ok) throw new Error(`signIn: ${r.status}`);
  if (r.type !== 'opaqueredirect') throw new Error('signIn: the login form did not accept the access code');
}

/** Signs out behind the page's back (clears the login cookie), as an expired token would look. */
export async function signOut(): Promise<void> {
  await fetch('/api/vtexid/pub/logout?scope=sandbox', {credentials: 'include'});
}

export interface TestOrderItem {
  id: string;
  quantity: number;
}

export interface PlacedTestOrder {
  orderId: string;
  orderGroup: string;
  /** Cents. */
  value: number;
}

const SHIPPING_ADDRESS = {
  addressType: 'residential',
  receiverName: 'Ana Silva',
  postalCode: '22250-040',
  country: 'BRA',
  number: '300',
  street: 'Praia de Botafogo',
  city: 'Rio de Janeiro',
  state: 'RJ',
  neighborhood: 'Botafogo',
};

/**
 * Places an approved card order for `email` through the real API (cart → attachments → transaction → payments →
 * gatewayCallback), in a new cart of its own. Call it signed out or signed in as the same shopper.
 */
export async function placeTestOrder(
  email: string,
  items: TestOrderItem[] = [{id: '101', quantity: 1}],
): Promise<PlacedTestOrder> {
  const OF = '/api/checkout/pub/orderForm';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    // Card data goes to the payment host (public, cookie-less), everything else to the bridge.
    const payments = path.startsWith('/api/payments/');
    const r = await fetch(payments ? PAYMENTS_API + path : path, {
      method,
      credentials: payments ? 'omit' : 'include',
      headers: body === undefined ? {} : {'Content-Type': 'application/json', Accept: 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`placeTestOrder: ${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const id = (await call<{orderFormId: string}>('GET', `${OF}?forceNewCart=true`)).orderFormId;
  await call('POST', `${OF}/${id}/items`, {orderItems: items.map((i) => ({...i, seller: '1'}))});
  const [firstName = 'Test', lastName = 'Shopper'] = email.split('@')[0]!.split('.');
  await call('POST', `${OF}/${id}/attachments/clientProfileData`, {
    email,
    firstName,
    lastName,
    documentType: 'cpf',
    document: '529.982.247-25',
    phone: '+5521999990000',
  });
  await call('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [SHIPPING_ADDRESS]});
  const value = (await call<{value: number}>('GET', `${OF}/${id}`)).value;
  await call('POST', `${OF}/${id}/attachments/paymentData`, {
    payments: [{paymentSystem: 2, installments: 1, value, referenceValue: value}],
  });
  const placed = await call<{
    orderGroup: string;
    orders: {orderId: string}[];
    transactionData: {merchantTransactions: {transactionId: string; merchantName: string}[]};
  }>('POST', `${OF}/${id}/transaction`, {referenceId: id, value, referenceValue: value, interestValue: 0});
  const tx = placed.transactionData.merchantTransactions[0]!;
  await call(
    'POST',
    `/api/payments/transactions/${tx.transactionId}/payments?an=sandbox&orderId=${placed.orderGroup}`,
    [
      {
        paymentSystem: 2,
        installments: 1,
        currencyCode: 'BRL',
        value,
        installmentsInterestRate: 0,
        installmentsValue: value,
        referenceValue: value,
        fields: {
          holderName: 'Ana Silva',
          cardNumber: '4111111111111111',
          validationCode: '123',
          dueDate: '12/35',
          document: '',
          accountId: '',
          address: null,
          callbackUrl: '',
        },
        transaction: {id: tx.transactionId, merchantName: tx.merchantName},
      },
    ],
  );
  await call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}`);
  return {orderId: placed.orders[0]!.orderId, orderGroup: placed.orderGroup, value};
}

const stockOf = (sku: ISSku) =>
  (sku.sellers.find((s) => s.sellerDefault) ?? sku.sellers[0]!).commertialOffer.AvailableQuantity;

/** A product with one SKU, in stock (at least 3), found through the API. */
export async function singleSkuProduct(): Promise<{product: ISProduct; sku: ISSku; stock: number}> {
  for (let page = 1; page <= 11; page++) {
    const r = await (await fetch(`/api/intelligent-search/v1/product-search/?count=50&page=${page}`)).json();
    for (const product of r.products as ISProduct[]) {
      const sku = product.items[0]!;
      if (product.items.length === 1 && stockOf(sku) >= 3) return {product, sku, stock: stockOf(sku)};
    }
  }
  throw new Error('no single-SKU product in stock');
}

/** Puts `quantity` units of the SKU in the test's cart on the server. */
export async function putInCart(sku: ISSku, quantity: number): Promise<void> {
  const {orderFormId} = await serverCart();
  const seller = (sku.sellers.find((s) => s.sellerDefault) ?? sku.sellers[0]!).sellerId;
  const r = await fetch(`/api/checkout/pub/orderForm/${orderFormId}/items`, {
    method: 'POST',
    credentials: 'include',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({orderItems: [{id: sku.itemId, quantity, seller}]}),
  });
  if (!r.ok) throw new Error(`putInCart: ${r.status}`);
}
