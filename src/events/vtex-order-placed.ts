import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-order-placed`. */
export interface OrderPlacedDetail {
  orderGroup: string;
  orderIds: string[];
  status: 'approved' | 'payment-pending';
  /** In cents. */
  value: number;
  currency: string;
  payment: {paymentSystem: number; name: string; group: string; installments: number};
  /** Prices in cents. */
  items: {
    id: string;
    productId: string;
    name: string;
    skuName: string;
    quantity: number;
    price: number;
    seller: string;
  }[];
}

/** `vtex-order-placed`: once per order, after VTEX accepted it (approved, or waiting for Pix/boleto/redirect); no card data. Fired by `<vtex-checkout>`. */
export type VtexOrderPlacedEvent = VtexEvent<OrderPlacedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-order-placed': VtexOrderPlacedEvent;
  }
}
