import {plural, type EstimateUnit} from './format.js';
import type {Locale} from './locale.js';

/**
 * A message map: strings, or functions for interpolation and plurals. Every element defines its own with
 * `defineMessages` (en is the source, pt-BR and es must have the same keys — the type checker enforces it).
 */
export type MessageMap = Record<string, string | ((...args: never[]) => string)>;

/** A locale pack loaded on demand: `() => import('./cart.messages.es.js')` (its default export). */
export type MessageLoader<M extends MessageMap> = () => Promise<{default: M}>;

/** en is always inline (the source and the fallback); other locales inline or loaded on demand. */
export type LocalizedMessages<M extends MessageMap> = Readonly<{
  en: M;
  'pt-BR': M | MessageLoader<M>;
  es: M | MessageLoader<M>;
}>;

export function defineMessages<M extends MessageMap>(maps: {
  en: M;
  'pt-BR': M;
  es: M;
}): Readonly<Record<Locale, M>>;
export function defineMessages<M extends MessageMap>(maps: {
  en: M;
  'pt-BR': M | MessageLoader<M>;
  es: M | MessageLoader<M>;
}): LocalizedMessages<M>;
export function defineMessages<M extends MessageMap>(maps: LocalizedMessages<M>): LocalizedMessages<M> {
  return maps;
}

const loaded = new WeakMap<MessageLoader<MessageMap>, MessageMap>();
const pending = new WeakMap<MessageLoader<MessageMap>, Promise<MessageMap>>();

/**
 * The messages of `locale` if available now; otherwise en, while the pack loads (`onLoad` then runs once).
 */
export function pickMessages<M extends MessageMap>(
  maps: LocalizedMessages<M>,
  locale: Locale,
  onLoad?: () => void,
): M {
  const entry = maps[locale];
  if (typeof entry !== 'function') return entry;
  const loader = entry as unknown as MessageLoader<MessageMap>;
  const ready = loaded.get(loader);
  if (ready) return ready as M;
  let p = pending.get(loader);
  if (!p) {
    p = loader().then((m) => {
      loaded.set(loader, m.default);
      return m.default;
    });
    p.catch(() => pending.delete(loader)); // a failed chunk load may be retried by the next render
    pending.set(loader, p);
  }
  if (onLoad) void p.then(onLoad, () => undefined);
  return maps.en;
}

/** How long a render or a tag definition waits for a locale pack before going ahead in English. */
export const PACK_WAIT_MS = 2500;

/**
 * The loads of `locale`'s packs an element needs (its own and the common one) that are on demand and not loaded
 * yet, starting them; undefined when none is missing. It settles, never rejects, and within PACK_WAIT_MS even if a
 * chunk request hangs: a stalled request never blanks a widget.
 */
export function pendingPacks(
  maps: LocalizedMessages<MessageMap> | undefined,
  locale: Locale,
): Promise<unknown> | undefined {
  const waits = [maps && pendingPack(maps, locale), pendingPack(commonMessages, locale)].filter(Boolean);
  return waits.length ? Promise.all(waits) : undefined;
}

/** The load of one on-demand pack not loaded yet (starting it), capped at PACK_WAIT_MS; else undefined. */
function pendingPack<M extends MessageMap>(
  maps: LocalizedMessages<M>,
  locale: Locale,
): Promise<unknown> | undefined {
  const entry = maps[locale];
  if (typeof entry !== 'function') return undefined;
  const loader = entry as unknown as MessageLoader<MessageMap>;
  if (loaded.has(loader)) return undefined;
  pickMessages(maps, locale);
  const load = pending.get(loader)!.catch(() => undefined);
  return Promise.race([load, new Promise((resolve) => setTimeout(resolve, PACK_WAIT_MS))]);
}

/** Strings shared by every element. */
export const commonMessages = defineMessages({
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    errorGeneric: 'Something went wrong. Please try again.',
    errorNetwork: 'We could not reach the store. Check your connection and try again.',
    errorTimeout: 'The store is taking too long to answer. Please try again.',
    errorRateLimited: 'Too many requests right now. Please wait a moment and try again.',
    errorNotFound: 'We could not find what you were looking for.',
    errorSignedOut: 'Your session has expired. Please sign in again.',
    errorNoStore: 'This widget is not connected to a store. Add a <vtex-store> element to the page.',
    /** Delivery estimate from VTEX's `shippingEstimate` (see parseEstimate). */
    eta: (n: number, unit: EstimateUnit) =>
      unit === 'bd'
        ? plural('en', n, {one: `up to ${n} business day`, other: `up to ${n} business days`})
        : unit === 'd'
          ? plural('en', n, {one: `up to ${n} day`, other: `up to ${n} days`})
          : unit === 'h'
            ? plural('en', n, {one: `up to ${n} hour`, other: `up to ${n} hours`})
            : plural('en', n, {one: `up to ${n} minute`, other: `up to ${n} minutes`}),
    items: (n: number) => plural('en', n, {one: '1 item', other: `${n} items`}),
  },
  'pt-BR': {
    loading: 'Carregando…',
    retry: 'Tentar novamente',
    close: 'Fechar',
    errorGeneric: 'Algo deu errado. Tente novamente.',
    errorNetwork: 'Não conseguimos falar com a loja. Verifique sua conexão e tente novamente.',
    errorTimeout: 'A loja está demorando para responder. Tente novamente.',
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
  },
  es: {
    loading: 'Cargando…',
    retry: 'Reintentar',
    close: 'Cerrar',
    errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
    errorNetwork: 'No pudimos conectar con la tienda. Revisa tu conexión e inténtalo de nuevo.',
    errorTimeout: 'La tienda está tardando en responder. Inténtalo de nuevo.',
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
  },
});

export type CommonMessages = (typeof commonMessages)['en'];

/** A shopper-facing sentence for any client error (never raw API text for network failures). */
export function errorMessage(
  error: {kind?: string; status?: number; code?: string; message?: string} | null | undefined,
  m: CommonMessages,
): string {
  if (!error) return m.errorGeneric;
  if (error.kind === 'network') return m.errorNetwork;
  if (error.kind === 'timeout') return m.errorTimeout;
  if (error.status === 429) return m.errorRateLimited;
  if (error.status === 404) return m.errorNotFound;
  if (error.status === 401 || error.status === 403) return m.errorSignedOut;
  return m.errorGeneric;
}
