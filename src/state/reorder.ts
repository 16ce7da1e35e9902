import type {OmsOrder} from '../client/types.js';
import type {CartStore} from './cart-store.js';

/** One SKU of a "buy again". */
export interface ReorderedItem {
  id: string;
  seller: string;
  name: string;
  quantity: number;
}

export interface ReorderResult {
  /** What is now in the cart because of this action (quantities added). */
  added: ReorderedItem[];
  /** What could not be added (out of stock, no longer sold, or refused by VTEX), in the order's order. */
  unavailable: ReorderedItem[];
  /** Distinct SKUs (per seller) the order had, gifts left out. */
  total: number;
}

const skuKey = (i: {id: string; seller: string}) => `${i.id}|${i.seller}`;
const toAdd = ({id, quantity, seller}: ReorderedItem) => ({id, quantity, seller});

/**
 * "Buy again": puts an order's SKUs back in the cart, one line per SKU and seller, gifts left out (they come with
 * promotions, not with the shopper's choice). A stateless simulation first keeps what cannot be bought out of
 * the cart; what VTEX still refuses (it keeps unavailable lines with a message) is taken back out.
 */
export async function reorder(cart: CartStore, order: OmsOrder): Promise<ReorderResult> {
  const wanted = new Map<string, ReorderedItem>();
  for (const i of order.items) {
    if (i.isGift) continue;
    const prev = wanted.get(skuKey(i));
    wanted.set(skuKey(i), {
      id: i.id,
      seller: i.seller,
      name: i.name,
      quantity: (prev?.quantity ?? 0) + i.quantity,
    });
  }
  const all = [...wanted.values()];
  const unavailable: ReorderedItem[] = [];
  const added: ReorderedItem[] = [];
  let candidates = all;
  try {
    const sim = await cart.client.checkout.simulate({
      items: all.map(toAdd),
      country: order.shippingData?.address?.country ?? order.storePreferencesData?.countryCode ?? 'BRA',
    });
    candidates = [];
    all.forEach((item, index) => {
      const s = sim.items.find((x) => x.requestIndex === index);
      if (s && s.availability === 'available' && s.quantity > 0)
        candidates.push({...item, quantity: Math.min(item.quantity, s.quantity)});
      else unavailable.push(item);
    });
  } catch {
    // Without a simulation the cart's answer decides (below).
  }
  if (candidates.length) {
    const before = new Map((await cart.load()).items.map((l) => [skuKey(l), l.quantity]));
    const after = await cart.addItems(candidates.map(toAdd));
    const undo: {uniqueId: string; quantity: number}[] = [];
    for (const item of candidates) {
      const line = after.items.find((l) => skuKey(l) === skuKey(item));
      const had = before.get(skuKey(item)) ?? 0;
      const delta = (line?.quantity ?? 0) - had;
      if (line && delta > 0 && line.availability === 'available') added.push({...item, quantity: delta});
      else {
        unavailable.push(item);
        if (line && delta > 0) undo.push({uniqueId: line.uniqueId, quantity: had});
      }
    }
    for (const u of undo) await cart.setQuantity(u.uniqueId, u.quantity).catch(() => undefined);
  }
  const position = (i: ReorderedItem) => all.findIndex((a) => skuKey(a) === skuKey(i));
  unavailable.sort((a, b) => position(a) - position(b));
  return {added, unavailable, total: all.length};
}
