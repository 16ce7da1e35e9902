/**
 * The autoloader: `<script type="module" src=".../loader.js">`. Defines each `vtex-*` tag only when it
 * appears in the page (now or later), loading that element's module from beside this file. Safe to include
 * twice and in any order relative to the tags. The tags are the registry's (src/registry.ts, generated from the
 * element folders).
 *
 * A closed drawer cart (`<vtex-cart variant="drawer">` without `open`) shows nothing, so its code waits for its
 * first open: `<vtex-cart-button>` loads it on click (and preloads it on hover or focus), and the loader loads it as
 * soon as a drawer gets `open` or another `<vtex-cart>` appears. A script that calls `show()` on a drawer waits for
 * `customElements.whenDefined('vtex-cart')` first, as with any tag the loader defines.
 */
import {ELEMENTS} from './registry.js';

const GUARD = Symbol.for('vtex-elements/loader');
const g = globalThis as {[GUARD]?: true};

if (!g[GUARD] && typeof document !== 'undefined') {
  g[GUARD] = true;
  const requested = new Set<string>();
  const base = import.meta.url;
  /** An element that shows nothing yet, so its code can wait (a closed drawer cart). */
  const waits = (el: Element) =>
    el.localName === 'vtex-cart' && el.getAttribute('variant') === 'drawer' && !el.hasAttribute('open');
  const scan = (root: ParentNode) => {
    for (const name of ELEMENTS) {
      const tag = `vtex-${name}`;
      if (requested.has(name) || customElements.get(tag)) continue;
      const found =
        root instanceof Element && root.localName === tag ? [root] : [...root.querySelectorAll(tag)];
      if (found.some((el) => !waits(el))) {
        requested.add(name);
        // `base`, not `import.meta.url` inline: Vite rewrites `new URL(`…${x}`, import.meta.url)` into a
        // build-time asset lookup (undefined at runtime for these modules).
        import(/* @vite-ignore */ new URL(`./elements/${name}.js`, base).href).catch((e: unknown) => {
          requested.delete(name);
          console.error(`vtex-elements: could not load <${tag}>`, e);
        });
      }
    }
  };
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') scan(r.target as Element);
      for (const n of r.addedNodes) if (n instanceof Element) scan(n);
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['open', 'variant'],
  });
}

export {};
