import type {Task} from '../../internal/task.js';
import {TaskStatus} from '../../internal/task.js';
import {html, nothing} from 'lit';
import {guard} from 'lit/directives/guard.js';
import {repeat} from 'lit/directives/repeat.js';
import type {ISProduct, ISSku, SelectedFacet} from '../../client/types.js';
import type {LocalizeController} from '../../controllers/localize-controller.js';
import {renderCard, renderCardSkeleton, type CardContext, type CardStatus} from '../shared-catalog/card.js';
import {productUrl} from '../shared-catalog/offer.js';
import type {ProductGridMessages} from './product-grid.messages.js';
import {pageCount, SORTS} from './prefetch.js';
import type {Results, RevealController} from './reveal-controller.js';

/** The grid's state the results read (and the filters button writes). */
export interface ResultsHost {
  results?: Results;
  /** The filters the shopper chose. */
  selected: SelectedFacet[];
  query: string;
  sort: string;
  showFacets: boolean;
  showSort: boolean;
  pagination: string;
  pageSize: number;
  columns?: number;
  productUrl: string;
  headingLevel: number;
  cardStatus: Map<string, CardStatus>;
  drawerOpen: boolean;
}

/** A product's 1-based position in the whole list (on numbered pages, after those of the pages before). */
export const position = (host: {pagination: string; pageSize: number}, r: Results, i: number): number =>
  host.pagination === 'pages' ? (r.page - 1) * pageCount(host.pageSize) + i + 1 : i + 1;

/** What the toolbar, the result list and its pagination show, and what their buttons call. */
export interface ResultsContext {
  host: ResultsHost;
  i18n: LocalizeController<ProductGridMessages>;
  /** The products search. */
  search: Task<readonly unknown[], Results>;
  /** The facets search: when both failed, the results' one error and retry stand for both. */
  task: {status: TaskStatus; run(): unknown};
  /** Cards revealed so far, pages after the last one loaded. */
  reveal: RevealController;
  skuOf: (product: ISProduct) => ISSku | undefined;
  /** The cart has kept a change waiting for a few seconds: a card still adding says it is still trying. */
  slow: boolean;
  onSelect: CardContext['onSelect'];
  onSwatch: CardContext['onSwatch'];
  onAdd: CardContext['onAdd'];
  onSort: (e: Event) => void;
  setFilters: (selected: SelectedFacet[]) => void;
  goTo: (page: number) => void;
  loadMore: (focus: boolean) => void;
}

/** The result count (a live region): "Loading products…", or the total (and the page, past the first one). */
export function countText(c: ResultsContext, loading: boolean, loaded: false | undefined | Results) {
  const m = c.i18n.m;
  // Numbered pages after the first also say which page this is: the page buttons' press is heard.
  return loading
    ? m.loadingProducts
    : loaded
      ? html`${m.products(loaded.total)}${
          c.host.pagination === 'pages' && loaded.page > 1
            ? html`<span class="visually-hidden">, ${m.pageOf(loaded.page, loaded.pages)}</span>`
            : nothing
        }`
      : '';
}

/** The results column: the toolbar (count, filters button, sort) over the list and its pagination. */
export function renderMain(
  c: ResultsContext,
  count: unknown,
  pending: boolean,
  appending: boolean,
  appendFailed: boolean,
) {
  const m = c.i18n.m;
  return html`<div class="main">
    <div class="toolbar" part="toolbar">
      <p class="count" part="count" role="status">${count}</p>
      ${
        c.host.showFacets
          ? html`<button
              type="button"
              class="button filters-button"
              part="filters-button"
              aria-haspopup="dialog"
              @click=${() => (c.host.drawerOpen = true)}
            >
              ${m.filtersCount(c.host.selected.length)}
            </button>`
          : nothing
      }
      ${
        c.host.showSort
          ? html`<label class="sort"
              ><span>${m.sortBy}</span>
              <select part="sort" .value=${c.host.sort} @change=${c.onSort}>
                ${SORTS.map(
                  (s) =>
                    html`<option value=${s} ?selected=${s === c.host.sort}>
                      ${s ? m[`sort${s[0]!.toUpperCase()}${s.slice(1)}` as 'sortRelevance'] : m.sortRelevance}
                    </option>`,
                )}
              </select></label
            >`
          : nothing
      }
    </div>
    ${renderResults(c, pending, appending, appendFailed)}
  </div>`;
}

