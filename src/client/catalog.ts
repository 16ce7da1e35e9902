import type {Http, RequestOptions} from './http.js';
import type {
  AutocompleteResult,
  FacetsResult,
  ISProduct,
  ProductSearchResult,
  SearchSort,
  SelectedFacet,
} from './types.js';

const IS = '/api/intelligent-search/v1';

export interface SearchParams extends RequestOptions {
  query?: string;
  /** Selected facets, or a raw VTEX facets path such as `category-1/apparel/brand/acme`. */
  facets?: readonly SelectedFacet[] | string;
  /** 1-based page. */
  page?: number;
  count?: number;
  sort?: SearchSort | string;
  hideUnavailableItems?: boolean;
}

export interface CatalogContext {
  salesChannel: string;
  locale: string;
}

/** `[{key:'brand', value:'acme'}]` → `brand/acme` (each segment URI-encoded). */
export function facetsPath(facets: SearchParams['facets']): string {
  if (!facets) return '';
  if (typeof facets === 'string') {
    return facets
      .split('/')
      .filter(Boolean)
      .map((s) => encodeURIComponent(decodeURIComponentSafe(s)))
      .join('/');
  }
  return facets.map((f) => `${encodeURIComponent(f.key)}/${encodeURIComponent(f.value)}`).join('/');
}

/** Parses a VTEX facets path back into pairs; odd trailing segments are ignored. */
export function parseFacetsPath(path: string): SelectedFacet[] {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponentSafe);
  const out: SelectedFacet[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({key: parts[i]!, value: parts[i + 1]!});
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function createCatalogApi(http: Http, ctx: CatalogContext) {
  const common = (p: SearchParams) => ({
    query: p.query?.trim() || undefined,
    sc: ctx.salesChannel,
    locale: ctx.locale,
    hideUnavailableItems: p.hideUnavailableItems ? 'true' : undefined,
  });
  return {
    /** ISv1#GET /product-search/{facets} — prices in decimal currency units. */
    search(params: SearchParams = {}): Promise<ProductSearchResult> {
      return http.json(`${IS}/product-search/${facetsPath(params.facets)}`, {
        query: {
          ...common(params),
          page: params.page ?? 1,
          count: params.count ?? 24,
          sort: params.sort || undefined,
        },
        signal: params.signal,
      });
    },
    /** ISv1#GET /facets/{facets} */
    facets(params: SearchParams = {}): Promise<FacetsResult> {
      return http.json(`${IS}/facets/${facetsPath(params.facets)}`, {
        query: common(params),
        signal: params.signal,
      });
    },
    /** ISv1#GET /products — one product by slug or id; 404 when unknown. */
    product(by: {slug: string} | {id: string}, options: RequestOptions = {}): Promise<ISProduct> {
      const [field, value] = 'slug' in by ? ['slug', by.slug] : ['id', by.id];
      return http.json(`${IS}/products`, {
        query: {sc: ctx.salesChannel, locale: ctx.locale, field, value},
        signal: options.signal,
      });
    },
    /** ISv1#GET /autocomplete-suggestions */
    autocomplete(query: string, options: RequestOptions = {}): Promise<AutocompleteResult> {
      return http.json(`${IS}/autocomplete-suggestions`, {
        query: {query, locale: ctx.locale},
        signal: options.signal,
      });
    },
  };
}

export type CatalogApi = ReturnType<typeof createCatalogApi>;
