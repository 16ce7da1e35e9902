/**
 * `vtex-elements/bridge`: the server-side Fetch-API handler that stands between the kit and VTEX.
 * See README.md in this folder for deployment and the security model.
 */
export {createVtexBridge, vtexUpstream} from './bridge.js';
export {bridgeOptionsFromEnv} from './env.js';
export type {BridgeEnv} from './env.js';
export type {VtexBridgeOptions, UpstreamHandler, FetchLike} from './bridge.js';
export type {RateLimitOptions} from './rate-limit.js';
export {ROUTES, matchRoute, isCleanPath} from './routes.js';
export type {Route, RouteFamily, RouteMatch, Method} from './routes.js';
export {isKnownCookie, rewriteSetCookie, filterCookieHeader} from './cookies.js';
export {setClientAddress, clientAddress} from './client-address.js';
