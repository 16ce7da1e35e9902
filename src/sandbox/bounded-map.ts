/**
 * A Map that keeps at most `limit` entries, forgetting the least recently used one first (`get` and `set` count as
 * use). The sandbox runs as a public demo: however many carts, sessions or logins the web creates, its memory stays
 * bounded.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = Math.max(1, Math.floor(limit));
  }

  override get(key: K): V | undefined {
    if (!super.has(key)) return undefined;
    const value = super.get(key) as V;
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    for (const oldest of super.keys()) {
      if (this.size <= this.#limit) break;
      super.delete(oldest);
    }
    return this;
  }
}

/** How many of each thing the sandbox keeps (the least recently used go first). */
export interface SandboxLimits {
  carts: number;
  /** Placed orders (with their transactions). */
  orders: number;
  /** Session cookies and login flows in progress. */
  sessions: number;
  /** Shoppers known by e-mail (profiles, user ids). */
  shoppers: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  carts: 5_000,
  orders: 2_000,
  sessions: 10_000,
  shoppers: 10_000,
};
