import {Task, TaskStatus} from '../../internal/task.js';
import {html, nothing} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {ISProduct} from '../../client/types.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import {hostStyles} from '../../internal/styles.js';
import {suggest, type Suggestions} from '../../state/catalog.js';
import {VtexElement} from '../../internal/vtex-element.js';
import type {ProductSelectedDetail} from '../../events/vtex-product-selected.js';
import type {SearchSubmittedDetail} from '../../events/vtex-search-submitted.js';
import {imageOf, initialSku, offerOf, productUrl} from '../shared-catalog/offer.js';
import {messages} from './search-box.messages.js';
import {styles} from './search-box.styles.js';

type Option = {kind: 'term'; term: string} | {kind: 'product'; product: ISProduct};

const EMPTY: Suggestions = {term: '', terms: [], products: []};

/**
 * Full-text search with Intelligent Search autocomplete: search terms and products, as an ARIA 1.2
 * combobox (↑/↓ to move, Enter to choose or submit, Escape to close). Requests are debounced and the
 * superseded ones aborted. Submitting sets the `query` of the grid named by `for`, or opens `action?q=…`.
 *
 * @summary Search input with term and product suggestions that drives a grid or a search page.
 * @tag vtex-search-box
 * @fires vtex-search-submitted - Cancelable. A search was submitted; `preventDefault()` to route it yourself. detail: {query}
 * @fires vtex-product-selected - Cancelable. A product suggestion was chosen; `preventDefault()` stops navigation. detail: {product: {id, slug, name}, url}
 * @fires vtex-error - Suggestions could not be loaded. detail: {operation: 'autocomplete', error}
 * @csspart form - The search form (role=search).
 * @csspart input - The combobox input.
 * @csspart submit - The search button.
 * @csspart listbox - The suggestions popup.
 * @csspart option - One suggestion (term or product).
 * @cssprop [--vtex-search-box-border=#c9d1d9] - Input border colour.
 * @cssprop [--vtex-search-box-active=#e8f0fe] - Background of the highlighted suggestion.
 * @cssprop [--vtex-search-box-max-height=24rem] - Maximum height of the suggestions.
 * @cssprop [--vtex-search-box-z-index=20] - z-index of the suggestions popup.
 */
