import type {CartSummary} from './cart-summary.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-before-checkout`. */
export type BeforeCheckoutDetail = CartSummary;

/** `vtex-before-checkout`: cancelable: the shopper chose to check out; `preventDefault()` routes to your own checkout. Fired by `<vtex-cart>`. */
export type VtexBeforeCheckoutEvent = VtexEvent<BeforeCheckoutDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-before-checkout': VtexBeforeCheckoutEvent;
  }
}
