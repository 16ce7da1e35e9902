import {defineMessages} from '../../i18n/messages.js';

const en = {
  signIn: 'Sign in',
  checking: 'Checking your sign-in…',
  error: 'We could not check whether you are signed in.',
  account: (name: string) => `Account menu for ${name}`,
  myOrders: 'My orders',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutFailed: 'We could not sign you out. Please try again.',
};

/** The message map's shape: en is the source. */
export type LoginButtonMessages = typeof en;

export const messages = defineMessages<LoginButtonMessages>({
  en,
  'pt-BR': () => import('./login-button.messages.pt-BR.js'),
  es: () => import('./login-button.messages.es.js'),
});
