import {defineElement} from '../../internal/define.js';
import {VtexCheckout} from './checkout.js';

defineElement('vtex-checkout', VtexCheckout);

// The events <vtex-checkout> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexCheckoutStepEvent} from '../../events/vtex-checkout-step.js';
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexOrderPlacedEvent} from '../../events/vtex-order-placed.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-checkout': VtexCheckout;
  }
}