function renderResults(c: ResultsContext, pending: boolean, appending: boolean, appendFailed: boolean) {
  const m = c.i18n.m;
  const r = c.host.results;
  if (c.search.status === TaskStatus.ERROR && !appendFailed) {
    return html`<div class="state" part="error" role="alert">
      <p class="error-text">${c.i18n.error(c.search.error as never)}</p>
      <button
        type="button"
        class="button"
        @click=${() => (c.search.run(), c.task.status === TaskStatus.ERROR && c.task.run())}
      >
        ${c.i18n.common.retry}
      </button>
    </div>`;
  }
  // Loading a new search: as many placeholders as the page will have cards, in the same columns and the same
  // list, so the results take their places (no list rebuilt, nothing moves).
  const loading = pending && !appending;
  if (!loading && !r) return nothing;
  if (!loading && r!.total === 0) {
    const q = c.host.query.trim();
    return html`<div class="state empty" part="empty">
      <p class="empty-title">${q ? m.emptyQuery(q) : m.emptyFilters}</p>
      <p>${m.emptyHint}</p>
      ${c.host.selected.length ? html`<button type="button" class="button" @click=${() => c.setFilters([])}>${m.clearFilters}</button>` : nothing}
    </div>`;
  }
  if (!loading && !r!.products.length) {
    // A page past the last one (a stale link, page="999"): say so and offer the first page.
    return html`<div class="state empty" part="empty">
      <p class="empty-title">${m.pageEmpty}</p>
      <button type="button" class="button" @click=${() => c.goTo(1)}>${m.firstPage}</button>
    </div>`;
  }
  const products = loading ? [] : r!.products;
  const searchId = r?.searchId ?? null;
  const money = (v: number) => c.i18n.decimal(v);
  const format = `${c.i18n.locale}|${JSON.stringify(c.i18n.currency)}`;
  // Past the first page (load-more, infinite), list items carry `later`: off-screen, they skip rendering.
  const item = (later: boolean, content: unknown) =>
    html`<li class=${later ? 'later' : nothing}>${content}</li>`;
  // Cards go in blocks of one page each, guarded as a whole: appending page 10 diffs 10 blocks, not 1,000 cards.
  // Blocks are keyed by position, so the placeholder block of a page being loaded becomes that page: its
  // skeletons stay and only the cards revealed so far (see RevealController) replace theirs, which have the same box.
  const size = pageCount(c.host.pageSize);
  const shown = Math.min(c.reveal.shown, products.length);
  const starts = Array.from({length: Math.ceil(products.length / size)}, (_, i) => i * size);
  const placeholders = loading ? size : appending ? Math.min(size, r!.total - products.length) : 0;
  if (placeholders) starts.push(starts.length * size);
  return html`<ul
      class="grid ${c.host.columns ? 'fixed' : ''}"
      part="grid"
      aria-busy=${pending || shown < products.length ? 'true' : 'false'}
      aria-label=${m.productsLabel}
    >
      ${repeat(
        starts,
        (start) => start,
        (start) => {
          const block = products.slice(start, start + size);
          const visible = Math.max(0, shown - start);
          const extra = start >= products.length ? placeholders : 0;
          const deps: unknown[] = [
            visible,
            extra,
            c.host.productUrl,
            c.host.headingLevel,
            c.slow,
            m,
            format,
            searchId,
            ...block,
          ];
          for (const p of block) deps.push(c.skuOf(p), c.host.cardStatus.get(p.productId));
          const later = start > 0;
          return guard(deps, () => [
            ...block.map((p, i) =>
              item(
                later,
                i < visible
                  ? card(c, p, position(c.host, r!, start + i), searchId, format, money)
                  : renderCardSkeleton(),
              ),
            ),
            ...Array.from({length: extra}, () => item(later, renderCardSkeleton())),
          ]);
        },
      )}
    </ul>
    ${loading ? nothing : renderPagination(c, pending, appendFailed)}`;
}

