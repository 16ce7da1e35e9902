import {plural} from '../../i18n/format.js';

/** English, the source: every other locale has the same keys (the type checker enforces it). */
const messages = {
  label: 'Search products',
  placeholder: 'Search products',
  submit: 'Search',
  suggestions: 'Suggestions',
  searches: 'Searches',
  products: 'Products',
  results: (n: number) =>
    plural('en', n, {
      zero: 'No suggestions',
      one: '1 suggestion available',
      other: `${n} suggestions available`,
    }),
  loading: 'Searching…',
};

export default messages;
