import {plural} from '../../i18n/format.js';
import {defineMessages, type MessageLoader} from '../../i18n/messages.js';

/** Strings shared by the grid, the product page and the search box (spread into each element's messages). */
const en = {
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
  notAdded: 'Not added: your cart already holds all the stock there is.',
  addedSome: (n: number) =>
    plural('en', n, {
      one: 'Only 1 was added: that is all the stock there is.',
      other: `Only ${n} were added: that is all the stock there is.`,
    }),
  chooseOption: (axis: string) => `Choose ${axis}`,
  unavailable: '(unavailable)',
  products: (n: number) => plural('en', n, {one: '1 product', other: `${n.toLocaleString('en')} products`}),
};

/** The message map's shape: en is the source. */
export type CatalogMessages = typeof en;

export const catalogMessages = defineMessages<CatalogMessages>({
  en,
  'pt-BR': () => import('./catalog.messages.pt-BR.js'),
  es: () => import('./catalog.messages.es.js'),
});

/**
 * A catalog element's pack loader: its own strings and the shared catalog strings fetched in parallel (not the
 * shared pack only once the element's pack has arrived).
 */
export function withCatalogPack<M extends CatalogMessages>(
  locale: 'pt-BR' | 'es',
  own: () => Promise<{default: Omit<M, keyof CatalogMessages>}>,
): MessageLoader<M> {
  const shared = catalogMessages[locale] as MessageLoader<CatalogMessages>;
  return () =>
    Promise.all([own(), shared()]).then(([o, c]) => ({default: {...c.default, ...o.default} as M}));
}
