import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

const en = {
  label: (n: number) => `Cart, ${plural('en', n, {zero: '0 items', one: `${n} item`, other: `${n} items`})}`,
  loading: 'Cart',
};

/** The message map's shape: en is the source. */
export type CartButtonMessages = typeof en;

export const cartButtonMessages = defineMessages<CartButtonMessages>({
  en,
  'pt-BR': () => import('./cart-button.messages.pt-BR.js'),
  es: () => import('./cart-button.messages.es.js'),
});
