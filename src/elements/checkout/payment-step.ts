/** Step 3, payment: the store's payment options, a card form (kept in memory only) and installments. */
import {html, nothing, type TemplateResult} from 'lit';
import type {OrderForm} from '../../client/types.js';
import {installmentsFor} from '../../state/checkout-actions.js';
import type {CardData} from '../../state/place-order.js';
import type {VtexCheckout} from './checkout.js';
import {actions, field} from './form.js';
import {isCard, paymentOptions, systemForCard, type PaymentOption} from './payment.js';
import {cardBrand, cardErrors, dueDate, formatCardNumber, formatExpiry} from './card.js';
import {digits} from './validators.js';

const options = (h: VtexCheckout): PaymentOption[] => paymentOptions(h.of?.paymentData?.paymentSystems ?? []);

const chosen = (h: VtexCheckout): PaymentOption | undefined => options(h).find((o) => o.key === h.paymentKey);

/** Opening the payment step: the cart's payment (else the first option) is chosen and its installments load. */
export function enterPayment(h: VtexCheckout, of: OrderForm): void {
  const list = paymentOptions(of.paymentData?.paymentSystems ?? []);
  if (!list.some((o) => o.key === h.paymentKey)) {
    const current = of.paymentData?.payments?.[0]?.paymentSystem;
    h.paymentKey =
      (list.find((o) => o.systems.some((s) => String(s.id) === String(current))) ?? list[0])?.key ?? '';
  }
  const option = list.find((o) => o.key === h.paymentKey);
  const system = h.cardSystem ?? option?.systems[0]?.id;
  if (system !== undefined) void loadInstallments(h, system);
}

async function loadInstallments(h: VtexCheckout, system: number): Promise<void> {
  const of = h.of;
  const client = h.store.client;
  if (!of || !client) return;
  if (h.installments.system === system && h.installments.status !== 'error') return;
  h.installments = {status: 'loading', system, options: h.installments.options};
  try {
    const options = await installmentsFor(client, of, system, h.signal());
    if (h.installments.system !== system) return;
    h.installments = {status: 'ready', system, options};
  } catch {
    if (h.installments.system !== system) return;
    h.installments = {status: 'error', system, options: []};
  }
  if (!h.installments.options.some((o) => o.count === h.installmentCount)) h.installmentCount = 1;
}

function select(h: VtexCheckout, option: PaymentOption): void {
  h.paymentKey = option.key;
  h.formError = '';
  void loadInstallments(h, h.cardSystem ?? option.systems[0]!.id);
}

function onCardNumber(h: VtexCheckout, e: Event): void {
  const input = e.target as HTMLInputElement;
  const formatted = formatCardNumber(input.value);
  if (formatted !== input.value) input.value = formatted;
  h.brand = cardBrand(input.value);
  const option = chosen(h);
  const system = option && systemForCard(option, input.value);
  if (system) void loadInstallments(h, system.id);
  if (h.errors.cardNumber) h.clearError('cardNumber');
}

function onExpiry(h: VtexCheckout, e: Event): void {
  const input = e.target as HTMLInputElement;
  const formatted = formatExpiry(input.value);
  if (formatted !== input.value) input.value = formatted;
  if (h.errors.expiry) h.clearError('expiry');
}

