import {VERSION} from './version.js';

type VersionedConstructor = CustomElementConstructor & {
  kitVersion?: string;
  localeReady?: (el: Element) => Promise<unknown> | undefined;
  prefetch?: (el: Element) => void;
};

/**
 * Registers a tag once. A second registration (the script included twice) is a no-op; another version of
 * the kit already owning the tag gets a warning, never an exception. When the page already holds the tag and
 * its language pack loads on demand, the tag is defined once the pack is in: the elements then render in the
 * page's language at once (the page's `:not(:defined)` reservations hold until then), never English first; their
 * data is fetched meanwhile (`prefetch`).
 */
export function defineElement(tag: string, ctor: VersionedConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const present =
    ctor.localeReady && typeof document !== 'undefined' ? [...document.querySelectorAll(tag)] : [];
  const waits = present.map((el) => ctor.localeReady!(el)).filter(Boolean);
  if (!waits.length) return register(registry, tag, ctor);
  // Their data need not wait for the pack: it loads meanwhile.
  for (const el of present) ctor.prefetch?.(el);
  const go = () => register(registry, tag, ctor);
  void Promise.all(waits).then(go, go);
}

function register(registry: CustomElementRegistry, tag: string, ctor: VersionedConstructor): void {
  const existing = registry.get(tag) as VersionedConstructor | undefined;
  if (existing) {
    if (existing !== ctor && existing.kitVersion !== VERSION) {
      console.warn(
        `vtex-elements ${VERSION}: <${tag}> is already defined by version ${existing.kitVersion ?? 'unknown'}; keeping it.`,
      );
    }
    return;
  }
  (ctor as VersionedConstructor).kitVersion = VERSION;
  registry.define(tag, ctor);
}
