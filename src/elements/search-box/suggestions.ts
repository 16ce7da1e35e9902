/**
 * The search box's suggestions: the autocomplete requests, the listbox with its keyboard handling, and their styles.
 * Loaded on the box's first focus, pointer or touch, so a page with a search box downloads them only when a shopper
 * comes to it (issue 16).
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import type {ISProduct} from '../../client/types.js';
import {Task, TaskStatus} from '../../internal/task.js';
import {suggest, type Suggestions} from '../../state/suggest.js';
import {imageOf, initialSku, offerOf} from '../shared-catalog/offer.js';
import type {VtexSearchBox} from './search-box.js';

export type Option = {kind: 'term'; term: string} | {kind: 'product'; product: ISProduct};

const EMPTY: Suggestions = {term: '', terms: [], products: []};

export const suggestionStyles = css`
  [role='listbox'] {
    position: absolute;
    z-index: var(--vtex-search-box-z-index, 20);
    inset-inline: 0;
    top: calc(100% + 0.25rem);
    max-height: var(--vtex-search-box-max-height, 24rem);
    overflow: auto;
    margin: 0;
    padding: 0.25rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  .group-label {
    margin: 0.25rem 0.5rem;
    font-size: 0.75em;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--_muted);
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--vtex-search-box-active, #e8f0fe);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  [role='option'] img {
    width: 2.5rem;
    height: 2.5rem;
    object-fit: cover;
    border-radius: 4px;
    flex: none;
  }
  .option-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .option-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .option-price {
    font-size: 0.8125em;
    color: var(--_muted);
  }
`;

/** One search box's suggestions: requested as the shopper types (debounced, superseded requests aborted). */
export class SuggestionList {
  readonly #task: Task<readonly [VtexSearchBox['client'], string, number, number, number], Suggestions>;

  constructor(private readonly h: VtexSearchBox) {
    this.#task = new Task(h, {
      task: async ([client, term, min, wait, count], {signal}): Promise<Suggestions> => {
        if (!client || term.length < min) return EMPTY;
        // Debounce inside the task: a newer keystroke aborts this signal before any request leaves.
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, wait);
          signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), {once: true});
        });
        try {
          return await suggest(client, term, count, {signal});
        } catch (e) {
          if (!signal.aborted) h.suggestionsFailed(e);
          throw e;
        }
      },
      args: () => [h.client, h.value.trim(), h.minChars, h.debounce, h.productCount] as const,
    });
  }

  /** The suggestions for the current text: terms first, then products. */
  options(): Option[] {
    const s = this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined;
    if (!s || s.term !== this.h.value.trim()) return [];
    return [
      ...s.terms.map((term) => ({kind: 'term', term}) as Option),
      ...s.products.map((product) => ({kind: 'product', product}) as Option),
    ];
  }

  /** ↑/↓ move through the suggestions, Enter chooses the highlighted one, Escape closes them. True when handled. */
  onKeyDown(e: KeyboardEvent): boolean {
    const h = this.h;
    const options = this.options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      h.open = true;
      if (!options.length) return true;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      h.active =
        h.active < 0
          ? step > 0
            ? 0
            : options.length - 1
          : (h.active + step + options.length) % options.length;
      void h.updateComplete.then(() =>
        h.renderRoot.querySelector(`#option-${h.active}`)?.scrollIntoView({block: 'nearest'}),
      );
      return true;
    }
    if (e.key === 'Escape' && h.open && options.length) {
      e.preventDefault();
      h.open = false;
      h.active = -1;
      return true;
    }
    const option = e.key === 'Enter' && h.open ? options[h.active] : undefined;
    if (option) {
      e.preventDefault();
      h.choose(option);
      return true;
    }
    return false;
  }

  /** The listbox's groups: search terms, then products. */
  render(options: Option[]): TemplateResult {
    const h = this.h;
    const m = h.i18n.m;
    const terms = options.filter((o) => o.kind === 'term').length;
    // Options are not focusable: the combobox input keeps focus and handles the keys (aria-activedescendant).
    /* eslint-disable lit-a11y/click-events-have-key-events */
    const option = (o: Option, i: number) =>
      html`<div
        id="option-${i}"
        role="option"
        part="option"
        aria-selected=${i === h.active ? 'true' : 'false'}
        @pointerdown=${(e: Event) => e.preventDefault()}
        @click=${() => h.choose(o)}
      >
        ${o.kind === 'term' ? html`<span class="option-name">${o.term}</span>` : this.#product(o.product)}
      </div>`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
    const group = (label: string, from: number, to: number) =>
      to > from
        ? html`<div role="group" aria-label=${label}>
            <div class="group-label" aria-hidden="true">${label}</div>
            ${options.slice(from, to).map((o, i) => option(o, i + from))}
          </div>`
        : nothing;
    return html`${group(m.searches, 0, terms)} ${group(m.products, terms, options.length)}`;
  }

  /** What the status line tells a screen reader: "Loading…", then how many suggestions there are. */
  status(options: Option[]): string {
    const h = this.h;
    const m = h.i18n.m;
    if (h.open && this.#task.status === TaskStatus.PENDING) return m.loading;
    const done = h.open && h.value.trim().length >= h.minChars && this.#task.status === TaskStatus.COMPLETE;
    return done ? m.results(options.length) : '';
  }

  #product(p: ISProduct) {
    const sku = initialSku(p);
    const img = imageOf(p, sku);
    const offer = offerOf(sku);
    return html`${img ? html`<img src=${img.url} alt="" width="40" height="40" loading="lazy" />` : nothing}
      <span class="option-text">
        <span class="option-name">${p.productName}</span>
        ${offer ? html`<span class="option-price">${this.h.i18n.decimal(offer.Price)}</span>` : nothing}
      </span>`;
  }
}
