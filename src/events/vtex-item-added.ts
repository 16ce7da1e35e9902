import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-item-added`. */
export interface ItemAddedDetail {
  item: {id: string; quantity: number; seller: string};
  /** The cart after the addition (a summary; read the full cart from `<vtex-store>`'s cart store). */
  orderForm: {orderFormId: string; itemCount: number; value: number};
}

/** `vtex-item-added`: a SKU was added to the cart; `quantity` is what went in. Fired by `<vtex-product-grid>` and `<vtex-product>`. */
export type VtexItemAddedEvent = VtexEvent<ItemAddedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-item-added': VtexItemAddedEvent;
  }
}
