import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import fc from 'fast-check';
import {createVtexClient} from '../../client/index.js';
import {CartStore} from '../../state/cart-store.js';
import type {VtexStore} from '../store/store.js';
import {clearFaults, freshCart, serverCart, setFaults} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import '../cart-button/define.js';
import type {VtexCart} from './cart.js';
import type {OrderForm} from '../../client/types.js';
import {$, $$, cart as cartDriver, showOrderForm, sr, text} from '../../../test/browser/harness.js';
import {shippingOptions} from './cart-helpers.js';
import {parseEstimate} from '../../i18n/format.js';
import {isPostalCode as isValidPostalCode} from '../../internal/postal.js';

const {settled, shown} = cartDriver;

interface Sku {
  id: string;
  seller: string;
  stock: number;
  listPrice: number;
  price: number;
  variation: boolean;
}

let catalog: Sku[] | undefined;
async function skus(): Promise<Sku[]> {
  if (catalog) return catalog;
  const r = await fetch('/api/intelligent-search/v1/product-search/?count=50');
  const body = (await r.json()) as {
    products: {
      productName: string;
      items: {
        itemId: string;
        name: string;
        sellers: {
          sellerId: string;
          commertialOffer: {AvailableQuantity: number; ListPrice: number; Price: number};
        }[];
      }[];
    }[];
  };
  catalog = body.products.flatMap((p) =>
    p.items.map((i) => ({
      id: i.itemId,
      seller: i.sellers[0]!.sellerId,
      stock: i.sellers[0]!.commertialOffer.AvailableQuantity,
      listPrice: i.sellers[0]!.commertialOffer.ListPrice,
      price: i.sellers[0]!.commertialOffer.Price,
      variation: i.name !== p.productName,
    })),
  );
  return catalog;
}
const plenty = async (n = 0) => (await skus()).filter((s) => s.stock >= 30)[n]!;
const scarce = async () => (await skus()).find((s) => s.stock > 1 && s.stock < 10)!;
const soldOut = async () => (await skus()).find((s) => s.stock === 0)!;
const discounted = async () => (await skus()).find((s) => s.stock >= 30 && s.listPrice > s.price)!;
const fullPrice = async () => (await skus()).find((s) => s.stock >= 30 && s.listPrice === s.price)!;

async function expectScreenIsServer(cart: VtexCart): Promise<void> {
  await settled(cart);
  const server = await serverCart();
  const of = (cart.closest('vtex-store') as VtexStore).cart!.state.orderForm!;
  expect(of.orderFormId).to.equal(server.orderFormId);
  const serverLines = Object.fromEntries(server.items.map((i) => [i.id, i.quantity]));
  expect(shown(cart, of)).to.deep.equal(serverLines);
  expect($(cart, '[part~="total"]')!.textContent).to.equal(formatBRL(server.value));
}

const formatBRL = (cents: number) =>
  new Intl.NumberFormat('en', {style: 'currency', currency: 'BRL'}).format(cents / 100);

async function mount(extra = html``): Promise<{store: VtexStore; cart: VtexCart}> {
  await freshCart();
  const root = await fixture<HTMLElement>(
    html`<div>
      <vtex-store api="" account="sandbox" locale="en"><vtex-cart></vtex-cart>${extra}</vtex-store>
    </div>`,
  );
  const store = root.querySelector('vtex-store')!;
  const cart = root.querySelector('vtex-cart')!;
  await waitUntil(() => store.cart?.state.status === 'ready', 'cart loaded', {timeout: 15_000});
  await cart.updateComplete;
  return {store, cart};
}

/** Records the page's requests by wrapping fetch. */
function recordRequests(): {calls: {method: string; url: string}[]; restore(): void} {
  const original = window.fetch;
  const calls: {method: string; url: string}[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({
      method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
      url,
    });
    return original(input, init);
  };
  return {calls, restore: () => (window.fetch = original)};
}

afterEach(async () => {
  await clearFaults();
});

/** The cart's line for a SKU of the given orderForm. */
const lineOfSku = (cart: HTMLElement, of: OrderForm, skuId: string) =>
  $$(cart, '[part~="line"]').find(
    (li) => li.dataset.uniqueId === of.items.find((i) => i.id === skuId)!.uniqueId,
  )!;

describe('cart helpers', () => {
  it('validates postal codes per country and parses estimates', () => {
    expect(isValidPostalCode('BRA', '22250-040')).to.be.true;
    expect(isValidPostalCode('BRA', '22250040')).to.be.true;
    expect(isValidPostalCode('BRA', '2225')).to.be.false;
    expect(isValidPostalCode('USA', '10001')).to.be.true;
    expect(isValidPostalCode('USA', '1000')).to.be.false;
    expect(parseEstimate('3bd')).to.deep.equal({n: 3, unit: 'bd'});
    expect(parseEstimate('30m')).to.deep.equal({n: 30, unit: 'm'});
    expect(parseEstimate('soon')).to.be.undefined;
  });

  it('sums SLA prices across lines and keeps the slowest estimate', () => {
    const sla = (id: string, price: number, est: string) => ({
      id,
      name: id,
      deliveryChannel: 'delivery',
      price,
      shippingEstimate: est,
    });
    const options = shippingOptions({
      logisticsInfo: [
        {itemIndex: 0, selectedSla: null, slas: [sla('A', 100, '2bd'), sla('B', 50, '5bd')]},
        {itemIndex: 1, selectedSla: null, slas: [sla('A', 100, '3bd')]},
      ],
    });
    expect(options.map((o) => [o.id, o.price, o.estimate])).to.deep.equal([['A', 200, '3bd']]);
  });
});

