import {defineMessages} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type CartMessages = typeof import('./cart.messages.en.js').default;

export const cartMessages = defineMessages<CartMessages>({
  en: () => import('./cart.messages.en.js'),
  'pt-BR': () => import('./cart.messages.pt-BR.js'),
  es: () => import('./cart.messages.es.js'),
});
