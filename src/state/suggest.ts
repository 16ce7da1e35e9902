import type {VtexClient} from '../client/index.js';
import type {ISProduct} from '../client/types.js';

// Apart from ./catalog.ts: the search box loads its suggestions on demand, and a shared module would be one more file
// for every page with a grid or a product.

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
