import type {ItemSummary} from './cart-summary.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-quantity-changed`. */
export interface QuantityChangedDetail {
  item: ItemSummary;
  from: number;
  to: number;
}

/** `vtex-quantity-changed`: the shopper changed a line's quantity and VTEX confirmed it (rapid changes: once, first to last quantity). Fired by `<vtex-cart>`. */
export type VtexQuantityChangedEvent = VtexEvent<QuantityChangedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-quantity-changed': VtexQuantityChangedEvent;
  }
}
