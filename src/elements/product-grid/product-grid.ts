import {Task, TaskStatus, initialState} from '../../internal/task.js';
import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {facetsPath} from '../../client/catalog.js';
import type {ISProduct, ISSku, SelectedFacet} from '../../client/types.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import {StructuredDataController} from '../../internal/structured-data-controller.js';
import {hostStyles} from '../../internal/styles.js';
import {searchFacets, searchProducts} from '../../state/catalog.js';
import {VtexElement} from '../../internal/vtex-element.js';
import type {CardStatus} from '../shared-catalog/card.js';
import {catalogStyles} from '../shared-catalog/catalog.styles.js';
import {cardStyles} from '../shared-catalog/card.styles.js';
import type {ItemAddedDetail} from '../../events/vtex-item-added.js';
import type {ProductSelectedDetail} from '../../events/vtex-product-selected.js';
import type {ProductsViewedDetail} from '../../events/vtex-products-viewed.js';
import {ADDED_NOTE_MS, addToCart, productView} from '../shared-catalog/events.js';
import {defaultSeller, initialSku, pickSku, productUrl, selectionOf} from '../shared-catalog/offer.js';
import {
  merchantFacets,
  pageCount,
  pageNumber,
  prefetch,
  sortOrRelevance,
  takeFacets,
  takeSearch,
} from './prefetch.js';
import {messages} from './product-grid.messages.js';
import {styles} from './product-grid.styles.js';
import {renderDrawer, renderFacets, type FacetsContext} from './facets.js';
import {countText, position, renderMain, type ResultsContext} from './results.js';
import {RevealController, type Results} from './reveal-controller.js';
import {UrlSyncController} from './url-sync-controller.js';

export type PaginationMode = 'pages' | 'load-more' | 'infinite';
const MODES: readonly string[] = ['pages', 'load-more', 'infinite'];

/**
 * A product listing driven by Intelligent Search: full-text query, merchant filters (category, collection,
 * brand, raw facets), a facet sidebar (a `<dialog>` drawer on narrow widths), sort, and numbered pages,
 * load-more or infinite scroll. Cards show price, list price and discount, installments, stock, SKU swatches
 * and an add-to-cart button that writes to the page's shared cart.
 *
 * With `sync-url`, the shopper's query, filters, sort and page are mirrored to the address bar
 * (`?q=&fq=&sort=&page=`) with `history.pushState`, and restored on back/forward and on load.
 *
 * For search engines the grid writes the products loaded as a schema.org `ItemList` of `Product`s (JSON-LD in a
 * `<script type="application/ld+json">` right after itself), kept current as pages load and removed with the
 * element; `structured-data="off"` turns it off.
 *
 * Intelligent Search Activity Flow: every card carries `data-af-element="search-result"`, `data-af-onclick="true"`,
 * `data-af-product-id`, `data-af-product-position` (1-based, absolute across pages) and `data-af-search-id`
 * (the search response's `searchId`). They live in shadow DOM, which a document-level script cannot query; so
 * while a click on a card is dispatched, the grid also mirrors that card's `data-af-*` attributes onto itself
 * (the element a document listener sees as the click's target) and removes them right after. Activity Flow's
 * click tracking (a bubbling document listener) thus attributes the click; impressions it finds with
 * `querySelectorAll` do not reach into shadow DOM — use `vtex-products-viewed` for those.
 *
 * @summary Product listing with facets, sort, pagination and add to cart.
 * @tag vtex-product-grid
 * @fires vtex-product-selected - Cancelable. A card link was activated; `preventDefault()` stops navigation (e.g. to open `<vtex-product>` in place). detail: {product: {id, slug, name}, url}
 * @fires vtex-products-viewed - Results were rendered (after load more / infinite scroll: only the new ones). For analytics. detail: {list: {id, name}, query, searchId, total, products: [{id, slug, name, brand, categories, sku: {id, name, seller}, price, listPrice, available, position}]} (prices in VTEX decimals)
 * @fires vtex-item-added - A card added a SKU to the cart (not fired when the cart already held all the stock). detail: {item: {id, quantity, seller}, orderForm: {orderFormId, itemCount, value}}
 * @fires vtex-error - Search or add to cart failed. detail: {operation: 'search' | 'facets' | 'addItems', error}
 * @csspart layout - The sidebar + results layout.
 * @csspart skip-link - "Skip to results", before the filters: shown when it has keyboard focus.
 * @csspart facets - The facet sidebar (wide layouts).
 * @csspart facet - One facet group (a fieldset).
 * @csspart facet-toggle - A facet group's name: a button that closes and opens the group.
 * @csspart facet-value - One facet value (label with checkbox and count).
 * @csspart price-range - The minimum/maximum price form.
 * @csspart clear - The "Clear filters" button.
 * @csspart toolbar - Count, filters button and sort.
 * @csspart count - The result count (a live region).
 * @csspart filters-button - Opens the filter drawer (narrow layouts).
 * @csspart drawer - The filter drawer (`<dialog>`).
 * @csspart sort - The sort `<select>`.
 * @csspart grid - The list of cards.
 * @csspart card - A product card. Also: card-media, card-image, card-name, card-link, card-brand, out-of-stock, swatches, swatch, add-to-cart, card-status.
 * @csspart price - Price block. Also: selling-price, list-price, discount, installments.
 * @csspart skeleton - A loading placeholder card (same size as a card).
 * @csspart pagination - The numbered pages navigation.
 * @csspart page-button - A page number, previous or next button.
 * @csspart load-more - The "Load more" button (load-more and infinite modes).
 * @csspart empty - The no-results state.
 * @csspart error - The error state (with a retry button).
 * @cssprop [--vtex-product-grid-gap=1rem] - Space between cards.
 * @cssprop [--vtex-product-grid-card-min-width=12rem] - Minimum card width when `columns` is not set.
 * @cssprop [--vtex-product-grid-sidebar-width=15rem] - Width of the facet sidebar.
 * @cssprop [--vtex-product-image-ratio=1 / 1] - Aspect ratio reserved for card images.
 * @cssprop [--vtex-product-image-fit=cover] - object-fit of card images.
 * @cssprop [--vtex-product-card-padding=0.75rem] - Card padding.
 * @cssprop [--vtex-product-card-border=var(--vtex-color-border)] - Card border colour.
 * @cssprop [--vtex-price-color=var(--vtex-color-text)] - Selling price colour.
 * @cssprop [--vtex-price-size=1.125em] - Selling price font size.
 * @cssprop [--vtex-discount-background=#fde8e7] - Discount badge background.
 * @cssprop [--vtex-discount-color=#8a1c13] - Discount badge text.
 */
