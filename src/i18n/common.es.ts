import {plural, type EstimateUnit} from './format.js';
import type {CommonMessages} from './messages.js';

const messages: CommonMessages = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  close: 'Cerrar',
  errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
  errorNetwork: 'No pudimos conectar con la tienda. Revisa tu conexión e inténtalo de nuevo.',
  errorTimeout: 'La tienda está tardando en responder. Inténtalo de nuevo.',
  stillTrying: 'Seguimos intentando… la tienda está tardando en responder.',
  errorRateLimited: 'Demasiadas solicitudes en este momento. Espera un poco e inténtalo de nuevo.',
  errorNotFound: 'No encontramos lo que buscabas.',
  errorSignedOut: 'Tu sesión expiró. Inicia sesión de nuevo.',
  errorNoStore: 'Este widget no está conectado a una tienda. Agrega un elemento <vtex-store> a la página.',
  /** Delivery estimate from VTEX's `shippingEstimate` (see parseEstimate). */
  eta: (n: number, unit: EstimateUnit) =>
    unit === 'bd'
      ? plural('es', n, {one: `hasta ${n} día hábil`, other: `hasta ${n} días hábiles`})
      : unit === 'd'
        ? plural('es', n, {one: `hasta ${n} día`, other: `hasta ${n} días`})
        : unit === 'h'
          ? plural('es', n, {one: `hasta ${n} hora`, other: `hasta ${n} horas`})
          : plural('es', n, {one: `hasta ${n} minuto`, other: `hasta ${n} minutos`}),
  items: (n: number) => plural('es', n, {one: '1 artículo', other: `${n} artículos`}),
};

export default messages;
