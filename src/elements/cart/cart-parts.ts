import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {OrderForm, OrderFormItem, OrderFormMessage} from '../../client/types.js';
import type {LocalizeController} from '../../controllers/localize-controller.js';
import {parseEstimate} from '../../i18n/format.js';
import {postalFormat} from '../../internal/postal.js';
import type {ShippingOption} from '../../state/shipping.js';
import {isCouponMessage, lineOfMessage} from './cart-helpers.js';
import type {CartMessages} from './cart.messages.js';

type CartI18n = LocalizeController<CartMessages>;

export type Note = {text: string; status: string};

/** The shipping estimate on screen. */
export type Shipping =
  | {status: 'idle' | 'invalid'}
  | {
      status: 'loading' | 'ready' | 'error';
      code: string;
      key: string;
      options?: ShippingOption[];
      error?: string;
    };

export interface LineContext {
  i18n: CartI18n;
  item: OrderFormItem;
  of: OrderForm;
  /** VTEX's messages about this line. */
  messages: Note[];
  /** The quantity chosen and not confirmed yet, if any. */
  pending: number | undefined;
  /** Why the last change to this line failed, if it did. */
  error: string | undefined;
  setQuantity(item: OrderFormItem, quantity: number): void;
  onQuantityChange(item: OrderFormItem, e: Event): void;
}

/** A VTEX cart message in the shopper's words (VTEX's own text when the kit has none). */
export function messageText(m: CartMessages, msg: OrderFormMessage): string {
  const qty = Number(msg.fields?.quantity);
  switch (msg.code) {
    case 'withoutStock':
      return m.withoutStock;
    case 'cannotBeDelivered':
      return msg.fields?.itemIndex !== undefined || msg.fields?.skuName ? m.cannotBeDelivered : msg.text;
    case 'itemQuantityNotAvailable':
      return msg.fields?.quantity && Number.isInteger(qty) ? m.maxQuantity(qty) : msg.text;
    case 'changedPriceValue':
      return m.priceChanged;
    default:
      return msg.text;
  }
}

/** VTEX's cart messages in the shopper's words: those about a line by its uniqueId, the others in `general`. */
export function orderNotes(m: CartMessages, of: OrderForm): {notes: Map<string, Note[]>; general: Note[]} {
  const notes = new Map<string, Note[]>();
  const general: Note[] = [];
  for (const msg of of.messages) {
    if (isCouponMessage(msg)) continue;
    const line = lineOfMessage(msg, of.items);
    // VTEX keeps messages until they are cleared: a stock cap the line is now under no longer applies.
    if (line && msg.code === 'itemQuantityNotAvailable' && line.quantity < Number(msg.fields?.quantity))
      continue;
    const note = {text: messageText(m, msg), status: msg.status};
    if (line) notes.set(line.uniqueId, [...(notes.get(line.uniqueId) ?? []), note]);
    else general.push(note);
  }
  return {notes, general};
}

