/**
 * VTEX's three placement steps (API.md §6.5) and the parsing of their answers: loaded when a shopper places an
 * order, through `client.checkout.placeOrder`, `sendPayments` and `gatewayCallback` (src/client/checkout.ts).
 */
import {VtexError, errorFromResponse} from './errors.js';
import {parseJson, type Http, type RequestOptions} from './http.js';
import type {
  GatewayCallbackResult,
  PaymentInput,
  PlacedOrderSummary,
  PlacedTransaction,
  PlaceOrderInput,
} from './types.js';

/** Step 1/3: `path` is the orderForm's. */
export async function placeOrder(
  http: Http,
  path: string,
  id: string,
  input: PlaceOrderInput,
  options: RequestOptions,
): Promise<PlacedTransaction> {
  const raw = await http.json<unknown>(`${path}/transaction`, {
    method: 'POST',
    body: {referenceId: id, savePersonalData: false, optinNewsLetter: false, ...input},
    signal: options.signal,
  });
  return parsePlacedTransaction(raw);
}

/** Step 2/3: to the payment host `base`, without cookies. */
export async function sendPayments(
  http: Http,
  base: string,
  account: string,
  transactionId: string,
  orderGroup: string,
  payments: readonly PaymentInput[],
  options: RequestOptions & {form?: 'vault' | 'pub'},
): Promise<void> {
  const tid = encodeURIComponent(transactionId);
  const pub = options.form === 'pub';
  await http.send(
    pub ? `/api/pub/transactions/${tid}/payments` : `/api/payments/transactions/${tid}/payments`,
    {
      method: 'POST',
      base,
      credentials: 'omit',
      query: pub ? {orderId: orderGroup} : {an: account, orderId: orderGroup},
      body: payments,
      signal: options.signal,
    },
  );
}

/** Step 3/3: `path` is the gatewayCallback's. */
export async function gatewayCallback(
  http: Http,
  path: string,
  options: RequestOptions,
): Promise<GatewayCallbackResult> {
  const response = await http.send(path, {method: 'POST', raw: true, signal: options.signal});
  if (response.status === 200 || response.status === 204) return {status: 'approved'};
  if (response.status === 428) return parseGatewayRedirect(await parseJson<unknown>(response));
  const error = errorFromResponse(response.status, await response.text().catch(() => ''));
  throw new VtexError({
    status: error.status,
    code: response.status === 500 ? 'PAYMENT_DENIED' : error.code,
    message: error.message,
    retryable: false,
    operationId: error.operationId,
    fields: {vtexCode: error.code},
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
/** A stand-in origin for reading a path the way a browser does. */
const HERE = 'https://here.invalid';

/**
 * An http(s) URL or a path on the store's own origin, else null: a payment link never runs script (`javascript:`,
 * `data:`…) and a path never leads elsewhere. The path is read as the browser will read it, so `//evil.com`, `/\evil.com`
 * and `/<tab>/evil.com` (browsers drop tabs and line breaks from URLs) are refused.
 */
const httpUrl = (v: string | undefined): string | null => {
  if (!v) return null;
  try {
    if (v.startsWith('/')) return new URL(v, HERE).origin === HERE ? v : null;
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
};

/**
 * Normalizes every place-order response shape VTEX documents (API.md §6.5, §11.1): the spec's
 * `{orderForm: null, transactionData, orders[]}`, the guide's flat object with `orderGroup` and
 * `merchantTransactions`, and the BFF sample's `orders[0].transactionData`.
 */
export function parsePlacedTransaction(raw: unknown): PlacedTransaction {
  if (!isObj(raw)) throw badPlacement('empty response');
  const orders = (Array.isArray(raw.orders) ? raw.orders : []).filter(isObj) as PlacedOrderSummary[];
  const firstOrder = orders[0] as Record<string, unknown> | undefined;
  const txData =
    (isObj(raw.transactionData) && raw.transactionData) ||
    (firstOrder && isObj(firstOrder.transactionData) && firstOrder.transactionData) ||
    raw;
  const merchantTransactions = Array.isArray(txData.merchantTransactions)
    ? txData.merchantTransactions
    : Array.isArray(raw.merchantTransactions)
      ? raw.merchantTransactions
      : [];
  const tx = merchantTransactions.find(isObj) as Record<string, unknown> | undefined;
  const orderGroup = asString(raw.orderGroup) ?? asString(firstOrder?.orderGroup);
  const transactionId = asString(tx?.transactionId) ?? asString(raw.id);
  const merchantName = asString(tx?.merchantName);
  if (!orderGroup || !transactionId || !merchantName) throw badPlacement('missing orderGroup or transaction');
  return {orderGroup, transactionId, merchantName, orders, receiverUri: asString(txData.receiverUri)};
}

function parseGatewayRedirect(body: unknown): GatewayCallbackResult {
  const b = isObj(body) ? body : {};
  const redirects = Array.isArray(b.RedirectResponseCollection)
    ? b.RedirectResponseCollection.filter(isObj)
    : [];
  const apps = Array.isArray(b.paymentAuthorizationAppCollection)
    ? b.paymentAuthorizationAppCollection.filter(isObj)
    : [];
  const app = apps[0];
  let payload: Record<string, unknown> = {};
  if (app) {
    if (isObj(app.appPayload)) payload = app.appPayload;
    else if (typeof app.appPayload === 'string') {
      try {
        const parsed: unknown = JSON.parse(app.appPayload);
        if (isObj(parsed)) payload = parsed;
      } catch {
        payload = {};
      }
    }
  }
  return {
    status: 'action-required',
    redirectUrl: httpUrl(asString(redirects[0]?.redirectUrl)),
    app: app ? {appName: asString(app.appName) ?? '', payload} : null,
  };
}

const badPlacement = (why: string) =>
  new VtexError({
    status: 200,
    code: 'BAD_PLACEMENT_RESPONSE',
    kind: 'bad-response',
    retryable: false,
    message: `Unexpected place-order response: ${why}`,
  });
