/**
 * What analytics providers receive: shopping facts with no personal or card data. Money is in decimal
 * currency units (cents already converted).
 */

/** A product or cart line. */
export interface Line {
  productId: string;
  skuId: string | null;
  /** The product name (without the SKU name). */
  name: string;
  skuName: string | null;
  brand: string;
  /** Category names from the department down, e.g. `['Apparel', 'Shirts']`. */
  categories: string[];
  price: number | null;
  listPrice: number | null;
  quantity: number;
  seller: string | null;
  /** 1-based position in a list. */
  position?: number;
  /** The list the product was shown in. */
  list?: ListRef;
}

export interface ListRef {
  id: string;
  name: string;
}

export type AnalyticsEvent =
  | {type: 'list'; list: ListRef; query: string; total: number; items: Line[]}
  | {type: 'select'; item: Line}
  | {type: 'view'; item: Line}
  | {type: 'add'; items: Line[]}
  | {type: 'remove'; items: Line[]}
  | {type: 'view-cart'; value: number; items: Line[]}
  | {type: 'cart-changed'; value: number; items: Line[]}
  | {type: 'begin-checkout'; value: number; coupon: string | null; items: Line[]}
  | {type: 'shipping-info'; value: number; coupon: string | null; tier: string; items: Line[]}
  | {type: 'payment-info'; value: number; coupon: string | null; paymentType: string; items: Line[]}
  | {
      type: 'purchase';
      orderGroup: string;
      value: number;
      subtotal: number | null;
      shipping: number | null;
      tax: number | null;
      discounts: number | null;
      coupon: string | null;
      payment: {group: string; name: string; installments: number};
      items: Line[];
    }
  | {type: 'login'}
  | {type: 'search'; term: string};

export interface AnalyticsContext {
  /** ISO 4217, when known (the cart's currency, else `<vtex-store currency>`). */
  currency: string | undefined;
  /** The VTEX account name. */
  account: string;
  window: Window;
}

export type Provider = (event: AnalyticsEvent, context: AnalyticsContext) => void;

/** Integer cents → decimal units. */
export const fromCents = (cents: number): number => Math.round(cents) / 100;

/** Rounds decimal money to cents. */
export const money = (value: number): number => Math.round(value * 100) / 100;

export const total = (items: readonly Line[]): number =>
  money(items.reduce((sum, l) => sum + (l.price ?? 0) * l.quantity, 0));
