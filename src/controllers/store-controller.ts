import {ContextConsumer, type Context} from '@lit/context';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {VtexClient} from '../client/index.js';
import {
  cartContext,
  clientContext,
  configContext,
  sessionContext,
  type StoreConfig,
} from '../context/index.js';
import type {CartStore} from '../state/cart-store.js';
import type {SessionStore} from '../state/session-store.js';
import type {Store} from '../state/store.js';
import {ensureContextRoot} from './context-root.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Connects an element to the page's store (client, config) through context, including stores that
 * appear after the element and elements outside any `<vtex-store>` (served by the page's default store).
 */
export class StoreController implements ReactiveController {
  readonly #client: ContextConsumer<typeof clientContext, Host>;
  readonly #config: ContextConsumer<typeof configContext, Host>;

  constructor(host: Host, onClient?: (client: VtexClient | undefined) => void) {
    ensureContextRoot(host.ownerDocument);
    this.#client = new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        onClient?.(client);
        host.requestUpdate();
      },
    });
    this.#config = new ContextConsumer(host, {context: configContext, subscribe: true});
    host.addController(this);
  }

  get client(): VtexClient | undefined {
    return this.#client.value;
  }

  get config(): StoreConfig | undefined {
    return this.#config.value;
  }

  hostConnected(): void {}
}

/** Subscribes a host to one store provided by context; re-renders on every change. */
class StoreBinding<S extends Store<object> & {load(): Promise<unknown>}> implements ReactiveController {
  readonly #host: Host;
  #store: S | undefined;
  #unsubscribe?: () => void;

  constructor(host: Host, context: Context<unknown, S | undefined>, load: boolean) {
    ensureContextRoot(host.ownerDocument);
    this.#host = host;
    new ContextConsumer(host, {context, subscribe: true, callback: (store) => this.#attach(store, load)});
    host.addController(this);
  }

  get store(): S | undefined {
    return this.#store;
  }

  get state(): S['state'] | undefined {
    return this.#store?.state;
  }

  hostConnected(): void {
    if (this.#store && !this.#unsubscribe) this.#attach(this.#store, false);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(store: S | undefined, load: boolean): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    if (store) {
      this.#unsubscribe = store.subscribe(() => this.#host.requestUpdate());
      // Stores dedupe: however many elements ask, the page makes one request.
      if (load) store.load().catch(() => undefined);
    }
    this.#host.requestUpdate();
  }
}

/** Binds an element to the shared CartStore (one orderForm per page). `load: false` to not fetch it. */
export class CartController extends StoreBinding<CartStore> {
  constructor(host: Host, options: {load?: boolean} = {}) {
    super(host, cartContext, options.load !== false);
  }
}

/** Binds an element to the shared SessionStore. */
export class SessionController extends StoreBinding<SessionStore> {
  constructor(host: Host, options: {load?: boolean} = {}) {
    super(host, sessionContext, options.load !== false);
  }
}
