import type {ISProduct, ISSku, OrderForm} from '../../client/types.js';
import {addSku} from '../../state/cart-actions.js';
import type {CartStore} from '../../state/cart-store.js';
import type {ItemAddedDetail} from '../../events/vtex-item-added.js';
import type {ProductView} from '../../events/product-view.js';
import {defaultSeller} from './offer.js';

const orderFormSummary = (orderForm: OrderForm): ItemAddedDetail['orderForm'] => ({
  orderFormId: orderForm.orderFormId,
  itemCount: orderForm.items.reduce((n, i) => n + i.quantity, 0),
  value: orderForm.value,
});

/** How long "Added to cart" stays under the button (the cart button keeps the count). */
export const ADDED_NOTE_MS = 4000;

/** Adds a SKU to the page's cart: `vtex-item-added`'s detail with the units that went in, or undefined when none did. */
export async function addToCart(
  cart: CartStore | undefined,
  item: ItemAddedDetail['item'],
): Promise<ItemAddedDetail | undefined> {
  if (!cart) throw new Error('No <vtex-store> on the page.');
  const {added, orderForm} = await addSku(cart, item);
  return added > 0 ? {item: {...item, quantity: added}, orderForm: orderFormSummary(orderForm)} : undefined;
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
