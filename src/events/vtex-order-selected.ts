import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-order-selected`. */
export interface OrderSelectedDetail {
  /** The order now shown, or null when the shopper went back to the list. */
  orderId: string | null;
}

/** `vtex-order-selected`: the shopper opened an order or went back to the list. Fired by `<vtex-order-history>`. */
export type VtexOrderSelectedEvent = VtexEvent<OrderSelectedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-order-selected': VtexOrderSelectedEvent;
  }
}
