/** A tiny observable store: `state` is a frozen snapshot, replaced (never mutated) on every update. */
export class Store<T extends object> extends EventTarget {
  #state: Readonly<T>;

  constructor(initial: T) {
    super();
    this.#state = Object.freeze({...initial});
  }

  get state(): Readonly<T> {
    return this.#state;
  }

  protected setState(patch: Partial<T>): void {
    this.#state = Object.freeze({...this.#state, ...patch});
    this.dispatchEvent(new Event('change'));
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: (state: Readonly<T>) => void): () => void {
    const handler = () => listener(this.#state);
    this.addEventListener('change', handler);
    return () => this.removeEventListener('change', handler);
  }
}
