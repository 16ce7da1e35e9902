/**
 * The CDN entry, `vtex-elements.js`: one script tag for the whole kit, every element in one file (one file
 * compresses better than a chunk per element when a page shows most of them; a page with a few elements uses
 * `loader.js` instead). What a page does not show until an interaction stays out of it and loads on demand: the
 * drawer cart (src/internal/autoload.ts), the HTML sanitizer where the browser has none, every language pack.
 */
import './elements/store/define.js';
import './elements/cart-button/define.js';
import './elements/checkout/define.js';
import './elements/login-button/define.js';
import './elements/order-history/define.js';
import './elements/product/define.js';
import './elements/product-grid/define.js';
import './elements/search-box/define.js';
import {autoload} from './internal/autoload.js';
import {ELEMENTS, type ElementName} from './registry.js';

/** Each element: in this file, or its code on demand (the type checker makes a new element folder add its line). */
const ON_DEMAND: Record<ElementName, 'in this file' | (() => Promise<unknown>)> = {
  store: 'in this file',
  cart: () => import('./elements/cart/define.js'),
  'cart-button': 'in this file',
  checkout: 'in this file',
  'login-button': 'in this file',
  'order-history': 'in this file',
  product: 'in this file',
  'product-grid': 'in this file',
  'search-box': 'in this file',
};

autoload(ELEMENTS, (name) => {
  const load = ON_DEMAND[name];
  return typeof load === 'function' ? load() : Promise.resolve();
});

// Every page with a product or a grid builds their JSON-LD right after its first render: in this file that costs less
// than a chunk of its own, and saves the request after the render. (The modular build keeps it on demand.)
export {jsonLdText} from './internal/structured-data.js';
