import type {LoginButtonMessages} from './login-button.messages.js';

const messages: LoginButtonMessages = {
  signIn: 'Iniciar sesión',
  checking: 'Verificando tu sesión…',
  error: 'No pudimos verificar si iniciaste sesión.',
  account: (name: string) => `Menú de la cuenta de ${name}`,
  myOrders: 'Mis pedidos',
  signOut: 'Cerrar sesión',
  signingOut: 'Cerrando sesión…',
  signOutFailed: 'No pudimos cerrar tu sesión. Inténtalo de nuevo.',
};

export default messages;
