import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import {hostStyles} from '../../internal/styles.js';
import {VtexElement} from '../../internal/vtex-element.js';
import type {VtexCart} from '../cart/cart.js';
import {cartButtonMessages} from './cart-button.messages.js';
import {styles} from './cart-button.styles.js';

/**
 * A header button with the cart's count that opens the page's drawer cart: the `<vtex-cart>` named by `for`,
 * else the first `<vtex-cart variant="drawer">`, else one it adds to `document.body` (with this button's
 * `checkout-url` and `locale`). Works inside or outside `<vtex-store>`.
 *
 * @summary Cart button with a count badge; opens the drawer cart.
 * @tag vtex-cart-button
 * @slot - An icon replacing the default bag.
 * @csspart button - The button.
 * @csspart icon - The default icon.
 * @csspart badge - The count badge (hidden when the cart is empty; `!` when the cart could not be loaded).
 * @fires vtex-error - The drawer cart could not be loaded on click. detail: {operation: "openCart", error}
 * @cssprop [--vtex-cart-button-badge-background=var(--vtex-color-accent)] - Badge background.
 * @cssprop [--vtex-cart-button-badge-color=var(--vtex-color-accent-text)] - Badge text.
 * @cssprop [--vtex-cart-button-icon-size=1.5rem] - Size of the default icon.
 * @cssprop [--vtex-cart-button-size=2.75rem] - Height and minimum width of the button (the same while the cart loads).
 */
export class VtexCartButton extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = cartButtonMessages;

  static override styles = [hostStyles, styles];

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #cart = new CartController(this);
  /** @internal */ readonly #i18n = new LocalizeController(this, cartButtonMessages, {
    store: this.#store,
    cart: this.#cart,
  });

  /** What the badge counts: `items` (sum of quantities) or `lines` (distinct products). */
  @property() count: 'items' | 'lines' = 'items';

  /** The id of the `<vtex-cart variant="drawer">` to open. Default: the first drawer cart on the page. */
  @property() for?: string;

  /**
   * The checkout link of the drawer this button creates when the page has none (its `checkout-url`).
   * A drawer already on the page keeps its own. Default: the drawer's (this page's `<vtex-checkout>`, else VTEX's hosted checkout with this cart).
   */
  @property({attribute: 'checkout-url'}) checkoutUrl?: string;

  /**
   * Opens the drawer cart, creating one next to the button when the page has none (so it takes the button's
   * theme and store); the cart's code loads on this first interaction, not with the button. Resolves with the
   * drawer.
   */
  async openCart(): Promise<VtexCart> {
    await import('../cart/define.js');
    const doc = this.ownerDocument;
    const named = this.for ? doc.getElementById(this.for) : null;
    let drawer = (
      named?.localName === 'vtex-cart' ? named : doc.querySelector('vtex-cart[variant="drawer"]')
    ) as VtexCart | null;
    if (!drawer) {
      drawer = doc.createElement('vtex-cart');
      drawer.variant = 'drawer';
      if (this.locale) drawer.locale = this.locale;
      if (this.checkoutUrl) drawer.checkoutUrl = this.checkoutUrl;
      // Next to the button: the drawer takes the button's theme (tokens set on a wrapper) and its store.
      this.after(drawer);
    }
    await customElements.whenDefined('vtex-cart');
    drawer.show();
    return drawer;
  }

  /** @internal Set from the click until the drawer is open (its code may still be loading). */
  @state() private opening = false;

  readonly #open = () => {
    this.opening = true;
    this.openCart()
      .catch((e: unknown) => this.emitError('openCart', e))
      .finally(() => (this.opening = false));
  };

  /** The drawer's code, fetched when the shopper points at or focuses the button, so the click does not wait. */
  readonly #preload = {
    handleEvent: () => void import('../cart/define.js').catch(() => undefined), // a click retries and reports
    passive: true,
  };

  #count(): number | undefined {
    const s = this.#cart.state;
    const items = s?.orderForm?.items;
    if (!s || !items) return undefined;
    if (this.count === 'lines')
      return items.filter((i) => (s.pendingQuantities[i.uniqueId] ?? i.quantity) > 0).length;
    return items.reduce((n, i) => n + (s.pendingQuantities[i.uniqueId] ?? i.quantity), 0);
  }

  override render(): TemplateResult {
    const m = this.#i18n.m;
    const n = this.#count();
    // The cart did not load: say so (the drawer it opens explains and retries).
    const failed = n === undefined && this.#cart.state?.status === 'error';
    return html`<button
      type="button"
      class="button"
      part="button"
      aria-haspopup="dialog"
      aria-label=${failed ? m.failed : n === undefined ? m.loading : m.label(n)}
      aria-busy=${this.opening ? 'true' : 'false'}
      @click=${this.#open}
      @pointerenter=${this.#preload}
      @focus=${this.#preload}
      @touchstart=${this.#preload}
    >
      <slot>
        <svg
          part="icon"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
          aria-hidden="true"
        >
          <path d="M6 7h12l-1 13H7L6 7z" />
          <path d="M9 7a3 3 0 0 1 6 0" />
        </svg>
      </slot>
      ${n || failed ? html`<span class="badge" part="badge" aria-hidden="true">${failed ? '!' : n! > 99 ? '99+' : n}</span>` : nothing}
    </button>`;
  }
}
