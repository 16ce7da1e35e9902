import {VtexError, errorFromResponse} from './errors.js';
import {parseJson, type Http, type RequestOptions} from './http.js';
import type {
  ClientProfileInput,
  GatewayCallbackResult,
  InstallmentsResult,
  OrderForm,
  PaymentDataInput,
  PaymentInput,
  PlacedOrderSummary,
  PlacedTransaction,
  PlaceOrderInput,
  PostalCodeAddress,
  ProfileLookup,
  ShippingDataInput,
  SimulationRequest,
  SimulationResult,
} from './types.js';

const CO = '/api/checkout/pub';
/** VTEX's payment host (../shared/vtex/API.md §6.5): card data goes here from the browser, never to the bridge. */
export const VTEX_PAYMENTS_API = 'https://api.vtexvault.com';
/** VTEX documents 12 s for attachment operations. */
const ATTACHMENT_TIMEOUT = 12_000;

export interface CheckoutContext {
  account: string;
  salesChannel: string;
  /** Base URL of VTEX's payment host for the payments step. Default `https://api.vtexvault.com`. */
  paymentsApi?: string;
}

export interface AddItem {
  id: string;
  quantity: number;
  seller: string;
  index?: number;
}

const of = (id: string) => `${CO}/orderForm/${encodeURIComponent(id)}`;

