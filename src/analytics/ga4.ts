import {money, total, type AnalyticsEvent, type Line, type Provider} from './model.js';

type Item = Record<string, string | number>;
type Ecommerce = Record<string, unknown>;

declare global {
  interface Window {
    dataLayer?: unknown[];
  }
}

/** GA4's item schema. `item_id` is the product id and `item_variant` the SKU id (as VTEX's GTM app sends). */
export function ga4Item(l: Line, index?: number): Item {
  const item: Record<string, string | number | undefined> = {
    item_id: l.productId,
    item_name: l.name,
    item_brand: l.brand || undefined,
    item_variant: l.skuId ?? undefined,
    price: l.price ?? undefined,
    discount:
      l.listPrice !== null && l.price !== null && l.listPrice > l.price
        ? money(l.listPrice - l.price)
        : undefined,
    quantity: l.quantity,
    index: index ?? l.position,
    item_list_id: l.list?.id,
    item_list_name: l.list?.name,
  };
  l.categories.slice(0, 5).forEach((name, i) => (item[i ? `item_category${i + 1}` : 'item_category'] = name));
  for (const k of Object.keys(item)) if (item[k] === undefined || item[k] === '') delete item[k];
  return item as Item;
}

function ecommerceOf(e: AnalyticsEvent, currency: string | undefined): [string, Ecommerce] | undefined {
  const withCurrency = (o: Ecommerce): Ecommerce => (currency ? {currency, ...o} : o);
  const items = (lines: readonly Line[]) => lines.map((l) => ga4Item(l));
  switch (e.type) {
    case 'list':
      if (!e.items.length) return undefined;
      return [
        'view_item_list',
        {item_list_id: e.list.id, item_list_name: e.list.name, items: items(e.items)},
      ];
    case 'select':
      return [
        'select_item',
        {
          ...(e.item.list ? {item_list_id: e.item.list.id, item_list_name: e.item.list.name} : {}),
          items: [ga4Item(e.item)],
        },
      ];
    case 'view':
      return ['view_item', withCurrency({value: e.item.price ?? 0, items: [ga4Item(e.item)]})];
    case 'add':
      return ['add_to_cart', withCurrency({value: total(e.items), items: items(e.items)})];
    case 'remove':
      return ['remove_from_cart', withCurrency({value: total(e.items), items: items(e.items)})];
    case 'view-cart':
      return ['view_cart', withCurrency({value: e.value, items: items(e.items)})];
    case 'begin-checkout':
      return [
        'begin_checkout',
        withCurrency({value: e.value, ...(e.coupon ? {coupon: e.coupon} : {}), items: items(e.items)}),
      ];
    case 'shipping-info':
      return [
        'add_shipping_info',
        withCurrency({
          value: e.value,
          ...(e.coupon ? {coupon: e.coupon} : {}),
          shipping_tier: e.tier,
          items: items(e.items),
        }),
      ];
    case 'payment-info':
      return [
        'add_payment_info',
        withCurrency({
          value: e.value,
          ...(e.coupon ? {coupon: e.coupon} : {}),
          payment_type: e.paymentType,
          items: items(e.items),
        }),
      ];
    case 'purchase':
      return [
        'purchase',
        withCurrency({
          transaction_id: e.orderGroup,
          value: e.value,
          ...(e.shipping !== null ? {shipping: e.shipping} : {}),
          ...(e.tax !== null ? {tax: e.tax} : {}),
          ...(e.coupon ? {coupon: e.coupon} : {}),
          items: items(e.items),
        }),
      ];
    default:
      return undefined;
  }
}

/**
 * GA4 e-commerce on `window.dataLayer` (created when missing), each e-commerce event preceded by
 * `{ecommerce: null}` as Google recommends; `login` and `search` as plain GA4 events.
 */
export const ga4: Provider = (e, {currency, window: w}) => {
  const dataLayer = (w.dataLayer ??= []);
  if (e.type === 'login') {
    dataLayer.push({event: 'login', method: 'VTEX'});
    return;
  }
  if (e.type === 'search') {
    dataLayer.push({event: 'search', search_term: e.term});
    return;
  }
  const out = ecommerceOf(e, currency);
  if (!out) return;
  dataLayer.push({ecommerce: null});
  dataLayer.push({event: out[0], ecommerce: out[1]});
};
