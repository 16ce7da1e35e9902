import {html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import {adoptMoreStyles} from '../../internal/adopt-styles.js';
import {OnDemandModule} from '../../internal/on-demand-module.js';
import {hostStyles} from '../../internal/styles.js';
import {VtexElement} from '../../internal/vtex-element.js';
import type {ProductSelectedDetail} from '../../events/vtex-product-selected.js';
import type {SearchSubmittedDetail} from '../../events/vtex-search-submitted.js';
import {productUrl} from '../shared-catalog/offer.js';
import {messages} from './search-box.messages.js';
import {styles} from './search-box.styles.js';
import type {Option, SuggestionList} from './suggestions.js';

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
  /** @internal Shared with ./suggestions.ts. */ readonly i18n = new LocalizeController(this, messages, {
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

  // The members marked @internal below are shared with ./suggestions.ts; they are not the element's API.
  /** @internal */ @state() open = false;
  /** @internal */ @state() active = -1;
  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('input');
  }

  /** @internal The client the suggestions ask. */
  get client() {
    return this.#store.client;
  }

  /**
   * The suggestions (./suggestions.ts: requests, listbox, keys, styles), loaded on the first focus, pointer or touch:
   * a shopper who never comes to the box never downloads them.
   */
  readonly #suggestions = new OnDemandModule(
    () =>
      import('./suggestions.js').then((m) => {
        adoptMoreStyles(this, m.suggestionStyles);
        this.#list = new m.SuggestionList(this);
        return m;
      }),
    () => this.requestUpdate(),
  );
  #list?: SuggestionList;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#suggestions.preloadOn(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  /** @internal Suggestions could not be loaded: the page hears `vtex-error`. */
  suggestionsFailed(error: unknown): void {
    this.emitError('autocomplete', error);
  }

  #onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
    // Typing without the suggestions (their download failed): try again. The box searches without them meanwhile.
    if (!this.#list) this.#suggestions.preload();
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (this.#list?.onKeyDown(e)) return;
    if (e.key === 'Escape' && this.value) {
      e.preventDefault();
      this.value = '';
    }
  }

  /** @internal A suggestion was chosen: a term runs that search, a product opens its page. */
  choose(option: Option): void {
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
    const m = this.i18n.m;
    const list = this.#list;
    const options = list?.options() ?? [];
    const expanded = this.open && options.length > 0;
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
        ${list?.render(options) ?? nothing}
      </div>
      <span class="visually-hidden" role="status">${list?.status(options) ?? ''}</span>
    </form>`;
  }

  /** Moves focus to the input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }
}
