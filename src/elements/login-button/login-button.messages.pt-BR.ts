import type {LoginButtonMessages} from './login-button.messages.js';

const messages: LoginButtonMessages = {
  signIn: 'Entrar',
  checking: 'Verificando seu acesso…',
  error: 'Não conseguimos verificar se você está conectado.',
  account: (name: string) => `Menu da conta de ${name}`,
  myOrders: 'Meus pedidos',
  signOut: 'Sair',
  signingOut: 'Saindo…',
  signOutFailed: 'Não conseguimos encerrar sua sessão. Tente novamente.',
};

export default messages;
