import type {CatalogMessages} from '../shared-catalog/catalog.messages.js';
import type {ProductGridMessages} from './product-grid.messages.js';

const messages: Omit<ProductGridMessages, keyof CatalogMessages> = {
  productsLabel: 'Productos',
  filters: 'Filtros',
  filtersCount: (n: number) => (n ? `Filtros (${n})` : 'Filtros'),
  clearFilters: 'Borrar filtros',
  sortBy: 'Ordenar por',
  sortRelevance: 'Relevancia',
  'sortPrice:asc': 'Precio: menor a mayor',
  'sortPrice:desc': 'Precio: mayor a menor',
  'sortOrders:desc': 'Más vendidos',
  'sortName:asc': 'Nombre: A a Z',
  'sortName:desc': 'Nombre: Z a A',
  'sortRelease:desc': 'Novedades',
  'sortDiscount:desc': 'Mayor descuento',
  loadMore: 'Cargar más',
  showing: (shown: number, total: number) => `Mostrando ${shown} de ${total}`,
  pagination: 'Paginación',
  previous: 'Página anterior',
  next: 'Página siguiente',
  page: (n: number) => `Página ${n}`,
  pageOf: (n: number, total: number) => `página ${n} de ${total}`,
  emptyQuery: (q: string) => `No hay productos para “${q}”`,
  emptyFilters: 'Ningún producto coincide con estos filtros.',
  emptyHint: 'Revisa la ortografía o usa menos filtros.',
  priceRange: 'Rango de precio',
  min: 'Precio mínimo',
  max: 'Precio máximo',
  apply: 'Aplicar',
  showMore: (n: number) => `Mostrar ${n} más`,
  showLess: 'Mostrar menos',
  showResults: 'Ver resultados',
  loadingProducts: 'Cargando productos…',
  facetValue: (name: string, count: number) => `${name}, ${count}`,
};

export default messages;
