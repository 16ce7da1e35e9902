import {defineMessages} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type CartButtonMessages = typeof import('./cart-button.messages.en.js').default;

export const cartButtonMessages = defineMessages<CartButtonMessages>({
  en: () => import('./cart-button.messages.en.js'),
  'pt-BR': () => import('./cart-button.messages.pt-BR.js'),
  es: () => import('./cart-button.messages.es.js'),
});
