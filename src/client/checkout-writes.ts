import {CO, of, type AddItem, type CheckoutContext} from './checkout.js';
import type {Http, RequestOptions} from './http.js';
import type {
  ClientProfileInput,
  InstallmentsResult,
  OrderForm,
  PaymentDataInput,
  PostalCodeAddress,
  ProfileLookup,
  ShippingDataInput,
  SimulationRequest,
  SimulationResult,
} from './types.js';

/** VTEX documents 12 s for attachment operations. */
const ATTACHMENT_TIMEOUT_MS = 12_000;

/**
 * The Checkout calls a page makes only once the shopper acts (add to cart, change a quantity, a coupon, the
 * checkout's steps): loaded on their first use (`onDemand` in ./checkout.ts), not with every page.
 */
export function createCheckoutWrites(http: Http, ctx: CheckoutContext) {
  const post = <T>(path: string, body: unknown, options: RequestOptions & {timeoutMs?: number} = {}) =>
    http.json<T>(path, {method: 'POST', body, signal: options.signal, timeoutMs: options.timeoutMs});
  const attach = (id: string, name: string, body: unknown, options: RequestOptions) =>
    post<OrderForm>(`${of(id)}/attachments/${name}`, body, {...options, timeoutMs: ATTACHMENT_TIMEOUT_MS});

  return {
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
  };
}

export type CheckoutWrites = ReturnType<typeof createCheckoutWrites>;
