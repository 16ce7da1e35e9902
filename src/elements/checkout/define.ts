import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import {VtexCheckout, type CheckoutStep} from './checkout.js';
import type {OrderPlacedDetail} from './confirmation.js';

defineElement('vtex-checkout', VtexCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-checkout': VtexCheckout;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-checkout-step': VtexEvent<{step: CheckoutStep; index: number}>;
    'vtex-order-placed': VtexEvent<OrderPlacedDetail>;
  }
}
