import type {ISProduct, ISSku, OrderForm} from '../../client/types.js';
import type {CartStore} from '../../state/cart-store.js';
import {defaultSeller} from './offer.js';

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

const orderFormSummary = (orderForm: OrderForm): ItemAddedDetail['orderForm'] => ({
  orderFormId: orderForm.orderFormId,
  itemCount: orderForm.items.reduce((n, i) => n + i.quantity, 0),
  value: orderForm.value,
});

/**
 * Adds a SKU to the page's cart. VTEX caps a line at the stock it has, so a request can add fewer units than asked,
 * or none: the result is `vtex-item-added`'s detail with the units that went in, or undefined when none did.
 */
export async function addToCart(
  cart: CartStore | undefined,
  item: ItemAddedDetail['item'],
): Promise<ItemAddedDetail | undefined> {
  if (!cart) throw new Error('No <vtex-store> on the page.');
  const inCart = (of: OrderForm) =>
    of.items.filter((i) => i.id === item.id && i.seller === item.seller).reduce((n, i) => n + i.quantity, 0);
  const before = inCart(cart.state.orderForm ?? (await cart.load()));
  const orderForm = await cart.addItems([item]);
  const added = inCart(orderForm) - before;
  return added > 0 ? {item: {...item, quantity: added}, orderForm: orderFormSummary(orderForm)} : undefined;
}

/** A product as shown to the shopper (for analytics): prices in VTEX decimals, as search returns them. */
export interface ProductView {
  id: string;
  slug: string;
  name: string;
  brand: string;
  /** Category paths as VTEX returns them, most specific first, e.g. `/Apparel/Shirts/`. */
  categories: string[];
  /** The SKU shown (the first available one). */
  sku: {id: string; name: string; seller: string} | null;
  price: number | null;
  listPrice: number | null;
  available: boolean;
  /** 1-based position in the list, absolute across pages (lists only). */
  position?: number;
}

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

/** detail of `vtex-product-viewed`. */
export interface ProductViewedDetail {
  product: ProductView;
}

export function productView(product: ISProduct, sku: ISSku | undefined, position?: number): ProductView {
  const seller = defaultSeller(sku);
  const offer = seller?.commertialOffer;
  return {
    id: product.productId,
    slug: product.linkText,
    name: product.productName,
    brand: product.brand,
    categories: [...(product.categories ?? [])],
    sku: sku ? {id: sku.itemId, name: sku.name, seller: seller?.sellerId ?? '1'} : null,
    price: offer?.Price ?? null,
    listPrice: offer?.ListPrice ?? null,
    available: (offer?.AvailableQuantity ?? 0) > 0,
    ...(position ? {position} : {}),
  };
}
