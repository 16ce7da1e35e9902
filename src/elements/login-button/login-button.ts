import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, SessionController, StoreController} from '../../controllers/store-controller.js';
import type {BeforeLoginDetail} from '../../events/vtex-before-login.js';
import type {SessionChangedDetail} from '../../events/vtex-session-changed.js';
import type {SessionStore} from '../../state/session-store.js';
import {hostStyles} from '../../internal/styles.js';
import {adoptMoreStyles} from '../../internal/adopt-styles.js';
import {OnDemandModule} from '../../internal/on-demand-module.js';
import {VtexElement} from '../../internal/vtex-element.js';
import {messages} from './login-button.messages.js';
import {styles} from './login-button.styles.js';

/** The last session announced per store, so several elements on a page fire one event per change. */
const announced = new WeakMap<SessionStore, string>();

/**
 * Signed out: a link to VTEX's own login page (`{store}/login?returnUrl={this page}`) — the kit never asks for
 * a password. Signed in: the shopper's name (or e-mail) opening a menu with "My orders" and "Sign out".
 *
 * The session is re-read when the page becomes visible again (the shopper signed in in another tab, or came
 * back from the login page through the browser's back/forward cache); `store.session.load({force: true})`
 * refreshes it on demand.
 *
 * @summary Sign in through VTEX's login page; when signed in, an account menu.
 * @tag vtex-login-button
 * @fires vtex-before-login - Cancelable. The shopper chose "Sign in"; `preventDefault()` keeps the page and lets you open login your own way. detail: {loginUrl, returnUrl}
 * @fires vtex-session-changed - The shopper signed in or out (once per change and page, not for the state found on load). detail: {signedIn, email?}
 * @fires vtex-error - Signing out failed. detail: {operation: 'logout', error}
 * @csspart link - The "Sign in" link.
 * @csspart trigger - The button with the shopper's name that opens the menu.
 * @csspart menu - The account menu (a list).
 * @csspart menu-item - "My orders" and "Sign out".
 * @csspart skeleton - Placeholder while the session loads.
 * @csspart error - The message shown when the session could not be read.
 * @cssprop [--vtex-login-button-width=8rem] - Width of the button in every state (loading, sign in, account; a longer name is truncated), so the header does not shift.
 * @cssprop [--vtex-login-button-menu-width=12rem] - Minimum width of the account menu.
 */
export class VtexLoginButton extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = messages;

  static override styles = [hostStyles, styles];

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal Shared with ./account-menu.ts (sign-out). */ readonly session = new SessionController(this);
  /** @internal Shared with ./account-menu.ts (sign-out). */ readonly cart = new CartController(this, {
    load: false,
  });
  /** @internal */ readonly i18n = new LocalizeController(this, messages, {
    store: this.#store,
    cart: this.cart,
    session: this.session,
  });

  /** Where VTEX's login page is served; overrides `<vtex-store login-url>` (default: the store's `api`). */
  @property({attribute: 'login-url'}) loginUrl?: string;

  /** The page listing the shopper's orders; "My orders" is shown only when set. */
  @property({attribute: 'orders-url'}) ordersUrl?: string;

  // The members marked @internal are shared with ./account-menu.ts; they are not the element's API.
  /** @internal */ @state() open = false;
  /** @internal */ @state() signingOut = false;
  /** @internal */ @state() signOutFailed = false;
  /**
   * The account menu (./account-menu.ts) with its keyboard handling and sign-out: loaded once the shopper is signed in,
   * not for a signed-out visitor.
   */
  readonly #menu = new OnDemandModule<typeof import('./account-menu.js')>(
    () =>
      import('./account-menu.js').then((m) => {
        adoptMoreStyles(this, m.menuStyles);
        return m;
      }),
    () => this.requestUpdate(),
  );

  /** @internal The button that opens the account menu. */
  get trigger(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector('[part~="trigger"]');
  }

  /** @internal The "Sign in" link. */
  get link(): HTMLAnchorElement | null {
    return this.renderRoot?.querySelector('[part~="link"]');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
    window.addEventListener('pageshow', this.#onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
    window.removeEventListener('pageshow', this.#onPageShow);
    document.removeEventListener('click', this.#onDocumentClick);
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.session.store;
    const session = this.session.state?.session;
    if (!store || !session) return;
    const key = session.signedIn ? `in:${session.email ?? ''}` : 'out';
    const before = announced.get(store);
    announced.set(store, key);
    if (before !== undefined && before !== key) {
      this.emit<SessionChangedDetail>(
        'vtex-session-changed',
        session.signedIn && session.email
          ? {signedIn: true, email: session.email}
          : {signedIn: session.signedIn},
      );
    }
    if (!session.signedIn) this.open = false;
    else this.#menu.preload();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (this.open) document.addEventListener('click', this.#onDocumentClick);
      else document.removeEventListener('click', this.#onDocumentClick);
    }
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.#refresh();
  };

  #onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted) this.#refresh();
  };

  #refresh(): void {
    this.session.store?.load({force: true}).catch(() => undefined);
  }

  #onDocumentClick = (e: MouseEvent): void => {
    if (!e.composedPath().includes(this)) this.open = false;
  };

  #loginHref(): string {
    const session = this.session.store;
    return (this.loginUrl ? session?.loginUrl(location.href, this.loginUrl) : session?.loginUrl()) ?? '#';
  }

  #onLogin(e: MouseEvent): void {
    const a = e.currentTarget as HTMLAnchorElement;
    const loginUrl = this.#loginHref();
    a.href = loginUrl; // the page may have changed its URL since the last render
    if (
      !this.emit<BeforeLoginDetail>(
        'vtex-before-login',
        {loginUrl, returnUrl: location.href},
        {cancelable: true},
      )
    )
      e.preventDefault();
  }

  /** @internal Signing out failed (./account-menu.ts): the menu says so and the page hears `vtex-error`. */
  signOutFailedWith(error: unknown): void {
    this.signOutFailed = true;
    this.emitError('logout', error);
  }

  override render() {
    const m = this.i18n.m;
    const store = this.session.store;
    if (!store)
      return html`<span class="error-text" part="error" role="alert">${this.i18n.common.errorNoStore}</span>`;
    const {status, session} = this.session.state!;
    if (!session && status === 'error') {
      return html`<span class="error" part="error" role="alert"
        ><span class="error-text">${m.error}</span>
        <button class="button" @click=${() => this.#refresh()}>${this.i18n.common.retry}</button></span
      >`;
    }
    if (!session) {
      return html`<span class="skeleton" part="skeleton" role="status"
        ><span class="visually-hidden">${m.checking}</span></span
      >`;
    }
    if (!session.signedIn) {
      return html`<a class="button" part="link" href=${this.#loginHref()} @click=${this.#onLogin}
        >${m.signIn}</a
      >`;
    }
    const name = session.firstName || session.email || '';
    const menu = this.#menu.value;
    return html`<div class="wrap" @focusout=${(e: FocusEvent) => menu?.onFocusOut(this, e)}>
      <button
        class="button"
        part="trigger"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${menu ? 'menu' : nothing}
        aria-label=${m.account(name)}
        @click=${() => (this.open = !this.open)}
        @keydown=${(e: KeyboardEvent) => menu?.onTriggerKey(this, e)}
      >
        <span class="name">${name}</span><span class="caret" aria-hidden="true"></span>
      </button>
      ${menu?.renderMenu(this) ?? nothing}
    </div>`;
  }
}
