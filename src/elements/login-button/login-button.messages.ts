import {defineMessages} from '../../i18n/messages.js';

export const messages = defineMessages({
  en: {
    signIn: 'Sign in',
    checking: 'Checking your sign-in…',
    error: 'We could not check whether you are signed in.',
    account: (name: string) => `Account menu for ${name}`,
    myOrders: 'My orders',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signOutFailed: 'We could not sign you out. Please try again.',
  },
  'pt-BR': {
    signIn: 'Entrar',
    checking: 'Verificando seu acesso…',
    error: 'Não conseguimos verificar se você está conectado.',
    account: (name: string) => `Menu da conta de ${name}`,
    myOrders: 'Meus pedidos',
    signOut: 'Sair',
    signingOut: 'Saindo…',
    signOutFailed: 'Não conseguimos encerrar sua sessão. Tente novamente.',
  },
  es: {
    signIn: 'Iniciar sesión',
    checking: 'Verificando tu sesión…',
    error: 'No pudimos verificar si iniciaste sesión.',
    account: (name: string) => `Menú de la cuenta de ${name}`,
    myOrders: 'Mis pedidos',
    signOut: 'Cerrar sesión',
    signingOut: 'Cerrando sesión…',
    signOutFailed: 'No pudimos cerrar tu sesión. Inténtalo de nuevo.',
  },
});
