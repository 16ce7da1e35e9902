import {defineMessages} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type OrderHistoryMessages = typeof import('./order-history.messages.en.js').default;

export const messages = defineMessages<OrderHistoryMessages>({
  en: () => import('./order-history.messages.en.js'),
  'pt-BR': () => import('./order-history.messages.pt-BR.js'),
  es: () => import('./order-history.messages.es.js'),
});
