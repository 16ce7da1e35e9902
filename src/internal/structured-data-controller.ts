import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {JsonLd} from './structured-data.js';

type Host = ReactiveControllerHost & HTMLElement & {structuredData?: string};
type Builder = typeof import('./structured-data.js');

/** The JSON-LD builder, loaded on first use (a page with structured data off never loads it). */
let builder: Builder | undefined;
let loading: Promise<Builder> | undefined;

/**
 * Keeps one `<script type="application/ld+json">` in the light DOM right after its element, holding what `build`
 * returns: rebuilt only when a value of `deps` (what `build` reads) changed, so a grid that updates every frame
 * while it reveals cards does not rebuild a thousand products each time; removed when `build` returns undefined,
 * when the element's `structured-data` is `off`, and when the element leaves the page. Search engines read it
 * there (shadow DOM is not part of the document they index).
 */
export class StructuredDataController implements ReactiveController {
  #script?: HTMLScriptElement;
  #deps: unknown[] = [];

  constructor(
    private readonly host: Host,
    private readonly build: (builder: Builder) => JsonLd | undefined,
    private readonly deps: () => unknown[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate(); // back on the page: write the script again
  }

  hostUpdated(): void {
    const deps = [this.host.structuredData, ...this.deps()];
    if (!this.#script || deps.some((d, i) => d !== this.#deps[i])) {
      if (this.host.structuredData !== 'off' && !builder) {
        void (loading ??= import('./structured-data.js')).then((b) => {
          builder = b;
          this.host.requestUpdate();
        });
        return;
      }
      this.#deps = deps;
      const data = this.host.structuredData !== 'off' && this.build(builder!);
      if (!data) return this.hostDisconnected();
      this.#script ??= Object.assign(document.createElement('script'), {type: 'application/ld+json'});
      this.#script.textContent = builder!.jsonLdText(data);
    }
    if (this.host.nextSibling !== this.#script) this.host.after(this.#script);
  }

  hostDisconnected(): void {
    this.#script?.remove();
    this.#script = undefined;
  }
}

/** The page's canonical URL (`<link rel="canonical">`), else its address without the fragment. */
export const pageUrl = (): string =>
  document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href || location.href.split('#')[0]!;
