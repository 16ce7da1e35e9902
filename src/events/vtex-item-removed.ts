import type {ItemSummary} from './cart-summary.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-item-removed`. */
export interface ItemRemovedDetail {
  item: ItemSummary;
}

/** `vtex-item-removed`: a cart line was removed (remove, quantity 0 or clear cart). Fired by `<vtex-cart>`. */
export type VtexItemRemovedEvent = VtexEvent<ItemRemovedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-item-removed': VtexItemRemovedEvent;
  }
}
