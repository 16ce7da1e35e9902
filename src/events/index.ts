// The types of every public event: its detail, its event type and (through its file) its GlobalEventHandlersEventMap
// entry. Values live in their files: `VtexEvent` (vtex-event.ts), `errorDetail` (vtex-error.ts).
// One file per event, named after it; test/node/events.test.ts checks this list against the files and the manifest.
export type {VtexEvent} from './vtex-event.js';
export type {VtexErrorDetail, VtexErrorEvent} from './vtex-error.js';
export type * from './cart-summary.js';
export type * from './product-view.js';
export type * from './vtex-before-checkout.js';
export type * from './vtex-before-login.js';
export type * from './vtex-cart-updated.js';
export type * from './vtex-cart-viewed.js';
export type * from './vtex-checkout-step.js';
export type * from './vtex-coupon-applied.js';
export type * from './vtex-item-added.js';
export type * from './vtex-item-removed.js';
export type * from './vtex-items-reordered.js';
export type * from './vtex-order-placed.js';
export type * from './vtex-order-selected.js';
export type * from './vtex-product-selected.js';
export type * from './vtex-product-viewed.js';
export type * from './vtex-products-viewed.js';
export type * from './vtex-quantity-changed.js';
export type * from './vtex-search-submitted.js';
export type * from './vtex-session-changed.js';
