/** A cart line as the cart's events carry it (prices in cents). */
export interface ItemSummary {
  uniqueId: string;
  id: string;
  productId: string;
  name: string;
  skuName: string;
  quantity: number;
  seller: string;
  price: number;
  listPrice: number;
}

/** The cart as its events carry it (`vtex-cart-updated`, `vtex-cart-viewed`, `vtex-before-checkout`); value in cents. */
export interface CartSummary {
  orderFormId: string;
  value: number;
  currency: string | null;
  coupon: string | null;
  itemCount: number;
  items: ItemSummary[];
}
