import {defineElement} from '../../internal/define.js';
import {VtexCartButton} from './cart-button.js';

defineElement('vtex-cart-button', VtexCartButton);

// The events <vtex-cart-button> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexErrorEvent} from '../../events/vtex-error.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-cart-button': VtexCartButton;
  }
}
