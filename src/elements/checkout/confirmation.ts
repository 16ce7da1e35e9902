import {html, nothing, type TemplateResult} from 'lit';
import type {Address, OrderForm} from '../../client/types.js';
import type {OrderPlacedDetail} from '../../events/vtex-order-placed.js';
import type {CurrencyInfo} from '../../i18n/format.js';
import type {VtexCheckout} from './checkout.js';
import {addressLines} from './form.js';
import {KIND, type PaymentKind} from './payment.js';
import {slaNames} from './shipping.js';
import type {PaymentChoice, PlacementResult} from '../../state/place-order.js';

// The placement and the confirmation load when the shopper reaches the review step (see VtexCheckout), not with
// the checkout's first render.
export {placeOrder, PaymentDeclinedError} from '../../state/place-order.js';

/** What the confirmation shows: a snapshot of the placed cart, with no card data. */
export interface Confirmation {
  orderGroup: string;
  orderIds: string[];
  status: 'approved' | 'action-required';
  kind: PaymentKind;
  items: {id: string; name: string; quantity: number; total: number}[];
  address: Address | null;
  slaNames: string[];
  paymentName: string;
  installments: number;
  value: number;
  currency: CurrencyInfo;
  pix?: {code: string; expiresAt: string | null; qr?: string};
  redirectUrl?: string | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function confirmationOf(
  result: PlacementResult,
  choice: PaymentChoice & {name: string},
): Confirmation {
  const {placed, callback, orderForm: of} = result;
  const c: Confirmation = {
    orderGroup: placed.orderGroup,
    orderIds: placed.orders.length ? placed.orders.map((o) => o.orderId) : [`${placed.orderGroup}-01`],
    status: callback.status,
    kind: KIND[choice.group] ?? 'other',
    items: of.items.map((i) => ({
      id: i.id,
      name: i.name,
      quantity: i.quantity,
      total: i.priceDefinition?.total ?? i.sellingPrice * i.quantity,
    })),
    address: of.shippingData?.address ?? null,
    slaNames: slaNames(of),
    paymentName: choice.name,
    installments: choice.installments,
    value: of.value + choice.interest,
    currency: of.storePreferencesData ?? {currencyCode: 'BRL'},
  };
  if (callback.status === 'action-required') {
    c.redirectUrl = callback.redirectUrl;
    const p = callback.app?.payload;
    const code = str(p?.code) ?? str(p?.qrCodeString);
    if (code)
      c.pix = {
        code,
        expiresAt: str(p?.expiresAt) ?? null,
        qr: str(p?.qrCodeBase64Image) ? `data:image/png;base64,${str(p?.qrCodeBase64Image)}` : undefined,
      };
  }
  return c;
}

/** `vtex-order-placed` detail: order ids, money, items and the payment method — never card data. */
export function orderPlacedDetail(
  c: Confirmation,
  of: OrderForm,
  choice: PaymentChoice & {name: string},
): OrderPlacedDetail {
  return {
    orderGroup: c.orderGroup,
    orderIds: [...c.orderIds],
    status:
      c.status === 'approved' && c.kind !== 'boleto' ? ('approved' as const) : ('payment-pending' as const),
    value: c.value,
    currency: c.currency.currencyCode,
    payment: {
      paymentSystem: choice.paymentSystem,
      name: choice.name,
      group: choice.group,
      installments: choice.installments,
    },
    items: of.items.map((i) => ({
      id: i.id,
      productId: i.productId,
      name: i.name,
      skuName: i.skuName,
      quantity: i.quantity,
      price: i.sellingPrice,
      seller: i.seller,
    })),
  };
}

/** Copies the Pix code; where the clipboard is refused, selects it for the shopper to copy. */
async function copyPix(h: VtexCheckout, code: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(code);
    h.copied = true;
  } catch {
    h.renderRoot.querySelector<HTMLInputElement>('#pix-code')?.select();
  }
}

export function renderConfirmation(h: VtexCheckout, c: Confirmation): TemplateResult {
  const m = h.i18n.m;
  const cents = (v: number) => h.i18n.cents(v, c.currency);
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
              <button type="button" class="button" @click=${() => copyPix(h, c.pix!.code)}>
                ${m.copyCode}
              </button>
            </div>
            <p role="status">${h.copied ? m.copied : ''}</p>
            ${c.pix.expiresAt ? html`<p>${m.payBefore(h.i18n.date(c.pix.expiresAt, {dateStyle: 'short', timeStyle: 'short'}))}</p>` : nothing}
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
    ${h.ordersUrl ? html`<p><a part="orders-link" href=${h.ordersUrl}>${m.ordersLink}</a></p>` : nothing}
  </section>`;
}
