/**
 * The VTEX-compatible sandbox: `createSandbox()` returns a Fetch-API handler serving the catalog (search,
 * catalog_system, images), Checkout, order placement, OMS, VTEX ID login and Session Manager.
 */
import {createCatalog} from './catalog/index.js';
import type {CatalogSeed} from './catalog/types.js';
import {createSandboxWithCatalog, type Sandbox, type SandboxOptions} from './sandbox.js';

export type {Sandbox, SandboxOptions} from './sandbox.js';
export type {FaultConfig} from './faults.js';
export {Faults} from './faults.js';
export type {OmsOrder, OmsStatus, StorePreferences} from './checkout/state.js';
export {createSandboxWithCatalog} from './sandbox.js';
export {SANDBOX_ACCESS_CODE} from './account/index.js';
export {APPROVED_CARD, DECLINED_CARD, COUPONS, POSTAL_CODES} from './checkout/data.js';

export interface CreateSandboxOptions extends SandboxOptions {
  /** Catalog seed; the catalog module's generated seed by default. */
  seed?: CatalogSeed;
  /** Absolute origin used for image URLs and links (e.g. "http://localhost:3000"); default: each request's origin. */
  baseUrl?: string;
}

export function createSandbox(options: CreateSandboxOptions = {}): Sandbox {
  const {seed, baseUrl, ...rest} = options;
  const catalog = createCatalog({seed, baseUrl, locale: rest.store?.locale});
  return createSandboxWithCatalog(catalog, rest);
}
export {createPaymentHost, VTEX_PAYMENTS_API} from './payment-host.js';
