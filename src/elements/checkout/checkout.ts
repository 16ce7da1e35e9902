import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {VtexError} from '../../client/errors.js';
import type {OrderForm} from '../../client/types.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import type {CheckoutStep} from '../../events/vtex-checkout-step.js';
import {postalFormat} from '../../internal/postal.js';
import {hostStyles} from '../../internal/styles.js';
import {OnDemandModule} from '../../internal/on-demand-module.js';
import {VtexElement} from '../../internal/vtex-element.js';
import type {CardData, PaymentChoice} from '../../state/place-order.js';
import {checkoutMessages} from './checkout.messages.js';
import {styles} from './checkout.styles.js';
import type {Confirmation} from './confirmation.js';
import {stepLoading, stillTrying} from './form.js';
import type {Installments} from './payment.js';
import {draftFrom, renderProfile} from './profile-step.js';
import {shippingDone} from './shipping.js';
import {CODE_STEP, FIELD_STEP, profileDone, STEPS} from './steps.js';
import {renderOrderSummary, renderStepSummary} from './summary.js';
import type {CardBrand} from './card.js';
import {documentTypes} from './validators.js';

/** The placement and the confirmation, loaded on demand (see `#placement`). */
type Placement = typeof import('./confirmation.js');
type LaterSteps = typeof import('./later-steps.js');

/**
 * A single-page checkout over VTEX's Checkout API, in steps the shopper can reopen: identification,
 * shipping (address by postal code, delivery options per package, pickup points), payment (the store's
 * payment systems, installments, a card form), review and place (VTEX's 3-step placement inside the
 * cart's write queue, one order however often it is pressed), and the confirmation. Card data stays in
 * memory and goes only to the payments call; it is never attached to the cart, logged, put in an event or
 * left in the page after it was submitted.
 *
 * @summary Checkout in steps: identification, shipping, payment, review and place, confirmation.
 * @tag vtex-checkout
 * @fires vtex-checkout-step - A step opened. detail: {step: 'profile' | 'shipping' | 'payment' | 'review' | 'confirmation', index}
 * @fires vtex-order-placed - Once per order, after VTEX accepted it (approved, or waiting for Pix/boleto/redirect). No card data. detail: {orderGroup, orderIds, status, value, currency, payment: {paymentSystem, name, group, installments}, items}
 * @fires vtex-error - A request failed. detail: {operation, error: {status, code, message, retryable}}
 * @slot empty - Shown instead of the default text when the cart has no items.
 * @csspart title - The checkout heading.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The load-error state.
 * @csspart empty - The default empty-cart text.
 * @csspart step - A step's section (also `step-profile`, `step-shipping`, `step-payment`, `step-review`).
 * @csspart heading - A step's heading.
 * @csspart summary - A completed step's summary.
 * @csspart edit - A completed step's edit button.
 * @csspart form - A step's form.
 * @csspart field - A label, input and message.
 * @csspart field-error - A field's error message.
 * @csspart form-error - A step's error message.
 * @csspart still-trying - "Still trying…", under the button, when a step has waited a few seconds for the store.
 * @csspart continue - A step's continue button.
 * @csspart package - One package's delivery options.
 * @csspart option - A delivery or payment option.
 * @csspart card - The card form.
 * @csspart installments - The installments select.
 * @csspart order-summary - What is bought, beside the steps (from 50rem wide) or a bar above them that opens.
 * @csspart summary-toggle - The order summary's bar on narrow screens ("Order summary · R$ 69,90").
 * @csspart summary-items - The items in the order summary.
 * @csspart totals - The totals in the order summary.
 * @csspart place-order - The "Place order" button.
 * @csspart confirmation - The confirmation.
 * @csspart pix - The Pix code block.
 * @csspart orders-link - The link to the order history.
 * @cssprop [--vtex-checkout-gap=1rem] - Space between sections.
 * @cssprop [--vtex-checkout-max-width=68rem] - Width of the checkout: the steps and, from 50rem, the order summary beside them.
 */