export class VtexProductGrid extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = messages;

  static override styles = [hostStyles, catalogStyles, cardStyles, styles];

  /** @internal Starts the first search while the tag waits for its language pack. */
  static override prefetch(el: Element): void {
    prefetch(el);
  }

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #cart = new CartController(this, {load: false});
  /** @internal */ readonly #i18n = new LocalizeController(this, messages, {
    store: this.#store,
    cart: this.#cart,
  });

  constructor() {
    super();
    // schema.org ItemList of the products loaded, for search engines, right after the element.
    new StructuredDataController(
      this,
      (ld) => {
        const r = this.#search.status === TaskStatus.COMPLETE ? this.results : undefined;
        const currency = this.#i18n.currency.currencyCode;
        const url = (p: ISProduct) => new URL(productUrl(this.productUrl, p), document.baseURI).href;
        const at = (p: ISProduct, i: number) => ({
          product: p,
          url: url(p),
          currency,
          position: position(this, r!, i),
        });
        return r && ld.itemListJsonLd(r.products.map(at));
      },
      () => [
        this.#search.status === TaskStatus.COMPLETE && this.results,
        this.productUrl,
        this.#i18n.currency.currencyCode,
      ],
    );
  }

  /** Full-text search. Setting it (e.g. from `<vtex-search-box for>`) clears the shopper's filters. */
  @property() query = '';

  /** Category path, e.g. `apparel/shirts` (→ `category-1/apparel/category-2/shirts`). */
  @property() category?: string;

  /** Collection id(s), comma-separated (→ `productClusterIds/{id}`). */
  @property() collection?: string;

  /** Brand slug(s), comma-separated (→ `brand/{slug}`). */
  @property() brand?: string;

  /** A raw VTEX facets path added to every search, e.g. `color/azul/size/m`. */
  @property() facets?: string;

  /** VTEX sort: `price:asc`, `price:desc`, `orders:desc`, `name:asc`, `name:desc`, `release:desc`, `discount:desc`; empty = relevance. */
  @property() sort = '';

  /** Products per page (1–100). */
  @property({type: Number, attribute: 'page-size'}) pageSize = 24;

  /** 1-based page (in `load-more`/`infinite`, the last page loaded). */
  @property({type: Number}) page = 1;

  /** `pages` (numbered), `load-more` (a button) or `infinite` (loads as the end scrolls into view). */
  @property() pagination: PaginationMode = 'pages';

  /** Shows the facet sidebar (a drawer on narrow widths). */
  @property({type: Boolean, attribute: 'show-facets'}) showFacets = false;

  /** Shows the sort menu. */
  @property({type: Boolean, attribute: 'show-sort'}) showSort = false;

  /** Fixed number of columns (2 on narrow widths). Default: as many as fit. */
  @property({type: Number}) columns?: number;

  /** Mirrors query, filters, sort and page to the URL (`q`, `fq`, `sort`, `page`) and follows back/forward. */
  @property({type: Boolean, attribute: 'sync-url'}) syncUrl = false;

  /** Card link template; `{slug}` and `{id}` are replaced. */
  @property({attribute: 'product-url'}) productUrl = '?product={slug}';

  /**
   * The heading level (1–6) of each card's product name, so the page's outline has no gap: 2 under the page's
   * `<h1>`, 3 when the grid sits in a section with its own `<h2>`.
   */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  /** `off`: write no schema.org `ItemList` JSON-LD for the products shown (the page emits its own). */
  @property({attribute: 'structured-data'}) structuredData: 'on' | 'off' = 'on';

  /** @internal Facets the shopper chose (on top of the merchant's attributes). */
  @state() selected: SelectedFacet[] = [];
  /** @internal */ @state() results?: Results;
  /** @internal */ @state() private chosenSku = new Map<string, string>();
  /** @internal */ @state() cardStatus = new Map<string, CardStatus>();
  /** @internal */ @state() expanded = new Set<string>();
  /** @internal */ @state() collapsed = new Set<string>();
  /** @internal */ @state() drawerOpen = false;

  /** @internal */ readonly #url = new UrlSyncController(this);
  #viewed?: Results;
  #focusIndex?: number;
  #retryFocusedFor?: unknown;
  /** @internal */ readonly #reveal = new RevealController(this, () => this.#loadMore(false));
  #initialSkus = new WeakMap<ISProduct, ISSku | undefined>();

  /** @internal */
  readonly #search = new Task(this, {
    task: async ([client, path, query, sort, count, page], {signal}) => {
      if (!client) return initialState;
      const key = JSON.stringify([path, query, sort, count]);
      const prev = this.results;
      const accumulate = this.pagination !== 'pages';
      const append = accumulate && prev?.key === key && page === prev.page + 1;
      // Restoring page N of a load-more list (a shared link): fetch pages 1…N.
      const pages = accumulate && !append ? Array.from({length: page}, (_, i) => i + 1) : [page];
      try {
        const replies = await Promise.all(
          pages.map(
            (p) =>
              takeSearch(this, client, {query, facets: path, sort, count, page: p}) ??
              searchProducts(client, {query, facets: path, sort, count, page: p, signal}),
          ),
        );
        const last = replies[replies.length - 1]!;
        const fresh = replies.flatMap((r) => r.products);
        const products = append ? dedupe([...prev.products, ...fresh]) : fresh;
        return (this.results = {
          key,
          page,
          products,
          total: last.recordsFiltered,
          pages: last.pagination.count,
          searchId: last.searchId ?? null,
        });
      } catch (e) {
        if (!signal.aborted) this.emitError('search', e);
        throw e;
      }
    },
    args: () =>
      [this.#store.client, this.#path(), this.query.trim(), this.sort, this.#count(), this.page] as const,
  });

  /** @internal */
  readonly #facets = new Task(this, {
    task: async ([client, show, path, query], {signal}) => {
      if (!client || !show) return initialState;
      try {
        return await (takeFacets(this, client, {query, facets: path}) ??
          searchFacets(client, {query, facets: path, signal}));
      } catch (e) {
        if (!signal.aborted) this.emitError('facets', e);
        throw e;
      }
    },
    args: () => [this.#store.client, this.showFacets, this.#path(), this.query.trim()] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener('click', this.#onCardClick as EventListener);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A malformed attribute falls back to its default (a console warning tells the author), never a failing search.
    const fix = <K extends 'sort' | 'page' | 'pagination' | 'headingLevel'>(key: K, value: this[K]) => {
      if (!changed.has(key) || this[key] === value) return;
      console.warn(
        `<vtex-product-grid>: ${key}="${String(this[key])}" is not valid; using "${String(value)}".`,
      );
      this[key] = value;
    };
    fix('sort', sortOrRelevance(this.sort));
    fix('page', pageNumber(this.page));
    fix('pagination', MODES.includes(this.pagination) ? this.pagination : 'pages');
    fix('headingLevel', this.headingLevel >= 1 && this.headingLevel <= 6 ? Math.floor(this.headingLevel) : 2);
    // Columns go to the host's CSSOM, not a `style` attribute in the template (a strict `style-src` CSP blocks those).
    if (changed.has('columns')) {
      const columns = Math.floor(Number(this.columns));
      if (columns >= 1) this.style.setProperty('--_columns', String(Math.min(columns, 12)));
      else this.style.removeProperty('--_columns');
    }
    if (!this.hasUpdated || this.#url.restoring) return;
    // A new search from outside (author, search box): start over from page 1 without the shopper's filters.
    const scope = ['query', 'category', 'collection', 'brand', 'facets', 'sort', 'pageSize'] as const;
    if (scope.some((k) => changed.has(k))) {
      if (scope.slice(0, 5).some((k) => changed.has(k))) this.selected = [];
      if (!changed.has('page')) this.page = 1;
      if (changed.has('query') && this.syncUrl) this.#url.push();
    }
  }

  protected override updated(changed: PropertyValues): void {
    const loaded = this.#search.status === TaskStatus.COMPLETE ? this.results : undefined;
    this.#reveal.watch(changed.has('pagination'), loaded);
    if (loaded && loaded !== this.#viewed) this.#emitViewed(loaded);
    if (changed.has('drawerOpen')) {
      const d = this.renderRoot.querySelector('dialog');
      if (d && this.drawerOpen && !d.open) d.showModal();
      if (d && !this.drawerOpen && d.open) d.close();
    }
    // The button the shopper pressed (load more, a page) is gone when its page failed: focus the retry instead.
    const error = this.#search.status === TaskStatus.ERROR ? this.#search.error : undefined;
    if (error && this.#focusIndex !== undefined && this.#retryFocusedFor !== error) {
      this.#retryFocusedFor = error;
      this.renderRoot.querySelector<HTMLElement>('.more-bar .retry, [part~="error"] button')?.focus();
    }
    if (this.#focusIndex !== undefined && this.#search.status === TaskStatus.COMPLETE) {
      const link = this.renderRoot.querySelector<HTMLAnchorElement>(
        `.grid > li:nth-child(${this.#focusIndex + 1}) .card-link`,
      );
      // Not revealed yet: try again after the next batch. Focusing lays the page out: in a task of its own, not
      // in the frame that builds cards.
      if (link || this.#reveal.shown >= (this.results?.products.length ?? 0)) this.#focusIndex = undefined;
      if (link) setTimeout(() => link.isConnected && link.focus());
    }
  }

  // ---------- state helpers ----------

  #count(): number {
    return pageCount(this.pageSize);
  }

  /** The merchant's fixed filters, as facet pairs. */
  #base(): SelectedFacet[] {
    return merchantFacets(this);
  }

  #path(): string {
    return facetsPath([...this.#base(), ...this.selected]);
  }

  #setFilters = (selected: SelectedFacet[]): void => {
    this.selected = selected;
    this.page = 1;
    this.#url.push();
  };

  // ---------- load more ----------

  #loadMore = (focus: boolean): void => {
    if (this.#search.status === TaskStatus.PENDING || !this.#reveal.hasMore()) return;
    if (focus) this.#focusIndex = this.results!.products.length;
    this.page = this.results!.page + 1;
    this.#url.push();
  };

  // ---------- analytics ----------

  #emitViewed(r: Results): void {
    const prev = this.#viewed;
    this.#viewed = r;
    const from = prev?.key === r.key && this.pagination !== 'pages' ? prev.products.length : 0;
    const query = this.query.trim();
    this.emit<ProductsViewedDetail>('vtex-products-viewed', {
      list: {id: this.id || 'vtex-product-grid', name: query ? `search: ${query}` : this.#path() || 'all'},
      query,
      searchId: r.searchId,
      total: r.total,
      products: r.products
        .slice(from)
        .map((p, i) => productView(p, this.#skuOf(p), position(this, r, from + i))),
    });
  }

  /** Mirrors the clicked card's `data-af-*` attributes onto the host while the click bubbles to the document. */
  #onCardClick = (e: MouseEvent): void => {
    const card = e
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.hasAttribute('data-af-element'));
    if (!card) return;
    const names = card.getAttributeNames().filter((n) => n.startsWith('data-af-'));
    for (const n of names) this.setAttribute(n, card.getAttribute(n)!);
    setTimeout(() => names.forEach((n) => this.removeAttribute(n)));
  };

  // ---------- handlers ----------

  #goTo = (page: number): void => {
    // The page buttons go away while the page loads: focus moves to the page's first product once it is in.
    this.#focusIndex = 0;
    this.page = page;
    this.#url.push();
    const top = this.getBoundingClientRect().top;
    if (top < 0) this.scrollIntoView({block: 'start'});
  };

  #onSort = (e: Event): void => {
    this.sort = (e.target as HTMLSelectElement).value;
    this.page = 1;
    this.#url.push();
  };

  #onSelect = (e: MouseEvent, product: ISProduct, url: string): void => {
    const detail: ProductSelectedDetail = {
      product: {id: product.productId, slug: product.linkText, name: product.productName},
      url,
    };
    if (!this.emit('vtex-product-selected', detail, {cancelable: true})) e.preventDefault();
  };

  #onSwatch = (product: ISProduct, axis: string, value: string): void => {
    const current = this.#skuOf(product);
    const sku = pickSku(product, selectionOf(current), axis, value);
    if (sku) this.chosenSku = new Map(this.chosenSku).set(product.productId, sku.itemId);
  };

  #onAdd = async (product: ISProduct, sku: ISSku): Promise<void> => {
    const setStatus = (s: CardStatus) =>
      (this.cardStatus = new Map(this.cardStatus).set(product.productId, s));
    setStatus('busy');
    try {
      const item = {id: sku.itemId, quantity: 1, seller: defaultSeller(sku)?.sellerId ?? '1'};
      const added = await addToCart(this.#cart.store, item);
      // None added: the cart already holds all the stock there is.
      setStatus(added ? 'added' : 'not-added');
      if (added)
        setTimeout(
          () => this.cardStatus.get(product.productId) === 'added' && setStatus(undefined),
          ADDED_NOTE_MS,
        );
      if (added) this.emit<ItemAddedDetail>('vtex-item-added', added);
    } catch (e) {
      setStatus('error');
      this.emitError('addItems', e);
    }
  };

  #skuOf = (product: ISProduct): ISSku | undefined => {
    const id = this.chosenSku.get(product.productId);
    return (id && product.items.find((s) => s.itemId === id)) || this.#initialSku(product);
  };

  #initialSku(product: ISProduct): ISSku | undefined {
    if (!this.#initialSkus.has(product)) this.#initialSkus.set(product, initialSku(product));
    return this.#initialSkus.get(product);
  }

  /** Past the filters (dozens of Tab stops) to the first product. */
  #skip = (e: Event): void => {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('[part~="card"] a')?.focus();
  };

  // ---------- render ----------

  override render() {
    const status = this.#search.status;
    const r = this.results;
    const current = r?.key === JSON.stringify([this.#path(), this.query.trim(), this.sort, this.#count()]);
    // The task stores its results before its status turns COMPLETE: results for these very args are not pending.
    const arrived = current && r.page === this.page;
    const pending = (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) && !arrived;
    const next = this.pagination !== 'pages' && current && this.page === r!.page + 1;
    const appending = pending && next;
    // A page that failed to load under the shown ones keeps them: the error and a retry take the button's place.
    const appendFailed = status === TaskStatus.ERROR && next;
    const c: FacetsContext & ResultsContext = {
      host: this,
      i18n: this.#i18n,
      task: this.#facets,
      search: this.#search,
      reveal: this.#reveal,
      skuOf: this.#skuOf,
      slow: !!this.#cart.state?.slow,
      onSelect: this.#onSelect,
      onSwatch: this.#onSwatch,
      onAdd: this.#onAdd,
      onSort: this.#onSort,
      setFilters: this.#setFilters,
      goTo: this.#goTo,
      loadMore: this.#loadMore,
    };
    const loaded = (status === TaskStatus.COMPLETE || appendFailed) && r;
    const count = countText(c, pending && !appending, loaded);
    return html`${this.showFacets ? html`<a class="skip" part="skip-link" href="#" @click=${this.#skip}>${this.#i18n.m.skipToResults}</a>` : nothing}
      <div class="layout ${this.showFacets ? 'with-facets' : ''}" part="layout">
        ${this.showFacets ? html`<aside class="sidebar" part="facets" aria-label=${this.#i18n.m.filters}>${renderFacets(c)}</aside>` : nothing}
        ${renderMain(c, count, pending, appending, appendFailed)}
      </div>
      ${this.showFacets ? renderDrawer(c, count, loaded ? r.total : undefined) : nothing}`;
  }
}

function dedupe(products: ISProduct[]): ISProduct[] {
  const seen = new Set<string>();
  return products.filter((p) => !seen.has(p.productId) && (seen.add(p.productId), true));
}
