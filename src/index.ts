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
export {VtexStore} from './elements/store/store.js';
export {VtexCart} from './elements/cart/cart.js';
export type {CartSummary, ItemSummary} from './elements/cart/cart-helpers.js';
export {VtexCartButton} from './elements/cart-button/cart-button.js';
export {VtexLoginButton} from './elements/login-button/login-button.js';
export type {BeforeLoginDetail, SessionChangedDetail} from './elements/login-button/login-button.js';
export {VtexOrderHistory} from './elements/order-history/order-history.js';
export type {ItemsReorderedDetail, OrderSelectedDetail, ReorderedItem} from './elements/order-history/order-history.js';
