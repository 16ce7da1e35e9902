import type {CatalogMessages} from '../shared-catalog/catalog.messages.js';
import type {ProductGridMessages} from './product-grid.messages.js';

const messages: Omit<ProductGridMessages, keyof CatalogMessages> = {
  productsLabel: 'Produtos',
  filters: 'Filtros',
  filtersCount: (n: number) => (n ? `Filtros (${n})` : 'Filtros'),
  clearFilters: 'Limpar filtros',
  sortBy: 'Ordenar por',
  sortRelevance: 'Relevância',
  'sortPrice:asc': 'Menor preço',
  'sortPrice:desc': 'Maior preço',
  'sortOrders:desc': 'Mais vendidos',
  'sortName:asc': 'Nome: A a Z',
  'sortName:desc': 'Nome: Z a A',
  'sortRelease:desc': 'Lançamentos',
  'sortDiscount:desc': 'Maior desconto',
  loadMore: 'Carregar mais',
  showing: (shown: number, total: number) => `Mostrando ${shown} de ${total}`,
  pagination: 'Paginação',
  previous: 'Página anterior',
  next: 'Próxima página',
  page: (n: number) => `Página ${n}`,
  pageOf: (n: number, total: number) => `página ${n} de ${total}`,
  emptyQuery: (q: string) => `Nenhum produto para “${q}”`,
  emptyFilters: 'Nenhum produto corresponde a estes filtros.',
  emptyHint: 'Confira a ortografia ou use menos filtros.',
  priceRange: 'Faixa de preço',
  min: 'Preço mínimo',
  max: 'Preço máximo',
  apply: 'Aplicar',
  showMore: (n: number) => `Mostrar mais ${n}`,
  showLess: 'Mostrar menos',
  showResults: 'Ver resultados',
  loadingProducts: 'Carregando produtos…',
  facetValue: (name: string, count: number) => `${name}, ${count}`,
};

export default messages;
