import type {Http, RequestOptions} from './http.js';
import type {SessionResponse, ShopperSession} from './types.js';

const ITEMS = [
  'profile.isAuthenticated',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
  'store.cultureInfo',
  'store.currencyCode',
].join(',');

export interface SessionContext {
  account: string;
}

export function createSessionApi(http: Http, ctx: SessionContext) {
  return {
    /** Session#GetSession, normalized. */
    async get(options: RequestOptions = {}): Promise<ShopperSession> {
      const raw = await http.json<SessionResponse>('/api/sessions', {
        query: {items: ITEMS},
        signal: options.signal,
      });
      return normalizeSession(raw);
    },
    /** VTEX's native login page; the shopper comes back to `returnUrl`. */
    loginUrl(returnUrl: string, store = http.api): string {
      return `${store.replace(/\/+$/, '')}/login?returnUrl=${encodeURIComponent(returnUrl)}`;
    },
    /** Ends the VTEX ID session (the bridge clears the login cookie). */
    async logout(options: RequestOptions = {}): Promise<void> {
      await http.send('/api/vtexid/pub/logout', {query: {scope: ctx.account}, signal: options.signal});
    },
  };
}

export function normalizeSession(raw: SessionResponse | undefined): ShopperSession {
  const ns = raw?.namespaces ?? {};
  const v = (space: string, key: string): string | null => ns[space]?.[key]?.value || null;
  return {
    signedIn: v('profile', 'isAuthenticated') === 'true',
    email: v('profile', 'email'),
    firstName: v('profile', 'firstName'),
    lastName: v('profile', 'lastName'),
    cultureInfo: v('store', 'cultureInfo'),
    currencyCode: v('store', 'currencyCode'),
  };
}

export type SessionApi = ReturnType<typeof createSessionApi>;
