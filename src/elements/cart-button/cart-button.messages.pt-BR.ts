import {plural} from '../../i18n/format.js';
import type {CartButtonMessages} from './cart-button.messages.js';

const messages: CartButtonMessages = {
  label: (n: number) =>
    `Carrinho, ${plural('pt-BR', n, {zero: '0 itens', one: `${n} item`, other: `${n} itens`})}`,
  loading: 'Carrinho',
  failed: 'Carrinho indisponível',
};

export default messages;
