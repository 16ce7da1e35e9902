import {plural} from '../../i18n/format.js';

/** Strings shared by the grid, the product page and the search box (spread into each element's messages). */
const messages = {
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

export default messages;
