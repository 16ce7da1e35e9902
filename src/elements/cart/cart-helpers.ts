import type {OrderForm, OrderFormItem, OrderFormMessage} from '../../client/types.js';
import type {CartSummary, ItemSummary} from '../../events/cart-summary.js';

export {shippingOptions, type ShippingOption} from '../../state/shipping.js';

/** What a shipping estimate depends on: the SKUs, sellers and quantities of the lines. */
export const itemsKey = (of: OrderForm) => of.items.map((i) => `${i.id}:${i.seller}:${i.quantity}`).join('|');

export {isCouponMessage} from '../../state/coupon.js';

/**
 * The line a message concerns, when it names one: by `fields.itemIndex`, then SKU id, then SKU name.
 * VTEX keeps messages across calls, so an index is trusted only when that line's name agrees.
 */
export function lineOfMessage(
  m: OrderFormMessage,
  items: readonly OrderFormItem[],
): OrderFormItem | undefined {
  const f = m.fields ?? {};
  const byName = (name: string | undefined) =>
    name ? items.find((i) => i.skuName === name || i.name === name) : undefined;
  const index = f.itemIndex !== undefined && f.itemIndex !== '' ? Number(f.itemIndex) : NaN;
  const atIndex = Number.isInteger(index) ? items[index] : undefined;
  if (atIndex && (!f.skuName || atIndex.skuName === f.skuName || atIndex.name === f.skuName)) return atIndex;
  const id = f.id ?? f.skuId;
  return (id ? items.find((i) => i.id === id) : undefined) ?? byName(f.skuName);
}

/** Plain data for `vtex-cart-updated` and `vtex-before-checkout`. */
export function cartSummary(of: OrderForm): CartSummary {
  return {
    orderFormId: of.orderFormId,
    value: of.value,
    currency: of.storePreferencesData?.currencyCode ?? null,
    coupon: of.marketingData?.coupon ?? null,
    itemCount: of.items.reduce((n, i) => n + i.quantity, 0),
    items: of.items.map(itemSummary),
  };
}

export function itemSummary(i: OrderFormItem): ItemSummary {
  return {
    uniqueId: i.uniqueId,
    id: i.id,
    productId: i.productId,
    name: i.name,
    skuName: i.skuName,
    quantity: i.quantity,
    seller: i.seller,
    price: i.sellingPrice,
    listPrice: i.listPrice,
  };
}
