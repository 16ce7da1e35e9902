import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import fc from 'fast-check';
import {formatCents} from '../../i18n/format.js';
import {
  advanceClock,
  clearFaults,
  freshCart,
  placeTestOrder,
  sandboxOrders,
  serverCart,
  setFaults,
  signIn,
  signOut,
  type PlacedTestOrder,
} from '../../../test/browser/sandbox.js';
import '../../define.js';
import type {VtexStore} from '../store/store.js';
import type {VtexOrderHistory} from './order-history.js';
import {orderStatus} from './order-status.js';
import en from './order-history.messages.en.js';
import es from './order-history.messages.es.js';
import ptBR from './order-history.messages.pt-BR.js';
import {$, $$, part} from '../../../test/browser/harness.js';

const messages = {en, 'pt-BR': ptBR, es};

const email = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
const brl = (cents: number) => formatCents(cents, {currencyCode: 'BRL'}, 'en').replace(/\s+/g, ' ');

async function mount(attrs = ''): Promise<{store: VtexStore; el: VtexOrderHistory}> {
  const root = await fixture<HTMLElement>(
    `<div><vtex-store api="" account="sandbox" locale="en"><vtex-order-history ${attrs}></vtex-order-history></vtex-store></div>`,
  );
  return {store: root.querySelector('vtex-store')!, el: root.querySelector('vtex-order-history')!};
}

