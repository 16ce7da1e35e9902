import type {CartSummary} from './cart-summary.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-cart-viewed`. */
export type CartViewedDetail = CartSummary;

/** `vtex-cart-viewed`: the cart was shown with items in it (inline: once; the drawer: each time it opens), for analytics. Fired by `<vtex-cart>`. */
export type VtexCartViewedEvent = VtexEvent<CartViewedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-cart-viewed': VtexCartViewedEvent;
  }
}
