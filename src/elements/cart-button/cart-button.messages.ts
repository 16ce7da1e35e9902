import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

export const cartButtonMessages = defineMessages({
  en: {
    label: (n: number) => `Cart, ${plural('en', n, {one: '1 item', other: `${n} items`})}`,
    loading: 'Cart',
  },
  'pt-BR': {
    label: (n: number) => `Carrinho, ${plural('pt-BR', n, {one: '1 item', other: `${n} itens`})}`,
    loading: 'Carrinho',
  },
  es: {
    label: (n: number) => `Carrito, ${plural('es', n, {one: '1 artículo', other: `${n} artículos`})}`,
    loading: 'Carrito',
  },
});
