import {defineMessages} from '../../i18n/messages.js';
import {catalogMessages, withCatalogPack} from '../shared-catalog/catalog.messages.js';

const en = {
  ...catalogMessages.en,
  productsLabel: 'Products',
  filters: 'Filters',
  filtersCount: (n: number) => (n ? `Filters (${n})` : 'Filters'),
  clearFilters: 'Clear filters',
  sortBy: 'Sort by',
  sortRelevance: 'Relevance',
  'sortPrice:asc': 'Price: low to high',
  'sortPrice:desc': 'Price: high to low',
  'sortOrders:desc': 'Best sellers',
  'sortName:asc': 'Name: A to Z',
  'sortName:desc': 'Name: Z to A',
  'sortRelease:desc': 'Newest',
  'sortDiscount:desc': 'Biggest discount',
  loadMore: 'Load more',
  showing: (shown: number, total: number) => `Showing ${shown} of ${total}`,
  pagination: 'Pagination',
  previous: 'Previous page',
  next: 'Next page',
  page: (n: number) => `Page ${n}`,
  pageOf: (n: number, total: number) => `page ${n} of ${total}`,
  pageEmpty: 'There are no products on this page.',
  firstPage: 'Go to the first page',
  emptyQuery: (q: string) => `No products for “${q}”`,
  emptyFilters: 'No products match these filters.',
  emptyHint: 'Check the spelling or try fewer filters.',
  priceRange: 'Price range',
  min: 'Minimum price',
  max: 'Maximum price',
  apply: 'Apply',
  showMore: (n: number) => `Show ${n} more`,
  showLess: 'Show less',
  showResults: 'Show results',
  loadingProducts: 'Loading products…',
  facetValue: (name: string, count: number) => `${name}, ${count}`,
};

/** The message map's shape: en is the source. */
export type ProductGridMessages = typeof en;

export const messages = defineMessages<ProductGridMessages>({
  en,
  'pt-BR': withCatalogPack('pt-BR', () => import('./product-grid.messages.pt-BR.js')),
  es: withCatalogPack('es', () => import('./product-grid.messages.es.js')),
});
