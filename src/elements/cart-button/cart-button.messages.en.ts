import {plural} from '../../i18n/format.js';

/** English, the source: every other locale has the same keys (the type checker enforces it). */
const messages = {
  label: (n: number) => `Cart, ${plural('en', n, {zero: '0 items', one: `${n} item`, other: `${n} items`})}`,
  loading: 'Cart',
  failed: 'Cart unavailable',
};

export default messages;
