import type {OrderHistoryMessages} from './order-history.messages.js';

type StatusKey = Extract<keyof OrderHistoryMessages, `s_${string}`>;

/**
 * VTEX order status codes (space-separated per sentence) → a shopper sentence and a delivery step (0 placed, 1 paid, 2 preparing, 3 shipped;
 * -1 stopped: canceled, declined, incomplete).
 */
const STATUSES: [StatusKey, number, string][] = [
  ['s_created', 0, 'order-created order-completed on-order-completed'],
  [
    's_paymentPending',
    0,
    'payment-pending waiting-for-order-authorization waiting-for-authorization approve-payment',
  ],
  ['s_paymentApproved', 1, 'payment-approved'],
  [
    's_sellerConfirmation',
    1,
    'waiting-for-sellers-confirmation waiting-for-seller-decision waiting-ffmt-authorization authorize-fulfillment window-to-cancel',
  ],
  ['s_ready', 2, 'ready-for-handling order-accepted'],
  ['s_handling', 2, 'start-handling handling'],
  ['s_invoiced', 3, 'invoiced invoice'],
  ['s_delivered', 3, 'delivered'],
  ['s_paymentDenied', -1, 'payment-denied'],
  ['s_cancelRequested', -1, 'request-cancel cancellation-requested canceling'],
  ['s_canceled', -1, 'cancel canceled'],
  ['s_incomplete', -1, 'incomplete'],
];

export interface StatusInfo {
  key: StatusKey;
  step: number;
  tone: 'done' | 'stopped' | 'progress';
}

export function orderStatus(status: string | null | undefined): StatusInfo {
  const [key, step] = STATUSES.find(([, , codes]) => codes.split(' ').includes(status ?? '')) ?? [
    's_unknown' as StatusKey,
    0,
  ];
  return {key, step, tone: step < 0 ? 'stopped' : step === 3 ? 'done' : 'progress'};
}
