import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

/** Shipping estimate units VTEX uses in `shippingEstimate` ("3bd", "5d", "2h", "30m"). */
export type EstimateUnit = 'bd' | 'd' | 'h' | 'm';

const en = {
  title: 'Your cart',
  empty: 'Your cart is empty.',
  loadError: 'We could not load your cart.',
  lines: 'Items in your cart',
  quantity: (name: string) => `Quantity of ${name}`,
  decrease: (name: string) => `Decrease quantity of ${name}`,
  increase: (name: string) => `Increase quantity of ${name}`,
  remove: (name: string) => `Remove ${name}`,
  removeText: 'Remove',
  unitPrice: (price: string) => `${price} each`,
  listPrice: 'Was',
  updating: 'Updating…',
  clear: 'Clear cart',
  clearConfirm: 'Remove every item from your cart?',
  clearYes: 'Yes, clear cart',
  cancel: 'Cancel',
  withoutStock: 'Out of stock',
  unavailable: 'Unavailable',
  cannotBeDelivered: 'Cannot be delivered to the chosen address',
  maxQuantity: (n: number) => `Only ${n} available: we adjusted the quantity.`,
  priceChanged: 'The price of this item has changed.',
  lineError: 'We could not update this item. It shows what the store has now.',
  couponLabel: 'Coupon code',
  couponApply: 'Apply',
  couponApplied: (code: string) => `Coupon ${code} applied`,
  couponRemove: (code: string) => `Remove coupon ${code}`,
  couponNotFound: (code: string) => `The coupon “${code}” does not exist.`,
  couponExpired: (code: string) => `The coupon “${code}” has expired.`,
  couponInvalid: (code: string) => `The coupon “${code}” cannot be used on this cart.`,
  shippingTitle: 'Shipping estimate',
  postalCode: 'Postal code',
  estimate: 'Estimate',
  postalInvalid: (example: string) => `Enter a valid postal code (e.g. ${example}).`,
  noDelivery: (code: string) => `We cannot deliver to ${code}.`,
  delivery: 'Delivery',
  pickup: 'Pickup points',
  free: 'Free',
  eta: (n: number, unit: EstimateUnit) =>
    unit === 'bd'
      ? plural('en', n, {one: `up to ${n} business day`, other: `up to ${n} business days`})
      : unit === 'd'
        ? plural('en', n, {one: `up to ${n} day`, other: `up to ${n} days`})
        : unit === 'h'
          ? plural('en', n, {one: `up to ${n} hour`, other: `up to ${n} hours`})
          : plural('en', n, {one: `up to ${n} minute`, other: `up to ${n} minutes`}),
  totals: 'Order summary',
  subtotal: 'Items',
  discounts: 'Discounts',
  shipping: 'Shipping',
  tax: 'Tax',
  total: 'Total',
  checkout: 'Go to checkout',
};

/** The message map's shape: en is the source. */
export type CartMessages = typeof en;

export const cartMessages = defineMessages<CartMessages>({
  en,
  'pt-BR': () => import('./cart.messages.pt-BR.js'),
  es: () => import('./cart.messages.es.js'),
});
