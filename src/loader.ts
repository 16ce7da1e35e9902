/**
 * The autoloader: `<script type="module" src=".../loader.js">`. Defines each `vtex-*` tag only when it
 * appears in the page (now or later), loading that element's module from beside this file. Safe to include
 * twice and in any order relative to the tags. The tags are the registry's (src/registry.ts, generated from the
 * element folders); what waits for an interaction (a closed drawer cart) is described in src/internal/autoload.ts.
 */
import {autoload} from './internal/autoload.js';
import {ELEMENTS} from './registry.js';

// `base`, not `import.meta.url` inline: Vite rewrites `new URL(`…${x}`, import.meta.url)` into a build-time asset
// lookup (undefined at runtime for these modules).
const base = import.meta.url;
autoload(ELEMENTS, (name) => import(/* @vite-ignore */ new URL(`./elements/${name}.js`, base).href));

export {};
