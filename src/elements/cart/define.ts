import {defineElement} from '../../internal/define.js';
import {VtexCart} from './cart.js';

defineElement('vtex-cart', VtexCart);

// The events <vtex-cart> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexBeforeCheckoutEvent} from '../../events/vtex-before-checkout.js';
export type {VtexCartUpdatedEvent} from '../../events/vtex-cart-updated.js';
export type {VtexCartViewedEvent} from '../../events/vtex-cart-viewed.js';
export type {VtexCouponAppliedEvent} from '../../events/vtex-coupon-applied.js';
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexItemRemovedEvent} from '../../events/vtex-item-removed.js';
export type {VtexQuantityChangedEvent} from '../../events/vtex-quantity-changed.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-cart': VtexCart;
  }
}
