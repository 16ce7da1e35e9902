import {VtexError} from '../client/errors.js';
import type {AddItem} from '../client/checkout.js';
import type {VtexClient} from '../client/index.js';
import type {ClientProfileInput, OrderForm, PaymentDataInput, ShippingDataInput} from '../client/types.js';
import {Store} from './store.js';

export type CartStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CartState {
  status: CartStatus;
  /** The last orderForm VTEX returned: the truth. */
  orderForm: OrderForm | null;
  /**
   * Quantities the shopper chose that VTEX has not confirmed yet, by line `uniqueId`. Elements show these
   * at once (optimistic) with a busy state until the server answers.
   */
  pendingQuantities: Readonly<Record<string, number>>;
  /** Number of queued or running mutations. */
  busy: number;
  /** A change has waited more than `slowMs` (4 s) for VTEX: elements say they are still trying. */
  slow?: boolean;
  /** The last failure, with the operation and (for line changes) the line it concerns. */
  error: {operation: string; error: VtexError; uniqueId?: string} | null;
  /** The orderGroup another tab just placed from this cart (until this tab changes the cart). */
  placedElsewhere?: string | null;
}

export interface CartMutationResult {
  orderForm: OrderForm;
}

/** The part of BroadcastChannel used here (typed locally so this module compiles without the DOM lib). */
interface Channel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: {data: unknown}) => void) | null;
}

type Task<T> = () => Promise<T>;

interface SyncMessage {
  orderFormId: string;
  orderForm: OrderForm | null;
  from: string;
  /** An order was placed from this cart (its orderGroup). */
  placed?: string;
}

/**
 * Runs `task` inside `cart`'s write queue with the current orderFormId, for flows that must not interleave with
 * cart writes (order placement, sign-out); `apply` shows an orderForm the flow obtained. For the actions in
 * src/state only: elements call those actions (ESLint keeps this import out of src/elements).
 */
export let inCartQueue: <T>(
  cart: CartStore,
  operation: string,
  task: (orderFormId: string, apply: (orderForm: OrderForm) => void) => Promise<T>,
) => Promise<T>;

/**
 * One orderForm per page. `load()` shares one in-flight request; every mutation goes through one queue
 * (VTEX forbids parallel orderForm writes); a sequence number drops replies older than the one applied;
 * every reply replaces the snapshot; other tabs of the same store converge through BroadcastChannel.
 */
