import {plural, type EstimateUnit} from './format.js';
import type {CommonMessages} from './messages.js';

const messages: CommonMessages = {
  loading: 'Carregando…',
  retry: 'Tentar novamente',
  close: 'Fechar',
  errorGeneric: 'Algo deu errado. Tente novamente.',
  errorNetwork: 'Não conseguimos falar com a loja. Verifique sua conexão e tente novamente.',
  errorTimeout: 'A loja está demorando para responder. Tente novamente.',
  stillTrying: 'Ainda tentando… a loja está demorando para responder.',
  errorRateLimited: 'Muitas solicitações no momento. Aguarde um pouco e tente novamente.',
  errorNotFound: 'Não encontramos o que você procurava.',
  errorSignedOut: 'Sua sessão expirou. Entre novamente.',
  errorNoStore: 'Este widget não está conectado a uma loja. Adicione um elemento <vtex-store> à página.',
  /** Delivery estimate from VTEX's `shippingEstimate` (see parseEstimate). */
  eta: (n: number, unit: EstimateUnit) =>
    unit === 'bd'
      ? plural('pt-BR', n, {one: `até ${n} dia útil`, other: `até ${n} dias úteis`})
      : unit === 'd'
        ? plural('pt-BR', n, {one: `até ${n} dia`, other: `até ${n} dias`})
        : unit === 'h'
          ? plural('pt-BR', n, {one: `até ${n} hora`, other: `até ${n} horas`})
          : plural('pt-BR', n, {one: `até ${n} minuto`, other: `até ${n} minutos`}),
  items: (n: number) => plural('pt-BR', n, {one: '1 item', other: `${n} itens`}),
};

export default messages;
