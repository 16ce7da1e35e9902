import type {VtexEvent} from './vtex-event.js';

/** The checkout's steps, in order. */
export type CheckoutStep = 'profile' | 'shipping' | 'payment' | 'review' | 'confirmation';

/** detail of `vtex-checkout-step`. */
export interface CheckoutStepDetail {
  step: CheckoutStep;
  index: number;
}

/** `vtex-checkout-step`: a checkout step opened. Fired by `<vtex-checkout>`. */
export type VtexCheckoutStepEvent = VtexEvent<CheckoutStepDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-checkout-step': VtexCheckoutStepEvent;
  }
}
