// Side-effect-free exports. Import 'vtex-elements/define' (or an element's define) to register tags.
export * from './client/index.js';
// Not re-exported by client/index.ts, which every page loads: the placement code loads with the checkout.
export {parsePlacedTransaction} from './client/placement.js';
export {CartStore} from './state/cart-store.js';
export type {CartState} from './state/cart-store.js';
export {SessionStore} from './state/session-store.js';
export type {SessionState} from './state/session-store.js';
export {Store} from './state/store.js';
export * from './context/index.js';
export * from './i18n/index.js';
export {VtexEvent} from './events/vtex-event.js';
export type * from './events/index.js';
export * from './element-classes.js';
export type {PaginationMode} from './elements/product-grid/product-grid.js';
