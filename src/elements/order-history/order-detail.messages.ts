import {defineMessages} from '../../i18n/messages.js';

/** The detail view's words (./order-detail.ts), loaded with it; en is the source. */
export type OrderDetailMessages = typeof import('./order-detail.messages.en.js').default;

export const detailMessages = defineMessages<OrderDetailMessages>({
  en: () => import('./order-detail.messages.en.js'),
  'pt-BR': () => import('./order-detail.messages.pt-BR.js'),
  es: () => import('./order-detail.messages.es.js'),
});