/** One cart line: image, name and variant, prices, quantity stepper, remove, and its messages. */
export function renderLine(c: LineContext): TemplateResult {
  const {i18n, item, of, messages, pending} = c;
  const {m} = i18n;
  const cents = (v: number) => i18n.cents(v);
  const qty = pending ?? item.quantity;
  const busy = pending !== undefined;
  const unit = item.priceDefinition?.calculatedSellingPrice ?? item.sellingPrice;
  const total = item.priceDefinition?.total ?? unit * item.quantity;
  const clamp = of.messages.find(
    (x) => x.code === 'itemQuantityNotAvailable' && x.fields?.quantity && lineOfMessage(x, of.items) === item,
  );
  const max = clamp ? Number(clamp.fields!.quantity) : undefined;
  const notes = [...messages];
  // VTEX prices a line it cannot sell at 0: no amount to show, and no more units to add.
  const unavailable = !!item.availability && item.availability !== 'available';
  if (unavailable) {
    const text =
      item.availability === 'withoutStock'
        ? m.withoutStock
        : item.availability === 'cannotBeDelivered'
          ? m.cannotBeDelivered
          : m.unavailable;
    if (!notes.some((n) => n.text === text)) notes.unshift({text, status: 'error'});
  }
  const error = c.error;
  if (error) notes.push({text: error, status: 'error'});
  return html`<li
    class="line"
    part="line"
    aria-busy=${busy ? 'true' : 'false'}
    data-unique-id=${item.uniqueId}
  >
    ${item.imageUrl ? html`<img part="image" src=${item.imageUrl} alt="" loading="lazy" width="64" height="64" />` : html`<span class="ph"></span>`}
    <div class="info">
      <div class="name" part="name">${productName(item)}</div>
      ${item.skuName && item.skuName !== item.name ? html`<div class="muted" part="variation">${item.skuName}</div>` : nothing}
    </div>
    <div class="price" part="price">
      ${
        unavailable && !total
          ? nothing
          : html`<span part="line-total">${cents(total)}</span>
              ${
                item.listPrice > unit
                  ? html`<s part="list-price"
                      ><span class="visually-hidden">${m.listPrice} </span
                      >${cents(item.listPrice * item.quantity)}</s
                    >`
                  : nothing
              }
              <span class="muted" part="unit-price">${m.unitPrice(cents(unit))}</span>`
      }
    </div>
    <div class="controls">
      <div class="stepper" part="stepper" role="group" aria-label=${m.quantity(item.name)}>
        <button
          type="button"
          part="decrease"
          aria-label=${m.decrease(item.name)}
          ?disabled=${qty <= 0 || item.isGift}
          @click=${() => c.setQuantity(item, qty - 1)}
        >
          −
        </button>
        <input
          part="quantity"
          type="number"
          inputmode="numeric"
          min="0"
          max=${max ?? nothing}
          .value=${live(String(qty))}
          aria-label=${m.quantity(item.name)}
          ?disabled=${item.isGift}
          @change=${(e: Event) => c.onQuantityChange(item, e)}
        />
        <button
          type="button"
          part="increase"
          aria-label=${m.increase(item.name)}
          ?disabled=${item.isGift || unavailable || (max !== undefined && qty >= max)}
          @click=${() => c.setQuantity(item, qty + 1)}
        >
          +
        </button>
      </div>
      <button
        type="button"
        class="link"
        part="remove"
        aria-label=${m.remove(item.name)}
        ?disabled=${item.isGift}
        @click=${() => c.setQuantity(item, 0)}
      >
        ${m.removeText}
      </button>
      ${busy ? html`<span class="muted">${m.updating}</span>` : nothing}
    </div>
    ${
      notes.length
        ? html`<div class="notes" part="line-messages">
            ${notes.map((n) => html`<p class=${n.status === 'error' ? 'error-text' : n.status}>${n.text}</p>`)}
          </div>`
        : nothing
    }
  </li>`;
}

/** A line's product name without its variant (VTEX's item name ends with the SKU name, shown under it). */
function productName(item: {name: string; skuName?: string}): string {
  return item.skuName && item.name.endsWith(` ${item.skuName}`)
    ? item.name.slice(0, -item.skuName.length - 1)
    : item.name;
}

/** The delivery (or pickup) options of a shipping estimate, cheapest first. */
export function renderOptions(
  i18n: CartI18n,
  title: string,
  options: ShippingOption[],
): TemplateResult | typeof nothing {
  if (!options.length) return nothing;
  const m = i18n.m;
  return html`<div>
    <h4 class="muted">${title}</h4>
    <ul class="options">
      ${options.map((o) => {
        const eta = parseEstimate(o.estimate);
        const store = o.store?.isPickupStore ? o.store : null;
        const where = store?.address
          ? [store.address.street, store.address.number, store.address.city].filter(Boolean).join(', ')
          : '';
        return html`<li part="shipping-option">
          <span>
            <span>${store?.friendlyName || o.name}</span>
            ${where ? html`<br /><span class="muted">${where}</span>` : nothing}
            <br /><span class="muted">${eta ? i18n.common.eta(eta.n, eta.unit) : o.estimate}</span>
          </span>
          <span>${o.price === 0 ? m.free : i18n.cents(o.price)}</span>
        </li>`;
      })}
    </ul>
  </div>`;
}

