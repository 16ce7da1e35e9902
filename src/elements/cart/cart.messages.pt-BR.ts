import {plural} from '../../i18n/format.js';
import type {CartMessages, EstimateUnit} from './cart.messages.js';

const messages: CartMessages = {
  title: 'Seu carrinho',
  empty: 'Seu carrinho está vazio.',
  loadError: 'Não conseguimos carregar seu carrinho.',
  lines: 'Itens do seu carrinho',
  quantity: (name: string) => `Quantidade de ${name}`,
  decrease: (name: string) => `Diminuir a quantidade de ${name}`,
  increase: (name: string) => `Aumentar a quantidade de ${name}`,
  remove: (name: string) => `Remover ${name}`,
  removeText: 'Remover',
  unitPrice: (price: string) => `${price} cada`,
  listPrice: 'De',
  updating: 'Atualizando…',
  clear: 'Esvaziar carrinho',
  clearConfirm: 'Remover todos os itens do carrinho?',
  clearYes: 'Sim, esvaziar',
  cancel: 'Cancelar',
  withoutStock: 'Sem estoque',
  unavailable: 'Indisponível',
  cannotBeDelivered: 'Não pode ser entregue no endereço escolhido',
  maxQuantity: (n: number) => `Só há ${n} disponíveis: ajustamos a quantidade.`,
  priceChanged: 'O preço deste item mudou.',
  lineError: 'Não conseguimos atualizar este item. Ele mostra o que a loja tem agora.',
  couponLabel: 'Cupom de desconto',
  couponApply: 'Aplicar',
  couponApplied: (code: string) => `Cupom ${code} aplicado`,
  couponRemove: (code: string) => `Remover o cupom ${code}`,
  couponNotFound: (code: string) => `O cupom “${code}” não existe.`,
  couponExpired: (code: string) => `O cupom “${code}” expirou.`,
  couponInvalid: (code: string) => `O cupom “${code}” não pode ser usado neste carrinho.`,
  shippingTitle: 'Calcular frete',
  postalCode: 'CEP',
  estimate: 'Calcular',
  postalInvalid: (example: string) => `Informe um CEP válido (ex.: ${example}).`,
  noDelivery: (code: string) => `Não entregamos em ${code}.`,
  delivery: 'Entrega',
  pickup: 'Retirada',
  free: 'Grátis',
  eta: (n: number, unit: EstimateUnit) =>
    unit === 'bd'
      ? plural('pt-BR', n, {one: `até ${n} dia útil`, other: `até ${n} dias úteis`})
      : unit === 'd'
        ? plural('pt-BR', n, {one: `até ${n} dia`, other: `até ${n} dias`})
        : unit === 'h'
          ? plural('pt-BR', n, {one: `até ${n} hora`, other: `até ${n} horas`})
          : plural('pt-BR', n, {one: `até ${n} minuto`, other: `até ${n} minutos`}),
  totals: 'Resumo do pedido',
  subtotal: 'Itens',
  discounts: 'Descontos',
  shipping: 'Frete',
  tax: 'Impostos',
  total: 'Total',
  checkout: 'Finalizar compra',
};

export default messages;
