/**
 * One order's detail (items, totals, address, payment, "buy again"): loaded when the shopper opens an order or
 * points at or focuses its "Details" button, not with the list.
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import type {Address, OmsOrder} from '../../client/types.js';
import type {VtexOrderHistory} from './order-history.js';
import {pickMessages} from '../../i18n/messages.js';
import {detailMessages, type OrderDetailMessages} from './order-detail.messages.js';
import {orderCurrency} from './order-parts.js';
import {orderStatus} from './order-status.js';

export {detailMessages};

/** The detail view's styles, adopted by the element when this module loads. */
export const detailStyles = css`
  .progress {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .progress li {
    padding-block-start: 0.6rem;
    border-block-start: 4px solid var(--_border);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .progress li.done,
  .progress li.current {
    border-color: var(--_accent);
    color: var(--_text);
  }
  .progress li.current {
    font-weight: 600;
  }
  .items {
    display: grid;
    gap: 0.75rem;
  }
  .item {
    display: grid;
    grid-template-columns: 4rem 1fr auto;
    gap: 0.75rem;
    align-items: center;
  }
  .item img,
  .item .img {
    width: 4rem;
    height: 4rem;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_border);
  }
  .name {
    font-weight: 600;
  }
  .totals {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    max-width: 22rem;
    justify-self: end;
    width: 100%;
  }
  .totals div {
    display: flex;
    justify-content: space-between;
  }
  .totals dd {
    margin: 0;
  }
  .totals .grand {
    font-weight: 700;
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.25rem;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_gap);
  }
  address {
    font-style: normal;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
`;

export function renderOrder(h: VtexOrderHistory, order: OmsOrder): TemplateResult {
  const m = h.i18n.m;
  // Loaded with this module (the element waits for the pack before it first renders the detail).
  const d = pickMessages(detailMessages, h.i18n.locale, () => h.requestUpdate());
  const s = orderStatus(order.status);
  const currency = orderCurrency(order, h.i18n.currency);
  const money = (v: number) => h.i18n.cents(v, currency);
  const total = (id: string) => order.totals?.find((t) => t.id === id)?.value;
  const shipping = total('Shipping');
  const li = order.shippingData?.logisticsInfo?.[0];
  const estimate = li?.shippingEstimateDate;
  const pickup = li?.deliveryChannel === 'pickup-in-point' ? li.pickupStoreInfo : null;
  const reorder = h.reorder?.orderId === order.orderId ? h.reorder : undefined;
  return html`
    <p class="muted">${m.placedOn(h.i18n.date(order.creationDate))}</p>
    <p>
      <span class="muted">${m.status}:</span>
      <strong class="status is-${s.tone}" part="status">${m[s.key]}</strong>
    </p>
    ${
      s.step >= 0
        ? html`<ol class="progress" part="progress" aria-label=${d.progress}>
            ${[d.stepPlaced, d.stepPaid, d.stepPreparing, d.stepShipped].map(
              (label, i) =>
                html`<li
                  part="step"
                  class=${i < s.step ? 'done' : i === s.step ? 'current' : ''}
                  aria-current=${i === s.step ? 'step' : nothing}
                >
                  ${label}${i < s.step ? html`<span class="visually-hidden"> (${d.done})</span>` : nothing}
                </li>`,
            )}
          </ol>`
        : nothing
    }
    ${estimate && s.step >= 0 && s.step < 3 ? html`<p>${d.estimate(h.i18n.date(estimate))}</p>` : nothing}
    <h3>${d.items}</h3>
    <ul class="items" part="items">
      ${order.items.map((i) => renderOrderItem(i, d, money))}
    </ul>
    <dl class="totals" part="totals">
      ${
        total('Items') !== undefined
          ? html`<div>
              <dt>${d.subtotal}</dt>
              <dd>${money(total('Items')!)}</dd>
            </div>`
          : nothing
      }
      ${
        total('Discounts')
          ? html`<div>
              <dt>${d.discounts}</dt>
              <dd>${money(total('Discounts')!)}</dd>
            </div>`
          : nothing
      }
      ${
        shipping !== undefined
          ? html`<div>
              <dt>${d.shipping}</dt>
              <dd>${shipping ? money(shipping) : d.free}</dd>
            </div>`
          : nothing
      }
      ${
        total('Tax')
          ? html`<div>
              <dt>${d.tax}</dt>
              <dd>${money(total('Tax')!)}</dd>
            </div>`
          : nothing
      }
      <div class="grand">
        <dt>${m.total}</dt>
        <dd part="total">${money(order.value)}</dd>
      </div>
    </dl>
    <div class="columns">
      <section part="address">
        <h3>${pickup ? d.pickup : d.address}</h3>
        ${pickup?.friendlyName ? html`<p>${pickup.friendlyName}</p>` : nothing}
        ${renderAddress(pickup?.address ?? order.shippingData?.address ?? null, order.storePreferencesData?.countryCode)}
      </section>
      <section part="payment">
        <h3>${d.payment}</h3>
        ${(order.paymentData?.transactions ?? []).flatMap((t) =>
          t.payments.map(
            (p) =>
              html`<p>
                ${p.paymentSystemName}${p.lastDigits ? ` ${d.cardEnding(p.lastDigits)}` : ''}<br />${d.installments(Math.max(1, p.installments || 1), money(Math.round(p.value / Math.max(1, p.installments || 1))))}
              </p>`,
          ),
        )}
      </section>
    </div>
    <div class="actions">
      <button
        class="button primary"
        part="buy-again"
        aria-disabled=${h.busy ? 'true' : 'false'}
        @click=${() => !h.busy && h.buyAgain(order)}
      >
        ${h.busy ? d.addingToCart : d.buyAgain}
      </button>
      <p part="message" role="status" class=${reorder?.failed ? 'error-text' : ''}>
        ${
          reorder
            ? reorder.failed
              ? d.reorderFailed
              : html`${reorder.added ? d.reordered(reorder.added, reorder.total) : d.nothingAvailable}
                ${reorder.unavailable.length && reorder.added ? d.unavailable(reorder.unavailable.join(', ')) : nothing}`
            : nothing
        }
      </p>
    </div>
  `;
}

/** One line of an order: image, name, quantity and unit price, line total. */
export function renderOrderItem(
  i: OmsOrder['items'][number],
  m: OrderDetailMessages,
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
