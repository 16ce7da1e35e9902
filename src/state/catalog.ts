import type {SearchParams} from '../client/catalog.js';
import type {VtexClient} from '../client/index.js';
import type {FacetsResult, ISProduct, ProductSearchResult} from '../client/types.js';

/** One page of Intelligent Search results. */
export const searchProducts = (client: VtexClient, params: SearchParams): Promise<ProductSearchResult> =>
  client.catalog.search(params);

/** The filters (facets) for a query and selection. */
export const searchFacets = (client: VtexClient, params: SearchParams): Promise<FacetsResult> =>
  client.catalog.facets(params);

/** One product by slug or id. */
export const findProduct = (
  client: VtexClient,
  which: {slug: string} | {id: string},
  options?: {signal?: AbortSignal},
): Promise<ISProduct> => client.catalog.product(which, options);

export interface Suggestions {
  term: string;
  /** Up to six search terms VTEX suggests. */
  terms: string[];
  products: ISProduct[];
}

/** What to suggest while the shopper types: VTEX's terms and, when `count` > 0, the first products. */
export async function suggest(
  client: VtexClient,
  term: string,
  count: number,
  options?: {signal?: AbortSignal},
): Promise<Suggestions> {
  const [auto, search] = await Promise.all([
    client.catalog.autocomplete(term, options),
    count > 0 ? client.catalog.search({query: term, count, ...options}) : {products: []},
  ]);
  return {term, terms: auto.searches.map((s) => s.term).slice(0, 6), products: search.products};
}
