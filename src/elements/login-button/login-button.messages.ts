import {defineMessages} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type LoginButtonMessages = typeof import('./login-button.messages.en.js').default;

export const messages = defineMessages<LoginButtonMessages>({
  en: () => import('./login-button.messages.en.js'),
  'pt-BR': () => import('./login-button.messages.pt-BR.js'),
  es: () => import('./login-button.messages.es.js'),
});
