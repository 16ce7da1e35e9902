import {html, nothing, type TemplateResult} from 'lit';
import type {Address, OmsOrder} from '../../client/types.js';
import type {CurrencyInfo} from '../../i18n/format.js';
import type {OrderHistoryMessages} from './order-history.messages.js';

/** An order's currency, from its store preferences (OMS) or its list row; `fallback` when it names none. */
export function orderCurrency(
  order: {
    currencyCode?: string | null;
    storePreferencesData?: OmsOrder['storePreferencesData'];
  },
  fallback: CurrencyInfo,
): CurrencyInfo {
  const prefs = order.storePreferencesData as
    (OmsOrder['storePreferencesData'] & {currencyFormatInfo?: {CurrencyDecimalDigits?: number}}) | undefined;
  const code = prefs?.currencyCode ?? order.currencyCode;
  if (!code) return fallback;
  const digits = prefs?.currencyFormatInfo?.CurrencyDecimalDigits;
  return {
    currencyCode: code,
    currencyFormatInfo: typeof digits === 'number' ? {currencyDecimalDigits: digits} : null,
  };
}

/** One line of an order: image, name, quantity and unit price, line total. */
export function renderOrderItem(
  i: OmsOrder['items'][number],
  m: OrderHistoryMessages,
  money: (v: number) => string,
): TemplateResult {
  return html`<li class="item" part="item">
    ${i.imageUrl ? html`<img src=${i.imageUrl} alt="" width="64" height="64" loading="lazy" />` : html`<span class="img"></span>`}
    <div>
      <p class="name">${i.name}</p>
      <p class="muted">${m.quantity(i.quantity)} · ${m.unitPrice(money(i.sellingPrice))}</p>
    </div>
    <p class="price">${money(i.sellingPrice * i.quantity)}</p>
  </li>`;
}

/** An address as a label prints it; the country only when it is not the store's own (a code, e.g. `USA`). */
export function renderAddress(a: Address | null, home?: string): TemplateResult | typeof nothing {
  if (!a) return nothing;
  const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(', ');
  const lines = [
    a.receiverName,
    line([a.street, a.number].filter(Boolean).join(' '), a.complement),
    a.neighborhood,
    line(a.city, [a.state, a.postalCode].filter(Boolean).join(' ')),
    a.country !== home && a.country,
  ].filter(Boolean);
  return html`<address>${lines.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</address>`;
}
