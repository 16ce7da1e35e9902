import type {OrderFormMessage} from '../client/types.js';
import type {CartStore} from './cart-store.js';

const COUPON_CODES = /^coupon/i;

/** A VTEX cart message about a coupon (by its code, or a `coupon` field). */
export const isCouponMessage = (m: OrderFormMessage): boolean =>
  COUPON_CODES.test(m.code ?? '') || 'coupon' in (m.fields ?? {});

export type CouponOutcome =
  {applied: string} | {refused: 'couponNotFound' | 'couponExpired' | 'couponInvalid'};

/**
 * Applies a coupon. VTEX answers 200 even for a code it refuses: the outcome says whether the cart now has it, or
 * why not (the code of VTEX's message about it; `couponInvalid` when it gives none the kit knows).
 */
export async function applyCoupon(cart: CartStore, code: string): Promise<CouponOutcome> {
  const of = await cart.applyCoupon(code);
  const same = (c: string | null | undefined) => !!c && c.toUpperCase() === code.trim().toUpperCase();
  const applied = of.marketingData?.coupon;
  if (applied && same(applied)) return {applied};
  const why = of.messages.find(
    (m) => isCouponMessage(m) && (!m.fields?.coupon || same(m.fields.coupon)),
  )?.code;
  return {refused: why === 'couponNotFound' || why === 'couponExpired' ? why : 'couponInvalid'};
}
