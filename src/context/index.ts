import {createContext} from '@lit/context';
import type {VtexClient} from '../client/index.js';
import type {Locale} from '../i18n/locale.js';
import type {CartStore} from '../state/cart-store.js';
import type {SessionStore} from '../state/session-store.js';

/** What `<vtex-store>` tells its elements besides the client and stores. */
export interface StoreConfig {
  account: string;
  /** The `locale` attribute of the store, if set. */
  locale: Locale | undefined;
  /** ISO 4217 code for search prices until the orderForm says otherwise. */
  currency: string | undefined;
}

// String keys, so two copies of the kit on one page still find each other's provider.
export const clientContext = createContext<VtexClient | undefined>('vtex-elements/client');
export const cartContext = createContext<CartStore | undefined>('vtex-elements/cart');
export const sessionContext = createContext<SessionStore | undefined>('vtex-elements/session');
export const configContext = createContext<StoreConfig | undefined>('vtex-elements/config');