export class VtexCheckout extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = checkoutMessages;

  static override styles = [hostStyles, styles];

  // The members marked @internal are shared with the step modules beside this file (profile-step.ts,
  // shipping-step.ts, payment-step.ts, summary.ts, confirmation.ts, form.ts); they are not the element's API.

  /** @internal */ readonly store = new StoreController(this);
  /** @internal */ readonly cart = new CartController(this);
  /** @internal */ readonly i18n = new LocalizeController(this, checkoutMessages, {
    store: this.store,
    cart: this.cart,
  });

  /** Link to the shopper's order history (e.g. the page with `<vtex-order-history>`), shown on the confirmation. */
  @property({attribute: 'orders-url'}) ordersUrl?: string;

  /** @internal */ @state() step: CheckoutStep = 'profile';
  /** @internal */ @state() done: Partial<Record<CheckoutStep, boolean>> = {};
  /** @internal */ @state() errors: Readonly<Record<string, string>> = {};
  /** @internal */ @state() formError = '';
  /** @internal */ @state() notice = '';
  /** @internal */ @state() busy = false;
  /** @internal */ @state() paymentKey = '';
  /** @internal */ @state() installments: Installments = {status: 'idle', options: []};
  /** @internal */ @state() installmentCount = 1;
  /** @internal */ @state() brand?: CardBrand;
  /** @internal */ @state() heldCard?: {brand: string; last4: string};
  /** @internal */ @state() copied = false;
  /** @internal The order summary, opened from its bar on narrow screens. */
  @state() summaryOpen = false;
  @state() private confirmation?: Confirmation;
  /** Said on the review step when the total changed there (another tab, a price, a shipping quote). */
  @state() private totalNote = '';
  /** Placing found this cart already ordered (in a tab or on a device that did not tell this one). */
  @state() private ordered = false;

  /** @internal Profile and address as typed (never card data). */
  draft: Record<string, string> = {};
  /**
   * The card, in memory only, until the order is placed or the shopper replaces it. A #private field: no page
   * script can read it from the element (the step modules go through `holdCard`, `cardSystem` and `forgetCard`).
   */
  #card?: CardData & {system: number};
  /** @internal The payment attached to the cart, with its name and interest. */
  choice?: PaymentChoice & {name: string};
  /** @internal The delivery option the shopper picked, by package. */
  readonly slaChoice = new Map<string, string>();
  #started = false;
  #placing = false;
  readonly #announced = new Set<string>();
  #aborts: AbortController[] = [];
  /** The total the shopper saw on the review step. */
  #reviewed?: number;
  /** The cart VTEX said was already ordered. */
  #orderedId?: string;
  /** The shipping and payment steps (./later-steps.ts), loaded on the first focus or pointer, or when reached. */
  readonly #steps = new OnDemandModule<LaterSteps>(
    () => import('./later-steps.js'),
    () => this.requestUpdate(),
  );
  /** The placement and the confirmation (./confirmation.ts), loaded when the review step opens. */
  readonly #placement = new OnDemandModule<Placement>(() => import('./confirmation.js'));

  override connectedCallback(): void {
    super.connectedCallback();
    // The shopper is about to fill in a step: fetch the next ones now, so "Continue" does not wait for them.
    this.#steps.preloadOn(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const a of this.#aborts) a.abort();
    this.#aborts = [];
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const of = this.cart.state?.orderForm;
    // A new cart with items: the note about the ordered one is old news.
    if (of?.items.length && of.orderFormId !== this.#orderedId) this.ordered = false;
    const total = this.step === 'review' && of?.items.length ? this.total(of) : undefined;
    if (total === undefined) this.totalNote = '';
    else if (this.#reviewed !== undefined && total !== this.#reviewed)
      this.totalNote = this.i18n.m.totalChanged(this.i18n.cents(this.#reviewed), this.i18n.cents(total));
    this.#reviewed = total;
    if (!of || this.#started || this.confirmation || !of.items.length) return;
    this.#started = true;
    Object.assign(this.draft, draftFrom(of));
    const profile = profileDone(of);
    this.done = {profile, shipping: profile && shippingDone(of)};
    this.step = !this.done.profile ? 'profile' : !this.done.shipping ? 'shipping' : 'payment';
    if (this.step === 'payment') this.#steps.with((m) => m.enterPayment(this, of));
    else if (this.step === 'shipping') this.#steps.preload();
    this.emit('vtex-checkout-step', {step: this.step, index: STEPS.indexOf(this.step)});
  }

  // ---------- helpers ----------

  /** @internal What the shopper pays: the orderForm's value and the chosen installments' interest. */
  total(of: OrderForm): number {
    return of.value + (this.choice?.interest ?? 0);
  }

  /** @internal */ get of(): OrderForm | null {
    return this.cart.state?.orderForm ?? null;
  }

  /** @internal */ country(): string {
    const of = this.of;
    return (
      this.draft.country ||
      of?.shippingData?.address?.country ||
      of?.storePreferencesData?.countryCode ||
      'BRA'
    ).toUpperCase();
  }

  /** @internal */ docTypes() {
    const of = this.of;
    return documentTypes(of?.storePreferencesData?.currencyCode, of?.storePreferencesData?.countryCode);
  }

  /** @internal A signal for a look-up, aborted when the element leaves the page. */
  signal(): {signal: AbortSignal} {
    const a = new AbortController();
    this.#aborts.push(a);
    return {signal: a.signal};
  }

  async #go(step: CheckoutStep): Promise<void> {
    this.step = step;
    this.errors = {};
    this.formError = '';
    this.notice = '';
    if (step === 'payment') this.#steps.with((m) => this.of && m.enterPayment(this, this.of));
    else if (step === 'shipping') this.#steps.preload();
    if (step === 'review') this.#placement.preload(); // pressing "Place order" tries again
    this.emit('vtex-checkout-step', {
      step,
      index: step === 'confirmation' ? STEPS.length : STEPS.indexOf(step),
    });
    await this.focusOn(`#h-${step}`);
  }

  /** @internal Moves focus, once rendered, to the first element `selector` matches. */
  async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** @internal The payment system of the card held in memory, if any. */
  get cardSystem(): number | undefined {
    return this.#card?.system;
  }

  /** @internal Keeps `card` (or the card already held) in memory and shows its brand and last digits. */
  holdCard(card: (CardData & {system: number}) | undefined, brand: string): void {
    if (card) this.#card = card;
    if (this.#card) this.heldCard = {brand, last4: this.#card.cardNumber.slice(-4)};
  }

  /** @internal Forgets the card (it was in memory only). */
  forgetCard(): void {
    this.#card = undefined;
    this.heldCard = undefined;
  }

  #next(after: CheckoutStep): CheckoutStep {
    const rest = STEPS.slice(STEPS.indexOf(after) + 1);
    return rest.find((s) => !this.done[s]) ?? 'review';
  }

  /** @internal */ async complete(step: CheckoutStep): Promise<void> {
    const done = {...this.done, [step]: true};
    if (step === 'shipping') done.payment = false; // the total may have changed
    this.done = done;
    await this.#go(this.#next(step));
  }

  /** @internal Shows field errors and moves focus to the first invalid field. */
  async invalid(errors: Record<string, string>, formError?: string): Promise<void> {
    this.errors = errors;
    this.formError = formError ?? this.i18n.m.fixFields(Object.keys(errors).length);
    await this.focusOn('[aria-invalid="true"]');
  }

  /** @internal Maps a VTEX error to the step and field it concerns (e.g. ORD007 with `fields: {document}`). */
  async serverError(error: unknown, operation: string): Promise<void> {
    this.emitError(operation, error);
    const m = this.i18n.m;
    const e = error instanceof VtexError ? error : undefined;
    const field = Object.keys(e?.fields ?? {}).find((f) => f in FIELD_STEP);
    const target = field ? FIELD_STEP[field] : e ? CODE_STEP[e.code] : undefined;
    if (target && target !== this.step) await this.#go(target);
    if (field) {
      const text =
        field === 'email'
          ? e?.code === 'CHK0109'
            ? m.emailOtherAccount
            : m.emailInvalid
          : field === 'document'
            ? this.draft.documentType === 'cpf' || this.docTypes()[0] === 'cpf'
              ? m.cpfInvalid
              : m.documentInvalid
            : field === 'phone'
              ? m.phoneInvalid
              : field === 'postalCode'
                ? m.postalInvalid(postalFormat(this.country()).example)
                : m.invalid;
      await this.invalid({[field]: text});
      return;
    }
    if (e?.code === 'ORD022') this.formError = m.outdated;
    else if (target === 'shipping')
      this.formError = e?.code === 'CHK0257' || e?.code === 'CHK0171' ? m.chooseSla : m.noDelivery;
    else if (this.step === 'review') {
      // One sentence: the specific reason when there is one, else "we could not place your order".
      const reason = this.i18n.error(e);
      this.formError = reason === this.i18n.error(undefined) ? m.placeError : reason;
    } else this.formError = this.i18n.error(e);
  }

  /** @internal */ onDraft = (e: Event): void => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    this.draft[input.name] = input.value;
    if (this.errors[input.name]) this.clearError(input.name);
  };

  /** @internal */ clearError(name: string): void {
    const {[name]: _gone, ...rest} = this.errors;
    this.errors = rest;
  }

  // ---------- 4. place ----------

  #place = async (): Promise<void> => {
    const cart = this.cart.store;
    const choice = this.choice;
    if (this.#placing || !cart) return;
    if (!choice) return void this.#go('payment');
    this.#placing = true;
    this.busy = true;
    this.formError = '';
    const card = this.#card;
    try {
      const {placeOrder, confirmationOf, orderPlacedDetail} = await this.#placement.load();
      const result = await placeOrder(cart, {
        ...choice,
        card: card && {
          holderName: card.holderName,
          cardNumber: card.cardNumber,
          validationCode: card.validationCode,
          dueDate: card.dueDate,
        },
      });
      this.forgetCard();
      this.confirmation = confirmationOf(result, choice);
      if (!this.#announced.has(result.placed.orderGroup)) {
        this.#announced.add(result.placed.orderGroup);
        this.emit('vtex-order-placed', orderPlacedDetail(this.confirmation, result.orderForm, choice));
      }
      await this.#go('confirmation');
      cart.startNewCart().catch((error: unknown) => this.emitError('startNewCart', error));
    } catch (error) {
      if (this.#placement.value && error instanceof this.#placement.value.PaymentDeclinedError) {
        this.emitError('placeOrder', error);
        this.forgetCard();
        this.brand = undefined;
        this.done = {...this.done, payment: false};
        await this.#go('payment');
        this.formError = this.i18n.m.declined;
      } else if (error instanceof VtexError && error.code === 'ORD002') {
        // VTEX no longer knows this cart: it became an order elsewhere. Say so, and start a new cart; a retry
        // over the old items could never succeed.
        this.ordered = true;
        this.#orderedId = this.of?.orderFormId;
        this.emitError('placeOrder', error);
        await cart.startNewCart().catch(() => cart.load({force: true}).catch(() => undefined));
      } else {
        await this.serverError(error, 'placeOrder');
      }
    } finally {
      this.#placing = false;
      this.busy = false;
    }
  };

  // ---------- render ----------

  override render(): TemplateResult {
    const {m, common} = this.i18n;
    const title = html`<h2 part="title" class="title">${m.title}</h2>`;
    const placed = this.#placement.value;
    if (this.confirmation && placed)
      return html`${title}${placed.renderConfirmation(this, this.confirmation)}`;
    const s = this.cart.state;
    const of = s?.orderForm;
    if (!of) {
      if (s?.status === 'error') {
        return html`${title}
          <div class="state" part="error" role="alert">
            <p class="error-text">${m.loadError} ${this.i18n.error(s.error?.error)}</p>
            <button
              type="button"
              class="button"
              @click=${() => this.cart.store?.load().catch(() => undefined)}
            >
              ${common.retry}
            </button>
          </div>`;
      }
      return html`${title}
        <div part="skeleton" aria-busy="true">
          <span class="visually-hidden" role="status">${common.loading}</span>
          <div class="skeleton sk"></div>
          <div class="skeleton sk"></div>
          <div class="skeleton sk"></div>
        </div>`;
    }
    const elsewhere = this.cart.state?.placedElsewhere;
    const ordered = elsewhere || this.ordered;
    if (!of.items.length)
      return html`${title}<slot name="empty"
          ><p class="state" part="empty" role=${ordered ? 'status' : nothing}>
            ${elsewhere ? m.placedElsewhere(elsewhere) : ordered ? m.alreadyOrdered : m.empty}
            ${ordered && this.ordersUrl ? html`<a href=${this.ordersUrl}>${m.ordersLink}</a>` : nothing}
          </p></slot
        >`;
    return html`${title}
      <div class="layout">
        ${renderOrderSummary(this, of)}
        <ol class="steps">
          ${STEPS.map((step, i) => this.#renderStep(step, i, of))}
        </ol>
      </div>`;
  }

  #renderStep(step: CheckoutStep, i: number, of: OrderForm): TemplateResult {
    const m = this.i18n.m;
    const name = m[step as 'profile'];
    const current = this.step === step;
    const done = this.done[step] && !current;
    return html`<li>
      <section
        part="step step-${step}"
        class=${current ? 'current' : done ? 'done' : 'todo'}
        aria-labelledby="h-${step}"
        aria-current=${current ? 'step' : nothing}
      >
        <div class="step-head">
          <h3 id="h-${step}" part="heading" tabindex="-1">
            <span class="visually-hidden">${m.stepOf(i + 1, STEPS.length)}</span> ${name}
          </h3>
          ${
            done && !this.#placing
              ? html`<button
                  type="button"
                  class="link"
                  part="edit"
                  aria-label=${m.editStep(name)}
                  @click=${() => this.#go(step)}
                >
                  ${m.edit}
                </button>`
              : nothing
          }
        </div>
        ${current ? this.#renderForm(step, of) : done ? html`<div part="summary" class="summary">${renderStepSummary(this, step, of)}</div>` : nothing}
      </section>
    </li>`;
  }

  #renderForm(step: CheckoutStep, of: OrderForm): TemplateResult {
    switch (step) {
      case 'profile':
        return renderProfile(this);
      case 'shipping':
        return this.#steps.value ? this.#steps.value.renderShipping(this, of) : this.#stepLoading();
      case 'payment':
        return this.#steps.value ? this.#steps.value.renderPayment(this, of) : this.#stepLoading();
      default:
        return this.#renderReview(of);
    }
  }

  #stepLoading(): TemplateResult {
    return stepLoading(this, this.#steps.failed, () =>
      this.#steps.with((m) => this.step === 'payment' && this.of && m.enterPayment(this, this.of)),
    );
  }

  #renderReview(of: OrderForm): TemplateResult {
    const m = this.i18n.m;
    return html`<div part="form">
      <p class="total">${m.total}: ${this.i18n.cents(this.total(of))}</p>
      <p class="notice changed" role="status">${this.totalNote}</p>
      <p id="form-error" class="error-text" part="form-error" role="alert">${this.formError}</p>
      <button
        type="button"
        class="button primary place"
        part="place-order"
        ?disabled=${this.busy}
        aria-describedby="form-error"
        @click=${this.#place}
      >
        ${this.busy ? m.placing : m.placeOrder}
      </button>
      ${this.busy ? html`<p class="visually-hidden" role="status">${m.placing}</p>` : nothing}
      ${stillTrying(this)}
    </div>`;
  }
}
