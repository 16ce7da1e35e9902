import {VERSION} from './version.js';

type VersionedConstructor = CustomElementConstructor & {kitVersion?: string};

/**
 * Registers a tag once. A second registration (the script included twice) is a no-op; another version of
 * the kit already owning the tag gets a warning, never an exception.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
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