async function ready(el: HTMLElement, selector: string, timeout = 8000): Promise<HTMLElement> {
  await waitUntil(() => $(el, selector), `${selector} never rendered`, {timeout});
  return $(el, selector)!;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<vtex-order-history>', () => {
  beforeEach(async () => {
    await clearFaults();
    await signOut();
  });
  after(async () => {
    await clearFaults();
    await signOut();
  });

  it('maps VTEX status codes to shopper words in every language', () => {
    for (const locale of ['en', 'pt-BR', 'es'] as const) {
      const m = messages[locale];
      const words = [
        'order-created',
        'payment-pending',
        'payment-approved',
        'waiting-for-sellers-confirmation',
        'ready-for-handling',
        'handling',
        'invoiced',
        'canceled',
      ].map((s) => m[orderStatus(s).key]);
      expect(new Set(words).size, locale).to.equal(8);
      for (const w of words) expect(w).to.not.match(/-/);
    }
    expect(messages.en[orderStatus('invoiced').key]).to.equal('Shipped');
    expect(messages['pt-BR'][orderStatus('payment-pending').key]).to.equal('Aguardando pagamento');
    expect(messages.es[orderStatus('canceled').key]).to.equal('Cancelado');
    expect(orderStatus('something-new').key).to.equal('s_unknown');
  });

  it('signed out: explains and offers the login button', async () => {
    const {el} = await mount();
    const box = await ready(el, '[part~="signed-out"]');
    expect(text(box)).to.contain('Sign in to see your orders.');
    const button = box.querySelector('vtex-login-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('[part~="link"]'));
    expect(button.shadowRoot!.querySelector('[part~="link"]')!.getAttribute('href')).to.match(
      /^\/login\?returnUrl=/,
    );
    await expect(el).to.be.accessible();
  });

  it('shows skeletons while loading, then the empty state for a shopper without orders', async () => {
    await signIn(email('empty'));
    await setFaults({latencyMs: 700, routes: '/api/oms'});
    const {el} = await mount();
    await ready(el, '[part~="skeleton"]');
    expect($(el, '[role="status"]')!.textContent).to.contain('Loading');
    // Reserved height comes from the stylesheet: a `style` attribute is blocked by a strict `style-src` CSP.
    for (const s of $$(el, '[part~="skeleton"]')) {
      expect(s.hasAttribute('style'), 'no style attribute').to.equal(false);
      expect(s.getBoundingClientRect().height).to.be.greaterThan(40);
    }
    await expect(el).to.be.accessible();
    const empty = await ready(el, '[part~="empty"]');
    expect(text(empty)).to.equal('You have not placed any orders yet.');
    await expect(el).to.be.accessible();
  });

  describe('with orders', () => {
    const shopper = email('ana.silva');
    const other = email('bruno.costa');
    let orders: PlacedTestOrder[] = [];
    let foreign: PlacedTestOrder;

    before(async () => {
      await signOut();
      orders = [];
      orders.push(await placeTestOrder(shopper, [{id: '101', quantity: 2}]));
      orders.push(
        await placeTestOrder(shopper, [
          {id: '102', quantity: 1},
          {id: '103', quantity: 1},
        ]),
      );
      orders.push(await placeTestOrder(shopper, [{id: '104', quantity: 3}]));
      foreign = await placeTestOrder(other, [{id: '105', quantity: 1}]);
      await freshCart();
    });

    beforeEach(async () => {
      await signIn(shopper);
    });

    it('lists the orders newest first with date, id, status in words, total and thumbnails', async () => {
      const {el} = await mount();
      await ready(el, '[part~="order"]');
      const rows = $$(el, '[part~="order"]');
      expect(rows.map((r) => text(r.querySelector('h3')))).to.deep.equal(
        [...orders].reverse().map((o) => `Order ${o.orderId}`),
      );
      const created = new Map(
        (await sandboxOrders()).map((o) => [o.orderId, (o as {creationDate?: string}).creationDate!]),
      );
      rows.forEach((row, i) => {
        const o = [...orders].reverse()[i]!;
        expect(text(row.querySelector('[part~="total"]'))).to.equal(`Total ${brl(o.value)}`);
        expect(text(row.querySelector('[part~="status"]'))).to.equal('Awaiting payment');
        expect(text(row)).to.contain(
          `Placed on ${new Intl.DateTimeFormat('en', {dateStyle: 'medium'}).format(new Date(created.get(o.orderId)!))}`,
        );
      });
      // Thumbnails come from each order's items.
      await waitUntil(() => $$(el, '[part~="thumbnails"] img').length === 4, 'thumbnails');
      expect(rows[1]!.querySelectorAll('img').length).to.equal(2);
      expect(rows[1]!.querySelector('img')!.alt).to.not.equal('');
      await expect(el).to.be.accessible();
    });

    it('follows the order status as it advances', async () => {
      await advanceClock(3 * 60_000);
      const {el} = await mount();
      await ready(el, '[part~="order"]');
      expect(text($(el, '[part~="status"]'))).to.equal('Order confirmed');
    });

    it('pages with page-size and moves focus to the heading', async () => {
      const {el} = await mount('page-size="2"');
      await ready(el, '[part~="pagination"]');
      expect($$(el, '[part~="order"]').length).to.equal(2);
      const nav = part(el, 'pagination')!;
      expect(text(nav)).to.contain('Page 1 of 2');
      const [prev, next] = [...nav.querySelectorAll('button')];
      expect(prev!.disabled).to.equal(true);
      next!.click();
      await waitUntil(() => text(part(el, 'pagination')).includes('Page 2 of 2'), 'page 2');
      await waitUntil(() => $$(el, '[part~="order"]').length === 1, 'one order on page 2');
      expect(text($(el, '[part~="order"] h3'))).to.equal(`Order ${orders[0]!.orderId}`);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal('title');
      await expect(el).to.be.accessible();
    });

    it('malformed page and page-size fall back to page 1 and 10; a page past the last says so', async () => {
      const {el} = await mount('page="-2" page-size="-1"');
      await ready(el, '[part~="order"]');
      expect($$(el, '[part~="order"]').length, '10 per page: all 3 orders').to.equal(3);
      expect(part(el, 'pagination'), 'one page').to.equal(null);
      const past = (await mount('page="99" page-size="2"')).el;
      const empty = await ready(past, '[part~="empty"]');
      expect(text(empty)).to.contain('There are no orders on this page.');
      empty.querySelector('button')!.click();
      await waitUntil(() => $$(past, '[part~="order"]').length === 2, 'page 1');
      expect(text(part(past, 'pagination'))).to.contain('Page 1 of 2');
      const blank = (await mount('order-id=" "')).el;
      await ready(blank, '[part~="order"]');
      expect(blank.hasAttribute('order-id'), 'a blank order-id is the list').to.equal(false);
    });

    it('thumbnails whose order detail failed are left out, not loading forever', async () => {
      await setFaults({errorRate: 1, errorStatus: 500, routes: '/api/oms/user/orders/'});
      try {
        const {el} = await mount();
        await ready(el, '[part~="order"]');
        await waitUntil(() => !$(el, '[part~="thumbnails"] .skeleton'), 'placeholders gone', {
          timeout: 15_000,
        });
      } finally {
        await clearFaults();
      }
    });

    it('opens a detail on click: items, prices, address, progress, payment; back restores focus', async () => {
      const {el} = await mount();
      await ready(el, '[part~="details-button"]');
      const target = orders[1]!;
      const button = $(el, `[data-order="${target.orderId}"]`)!;
      expect(button.getAttribute('aria-label')).to.equal(`View details of order ${target.orderId}`);
      const selected = oneEvent(el, 'vtex-order-selected');
      button.click();
      const e = await selected;
      expect(e.bubbles && e.composed).to.equal(true);
      expect(e.detail).to.deep.equal({orderId: target.orderId});
      expect(el.orderId).to.equal(target.orderId);
      await ready(el, '[part~="items"]');
      expect(el.shadowRoot!.activeElement === $(el, '#detail-title')).to.equal(true);
      expect(text($(el, '#detail-title'))).to.equal(`Order ${target.orderId}`);
      const items = $$(el, '[part~="item"]');
      expect(items.length).to.equal(2);
      expect(items.every((i) => i.querySelector('img'))).to.equal(true);
      expect(text(part(el, 'totals')!.querySelector('.grand'))).to.equal(`Total ${brl(target.value)}`);
      const itemsSum = items.reduce(
        (s, i) => s + Number(text(i.querySelector('.price')).replace(/[^\d]/g, '')),
        0,
      );
      expect(text(part(el, 'totals'))).to.contain(`Subtotal ${brl(itemsSum)}`);
      expect(text(part(el, 'address'))).to.contain('Praia de Botafogo 300');
      expect(text(part(el, 'address'))).to.contain('Rio de Janeiro, RJ 22250-040');
      expect(text(part(el, 'address')), "no country code for the store's own country").to.match(/22250-040$/);
      expect(text(part(el, 'payment'))).to.contain(`${brl(target.value)} in 1 payment`);
      expect($$(el, '[part~="step"][aria-current="step"]').length).to.equal(1);
      await expect(el).to.be.accessible();

      const back = oneEvent(el, 'vtex-order-selected');
      part(el, 'back')!.click();
      expect((await back).detail).to.deep.equal({orderId: null});
      await waitUntil(() => {
        const row = $(el, `[data-order="${target.orderId}"]`);
        return row !== null && el.shadowRoot!.activeElement === row;
      }, 'focus back on the order');
      expect(el.hasAttribute('order-id')).to.equal(false);
    });

    it('for any subtotal, discount and shipping the detail shows the totals VTEX sent (20 runs, fixed seed)', async () => {
      const real = orders[0]!;
      const r = await fetch(`/api/oms/user/orders/${real.orderId}`, {credentials: 'include'});
      const order = (await r.json()) as Record<string, unknown>;
      // The order detail answered with generated totals (the rest of the order is the real one).
      let answer: Record<string, unknown> = order;
      const original = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (!/\/api\/oms\/user\/orders\/[^/?]+/.test(url)) return original(input, init);
        return Promise.resolve(
          new Response(JSON.stringify(answer), {status: 200, headers: {'Content-Type': 'application/json'}}),
        );
      };
      try {
        const {el} = await mount();
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.integer({min: 1, max: 100_000_00}),
            fc.oneof(fc.constant(0), fc.integer({min: 1, max: 100})), // discount, percent of the subtotal
            fc.oneof(fc.constant(undefined), fc.constant(0), fc.integer({min: 1, max: 50_00})),
            async (items, percent, shipping) => {
              const discounts = -Math.round((items * percent) / 100);
              const value = items + discounts + (shipping ?? 0);
              const orderId = `${real.orderGroup}-${String(++run + 1).padStart(2, '0')}`;
              answer = {
                ...order,
                orderId,
                value,
                totals: [
                  {id: 'Items', name: 'Items', value: items},
                  {id: 'Discounts', name: 'Discounts', value: discounts},
                  ...(shipping === undefined ? [] : [{id: 'Shipping', name: 'Shipping', value: shipping}]),
                  {id: 'Tax', name: 'Tax', value: 0},
                ],
              };
              el.orderId = orderId;
              await waitUntil(
                () => text($(el, '#detail-title')) === `Order ${orderId}` && part(el, 'totals'),
                'detail',
              );
              const rows = [...part(el, 'totals')!.querySelectorAll('div')].map((d) => text(d));
              expect(rows, JSON.stringify({items, discounts, shipping})).to.deep.equal([
                `Subtotal ${brl(items)}`,
                ...(discounts ? [`Discounts ${brl(discounts)}`] : []),
                ...(shipping === undefined ? [] : [`Shipping ${shipping ? brl(shipping) : 'Free'}`]),
                `Total ${brl(value)}`,
              ]);
            },
          ),
          {numRuns: 20, seed: 22},
        );
      } finally {
        window.fetch = original;
      }
    });

    it('opens the order named by order-id, and shows progress as the status advances', async () => {
      await advanceClock(15 * 60_000);
      const {el} = await mount(`order-id="${orders[0]!.orderId}"`);
      await ready(el, '[part~="progress"]');
      const steps = $$(el, '[part~="step"]');
      expect(steps.map((s) => s.getAttribute('aria-current'))).to.deep.equal([null, null, 'step', null]);
      expect(text(steps[0])).to.contain('(completed)');
      expect(text(part(el, 'status'))).to.equal('Preparing for delivery');
      await expect(el).to.be.accessible();
    });

    it('back from an order opened by order-id loads the list and focuses its heading', async () => {
      const {el} = await mount(`order-id="${orders[2]!.orderId}"`);
      await ready(el, '[part~="items"]');
      expect(part(el, 'list')).to.equal(null);
      part(el, 'back')!.click();
      await ready(el, '[part~="list"]');
      expect($$(el, '[part~="order"]').length).to.equal(orders.length);
      await waitUntil(() => el.shadowRoot!.activeElement !== null, 'focus stays in the element');
      const focused = el.shadowRoot!.activeElement!;
      expect(
        focused.id === 'title' || focused.getAttribute('data-order') === orders[2]!.orderId,
        focused.outerHTML.slice(0, 60),
      ).to.equal(true);
    });

    it("refuses another shopper's order id: not found", async () => {
      const {el} = await mount(`order-id="${foreign.orderId}"`);
      const nf = await ready(el, '[part~="not-found"]');
      expect(text(nf)).to.equal('We could not find this order in your account.');
      expect(part(el, 'items')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('buy again adds exactly the available items and reports them', async () => {
      await freshCart();
      // The shopper bought SKU 106 too, which is out of stock today (the sandbox's stock for it is 0).
      const target = orders[1]!;
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (
          !String(input instanceof Request ? input.url : input).includes(
            `/api/oms/user/orders/${target.orderId}`,
          )
        )
          return response;
        const order = await response.json();
        order.items.push({
          ...order.items[0],
          id: '106',
          uniqueId: 'X106',
          name: 'Camiseta G Preto',
          quantity: 1,
        });
        return new Response(JSON.stringify(order), {
          status: 200,
          headers: {'Content-Type': 'application/json'},
        });
      };
      try {
        const {el} = await mount(`order-id="${target.orderId}"`);
        const buy = (await ready(el, '[part~="buy-again"]')) as HTMLButtonElement;
        const reordered = oneEvent(el, 'vtex-items-reordered') as Promise<
          HTMLElementEventMap['vtex-items-reordered']
        >;
        buy.focus();
        buy.click();
        // Busy, the button stays focusable (aria-disabled, not disabled): the keyboard user's focus stays on it.
        await el.updateComplete;
        expect(buy.getAttribute('aria-disabled')).to.equal('true');
        buy.click(); // a second press while busy does nothing
        const e = await reordered;
        expect(el.shadowRoot!.activeElement, 'focus kept').to.equal(buy);
        expect(e.bubbles && e.composed).to.equal(true);
        expect(e.detail.orderId).to.equal(target.orderId);
        expect(e.detail.added.map((i) => [i.id, i.quantity])).to.deep.equal([
          ['102', 1],
          ['103', 1],
        ]);
        expect(e.detail.unavailable.map((i) => i.id)).to.deep.equal(['106']);
        const cart = await serverCart();
        expect(cart.items.map((i) => [i.id, i.quantity]).sort()).to.deep.equal([
          ['102', 1],
          ['103', 1],
        ]);
        await el.updateComplete;
        expect(text(part(el, 'message'))).to.equal(
          '2 of 3 items were added to your cart. Not available: Camiseta G Preto.',
        );
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = realFetch;
      }
    });

    it('buy again with everything available adds every item on top of the cart', async () => {
      await freshCart();
      const {store, el} = await mount(`order-id="${orders[0]!.orderId}"`);
      const buy = (await ready(el, '[part~="buy-again"]')) as HTMLButtonElement;
      const reordered = oneEvent(el, 'vtex-items-reordered') as Promise<
        HTMLElementEventMap['vtex-items-reordered']
      >;
      buy.click();
      expect((await reordered).detail.added.map((i) => [i.id, i.quantity])).to.deep.equal([['101', 2]]);
      expect((await serverCart()).items.map((i) => [i.id, i.quantity])).to.deep.equal([['101', 2]]);
      expect(store.cart!.state.orderForm!.items.length).to.equal(1);
      await el.updateComplete;
      expect(text(part(el, 'message'))).to.equal('The item was added to your cart.');
    });

    it('an invalid token (signed out elsewhere) switches to the signed-out state, not an error', async () => {
      const {el} = await mount();
      await ready(el, '[part~="details-button"]');
      const errors: Event[] = [];
      el.addEventListener('vtex-error', (e) => errors.push(e));
      await signOut(); // the login cookie is gone; the element still thinks it is signed in
      (part(el, 'details-button') as HTMLButtonElement).click();
      await ready(el, '[part~="signed-out"]');
      expect(errors.length).to.equal(0);
      expect(part(el, 'error')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('an expired token switches to the signed-out state', async () => {
      const {el} = await mount('page-size="2"');
      await ready(el, '[part~="pagination"]');
      await advanceClock(25 * 60 * 60_000); // user tokens live 24 h
      (part(el, 'pagination')!.querySelectorAll('button')[1] as HTMLButtonElement).click();
      await ready(el, '[part~="signed-out"]');
      expect(part(el, 'error')).to.equal(null);
    });

    it('speaks the store language: pt-BR words, dates and money', async () => {
      const root = await fixture<HTMLElement>(
        `<div><vtex-store api="" account="sandbox" locale="pt-BR"><vtex-order-history></vtex-order-history></vtex-store></div>`,
      );
      const el = root.querySelector('vtex-order-history')!;
      await ready(el, '[part~="order"]');
      expect(text(part(el, 'title'))).to.equal('Meus pedidos');
      const last = orders[orders.length - 1]!;
      expect(text($(el, '[part~="order"] [part~="total"]'))).to.equal(
        `Total ${formatCents(last.value, {currencyCode: 'BRL'}, 'pt-BR').replace(/\s+/g, ' ')}`,
      );
      expect(text($(el, '[part~="details-button"]'))).to.equal('Ver detalhes');
      expect(text($(el, '[part~="order"]'))).to.contain('Feito em');
    });

    it('a failing order detail shows an error with retry and reports vtex-error', async () => {
      await setFaults({errorRate: 1, errorStatus: 500, routes: `/api/oms/user/orders/${orders[0]!.orderId}`});
      const {el} = await mount(`order-id="${orders[0]!.orderId}"`);
      const e = await (oneEvent(el, 'vtex-error') as Promise<HTMLElementEventMap['vtex-error']>);
      expect(e.detail.operation).to.equal('order');
      const error = await ready(el, '[part~="error"]', 15_000);
      expect(text(error)).to.contain('We could not load this order.');
      expect(part(el, 'back')).to.exist;
      await expect(el).to.be.accessible();
      await clearFaults();
      error.querySelector('button')!.click();
      await ready(el, '[part~="items"]');
    });

    it('shows an error with retry, and reports vtex-error', async () => {
      await setFaults({errorRate: 1, errorStatus: 500, routes: '/api/oms'});
      const {el} = await mount();
      const failed = oneEvent(el, 'vtex-error') as Promise<HTMLElementEventMap['vtex-error']>;
      const e = await failed;
      expect(e.bubbles && e.composed).to.equal(true);
      expect(e.detail.operation).to.equal('orders');
      expect(e.detail.error.status).to.equal(500);
      const error = await ready(el, '[part~="error"]', 15_000);
      expect(text(error)).to.contain('We could not load your orders.');
      await expect(el).to.be.accessible();
      await clearFaults();
      error.querySelector('button')!.click();
      await ready(el, '[part~="order"]');
    });
  });
});
