// Side-effect-free exports. Import 'vtex-elements/define' (or an element's define) to register tags.
export * from './client/index.js';
export {CartStore} from './state/cart-store.js';
export type {CartState} from './state/cart-store.js';
export {SessionStore} from './state/session-store.js';
export type {SessionState} from './state/session-store.js';
export {Store} from './state/store.js';
export * from './context/index.js';
export * from './i18n/index.js';
export {VtexEvent} from './internal/events.js';
export type {VtexErrorDetail} from './internal/events.js';
export * from './element-classes.js';
export type {CartSummary, ItemSummary} from './elements/cart/cart-helpers.js';
export type {BeforeLoginDetail, SessionChangedDetail} from './elements/login-button/login-button.js';
export type {
  ItemsReorderedDetail,
  OrderSelectedDetail,
  ReorderedItem,
} from './elements/order-history/order-history.js';
export type {CheckoutStep} from './elements/checkout/checkout.js';
export type {OrderPlacedDetail} from './elements/checkout/confirmation.js';
export type {PaginationMode} from './elements/product-grid/product-grid.js';
export type {SearchSubmittedDetail} from './elements/search-box/search-box.js';
export type {ItemAddedDetail, ProductSelectedDetail} from './elements/shared-catalog/events.js';
