import type {CartSummary} from './cart-summary.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-cart-updated`. */
export type CartUpdatedDetail = CartSummary;

/** `vtex-cart-updated`: the cart changed (from this page, another element or another tab); not fired for the first load. Fired by `<vtex-cart>`. */
export type VtexCartUpdatedEvent = VtexEvent<CartUpdatedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-cart-updated': VtexCartUpdatedEvent;
  }
}
