import {plural} from '../../i18n/format.js';
import {defineMessages} from '../../i18n/messages.js';

/** Strings shared by the grid, the product page and the search box (spread into each element's messages). */
export const catalogMessages = defineMessages({
  en: {
    price: 'Price',
    listPrice: 'Was',
    sellingPrice: 'Now',
    discount: (pct: number) => `${pct}% off`,
    installments: (n: number, value: string) => `${n}x ${value}`,
    installmentsLabel: (n: number, value: string, free: boolean) =>
      `or ${n} installments of ${value}${free ? ' interest-free' : ''}`,
    interestFree: 'interest-free',
    outOfStock: 'Out of stock',
    addToCart: 'Add to cart',
    adding: 'Adding…',
    added: 'Added to cart',
    addFailed: 'Could not add to cart. Try again.',
    chooseOption: (axis: string) => `Choose ${axis}`,
    unavailable: '(unavailable)',
    products: (n: number) => plural('en', n, {one: '1 product', other: `${n.toLocaleString('en')} products`}),
  },
  'pt-BR': {
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
    chooseOption: (axis: string) => `Escolha ${axis}`,
    unavailable: '(indisponível)',
    products: (n: number) =>
      plural('pt-BR', n, {one: '1 produto', other: `${n.toLocaleString('pt-BR')} produtos`}),
  },
  es: {
    price: 'Precio',
    listPrice: 'Antes',
    sellingPrice: 'Ahora',
    discount: (pct: number) => `${pct}% de descuento`,
    installments: (n: number, value: string) => `${n}x ${value}`,
    installmentsLabel: (n: number, value: string, free: boolean) =>
      `o ${n} cuotas de ${value}${free ? ' sin interés' : ''}`,
    interestFree: 'sin interés',
    outOfStock: 'Agotado',
    addToCart: 'Agregar al carrito',
    adding: 'Agregando…',
    added: 'Agregado al carrito',
    addFailed: 'No se pudo agregar. Inténtalo de nuevo.',
    chooseOption: (axis: string) => `Elige ${axis}`,
    unavailable: '(no disponible)',
    products: (n: number) =>
      plural('es', n, {one: '1 producto', other: `${n.toLocaleString('es')} productos`}),
  },
});

export type CatalogMessages = (typeof catalogMessages)['en'];
