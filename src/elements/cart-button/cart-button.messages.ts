import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

export const cartButtonMessages = defineMessages({
  en: {
    label: (n: number) =>
      `Cart, ${plural('en', n, {zero: '0 items', one: `${n} item`, other: `${n} items`})}`,
    loading: 'Cart',
  },
  'pt-BR': {
    label: (n: number) =>
      `Carrinho, ${plural('pt-BR', n, {zero: '0 itens', one: `${n} item`, other: `${n} itens`})}`,
    loading: 'Carrinho',
  },
  es: {
    label: (n: number) =>
      `Carrito, ${plural('es', n, {zero: '0 artículos', one: `${n} artículo`, other: `${n} artículos`})}`,
    loading: 'Carrito',
  },
});