export class CartStore extends Store<CartState> {
  static {
    inCartQueue = (cart, operation, task) =>
      cart.#enqueue(operation, async () =>
        task((await cart.#ensure()).orderFormId, (orderForm) => cart.#apply(++cart.#issued, orderForm, true)),
      );
  }

  readonly client: VtexClient;
  #loading: Promise<OrderForm> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #issued = 0;
  #applied = 0;
  #channel: Channel | null = null;
  readonly #tabId = Math.random().toString(36).slice(2);
  /** Desired quantities not yet sent, by uniqueId, flushed by one queued task. */
  #desired = new Map<string, number>();
  #flushQueued = false;
  readonly #slowMs: number;

  constructor(client: VtexClient, options: {sync?: boolean; slowMs?: number} = {}) {
    super({status: 'idle', orderForm: null, pendingQuantities: {}, busy: 0, error: null});
    this.client = client;
    this.#slowMs = options.slowMs ?? 4000;
    if (options.sync !== false && typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(
        `vtex-elements:cart:${client.accountName}:${client.api}`,
      ) as unknown as Channel;
      channel.onmessage = (e) => this.#onRemote(e.data as SyncMessage);
      this.#channel = channel;
    }
  }

  get orderForm(): OrderForm | null {
    return this.state.orderForm;
  }

  /** Loads (or creates) the cart once; concurrent callers share the request. */
  load(options: {force?: boolean} = {}): Promise<OrderForm> {
    if (this.#loading) return this.#loading;
    if (this.state.orderForm && !options.force) return Promise.resolve(this.state.orderForm);
    const seq = ++this.#issued;
    if (!this.state.orderForm) this.setState({status: 'loading'});
    const id = this.state.orderForm?.orderFormId;
    const request = id ? this.client.checkout.getOrderFormById(id) : this.client.checkout.getOrderForm();
    this.#loading = request
      .then((orderForm) => {
        this.#apply(seq, orderForm, false);
        return this.state.orderForm ?? orderForm;
      })
      .catch((error: unknown) => {
        const e = toError(error);
        this.setState({
          status: this.state.orderForm ? 'ready' : 'error',
          error: {operation: 'load', error: e},
        });
        throw e;
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** Adds SKUs. Resolves with the new orderForm. */
  addItems(items: readonly AddItem[]): Promise<OrderForm> {
    for (const item of items) assertQuantity(item.quantity, 1);
    return this.#mutate('addItems', (id) => this.client.checkout.addItems(id, items));
  }

  /**
   * Sets a line's quantity (0 removes). The new value shows at once; rapid calls are coalesced into as few
   * requests as possible and the final server quantity is the last one chosen.
   */
  setQuantity(uniqueId: string, quantity: number): Promise<OrderForm> {
    assertQuantity(quantity, 0);
    this.#desired.set(uniqueId, quantity);
    this.setState({pendingQuantities: {...this.state.pendingQuantities, [uniqueId]: quantity}, error: null});
    if (this.#flushQueued) return this.#queue.then(() => this.#current()) as Promise<OrderForm>;
    this.#flushQueued = true;
    let flushed = false;
    return this.#mutate(
      'setQuantity',
      async (id) => {
        flushed = true;
        this.#flushQueued = false;
        const desired = new Map(this.#desired);
        this.#desired.clear();
        const lines = this.state.orderForm?.items ?? [];
        const orderItems = [...desired]
          .map(([uid, qty]) => ({index: lines.findIndex((l) => l.uniqueId === uid), quantity: qty}))
          .filter((u) => u.index >= 0);
        try {
          if (orderItems.length === 0) return this.#current();
          return await this.client.checkout.updateItems(id, orderItems);
        } catch (e) {
          (e as {uniqueIds?: string[]}).uniqueIds = [...desired.keys()];
          throw e;
        } finally {
          const pending = {...this.state.pendingQuantities};
          for (const [uid, qty] of desired)
            if (pending[uid] === qty && !this.#desired.has(uid)) delete pending[uid];
          this.setState({pendingQuantities: pending});
        }
      },
      (error) => [...((error as {uniqueIds?: string[]}).uniqueIds ?? [])][0],
    ).catch((error: unknown) => {
      // The cart could not be read, so this flush never ran and nothing was sent: drop the changes it would have
      // sent (they no longer show as on their way) so that the next change is queued and sent.
      if (!flushed) {
        this.#flushQueued = false;
        const pending = {...this.state.pendingQuantities};
        for (const uid of this.#desired.keys()) delete pending[uid];
        this.#desired.clear();
        this.setState({pendingQuantities: pending});
      }
      throw error;
    });
  }

  removeItem(uniqueId: string): Promise<OrderForm> {
    return this.setQuantity(uniqueId, 0);
  }

  clear(): Promise<OrderForm> {
    return this.#mutate('clear', (id) => this.client.checkout.removeAllItems(id));
  }

  /** Applies a coupon. VTEX answers 200 even for invalid codes: check the returned `messages`. */
  applyCoupon(code: string): Promise<OrderForm> {
    return this.#mutate('applyCoupon', (id) => this.client.checkout.addCoupon(id, code.trim()));
  }

  removeCoupon(): Promise<OrderForm> {
    return this.#mutate('removeCoupon', (id) => this.client.checkout.addCoupon(id, ''));
  }

  attachClientProfile(data: ClientProfileInput): Promise<OrderForm> {
    return this.#mutate('attachClientProfile', (id) => this.client.checkout.attachClientProfile(id, data));
  }

  attachShippingData(data: ShippingDataInput): Promise<OrderForm> {
    return this.#mutate('attachShippingData', (id) => this.client.checkout.attachShippingData(id, data));
  }

  attachPaymentData(data: PaymentDataInput): Promise<OrderForm> {
    return this.#mutate('attachPaymentData', (id) => this.client.checkout.attachPaymentData(id, data));
  }

  clearMessages(): Promise<OrderForm> {
    return this.#mutate('clearMessages', (id) => this.client.checkout.clearMessages(id));
  }

  /** Re-reads the cart with `refreshOutdatedData` (before placing an order), inside the queue. */
  refresh(): Promise<OrderForm> {
    return this.#mutate('refresh', (id) =>
      this.client.checkout.getOrderFormById(id, {refreshOutdatedData: true}),
    );
  }

  /** After a purchase: VTEX starts a new empty cart. */
  startNewCart(): Promise<OrderForm> {
    return this.#mutate('newCart', () => this.client.checkout.getOrderForm({forceNewCart: true}));
  }

  /** Tells the other tabs on this cart that an order was just placed from it. */
  announcePlaced(orderGroup: string): void {
    this.#channel?.postMessage({orderFormId: '', orderForm: null, from: this.#tabId, placed: orderGroup});
  }

  dispose(): void {
    this.#channel?.close();
    this.#channel = null;
  }

  #current(): OrderForm {
    const of = this.state.orderForm;
    if (!of)
      throw new VtexError({
        status: 0,
        code: 'NO_CART',
        kind: 'config',
        retryable: true,
        message: 'The cart is not loaded',
      });
    return of;
  }

  async #ensure(): Promise<OrderForm> {
    return this.state.orderForm ?? this.load();
  }

  #enqueue<T>(operation: string, task: Task<T>, lineOf?: (error: unknown) => string | undefined): Promise<T> {
    this.setState({busy: this.state.busy + 1});
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    // The client waits up to 45 s for a write; past a few seconds the shopper hears it is still trying.
    const slow = setTimeout(() => this.setState({slow: true}), this.#slowMs);
    return run
      .catch((error: unknown) => {
        const e = toError(error);
        this.setState({error: {operation, error: e, uniqueId: lineOf?.(error)}});
        if (outcomeUnknown(e) && this.state.orderForm) this.#resync();
        throw e;
      })
      .finally(() => {
        clearTimeout(slow);
        const busy = this.state.busy - 1;
        this.setState({busy, ...(!busy && {slow: false})});
      });
  }

  #mutate(
    operation: string,
    call: (orderFormId: string) => Promise<OrderForm>,
    lineOf?: (error: unknown) => string | undefined,
  ): Promise<OrderForm> {
    return this.#enqueue(
      operation,
      async () => {
        const id = (await this.#ensure()).orderFormId;
        const seq = ++this.#issued;
        const orderForm = await call(id);
        this.#apply(seq, orderForm, true);
        return this.state.orderForm ?? orderForm;
      },
      lineOf,
    );
  }

  /** After a failure whose outcome is unknown (timeout, 5xx, garbled reply), re-read the truth in the queue. */
  #resync(): void {
    const id = this.state.orderForm?.orderFormId;
    if (!id) return;
    this.#queue = this.#queue.then(async () => {
      const seq = ++this.#issued;
      try {
        this.#apply(seq, await this.client.checkout.getOrderFormById(id), true);
      } catch {
        // The next action or load will try again; the last known orderForm stays on screen.
      }
    });
  }

  #apply(seq: number, orderForm: OrderForm, broadcast: boolean): void {
    if (seq < this.#applied) return; // a stale reply: something newer is already on screen
    this.#applied = seq;
    this.setState({orderForm, status: 'ready', error: null, ...(broadcast && {placedElsewhere: null})});
    if (broadcast)
      this.#channel?.postMessage({
        orderFormId: orderForm.orderFormId,
        orderForm,
        from: this.#tabId,
      } satisfies SyncMessage);
  }

  #onRemote(message: SyncMessage): void {
    if (!message || message.from === this.#tabId) return;
    if (message.placed) return this.setState({placedElsewhere: message.placed});
    if (this.state.busy > 0) {
      // A local write is in flight; re-read once the queue drains instead of racing it.
      void this.#queue.then(() => this.load({force: true}).catch(() => undefined));
      return;
    }
    // Tabs share the checkout cookie, so the other tab's cart (even a new one after a purchase) is ours too.
    if (message.orderForm) this.#apply(++this.#issued, message.orderForm, false);
  }
}

function assertQuantity(quantity: number, min: number): void {
  if (!Number.isInteger(quantity) || quantity < min || quantity > 99_999) {
    throw new VtexError({
      status: 0,
      code: 'INVALID_QUANTITY',
      kind: 'config',
      retryable: false,
      message: `Quantity must be a whole number from ${min}, got ${String(quantity)}`,
    });
  }
}

/** A failure after which the write may or may not have happened (VTEX applied it, the reply was lost). */
export const outcomeUnknown = (e: VtexError): boolean =>
  e.kind === 'network' ||
  e.kind === 'timeout' ||
  e.kind === 'bad-response' ||
  e.status >= 500 ||
  e.status === 429;

function toError(error: unknown): VtexError {
  if (error instanceof VtexError) return error;
  return new VtexError({
    status: 0,
    code: 'UNKNOWN',
    retryable: false,
    message: error instanceof Error ? error.message : String(error),
  });
}
