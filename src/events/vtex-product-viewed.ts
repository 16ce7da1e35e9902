import type {ProductView} from './product-view.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-product-viewed`. */
export interface ProductViewedDetail {
  product: ProductView;
}

/** `vtex-product-viewed`: a product was shown (once per product loaded), for analytics. Fired by `<vtex-product>`. */
export type VtexProductViewedEvent = VtexEvent<ProductViewedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-product-viewed': VtexProductViewedEvent;
  }
}
