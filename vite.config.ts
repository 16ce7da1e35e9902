import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {defineConfig} from 'vite';
import {elements as registry} from './scripts/registry.js';
import {flattenImportsPlugin} from './scripts/vite-flatten-imports.js';
import {localePacks} from './scripts/vite-locale-packs.js';
import {minifyLiterals} from './scripts/vite-minify-literals.js';

const root = import.meta.dirname;
const src = (p: string) => resolve(root, 'src', p);
const elements = registry();
/** Modules every element loads (see `advancedChunks`). */
const CORE = new RegExp(
  [
    'node_modules/(lit/(index|decorators)\\.js|lit-element/|lit-html/(lit-html|is-server)\\.js|@lit/(reactive-element|context)/)',
    // The placement steps (client/placement.ts) load with the checkout; the other writes and the catalog on first use.
    '/src/(client/(?!placement|checkout-writes)|controllers/|events/)',
    // The stores; the actions (src/state's other modules) go with the elements that call them.
    '/src/state/(store|cart-store|session-store)\\.ts',
    '/src/internal/(define|styles|version|vtex-element|on-demand-module|adopt-styles)\\.ts',
    '/src/i18n/(locale|format|messages)\\.ts',
    '/src/elements/store/store\\.ts',
    '/src/analytics/events\\.ts',
  ].join('|'),
);
/** What the grid and the product page share past the core: prices, offers, catalog events, structured data. */
const CATALOG =
  /\/src\/(elements\/shared-catalog\/(catalog\.styles|events|price|offer|catalog\.messages)|internal\/(structured-data-controller|prefetch)|state\/(cart-actions|catalog))\.ts$/;
/**
 * CDN build: what placing an order needs, loaded as one file when the checkout reaches its review step (VTEX's three
 * placement calls, the placement in the cart's queue, the confirmation), so "Place order" waits for no download. The
 * modular build keeps two (the confirmation, then the calls): a group there would pull in the modules the checkout
 * shares with it, which needs entry signatures its public entries must not have.
 */
const PLACEMENT = /\/src\/(client\/placement|state\/place-order|elements\/checkout\/confirmation)\.ts$/;
const optional = (name: string, path: string) => (existsSync(src(path)) ? {[name]: src(path)} : {});

/**
 * Two builds into dist/:
 * - default: the npm/modular build — `index` (side-effect free), `define`, one module per element
 *   (`elements/<name>.js`, used by the loader), `loader`, `bridge`, `sandbox`, with shared chunks;
 * - `--mode cdn`: `vtex-elements.js` (src/cdn.ts), every element and Lit in one ES module; what a page shows only
 *   after an interaction (the drawer cart), the HTML sanitizer and the language packs are chunks loaded on demand.
 */
export default defineConfig(({mode}) => {
  const cdn = mode === 'cdn';
  const entry: Record<string, string> = cdn
    ? {'vtex-elements': src('cdn.ts')}
    : {
        index: src('index.ts'),
        define: src('define.ts'),
        loader: src('loader.ts'),
        ...Object.fromEntries(
          elements.map((name) => [`elements/${name}`, src(`elements/${name}/define.ts`)]),
        ),
        ...optional('bridge', 'bridge/index.ts'),
        ...optional('sandbox', 'sandbox/index.ts'),
      };
  return {
    // The CDN build fetches one language file per locale (its page holds every element); the modular build one per element.
    plugins: [minifyLiterals(), flattenImportsPlugin(), ...(cdn ? [localePacks(resolve(root, 'src'))] : [])],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: !cdn,
      copyPublicDir: false,
      sourcemap: true,
      lib: {entry, formats: ['es']},
      rolldownOptions: {
        // The CDN entry may export internals to its lazy chunks: shared modules then stay in vtex-elements.js
        // instead of becoming extra chunks the page fetches after it (a request waterfall before any render).
        ...(cdn ? {preserveEntrySignatures: 'allow-extension' as const} : {}),
        output: {
          minify: true,
          // Browsers run these files (from a CDN, through loader.js): `@__PURE__` marks only cost bytes there. The
          // modules are already tree-shaken per entry and the package declares its side effects, so a bundler
          // downstream loses little without them.
          comments: false,
          entryFileNames: '[name].js',
          chunkFileNames: cdn ? 'cdn/[name]-[hash].js' : 'chunks/[name]-[hash].js',
          // Modular build: what every element needs (Lit, the client, the stores, the provider, i18n) is one chunk
          // compressed as a whole, not seven small files each with its own overhead.
          advancedChunks: {
            groups: cdn
              ? // One file, without the modules it shares with the checkout (allowed with 'allow-extension').
                [{name: 'placement', test: PLACEMENT, includeDependenciesRecursively: false}]
              : [
                  {name: 'core', test: CORE},
                  {name: 'catalog', test: CATALOG},
                ],
          },
        },
      },
    },
  };
});
