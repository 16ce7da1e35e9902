// The public client module. What every page loads is ./create.ts (the kit's `<vtex-store>` imports it, not this
// barrel, which also holds the catalog's helpers).
export {createVtexClient, type VtexClient, type VtexClientOptions} from './create.js';

export {VtexError, isVtexError, errorFromResponse} from './errors.js';
export type {VtexErrorKind} from './errors.js';
export {VTEX_PAYMENTS_API} from './checkout.js';
export type {AddItem} from './checkout.js';
export {facetsPath, parseFacetsPath} from './catalog.js';
export type {SearchParams} from './catalog.js';
export type {FetchLike, RequestOptions} from './http.js';
export {normalizeSession} from './session.js';
export type * from './types.js';
