import {createAccountApi} from './account.js';
import {createCatalogApi} from './catalog.js';
import {createCheckoutApi} from './checkout.js';
import {Http, assertNoAppKeys, type FetchLike} from './http.js';
import {createSessionApi} from './session.js';

export interface VtexClientOptions {
  /** Base URL of the bridge; `''` = same origin. */
  api: string;
  account: string;
  /** Trade policy, `sc`. Default `'1'`. */
  salesChannel?: string;
  /** BCP-47 locale for search. Default `'pt-BR'`. */
  locale?: string;
  fetch?: FetchLike;
  /** VTEX's payment host for card data (never the bridge). Default `https://api.vtexvault.com`. */
  paymentsApi?: string;
  retries?: number;
  backoffMs?: number;
  timeoutMs?: number;
  /** Extra options are inspected only to refuse app keys. */
  [key: string]: unknown;
}

const KEY_OPTIONS = /^(app-?key|app-?token|x-vtex-api-app(key|token))$/i;

/** One client for one store: `{catalog, checkout, account, session}`. */
export function createVtexClient(options: VtexClientOptions) {
  for (const key of Object.keys(options)) {
    if (KEY_OPTIONS.test(key)) assertNoAppKeys({'X-VTEX-API-AppKey': options[key]}, 'createVtexClient');
  }
  assertNoAppKeys(options.headers as Record<string, unknown> | undefined, 'createVtexClient');
  if (typeof options.account !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(options.account)) {
    throw new TypeError(
      `createVtexClient: "account" must be a VTEX account name, got ${JSON.stringify(options.account)}`,
    );
  }
  const http = new Http({
    api: options.api,
    fetch: options.fetch,
    retries: options.retries,
    backoffMs: options.backoffMs,
    timeoutMs: options.timeoutMs,
  });
  const salesChannel = options.salesChannel ?? '1';
  const locale = options.locale ?? 'pt-BR';
  return {
    accountName: options.account,
    api: options.api,
    salesChannel,
    locale,
    catalog: createCatalogApi(http, {salesChannel, locale}),
    checkout: createCheckoutApi(http, {
      account: options.account,
      salesChannel,
      paymentsApi: options.paymentsApi,
    }),
    account: createAccountApi(http),
    session: createSessionApi(http, {account: options.account}),
  };
}

export type VtexClient = ReturnType<typeof createVtexClient>;
