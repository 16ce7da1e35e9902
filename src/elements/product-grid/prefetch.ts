import {ContextEvent} from '@lit/context';
import {facetsPath, parseFacetsPath} from '../../client/catalog.js';
import type {VtexClient} from '../../client/index.js';
import type {FacetsResult, ProductSearchResult, SelectedFacet} from '../../client/types.js';
import {clientContext} from '../../context/index.js';

/** Products per page: 1–100, 24 when unset or not a number. */
export const pageCount = (pageSize: number): number => Math.min(100, Math.max(1, Math.floor(pageSize) || 24));

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

interface Started {
  client: VtexClient;
  search?: {key: string; reply: Promise<ProductSearchResult>};
  facets?: {key: string; reply: Promise<FacetsResult>};
}

/** Requests started for a grid while its tag waited for its language pack, until its first search takes them. */
const started = new WeakMap<Element, Started>();

const searchKey = (r: SearchRequest) => JSON.stringify([r.query, r.facets, r.sort, r.count, r.page]);
const facetsKey = (r: Pick<SearchRequest, 'query' | 'facets'>) => JSON.stringify([r.query, r.facets]);

/**
 * The first search a `<vtex-product-grid>` not upgraded yet will make, read from its attributes (and from the URL
 * with `sync-url`) the way the element reads them. Undefined for a restored load-more list (it fetches pages 1…N).
 */
export function firstSearch(el: Element): SearchRequest | undefined {
  const attr = (name: string) => el.getAttribute(name);
  const url = el.hasAttribute('sync-url') ? new URL(location.href).searchParams : undefined;
  const page = url ? Math.max(1, Number(url.get('page')) || 1) : Number(attr('page') ?? 1);
  if ((attr('pagination') ?? 'pages') !== 'pages' && page !== 1) return undefined;
  const selected = parseFacetsPath(url?.get('fq') ?? '');
  return {
    query: (url?.get('q') ?? attr('query') ?? '').trim(),
    facets: facetsPath([
      ...merchantFacets(
        Object.fromEntries(['category', 'collection', 'brand', 'facets'].map((n) => [n, attr(n)])),
      ),
      ...selected,
    ]),
    sort: url?.get('sort') ?? attr('sort') ?? '',
    count: pageCount(Number(attr('page-size') ?? 24)),
    page,
  };
}

/**
 * Starts a grid's first search (and its facets, with `show-facets`) while its tag waits for its language pack:
 * the products then arrive in parallel with the pack instead of after it. Needs the page's store to be up.
 */
export function prefetch(el: Element): void {
  let client: VtexClient | undefined;
  el.dispatchEvent(new ContextEvent(clientContext, el, (c) => (client = c)));
  const request = firstSearch(el);
  if (!client || !request) return;
  const quiet = <T>(p: Promise<T>) => (p.catch(() => undefined), p);
  started.set(el, {
    client,
    search: {key: searchKey(request), reply: quiet(client.catalog.search(request))},
    facets: el.hasAttribute('show-facets')
      ? {key: facetsKey(request), reply: quiet(client.catalog.facets(request))}
      : undefined,
  });
}

/** A request started for `el` with this client, once: it serves the element's first call if that asks the same. */
function take<K extends 'search' | 'facets'>(
  el: Element,
  client: VtexClient,
  kind: K,
  key: string,
): NonNullable<Started[K]>['reply'] | undefined {
  const s = started.get(el);
  const entry = s?.client === client ? s[kind] : undefined;
  if (!entry) return undefined;
  delete s![kind];
  return entry.key === key ? entry.reply : undefined;
}

export const takeSearch = (el: Element, client: VtexClient, r: SearchRequest) =>
  take(el, client, 'search', searchKey(r));

export const takeFacets = (el: Element, client: VtexClient, r: Pick<SearchRequest, 'query' | 'facets'>) =>
  take(el, client, 'facets', facetsKey(r));
