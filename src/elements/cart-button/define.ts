import {defineElement} from '../../internal/define.js';
import {VtexCartButton} from './cart-button.js';

defineElement('vtex-cart-button', VtexCartButton);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-cart-button': VtexCartButton;
  }
}
