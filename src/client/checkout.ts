import type {CheckoutWrites} from './checkout-writes.js';
import type {Http, RequestOptions} from './http.js';
import {onDemand} from './on-demand.js';
import type {
  GatewayCallbackResult,
  OrderForm,
  PaymentInput,
  PlacedTransaction,
  PlaceOrderInput,
} from './types.js';

export const CO = '/api/checkout/pub';
/** VTEX's payment host (../shared/vtex/API.md §6.5): card data goes here from the browser, never to the bridge. */
export const VTEX_PAYMENTS_API = 'https://api.vtexvault.com';

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

export const of = (id: string) => `${CO}/orderForm/${encodeURIComponent(id)}`;

/** The calls that change the cart or look things up for the checkout: loaded on their first use. */
export const CHECKOUT_WRITES = [
  'addItems',
  'updateItems',
  'removeAllItems',
  'addCoupon',
  'simulate',
  'addressByPostalCode',
  'profileByEmail',
  'attachClientProfile',
  'attachShippingData',
  'attachPaymentData',
  'attachMarketingData',
  'installments',
  'clearMessages',
  'changeToAnonymousUser',
] as const satisfies readonly (keyof CheckoutWrites)[];

/**
 * The Checkout API. Reading the cart is here, in the code every page loads; every other call loads
 * ./checkout-writes.ts on its first use, and the three placement steps load ./placement.ts.
 */
export function createCheckoutApi(http: Http, ctx: CheckoutContext) {
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
    ...onDemand<CheckoutWrites>(
      () => import('./checkout-writes.js').then((m) => m.createCheckoutWrites(http, ctx)),
      CHECKOUT_WRITES,
    ),
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