describe('<vtex-cart>', () => {
  it('makes exactly one orderForm request for a button, a drawer cart, an inline cart and more consumers', async () => {
    await freshCart();
    const rec = recordRequests();
    try {
      const root = await fixture<HTMLElement>(
        html`<div>
          <header><vtex-cart-button></vtex-cart-button></header>
          <vtex-store api="" account="sandbox" locale="en">
            <vtex-cart variant="drawer" id="mini"></vtex-cart>
            <vtex-cart></vtex-cart>
            <vtex-cart-button count="lines"></vtex-cart-button>
          </vtex-store>
        </div>`,
      );
      const inline = root.querySelector<VtexCart>('vtex-cart:not([id])')!;
      await waitUntil(() => $(inline, '[part~="empty"]'), 'empty state shown', {timeout: 15_000});
      const gets = rec.calls.filter(
        (c) => c.method === 'GET' && /\/api\/checkout\/pub\/orderForm(\/[0-9a-f]+)?(\?|$)/.test(c.url),
      );
      expect(gets).to.have.length(1);
    } finally {
      rec.restore();
    }
  });

  it('shows a loading skeleton while the cart loads', async () => {
    await freshCart();
    await setFaults({latencyMs: 1500, routes: '/api/checkout/pub/orderForm'});
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="en"><vtex-cart></vtex-cart></vtex-store>
      </div>`,
    );
    const cart = root.querySelector('vtex-cart')!;
    await cart.updateComplete;
    expect($(cart, '[part~="skeleton"]')).to.exist;
    expect($(cart, '[part~="skeleton"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(cart).to.be.accessible();
    await waitUntil(() => $(cart, '[part~="empty"]'), 'loaded', {timeout: 15_000});
  });

  it('shows an error with a retry button and reports vtex-error', async () => {
    await freshCart();
    await setFaults({errorRate: 1, errorStatus: 400, routes: '/api/checkout/pub/orderForm'});
    const errors: CustomEvent[] = [];
    const root = await fixture<HTMLElement>(
      html`<div @vtex-error=${(e: CustomEvent) => errors.push(e)}>
        <vtex-store api="" account="sandbox" locale="en"><vtex-cart></vtex-cart></vtex-store>
      </div>`,
    );
    const cart = root.querySelector('vtex-cart')!;
    await waitUntil(() => $(cart, '[part~="error"]'), 'error state', {timeout: 15_000});
    expect(text(cart)).to.include('We could not load your cart.');
    await expect(cart).to.be.accessible();
    expect(errors[0]!.detail.operation).to.equal('load');
    expect(errors[0]!.bubbles && errors[0]!.composed).to.be.true;
    await clearFaults();
    $(cart, '[part~="retry"]')!.click();
    await waitUntil(() => $(cart, '[part~="empty"]'), 'recovered', {timeout: 15_000});
  });

  it('renders the empty state, the empty slot and passes a11y', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="en"
          ><vtex-cart><p slot="empty">Nothing here yet</p></vtex-cart></vtex-store
        >
      </div>`,
    );
    const cart = root.querySelector('vtex-cart')!;
    await waitUntil(() => $(cart, 'slot[name="empty"]'), 'empty', {timeout: 15_000});
    expect($<HTMLSlotElement>(cart, 'slot[name="empty"]')!.assignedElements()[0]!.textContent).to.equal(
      'Nothing here yet',
    );
    await expect(cart).to.be.accessible();
  });

  it('shows lines with image, name, variation, prices and totals; screen == server after add', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    const b = await plenty(1);
    await store.cart!.addItems([
      {id: a.id, quantity: 2, seller: a.seller},
      {id: b.id, quantity: 1, seller: b.seller},
    ]);
    await expectScreenIsServer(cart);
    const of = store.cart!.state.orderForm!;
    const line = $$(cart, '[part~="line"]')[0]!;
    const item = of.items[0]!;
    expect(line.querySelector('[part~="image"]')!.getAttribute('src')).to.equal(item.imageUrl);
    expect(line.querySelector('[part~="name"]')!.textContent).to.equal(item.name);
    expect(line.querySelector('[part~="line-total"]')!.textContent).to.equal(
      formatBRL(item.priceDefinition!.total),
    );
    const items = of.totalizers.find((t) => t.id === 'Items')!;
    expect($(cart, '[data-totalizer="Items"]')!.textContent).to.equal(formatBRL(items.value));
    for (const part of [
      'lines',
      'stepper',
      'decrease',
      'quantity',
      'increase',
      'remove',
      'clear',
      'coupon',
      'shipping',
      'totals',
      'total',
      'checkout',
      'header',
      'title',
    ]) {
      expect($(cart, `[part~="${part}"]`), part).to.exist;
    }
    await expect(cart).to.be.accessible();
  });

  it('changes quantities with the stepper and the input, instantly and busy until VTEX answers', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await cart.updateComplete;
    $(cart, '[part~="increase"]')!.click();
    await cart.updateComplete;
    expect($<HTMLInputElement>(cart, '[part~="quantity"]')!.value).to.equal('2');
    expect($(cart, '[part~="line"]')!.getAttribute('aria-busy')).to.equal('true');
    await expectScreenIsServer(cart);
    expect($(cart, '[part~="line"]')!.getAttribute('aria-busy')).to.equal('false');
    const announced = () => $(cart, '[part~="header"] [role="status"]')!.textContent!.trim();
    const name = store.cart!.state.orderForm!.items[0]!.name;
    expect(announced(), 'a confirmed change is spoken').to.equal(
      `${name}: quantity 2. Total ${formatBRL((await serverCart()).value)}.`,
    );
    const input = $<HTMLInputElement>(cart, '[part~="quantity"]')!;
    for (const bad of ['-1', '2.5', 'abc', '']) {
      input.value = bad;
      input.dispatchEvent(new Event('change'));
      await cart.updateComplete;
      expect(input.value, `"${bad}" puts the quantity back`).to.equal('2');
      expect($(cart, '[part~="line"]')!.textContent).to.include(
        'Enter a whole number of items (0 removes the item).',
      );
    }
    input.value = '5';
    input.dispatchEvent(new Event('change'));
    await expectScreenIsServer(cart);
    expect((await serverCart()).items[0]!.quantity).to.equal(5);
    expect($(cart, '[part~="line"]')!.textContent).to.not.include('Enter a whole number');
    $(cart, '[part~="decrease"]')!.click();
    await expectScreenIsServer(cart);
    expect((await serverCart()).items[0]!.quantity).to.equal(4);
  });

  it('returns a failed line to the server value with a message', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await cart.updateComplete;
    await setFaults({errorRate: 1, errorStatus: 400, routes: '/api/checkout/pub/orderForm/*/items/update'});
    const failed = oneEvent(cart, 'vtex-error');
    $(cart, '[part~="increase"]')!.click();
    await cart.updateComplete;
    expect($<HTMLInputElement>(cart, '[part~="quantity"]')!.value).to.equal('2');
    expect((await failed).detail.operation).to.equal('setQuantity');
    await settled(cart);
    expect($<HTMLInputElement>(cart, '[part~="quantity"]')!.value).to.equal('1');
    expect($(cart, '[part~="line-messages"]')!.textContent).to.include('We could not update this item');
    await expect(cart).to.be.accessible();
    await clearFaults();
    await expectScreenIsServer(cart);
  });

  it('20 rapid + clicks end with the server quantity equal to the last one shown', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await cart.updateComplete;
    const changes: {from: number; to: number; item: {id: string; quantity: number}}[] = [];
    cart.addEventListener('vtex-quantity-changed', (e) => changes.push((e as CustomEvent).detail));
    for (let i = 0; i < 20; i++) {
      $(cart, '[part~="increase"]')!.click();
      await cart.updateComplete;
    }
    const lastShown = Number($<HTMLInputElement>(cart, '[part~="quantity"]')!.value);
    expect(lastShown).to.equal(21);
    await expectScreenIsServer(cart);
    expect((await serverCart()).items[0]!.quantity).to.equal(lastShown);
    // The run of clicks is one confirmed change, reported once.
    await waitUntil(() => changes.length > 0, 'vtex-quantity-changed');
    await settled(cart);
    expect(changes.map(({from, to, item}) => [from, to, item.id, item.quantity])).to.deep.equal([
      [1, 21, a.id, 21],
    ]);
  });

  it('strikes through the list price only when it is higher than the selling price', async () => {
    const {store, cart} = await mount();
    const sale = await discounted();
    const regular = await fullPrice();
    await store.cart!.addItems([
      {id: sale.id, quantity: 2, seller: sale.seller},
      {id: regular.id, quantity: 1, seller: regular.seller},
    ]);
    await expectScreenIsServer(cart);
    const of = store.cart!.state.orderForm!;
    const lineOf = (id: string) => lineOfSku(cart, of, id);
    const saleItem = of.items.find((i) => i.id === sale.id)!;
    expect(saleItem.listPrice).to.be.greaterThan(saleItem.sellingPrice);
    expect(lineOf(sale.id).querySelector('[part~="list-price"]')!.textContent!.replace(/\s+/g, ' ')).to.equal(
      `Was ${formatBRL(saleItem.listPrice * 2)}`,
    );
    const regularItem = of.items.find((i) => i.id === regular.id)!;
    expect(regularItem.listPrice).to.equal(regularItem.sellingPrice);
    // Asserted on markup, not on the element: chai's message for a DOM node that should not exist never ends.
    expect(
      lineOf(regular.id).querySelector('[part~="list-price"]')?.outerHTML ?? null,
      'no strikethrough at full price',
    ).to.equal(null);
  });

  it('for any list and selling price, quantity, coupon and shipping: totals shown = totalizers, strikethrough only when the list price is higher', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await settled(cart);
    const base = store.cart!.state.orderForm!;
    const row = (id: string) => $(cart, `[data-totalizer="${id}"]`)?.textContent ?? null;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({min: 1, max: 100_000_00}), // selling price, cents
        fc.oneof(fc.constant(0), fc.integer({min: -500, max: 500}), fc.integer({min: 1, max: 100_000_00})),
        fc.integer({min: 1, max: 99}), // quantity
        fc.constantFrom(0, 10, 100), // coupon, percent off
        fc.constantFrom(0, 1590), // shipping, cents
        async (price, markup, quantity, percent, shipping) => {
          const listPrice = Math.max(0, price + markup);
          const unit = price - Math.round((price * percent) / 100);
          const items = price * quantity;
          const discounts = (unit - price) * quantity;
          const totalizers = [
            {id: 'Items', name: 'Items', value: items},
            ...(discounts ? [{id: 'Discounts', name: 'Discounts', value: discounts}] : []),
            ...(shipping ? [{id: 'Shipping', name: 'Shipping', value: shipping}] : []),
          ];
          const of: OrderForm = {
            ...base,
            value: items + discounts + shipping,
            totalizers,
            items: [
              {
                ...base.items[0]!,
                quantity,
                price,
                listPrice,
                sellingPrice: unit,
                priceDefinition: {
                  calculatedSellingPrice: unit,
                  total: unit * quantity,
                  sellingPrices: [{value: unit, quantity}],
                },
              },
            ],
          };
          await showOrderForm(store.cart!, of);
          await cart.updateComplete;
          const what = JSON.stringify({price, listPrice, quantity, percent, shipping});
          expect($(cart, '[part~="line-total"]')!.textContent, what).to.equal(formatBRL(unit * quantity));
          expect(row('Items'), what).to.equal(formatBRL(items));
          expect(row('Discounts'), what).to.equal(discounts ? formatBRL(discounts) : null);
          expect(row('Shipping'), what).to.equal(shipping ? formatBRL(shipping) : null);
          expect($(cart, '[part~="total"]')!.textContent, what).to.equal(
            formatBRL(items + discounts + shipping),
          );
          const struck = $(cart, '[part~="list-price"]')?.textContent?.replace(/\s+/g, ' ') ?? null;
          expect(struck, what).to.equal(listPrice > unit ? `Was ${formatBRL(listPrice * quantity)}` : null);
        },
      ),
      {numRuns: 30, seed: 22},
    );
    await freshCart();
  });

  it('shows the variation name under the product name only when the SKU has one', async () => {
    const {store, cart} = await mount();
    const varied = (await skus()).find((s) => s.stock >= 30 && s.variation)!;
    const plain = (await skus()).find((s) => s.stock >= 30 && !s.variation)!;
    await store.cart!.addItems([
      {id: varied.id, quantity: 1, seller: varied.seller},
      {id: plain.id, quantity: 1, seller: plain.seller},
    ]);
    await expectScreenIsServer(cart);
    const of = store.cart!.state.orderForm!;
    const lineOf = (id: string) => lineOfSku(cart, of, id);
    const variedItem = of.items.find((i) => i.id === varied.id)!;
    expect(lineOf(varied.id).querySelector('[part~="variation"]')!.textContent).to.equal(variedItem.skuName);
    expect(lineOf(plain.id).querySelector('[part~="variation"]')?.outerHTML ?? null).to.equal(null);
    expect(
      lineOf(varied.id).textContent!.split(variedItem.skuName!).length - 1,
      'variant shown once',
    ).to.equal(1);
  });

  it('loses and duplicates nothing when 30% of item updates fail: the server holds exactly the acknowledged writes', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    const b = await plenty(1);
    await store.cart!.addItems([
      {id: a.id, quantity: 1, seller: a.seller},
      {id: b.id, quantity: 1, seller: b.seller},
    ]);
    await cart.updateComplete;
    const lines = store.cart!.state.orderForm!.items.map((i) => i.id);
    expect(lines.slice().sort()).to.deep.equal([a.id, b.id].sort());
    const errors: CustomEvent[] = [];
    cart.addEventListener('vtex-error', (e) => errors.push(e));
    // Every quantity write the page sends, in order, with the status VTEX answered (undefined while in flight).
    const writes: {orderItems: {index: number; quantity: number}[]; status?: number}[] = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!/\/items\/update(\?|$)/.test(url)) return original(input, init);
      const write: (typeof writes)[number] = JSON.parse(String(init!.body));
      writes.push(write);
      const r = await original(input, init);
      write.status = r.status;
      return r;
    };
    try {
      // A fixed seed makes the 30% deterministic, so the test always sees failures.
      await setFaults({
        errorRate: 0.3,
        routes: '/api/checkout/pub/orderForm/*/items/update',
        seed: 7,
      } as Parameters<typeof setFaults>[0]);
      for (let i = 0; i < 24; i++) {
        const buttons = $$(cart, '[part~="increase"]');
        buttons[i % 2]!.click();
        await cart.updateComplete;
        // Every fifth click waits for VTEX to answer the write in flight, so bursts and answers interleave.
        if (i % 5 === 4) await waitUntil(() => writes.every((w) => w.status !== undefined), 'write answered');
      }
      await settled(cart);
    } finally {
      window.fetch = original;
    }
    await clearFaults();
    expect(errors.length, 'some updates failed').to.be.greaterThan(0);
    expect(errors[0]!.detail.operation).to.equal('setQuantity');
    const failed = writes.filter((w) => w.status !== 200).length;
    expect(failed, 'every failure was reported').to.equal(errors.length);
    expect(writes.length - failed, 'some updates succeeded').to.be.greaterThan(0);
    // The server's quantities are the last acknowledged write of each line: nothing lost, nothing doubled.
    const expected = [1, 1];
    for (const w of writes.filter((x) => x.status === 200))
      for (const {index, quantity} of w.orderItems) expected[index] = quantity;
    await expectScreenIsServer(cart);
    const server = await serverCart();
    expect(server.items.map((i) => [i.id, i.quantity])).to.deep.equal(
      lines.map((id, index) => [id, expected[index]]),
    );
  });

  it('removes a line (vtex-item-removed) and clears the cart after confirmation', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    const b = await plenty(1);
    const c = await plenty(2);
    await store.cart!.addItems([
      {id: a.id, quantity: 1, seller: a.seller},
      {id: b.id, quantity: 2, seller: b.seller},
      {id: c.id, quantity: 1, seller: c.seller},
    ]);
    await cart.updateComplete;
    const removed = oneEvent(cart, 'vtex-item-removed');
    $$(cart, '[part~="remove"]')[0]!.click();
    const event = await removed;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.item.id).to.equal(a.id);
    await expectScreenIsServer(cart);
    expect((await serverCart()).items.map((i) => i.id)).to.deep.equal([b.id, c.id]);
    expect($(cart, '[part~="header"] [role="status"]')!.textContent!.trim()).to.equal(
      `${event.detail.item.name} removed from your cart.`,
    );

    $(cart, '[part~="clear"]')!.click();
    await cart.updateComplete;
    expect($(cart, '[part~="clear-confirm"]')).to.exist;
    await expect(cart).to.be.accessible();
    // Cancel keeps everything.
    $$(cart, '.confirm button')[1]!.click();
    await cart.updateComplete;
    expect((await serverCart()).items).to.have.length(2);
    $(cart, '[part~="clear"]')!.click();
    await cart.updateComplete;
    $(cart, '.confirm .button.primary')!.click();
    await waitUntil(() => $(cart, '[part~="empty"]'), 'emptied', {timeout: 15_000});
    expect((await serverCart()).items).to.have.length(0);
    await cart.updateComplete;
    expect($(cart, '[part~="header"] [role="status"]')!.textContent!.trim()).to.equal('Your cart is empty.');
  });

  it('applies a valid coupon, explains an invalid one in the shopper language, and removes it', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 2, seller: a.seller}]);
    await cart.updateComplete;
    const input = $<HTMLInputElement>(cart, '[part~="coupon-input"]')!;
    input.value = '   ';
    $(cart, '[part~="coupon-apply"]')!.click();
    await cart.updateComplete;
    expect($(cart, '#coupon-msg')!.textContent).to.equal('Enter a coupon code.');
    input.value = 'NOPE42';
    $(cart, '[part~="coupon-apply"]')!.click();
    await waitUntil(() => $(cart, '#coupon-msg')!.textContent!.includes('NOPE42'), 'coupon error', {
      timeout: 15_000,
    });
    expect($(cart, '#coupon-msg')!.textContent).to.equal('The coupon “NOPE42” does not exist.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect((await serverCart()).marketingData?.coupon ?? null).to.equal(null);
    await expect(cart).to.be.accessible();

    input.value = 'summer10';
    const applied = oneEvent(cart, 'vtex-coupon-applied');
    $(cart, '[part~="coupon-apply"]')!.click();
    expect((await applied).detail).to.deep.equal({coupon: 'SUMMER10'});
    await expectScreenIsServer(cart);
    expect(text(cart)).to.include('Coupon SUMMER10 applied');
    expect($(cart, '[data-totalizer="Discounts"]')!.textContent).to.match(/^-/);
    expect((await serverCart()).marketingData!.coupon).to.equal('SUMMER10');
    await expect(cart).to.be.accessible();

    $(cart, '[part~="coupon-remove"]')!.click();
    await waitUntil(() => $(cart, '[part~="coupon-input"]'), 'coupon removed', {timeout: 15_000});
    await expectScreenIsServer(cart);
    expect((await serverCart()).marketingData?.coupon ?? null).to.equal(null);
    expect($(cart, '[data-totalizer="Discounts"]')).to.not.exist;
  });

  it('estimates shipping: malformed codes are rejected before any request, unknown ones say so, valid ones list SLAs and pickup points', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 2, seller: a.seller}]);
    await cart.updateComplete;
    const rec = recordRequests();
    try {
      const input = $<HTMLInputElement>(cart, '[part~="postal-code"]')!;
      input.value = '1234';
      $(cart, '[part~="estimate"]')!.click();
      await cart.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect($(cart, '#ship-msg')!.textContent).to.include('Enter a valid postal code');
      expect(rec.calls.filter((c) => c.url.includes('simulation'))).to.have.length(0);
      await expect(cart).to.be.accessible();

      input.value = '99999-999';
      $(cart, '[part~="estimate"]')!.click();
      await waitUntil(() => $(cart, '#ship-msg')!.textContent!.includes('99999-999'), 'no delivery', {
        timeout: 15_000,
      });
      expect($(cart, '#ship-msg')!.textContent!.trim()).to.equal('We cannot deliver to 99999-999.');
      expect(input.getAttribute('aria-invalid')).to.equal('false');

      input.value = '22250-040';
      $(cart, '[part~="estimate"]')!.click();
      await waitUntil(() => $$(cart, '[part~="shipping-option"]').length > 0, 'options', {timeout: 15_000});
      expect(rec.calls.filter((c) => c.url.includes('simulation'))).to.have.length(2);
    } finally {
      rec.restore();
    }
    // The same question asked to the server directly.
    const r = await fetch('/api/checkout/pub/orderForms/simulation?sc=1', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        items: [{id: a.id, quantity: 2, seller: a.seller}],
        postalCode: '22250-040',
        country: 'BRA',
      }),
    });
    const expected = shippingOptions(await r.json());
    const rows = $$(cart, '[part~="shipping-option"]').map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).to.have.length(expected.length);
    const normal = expected.find((o) => o.id === 'Normal')!;
    expect(
      rows.some(
        (row) =>
          row.includes('Normal') &&
          row.includes(formatBRL(normal.price)) &&
          row.includes('up to 5 business days'),
      ),
    ).to.be.true;
    expect(rows.some((row) => /Free/.test(row))).to.be.true; // pickup points
    expect(text(cart)).to.include('Pickup points');
    await expect(cart).to.be.accessible();

    // A quantity change re-estimates for the same postal code.
    $(cart, '[part~="increase"]')!.click();
    await settled(cart);
    await waitUntil(
      () =>
        $$(cart, '[part~="shipping-option"]').some((li) =>
          li.textContent!.includes(formatBRL(normal.price + 100)),
        ),
      're-estimated',
      {timeout: 15_000},
    );
  });

  it('wraps long unbreakable names: the drawer never scrolls horizontally', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="en"><vtex-cart variant="drawer"></vtex-cart></vtex-store>
      </div>`,
    );
    const store = root.querySelector('vtex-store')!;
    const cart = root.querySelector('vtex-cart')!;
    await waitUntil(() => store.cart?.state.status === 'ready', 'cart loaded', {timeout: 15_000});
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    const of = store.cart!.state.orderForm!;
    const long = 'Supercalifragilisticexpialidocious-'.repeat(12);
    await showOrderForm(store.cart!, {
      ...of,
      items: of.items.map((i) => ({...i, name: `${long}end`, skuName: `SKU-${'X'.repeat(120)}`})),
    });
    cart.show();
    await cart.updateComplete;
    const dialog = $<HTMLDialogElement>(cart, 'dialog')!;
    await waitUntil(() => dialog.open, 'drawer open');
    const name = $(cart, '[part~="name"]')!;
    expect(name.textContent).to.equal(`${long}end`);
    expect(dialog.scrollWidth, 'no horizontal scroll').to.be.at.most(dialog.clientWidth + 1);
    const box = dialog.getBoundingClientRect();
    for (const el of [name, $(cart, '[part~="variation"]')!, $(cart, '[part~="line-total"]')!]) {
      const r = el.getBoundingClientRect();
      expect(r.right, el.getAttribute('part')!).to.be.at.most(box.right + 1);
      expect(r.left, el.getAttribute('part')!).to.be.at.least(box.left - 1);
    }
    expect(name.getBoundingClientRect().height, 'the name wraps onto several lines').to.be.greaterThan(40);
    cart.hide();
    await freshCart();
  });

  it('shows VTEX messages and availability next to the line they concern', async () => {
    const {store, cart} = await mount();
    const low = await scarce();
    const gone = await soldOut();
    await store.cart!.addItems([{id: low.id, quantity: low.stock + 5, seller: low.seller}]);
    await store.cart!.addItems([{id: gone.id, quantity: 1, seller: gone.seller}]);
    await settled(cart);
    const of = store.cart!.state.orderForm!;
    const lowLine = $$(cart, '[part~="line"]').find(
      (li) => li.dataset.uniqueId === of.items.find((i) => i.id === low.id)!.uniqueId,
    )!;
    expect(lowLine.querySelector('[part~="line-messages"]')!.textContent).to.include(
      `Only ${low.stock} available`,
    );
    expect(lowLine.querySelector<HTMLInputElement>('[part~="quantity"]')!.value).to.equal(String(low.stock));
    expect(lowLine.querySelector<HTMLButtonElement>('[part~="increase"]')!.disabled).to.be.true;
    // VTEX keeps the message; once the line is under the cap it no longer applies and is not shown.
    lowLine.querySelector<HTMLButtonElement>('[part~="decrease"]')!.click();
    await expectScreenIsServer(cart);
    expect(lowLine.querySelector('[part~="line-messages"]')?.textContent ?? '').to.not.include('available');
    const goneItem = of.items.find((i) => i.id === gone.id)!;
    expect(goneItem, 'VTEX keeps a sold-out line in the cart').to.exist;
    const goneLine = $$(cart, '[part~="line"]').find((li) => li.dataset.uniqueId === goneItem.uniqueId)!;
    expect(goneLine.querySelector('[part~="line-messages"]')!.textContent).to.include('Out of stock');
    await expect(cart).to.be.accessible();
  });

  it('fires vtex-cart-updated with a summary when the cart changes', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    const updated = oneEvent(cart, 'vtex-cart-updated');
    void store.cart!.addItems([{id: a.id, quantity: 3, seller: a.seller}]);
    const e = await updated;
    expect(e.bubbles && e.composed).to.be.true;
    expect(e.detail.itemCount).to.equal(3);
    expect(e.detail.items[0].id).to.equal(a.id);
    expect(e.detail.orderFormId).to.equal((await serverCart()).orderFormId);
  });

  it('follows a dark theme: fields on the theme surface, dark native controls, dim skeletons', async () => {
    const dark =
      '--vtex-color-text:#e6edf3;--vtex-color-surface:#161b22;--vtex-color-scheme:dark;background:#0d1117';
    await freshCart();
    await setFaults({latencyMs: 1500, routes: '/api/checkout/pub/orderForm'});
    const root = await fixture<HTMLElement>(
      html`<div style=${dark}>
        <vtex-store api="" account="sandbox" locale="en"><vtex-cart></vtex-cart></vtex-store>
      </div>`,
    );
    const store = root.querySelector('vtex-store')!;
    const cart = root.querySelector('vtex-cart')!;
    await cart.updateComplete;
    const skeleton = $(cart, '.skeleton')!;
    expect(getComputedStyle(skeleton).backgroundImage, 'the shimmer is dark, not #eceff1').to.not.include(
      'rgb(236, 239, 241)',
    );
    expect(getComputedStyle(skeleton).backgroundImage).to.include('rgb(22, 27, 34)');
    await clearFaults();
    await waitUntil(() => store.cart?.state.status === 'ready', 'cart loaded', {timeout: 15_000});
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await settled(cart);
    const qty = $<HTMLInputElement>(cart, '[part~="quantity"]')!;
    const s = getComputedStyle(qty);
    expect(s.backgroundColor, 'the field is on the surface colour').to.equal('rgb(22, 27, 34)');
    expect(s.color).to.equal('rgb(230, 237, 243)');
    expect(getComputedStyle(cart).colorScheme).to.equal('dark');
  });

  it('drops a line error once a later change of that line is confirmed (ok, 503, ok)', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await settled(cart);
    // Seed 1 fails the first update and lets the second through (one latency and one error draw each).
    await setFaults({
      errorRate: 0.5,
      seed: 1,
      latencyMs: 300,
      routes: '/api/checkout/pub/orderForm/*/items/update',
    });
    const failed = oneEvent(cart, 'vtex-error');
    $(cart, '[part~="increase"]')!.click();
    await waitUntil(() => store.cart!.state.busy > 0, 'the first update is on its way');
    $(cart, '[part~="increase"]')!.click();
    await failed;
    await expectScreenIsServer(cart);
    const server = await serverCart();
    expect(server.items.find((i) => i.id === a.id)!.quantity).to.equal(3);
    const line = lineOfSku(cart, store.cart!.state.orderForm!, a.id);
    expect(line.textContent, 'no stale error beside the confirmed quantity').to.not.include(
      'could not update',
    );
  });

  it('says it is still trying when a change waits more than 4 s, and stops once VTEX answers', async () => {
    const {store, cart} = await mount();
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await settled(cart);
    await setFaults({latencyMs: 5500, routes: '/api/checkout/pub/orderForm/*/items/update'});
    const still = () => $(cart, '[part~="still-trying"]')?.textContent?.trim();
    $(cart, '[part~="increase"]')!.click();
    await waitUntil(() => store.cart!.state.busy > 0, 'the update is on its way');
    expect(still(), 'not at once').to.equal(undefined);
    await waitUntil(() => still(), 'still trying after 4 s', {timeout: 5400});
    expect(still()).to.equal('Still trying… the store is slow to answer.');
    expect($(cart, '[part~="messages"]')!.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(() => store.cart!.state.busy === 0, 'answered', {timeout: 8000});
    await cart.updateComplete;
    expect(still()).to.equal(undefined);
    await expectScreenIsServer(cart);
  });

  it('a line VTEX cannot sell shows no R$ 0.00 and offers no "+"', async () => {
    const {store, cart} = await mount();
    const gone = await soldOut();
    await store.cart!.addItems([{id: gone.id, quantity: 1, seller: gone.seller}]);
    await settled(cart);
    const of = store.cart!.state.orderForm!;
    const item = of.items.find((i) => i.id === gone.id)!;
    expect(item.availability).to.not.equal('available');
    const line = lineOfSku(cart, of, gone.id);
    expect(line.querySelector<HTMLButtonElement>('[part~="increase"]')!.disabled).to.be.true;
    expect(item.priceDefinition?.total, 'VTEX does not charge it').to.equal(0);
    expect(line.querySelector('[part~="line-total"]'), 'no zero amount').to.not.exist;
    expect(line.querySelector('[part~="price"]')!.textContent).to.not.match(/\$\s?0\.00/);
    expect(line.querySelector<HTMLButtonElement>('[part~="remove"]')!.disabled, 'it can still go').to.be
      .false;
  });

  it('goes to checkout: cancelable vtex-before-checkout, <vtex-checkout> on the page, checkout-url, hosted checkout', async () => {
    const {store, cart} = await mount(html`<div id="co-wrap"></div>`);
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await cart.updateComplete;
    const link = $<HTMLAnchorElement>(cart, '[part~="checkout"]')!;
    // No <vtex-checkout> here: VTEX's hosted checkout, with this cart (it works in a new tab, unlike the bridge).
    const {orderFormId} = await serverCart();
    expect(link.getAttribute('href')).to.equal(
      `https://sandbox.vtexcommercestable.com.br/checkout/?orderFormId=${orderFormId}#/cart`,
    );
    cart.checkoutUrl = '/my-checkout';
    await cart.updateComplete;
    expect(link.getAttribute('href')).to.equal('/my-checkout');

    const stop = (e: Event) => e.preventDefault();
    cart.addEventListener('vtex-before-checkout', stop);
    const before = oneEvent(cart, 'vtex-before-checkout');
    const where = location.href;
    link.click();
    const e = await before;
    expect(e.cancelable && e.bubbles && e.composed).to.be.true;
    expect(e.detail.itemCount).to.equal(1);
    expect(location.href).to.equal(where);
    cart.removeEventListener('vtex-before-checkout', stop);

    const target = document.createElement('vtex-checkout');
    target.tabIndex = -1;
    store.querySelector('#co-wrap')!.append(target);
    link.click();
    expect(document.activeElement).to.equal(target);
    expect(location.href).to.equal(where);
    // With <vtex-checkout> on the page, the link (for a new tab) is this page, at the checkout when it has an id.
    cart.checkoutUrl = undefined;
    cart.requestUpdate();
    await cart.updateComplete;
    expect(link.getAttribute('href')).to.equal(location.href.split('#')[0]);
    target.id = 'pay';
    cart.requestUpdate();
    await cart.updateComplete;
    expect(link.getAttribute('href')).to.equal('#pay');
  });

  it('scrolls to <vtex-checkout> without animation when the shopper prefers reduced motion', async () => {
    const {store, cart} = await mount(html`<div id="co-wrap"></div>`);
    const a = await plenty(0);
    await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
    await cart.updateComplete;
    const target = document.createElement('vtex-checkout');
    target.tabIndex = -1;
    const scrolls: (ScrollIntoViewOptions | boolean | undefined)[] = [];
    target.scrollIntoView = (o?: ScrollIntoViewOptions | boolean) => void scrolls.push(o);
    store.querySelector('#co-wrap')!.append(target);
    const link = $<HTMLAnchorElement>(cart, '[part~="checkout"]')!;
    try {
      await emulateMedia({reducedMotion: 'reduce'});
      link.click();
      await emulateMedia({reducedMotion: 'no-preference'});
      link.click();
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
    }
    expect(scrolls.map((o) => (o as ScrollIntoViewOptions).behavior)).to.deep.equal(['auto', 'smooth']);
    expect(document.activeElement).to.equal(target);
  });

  it('speaks pt-BR and es', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox"
          ><vtex-cart locale="pt-BR"></vtex-cart><vtex-cart locale="es"></vtex-cart
        ></vtex-store>
      </div>`,
    );
    const [pt, es] = root.querySelectorAll('vtex-cart');
    await waitUntil(() => $(pt!, '[part~="empty"]') && $(es!, '[part~="empty"]'), 'loaded', {
      timeout: 15_000,
    });
    // The pt-BR and es packs load on demand, in parallel with the cart.
    await waitUntil(() => text(pt!).includes('Seu carrinho está vazio.'), 'pt-BR text');
    await waitUntil(() => text(es!).includes('Tu carrito está vacío.'), 'es text');
  });

  it('converges with another tab (a second CartStore on the same cart)', async () => {
    const {cart} = await mount();
    const other = new CartStore(createVtexClient({api: '', account: 'sandbox'}));
    try {
      await other.load();
      const a = await plenty(0);
      await other.addItems([{id: a.id, quantity: 4, seller: a.seller}]);
      await waitUntil(() => $(cart, '[part~="line"]'), 'remote change shown', {timeout: 15_000});
      await expectScreenIsServer(cart);
      expect((await serverCart()).items[0]!.quantity).to.equal(4);
    } finally {
      other.dispose();
    }
  });

  describe('drawer', () => {
    it('opens from the cart button as a modal dialog, traps focus, closes with Escape and returns focus', async () => {
      await freshCart();
      const root = await fixture<HTMLElement>(
        html`<div>
          <vtex-store api="" account="sandbox" locale="en">
            <vtex-cart-button></vtex-cart-button>
            <vtex-cart variant="drawer"></vtex-cart>
          </vtex-store>
        </div>`,
      );
      const button = root.querySelector('vtex-cart-button')!;
      const drawer = root.querySelector('vtex-cart')!;
      const store = root.querySelector('vtex-store')!;
      await waitUntil(() => store.cart?.state.status === 'ready', 'loaded', {timeout: 15_000});
      const a = await plenty(0);
      await store.cart!.addItems([{id: a.id, quantity: 1, seller: a.seller}]);
      await drawer.updateComplete;
      const inner = $<HTMLButtonElement>(button, 'button')!;
      inner.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => drawer.open && $<HTMLDialogElement>(drawer, 'dialog')!.open, 'opened');
      expect(drawer.hasAttribute('open')).to.be.true;
      const dialog = $<HTMLDialogElement>(drawer, 'dialog')!;
      expect(dialog.matches(':modal')).to.be.true;
      await expect(drawer).to.be.accessible();
      // Tab around more times than there are controls: focus never leaves the dialog.
      const focusables = dialog.querySelectorAll(
        'button:not([disabled]), input:not([disabled]), a[href]',
      ).length;
      for (let i = 0; i < focusables + 3; i++) {
        await sendKeys({press: 'Tab'});
        expect(document.activeElement).to.equal(drawer);
        expect(dialog.contains(sr(drawer).activeElement)).to.be.true;
      }
      await sendKeys({down: 'Shift'});
      for (let i = 0; i < focusables + 3; i++) {
        await sendKeys({press: 'Tab'});
        expect(dialog.contains(sr(drawer).activeElement)).to.be.true;
      }
      await sendKeys({up: 'Shift'});
      expect(dialog.contains(sr(drawer).activeElement)).to.be.true;
      await sendKeys({press: 'Escape'});
      await waitUntil(() => !dialog.open && !drawer.open, 'closed');
      expect(drawer.hasAttribute('open')).to.be.false;
      expect(document.activeElement).to.equal(button);
      expect(sr(button).activeElement).to.equal(inner);
    });

    it('opens and closes with the open attribute, show() and hide(), and the close button', async () => {
      const {cart: inline} = await mount(html`<vtex-cart variant="drawer" id="d"></vtex-cart>`);
      const drawer = inline.parentElement!.querySelector<VtexCart>('#d')!;
      drawer.setAttribute('open', '');
      await drawer.updateComplete;
      expect($<HTMLDialogElement>(drawer, 'dialog')!.open).to.be.true;
      $(drawer, '[part~="close"]')!.click();
      await drawer.updateComplete;
      await waitUntil(() => !drawer.open);
      drawer.show();
      await drawer.updateComplete;
      expect($<HTMLDialogElement>(drawer, 'dialog')!.open).to.be.true;
      drawer.hide();
      await drawer.updateComplete;
      expect($<HTMLDialogElement>(drawer, 'dialog')!.open).to.be.false;
      // The inline cart has no dialog and ignores show().
      inline.show();
      expect($(inline, 'dialog')).to.not.exist;
      expect(inline.open).to.be.false;
    });
  });
});
