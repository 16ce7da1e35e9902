import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ISProduct} from '../../client/types.js';

/** Cards a new search shows at once (two screenfuls on a desktop). */
const FIRST_BATCH = 24;
/** Cards built per frame after that (a few ms each on a 2-core machine, leaving the frame room to lay out). */
const REVEAL_BATCH = 8;

/** The products loaded for one search (in load-more and infinite modes, every page so far). */
export interface Results {
  key: string;
  page: number;
  products: ISProduct[];
  total: number;
  pages: number;
  searchId: string | null;
}

export type RevealHost = ReactiveControllerHost & {
  renderRoot: HTMLElement | DocumentFragment;
  results?: Results;
  pagination: string;
};

/**
 * Progressive reveal and infinite scroll. New results show FIRST_BATCH cards at once and the rest REVEAL_BATCH per
 * frame (skeletons hold their places), so no single task builds a whole page of cards: appending page 10 of a
 * 1,000-product list stays under 50 ms. In `infinite` mode, an IntersectionObserver on the `.sentinel` below the
 * cards calls `more` as it nears the viewport.
 */
export class RevealController implements ReactiveController {
  /** How many cards of the host's results are shown (the others are skeletons). */
  shown = 0;
  #for?: Results;
  #frame = 0;
  #observer?: IntersectionObserver;
  #observedFor?: Results;

  constructor(
    private readonly host: RevealHost,
    private readonly more: () => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const r = this.host.results;
    if (!r || r === this.#for) return;
    const prev = this.#for;
    const appended = prev?.key === r.key && r.products[0] === prev.products[0];
    this.#for = r;
    // A new search shows its first cards at once; an appended page starts on the next frame (the update that
    // receives it already parses, diffs and announces it).
    this.shown = appended ? Math.min(this.shown, prev.products.length) : FIRST_BATCH;
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    cancelAnimationFrame(this.#frame);
    this.shown = Infinity;
  }

  /** Whether the results have pages after the last one loaded. */
  hasMore(): boolean {
    const r = this.host.results;
    return !!r && r.page < r.pages && r.products.length < r.total;
  }

  /** After an update: watches the sentinel again when the mode changed or new results (`loaded`) are in. */
  watch(modeChanged: boolean, loaded: Results | undefined): void {
    if (!modeChanged && !(loaded && loaded !== this.#observedFor)) return;
    this.#observedFor = loaded;
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.host.pagination !== 'infinite' || typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.more();
      },
      {rootMargin: '0px 0px 400px 0px'},
    );
    // Observing fires once with the current state, so a sentinel still in view after a page loads loads the next.
    const sentinel = this.host.renderRoot.querySelector('.sentinel');
    if (sentinel) this.#observer.observe(sentinel);
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    if (this.shown >= (this.host.results?.products.length ?? 0)) return;
    this.#frame = requestAnimationFrame(() => {
      this.shown += REVEAL_BATCH;
      this.host.requestUpdate();
      this.#schedule();
    });
  }
}
