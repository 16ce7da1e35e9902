import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import type {CartSummary, ItemSummary} from './cart-helpers.js';
import {VtexCart} from './cart.js';

defineElement('vtex-cart', VtexCart);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-cart': VtexCart;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-cart-updated': VtexEvent<CartSummary>;
    'vtex-cart-viewed': VtexEvent<CartSummary>;
    'vtex-item-removed': VtexEvent<{item: ItemSummary}>;
    'vtex-coupon-applied': VtexEvent<{coupon: string}>;
    'vtex-before-checkout': VtexEvent<CartSummary>;
  }
}
