import {plural} from '../../i18n/format.js';
import type {SearchBoxMessages} from './search-box.messages.js';

const messages: SearchBoxMessages = {
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
};

export default messages;
