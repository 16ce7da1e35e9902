/** Step 1, identification: e-mail (a returning shopper's data prefilled), name, document and phone. */
import {html, nothing, type TemplateResult} from 'lit';
import {lookupProfile} from '../../state/checkout-actions.js';
import type {OrderForm} from '../../client/types.js';
import type {VtexCheckout} from './checkout.js';
import {actions, field, formValues} from './form.js';
import {unmasked} from './shipping.js';
import {digits, isEmail, profileErrors} from './validators.js';

/** Prefills what VTEX knows of a returning shopper's e-mail; a failed look-up leaves the shopper to type it. */
async function lookup(h: VtexCheckout): Promise<void> {
  const email = (h.draft.email ?? '').trim();
  const client = h.store.client;
  if (!client || !isEmail(email)) return;
  try {
    const found = await lookupProfile(client, email, h.signal());
    const p = found.userProfile;
    if (!p || h.step !== 'profile') return;
    const d = h.draft;
    for (const f of ['firstName', 'lastName', 'document', 'phone', 'documentType'] as const) {
      const v = unmasked(p[f] as string | null | undefined);
      if (v && !d[f]) d[f] = v;
    }
    if (found.isComplete) h.notice = h.i18n.m.welcomeBack;
    h.requestUpdate();
  } catch {
    // A lookup is a convenience: the shopper types the data.
  }
}

async function submit(h: VtexCheckout, e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const cart = h.cart.store;
  if (!cart || h.busy) return;
  const v = formValues(e.target as HTMLFormElement);
  const type = v.documentType || h.docTypes()[0]!;
  const errors = profileErrors(v, type, h.i18n.m);
  if (Object.keys(errors).length) return h.invalid(errors);
  h.busy = true;
  try {
    await cart.attachClientProfile({
      email: v.email,
      firstName: v.firstName,
      lastName: v.lastName,
      documentType: type,
      document: type === 'cpf' ? digits(v.document) : v.document,
      phone: v.phone,
    });
    h.draft.receiverName ||= `${v.firstName} ${v.lastName}`;
    await h.complete('profile');
  } catch (error) {
    await h.serverError(error, 'attachClientProfile');
  } finally {
    h.busy = false;
  }
}

/** What the cart already holds of the shopper and the address (masked values, for a returning shopper, left out). */
export function draftFrom(of: OrderForm): Record<string, string> {
  const p = of.clientProfileData;
  const a = of.shippingData?.address;
  const d: Record<string, string> = {
    email: unmasked(p?.email),
    firstName: unmasked(p?.firstName),
    lastName: unmasked(p?.lastName),
    document: unmasked(p?.document),
    documentType: p?.documentType ?? '',
    phone: unmasked(p?.phone),
    country: a?.country ?? '',
  };
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
  return d;
}

export function renderProfile(h: VtexCheckout): TemplateResult {
  const m = h.i18n.m;
  const types = h.docTypes();
  const type = (types.find((t) => t === h.draft.documentType) ?? types[0])!;
  return html`<form part="form" novalidate @submit=${(e: SubmitEvent) => submit(h, e)}>
    <fieldset>
      <legend class="visually-hidden">${m.profile}</legend>
      ${field(h, 'email', m.email, {type: 'email', autocomplete: 'email', onChange: () => void lookup(h)})}
      <p class="notice" role="status">${h.notice}</p>
      <div class="row">
        ${field(h, 'firstName', m.firstName, {autocomplete: 'given-name'})}
        ${field(h, 'lastName', m.lastName, {autocomplete: 'family-name'})}
      </div>
      <div class="row">
        ${
          types.length > 1
            ? html`<div class="field" part="field">
                <label for="documentType">${m.documentType}</label>
                <select id="documentType" name="documentType" @change=${h.onDraft}>
                  ${types.map((t) => html`<option value=${t} ?selected=${t === type}>${m[t]}</option>`)}
                </select>
              </div>`
            : nothing
        }
        ${field(h, 'document', m[type], {inputmode: type === 'cpf' ? 'numeric' : undefined, autocomplete: 'off'})}
        ${field(h, 'phone', m.phone, {type: 'tel', autocomplete: 'tel'})}
      </div>
    </fieldset>
    ${actions(h)}
  </form>`;
}
