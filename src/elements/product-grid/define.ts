import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import type {ItemAddedDetail, ProductSelectedDetail, ProductsViewedDetail} from '../shared-catalog/events.js';
import {VtexProductGrid} from './product-grid.js';

defineElement('vtex-product-grid', VtexProductGrid);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-product-grid': VtexProductGrid;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-item-added': VtexEvent<ItemAddedDetail>;
    'vtex-product-selected': VtexEvent<ProductSelectedDetail>;
    'vtex-products-viewed': VtexEvent<ProductsViewedDetail>;
  }
}
