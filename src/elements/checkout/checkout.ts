import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {VtexError} from '../../client/errors.js';
import type {Address, OrderForm} from '../../client/types.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import type {CheckoutStep} from '../../events/vtex-checkout-step.js';
import {parseEstimate} from '../../i18n/format.js';
import {isPostalCode, postalFormat} from '../../internal/postal.js';
import {hostStyles} from '../../internal/styles.js';
import {VtexElement} from '../../internal/vtex-element.js';
import {checkoutMessages} from './checkout.messages.js';
import {styles} from './checkout.styles.js';
import {CODE_STEP, FIELD_STEP, profileDone, STEPS} from './steps.js';
import {confirmationOf, orderPlacedDetail, slaNames, type Confirmation} from './confirmation.js';
import {isCard, paymentOptions, systemForCard, type Installments, type PaymentOption} from './payment.js';
import {installmentsFor, lookupAddress, lookupProfile} from '../../state/checkout-actions.js';
import {
  placeOrder,
  PaymentDeclinedError,
  type CardData,
  type PaymentChoice,
} from '../../state/place-order.js';
import {
  addressErrors,
  addressFormat,
  AUTOCOMPLETE,
  countries,
  countryName,
  packages,
  shippingDone,
  undeliverable,
  unmasked,
  type AddressField,
  type Package,
} from './shipping.js';
import {
  cardBrand,
  cardErrors,
  digits,
  documentTypes,
  dueDate,
  formatCardNumber,
  formatExpiry,
  isEmail,
  profileErrors,
  type CardBrand,
} from './validators.js';

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

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #cart = new CartController(this);
  /** @internal */ readonly #i18n = new LocalizeController(this, checkoutMessages, {
    store: this.#store,
    cart: this.#cart,
  });

  /** Link to the shopper's order history (e.g. the page with `<vtex-order-history>`), shown on the confirmation. */
  @property({attribute: 'orders-url'}) ordersUrl?: string;

  @state() private step: CheckoutStep = 'profile';
  @state() private done: Partial<Record<CheckoutStep, boolean>> = {};
  @state() private errors: Readonly<Record<string, string>> = {};
  @state() private formError = '';
  @state() private notice = '';
  @state() private busy = false;
  @state() private paymentKey = '';
  @state() private installments: Installments = {status: 'idle', options: []};
  @state() private installmentCount = 1;
  @state() private brand?: CardBrand;
  @state() private heldCard?: {brand: string; last4: string};
  @state() private confirmation?: Confirmation;
  @state() private copied = false;
  /** The order summary, opened from its bar on narrow screens. */
  @state() private summaryOpen = false;
  /** Said on the review step when the total changed there (another tab, a price, a shipping quote). */
  @state() private totalNote = '';
  /** Placing found this cart already ordered (in a tab or on a device that did not tell this one). */
  @state() private ordered = false;

  /** Profile and address as typed (never card data). */
  #draft: Record<string, string> = {};
  /** The card, in memory only, until the order is placed or the shopper replaces it. */
  #card?: CardData & {system: number};
  #choice?: PaymentChoice & {name: string};
  #slaChoice = new Map<string, string>();
  #started = false;
  #placing = false;
  readonly #announced = new Set<string>();
  #aborts: AbortController[] = [];
  /** The total the shopper saw on the review step. */
  #reviewed?: number;
  /** The cart VTEX said was already ordered. */
  #orderedId?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const a of this.#aborts) a.abort();
    this.#aborts = [];
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const of = this.#cart.state?.orderForm;
    // A new cart with items: the note about the ordered one is old news.
    if (of?.items.length && of.orderFormId !== this.#orderedId) this.ordered = false;
    const total = this.step === 'review' && of?.items.length ? this.#total(of) : undefined;
    if (total === undefined) this.totalNote = '';
    else if (this.#reviewed !== undefined && total !== this.#reviewed)
      this.totalNote = this.#i18n.m.totalChanged(this.#i18n.cents(this.#reviewed), this.#i18n.cents(total));
    this.#reviewed = total;
    if (!of || this.#started || this.confirmation || !of.items.length) return;
    this.#started = true;
    const p = of.clientProfileData;
    const a = of.shippingData?.address;
    const d = this.#draft;
    d.email = unmasked(p?.email);
    d.firstName = unmasked(p?.firstName);
    d.lastName = unmasked(p?.lastName);
    d.document = unmasked(p?.document);
    d.documentType = p?.documentType ?? '';
    d.phone = unmasked(p?.phone);
    d.country = a?.country ?? '';
    for (const f of [
      'postalCode',
      'street',
      'number',
      'complement',
      'neighborhood',
      'city',
      'state',
      'receiverName',
    ] as const)
      d[f] = unmasked(a?.[f]);
    const profile = profileDone(of);
    this.done = {profile, shipping: profile && shippingDone(of)};
    this.step = !this.done.profile ? 'profile' : !this.done.shipping ? 'shipping' : 'payment';
    if (this.step === 'payment') this.#enterPayment(of);
    this.emit('vtex-checkout-step', {step: this.step, index: STEPS.indexOf(this.step)});
  }

  // ---------- helpers ----------

  /** What the shopper pays: the orderForm's value and the chosen installments' interest. */
  #total(of: OrderForm): number {
    return of.value + (this.#choice?.interest ?? 0);
  }

  get #of(): OrderForm | null {
    return this.#cart.state?.orderForm ?? null;
  }

  #country(): string {
    const of = this.#of;
    return (
      this.#draft.country ||
      of?.shippingData?.address?.country ||
      of?.storePreferencesData?.countryCode ||
      'BRA'
    ).toUpperCase();
  }

  #docTypes() {
    const of = this.#of;
    return documentTypes(of?.storePreferencesData?.currencyCode, of?.storePreferencesData?.countryCode);
  }

  /** A signal for a look-up, aborted when the element leaves the page. */
  #signal(): {signal: AbortSignal} {
    const a = new AbortController();
    this.#aborts.push(a);
    return {signal: a.signal};
  }

  async #go(step: CheckoutStep): Promise<void> {
    this.step = step;
    this.errors = {};
    this.formError = '';
    this.notice = '';
    if (step === 'payment' && this.#of) this.#enterPayment(this.#of);
    this.emit('vtex-checkout-step', {
      step,
      index: step === 'confirmation' ? STEPS.length : STEPS.indexOf(step),
    });
    await this.#focus(`#h-${step}`);
  }

  /** Moves focus, once rendered, to the first element `selector` matches. */
  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Forgets the card (it was in memory only). */
  #forgetCard(): void {
    this.#card = undefined;
    this.heldCard = undefined;
  }

  #next(after: CheckoutStep): CheckoutStep {
    const rest = STEPS.slice(STEPS.indexOf(after) + 1);
    return rest.find((s) => !this.done[s]) ?? 'review';
  }

  async #complete(step: CheckoutStep): Promise<void> {
    const done = {...this.done, [step]: true};
    if (step === 'shipping') done.payment = false; // the total may have changed
    this.done = done;
    await this.#go(this.#next(step));
  }

  /** Shows field errors and moves focus to the first invalid field. */
  async #invalid(errors: Record<string, string>, formError?: string): Promise<void> {
    this.errors = errors;
    this.formError = formError ?? this.#i18n.m.fixFields(Object.keys(errors).length);
    await this.#focus('[aria-invalid="true"]');
  }

  /** Maps a VTEX error to the step and field it concerns (e.g. ORD007 with `fields: {document}`). */
  async #serverError(error: unknown, operation: string): Promise<void> {
    this.emitError(operation, error);
    const m = this.#i18n.m;
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
            ? this.#draft.documentType === 'cpf' || this.#docTypes()[0] === 'cpf'
              ? m.cpfInvalid
              : m.documentInvalid
            : field === 'phone'
              ? m.phoneInvalid
              : field === 'postalCode'
                ? m.postalInvalid(postalFormat(this.#country()).example)
                : m.invalid;
      await this.#invalid({[field]: text});
      return;
    }
    if (e?.code === 'ORD022') this.formError = m.outdated;
    else if (target === 'shipping')
      this.formError = e?.code === 'CHK0257' || e?.code === 'CHK0171' ? m.chooseSla : m.noDelivery;
    else if (this.step === 'review') {
      // One sentence: the specific reason when there is one, else "we could not place your order".
      const reason = this.#i18n.error(e);
      this.formError = reason === this.#i18n.error(undefined) ? m.placeError : reason;
    } else this.formError = this.#i18n.error(e);
  }

  #onDraft = (e: Event): void => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    this.#draft[input.name] = input.value;
    if (this.errors[input.name]) this.#clearError(input.name);
  };

  // ---------- 1. identification ----------

  #lookupProfile = async (): Promise<void> => {
    const email = (this.#draft.email ?? '').trim();
    const client = this.#store.client;
    if (!client || !isEmail(email)) return;
    try {
      const found = await lookupProfile(client, email, this.#signal());
      const p = found.userProfile;
      if (!p || this.step !== 'profile') return;
      const d = this.#draft;
      for (const f of ['firstName', 'lastName', 'document', 'phone', 'documentType'] as const) {
        const v = unmasked(p[f] as string | null | undefined);
        if (v && !d[f]) d[f] = v;
      }
      if (found.isComplete) this.notice = this.#i18n.m.welcomeBack;
      this.requestUpdate();
    } catch {
      // A lookup is a convenience: the shopper types the data.
    }
  };

  #submitProfile = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const cart = this.#cart.store;
    if (!cart || this.busy) return;
    const m = this.#i18n.m;
    const v = formValues(e.target as HTMLFormElement);
    const type = v.documentType || this.#docTypes()[0]!;
    const errors = profileErrors(v, type, m);
    if (Object.keys(errors).length) return this.#invalid(errors);
    this.busy = true;
    try {
      await cart.attachClientProfile({
        email: v.email,
        firstName: v.firstName,
        lastName: v.lastName,
        documentType: type,
        document: type === 'cpf' ? digits(v.document) : v.document,
        phone: v.phone,
      });
      this.#draft.receiverName ||= `${v.firstName} ${v.lastName}`;
      await this.#complete('profile');
    } catch (error) {
      await this.#serverError(error, 'attachClientProfile');
    } finally {
      this.busy = false;
    }
  };

  // ---------- 2. shipping ----------

  #address(country: string) {
    const d = this.#draft;
    const v = (f: AddressField) => (d[f] ?? '').trim() || null;
    return {
      addressType: 'residential',
      receiverName: v('receiverName'),
      postalCode: (d.postalCode ?? '').trim(),
      country,
      street: v('street'),
      number: v('number'),
      complement: v('complement'),
      neighborhood: v('neighborhood'),
      city: v('city'),
      state: v('state'),
    };
  }

  #lookupPostal = async (): Promise<void> => {
    const cart = this.#cart.store;
    const client = this.#store.client;
    const country = this.#country();
    const code = (this.#draft.postalCode ?? '').trim();
    if (!cart || !client || this.busy) return;
    if (!isPostalCode(country, code))
      return this.#invalid({postalCode: this.#i18n.m.postalInvalid(postalFormat(country).example)});
    this.#clearError('postalCode');
    this.notice = '';
    this.busy = true;
    const m = this.#i18n.m;
    try {
      let found = true;
      try {
        const a = await lookupAddress(client, country, code, this.#signal());
        const d = this.#draft;
        for (const f of ['street', 'neighborhood', 'city', 'state'] as const) if (a[f]) d[f] = a[f];
      } catch {
        found = false;
      }
      const of = await cart.attachShippingData({
        clearAddressIfPostalCodeNotFound: false,
        selectedAddresses: [this.#address(country)],
      });
      // The fields and the delivery options change silently: say what the lookup found.
      const options = packages(of).reduce((n, p) => n + p.slas.length, 0);
      this.formError = '';
      this.notice = !found ? m.postalNotFound : options ? m.addressFound(options) : '';
    } catch (error) {
      await this.#serverError(error, 'attachShippingData');
    } finally {
      this.busy = false;
    }
  };

  #onPostalKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void this.#lookupPostal();
  };

  #submitShipping = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const cart = this.#cart.store;
    let of = this.#of;
    if (!cart || !of || this.busy) return;
    const m = this.#i18n.m;
    const country = this.#country();
    const errors = addressErrors(this.#draft, country, m);
    if (Object.keys(errors).length) return this.#invalid(errors);
    this.busy = true;
    try {
      const attached = of.shippingData?.address;
      const address = this.#address(country);
      const samePlace =
        digits(attached?.postalCode ?? '') === digits(address.postalCode) && attached?.country === country;
      if (!samePlace || !packages(of).length) {
        of = await cart.attachShippingData({
          clearAddressIfPostalCodeNotFound: false,
          selectedAddresses: [address],
        });
        if (packages(of).length && !undeliverable(of).length) {
          // New options: let the shopper choose before going on.
          this.busy = false;
          await this.#focus('[part~="package"] legend');
          return;
        }
      }
      const pkgs = packages(of);
      if (!pkgs.length || undeliverable(of).length) {
        this.busy = false;
        return this.#invalid({postalCode: m.noDelivery}, m.noDelivery);
      }
      const logisticsInfo = pkgs.flatMap((p) => {
        const sla = this.#chosenSla(p);
        return p.items.map((itemIndex) => ({
          itemIndex,
          selectedSla: sla.id,
          selectedDeliveryChannel: sla.deliveryChannel,
        }));
      });
      of = await cart.attachShippingData({selectedAddresses: [address], logisticsInfo});
      if (!shippingDone(of)) {
        this.formError = m.chooseSla;
        return;
      }
      await this.#complete('shipping');
    } catch (error) {
      await this.#serverError(error, 'attachShippingData');
    } finally {
      this.busy = false;
    }
  };

  #packageKey = (p: Package): string => p.items.join(',');

  #chosenSla(p: Package) {
    const id = this.#slaChoice.get(this.#packageKey(p)) ?? p.selected;
    const delivery = p.slas
      .filter((s) => s.deliveryChannel !== 'pickup-in-point')
      .sort((a, b) => a.price - b.price);
    return p.slas.find((s) => s.id === id) ?? delivery[0] ?? p.slas[0]!;
  }

  // ---------- 3. payment ----------

  #options(): PaymentOption[] {
    return paymentOptions(this.#of?.paymentData?.paymentSystems ?? []);
  }

  #option(): PaymentOption | undefined {
    return this.#options().find((o) => o.key === this.paymentKey);
  }

  #enterPayment(of: OrderForm): void {
    const options = paymentOptions(of.paymentData?.paymentSystems ?? []);
    if (!options.some((o) => o.key === this.paymentKey)) {
      const current = of.paymentData?.payments?.[0]?.paymentSystem;
      this.paymentKey =
        (options.find((o) => o.systems.some((s) => String(s.id) === String(current))) ?? options[0])?.key ??
        '';
    }
    const option = options.find((o) => o.key === this.paymentKey);
    const system = this.#card?.system ?? option?.systems[0]?.id;
    if (system !== undefined) void this.#loadInstallments(system);
  }

  async #loadInstallments(system: number): Promise<void> {
    const of = this.#of;
    const client = this.#store.client;
    if (!of || !client) return;
    if (this.installments.system === system && this.installments.status !== 'error') return;
    this.installments = {status: 'loading', system, options: this.installments.options};
    try {
      const options = await installmentsFor(client, of, system, this.#signal());
      if (this.installments.system !== system) return;
      this.installments = {status: 'ready', system, options};
    } catch {
      if (this.installments.system !== system) return;
      this.installments = {status: 'error', system, options: []};
    }
    if (!this.installments.options.some((o) => o.count === this.installmentCount)) this.installmentCount = 1;
  }

  #selectPayment(option: PaymentOption): void {
    this.paymentKey = option.key;
    this.formError = '';
    void this.#loadInstallments(this.#card?.system ?? option.systems[0]!.id);
  }

  #onCardNumber = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const formatted = formatCardNumber(input.value);
    if (formatted !== input.value) input.value = formatted;
    this.brand = cardBrand(input.value);
    const option = this.#option();
    const system = option && systemForCard(option, input.value);
    if (system) void this.#loadInstallments(system.id);
    if (this.errors.cardNumber) this.#clearError('cardNumber');
  };

  #onExpiry = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const formatted = formatExpiry(input.value);
    if (formatted !== input.value) input.value = formatted;
    if (this.errors.expiry) this.#clearError('expiry');
  };

  #clearError(name: string): void {
    const {[name]: _gone, ...rest} = this.errors;
    this.errors = rest;
  }

  #useAnotherCard = async (): Promise<void> => {
    this.#forgetCard();
    await this.#focus('#cardNumber');
  };

  #submitPayment = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const cart = this.#cart.store;
    const of = this.#of;
    const form = e.target as HTMLFormElement;
    if (!cart || !of || this.busy) return;
    const m = this.#i18n.m;
    const option = this.#option();
    if (!option) {
      this.formError = m.choosePayment;
      await this.#focus('input[name="payment"]');
      return;
    }
    let system = option.systems[0]!;
    let card: (CardData & {system: number}) | undefined;
    if (isCard(option) && this.#card) {
      system = option.systems.find((s) => s.id === this.#card!.system) ?? system;
      card = this.#card;
    } else if (isCard(option)) {
      const el = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
      const number = el('cardNumber').value;
      const holder = el('holderName').value.trim();
      const expiry = el('expiry').value;
      const cvv = el('cvv').value.trim();
      const found = systemForCard(option, number);
      const errors = cardErrors(number, holder, expiry, cvv, Boolean(found), m);
      if (Object.keys(errors).length) return this.#invalid(errors);
      system = found!;
      card = {
        holderName: holder,
        cardNumber: digits(number),
        validationCode: cvv,
        dueDate: dueDate(expiry),
        system: system.id,
      };
    }
    this.busy = true;
    try {
      if (this.installments.system !== system.id || this.installments.status === 'loading') {
        this.installments = {status: 'idle', options: []};
        await this.#loadInstallments(system.id);
      }
      const opt =
        this.installments.options.find((o) => o.count === this.installmentCount) ??
        this.installments.options.find((o) => o.count === 1);
      const count = opt?.count ?? 1;
      const interest = opt?.hasInterestRate ? Math.max(0, opt.total - of.value) : 0;
      const total = of.value + interest;
      await cart.attachPaymentData({
        payments: [
          {
            paymentSystem: system.id,
            installments: count,
            value: total,
            referenceValue: of.value,
            installmentsInterestRate: opt?.interestRate ?? 0,
            installmentsValue: opt?.value ?? total,
            group: system.groupName,
            hasDefaultBillingAddress: true,
          },
        ],
      });
      this.#choice = {
        paymentSystem: system.id,
        group: system.groupName,
        installments: count,
        interest,
        name: system.name,
      };
      if (card) {
        this.#card = card;
        this.heldCard = {brand: system.name, last4: card.cardNumber.slice(-4)};
        // The card is in memory now: nothing of it stays in the page.
        for (const name of ['cardNumber', 'holderName', 'expiry', 'cvv']) {
          const input = form.elements.namedItem(name) as HTMLInputElement | null;
          if (input) input.value = '';
        }
      } else this.#forgetCard();
      await this.#complete('payment');
    } catch (error) {
      await this.#serverError(error, 'attachPaymentData');
    } finally {
      this.busy = false;
    }
  };

  // ---------- 4. place ----------

  #place = async (): Promise<void> => {
    const cart = this.#cart.store;
    const choice = this.#choice;
    if (this.#placing || !cart) return;
    if (!choice) return void this.#go('payment');
    this.#placing = true;
    this.busy = true;
    this.formError = '';
    const card = this.#card;
    try {
      const result = await placeOrder(cart, {
        ...choice,
        card: card && {
          holderName: card.holderName,
          cardNumber: card.cardNumber,
          validationCode: card.validationCode,
          dueDate: card.dueDate,
        },
      });
      this.#forgetCard();
      this.confirmation = confirmationOf(result, choice);
      if (!this.#announced.has(result.placed.orderGroup)) {
        this.#announced.add(result.placed.orderGroup);
        this.emit('vtex-order-placed', orderPlacedDetail(this.confirmation, result.orderForm, choice));
      }
      await this.#go('confirmation');
      cart.startNewCart().catch((error: unknown) => this.emitError('startNewCart', error));
    } catch (error) {
      if (error instanceof PaymentDeclinedError) {
        this.emitError('placeOrder', error);
        this.#forgetCard();
        this.brand = undefined;
        this.done = {...this.done, payment: false};
        await this.#go('payment');
        this.formError = this.#i18n.m.declined;
      } else if (error instanceof VtexError && error.code === 'ORD002') {
        // VTEX no longer knows this cart: it became an order elsewhere. Say so, and start a new cart; a retry
        // over the old items could never succeed.
        this.ordered = true;
        this.#orderedId = this.#of?.orderFormId;
        this.emitError('placeOrder', error);
        await cart.startNewCart().catch(() => cart.load({force: true}).catch(() => undefined));
      } else {
        await this.#serverError(error, 'placeOrder');
      }
    } finally {
      this.#placing = false;
      this.busy = false;
    }
  };

  #copyPix = async (code: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code);
      this.copied = true;
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#pix-code')?.select();
    }
  };

  // ---------- render ----------

  override render(): TemplateResult {
    const {m, common} = this.#i18n;
    const title = html`<h2 part="title" class="title">${m.title}</h2>`;
    if (this.confirmation) return html`${title}${this.#renderConfirmation(this.confirmation)}`;
    const s = this.#cart.state;
    const of = s?.orderForm;
    if (!of) {
      if (s?.status === 'error') {
        return html`${title}
          <div class="state" part="error" role="alert">
            <p class="error-text">${m.loadError} ${this.#i18n.error(s.error?.error)}</p>
            <button
              type="button"
              class="button"
              @click=${() => this.#cart.store?.load().catch(() => undefined)}
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
    const elsewhere = this.#cart.state?.placedElsewhere;
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
        ${this.#renderOrderSummary(of)}
        <ol class="steps">
          ${STEPS.map((step, i) => this.#renderStep(step, i, of))}
        </ol>
      </div>`;
  }

  /**
   * What the shopper is buying, beside the steps and live with the cart (another tab's change shows here): each
   * item, the totals and the total. On narrow screens a bar ("Order summary · R$ 69,90") that opens.
   */
  #renderOrderSummary(of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
    const cents = (v: number) => this.#i18n.cents(v);
    const interest = this.#choice?.interest ?? 0;
    const label: Record<string, string> = {
      Items: m.subtotal,
      Discounts: m.discounts,
      Shipping: m.shippingTotal,
      Tax: m.tax,
    };
    const row = (name: string, value: number, cls?: string) =>
      html`<div class=${cls ?? nothing}>
        <dt>${name}</dt>
        <dd>${cents(value)}</dd>
      </div>`;
    return html`<aside
      class="order-summary ${this.summaryOpen ? 'open' : ''}"
      part="order-summary"
      aria-labelledby="h-sum"
    >
      <h3 id="h-sum" class="sum-head">${m.orderSummary}</h3>
      <button
        type="button"
        class="sum-bar"
        part="summary-toggle"
        aria-expanded=${this.summaryOpen ? 'true' : 'false'}
        aria-controls="sum-body"
        @click=${() => (this.summaryOpen = !this.summaryOpen)}
      >
        <span>${m.orderSummary}</span> <span>${cents(this.#total(of))}</span>
      </button>
      <div id="sum-body" class="sum-body">
        <ul class="items" part="summary-items">
          ${of.items.map(
            (i) =>
              html`<li>
                ${i.imageUrl ? html`<img src=${i.imageUrl} alt="" width="48" height="48" loading="lazy" />` : nothing}
                <span>${m.itemLine(i.quantity, i.name)}</span>
                <span>${cents(i.priceDefinition?.total ?? i.sellingPrice * i.quantity)}</span>
              </li>`,
          )}
        </ul>
        <dl part="totals" class="totals">
          ${of.totalizers
            .filter((t) => t.value !== 0 || t.id === 'Shipping')
            .map((t) => row(label[t.id] ?? t.name, t.value))}
          ${interest ? row(m.interest, interest) : nothing} ${row(m.total, this.#total(of), 'total')}
        </dl>
      </div>
    </aside>`;
  }

  #renderStep(step: CheckoutStep, i: number, of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
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
        ${current ? this.#renderForm(step, of) : done ? html`<div part="summary" class="summary">${this.#renderSummary(step, of)}</div>` : nothing}
      </section>
    </li>`;
  }

  #renderForm(step: CheckoutStep, of: OrderForm): TemplateResult {
    switch (step) {
      case 'profile':
        return this.#renderProfile();
      case 'shipping':
        return this.#renderShipping(of);
      case 'payment':
        return this.#renderPayment(of);
      default:
        return this.#renderReview(of);
    }
  }

  #field(
    name: string,
    label: string,
    o: {
      type?: string;
      autocomplete?: string;
      inputmode?: string;
      required?: boolean;
      card?: boolean;
      placeholder?: string;
      onInput?: (e: Event) => void;
      onChange?: () => void;
      onKey?: (e: KeyboardEvent) => void;
    } = {},
  ): TemplateResult {
    const error = this.errors[name];
    return html`<div class="field" part="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${o.type ?? 'text'}
        autocomplete=${o.autocomplete ?? 'off'}
        inputmode=${o.inputmode ?? nothing}
        placeholder=${o.placeholder ?? nothing}
        ?required=${o.required !== false}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${name}-error"
        .value=${o.card ? '' : (this.#draft[name] ?? '')}
        @input=${o.onInput ?? (o.card ? () => this.#clearError(name) : this.#onDraft)}
        @change=${o.onChange ?? nothing}
        @keydown=${o.onKey ?? nothing}
      />
      <p id="${name}-error" class="error-text field-error" part="field-error">${error ?? ''}</p>
    </div>`;
  }

  #actions(label = this.#i18n.m.continue): TemplateResult {
    return html`<p id="form-error" class="error-text" part="form-error" role="alert">${this.formError}</p>
      <button class="button primary" part="continue" ?disabled=${this.busy}>
        ${this.busy ? this.#i18n.m.saving : label}
      </button>
      ${this.#stillTrying()}`;
  }

  /** Said when the store has kept a change of this checkout waiting for a few seconds (the cart's `slow`). */
  #stillTrying() {
    return this.busy && this.#cart.state?.slow
      ? html`<p class="muted" part="still-trying" role="status">${this.#i18n.common.stillTrying}</p>`
      : nothing;
  }

  #renderProfile(): TemplateResult {
    const m = this.#i18n.m;
    const types = this.#docTypes();
    const type = (types.find((t) => t === this.#draft.documentType) ?? types[0])!;
    return html`<form part="form" novalidate @submit=${this.#submitProfile}>
      <fieldset>
        <legend class="visually-hidden">${m.profile}</legend>
        ${this.#field('email', m.email, {type: 'email', autocomplete: 'email', onChange: this.#lookupProfile})}
        <p class="notice" role="status">${this.notice}</p>
        <div class="row">
          ${this.#field('firstName', m.firstName, {autocomplete: 'given-name'})}
          ${this.#field('lastName', m.lastName, {autocomplete: 'family-name'})}
        </div>
        <div class="row">
          ${
            types.length > 1
              ? html`<div class="field" part="field">
                  <label for="documentType">${m.documentType}</label>
                  <select id="documentType" name="documentType" @change=${this.#onDraft}>
                    ${types.map((t) => html`<option value=${t} ?selected=${t === type}>${m[t]}</option>`)}
                  </select>
                </div>`
              : nothing
          }
          ${this.#field('document', m[type], {inputmode: type === 'cpf' ? 'numeric' : undefined, autocomplete: 'off'})}
          ${this.#field('phone', m.phone, {type: 'tel', autocomplete: 'tel'})}
        </div>
      </fieldset>
      ${this.#actions()}
    </form>`;
  }

  #renderShipping(of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
    const country = this.#country();
    const format = addressFormat(country);
    const list = countries(of);
    const pkgs = packages(of);
    const attached = Boolean(of.shippingData?.address?.postalCode);
    return html`<form part="form" novalidate @submit=${this.#submitShipping}>
      <fieldset>
        <legend>${m.address}</legend>
        ${
          list.length > 1
            ? html`<div class="field" part="field">
                <label for="country">${m.country}</label>
                <select id="country" name="country" autocomplete="country" @change=${this.#onDraft}>
                  ${list.map((c) => html`<option value=${c} ?selected=${c === country}>${countryName(c, this.#i18n.locale)}</option>`)}
                </select>
              </div>`
            : nothing
        }
        <div class="row postal">
          ${this.#field('postalCode', m.postalCode, {autocomplete: AUTOCOMPLETE.postalCode, placeholder: postalFormat(country).example, onChange: this.#lookupPostal, onKey: this.#onPostalKey})}
          <button
            type="button"
            class="button"
            @click=${this.#lookupPostal}
            aria-disabled=${this.busy ? 'true' : 'false'}
          >
            ${m.findAddress}
          </button>
        </div>
        <p class="notice" role="status">${this.notice}</p>
        <div class="grid">
          ${format.fields
            .filter((f) => f !== 'postalCode')
            .map((f) =>
              this.#field(f, m[f], {
                autocomplete: AUTOCOMPLETE[f],
                required: !format.optional.includes(f),
              }),
            )}
        </div>
      </fieldset>
      ${
        pkgs.length
          ? pkgs.map((p, i) => this.#renderPackage(p, i, pkgs.length, of))
          : html`<p class=${attached ? 'error-text' : 'muted'} role="status">
              ${attached ? m.noDelivery : m.enterPostal}
            </p>`
      }
      ${this.#actions()}
    </form>`;
  }

  #renderPackage(p: Package, i: number, count: number, of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
    const chosen = this.#chosenSla(p).id;
    const names = p.items.map((idx) => of.items[idx]?.name ?? '').join(', ');
    const key = this.#packageKey(p);
    return html`<fieldset part="package" class="options">
      <legend tabindex="-1">${count > 1 ? m.packageOf(i + 1, names) : m.deliveryOptions}</legend>
      ${p.slas.map((sla) => {
        const eta = parseEstimate(sla.shippingEstimate);
        const store = sla.pickupStoreInfo;
        return html`<label part="option" class="option">
          <input
            type="radio"
            name="sla-${key}"
            value=${sla.id}
            .checked=${sla.id === chosen}
            @change=${() => {
              this.#slaChoice.set(key, sla.id);
              this.requestUpdate();
            }}
          />
          <span class="option-body">
            <span class="option-name"
              >${sla.deliveryChannel === 'pickup-in-point' ? html`${m.pickup}: ${store?.friendlyName ?? sla.name}` : sla.name}</span
            >
            <span>${sla.price ? this.#i18n.cents(sla.price) : m.free}</span>
            <span class="muted">${eta ? this.#i18n.common.eta(eta.n, eta.unit) : sla.shippingEstimate}</span>
            ${store?.address ? html`<span class="muted">${[store.address.street, store.address.number, store.address.city].filter(Boolean).join(', ')}</span>` : nothing}
          </span>
        </label>`;
      })}
    </fieldset>`;
  }

  #renderPayment(of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
    const options = this.#options();
    const option = this.#option();
    return html`<form part="form" novalidate @submit=${this.#submitPayment}>
      <fieldset class="options">
        <legend>${m.paymentMethod}</legend>
        ${options.map(
          (o) =>
            html`<label part="option" class="option">
              <input
                type="radio"
                name="payment"
                value=${o.key}
                .checked=${o.key === this.paymentKey}
                @change=${() => this.#selectPayment(o)}
              />
              <span class="option-name">${o.kind === 'other' ? o.systems[0]!.name : m[o.kind]}</span>
            </label>`,
        )}
      </fieldset>
      ${isCard(option) ? this.#renderCard(of) : option?.kind === 'pix' ? html`<p class="muted">${m.pixInfo}</p>` : option?.kind === 'boleto' ? html`<p class="muted">${m.boletoInfo}</p>` : nothing}
      ${this.#actions()}
    </form>`;
  }

  #renderCard(of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
    const inst = this.installments;
    const cardFields = this.heldCard
      ? html`<p class="held">
          ${m.cardEnding(this.heldCard.brand, this.heldCard.last4)}
          <button type="button" class="link" @click=${this.#useAnotherCard}>${m.useAnotherCard}</button>
        </p>`
      : html`${this.#field('cardNumber', m.cardNumber, {autocomplete: 'cc-number', inputmode: 'numeric', card: true, onInput: this.#onCardNumber})}
          <p class="muted brand" aria-live="polite">${this.brand ? m.brand(this.brand) : ''}</p>
          ${this.#field('holderName', m.holderName, {autocomplete: 'cc-name', card: true})}
          <div class="row">
            ${this.#field('expiry', m.expiry, {autocomplete: 'cc-exp', inputmode: 'numeric', placeholder: m.expiryPlaceholder, card: true, onInput: this.#onExpiry})}
            ${this.#field('cvv', m.cvv, {autocomplete: 'cc-csc', inputmode: 'numeric', card: true})}
          </div>
          <p class="muted">${m.cardPrivacy}</p>`;
    return html`<fieldset part="card">
      <legend class="visually-hidden">${m.creditCard}</legend>
      ${cardFields}
      <div class="field" part="field">
        <label for="installments">${m.installments}</label>
        <select
          id="installments"
          name="installments"
          part="installments"
          aria-busy=${inst.status === 'loading' ? 'true' : 'false'}
          @change=${(e: Event) => (this.installmentCount = Number((e.target as HTMLSelectElement).value))}
        >
          ${
            inst.options.length
              ? inst.options.map(
                  (o) =>
                    html`<option value=${o.count} ?selected=${o.count === this.installmentCount}>
                      ${m.installment(o.count, this.#i18n.cents(o.value))} —
                      ${o.hasInterestRate ? m.withInterest(String(o.interestRate), this.#i18n.cents(o.total)) : m.interestFree}
                    </option>`,
                )
              : html`<option value="1">
                  ${inst.status === 'loading' ? m.installmentsLoading : m.installment(1, this.#i18n.cents(of.value))}
                </option>`
          }
        </select>
      </div>
    </fieldset>`;
  }

  #renderSummary(step: CheckoutStep, of: OrderForm): TemplateResult | typeof nothing {
    const m = this.#i18n.m;
    if (step === 'profile') {
      const p = of.clientProfileData;
      return html`<p>${p?.firstName} ${p?.lastName}</p>
        <p>${p?.email}</p>
        <p class="muted">${p?.document} · ${p?.phone}</p>`;
    }
    if (step === 'shipping') {
      const a = of.shippingData?.address;
      return html`${addressLines(a)}
        <p class="muted">${slaNames(of).join(' · ')}</p>`;
    }
    if (step === 'payment' && this.#choice) {
      return html`<p>
          ${this.heldCard ? m.cardEnding(this.heldCard.brand, this.heldCard.last4) : this.#choice.name}
        </p>
        <p class="muted">${m.paymentSummary(this.#choice.name, this.#choice.installments)}</p>`;
    }
    return nothing;
  }

  #renderReview(of: OrderForm): TemplateResult {
    const m = this.#i18n.m;
    return html`<div part="form">
      <p class="total">${m.total}: ${this.#i18n.cents(this.#total(of))}</p>
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
      ${this.#stillTrying()}
    </div>`;
  }

  #renderConfirmation(c: Confirmation): TemplateResult {
    const m = this.#i18n.m;
    const cents = (v: number) => this.#i18n.cents(v, c.currency);
    return html`<section part="confirmation" class="confirmation" aria-labelledby="h-confirmation">
      <h3 id="h-confirmation" tabindex="-1">${m.thanks}</h3>
      <dl class="facts">
        <div>
          <dt>${m.orderNumber}</dt>
          <dd>${c.orderGroup}</dd>
        </div>
        <div>
          <dt>${m.orders}</dt>
          <dd>${c.orderIds.join(', ')}</dd>
        </div>
      </dl>
      ${
        c.pix
          ? html`<div part="pix" class="pix">
              <h4>${m.pixTitle}</h4>
              ${c.pix.qr ? html`<img src=${c.pix.qr} alt="" width="200" height="200" />` : nothing}
              <label for="pix-code">${m.pixCode}</label>
              <div class="row">
                <input id="pix-code" readonly .value=${c.pix.code} />
                <button type="button" class="button" @click=${() => this.#copyPix(c.pix!.code)}>
                  ${m.copyCode}
                </button>
              </div>
              <p role="status">${this.copied ? m.copied : ''}</p>
              ${c.pix.expiresAt ? html`<p>${m.payBefore(this.#i18n.date(c.pix.expiresAt, {dateStyle: 'short', timeStyle: 'short'}))}</p>` : nothing}
            </div>`
          : nothing
      }
      ${
        c.redirectUrl
          ? html`<p>${c.pix ? nothing : m.redirectInfo}</p>
              <p>
                <a class="button" href=${c.redirectUrl} target="_blank" rel="noopener">${m.openPayment}</a>
              </p>`
          : nothing
      }
      ${c.kind === 'boleto' ? html`<p>${m.boletoPending}</p>` : nothing}
      <h4>${m.items}</h4>
      <ul class="items">
        ${c.items.map((i) => html`<li><span>${m.itemLine(i.quantity, i.name)}</span><span>${cents(i.total)}</span></li>`)}
      </ul>
      <h4>${m.address}</h4>
      ${addressLines(c.address)}
      <p class="muted">${c.slaNames.join(' · ')}</p>
      <h4>${m.payment}</h4>
      <p>${m.paymentSummary(c.paymentName, c.installments)}</p>
      <p class="total"><span>${m.total}</span> <strong>${cents(c.value)}</strong></p>
      ${this.ordersUrl ? html`<p><a part="orders-link" href=${this.ordersUrl}>${m.ordersLink}</a></p>` : nothing}
    </section>`;
  }
}

function addressLines(a: Address | null | undefined): TemplateResult {
  if (!a) return html``;
  return html`<p>${[a.street, a.number, a.complement].filter(Boolean).join(', ')}</p>
    <p>${[a.neighborhood, a.city, a.state].filter(Boolean).join(', ')} ${a.postalCode}</p>`;
}

/** A form's text values, trimmed (card fields are read by name where needed, never through this). */
function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}
