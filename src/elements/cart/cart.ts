import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import type {OrderForm, OrderFormItem} from '../../client/types.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import {hostStyles} from '../../internal/styles.js';
import {VtexElement} from '../../internal/vtex-element.js';
import {cartSummary, itemSummary, itemsKey} from './cart-helpers.js';
import {applyCoupon} from '../../state/coupon.js';
import {estimateShipping} from '../../state/shipping.js';
import {postalFormat} from '../../internal/postal.js';
import {cartMessages} from './cart.messages.js';
import {
  orderNotes,
  renderClear,
  renderCoupon,
  renderLine,
  renderShipping,
  renderTotals,
  type Shipping,
} from './cart-parts.js';
import {styles} from './cart.styles.js';
import {DrawerController} from './drawer-controller.js';

/**
 * The shopper's cart from VTEX's orderForm: lines with a quantity stepper, remove, clear, coupon, a shipping
 * estimate by postal code, totals and the checkout action. `variant="drawer"` puts it in a native modal
 * `<dialog>` (a minicart) opened by `<vtex-cart-button>`, `show()` or the `open` attribute.
 * Every change shows at once and stays busy until VTEX answers; VTEX's orderForm is always the truth.
 *
 * @summary The shopper's cart: lines, totals, coupon, shipping estimate, checkout action.
 * @tag vtex-cart
 * @fires vtex-cart-updated - The cart changed (from this page, another element or another tab). Not fired for the first load. detail: {orderFormId, value, currency, coupon, itemCount, items}
 * @fires vtex-cart-viewed - The cart was shown with items in it: inline, once; the drawer, each time it opens. For analytics. detail: {orderFormId, value, currency, coupon, itemCount, items}
 * @fires vtex-item-removed - A line was removed (remove, quantity 0 or clear cart). detail: {item: {uniqueId, id, productId, name, skuName, quantity, seller, price, listPrice}}
 * @fires vtex-quantity-changed - The shopper changed a line's quantity and VTEX confirmed it (rapid changes: once, first to last quantity; to 0 is vtex-item-removed). detail: {item: {uniqueId, id, productId, name, skuName, quantity, seller, price, listPrice}, from, to}
 * @fires vtex-coupon-applied - VTEX accepted a coupon. detail: {coupon}
 * @fires vtex-before-checkout - Cancelable: call preventDefault() to route to your own checkout. detail: {orderFormId, value, currency, coupon, itemCount, items}
 * @fires vtex-error - An action failed. detail: {operation, error: {status, code, message, retryable}}
 * @slot empty - Shown instead of the default text when the cart has no items.
 * @csspart dialog - The drawer's `<dialog>` (drawer variant).
 * @csspart header - The title bar.
 * @csspart title - The cart's heading.
 * @csspart close - The drawer's close button.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The load-error state.
 * @csspart retry - The retry button of the error state.
 * @csspart empty - The default empty-cart text.
 * @csspart messages - Cart-level messages from VTEX.
 * @csspart still-trying - "Still trying…", when a change has waited a few seconds for the store.
 * @csspart lines - The list of lines.
 * @csspart line - One line.
 * @csspart image - A line's image.
 * @csspart name - A line's product name.
 * @csspart variation - A line's SKU variation.
 * @csspart price - A line's price block.
 * @csspart line-total - A line's total (`priceDefinition.total`).
 * @csspart list-price - A line's list price, when discounted.
 * @csspart unit-price - A line's unit price.
 * @csspart stepper - The quantity stepper.
 * @csspart decrease - The − button.
 * @csspart quantity - The quantity input.
 * @csspart increase - The + button.
 * @csspart remove - A line's remove button.
 * @csspart line-messages - Availability and VTEX messages about one line.
 * @csspart clear - The "clear cart" button.
 * @csspart clear-confirm - The clear-cart confirmation.
 * @csspart coupon - The coupon section.
 * @csspart coupon-input - The coupon field.
 * @csspart coupon-apply - The apply button.
 * @csspart coupon-remove - The remove-coupon button.
 * @csspart shipping - The shipping estimate section.
 * @csspart postal-code - The postal code field.
 * @csspart estimate - The estimate button.
 * @csspart shipping-option - One delivery option or pickup point.
 * @csspart totals - The totals breakdown.
 * @csspart total - The grand total.
 * @csspart checkout - The checkout action.
 * @cssprop [--vtex-cart-gap=1rem] - Space between lines and sections.
 * @cssprop [--vtex-cart-image-size=4rem] - Line image size.
 * @cssprop [--vtex-cart-drawer-width=26rem] - Width of the drawer.
 * @cssprop [--vtex-cart-backdrop=rgb(0 0 0 / 0.45)] - The drawer's backdrop.
 * @cssprop [--vtex-cart-warning-color=#8a5a00] - Warning messages.
 */
