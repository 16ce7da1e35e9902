import type {VtexClient} from '../client/index.js';
import type {OrderForm, Sla, SimulationResult} from '../client/types.js';
import {parseEstimate, type EstimateUnit} from '../i18n/format.js';

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

/**
 * The delivery options for the cart's lines to a postal code: a stateless simulation (the cart is not
 * touched), one option per SLA every line can use.
 */
export async function estimateShipping(
  client: VtexClient,
  orderForm: Pick<OrderForm, 'items'>,
  postalCode: string,
  country: string,
  options?: {signal?: AbortSignal},
): Promise<ShippingOption[]> {
  const result = await client.checkout.simulate(
    {
      items: orderForm.items.map((i) => ({id: i.id, quantity: i.quantity, seller: i.seller})),
      postalCode,
      country,
    },
    options,
  );
  return shippingOptions(result);
}
