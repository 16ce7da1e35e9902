import {ContextProvider} from '@lit/context';
import {LitElement, css, html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {createVtexClient, type VtexClient} from '../../client/create.js';
import {
  cartContext,
  clientContext,
  configContext,
  sessionContext,
  type StoreConfig,
} from '../../context/index.js';
import {matchLocale} from '../../i18n/locale.js';
import {CartStore} from '../../state/cart-store.js';
import {SessionStore} from '../../state/session-store.js';
import {ensureContextRoot} from '../../controllers/context-root.js';
import {ANALYTICS_EVENTS} from '../../analytics/events.js';

type AnyProvider = ContextProvider<
  typeof clientContext | typeof cartContext | typeof sessionContext | typeof configContext
>;

/** Connected stores per document, to elect the page's default (the first in document order). */
const storesOf = new WeakMap<Document, Set<VtexStore>>();

/**
 * The store: builds one VTEX client, one cart store and one session store from its attributes and provides
 * them to every kit element inside it. The first `<vtex-store>` on the page is also the default for kit
 * elements placed outside any store, so a header cart button and a grid in the main column share one cart.
 * A block in the page's layout (`display: block`), like any wrapper a CMS theme lays out: in a content column
 * its children stay in the column. Where it must not be a box (wrapping items of a flex or grid header), give it
 * `display: contents` in the page's CSS: `vtex-store { display: contents }`.
 *
 * Analytics (off by default): `analytics="ga4 vtex-pixel"` turns the kit's events into GA4 e-commerce pushes
 * on `window.dataLayer` (view_item_list, select_item, view_item, add_to_cart, remove_from_cart, view_cart,
 * begin_checkout, add_shipping_info, add_payment_info, purchase, login, search) and VTEX pixel messages
 * (`window.postMessage` with `{eventName: 'vtex:productImpression' | 'vtex:addToCart' | 'vtex:orderPlaced' …}`).
 * No personal data (name, e-mail, document, phone, address) and no card data is ever sent. The analytics code
 * is loaded on demand (`import()`) only when the attribute is set; events fired meanwhile are replayed.
 *
 * @summary The provider: one client, one cart and one session for the page.
 * @tag vtex-store
 * @slot - Kit elements and any other content.
 */
export class VtexStore extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** Base URL of the bridge in front of VTEX. Empty = the page's own origin (a same-domain proxy). */
  @property() api = '';

  /** The VTEX account name (e.g. `mystore`). Required. */
  @property() account = '';

  /** VTEX trade policy (`sc`). */
  @property({attribute: 'sales-channel'}) salesChannel = '1';

  /** Language for every element in the store: `en`, `pt-BR` or `es`. Defaults to the page's `lang`. */
  @property() locale?: string;

  /** ISO 4217 currency for search prices before the cart has loaded (the cart's currency wins after). */
  @property() currency?: string;

  /**
   * VTEX's payment host, where the browser sends card data straight (never through the bridge, which
   * refuses it). Default `https://api.vtexvault.com`; the sandbox prints its own on `npm start`.
   */
  @property({attribute: 'payments-api'}) paymentsApi?: string;

  /** Where VTEX's login page is served. Defaults to `api`. */
  @property({attribute: 'login-url'}) loginUrl?: string;

  /**
   * Analytics providers, space-separated: `ga4` (GA4 e-commerce on `window.dataLayer`), `vtex-pixel` (VTEX
   * pixel messages through `window.postMessage`). Empty (the default) = no analytics and no analytics code loaded.
   */
  @property() analytics = '';

  /** @internal */ client?: VtexClient;
  /** @internal */ cart?: CartStore;
  /** @internal */ session?: SessionStore;

  #providers: AnyProvider[] = [];
  #pageProviders: AnyProvider[] = [];
  #unsubscribeSession?: () => void;
  #stopAnalytics?: () => void;
  #analyticsFor = '';

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    this.#refuseAppKeys();
    this.#build();
    let set = storesOf.get(this.ownerDocument);
    if (!set) storesOf.set(this.ownerDocument, (set = new Set()));
    set.add(this);
    electDefault(this.ownerDocument);
    this.#connectAnalytics();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    storesOf.get(this.ownerDocument)?.delete(this);
    this.detachPage();
    electDefault(this.ownerDocument);
    this.#stopAnalytics?.();
    this.#stopAnalytics = undefined;
    this.#analyticsFor = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('analytics')) this.#connectAnalytics();
    if (!this.hasUpdated) return;
    if (
      changed.has('api') ||
      changed.has('account') ||
      changed.has('salesChannel') ||
      changed.has('paymentsApi') ||
      changed.has('loginUrl')
    )
      this.#build();
    else if (changed.has('locale') || changed.has('currency')) this.#provide();
  }

  override render() {
    return html`<slot></slot>`;
  }

  /** @internal Serves context requests that reach the document (elements outside any store). */
  attachPage(): void {
    if (this.#pageProviders.length) return;
    const doc = this.ownerDocument as unknown as HTMLElement & {addController?: undefined};
    this.#pageProviders = [
      new ContextProvider(doc, {context: clientContext, initialValue: this.client}),
      new ContextProvider(doc, {context: cartContext, initialValue: this.cart}),
      new ContextProvider(doc, {context: sessionContext, initialValue: this.session}),
      new ContextProvider(doc, {context: configContext, initialValue: this.#config()}),
    ] as AnyProvider[];
    for (const p of this.#pageProviders) p.hostConnected();
  }

  /** @internal */
  detachPage(): void {
    const doc = this.ownerDocument;
    for (const p of this.#pageProviders) {
      doc.removeEventListener('context-request', p.onContextRequest as EventListener);
      doc.removeEventListener('context-provider', p.onProviderRequest as EventListener);
    }
    this.#pageProviders = [];
  }

  /**
   * Listens for the kit's events at once (buffering them) and loads the analytics module on demand; the
   * module then maps the buffered events and every later one.
   */
  #connectAnalytics(): void {
    const providers = this.analytics.split(/\s+/).filter(Boolean);
    const key = providers.join(' ');
    if (key === this.#analyticsFor) return;
    this.#stopAnalytics?.();
    this.#stopAnalytics = undefined;
    this.#analyticsFor = key;
    if (!providers.length) return;
    const root = this.getRootNode();
    const queue: Event[] = [];
    const buffer = (e: Event) => queue.push(e);
    const unbuffer = () => ANALYTICS_EVENTS.forEach((t) => root.removeEventListener(t, buffer));
    for (const t of ANALYTICS_EVENTS) root.addEventListener(t, buffer);
    let stop: (() => void) | undefined;
    let stopped = false;
    this.#stopAnalytics = () => {
      stopped = true;
      unbuffer();
      stop?.();
    };
    import('../../analytics/index.js').then(
      ({connectAnalytics}) => {
        if (stopped) return;
        stop = connectAnalytics(this, providers, queue);
        unbuffer();
      },
      (e: unknown) => {
        unbuffer();
        console.error('<vtex-store>: the analytics module failed to load.', e);
      },
    );
  }

  #config(): StoreConfig {
    return Object.freeze({
      account: this.account,
      locale: matchLocale(this.locale),
      currency: this.currency?.toUpperCase() || undefined,
    });
  }

  #refuseAppKeys(): void {
    for (const name of ['app-key', 'app-token', 'appkey', 'apptoken']) {
      if (this.hasAttribute(name)) {
        console.error(
          `<vtex-store>: ignoring the "${name}" attribute. VTEX app keys and tokens give full admin access to the store; anyone who opens this page can read them. Remove it now, rotate the key in VTEX's admin, and keep keys only on your server (the bridge).`,
        );
        this.removeAttribute(name);
      }
    }
  }

  #build(): void {
    this.cart?.dispose();
    this.#unsubscribeSession?.();
    if (!this.account) {
      console.error('<vtex-store>: the "account" attribute is required (your VTEX account name).');
      this.client = this.cart = this.session = undefined;
    } else {
      try {
        this.client = createVtexClient({
          api: this.api,
          account: this.account,
          salesChannel: this.salesChannel,
          locale: this.locale ?? 'pt-BR',
          paymentsApi: this.paymentsApi || undefined,
        });
        this.cart = new CartStore(this.client);
        this.session = new SessionStore(this.client, {storeUrl: this.loginUrl});
        // Signing in or out changes which cart VTEX serves: re-read it.
        let signedIn: boolean | undefined;
        this.#unsubscribeSession = this.session.subscribe((s) => {
          const now = s.session?.signedIn;
          if (signedIn !== undefined && now !== signedIn && this.cart?.state.orderForm)
            void this.cart.load({force: true}).catch(() => undefined);
          signedIn = now;
        });
      } catch (e) {
        console.error(`<vtex-store>: ${(e as Error).message}`);
        this.client = this.cart = this.session = undefined;
      }
    }
    this.#provide();
  }

  #provide(): void {
    if (!this.#providers.length) {
      this.#providers = [
        new ContextProvider(this, {context: clientContext}),
        new ContextProvider(this, {context: cartContext}),
        new ContextProvider(this, {context: sessionContext}),
        new ContextProvider(this, {context: configContext}),
      ] as AnyProvider[];
    }
    const values = [this.client, this.cart, this.session, this.#config()];
    for (const list of [this.#providers, this.#pageProviders]) {
      list.forEach((p, i) =>
        (p as ContextProvider<typeof clientContext>).setValue(values[i] as VtexClient | undefined),
      );
    }
  }
}

function electDefault(doc: Document): void {
  const stores = [...(storesOf.get(doc) ?? [])].filter((s) => s.isConnected);
  stores.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const [first, ...rest] = stores;
  for (const s of rest) s.detachPage();
  first?.attachPage();
}
