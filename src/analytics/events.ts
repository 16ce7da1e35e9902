/**
 * The kit events the analytics module maps. `<vtex-store analytics>` imports only this list statically (to
 * buffer events fired while the analytics code is loading); everything else loads on demand.
 */
export const ANALYTICS_EVENTS = [
  'vtex-products-viewed',
  'vtex-product-selected',
  'vtex-product-viewed',
  'vtex-item-added',
  'vtex-items-reordered',
  'vtex-item-removed',
  'vtex-quantity-changed',
  'vtex-cart-viewed',
  'vtex-cart-updated',
  'vtex-before-checkout',
  'vtex-checkout-step',
  'vtex-order-placed',
  'vtex-session-changed',
  'vtex-search-submitted',
] as const;