async function submit(h: VtexCheckout, e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const cart = h.cart.store;
  const of = h.of;
  const form = e.target as HTMLFormElement;
  if (!cart || !of || h.busy) return;
  const m = h.i18n.m;
  const option = chosen(h);
  if (!option) {
    h.formError = m.choosePayment;
    await h.focusOn('input[name="payment"]');
    return;
  }
  let system = option.systems[0]!;
  /** A card typed now; `held`: the one in memory is paid with again. */
  let card: (CardData & {system: number}) | undefined;
  const held = isCard(option) && h.cardSystem !== undefined;
  if (held) {
    system = option.systems.find((s) => s.id === h.cardSystem) ?? system;
  } else if (isCard(option)) {
    const el = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const number = el('cardNumber').value;
    const holder = el('holderName').value.trim();
    const expiry = el('expiry').value;
    const cvv = el('cvv').value.trim();
    const found = systemForCard(option, number);
    const errors = cardErrors(number, holder, expiry, cvv, Boolean(found), m);
    if (Object.keys(errors).length) return h.invalid(errors);
    system = found!;
    card = {
      holderName: holder,
      cardNumber: digits(number),
      validationCode: cvv,
      dueDate: dueDate(expiry),
      system: system.id,
    };
  }
  h.busy = true;
  try {
    if (h.installments.system !== system.id || h.installments.status === 'loading') {
      h.installments = {status: 'idle', options: []};
      await loadInstallments(h, system.id);
    }
    const opt =
      h.installments.options.find((o) => o.count === h.installmentCount) ??
      h.installments.options.find((o) => o.count === 1);
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
    h.choice = {
      paymentSystem: system.id,
      group: system.groupName,
      installments: count,
      interest,
      name: system.name,
    };
    if (card || held) {
      h.holdCard(card, system.name);
      // The card is in memory now: nothing of it stays in the page.
      for (const name of ['cardNumber', 'holderName', 'expiry', 'cvv']) {
        const input = form.elements.namedItem(name) as HTMLInputElement | null;
        if (input) input.value = '';
      }
    } else h.forgetCard();
    await h.complete('payment');
  } catch (error) {
    await h.serverError(error, 'attachPaymentData');
  } finally {
    h.busy = false;
  }
}

export function renderPayment(h: VtexCheckout, of: OrderForm): TemplateResult {
  const m = h.i18n.m;
  const option = chosen(h);
  return html`<form part="form" novalidate @submit=${(e: SubmitEvent) => submit(h, e)}>
    <fieldset class="options">
      <legend>${m.paymentMethod}</legend>
      ${options(h).map(
        (o) =>
          html`<label part="option" class="option">
            <input
              type="radio"
              name="payment"
              value=${o.key}
              .checked=${o.key === h.paymentKey}
              @change=${() => select(h, o)}
            />
            <span class="option-name">${o.kind === 'other' ? o.systems[0]!.name : m[o.kind]}</span>
          </label>`,
      )}
    </fieldset>
    ${isCard(option) ? renderCard(h, of) : option?.kind === 'pix' ? html`<p class="muted">${m.pixInfo}</p>` : option?.kind === 'boleto' ? html`<p class="muted">${m.boletoInfo}</p>` : nothing}
    ${actions(h)}
  </form>`;
}

function renderCard(h: VtexCheckout, of: OrderForm): TemplateResult {
  const m = h.i18n.m;
  const inst = h.installments;
  const held = h.heldCard;
  const cardFields = held
    ? html`<p class="held">
        ${m.cardEnding(held.brand, held.last4)}
        <button
          type="button"
          class="link"
          @click=${() => {
            h.forgetCard();
            void h.focusOn('#cardNumber');
          }}
        >
          ${m.useAnotherCard}
        </button>
      </p>`
    : html`${field(h, 'cardNumber', m.cardNumber, {autocomplete: 'cc-number', inputmode: 'numeric', card: true, onInput: (e) => onCardNumber(h, e)})}
        <p class="muted brand" aria-live="polite">${h.brand ? m.brand(h.brand) : ''}</p>
        ${field(h, 'holderName', m.holderName, {autocomplete: 'cc-name', card: true})}
        <div class="row">
          ${field(h, 'expiry', m.expiry, {autocomplete: 'cc-exp', inputmode: 'numeric', placeholder: m.expiryPlaceholder, card: true, onInput: (e) => onExpiry(h, e)})}
          ${field(h, 'cvv', m.cvv, {autocomplete: 'cc-csc', inputmode: 'numeric', card: true})}
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
        @change=${(e: Event) => (h.installmentCount = Number((e.target as HTMLSelectElement).value))}
      >
        ${
          inst.options.length
            ? inst.options.map(
                (o) =>
                  html`<option value=${o.count} ?selected=${o.count === h.installmentCount}>
                    ${m.installment(o.count, h.i18n.cents(o.value))} —
                    ${o.hasInterestRate ? m.withInterest(String(o.interestRate), h.i18n.cents(o.total)) : m.interestFree}
                  </option>`,
              )
            : html`<option value="1">
                ${inst.status === 'loading' ? m.installmentsLoading : m.installment(1, h.i18n.cents(of.value))}
              </option>`
        }
      </select>
    </div>
  </fieldset>`;
}
