import {plural} from '../../i18n/format.js';
import type {OrderDetailMessages} from './order-detail.messages.js';

const messages: OrderDetailMessages = {
  items: 'Itens',
  quantity: (n: number) => `Quantidade: ${n}`,
  unitPrice: (price: string) => `${price} cada`,
  subtotal: 'Subtotal',
  discounts: 'Descontos',
  shipping: 'Frete',
  tax: 'Impostos',
  free: 'Grátis',
  address: 'Endereço de entrega',
  pickup: 'Ponto de retirada',
  estimate: (date: string) => `Previsão de entrega: ${date}`,
  progress: 'Andamento da entrega',
  done: 'concluído',
  stepPlaced: 'Pedido feito',
  stepPaid: 'Pagamento aprovado',
  stepPreparing: 'Em preparação',
  stepShipped: 'Enviado',
  payment: 'Pagamento',
  installments: (n: number, value: string) =>
    plural('pt-BR', n, {one: `${value} à vista`, other: `${n}x de ${value}`}),
  cardEnding: (digits: string) => `final ${digits}`,
  buyAgain: 'Comprar novamente',
  addingToCart: 'Adicionando ao carrinho…',
  reordered: (added: number, total: number) =>
    added === total
      ? plural('pt-BR', added, {
          one: 'O item foi adicionado ao carrinho.',
          other: `Os ${added} itens foram adicionados ao carrinho.`,
        })
      : `${added} de ${total} itens foram adicionados ao carrinho.`,
  nothingAvailable: 'Nenhum destes itens está disponível no momento.',
  unavailable: (names: string) => `Indisponível: ${names}.`,
  reorderFailed: 'Não conseguimos adicionar os itens ao carrinho. Tente novamente.',
};

export default messages;
