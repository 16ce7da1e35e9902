/** What the shopper is buying (the order summary beside the steps) and what each completed step holds. */
import {html, nothing, type TemplateResult} from 'lit';
import type {OrderForm} from '../../client/types.js';
import type {CheckoutStep} from '../../events/vtex-checkout-step.js';
import type {VtexCheckout} from './checkout.js';
import {addressLines} from './form.js';
import {slaNames} from './shipping.js';

/**
 * Beside the steps and live with the cart (another tab's change shows here): each item, the totals and the total.
 * On narrow screens a bar ("Order summary · R$ 69,90") that opens.
 */
export function renderOrderSummary(h: VtexCheckout, of: OrderForm): TemplateResult {
  const m = h.i18n.m;
  const cents = (v: number) => h.i18n.cents(v);
  const interest = h.choice?.interest ?? 0;
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
    class="order-summary ${h.summaryOpen ? 'open' : ''}"
    part="order-summary"
    aria-labelledby="h-sum"
  >
    <h3 id="h-sum" class="sum-head">${m.orderSummary}</h3>
    <button
      type="button"
      class="sum-bar"
      part="summary-toggle"
      aria-expanded=${h.summaryOpen ? 'true' : 'false'}
      aria-controls="sum-body"
      @click=${() => (h.summaryOpen = !h.summaryOpen)}
    >
      <span>${m.orderSummary}</span> <span>${cents(h.total(of))}</span>
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
        ${interest ? row(m.interest, interest) : nothing} ${row(m.total, h.total(of), 'total')}
      </dl>
    </div>
  </aside>`;
}

/** A completed step, in short: who, where and how the shopper pays. */
export function renderStepSummary(
  h: VtexCheckout,
  step: CheckoutStep,
  of: OrderForm,
): TemplateResult | typeof nothing {
  const m = h.i18n.m;
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
  const choice = h.choice;
  if (step === 'payment' && choice) {
    return html`<p>${h.heldCard ? m.cardEnding(h.heldCard.brand, h.heldCard.last4) : choice.name}</p>
      <p class="muted">${m.paymentSummary(choice.name, choice.installments)}</p>`;
  }
  return nothing;
}
