import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

const en = {
  title: 'My orders',
  signedOut: 'Sign in to see your orders.',
  empty: 'You have not placed any orders yet.',
  loadFailed: 'We could not load your orders.',
  orderFailed: 'We could not load this order.',
  notFound: 'We could not find this order in your account.',
  order: (id: string) => `Order ${id}`,
  placedOn: (date: string) => `Placed on ${date}`,
  total: 'Total',
  status: 'Status',
  details: 'View details',
  detailsOf: (id: string) => `View details of order ${id}`,
  moreItems: (n: number) => `+${n}`,
  pages: 'Order pages',
  previous: 'Previous page',
  next: 'Next page',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  pageEmpty: 'There are no orders on this page.',
  firstPage: 'Go to the first page',
  back: 'Back to my orders',
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
  delivery: 'Delivery',
  estimate: (date: string) => `Estimated delivery: ${date}`,
  progress: 'Delivery progress',
  done: 'completed',
  current: 'current step',
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
  s_created: 'Order received',
  s_paymentPending: 'Awaiting payment',
  s_paymentApproved: 'Payment approved',
  s_paymentDenied: 'Payment declined',
  s_sellerConfirmation: 'Awaiting seller confirmation',
  s_ready: 'Order confirmed',
  s_handling: 'Preparing for delivery',
  s_invoiced: 'Shipped',
  s_delivered: 'Delivered',
  s_cancelRequested: 'Cancellation requested',
  s_canceled: 'Canceled',
  s_incomplete: 'Not completed',
  s_unknown: 'Processing',
};

/** The message map's shape: en is the source. */
export type OrderHistoryMessages = typeof en;

export const messages = defineMessages<OrderHistoryMessages>({
  en,
  'pt-BR': () => import('./order-history.messages.pt-BR.js'),
  es: () => import('./order-history.messages.es.js'),
});
