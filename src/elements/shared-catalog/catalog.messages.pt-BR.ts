import {plural} from '../../i18n/format.js';
import type {CatalogMessages} from './catalog.messages.js';

const messages: CatalogMessages = {
  price: 'Preço',
  listPrice: 'De',
  sellingPrice: 'Por',
  discount: (pct: number) => `${pct}% off`,
  installments: (n: number, value: string) => `${n}x ${value}`,
  installmentsLabel: (n: number, value: string, free: boolean) =>
    `ou ${n}x de ${value}${free ? ' sem juros' : ''}`,
  interestFree: 'sem juros',
  outOfStock: 'Esgotado',
  addToCart: 'Adicionar ao carrinho',
  adding: 'Adicionando…',
  added: 'Adicionado ao carrinho',
  addFailed: 'Não foi possível adicionar. Tente novamente.',
  notAdded: 'Não adicionado: seu carrinho já tem todo o estoque disponível.',
  addedSome: (n: number) =>
    plural('pt-BR', n, {
      one: 'Só 1 foi adicionado: é todo o estoque disponível.',
      other: `Só ${n} foram adicionados: é todo o estoque disponível.`,
    }),
  chooseOption: (axis: string) => `Escolha ${axis}`,
  unavailable: '(indisponível)',
  products: (n: number) =>
    plural('pt-BR', n, {one: '1 produto', other: `${n.toLocaleString('pt-BR')} produtos`}),
};

export default messages;
