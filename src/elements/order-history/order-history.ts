import {Task, TaskStatus} from '../../internal/task.js';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {OmsOrder, OmsOrderList, OmsOrderSummary} from '../../client/types.js';
import type {VtexError} from '../../client/errors.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, SessionController, StoreController} from '../../controllers/store-controller.js';
import type {ItemsReorderedDetail} from '../../events/vtex-items-reordered.js';
import type {OrderSelectedDetail} from '../../events/vtex-order-selected.js';
import {hostStyles} from '../../internal/styles.js';
import {listOrders, orderDetail, orderThumbs, type OrderThumb} from '../../state/orders.js';
import {VtexElement} from '../../internal/vtex-element.js';
import {messages} from './order-history.messages.js';
import {styles} from './order-history.styles.js';
import {orderCurrency} from './order-parts.js';
import {adoptMoreStyles} from '../../internal/adopt-styles.js';
import {OnDemandModule} from '../../internal/on-demand-module.js';
import {pendingPacks} from '../../i18n/messages.js';
import {orderStatus} from './order-status.js';

type OrderStatusRow = OmsOrderSummary & {statusDescription?: string};

const status = (e: unknown): number => (e as VtexError | undefined)?.status ?? 0;
const aborted = (e: unknown): boolean =>
  (e as VtexError | undefined)?.kind === 'aborted' || (e as Error | undefined)?.name === 'AbortError';
const MAX_THUMBS = 4;

/**
 * The signed-in shopper's orders (VTEX OMS, newest first, paged) and the detail of one order: items, prices,
 * shipping address, delivery progress, payment, and "buy again". Signed out (or when the session expired:
 * a 401/403 from OMS) it explains and offers `<vtex-login-button>`.
 *
 * Thumbnails: VTEX's order list carries no images, so the element reads each listed order's detail
 * (one request per order on the page, in parallel) after the list is on screen.
 *
 * @summary The shopper's order history and order detail, with "buy again".
 * @tag vtex-order-history
 * @fires vtex-order-selected - The shopper opened an order (orderId) or went back to the list (null). detail: {orderId}
 * @fires vtex-items-reordered - "Buy again" finished. detail: {orderId, added: [{id, seller, name, quantity}], unavailable: [{id, seller, name, quantity}]}
 * @fires vtex-error - Orders, an order or "buy again" failed (not fired for an expired session). detail: {operation: 'orders' | 'order' | 'buyAgain', error}
 * @csspart title - The "My orders" heading.
 * @csspart list - The list of orders.
 * @csspart order - One order in the list.
 * @csspart status - An order's status text.
 * @csspart total - An order's total.
 * @csspart thumbnails - An order's item images.
 * @csspart details-button - "View details" of one order.
 * @csspart pagination - Previous/next page controls.
 * @csspart detail - The detail view of one order.
 * @csspart back - "Back to my orders".
 * @csspart progress - The delivery step indicator.
 * @csspart step - One step of the indicator.
 * @csspart items - The items of the order in the detail view.
 * @csspart item - One item in the detail view.
 * @csspart totals - Subtotal, discounts, shipping and total.
 * @csspart address - Shipping address or pickup point.
 * @csspart payment - Payment summary.
 * @csspart buy-again - The "Buy again" button.
 * @csspart message - The result of "buy again".
 * @csspart skeleton - Loading placeholders.
 * @csspart empty - The no-orders message.
 * @csspart error - An error message with its retry button.
 * @csspart not-found - Shown for an order that is not in the shopper's account.
 * @csspart signed-out - The sign-in invitation.
 * @cssprop [--vtex-order-history-gap=1rem] - Space between orders and sections.
 * @cssprop [--vtex-order-history-thumb-size=3rem] - Size of item images in the list.
 */
