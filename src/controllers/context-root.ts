import {ContextRoot} from '@lit/context';

const roots = new WeakSet<Document>();

/**
 * Lets elements that upgrade before any provider still connect once it appears. Called by every consumer
 * and provider, so whichever upgrades first installs it (once per document).
 */
export function ensureContextRoot(doc: Document | undefined = globalThis.document): void {
  if (!doc || roots.has(doc)) return;
  roots.add(doc);
  new ContextRoot().attach(doc.documentElement);
}
