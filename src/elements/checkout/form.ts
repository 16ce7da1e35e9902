/** The checkout's form parts every step uses: a field, the step's error and button, "still trying". */
import {html, nothing, type TemplateResult} from 'lit';
import type {Address} from '../../client/types.js';
import type {VtexCheckout} from './checkout.js';

export interface FieldOptions {
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  required?: boolean;
  /** A card field: never prefilled from the draft, never kept in it. */
  card?: boolean;
  placeholder?: string;
  onInput?: (e: Event) => void;
  onChange?: () => void;
  onKey?: (e: KeyboardEvent) => void;
}

/** A labelled input with its error message, prefilled from the draft (card fields excepted). */
export function field(h: VtexCheckout, name: string, label: string, o: FieldOptions = {}): TemplateResult {
  const error = h.errors[name];
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
      .value=${o.card ? '' : (h.draft[name] ?? '')}
      @input=${o.onInput ?? (o.card ? () => h.clearError(name) : h.onDraft)}
      @change=${o.onChange ?? nothing}
      @keydown=${o.onKey ?? nothing}
    />
    <p id="${name}-error" class="error-text field-error" part="field-error">${error ?? ''}</p>
  </div>`;
}

/** A step's error message and its button ("Continue", "Saving…"), then "still trying" when the store is slow. */
export function actions(h: VtexCheckout, label = h.i18n.m.continue): TemplateResult {
  return html`<p id="form-error" class="error-text" part="form-error" role="alert">${h.formError}</p>
    <button class="button primary" part="continue" ?disabled=${h.busy}>
      ${h.busy ? h.i18n.m.saving : label}
    </button>
    ${stillTrying(h)}`;
}

/** Said when the store has kept a change of this checkout waiting for a few seconds (the cart's `slow`). */
export function stillTrying(h: VtexCheckout) {
  return h.busy && h.cart.state?.slow
    ? html`<p class="muted" part="still-trying" role="status">${h.i18n.common.stillTrying}</p>`
    : nothing;
}

/** A step whose code is still on its way, or failed to download (with a retry; what was typed is kept). */
export function stepLoading(h: VtexCheckout, failed: boolean, retry: () => void): TemplateResult {
  const common = h.i18n.common;
  return failed
    ? html`<div part="form" class="state" role="alert">
        <p class="error-text">${common.errorNetwork}</p>
        <button type="button" class="button" @click=${retry}>${common.retry}</button>
      </div>`
    : html`<div part="form" aria-busy="true">
        <span class="visually-hidden" role="status">${common.loading}</span>
        <div class="skeleton sk"></div>
        <div class="skeleton sk"></div>
      </div>`;
}

export function addressLines(a: Address | null | undefined): TemplateResult {
  if (!a) return html``;
  return html`<p>${[a.street, a.number, a.complement].filter(Boolean).join(', ')}</p>
    <p>${[a.neighborhood, a.city, a.state].filter(Boolean).join(', ')} ${a.postalCode}</p>`;
}

/** A form's text values, trimmed (card fields are read by name where needed, never through this). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}
