import {plural} from '../../i18n/format.js';
import type {SearchBoxMessages} from './search-box.messages.js';

const messages: SearchBoxMessages = {
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
};

export default messages;
