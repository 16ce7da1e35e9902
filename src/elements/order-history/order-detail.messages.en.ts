import {plural} from '../../i18n/format.js';

/** English, the source: every other locale has the same keys (the type checker enforces it). */
const messages = {
  items: 'Items',
  quantity: (n: number) => `Quantity: ${n}`,
  unitPrice: (price: string) => `${price} each`,
  subtotal: 'Subtotal',
  discounts: 'Discounts',
  shipping: 'Shipping',
  tax: 'Tax',
  free: 'Free',
  address: 'Shipping address',
  pickup: 'Pickup point',
  estimate: (date: string) => `Estimated delivery: ${date}`,
  progress: 'Delivery progress',
  done: 'completed',
  stepPlaced: 'Order placed',
  stepPaid: 'Payment approved',
  stepPreparing: 'Preparing',
  stepShipped: 'Shipped',
  payment: 'Payment',
  installments: (n: number, value: string) =>
    plural('en', n, {one: `${value} in 1 payment`, other: `${n} installments of ${value}`}),
  cardEnding: (digits: string) => `ending in ${digits}`,
  buyAgain: 'Buy again',
  addingToCart: 'Adding to cart…',
  reordered: (added: number, total: number) =>
    added === total
      ? plural('en', added, {
          one: 'The item was added to your cart.',
          other: `All ${added} items were added to your cart.`,
        })
      : `${added} of ${total} items were added to your cart.`,
  nothingAvailable: 'None of these items is available right now.',
  unavailable: (names: string) => `Not available: ${names}.`,
  reorderFailed: 'We could not add the items to your cart. Please try again.',
};

export default messages;