export class VtexSearchBox extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = messages;

  static override styles = [hostStyles, styles];

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #cart = new CartController(this, {load: false});
  /** @internal */ readonly #i18n = new LocalizeController(this, messages, {
    store: this.#store,
    cart: this.#cart,
  });

  /** The id of a `<vtex-product-grid>` (in the same document or shadow root) whose `query` a search sets. */
  @property() for?: string;

  /** A search page URL; without `for`, submitting navigates to `{action}?q={query}`. */
  @property() action?: string;

  /** The current text. */
  @property() value = '';

  /** Placeholder text (defaults to a localized "Search products"). */
  @property() placeholder?: string;

  /** Product suggestion link template; `{slug}` and `{id}` are replaced. */
  @property({attribute: 'product-url'}) productUrl = '?product={slug}';

  /** Characters typed before suggestions are requested. */
  @property({type: Number, attribute: 'min-chars'}) minChars = 2;

  /** Milliseconds of quiet typing before suggestions are requested. */
  @property({type: Number}) debounce = 200;

  /** Number of product suggestions. */
  @property({type: Number, attribute: 'product-count'}) productCount = 4;

  /** @internal */ @state() private open = false;
  /** @internal */ @state() private active = -1;
  /** @internal */ @query('input') private input?: HTMLInputElement;

  /** @internal */
  readonly #suggest = new Task(this, {
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
        if (!signal.aborted) this.emitError('autocomplete', e);
        throw e;
      }
    },
    args: () =>
      [this.#store.client, this.value.trim(), this.minChars, this.debounce, this.productCount] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  #options(): Option[] {
    const s = this.#suggest.status === TaskStatus.COMPLETE ? this.#suggest.value : undefined;
    if (!s || s.term !== this.value.trim()) return [];
    return [
      ...s.terms.map((term) => ({kind: 'term', term}) as Option),
      ...s.products.map((product) => ({kind: 'product', product}) as Option),
    ];
  }

  #onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
  }

  #onKeyDown(e: KeyboardEvent): void {
    const options = this.#options();
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!this.open) {
          this.open = true;
          if (!options.length) return;
        }
        if (!options.length) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        this.active =
          this.active < 0
            ? step > 0
              ? 0
              : options.length - 1
            : (this.active + step + options.length) % options.length;
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({block: 'nearest'}),
        );
        break;
      }
      case 'Escape':
        if (this.open && options.length) {
          e.preventDefault();
          this.open = false;
          this.active = -1;
        } else if (this.value) {
          e.preventDefault();
          this.value = '';
        }
        break;
      case 'Enter': {
        const option = this.open ? options[this.active] : undefined;
        if (option) {
          e.preventDefault();
          this.#choose(option);
        }
        break;
      }
    }
  }

  #choose(option: Option): void {
    this.open = false;
    this.active = -1;
    if (option.kind === 'term') {
      this.value = option.term;
      this.#submit(option.term);
      return;
    }
    const p = option.product;
    const url = productUrl(this.productUrl, p);
    const detail: ProductSelectedDetail = {
      product: {id: p.productId, slug: p.linkText, name: p.productName},
      url,
    };
    if (this.emit('vtex-product-selected', detail, {cancelable: true})) location.assign(url);
  }

  #onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    this.open = false;
    this.active = -1;
    this.#submit(this.value.trim());
  }

  #submit(q: string): void {
    if (!q) return;
    if (!this.emit<SearchSubmittedDetail>('vtex-search-submitted', {query: q}, {cancelable: true})) return;
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const target = (root.getElementById?.(this.for) ?? document.getElementById(this.for)) as
        (HTMLElement & {query?: string}) | null;
      if (target) {
        target.query = q;
        return;
      }
    }
    if (this.action !== undefined) {
      const url = new URL(this.action || location.pathname, location.href);
      url.searchParams.set('q', q);
      location.assign(url.href);
    }
  }

  /** Suggestions belong to the input (they are never focused): they close when focus leaves it, also for Search. */
  #onFocusOut(e: FocusEvent): void {
    if (e.relatedTarget !== this.renderRoot.querySelector('[part~="input"]')) {
      this.open = false;
      this.active = -1;
    }
  }

  override render() {
    const m = this.#i18n.m;
    const options = this.#options();
    const expanded = this.open && options.length > 0;
    const terms = options.filter((o) => o.kind === 'term').length;
    const loading = this.open && this.#suggest.status === TaskStatus.PENDING;
    // Options are not focusable: the combobox input keeps focus and handles the keys (aria-activedescendant).
    /* eslint-disable lit-a11y/click-events-have-key-events */
    const option = (o: Option, i: number) => {
      const selected = i === this.active;
      const content =
        o.kind === 'term' ? html`<span class="option-name">${o.term}</span>` : this.#renderProduct(o.product);
      return html`<div
        id="option-${i}"
        role="option"
        part="option"
        aria-selected=${selected ? 'true' : 'false'}
        @pointerdown=${(e: Event) => e.preventDefault()}
        @click=${() => this.#choose(o)}
      >
        ${content}
      </div>`;
    };
    /* eslint-enable lit-a11y/click-events-have-key-events */
    return html`<form part="form" role="search" @submit=${this.#onSubmit} @focusout=${this.#onFocusOut}>
      <label class="visually-hidden" for="input">${m.label}</label>
      <input
        id="input"
        part="input"
        type="search"
        role="combobox"
        aria-label=${m.label}
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls="listbox"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this.active >= 0 ? `option-${this.active}` : nothing}
        placeholder=${this.placeholder ?? m.placeholder}
        .value=${this.value}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
        @focus=${() => (this.open = true)}
      />
      <button type="submit" class="button primary" part="submit">${m.submit}</button>
      <div
        id="listbox"
        role="listbox"
        part="listbox"
        tabindex="-1"
        aria-label=${m.suggestions}
        ?hidden=${!expanded}
      >
        ${
          terms
            ? html`<div role="group" aria-label=${m.searches}>
                <div class="group-label" aria-hidden="true">${m.searches}</div>
                ${options.slice(0, terms).map((o, i) => option(o, i))}
              </div>`
            : nothing
        }
        ${
          options.length > terms
            ? html`<div role="group" aria-label=${m.products}>
                <div class="group-label" aria-hidden="true">${m.products}</div>
                ${options.slice(terms).map((o, i) => option(o, i + terms))}
              </div>`
            : nothing
        }
      </div>
      <span class="visually-hidden" role="status"
        >${loading ? m.loading : this.open && this.value.trim().length >= this.minChars && this.#suggest.status === TaskStatus.COMPLETE ? m.results(options.length) : ''}</span
      >
    </form>`;
  }

  #renderProduct(p: ISProduct) {
    const sku = initialSku(p);
    const img = imageOf(p, sku);
    const offer = offerOf(sku);
    return html`${img ? html`<img src=${img.url} alt="" width="40" height="40" loading="lazy" />` : nothing}
      <span class="option-text">
        <span class="option-name">${p.productName}</span>
        ${offer ? html`<span class="option-price">${this.#i18n.decimal(offer.Price)}</span>` : nothing}
      </span>`;
  }

  /** Moves focus to the input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }
}
