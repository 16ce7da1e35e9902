const GUARD = Symbol.for('vtex-elements/loader');

/**
 * Defines each `vtex-<name>` tag of `elements` (the registry's) only when it appears in the page (now or later), with `load(name)`, which imports that
 * element's code. The loader (`loader.js`) and the CDN entry (`vtex-elements.js`) both run it; the first one on the
 * page does the work, so the two together are safe.
 *
 * A closed drawer cart (`<vtex-cart variant="drawer">` without `open`) shows nothing, so its code waits for its
 * first open: `<vtex-cart-button>` loads it on click (and preloads it on hover or focus), and the autoloader loads
 * it as soon as a drawer gets `open` or another `<vtex-cart>` appears. A script that calls `show()` on a drawer
 * waits for `customElements.whenDefined('vtex-cart')` first, as with any tag defined on demand.
 */
export function autoload<Name extends string>(
  elements: readonly Name[],
  load: (name: Name) => Promise<unknown>,
): void {
  const g = globalThis as {[GUARD]?: true};
  if (g[GUARD] || typeof document === 'undefined') return;
  g[GUARD] = true;
  const requested = new Set<string>();
  /** An element that shows nothing yet, so its code can wait (a closed drawer cart). */
  const waits = (el: Element) =>
    el.localName === 'vtex-cart' && el.getAttribute('variant') === 'drawer' && !el.hasAttribute('open');
  const scan = (root: ParentNode) => {
    for (const name of elements) {
      const tag = `vtex-${name}`;
      if (requested.has(name) || customElements.get(tag)) continue;
      const found =
        root instanceof Element && root.localName === tag ? [root] : [...root.querySelectorAll(tag)];
      if (found.some((el) => !waits(el))) {
        requested.add(name);
        load(name).catch((e: unknown) => {
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
