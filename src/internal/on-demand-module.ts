/**
 * A module an element loads on first use (`import()`): one download shared by every caller, tried again after a
 * failure. `changed` runs when it has loaded or failed, for the element to render again.
 */
export class OnDemandModule<M> {
  /** The module, once loaded. */
  value?: M;
  /** The last download failed (the next `load()` tries again). */
  failed = false;
  #loading?: Promise<M>;

  constructor(
    private readonly importer: () => Promise<M>,
    private readonly changed?: () => void,
  ) {}

  load(): Promise<M> {
    if (this.failed) {
      this.failed = false;
      this.changed?.();
    }
    return (this.#loading ??= this.importer().then(
      (m) => {
        this.value = m;
        this.changed?.();
        return m;
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.failed = true;
        this.changed?.();
        throw error;
      },
    ));
  }

  /** Starts the download if needed, without waiting (a failure shows through `failed`). */
  preload = (): void => void this.load().catch(() => undefined);

  /** Preloads on `target`'s first focus, pointer or touch: the shopper is about to use the part this module holds. */
  preloadOn(target: EventTarget): void {
    for (const type of ['focusin', 'pointerover', 'touchstart'])
      target.addEventListener(type, this.preload, {once: true, passive: true});
  }

  /** Runs `f` with the module: at once when it is in, else once it has loaded. */
  with(f: (m: M) => void): void {
    if (this.value) f(this.value);
    else this.load().then(f, () => undefined);
  }
}
