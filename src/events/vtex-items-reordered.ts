import type {ReorderedItem} from '../state/reorder.js';
import type {VtexEvent} from './vtex-event.js';

export type {ReorderedItem};

/** detail of `vtex-items-reordered`. */
export interface ItemsReorderedDetail {
  orderId: string;
  /** What is now in the cart because of this action (quantities added). */
  added: ReorderedItem[];
  /** What could not be added (out of stock, no longer sold, or refused by VTEX). */
  unavailable: ReorderedItem[];
}

/** `vtex-items-reordered`: "Buy again" finished. Fired by `<vtex-order-history>`. */
export type VtexItemsReorderedEvent = VtexEvent<ItemsReorderedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-items-reordered': VtexItemsReorderedEvent;
  }
}
