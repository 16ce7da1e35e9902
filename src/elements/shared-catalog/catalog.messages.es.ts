import {plural} from '../../i18n/format.js';
import type {CatalogMessages} from './catalog.messages.js';

const messages: CatalogMessages = {
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
  notAdded: 'No se agregó: tu carrito ya tiene todo el stock disponible.',
  addedSome: (n: number) =>
    plural('es', n, {
      one: 'Solo se agregó 1: es todo el stock disponible.',
      other: `Solo se agregaron ${n}: es todo el stock disponible.`,
    }),
  chooseOption: (axis: string) => `Elige ${axis}`,
  unavailable: '(no disponible)',
  products: (n: number) => plural('es', n, {one: '1 producto', other: `${n.toLocaleString('es')} productos`}),
};

export default messages;
