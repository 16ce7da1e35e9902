import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

export const messages = defineMessages({
  en: {
    label: 'Search products',
    placeholder: 'Search products',
    submit: 'Search',
    suggestions: 'Suggestions',
    searches: 'Searches',
    products: 'Products',
    results: (n: number) =>
      plural('en', n, {
        zero: 'No suggestions',
        one: '1 suggestion available',
        other: `${n} suggestions available`,
      }),
    loading: 'Searching…',
  },
  'pt-BR': {
    label: 'Buscar produtos',
    placeholder: 'Buscar produtos',
    submit: 'Buscar',
    suggestions: 'Sugestões',
    searches: 'Buscas',
    products: 'Produtos',
    results: (n: number) =>
      plural('pt-BR', n, {
        zero: 'Nenhuma sugestão',
        one: '1 sugestão disponível',
        other: `${n} sugestões disponíveis`,
      }),
    loading: 'Buscando…',
  },
  es: {
    label: 'Buscar productos',
    placeholder: 'Buscar productos',
    submit: 'Buscar',
    suggestions: 'Sugerencias',
    searches: 'Búsquedas',
    products: 'Productos',
    results: (n: number) =>
      plural('es', n, {
        zero: 'Sin sugerencias',
        one: '1 sugerencia disponible',
        other: `${n} sugerencias disponibles`,
      }),
    loading: 'Buscando…',
  },
});
