/** Step 2, shipping: the address (found by postal code) and a delivery option per package. */
import {html, nothing, type TemplateResult} from 'lit';
import type {OrderForm} from '../../client/types.js';
import {parseEstimate} from '../../i18n/format.js';
import {isPostalCode, postalFormat} from '../../internal/postal.js';
import {lookupAddress} from '../../state/checkout-actions.js';
import type {VtexCheckout} from './checkout.js';
import {actions, field} from './form.js';
import {
  addressErrors,
  addressFormat,
  AUTOCOMPLETE,
  countries,
  countryName,
  packages,
  shippingDone,
  undeliverable,
  type AddressField,
  type Package,
} from './shipping.js';
import {digits} from './validators.js';

/** The address as typed, for VTEX's `selectedAddresses`. */
function address(h: VtexCheckout, country: string) {
  const d = h.draft;
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

/** Fills the address from the postal code and attaches it, which brings the delivery options. */
async function lookupPostal(h: VtexCheckout): Promise<void> {
  const cart = h.cart.store;
  const client = h.store.client;
  const country = h.country();
  const code = (h.draft.postalCode ?? '').trim();
  const m = h.i18n.m;
  if (!cart || !client || h.busy) return;
  if (!isPostalCode(country, code))
    return h.invalid({postalCode: m.postalInvalid(postalFormat(country).example)});
  h.clearError('postalCode');
  h.notice = '';
  h.busy = true;
  try {
    let found = true;
    try {
      const a = await lookupAddress(client, country, code, h.signal());
      const d = h.draft;
      for (const f of ['street', 'neighborhood', 'city', 'state'] as const) if (a[f]) d[f] = a[f];
    } catch {
      found = false;
    }
    const of = await cart.attachShippingData({
      clearAddressIfPostalCodeNotFound: false,
      selectedAddresses: [address(h, country)],
    });
    // The fields and the delivery options change silently: say what the lookup found.
    const options = packages(of).reduce((n, p) => n + p.slas.length, 0);
    h.formError = '';
    h.notice = !found ? m.postalNotFound : options ? m.addressFound(options) : '';
  } catch (error) {
    await h.serverError(error, 'attachShippingData');
  } finally {
    h.busy = false;
  }
}

async function submit(h: VtexCheckout, e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const cart = h.cart.store;
  let of = h.of;
  if (!cart || !of || h.busy) return;
  const m = h.i18n.m;
  const country = h.country();
  const errors = addressErrors(h.draft, country, m);
  if (Object.keys(errors).length) return h.invalid(errors);
  h.busy = true;
  try {
    const attached = of.shippingData?.address;
    const selected = address(h, country);
    const samePlace =
      digits(attached?.postalCode ?? '') === digits(selected.postalCode) && attached?.country === country;
    if (!samePlace || !packages(of).length) {
      of = await cart.attachShippingData({
        clearAddressIfPostalCodeNotFound: false,
        selectedAddresses: [selected],
      });
      if (packages(of).length && !undeliverable(of).length) {
        // New options: let the shopper choose before going on.
        h.busy = false;
        await h.focusOn('[part~="package"] legend');
        return;
      }
    }
    const pkgs = packages(of);
    if (!pkgs.length || undeliverable(of).length) {
      h.busy = false;
      return h.invalid({postalCode: m.noDelivery}, m.noDelivery);
    }
    const logisticsInfo = pkgs.flatMap((p) => {
      const sla = chosenSla(h, p);
      return p.items.map((itemIndex) => ({
        itemIndex,
        selectedSla: sla.id,
        selectedDeliveryChannel: sla.deliveryChannel,
      }));
    });
    of = await cart.attachShippingData({selectedAddresses: [selected], logisticsInfo});
    if (!shippingDone(of)) {
      h.formError = m.chooseSla;
      return;
    }
    await h.complete('shipping');
  } catch (error) {
    await h.serverError(error, 'attachShippingData');
  } finally {
    h.busy = false;
  }
}

const packageKey = (p: Package): string => p.items.join(',');

/** The package's option: the shopper's choice, else VTEX's, else the cheapest delivery. */
function chosenSla(h: VtexCheckout, p: Package) {
  const id = h.slaChoice.get(packageKey(p)) ?? p.selected;
  const delivery = p.slas
    .filter((s) => s.deliveryChannel !== 'pickup-in-point')
    .sort((a, b) => a.price - b.price);
  return p.slas.find((s) => s.id === id) ?? delivery[0] ?? p.slas[0]!;
}

export function renderShipping(h: VtexCheckout, of: OrderForm): TemplateResult {
  const m = h.i18n.m;
  const country = h.country();
  const format = addressFormat(country);
  const list = countries(of);
  const pkgs = packages(of);
  const attached = Boolean(of.shippingData?.address?.postalCode);
  const lookup = () => void lookupPostal(h);
  return html`<form part="form" novalidate @submit=${(e: SubmitEvent) => submit(h, e)}>
    <fieldset>
      <legend>${m.address}</legend>
      ${
        list.length > 1
          ? html`<div class="field" part="field">
              <label for="country">${m.country}</label>
              <select id="country" name="country" autocomplete="country" @change=${h.onDraft}>
                ${list.map((c) => html`<option value=${c} ?selected=${c === country}>${countryName(c, h.i18n.locale)}</option>`)}
              </select>
            </div>`
          : nothing
      }
      <div class="row postal">
        ${field(h, 'postalCode', m.postalCode, {
          autocomplete: AUTOCOMPLETE.postalCode,
          placeholder: postalFormat(country).example,
          onChange: lookup,
          onKey: (e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            lookup();
          },
        })}
        <button type="button" class="button" @click=${lookup} aria-disabled=${h.busy ? 'true' : 'false'}>
          ${m.findAddress}
        </button>
      </div>
      <p class="notice" role="status">${h.notice}</p>
      <div class="grid">
        ${format.fields
          .filter((f) => f !== 'postalCode')
          .map((f) =>
            field(h, f, m[f], {
              autocomplete: AUTOCOMPLETE[f],
              required: !format.optional.includes(f),
            }),
          )}
      </div>
    </fieldset>
    ${
      pkgs.length
        ? pkgs.map((p, i) => renderPackage(h, p, i, pkgs.length, of))
        : html`<p class=${attached ? 'error-text' : 'muted'} role="status">
            ${attached ? m.noDelivery : m.enterPostal}
          </p>`
    }
    ${actions(h)}
  </form>`;
}

function renderPackage(h: VtexCheckout, p: Package, i: number, count: number, of: OrderForm): TemplateResult {
  const m = h.i18n.m;
  const chosen = chosenSla(h, p).id;
  const names = p.items.map((idx) => of.items[idx]?.name ?? '').join(', ');
  const key = packageKey(p);
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
            h.slaChoice.set(key, sla.id);
            h.requestUpdate();
          }}
        />
        <span class="option-body">
          <span class="option-name"
            >${sla.deliveryChannel === 'pickup-in-point' ? html`${m.pickup}: ${store?.friendlyName ?? sla.name}` : sla.name}</span
          >
          <span>${sla.price ? h.i18n.cents(sla.price) : m.free}</span>
          <span class="muted">${eta ? h.i18n.common.eta(eta.n, eta.unit) : sla.shippingEstimate}</span>
          ${store?.address ? html`<span class="muted">${[store.address.street, store.address.number, store.address.city].filter(Boolean).join(', ')}</span>` : nothing}
        </span>
      </label>`;
    })}
  </fieldset>`;
}