export class VtexOrderHistory extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = messages;

  static override styles = [hostStyles, styles];

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #session = new SessionController(this);
  /** @internal */ readonly #cart = new CartController(this, {load: false});
  /** @internal */ readonly i18n = new LocalizeController(this, messages, {
    store: this.#store,
    cart: this.#cart,
    session: this.#session,
  });

  /** Orders per page. */
  @property({type: Number, attribute: 'page-size'}) pageSize = 10;

  /** The page of the list shown (1-based). */
  @property({type: Number}) page = 1;

  /** Shows this order's detail instead of the list; cleared by the back button. */
  @property({attribute: 'order-id', reflect: true}) orderId?: string;

  // The members marked @internal are shared with ./order-detail.ts; they are not the element's API.
  /** @internal */ @state() busy = false;
  /** @internal */ @state() reorder?: {
    orderId: string;
    added: number;
    total: number;
    unavailable: string[];
    failed?: boolean;
  };

  /** The detail view's code (./order-detail.ts): loaded to show an order, or on the first focus or pointer. */
  readonly #detailCode = new OnDemandModule<typeof import('./order-detail.js')>(
    () =>
      import('./order-detail.js').then(async (m) => {
        await pendingPacks(m.detailMessages, this.i18n.locale);
        adoptMoreStyles(this, m.detailStyles);
        return m;
      }),
    () => this.requestUpdate(),
  );
  /** Something to focus once the next render is done. */
  #focus: string | null = null;
  /** The list is loaded once it has been shown (not for a page that only shows one order). */
  #listWanted = false;

  readonly #list = new Task(this, {
    task: async ([client, email, page, perPage, wanted], {signal}): Promise<OmsOrderList | null> => {
      if (!client || !email || !wanted) return null;
      try {
        return await listOrders(client, {page, perPage, signal});
      } catch (e) {
        this.#failed('orders', e);
        throw e;
      }
    },
    args: () => [this.#store.client, this.#email(), this.#page(), this.#perPage(), this.#listWanted] as const,
  });

  /** Item images by order id, kept across pages. */
  readonly #thumbs = new Task(this, {
    task: async ([list], {signal}): Promise<Map<string, OrderThumb[]>> => {
      const client = this.#store.client;
      return client && list
        ? orderThumbs(client, list, this.#thumbs.value, {signal})
        : new Map(this.#thumbs.value);
    },
    args: () => [this.#list.value] as const,
  });

  readonly #detail = new Task(this, {
    task: async ([client, email, orderId], {signal}): Promise<OmsOrder | null> => {
      if (!client || !email || !orderId) return null;
      try {
        return await orderDetail(client, orderId, {signal});
      } catch (e) {
        if (status(e) !== 404) this.#failed('order', e);
        throw e;
      }
    },
    args: () => [this.#store.client, this.#email(), this.orderId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The shopper is about to open an order: fetch the detail view's code now, so opening does not wait for it.
    this.#detailCode.preloadOn(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A blank order-id (" ") is no order: the list.
    if (!this.orderId?.trim()) this.orderId = undefined;
    if (!this.orderId) this.#listWanted = true;
    else this.#detailCode.preload();
    if (changed.has('orderId')) this.reorder = undefined;
  }

  protected override updated(): void {
    if (!this.#focus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focus);
    if (target) {
      target.focus();
      this.#focus = null;
    }
  }

  #email(): string | null {
    const s = this.#session.state?.session;
    return s?.signedIn ? (s.email ?? '') || 'signed-in' : null;
  }

  /** An expired session is not an error: show the signed-out state. */
  #failed(operation: string, e: unknown): void {
    if (aborted(e)) return;
    const code = status(e);
    if (code === 401 || code === 403) this.#session.store?.markSignedOut();
    else this.emitError(operation, e);
  }

  #select(orderId: string): void {
    this.orderId = orderId;
    this.#focus = '#detail-title';
    this.emit<OrderSelectedDetail>('vtex-order-selected', {orderId});
  }

  #back(): void {
    const from = this.orderId ?? '';
    this.orderId = undefined;
    this.#focus = `[data-order="${CSS.escape(from)}"]`;
    this.emit<OrderSelectedDetail>('vtex-order-selected', {orderId: null});
    // Returning to a list that was never loaded focuses its heading instead.
    void this.updateComplete.then(() => {
      if (this.#focus && !this.renderRoot.querySelector(this.#focus)) this.#focus = '#title';
      this.updated();
    });
  }

  /** The page asked for: 1 when `page` is not a number or below 1. */
  #page(): number {
    return Math.max(1, Math.floor(this.page) || 1);
  }

  /** Orders per page: 1–100, 10 when `page-size` is not a number or below 1. */
  #perPage(): number {
    const n = Math.floor(this.pageSize);
    return n >= 1 ? Math.min(100, n) : 10;
  }

  #goTo(page: number): void {
    this.page = page;
    this.#focus = '#title';
  }

  /** @internal */ async buyAgain(order: OmsOrder): Promise<void> {
    const cart = this.#cart.store;
    if (!cart || this.busy) return;
    this.busy = true;
    this.reorder = undefined;
    try {
      // Loaded on the press: most visits to the orders never buy again.
      const {reorder} = await import('../../state/reorder.js');
      const {added, unavailable, total} = await reorder(cart, order);
      this.reorder = {
        orderId: order.orderId,
        added: added.length,
        total,
        unavailable: unavailable.map((i) => i.name),
      };
      this.emit<ItemsReorderedDetail>('vtex-items-reordered', {orderId: order.orderId, added, unavailable});
    } catch (e) {
      this.reorder = {orderId: order.orderId, added: 0, total: 0, unavailable: [], failed: true};
      this.#failed('buyAgain', e);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const common = this.i18n.common;
    if (!this.#session.store || !this.#store.client)
      return html`<p class="state error-text" part="error" role="alert">${common.errorNoStore}</p>`;
    const {session, status: sessionStatus, error} = this.#session.state!;
    if (!session && sessionStatus === 'error')
      return this.#error(this.i18n.error(error), () => this.#session.store?.load({force: true}));
    if (!session) return this.#skeleton(3);
    if (!session.signedIn) {
      return html`<div class="state signed-out" part="signed-out">
        <p>${this.i18n.m.signedOut}</p>
        <vtex-login-button .locale=${this.locale}></vtex-login-button>
      </div>`;
    }
    return this.orderId ? this.#renderDetail() : this.#renderList();
  }

  /** Placeholders sized by class (no `style` attribute: a strict `style-src` CSP blocks those). */
  #skeleton(rows: number, size: 'row' | 'detail' = 'row'): TemplateResult {
    return html`<div role="status" class="skeletons">
      <span class="visually-hidden">${this.i18n.common.loading}</span>
      ${Array.from({length: rows}, () => html`<div class="skeleton ${size}" part="skeleton"></div>`)}
    </div>`;
  }

  #error(text: string, retry: () => unknown): TemplateResult {
    return html`<div class="state" part="error" role="alert">
      <p class="error-text">${text}</p>
      <button class="button" @click=${retry}>${this.i18n.common.retry}</button>
    </div>`;
  }

  #renderList(): TemplateResult {
    // One template: the heading stays the same node across loading and pages, so focus on it survives.
    return html`<h2 id="title" part="title" tabindex="-1">${this.i18n.m.title}</h2>
      ${this.#renderListBody()}`;
  }

  #renderListBody(): TemplateResult {
    const m = this.i18n.m;
    const task = this.#list;
    if (task.status === TaskStatus.ERROR) {
      if ([401, 403].includes(status(task.error))) return this.#skeleton(3);
      return this.#error(`${m.loadFailed} ${this.i18n.error(task.error as VtexError)}`, () => task.run());
    }
    const data = task.value;
    if (task.status !== TaskStatus.COMPLETE || !data) return this.#skeleton(3);
    if (!data.list.length && (data.paging.total === 0 || this.#page() <= 1))
      return html`<p class="state" part="empty">${m.empty}</p>`;
    if (!data.list.length) {
      // A page past the last one (a stale link, page="99"): say so and offer the first page.
      return html`<div class="state" part="empty">
        <p>${m.pageEmpty}</p>
        <button class="button" @click=${() => this.#goTo(1)}>${m.firstPage}</button>
      </div>`;
    }
    const {pages} = data.paging;
    const page = Math.min(this.#page(), Math.max(pages, 1));
    return html`<ol class="orders" part="list">
        ${data.list.map((o) => this.#renderRow(o))}
      </ol>
      ${
        pages > 1
          ? html`<nav part="pagination" aria-label=${m.pages}>
              <button class="button" ?disabled=${page <= 1} @click=${() => this.#goTo(page - 1)}>
                ${m.previous}
              </button>
              <span>${m.pageOf(page, pages)}</span>
              <button class="button" ?disabled=${page >= pages} @click=${() => this.#goTo(page + 1)}>
                ${m.next}
              </button>
            </nav>`
          : nothing
      }`;
  }

  #renderRow(o: OrderStatusRow): TemplateResult {
    const m = this.i18n.m;
    const s = orderStatus(o.status);
    const thumbs = this.#thumbs.value?.get(o.orderId);
    const shown = thumbs?.slice(0, MAX_THUMBS) ?? [];
    const more = (thumbs?.length ?? 0) - shown.length;
    return html`<li class="order" part="order">
      <div class="order-head">
        <h3>${m.order(o.orderId)}</h3>
        <span class="status is-${s.tone}" part="status">${m[s.key]}</span>
      </div>
      <p class="muted">${m.placedOn(this.i18n.date(o.creationDate))}</p>
      <div class="order-foot">
        <ul class="thumbs" part="thumbnails">
          ${
            thumbs
              ? shown.map(
                  (t) =>
                    html`<li><img src=${t.src} alt=${t.alt} width="48" height="48" loading="lazy" /></li>`,
                )
              : this.#thumbs.status === TaskStatus.PENDING
                ? Array.from(
                    {length: Math.min(o.totalItems || 1, MAX_THUMBS)},
                    () => html`<li class="skeleton thumb"></li>`,
                  )
                : nothing
          }
          ${more > 0 ? html`<li class="more">${m.moreItems(more)}</li>` : nothing}
        </ul>
        <p class="total" part="total">
          <span class="muted">${m.total}</span>
          <strong>${this.i18n.cents(o.totalValue, orderCurrency(o, this.i18n.currency))}</strong>
        </p>
        <button
          class="button"
          part="details-button"
          data-order=${o.orderId}
          aria-label=${m.detailsOf(o.orderId)}
          @click=${() => this.#select(o.orderId)}
        >
          ${m.details}
        </button>
      </div>
    </li>`;
  }

  #renderDetail(): TemplateResult {
    const m = this.i18n.m;
    const task = this.#detail;
    const head = html`<button class="button back" part="back" @click=${this.#back}>
        <span aria-hidden="true">←</span> ${m.back}
      </button>
      <h2 id="detail-title" tabindex="-1">${m.order(this.orderId ?? '')}</h2>`;
    let body: TemplateResult;
    if (task.status === TaskStatus.ERROR) {
      const code = status(task.error);
      if (code === 404) body = html`<p class="state" part="not-found">${m.notFound}</p>`;
      else if (code === 401 || code === 403) body = this.#skeleton(1, 'detail');
      else
        body = this.#error(`${m.orderFailed} ${this.i18n.error(task.error as VtexError)}`, () => task.run());
    } else if (task.status !== TaskStatus.COMPLETE || !task.value) {
      body = this.#skeleton(1, 'detail');
    } else {
      const code = this.#detailCode;
      body = code.value
        ? code.value.renderOrder(this, task.value)
        : code.failed
          ? this.#error(this.i18n.common.errorNetwork, () => code.preload())
          : this.#skeleton(1, 'detail');
    }
    return html`<section class="detail" part="detail" aria-labelledby="detail-title">
      ${head}${body}
    </section>`;
  }
}
