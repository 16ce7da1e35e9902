import {plural} from '../../i18n/format.js';
import type {CartButtonMessages} from './cart-button.messages.js';

const messages: CartButtonMessages = {
  label: (n: number) =>
    `Carrito, ${plural('es', n, {zero: '0 artículos', one: `${n} artículo`, other: `${n} artículos`})}`,
  loading: 'Carrito',
  failed: 'Carrito no disponible',
};

export default messages;
