import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import type {ItemAddedDetail, ProductViewedDetail} from '../shared-catalog/events.js';
import {VtexProduct} from './product.js';

defineElement('vtex-product', VtexProduct);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-product': VtexProduct;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-item-added': VtexEvent<ItemAddedDetail>;
    'vtex-product-viewed': VtexEvent<ProductViewedDetail>;
  }
}
