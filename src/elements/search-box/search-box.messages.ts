import {defineMessages} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type SearchBoxMessages = typeof import('./search-box.messages.en.js').default;

export const messages = defineMessages<SearchBoxMessages>({
  en: () => import('./search-box.messages.en.js'),
  'pt-BR': () => import('./search-box.messages.pt-BR.js'),
  es: () => import('./search-box.messages.es.js'),
});