/** Subtotal, discounts, shipping and tax when VTEX gives them, then the grand total. */
export function renderTotals(i18n: CartI18n, of: OrderForm): TemplateResult {
  const m = i18n.m;
  const cents = (v: number) => i18n.cents(v);
  const rows: [string, string, number | undefined][] = [
    ['Items', m.subtotal, undefined],
    ['Discounts', m.discounts, undefined],
    ['Shipping', m.shipping, undefined],
    ['Tax', m.tax, undefined],
  ];
  for (const row of rows) row[2] = of.totalizers.find((t) => t.id === row[0])?.value;
  return html`<section part="totals" aria-labelledby="totals-title">
    <h3 id="totals-title" class="visually-hidden">${m.totals}</h3>
    <dl>
      ${rows.map(([id, label, value]) =>
        value === undefined || (value === 0 && id !== 'Items')
          ? nothing
          : html`<dt>${label}</dt>
              <dd data-totalizer=${id}>${cents(value)}</dd>`,
      )}
      <dt class="grand">${m.total}</dt>
      <dd class="grand" part="total">${cents(of.value)}</dd>
    </dl>
  </section>`;
}

/** "Empty cart", and its confirmation. */
export function renderClear(
  m: CartMessages,
  confirming: boolean,
  on: {ask(): void; yes(): void; no(): void},
): TemplateResult {
  if (!confirming) {
    return html`<div class="row">
      <button type="button" class="link" part="clear" @click=${on.ask}>${m.clear}</button>
    </div>`;
  }
  return html`<div class="confirm" part="clear-confirm" role="group" aria-labelledby="clear-q">
    <p id="clear-q">${m.clearConfirm}</p>
    <div class="row">
      <button type="button" class="button primary" @click=${on.yes}>${m.clearYes}</button>
      <button type="button" class="button" @click=${on.no}>${m.cancel}</button>
    </div>
  </div>`;
}

/** The coupon form, or the applied coupon with "Remove". */
export function renderCoupon(
  m: CartMessages,
  applied: string | null | undefined,
  error: string,
  busy: boolean,
  on: {apply(e: SubmitEvent): void; remove(): void},
): TemplateResult {
  return html`<section part="coupon" aria-labelledby="coupon-label">
    ${
      applied
        ? html`<div class="row">
            <p id="coupon-status" class="success" tabindex="-1">
              <span id="coupon-label">${m.couponApplied(applied)}</span>
            </p>
            <button
              type="button"
              class="link"
              part="coupon-remove"
              aria-label=${m.couponRemove(applied)}
              @click=${on.remove}
            >
              ${m.removeText}
            </button>
          </div>`
        : html`<form @submit=${on.apply} novalidate>
            <label
              ><span id="coupon-label">${m.couponLabel}</span>
              <input
                name="coupon"
                part="coupon-input"
                autocomplete="off"
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby="coupon-msg"
            /></label>
            <button class="button" part="coupon-apply" aria-disabled=${busy ? 'true' : 'false'}>
              ${m.couponApply}
            </button>
          </form>`
    }
    <p id="coupon-msg" class="field-message error-text" aria-live="polite">${error}</p>
  </section>`;
}

/** The postal-code form of the shipping estimate and the options found. */
export function renderShipping(
  i18n: CartI18n,
  s: Shipping,
  country: string,
  onEstimate: (e: SubmitEvent) => void,
): TemplateResult {
  const m = i18n.m;
  let note = '';
  if (s.status === 'invalid') note = m.postalInvalid(postalFormat(country).example);
  else if (s.status === 'error') note = s.error ?? '';
  else if (s.status === 'ready' && !s.options?.length) note = m.noDelivery(s.code);
  const options = s.status === 'ready' || s.status === 'loading' ? (s.options ?? []) : [];
  const delivery = options.filter((o) => o.channel !== 'pickup-in-point');
  const pickup = options.filter((o) => o.channel === 'pickup-in-point');
  return html`<section
    part="shipping"
    aria-labelledby="ship-title"
    aria-busy=${s.status === 'loading' ? 'true' : 'false'}
  >
    <h3 id="ship-title">${m.shippingTitle}</h3>
    <form @submit=${onEstimate} novalidate>
      <label
        >${m.postalCode}
        <input
          name="postal"
          part="postal-code"
          autocomplete="postal-code"
          inputmode=${country === 'BRA' || country === 'USA' ? 'numeric' : 'text'}
          aria-invalid=${s.status === 'invalid' ? 'true' : 'false'}
          aria-describedby="ship-msg"
      /></label>
      <button class="button" part="estimate">${m.estimate}</button>
      <p id="ship-msg" class="field-message ${s.status === 'ready' ? '' : 'error-text'}" aria-live="polite">
        ${note}
      </p>
    </form>
    ${renderOptions(i18n, m.delivery, delivery)} ${renderOptions(i18n, m.pickup, pickup)}
  </section>`;
}