export function createCheckoutApi(http: Http, ctx: CheckoutContext) {
  const post = <T>(path: string, body: unknown, options: RequestOptions & {timeoutMs?: number} = {}) =>
    http.json<T>(path, {method: 'POST', body, signal: options.signal, timeoutMs: options.timeoutMs});
  const attach = (id: string, name: string, body: unknown, options: RequestOptions) =>
    post<OrderForm>(`${of(id)}/attachments/${name}`, body, {...options, timeoutMs: ATTACHMENT_TIMEOUT});

  return {
    /** Checkout#CreateANewCart — the cart named by the checkout cookie, or a new one. */
    getOrderForm(options: RequestOptions & {forceNewCart?: boolean} = {}): Promise<OrderForm> {
      return http.json(`${CO}/orderForm`, {
        query: {sc: ctx.salesChannel, forceNewCart: options.forceNewCart ? 'true' : undefined},
        signal: options.signal,
      });
    },
    /** Checkout#GetCartInformationById */
    getOrderFormById(
      id: string,
      options: RequestOptions & {refreshOutdatedData?: boolean} = {},
    ): Promise<OrderForm> {
      return http.json(of(id), {
        query: {refreshOutdatedData: options.refreshOutdatedData ? 'true' : undefined},
        signal: options.signal,
      });
    },
    /** Checkout#Items */
    addItems(id: string, items: readonly AddItem[], options: RequestOptions = {}): Promise<OrderForm> {
      return post(`${of(id)}/items`, {orderItems: items}, options);
    },
    /** Checkout#ItemsUpdate — `quantity: 0` removes the line. */
    updateItems(
      id: string,
      items: readonly {index: number; quantity: number}[],
      options: RequestOptions = {},
    ): Promise<OrderForm> {
      return post(`${of(id)}/items/update`, {orderItems: items}, options);
    },
    /** Checkout#RemoveAllItems */
    removeAllItems(id: string, options: RequestOptions = {}): Promise<OrderForm> {
      return post(`${of(id)}/items/removeAll`, {}, options);
    },
    /** Checkout#AddCoupons — an invalid coupon answers 200 with a message; `''` removes the coupon. */
    addCoupon(id: string, text: string, options: RequestOptions = {}): Promise<OrderForm> {
      return post(`${of(id)}/coupons`, {text}, options);
    },
    /** Checkout#CartSimulation — stateless shipping estimate. */
    simulate(request: SimulationRequest, options: RequestOptions = {}): Promise<SimulationResult> {
      return http.json(`${CO}/orderForms/simulation`, {
        method: 'POST',
        query: {sc: ctx.salesChannel, RnbBehavior: 0},
        body: request,
        signal: options.signal,
      });
    },
    /** Checkout#GetAddressByPostalCode */
    addressByPostalCode(
      country: string,
      postalCode: string,
      options: RequestOptions = {},
    ): Promise<PostalCodeAddress> {
      return http.json(`${CO}/postal-code/${encodeURIComponent(country)}/${encodeURIComponent(postalCode)}`, {
        signal: options.signal,
      });
    },
    /** Checkout#GetClientProfileByEmail */
    profileByEmail(email: string, options: RequestOptions = {}): Promise<ProfileLookup> {
      return http.json(`${CO}/profiles`, {query: {email}, signal: options.signal});
    },
    /** Checkout#AddClientProfile */
    attachClientProfile(
      id: string,
      data: ClientProfileInput,
      options: RequestOptions = {},
    ): Promise<OrderForm> {
      return attach(id, 'clientProfileData', data, options);
    },
    /** Checkout#AddShippingAddress */
    attachShippingData(
      id: string,
      data: ShippingDataInput,
      options: RequestOptions = {},
    ): Promise<OrderForm> {
      return attach(id, 'shippingData', data, options);
    },
    /** Checkout#AddPaymentData — never carries card data. */
    attachPaymentData(id: string, data: PaymentDataInput, options: RequestOptions = {}): Promise<OrderForm> {
      return attach(id, 'paymentData', data, options);
    },
    /** Checkout#AddMarketingData */
    attachMarketingData(
      id: string,
      data: Record<string, unknown>,
      options: RequestOptions = {},
    ): Promise<OrderForm> {
      return attach(id, 'marketingData', data, options);
    },
    /** Checkout#GetCartInstallments */
    installments(
      id: string,
      paymentSystem: string | number,
      options: RequestOptions = {},
    ): Promise<InstallmentsResult> {
      return http.json(`${of(id)}/installments`, {query: {paymentSystem}, signal: options.signal});
    },
    /** Checkout#ClearorderFormMessages */
    clearMessages(id: string, options: RequestOptions = {}): Promise<OrderForm> {
      return post(`${of(id)}/messages/clear`, {}, options);
    },
    /** Checkout#Removeallpersonaldata (no /api prefix). */
    async changeToAnonymousUser(id: string, options: RequestOptions = {}): Promise<void> {
      await http.send(`/checkout/changeToAnonymousUser/${encodeURIComponent(id)}`, {signal: options.signal});
    },
    /** Step 1/3 — Checkout#PlaceOrderFromExistingOrderForm; starts VTEX's 5-minute window. */
    async placeOrder(
      id: string,
      input: PlaceOrderInput,
      options: RequestOptions = {},
    ): Promise<PlacedTransaction> {
      const raw = await post<unknown>(
        `${of(id)}/transaction`,
        {
          referenceId: id,
          savePersonalData: false,
          optinNewsLetter: false,
          ...input,
        },
        options,
      );
      return parsePlacedTransaction(raw);
    },
    /**
     * Step 2/3 — PGW#2.SendPaymentsPublic; card data travels only here: straight from the browser to VTEX's
     * payment host (never the bridge, which refuses it), without cookies. 201 with no body.
     */
    async sendPayments(
      transactionId: string,
      orderGroup: string,
      payments: readonly PaymentInput[],
      options: RequestOptions & {form?: 'vault' | 'pub'} = {},
    ): Promise<void> {
      const tid = encodeURIComponent(transactionId);
      const path =
        options.form === 'pub'
          ? `/api/pub/transactions/${tid}/payments`
          : `/api/payments/transactions/${tid}/payments`;
      await http.send(path, {
        method: 'POST',
        base: ctx.paymentsApi || VTEX_PAYMENTS_API,
        credentials: 'omit',
        query: options.form === 'pub' ? {orderId: orderGroup} : {an: ctx.account, orderId: orderGroup},
        body: payments,
        signal: options.signal,
      });
    },
    /** Step 3/3 — Checkout#ProcessOrder: 200/204 approved, 428 needs the shopper (redirect, Pix), 500 denied (throws). */
    async gatewayCallback(orderGroup: string, options: RequestOptions = {}): Promise<GatewayCallbackResult> {
      const response = await http.send(`${CO}/gatewayCallback/${encodeURIComponent(orderGroup)}`, {
        method: 'POST',
        raw: true,
        signal: options.signal,
      });
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
    },
  };
}

export type CheckoutApi = ReturnType<typeof createCheckoutApi>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
/** An http(s) URL or a same-origin path, else null: a payment link never runs script (`javascript:`, `data:`…). */
const httpUrl = (v: string | undefined): string | null => {
  if (!v) return null;
  if (/^\/(?![/\\])/.test(v)) return v; // a path on the store's own origin
  try {
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
