import type {OrderForm} from '../../client/types.js';

/** detail of `vtex-item-added`. */
export interface ItemAddedDetail {
  item: {id: string; quantity: number; seller: string};
  /** The cart after the addition (a summary; read the full cart from `<vtex-store>`'s cart store). */
  orderForm: {orderFormId: string; itemCount: number; value: number};
}

/** detail of `vtex-product-selected`. */
export interface ProductSelectedDetail {
  product: {id: string; slug: string; name: string};
  /** The URL the shopper is about to follow (from `product-url`). */
  url: string;
}

export const orderFormSummary = (orderForm: OrderForm): ItemAddedDetail['orderForm'] => ({
  orderFormId: orderForm.orderFormId,
  itemCount: orderForm.items.reduce((n, i) => n + i.quantity, 0),
  value: orderForm.value,
});
