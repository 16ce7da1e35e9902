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
