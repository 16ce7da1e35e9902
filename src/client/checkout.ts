import type {Http, RequestOptions} from './http.js';
import type {
  ClientProfileInput,
  GatewayCallbackResult,
  InstallmentsResult,
  OrderForm,
  PaymentDataInput,
  PaymentInput,
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
    // The three placement steps load with the checkout (./placement.ts), not with every page's first request.
    /** Step 1/3 — Checkout#PlaceOrderFromExistingOrderForm; starts VTEX's 5-minute window. */
    async placeOrder(
      id: string,
      input: PlaceOrderInput,
      options: RequestOptions = {},
    ): Promise<PlacedTransaction> {
      return (await import('./placement.js')).placeOrder(http, of(id), id, input, options);
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
      const base = ctx.paymentsApi || VTEX_PAYMENTS_API;
      return (await import('./placement.js')).sendPayments(
        http,
        base,
        ctx.account,
        transactionId,
        orderGroup,
        payments,
        options,
      );
    },
    /** Step 3/3 — Checkout#ProcessOrder: 200/204 approved, 428 needs the shopper (redirect, Pix), 500 denied (throws). */
    async gatewayCallback(orderGroup: string, options: RequestOptions = {}): Promise<GatewayCallbackResult> {
      return (await import('./placement.js')).gatewayCallback(
        http,
        `${CO}/gatewayCallback/${encodeURIComponent(orderGroup)}`,
        options,
      );
    },
  };
}

export type CheckoutApi = ReturnType<typeof createCheckoutApi>;
