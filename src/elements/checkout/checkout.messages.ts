import {defineMessages} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type CheckoutMessages = typeof import('./checkout.messages.en.js').default;

export const checkoutMessages = defineMessages<CheckoutMessages>({
  en: () => import('./checkout.messages.en.js'),
  'pt-BR': () => import('./checkout.messages.pt-BR.js'),
  es: () => import('./checkout.messages.es.js'),
});
