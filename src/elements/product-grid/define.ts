import {defineElement} from '../../internal/define.js';
import {VtexProductGrid} from './product-grid.js';

defineElement('vtex-product-grid', VtexProductGrid);

// The events <vtex-product-grid> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexItemAddedEvent} from '../../events/vtex-item-added.js';
export type {VtexProductSelectedEvent} from '../../events/vtex-product-selected.js';
export type {VtexProductsViewedEvent} from '../../events/vtex-products-viewed.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-product-grid': VtexProductGrid;
  }
}
