import type {OrderForm, OrderFormItem, OrderFormMessage, Sla, SimulationResult} from '../../client/types.js';
import type {CartSummary, ItemSummary} from '../../events/cart-summary.js';
import {parseEstimate, type EstimateUnit} from '../../i18n/format.js';

const ESTIMATE_MINUTES: Record<EstimateUnit, number> = {m: 1, h: 60, d: 1440, bd: 1440 * 1.4};

export interface ShippingOption {
  id: string;
  name: string;
  channel: string;
  /** Sum over the cart's lines, in cents. */
  price: number;
  /** The slowest line's estimate. */
  estimate: string;
  store: Sla['pickupStoreInfo'];
}

/**
 * One option per SLA offered for every line of the simulation: prices add up across lines, the estimate is
 * the slowest line's. Cheapest first.
 */
export function shippingOptions(result: Pick<SimulationResult, 'logisticsInfo'>): ShippingOption[] {
  const infos = result.logisticsInfo.filter((l) => l.slas.length > 0);
  if (!infos.length) return [];
  const byId = new Map<string, ShippingOption & {count: number}>();
  for (const info of infos) {
    for (const sla of info.slas) {
      const prev = byId.get(sla.id);
      if (!prev) {
        byId.set(sla.id, {
          id: sla.id,
          name: sla.name,
          channel: sla.deliveryChannel,
          price: sla.price,
          estimate: sla.shippingEstimate,
          store: sla.pickupStoreInfo ?? null,
          count: 1,
        });
      } else {
        prev.price += sla.price;
        prev.count++;
        if (minutes(sla.shippingEstimate) > minutes(prev.estimate)) prev.estimate = sla.shippingEstimate;
      }
    }
  }
  return [...byId.values()]
    .filter((o) => o.count === infos.length)
    .map(({count: _count, ...o}) => o)
    .sort((a, b) => a.price - b.price || minutes(a.estimate) - minutes(b.estimate));
}

function minutes(value: string): number {
  const e = parseEstimate(value);
  return e ? e.n * ESTIMATE_MINUTES[e.unit] : Number.MAX_SAFE_INTEGER;
}

const COUPON_CODES = /^coupon/i;
export const isCouponMessage = (m: OrderFormMessage): boolean =>
  COUPON_CODES.test(m.code ?? '') || 'coupon' in (m.fields ?? {});

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
