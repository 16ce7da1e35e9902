import {plural} from '../../i18n/format.js';
import type {CartMessages, EstimateUnit} from './cart.messages.js';

const messages: CartMessages = {
  title: 'Tu carrito',
  empty: 'Tu carrito está vacío.',
  loadError: 'No pudimos cargar tu carrito.',
  lines: 'Artículos de tu carrito',
  quantity: (name: string) => `Cantidad de ${name}`,
  decrease: (name: string) => `Disminuir la cantidad de ${name}`,
  increase: (name: string) => `Aumentar la cantidad de ${name}`,
  remove: (name: string) => `Quitar ${name}`,
  removeText: 'Quitar',
  unitPrice: (price: string) => `${price} c/u`,
  listPrice: 'Antes',
  updating: 'Actualizando…',
  clear: 'Vaciar carrito',
  clearConfirm: '¿Quitar todos los artículos del carrito?',
  clearYes: 'Sí, vaciar',
  cancel: 'Cancelar',
  withoutStock: 'Sin stock',
  unavailable: 'No disponible',
  cannotBeDelivered: 'No se puede entregar en la dirección elegida',
  maxQuantity: (n: number) => `Solo hay ${n} disponibles: ajustamos la cantidad.`,
  priceChanged: 'El precio de este artículo cambió.',
  lineError: 'No pudimos actualizar este artículo. Muestra lo que la tienda tiene ahora.',
  couponLabel: 'Cupón de descuento',
  couponApply: 'Aplicar',
  couponApplied: (code: string) => `Cupón ${code} aplicado`,
  couponRemove: (code: string) => `Quitar el cupón ${code}`,
  couponNotFound: (code: string) => `El cupón “${code}” no existe.`,
  couponExpired: (code: string) => `El cupón “${code}” expiró.`,
  couponInvalid: (code: string) => `El cupón “${code}” no se puede usar en este carrito.`,
  shippingTitle: 'Calcular envío',
  postalCode: 'Código postal',
  estimate: 'Calcular',
  postalInvalid: (example: string) => `Ingresa un código postal válido (p. ej. ${example}).`,
  noDelivery: (code: string) => `No entregamos en ${code}.`,
  delivery: 'Envío',
  pickup: 'Puntos de retiro',
  free: 'Gratis',
  eta: (n: number, unit: EstimateUnit) =>
    unit === 'bd'
      ? plural('es', n, {one: `hasta ${n} día hábil`, other: `hasta ${n} días hábiles`})
      : unit === 'd'
        ? plural('es', n, {one: `hasta ${n} día`, other: `hasta ${n} días`})
        : unit === 'h'
          ? plural('es', n, {one: `hasta ${n} hora`, other: `hasta ${n} horas`})
          : plural('es', n, {one: `hasta ${n} minuto`, other: `hasta ${n} minutos`}),
  totals: 'Resumen del pedido',
  subtotal: 'Artículos',
  discounts: 'Descuentos',
  shipping: 'Envío',
  tax: 'Impuestos',
  total: 'Total',
  checkout: 'Ir a pagar',
};

export default messages;
