import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-product-selected`. */
export interface ProductSelectedDetail {
  product: {id: string; slug: string; name: string};
  /** The URL the shopper is about to follow (from `product-url`). */
  url: string;
}

/** `vtex-product-selected`: cancelable: a product link or suggestion was chosen; `preventDefault()` stops navigation. Fired by `<vtex-product-grid>` and `<vtex-search-box>`. */
export type VtexProductSelectedEvent = VtexEvent<ProductSelectedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-product-selected': VtexProductSelectedEvent;
  }
}
