import type {VtexError} from '../client/errors.js';
import type {VtexClient} from '../client/index.js';
import type {ShopperSession} from '../client/types.js';
import {Store} from './store.js';

export interface SessionState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  session: ShopperSession | null;
  error: VtexError | null;
}

export interface SessionStoreOptions {
  /** Where VTEX's login page lives; defaults to the client's `api` (the bridge serves `/login`). */
  storeUrl?: string;
  /** The page to come back to; defaults to the current page when running in a browser. */
  currentUrl?: () => string;
}

/** Signed in or not, who, and the login/logout URLs. One per page. */
export class SessionStore extends Store<SessionState> {
  readonly client: VtexClient;
  readonly #options: SessionStoreOptions;
  #loading: Promise<ShopperSession> | null = null;

  constructor(client: VtexClient, options: SessionStoreOptions = {}) {
    super({status: 'idle', session: null, error: null});
    this.client = client;
    this.#options = options;
  }

  get signedIn(): boolean {
    return this.state.session?.signedIn === true;
  }

  load(options: {force?: boolean} = {}): Promise<ShopperSession> {
    if (this.#loading) return this.#loading;
    if (this.state.session && !options.force) return Promise.resolve(this.state.session);
    if (!this.state.session) this.setState({status: 'loading'});
    this.#loading = this.client.session
      .get()
      .then((session) => {
        const before = this.state.session;
        if (
          !before ||
          before.signedIn !== session.signedIn ||
          before.email !== session.email ||
          this.state.status !== 'ready'
        ) {
          this.setState({session, status: 'ready', error: null});
        }
        return session;
      })
      .catch((error: VtexError) => {
        this.setState({status: 'error', error});
        throw error;
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** VTEX's native login page (on `storeUrl`, default the store's), returning to `returnUrl` (default: this page). */
  loginUrl(returnUrl = this.#here(), storeUrl = this.#options.storeUrl ?? this.client.api): string {
    return this.client.session.loginUrl(returnUrl, storeUrl);
  }

  /** Signs out at VTEX, then re-reads the session. */
  async logout(): Promise<ShopperSession> {
    await this.client.session.logout();
    return this.load({force: true});
  }

  /** The session expired (a 401/403 from an account route): show signed out without another request. */
  markSignedOut(): void {
    const s = this.state.session;
    this.setState({
      status: 'ready',
      session: {
        signedIn: false,
        email: null,
        firstName: null,
        lastName: null,
        cultureInfo: s?.cultureInfo ?? null,
        currencyCode: s?.currencyCode ?? null,
      },
    });
  }

  #here(): string {
    if (this.#options.currentUrl) return this.#options.currentUrl();
    const loc = (globalThis as {location?: {href: string}}).location;
    return loc?.href ?? '/';
  }
}
