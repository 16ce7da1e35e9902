import type {OrderHistoryMessages} from './order-history.messages.js';

type StatusKey = Extract<keyof OrderHistoryMessages, `s_${string}`>;

/**
 * VTEX order status codes → a shopper sentence and a delivery step (0 placed, 1 paid, 2 preparing, 3 shipped;
 * -1 stopped: canceled, declined, incomplete).
 */
const STATUSES: Record<string, [StatusKey, number]> = {
  'order-created': ['s_created', 0],
  'order-completed': ['s_created', 0],
  'on-order-completed': ['s_created', 0],
  'payment-pending': ['s_paymentPending', 0],
  'waiting-for-order-authorization': ['s_paymentPending', 0],
  'waiting-for-authorization': ['s_paymentPending', 0],
  'approve-payment': ['s_paymentPending', 0],
  'payment-approved': ['s_paymentApproved', 1],
  'waiting-for-sellers-confirmation': ['s_sellerConfirmation', 1],
  'waiting-for-seller-decision': ['s_sellerConfirmation', 1],
  'waiting-ffmt-authorization': ['s_sellerConfirmation', 1],
  'authorize-fulfillment': ['s_sellerConfirmation', 1],
  'window-to-cancel': ['s_sellerConfirmation', 1],
  'ready-for-handling': ['s_ready', 2],
  'start-handling': ['s_handling', 2],
  'order-accepted': ['s_ready', 2],
  handling: ['s_handling', 2],
  invoiced: ['s_invoiced', 3],
  invoice: ['s_invoiced', 3],
  delivered: ['s_delivered', 3],
  'payment-denied': ['s_paymentDenied', -1],
  'request-cancel': ['s_cancelRequested', -1],
  'cancellation-requested': ['s_cancelRequested', -1],
  canceling: ['s_cancelRequested', -1],
  cancel: ['s_canceled', -1],
  canceled: ['s_canceled', -1],
  incomplete: ['s_incomplete', -1],
};

export interface StatusInfo {
  key: StatusKey;
  step: number;
  tone: 'done' | 'stopped' | 'progress';
}

export function orderStatus(status: string | null | undefined): StatusInfo {
  const [key, step] = STATUSES[status ?? ''] ?? (['s_unknown', 0] as [StatusKey, number]);
  return {key, step, tone: step < 0 ? 'stopped' : step === 3 ? 'done' : 'progress'};
}
