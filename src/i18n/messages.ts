import type {Locale} from './locale.js';

/**
 * A message map: strings, or functions for interpolation and plurals. Every element defines its own with
 * `defineMessages` (en is the source, pt-BR and es must have the same keys — the type checker enforces it).
 */
export type MessageMap = Record<string, string | ((...args: never[]) => string)>;

/** A locale pack loaded on demand: `() => import('./cart.messages.es.js')` (its default export). */
export type MessageLoader<M extends MessageMap> = () => Promise<{default: M}>;

/**
 * Every locale, English too, is a pack loaded on demand (a pt-BR page never downloads English text); a map may
 * also hold a locale inline (tests).
 */
export type LocalizedMessages<M extends MessageMap> = Readonly<Record<Locale, M | MessageLoader<M>>>;

export function defineMessages<M extends MessageMap>(maps: {
  en: M | MessageLoader<M>;
  'pt-BR': M | MessageLoader<M>;
  es: M | MessageLoader<M>;
}): LocalizedMessages<M> {
  return maps;
}

const loaded = new WeakMap<MessageLoader<MessageMap>, MessageMap>();
const pending = new WeakMap<MessageLoader<MessageMap>, Promise<MessageMap>>();

/** The pack of `locale` if it is in (inline or loaded), else undefined. */
function packIfIn<M extends MessageMap>(maps: LocalizedMessages<M>, locale: Locale): M | undefined {
  const entry = maps[locale];
  return typeof entry === 'function'
    ? (loaded.get(entry as MessageLoader<MessageMap>) as M | undefined)
    : entry;
}

/** Starts (once) loading `locale`'s pack; undefined when it is inline or already in. */
function loadPack<M extends MessageMap>(maps: LocalizedMessages<M>, locale: Locale): Promise<M> | undefined {
  const entry = maps[locale];
  if (typeof entry !== 'function') return undefined;
  const loader = entry as MessageLoader<MessageMap>;
  if (loaded.has(loader)) return undefined;
  let p = pending.get(loader);
  if (!p) {
    p = loader().then((m) => {
      loaded.set(loader, m.default);
      return m.default;
    });
    p.catch(() => pending.delete(loader)); // a failed chunk load may be retried by the next render
    pending.set(loader, p);
  }
  return p as Promise<M>;
}

/** Text while no pack is in (every pack failed or hangs): empty strings, never `undefined` or a crash. */
const blank = Object.assign(() => '', {toString: () => ''});
const BLANK = new Proxy({}, {get: (_, key) => (key === Symbol.toPrimitive ? undefined : blank)});

/**
 * The messages of `locale` if they are in. Otherwise (its pack still loading or failed) English if that is in, else
 * blank text, and `onLoad` runs once the pack, or English after a failure, has loaded.
 */
export function pickMessages<M extends MessageMap>(
  maps: LocalizedMessages<M>,
  locale: Locale,
  onLoad?: () => void,
): M {
  const ready = packIfIn(maps, locale);
  if (ready) return ready;
  const p = loadPack(maps, locale)!;
  if (onLoad)
    void p.then(onLoad, () => {
      if (locale !== 'en') void loadPack(maps, 'en')?.then(onLoad, () => undefined);
    });
  return packIfIn(maps, 'en') ?? (BLANK as M);
}

/** How long a render or a tag definition waits for a locale pack before going ahead without it. */
export const PACK_WAIT_MS = 2500;

/**
 * The loads of `locale`'s packs an element needs (its own and the common one) that are not in yet, starting them;
 * undefined when none is missing. It settles, never rejects, and within PACK_WAIT_MS even if a chunk request
 * hangs: a stalled request never blanks a widget for long. A pack that fails falls back to English (loaded then).
 */
export function pendingPacks(
  maps: LocalizedMessages<MessageMap> | undefined,
  locale: Locale,
): Promise<unknown> | undefined {
  const waits = [maps && pendingPack(maps, locale), pendingPack(commonMessages, locale)].filter(Boolean);
  return waits.length ? Promise.all(waits) : undefined;
}

/** The load of one pack not in yet (starting it; English after a failure), capped at PACK_WAIT_MS; else undefined. */
function pendingPack<M extends MessageMap>(
  maps: LocalizedMessages<M>,
  locale: Locale,
): Promise<unknown> | undefined {
  const p = loadPack(maps, locale);
  if (!p) return undefined;
  const load = p.catch(() => (locale === 'en' ? undefined : loadPack(maps, 'en')?.catch(() => undefined)));
  return Promise.race([load, new Promise((resolve) => setTimeout(resolve, PACK_WAIT_MS))]);
}

/** Strings shared by every element, each locale a pack loaded on demand. */
export const commonMessages = defineMessages<CommonMessages>({
  en: () => import('./common.en.js'),
  'pt-BR': () => import('./common.pt-BR.js'),
  es: () => import('./common.es.js'),
});

export type CommonMessages = typeof import('./common.en.js').default;

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
