import {plural} from '../../i18n/format.js';
import type {OrderDetailMessages} from './order-detail.messages.js';

const messages: OrderDetailMessages = {
  items: 'Artículos',
  quantity: (n: number) => `Cantidad: ${n}`,
  unitPrice: (price: string) => `${price} c/u`,
  subtotal: 'Subtotal',
  discounts: 'Descuentos',
  shipping: 'Envío',
  tax: 'Impuestos',
  free: 'Gratis',
  address: 'Dirección de envío',
  pickup: 'Punto de retiro',
  estimate: (date: string) => `Entrega estimada: ${date}`,
  progress: 'Progreso de la entrega',
  done: 'completado',
  stepPlaced: 'Pedido realizado',
  stepPaid: 'Pago aprobado',
  stepPreparing: 'En preparación',
  stepShipped: 'Enviado',
  payment: 'Pago',
  installments: (n: number, value: string) =>
    plural('es', n, {one: `${value} en 1 pago`, other: `${n} cuotas de ${value}`}),
  cardEnding: (digits: string) => `terminada en ${digits}`,
  buyAgain: 'Comprar de nuevo',
  addingToCart: 'Agregando al carrito…',
  reordered: (added: number, total: number) =>
    added === total
      ? plural('es', added, {
          one: 'El artículo se agregó a tu carrito.',
          other: `Los ${added} artículos se agregaron a tu carrito.`,
        })
      : `Se agregaron ${added} de ${total} artículos a tu carrito.`,
  nothingAvailable: 'Ninguno de estos artículos está disponible ahora.',
  unavailable: (names: string) => `No disponible: ${names}.`,
  reorderFailed: 'No pudimos agregar los artículos a tu carrito. Inténtalo de nuevo.',
};

export default messages;
