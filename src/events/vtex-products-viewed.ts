import type {ProductView} from './product-view.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-products-viewed`. */
export interface ProductsViewedDetail {
  /** The list: `id` is the grid's `id` attribute (or `vtex-product-grid`); `name` is what it lists. */
  list: {id: string; name: string};
  /** The full-text query, empty for a category or collection listing. */
  query: string;
  /** Intelligent Search's id for this search (for Activity Flow), when it returned one. */
  searchId: string | null;
  /** Matching products in total. */
  total: number;
  /** The products that became visible (after load more: only the new ones). */
  products: ProductView[];
}

/** `vtex-products-viewed`: results were rendered (after load more / infinite scroll: only the new ones), for analytics. Fired by `<vtex-product-grid>`. */
export type VtexProductsViewedEvent = VtexEvent<ProductsViewedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-products-viewed': VtexProductsViewedEvent;
  }
}