export class VtexCart extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = cartMessages;

  static override styles = [hostStyles, styles];

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #cart = new CartController(this);
  /** @internal */ readonly #i18n = new LocalizeController(this, cartMessages, {
    store: this.#store,
    cart: this.#cart,
  });

  /** `inline` (a cart page) or `drawer` (a minicart in a modal dialog). */
  @property({reflect: true}) variant: 'inline' | 'drawer' = 'inline';

  /** Whether the drawer is open (drawer variant). */
  @property({type: Boolean, reflect: true}) open = false;

  /** Where the checkout action goes. Default: this page's `<vtex-checkout>`, else VTEX's hosted checkout with this cart (`https://{account}.vtexcommercestable.com.br/checkout/?orderFormId=…#/cart`). */
  @property({attribute: 'checkout-url'}) checkoutUrl?: string;

  /** ISO 3166-1 alpha-3 country for the shipping estimate. Default: the store's country from the orderForm. */
  @property() country?: string;

  @state() private confirming = false;
  @state() private lineErrors: Readonly<Record<string, string>> = {};
  @state() private couponBusy = false;
  @state() private couponError = '';
  @state() private actionError = '';
  /** What the last confirmed change did, for screen readers (the lines and totals change silently). */
  @state() private announcement = '';
  @state() private shipping: Shipping = {status: 'idle'};

  readonly #dialog = () => this.renderRoot?.querySelector('dialog') ?? undefined;
  readonly #drawer = new DrawerController(this, this.#dialog);
  #seen: OrderForm | null = null;
  #seenError: unknown = null;
  #viewed = false;
  #quantityFrom = new Map<string, number>();
  #simulation?: AbortController;

  /** Opens the drawer; focus returns to the element focused now when it closes. */
  show(): void {
    if (this.variant !== 'drawer') return;
    if (!this.open) this.#drawer.rememberOpener();
    this.open = true;
  }

  /** Closes the drawer. */
  hide(): void {
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#simulation?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') || changed.has('variant')) this.#drawer.sync();
    const s = this.#cart.state;
    const of = s?.orderForm ?? null;
    if (of !== this.#seen) {
      const prev = this.#seen;
      this.#seen = of;
      if (prev && of) this.emit('vtex-cart-updated', cartSummary(of));
      // After this update, not inside it: re-estimating changes state.
      queueMicrotask(() => this.#refreshEstimate(of));
    }
    // Shown with items: inline once, the drawer each time it opens.
    const shown = this.variant !== 'drawer' || this.open;
    if (shown && of?.items.length && !this.#viewed) {
      this.#viewed = true;
      this.emit('vtex-cart-viewed', cartSummary(of));
    } else if (!shown) this.#viewed = false;
    if (s?.error && s.error !== this.#seenError) {
      this.#seenError = s.error;
      if (s.error.operation === 'load') this.emitError('load', s.error.error);
    }
  }

  // ---------- lines ----------

  #setQuantity(item: OrderFormItem, quantity: number): void {
    const store = this.#cart.store;
    if (!store || !Number.isInteger(quantity)) return;
    const qty = Math.max(0, Math.min(99_999, quantity));
    if (this.lineErrors[item.uniqueId]) {
      const {[item.uniqueId]: _gone, ...rest} = this.lineErrors;
      this.lineErrors = rest;
    }
    // The confirmed quantity before a run of changes; reported once, when the run is confirmed.
    if (!this.#quantityFrom.has(item.uniqueId)) this.#quantityFrom.set(item.uniqueId, item.quantity);
    store.setQuantity(item.uniqueId, qty).then(
      (of) => {
        const line = of.items.find((i) => i.uniqueId === item.uniqueId);
        const from = this.#quantityFrom.get(item.uniqueId);
        if (store.state.pendingQuantities[item.uniqueId] !== undefined) return;
        // The server now has what the shopper chose: an error from an earlier change in the run is stale.
        if (this.lineErrors[item.uniqueId]) {
          const {[item.uniqueId]: _stale, ...rest} = this.lineErrors;
          this.lineErrors = rest;
        }
        if (from === undefined) return;
        this.#quantityFrom.delete(item.uniqueId);
        if (qty === 0 && !line) this.#removed([item]);
        else if (line && line.quantity !== from) {
          this.emit('vtex-quantity-changed', {item: itemSummary(line), from, to: line.quantity});
          this.announcement = this.#i18n.m.quantityNow(line.name, line.quantity, this.#i18n.cents(of.value));
        }
      },
      (error: unknown) => {
        // The failed change did not apply: a change still queued reports from the same confirmed quantity.
        if (store.state.pendingQuantities[item.uniqueId] === undefined)
          this.#quantityFrom.delete(item.uniqueId);
        const ids = (error as {uniqueIds?: string[]}).uniqueIds ?? [item.uniqueId];
        const next = {...this.lineErrors};
        for (const id of ids) next[id] = this.#i18n.m.lineError;
        this.lineErrors = next;
        this.emitError(qty === 0 ? 'removeItem' : 'setQuantity', error);
      },
    );
  }

  #onQuantityChange(item: OrderFormItem, e: Event): void {
    const input = e.target as HTMLInputElement;
    const value = Number(input.value);
    if (input.value.trim() === '' || !Number.isInteger(value) || value < 0) {
      input.value = String(this.#cart.state?.pendingQuantities[item.uniqueId] ?? item.quantity);
      this.lineErrors = {...this.lineErrors, [item.uniqueId]: this.#i18n.m.quantityInvalid};
      return;
    }
    this.#setQuantity(item, value);
  }

  async #removed(items: OrderFormItem[]): Promise<void> {
    for (const item of items) this.emit('vtex-item-removed', {item: itemSummary(item)});
    const m = this.#i18n.m;
    this.announcement = items.length === 1 ? m.removedItem(items[0]!.name) : m.empty;
    // The focused line is gone: keep the keyboard user in the cart.
    await this.updateComplete;
    const active = this.shadowRoot?.activeElement;
    if (!active || !active.isConnected || active === this.renderRoot.querySelector('.confirm button')) {
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
  }

  async #clear(): Promise<void> {
    const store = this.#cart.store;
    if (!store) return;
    const before = store.state.orderForm?.items ?? [];
    this.confirming = false;
    this.actionError = '';
    try {
      await store.clear();
      void this.#removed([...before]);
    } catch (error) {
      this.actionError = this.#i18n.error(error as Error);
      this.emitError('clear', error);
    }
  }

  async #askClear(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm .button.primary')?.focus();
  }

  async #cancelClear(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="clear"]')?.focus();
  }

  // ---------- coupon ----------

  async #applyCoupon(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const store = this.#cart.store;
    const input = (e.target as HTMLFormElement).elements.namedItem('coupon') as HTMLInputElement;
    const code = input.value.trim();
    if (!code) {
      this.couponError = this.#i18n.m.couponEmpty;
      input.focus();
      return;
    }
    if (!store || this.couponBusy) return;
    this.couponBusy = true;
    this.couponError = '';
    try {
      const outcome = await applyCoupon(store, code);
      if ('applied' in outcome) {
        input.value = '';
        this.emit('vtex-coupon-applied', {coupon: outcome.applied});
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#coupon-status')?.focus();
      } else this.couponError = this.#i18n.m[outcome.refused](code);
    } catch (error) {
      this.couponError = this.#i18n.error(error as Error);
      this.emitError('applyCoupon', error);
    } finally {
      this.couponBusy = false;
    }
  }

  async #removeCoupon(): Promise<void> {
    const store = this.#cart.store;
    if (!store || this.couponBusy) return;
    this.couponBusy = true;
    this.couponError = '';
    try {
      await store.removeCoupon();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part~="coupon-input"]')?.focus();
    } catch (error) {
      this.couponError = this.#i18n.error(error as Error);
      this.emitError('removeCoupon', error);
    } finally {
      this.couponBusy = false;
    }
  }

  // ---------- shipping estimate ----------

  #country(of: OrderForm | null | undefined): string {
    return (this.country || of?.storePreferencesData?.countryCode || 'BRA').toUpperCase();
  }

  #onEstimate(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('postal') as HTMLInputElement;
    const of = this.#cart.state?.orderForm;
    const code = input.value.trim();
    if (!postalFormat(this.#country(of)).re.test(code)) {
      this.#simulation?.abort();
      this.shipping = {status: 'invalid'};
      input.focus();
      return;
    }
    if (of) void this.#estimate(of, code);
  }

  async #estimate(of: OrderForm, code: string): Promise<void> {
    const client = this.#store.client ?? this.#cart.store?.client;
    if (!client) return;
    this.#simulation?.abort();
    const controller = (this.#simulation = new AbortController());
    const key = itemsKey(of);
    const previous = this.shipping.status === 'ready' ? this.shipping.options : undefined;
    this.shipping = {status: 'loading', code, key, options: previous};
    try {
      const options = await estimateShipping(client, of, code, this.#country(of), {
        signal: controller.signal,
      });
      if (!controller.signal.aborted) this.shipping = {status: 'ready', code, key, options};
    } catch (error) {
      if (controller.signal.aborted) return;
      this.shipping = {status: 'error', code, key, error: this.#i18n.error(error as Error)};
      this.emitError('simulate', error);
    }
  }

  /** The cart changed under an estimate: estimate again for the same postal code. */
  #refreshEstimate(of: OrderForm | null): void {
    const s = this.shipping;
    if (!('code' in s)) return;
    if (!of || !of.items.length) {
      this.#simulation?.abort();
      this.shipping = {status: 'idle'};
    } else if (s.key !== itemsKey(of) && !Object.keys(this.#cart.state?.pendingQuantities ?? {}).length) {
      void this.#estimate(of, s.code);
    }
  }

  // ---------- checkout ----------

  /** A link that works in a new tab too: checkout-url, else this page's <vtex-checkout>, else VTEX's hosted checkout. */
  #checkoutHref(): string {
    if (this.checkoutUrl) return this.checkoutUrl;
    const here = this.ownerDocument.querySelector('vtex-checkout');
    if (here) return here.id ? `#${here.id}` : location.href.split('#')[0]!;
    const client = this.#store.client ?? this.#cart.store?.client;
    const id = this.#cart.state?.orderForm?.orderFormId;
    return `https://${client?.accountName ?? ''}.vtexcommercestable.com.br/checkout/${id ? `?orderFormId=${id}` : ''}#/cart`;
  }

  #onCheckout(e: MouseEvent): void {
    const of = this.#cart.state?.orderForm;
    if (!of || !this.emit('vtex-before-checkout', cartSummary(of), {cancelable: true})) {
      e.preventDefault();
      return;
    }
    const target = this.ownerDocument.querySelector<HTMLElement>('vtex-checkout');
    if (!target) return; // the link navigates
    e.preventDefault();
    if (this.open) {
      this.#drawer.keepFocus = true;
      this.hide();
      this.#dialog()?.close();
    }
    const still = this.ownerDocument.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({behavior: still ? 'auto' : 'smooth', block: 'start'});
    target.focus({preventScroll: true});
  }

  // ---------- render ----------

  override render(): TemplateResult {
    const m = this.#i18n.m;
    const content = this.#renderContent();
    const header = html`<div class="head" part="header">
      <h2 id="title" part="title" tabindex="-1">${m.title}</h2>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        this.variant === 'drawer'
          ? html`<button
              type="button"
              class="button"
              part="close"
              aria-label=${this.#i18n.common.close}
              @click=${this.hide}
            >
              <span aria-hidden="true">✕</span>
            </button>`
          : nothing
      }
    </div>`;
    if (this.variant !== 'drawer') return html`${header}${content}`;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @close=${this.#drawer.onClose}
      @click=${this.#drawer.onClick}
      @keydown=${this.#drawer.trapFocus}
    >
      ${header}${content}
    </dialog>`;
  }

  #renderContent(): TemplateResult {
    const {m, common} = this.#i18n;
    const s = this.#cart.state;
    const of = s?.orderForm;
    if (!of) {
      if (s?.status === 'error') {
        return html`<div class="state" part="error" role="alert">
          <p class="error-text">${m.loadError} ${this.#i18n.error(s.error?.error)}</p>
          <button
            type="button"
            class="button"
            part="retry"
            @click=${() => this.#cart.store?.load().catch(() => undefined)}
          >
            ${common.retry}
          </button>
        </div>`;
      }
      return html`<div class="body" part="skeleton" aria-busy="true">
        <span class="visually-hidden" role="status">${common.loading}</span>
        <div class="skeleton line-sk"></div>
        <div class="skeleton line-sk"></div>
        <div class="skeleton totals-sk"></div>
      </div>`;
    }
    const {notes, general} = orderNotes(m, of);
    const messages = html`<div part="messages" aria-live="polite">
      ${s?.slow ? html`<p class="muted" part="still-trying">${common.stillTrying}</p>` : nothing}
      ${this.actionError ? html`<p class="error-text" role="alert">${this.actionError}</p>` : nothing}
      ${general.map((n) => html`<p class=${n.status === 'error' ? 'error-text' : n.status}>${n.text}</p>`)}
    </div>`;
    if (!of.items.length) {
      return html`<div class="body">
        ${messages}
        <slot name="empty"><p class="state" part="empty">${m.empty}</p></slot>
      </div>`;
    }
    return html`<div class="body">
      ${messages}
      <ul part="lines" aria-label=${m.lines}>
        ${repeat(
          of.items,
          (i) => i.uniqueId,
          (i) =>
            renderLine({
              i18n: this.#i18n,
              item: i,
              of,
              messages: notes.get(i.uniqueId) ?? [],
              pending: this.#cart.state?.pendingQuantities[i.uniqueId],
              error: this.lineErrors[i.uniqueId],
              setQuantity: (item, quantity) => this.#setQuantity(item, quantity),
              onQuantityChange: (item, e) => this.#onQuantityChange(item, e),
            }),
        )}
      </ul>
      ${renderClear(m, this.confirming, {ask: this.#askClear, yes: this.#clear, no: this.#cancelClear})}
      ${renderCoupon(m, of.marketingData?.coupon, this.couponError, this.couponBusy, {
        apply: this.#applyCoupon,
        remove: this.#removeCoupon,
      })}
      ${renderShipping(this.#i18n, this.shipping, this.#country(of), this.#onEstimate)}
      ${renderTotals(this.#i18n, of)}
      <a
        part="checkout"
        class="button primary checkout"
        href=${this.#checkoutHref()}
        @click=${this.#onCheckout}
        >${m.checkout}</a
      >
    </div>`;
  }
}
