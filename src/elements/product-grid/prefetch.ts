import {facetsPath, parseFacetsPath} from '../../client/catalog.js';
import type {VtexClient} from '../../client/index.js';
import type {FacetsResult, ProductSearchResult, SelectedFacet} from '../../client/types.js';
import {SORTS} from '../../domain/sorts.js';
import {clientFor, start, take} from '../../internal/prefetch.js';
import {searchFacets, searchProducts} from '../../state/catalog.js';

/** Products per page: 1–100, 24 when unset, not a number or below 1. */
export function pageCount(pageSize: number): number {
  const n = Math.floor(pageSize);
  return n >= 1 ? Math.min(100, n) : 24;
}

/** A 1-based page: 1 when not a number or below 1. */
export const pageNumber = (page: number): number => Math.max(1, Math.floor(page) || 1);

export {SORTS};

/** The sort, or relevance when Intelligent Search does not know it (it answers 400). */
export const sortOrRelevance = (sort: string): string =>
  (SORTS as readonly string[]).includes(sort) ? sort : '';

const split = (s: string | null | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The merchant's fixed filters (category path, collections, brands, a raw facets path) as facet pairs. */
export function merchantFacets(m: {
  category?: string | null;
  collection?: string | null;
  brand?: string | null;
  facets?: string | null;
}): SelectedFacet[] {
  const out: SelectedFacet[] = (m.category ?? '')
    .split('/')
    .filter(Boolean)
    .map((value, i) => ({key: `category-${i + 1}`, value}));
  for (const id of split(m.collection)) out.push({key: 'productClusterIds', value: id});
  for (const b of split(m.brand)) out.push({key: 'brand', value: b});
  if (m.facets) out.push(...parseFacetsPath(m.facets));
  return out;
}

export interface SearchRequest {
  query: string;
  facets: string;
  sort: string;
  count: number;
  page: number;
}

const searchKey = (r: SearchRequest) => JSON.stringify([r.query, r.facets, r.sort, r.count, r.page]);
const facetsKey = (r: Pick<SearchRequest, 'query' | 'facets'>) => JSON.stringify([r.query, r.facets]);

/**
 * The first search a `<vtex-product-grid>` not upgraded yet will make, read from its attributes (and from the URL
 * with `sync-url`) the way the element reads them. Undefined for a restored load-more list (it fetches pages 1…N).
 */
export function firstSearch(el: Element): SearchRequest | undefined {
  const attr = (name: string) => el.getAttribute(name);
  const url = el.hasAttribute('sync-url') ? new URL(location.href).searchParams : undefined;
  const page = pageNumber(Number(url ? url.get('page') : (attr('page') ?? 1)));
  const mode = attr('pagination');
  if ((mode === 'load-more' || mode === 'infinite') && page !== 1) return undefined;
  const selected = parseFacetsPath(url?.get('fq') ?? '');
  return {
    query: (url?.get('q') ?? attr('query') ?? '').trim(),
    facets: facetsPath([
      ...merchantFacets(
        Object.fromEntries(['category', 'collection', 'brand', 'facets'].map((n) => [n, attr(n)])),
      ),
      ...selected,
    ]),
    sort: sortOrRelevance(url?.get('sort') ?? attr('sort') ?? ''),
    count: pageCount(Number(attr('page-size') ?? 24)),
    page,
  };
}

/**
 * Starts a grid's first search (and its facets, with `show-facets`) while its tag waits for its language pack:
 * the products then arrive in parallel with the pack instead of after it. Needs the page's store to be up.
 */
export function prefetch(el: Element): void {
  const client = clientFor(el);
  const request = firstSearch(el);
  if (!client || !request) return;
  start(el, client, 'search', searchKey(request), searchProducts(client, request));
  if (el.hasAttribute('show-facets'))
    start(el, client, 'facets', facetsKey(request), searchFacets(client, request));
}

export const takeSearch = (el: Element, client: VtexClient, r: SearchRequest) =>
  take<ProductSearchResult>(el, client, 'search', searchKey(r));

export const takeFacets = (el: Element, client: VtexClient, r: Pick<SearchRequest, 'query' | 'facets'>) =>
  take<FacetsResult>(el, client, 'facets', facetsKey(r));
