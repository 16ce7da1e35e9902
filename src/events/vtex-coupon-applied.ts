import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-coupon-applied`. */
export interface CouponAppliedDetail {
  coupon: string;
}

/** `vtex-coupon-applied`: VTEX accepted a coupon. Fired by `<vtex-cart>`. */
export type VtexCouponAppliedEvent = VtexEvent<CouponAppliedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-coupon-applied': VtexCouponAppliedEvent;
  }
}
