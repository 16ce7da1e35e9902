import {defineElement} from '../../internal/define.js';
import {VtexProduct} from './product.js';

defineElement('vtex-product', VtexProduct);

// The events <vtex-product> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexItemAddedEvent} from '../../events/vtex-item-added.js';
export type {VtexProductViewedEvent} from '../../events/vtex-product-viewed.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-product': VtexProduct;
  }
}