/**
 * A card, re-rendered only when something it shows changed (product, SKU, status, link, position, language):
 * appending a page renders the new cards and leaves the others untouched.
 */
function card(
  c: ResultsContext,
  product: ISProduct,
  position: number,
  searchId: string | null,
  format: string,
  money: (v: number) => string,
) {
  const m = c.i18n.m;
  const sku = c.skuOf(product);
  const status = c.host.cardStatus.get(product.productId);
  const still = status === 'busy' && c.slow ? c.i18n.common.stillTrying : undefined;
  const deps = [
    product,
    sku,
    status,
    still,
    c.host.productUrl,
    m,
    format,
    position,
    searchId,
    c.host.headingLevel,
  ];
  return guard(deps, () =>
    renderCard({
      product,
      sku,
      url: productUrl(c.host.productUrl, product),
      status,
      m,
      money,
      onSelect: c.onSelect,
      onSwatch: c.onSwatch,
      onAdd: c.onAdd,
      level: c.host.headingLevel,
      still,
      af: {position, searchId},
    }),
  );
}

function renderPagination(c: ResultsContext, pending: boolean, appendFailed: boolean) {
  const m = c.i18n.m;
  const r = c.host.results!;
  if (c.host.pagination !== 'pages') {
    return html`<div class="more-bar">
      <p class="showing">${m.showing(r.products.length, r.total)}</p>
      ${
        appendFailed
          ? html`<p class="error-text" part="error" role="alert">${c.i18n.error(c.search.error as never)}</p>
              <button type="button" class="button retry" @click=${() => c.search.run()}>
                ${c.i18n.common.retry}
              </button>`
          : c.reveal.hasMore()
            ? html`<button
                type="button"
                class="button"
                part="load-more"
                ?disabled=${pending}
                @click=${() => c.loadMore(true)}
              >
                ${m.loadMore}
              </button>`
            : nothing
      }
      ${c.host.pagination === 'infinite' ? html`<div class="sentinel" aria-hidden="true"></div>` : nothing}
    </div>`;
  }
  if (r.pages <= 1) return nothing;
  const pages = pageWindow(r.page, r.pages);
  return html`<nav class="pagination" part="pagination" aria-label=${m.pagination}>
    <button
      type="button"
      class="button"
      part="page-button"
      ?disabled=${r.page <= 1}
      aria-label=${m.previous}
      @click=${() => c.goTo(r.page - 1)}
    >
      ‹
    </button>
    ${pages.map((p) =>
      p === 0
        ? html`<span class="gap" aria-hidden="true">…</span>`
        : html`<button
            type="button"
            class="button page ${p === r.page ? 'primary' : ''}"
            part="page-button"
            aria-label=${m.page(p)}
            aria-current=${p === r.page ? 'page' : 'false'}
            @click=${() => p !== r.page && c.goTo(p)}
          >
            ${p}
          </button>`,
    )}
    <button
      type="button"
      class="button"
      part="page-button"
      ?disabled=${r.page >= r.pages}
      aria-label=${m.next}
      @click=${() => c.goTo(r.page + 1)}
    >
      ›
    </button>
  </nav>`;
}

/** 1 … 4 5 [6] 7 8 … 20 — 0 marks a gap. */
export function pageWindow(current: number, total: number): number[] {
  const out: number[] = [];
  const from = Math.max(2, current - 2);
  const to = Math.min(total - 1, current + 2);
  out.push(1);
  if (from > 2) out.push(0);
  for (let p = from; p <= to; p++) out.push(p);
  if (to < total - 1) out.push(0);
  if (total > 1) out.push(total);
  return out;
}
