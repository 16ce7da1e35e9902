import type {Locale} from '../../i18n/locale.js';
import {defineMessages, type MessageLoader} from '../../i18n/messages.js';

/** The message map's shape: en is the source. */
export type CatalogMessages = typeof import('./catalog.messages.en.js').default;

export const catalogMessages = defineMessages<CatalogMessages>({
  en: () => import('./catalog.messages.en.js'),
  'pt-BR': () => import('./catalog.messages.pt-BR.js'),
  es: () => import('./catalog.messages.es.js'),
});

/**
 * A catalog element's pack loader: its own strings and the shared catalog strings fetched in parallel (not the
 * shared pack only once the element's pack has arrived).
 */
export function withCatalogPack<M extends CatalogMessages>(
  locale: Locale,
  own: () => Promise<{default: Omit<M, keyof CatalogMessages>}>,
): MessageLoader<M> {
  const shared = catalogMessages[locale] as MessageLoader<CatalogMessages>;
  return () =>
    Promise.all([own(), shared()]).then(([o, c]) => ({default: {...c.default, ...o.default} as M}));
}
