import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import fc from 'fast-check';
import type {VtexStore} from '../store/store.js';
import {
  advanceClock,
  clearFaults,
  freshCart,
  PAYMENTS_API,
  sandboxOrders,
  serverCart,
  setFaults,
  signIn,
  signOut,
} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import type {VtexCheckout} from './checkout.js';
import {$, $$, checkout, showOrderForm, sr, text, type} from '../../../test/browser/harness.js';

const {current, submit, waitStep, typeProfile, choosePayment, place} = checkout;

const APPROVED = '4111111111111111';
const DECLINED = '4000000000000002';

const uniqueEmail = () => `ana.${Math.random().toString(36).slice(2, 10)}@example.com`;

/** The sandbox's OMS orders (including canceled attempts) of one shopper. */
const ordersOf = async (email: string) =>
  (await sandboxOrders()).filter((o) => (o as {email?: string}).email === email);

let sku: string | undefined;
async function skuId(): Promise<string> {
  if (sku) return sku;
  const r = await fetch('/api/intelligent-search/v1/product-search/?count=20');
  const body = (await r.json()) as {
    products: {items: {itemId: string; sellers: {commertialOffer: {AvailableQuantity: number}}[]}[]}[];
  };
  sku = body.products
    .flatMap((p) => p.items)
    .find((i) => i.sellers[0]!.commertialOffer.AvailableQuantity > 20)!.itemId;
  return sku;
}

interface Call {
  method: string;
  url: string;
  body: string;
}

/** Records every request the page makes (URL and body) by wrapping fetch. */
function recordRequests(): {calls: Call[]; restore(): void} {
  const original = window.fetch;
  const calls: Call[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return original(input, init);
  };
  return {calls, restore: () => (window.fetch = original)};
}

const EVENTS = ['vtex-checkout-step', 'vtex-order-placed', 'vtex-error', 'vtex-cart-updated'];

async function mount(locale = 'en'): Promise<{store: VtexStore; co: VtexCheckout; events: CustomEvent[]}> {
  await freshCart();
  const root = await fixture<HTMLElement>(
    html`<div>
      <vtex-store api="" account="sandbox" locale=${locale} payments-api=${PAYMENTS_API}
        ><vtex-checkout orders-url="/account/orders"></vtex-checkout
      ></vtex-store>
    </div>`,
  );
  const events: CustomEvent[] = [];
  for (const type of EVENTS) root.addEventListener(type, (e) => events.push(e as CustomEvent));
  const store = root.querySelector('vtex-store')!;
  const co = root.querySelector('vtex-checkout')!;
  await waitUntil(() => store.cart?.state.status === 'ready', 'cart loaded', {timeout: 15_000});
  await co.updateComplete;
  await store.cart!.addItems([{id: await skuId(), quantity: 1, seller: '1'}]);
  await waitUntil(() => current(co).includes('step-profile'), 'profile step', {timeout: 10_000});
  return {store, co, events};
}

async function fillProfile(co: VtexCheckout, email = uniqueEmail()): Promise<string> {
  typeProfile(co, email);
  await submit(co);
  await waitStep(co, 'step-shipping');
  return email;
}

async function fillShipping(co: VtexCheckout, pickup = false): Promise<void> {
  type(co, 'postalCode', '22250-040', true);
  await waitUntil(() => $(co, '[part~="package"]'), 'delivery options', {timeout: 15_000});
  await co.updateComplete;
  expect($<HTMLInputElement>(co, '[name="city"]')!.value).to.equal('Rio de Janeiro');
  type(co, 'number', '300');
  if (pickup) {
    const radio = $$<HTMLInputElement>(co, '[part~="package"] input[type="radio"]').find((r) =>
      /Retirada|LOJA/i.test(r.closest('label')!.textContent ?? ''),
    )!;
    radio.click();
  }
  await submit(co);
  await waitStep(co, 'step-payment');
}

async function fillCard(co: VtexCheckout, number: string): Promise<void> {
  await choosePayment(co, /Credit card/);
  type(co, 'cardNumber', number);
  type(co, 'holderName', 'Ana Silva');
  type(co, 'expiry', '12/35');
  type(co, 'cvv', '123');
  await submit(co);
}

/** Every string a page script can reach from `root` through property names (DOM nodes and functions aside). */
function stringsReachableFrom(root: object): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') found.push(value);
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 4) return;
    seen.add(value);
    if (value !== root && value instanceof Node) return;
    const keys = value instanceof Map ? [...value.values()] : Object.getOwnPropertyNames(value);
    for (const key of keys) {
      if (value instanceof Map) walk(key, depth + 1);
      else {
        const v = (value as Record<string, unknown>)[key as string];
        if (typeof v !== 'function') walk(v, depth + 1);
      }
    }
  };
  walk(root, 0);
  // Accessors on the element's classes (Lit's reactive properties among them) too.
  for (
    let proto = Object.getPrototypeOf(root);
    proto && proto !== HTMLElement.prototype;
    proto = Object.getPrototypeOf(proto)
  )
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto)))
      if (d.get) walk((root as Record<string, unknown>)[key], 1);
  return found;
}

afterEach(async () => {
  await clearFaults();
});

describe('<vtex-checkout>', () => {
  it('shows the empty state for an empty cart, accessibly', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<vtex-store api="" account="sandbox" locale="en"><vtex-checkout></vtex-checkout></vtex-store>`,
    );
    const co = root.querySelector('vtex-checkout')!;
    await waitUntil(() => $(co, '[part~="empty"]'), 'empty', {timeout: 15_000});
    expect(text(co)).to.contain('Your cart is empty');
    await expect(co).to.be.accessible();
  });

  it('completes a card purchase; the card number travels only in the payments call and never in an event', async () => {
    const {store, co, events} = await mount();
    const spy = recordRequests();
    try {
      await expect(co).to.be.accessible();
      const email = await fillProfile(co);
      await expect(co).to.be.accessible();
      await fillShipping(co);
      await expect(co).to.be.accessible();
      expect($(co, 'input[name="cardNumber"]')!.getAttribute('autocomplete')).to.equal('cc-number');
      await fillCard(co, APPROVED);
      await waitStep(co, 'step-review');
      // Submitted card data is gone from the page: only the last digits remain in the summary.
      expect(sr(co).innerHTML).not.to.contain('4111');
      expect(text(co)).to.contain('Visa ending in 1111');
      // Nor can a page script read it from the element: it is held in a #private field only.
      expect(stringsReachableFrom(co).filter((v) => v.includes(APPROVED))).to.deep.equal([]);
      await expect(co).to.be.accessible();
      const before = store.cart!.state.orderForm!.orderFormId;
      await place(co);
      await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
      await co.updateComplete;
      await expect(co).to.be.accessible();
      const orders = await ordersOf(email);
      expect(orders).to.have.length(1);
      expect(orders[0]!.status).not.to.equal('canceled');
      expect(text(co)).to.contain(orders[0]!.orderGroup);
      expect(text(co)).to.contain(orders[0]!.orderId);
      expect($<HTMLAnchorElement>(co, '[part~="orders-link"]')!.getAttribute('href')).to.equal(
        '/account/orders',
      );
      expect(sr(co).innerHTML).not.to.contain(APPROVED);
      // The cart is a new one.
      await waitUntil(() => store.cart!.state.orderForm?.orderFormId !== before, 'new cart', {
        timeout: 10_000,
      });
      expect(store.cart!.state.orderForm!.items).to.have.length(0);

      const withCard = spy.calls.filter((c) => c.body.includes(APPROVED) || c.url.includes(APPROVED));
      expect(withCard).to.have.length(1);
      expect(withCard[0]!.url).to.match(/\/api\/payments\/transactions\/[^/]+\/payments/);
      const attachments = spy.calls.filter((c) => c.url.includes('/attachments/paymentData'));
      expect(attachments.length).to.be.greaterThan(0);
      for (const a of attachments) expect(a.body).not.to.match(/cardNumber|holderName|validationCode|4111/);

      const placed = events.filter((e) => e.type === 'vtex-order-placed');
      expect(placed).to.have.length(1);
      expect(placed[0]!.bubbles && placed[0]!.composed).to.be.true;
      expect(placed[0]!.detail.orderGroup).to.equal(orders[0]!.orderGroup);
      expect(placed[0]!.detail.orderIds).to.deep.equal([orders[0]!.orderId]);
      for (const e of events)
        expect(JSON.stringify(e.detail)).not.to.match(/4111|cardNumber|validationCode|123\b.*12\/35/);
      const steps = events.filter((e) => e.type === 'vtex-checkout-step').map((e) => e.detail.step);
      expect(steps).to.deep.equal(['profile', 'shipping', 'payment', 'review', 'confirmation']);
    } finally {
      spy.restore();
    }
  });

  it('reopens the card form after a declined payment and places a new transaction on retry', async () => {
    const {co, events} = await mount();
    const email = await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, DECLINED);
    await waitStep(co, 'step-review');
    await place(co);
    await waitStep(co, 'step-payment');
    await waitUntil(() => text(co).includes('not approved'), 'declined message');
    expect($<HTMLInputElement>(co, 'input[name="cardNumber"]')!.value).to.equal('');
    expect($(co, '.brand')!.textContent!.trim(), 'no brand beside the empty card field').to.equal('');
    expect(sr(co).innerHTML).not.to.contain(DECLINED);
    await expect(co).to.be.accessible();
    expect(events.some((e) => e.type === 'vtex-error' && e.detail.error.code === 'PAYMENT_DENIED')).to.be
      .true;
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    await place(co);
    await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
    const orders = await ordersOf(email);
    expect(orders.map((o) => o.status === 'canceled').sort()).to.deep.equal([false, true]);
    expect(events.filter((e) => e.type === 'vtex-order-placed')).to.have.length(1);
    for (const e of events) expect(JSON.stringify(e.detail)).not.to.contain(DECLINED);
  });

  it('shows the expiry placeholder in the shopper\'s language and reads "1235" as 12/35', async () => {
    const {co} = await mount('pt-BR');
    await fillProfile(co);
    await fillShipping(co);
    await choosePayment(co, /Cartão de crédito/);
    const expiry = $<HTMLInputElement>(co, 'input[name="expiry"]')!;
    expect(expiry.placeholder).to.equal('MM/AA');
    type(co, 'cardNumber', APPROVED);
    type(co, 'holderName', 'Ana Silva');
    type(co, 'expiry', '1235');
    expect(expiry.value).to.equal('12/35');
    type(co, 'cvv', '123');
    await submit(co);
    expect($(co, '#expiry-error')!.textContent).to.equal('');
    await waitStep(co, 'step-review');
  });

  it('says in one sentence that the order could not be placed', async () => {
    const {co} = await mount('pt-BR');
    await fillProfile(co);
    await fillShipping(co);
    await choosePayment(co, /Cartão de crédito/);
    type(co, 'cardNumber', APPROVED);
    type(co, 'holderName', 'Ana Silva');
    type(co, 'expiry', '12/35');
    type(co, 'cvv', '123');
    await submit(co);
    await waitStep(co, 'step-review');
    await setFaults({
      errorRate: 1,
      errorStatus: 500,
      routes: '/api/checkout/pub/orderForm/*/transaction',
      methods: ['POST'],
    });
    await place(co);
    await waitUntil(() => $(co, '#form-error')!.textContent!.trim(), 'placement error', {timeout: 15_000});
    expect($(co, '#form-error')!.textContent!.trim()).to.equal(
      'Não conseguimos finalizar seu pedido. Tente novamente.',
    );
  });

  it('places a Pix order and shows the Pix code with next steps', async () => {
    const {co, events} = await mount();
    const email = await fillProfile(co);
    await fillShipping(co);
    await choosePayment(co, /Pix/);
    await submit(co);
    await waitStep(co, 'step-review');
    await place(co);
    await waitUntil(() => $(co, '[part~="pix"]'), 'pix', {timeout: 20_000});
    await co.updateComplete;
    expect($<HTMLInputElement>(co, '#pix-code')!.value).to.match(/^000201/);
    expect(text(co)).to.contain('Pay with Pix');
    expect($(co, '[part~="confirmation"] a.button')).to.exist;
    await expect(co).to.be.accessible();
    const orders = await ordersOf(email);
    expect(orders.map((o) => o.status)).to.deep.equal(['payment-pending']);
    const placed = events.find((e) => e.type === 'vtex-order-placed')!;
    expect(placed.detail.status).to.equal('payment-pending');
  });

  it('places a boleto order with pickup delivery', async () => {
    const {co} = await mount();
    const email = await fillProfile(co);
    await fillShipping(co, true);
    await choosePayment(co, /boleto/i);
    await submit(co);
    await waitStep(co, 'step-review');
    expect(text(co)).to.match(/Loja|Retirada/i);
    await place(co);
    await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
    expect(text(co)).to.contain('waiting for the bank slip');
    const orders = await ordersOf(email);
    expect(orders).to.have.length(1);
  });

  it('another tab on the same cart says an order was just placed from it, with a link to the orders', async () => {
    const {co} = await mount();
    // A second "tab": another store on the same cart (the checkout cookie) and the same BroadcastChannel.
    const other = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="pt-BR" payments-api=${PAYMENTS_API}
          ><vtex-checkout orders-url="/conta/pedidos"></vtex-checkout
        ></vtex-store>
      </div>`,
    );
    const co2 = other.querySelector('vtex-checkout')!;
    await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    $(co, '[part~="place-order"]')!.click();
    await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
    const group = $(co, '[part~="confirmation"]')!.textContent!.match(/\d{6,}/)![0];
    await waitUntil(() => $(co2, '[part~="empty"]')?.textContent?.includes(group), 'the other tab says so', {
      timeout: 15_000,
    });
    const note = $(co2, '[part~="empty"]')!;
    expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Um pedido acabou de ser feito com este carrinho em outra aba (nº ${group}). Ver meus pedidos`,
    );
    expect(note.querySelector('a')!.getAttribute('href')).to.equal('/conta/pedidos');
    await expect(co2).to.be.accessible();
  });

  it('creates exactly one order when "Place order" is pressed twice', async () => {
    const {co, events} = await mount();
    const email = await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    const spy = recordRequests();
    try {
      const button = $(co, '[part~="place-order"]')!;
      button.click();
      button.click();
      await co.updateComplete;
      button.click();
      await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
      expect(spy.calls.filter((c) => /\/transaction(\?|$)/.test(c.url))).to.have.length(1);
    } finally {
      spy.restore();
    }
    const orders = await ordersOf(email);
    expect(orders.map((o) => o.status)).to.deep.equal(['payment-pending']);
    expect(events.filter((e) => e.type === 'vtex-order-placed')).to.have.length(1);
    expect(
      events.filter((e) => e.type === 'vtex-error').map((e) => e.detail.error.code),
      'no vtex-error',
    ).to.deep.equal([]);
  });

  it('a press of "Place order" after the confirmation neither places again nor reports an error', async () => {
    const {store, co, events} = await mount();
    const email = await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    const button = $<HTMLButtonElement>(co, '[part~="place-order"]')!;
    const spy = recordRequests();
    try {
      button.click();
      await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
      await waitUntil(() => store.cart!.state.busy === 0, 'new cart started', {timeout: 10_000});
      const sent = spy.calls.length;
      // The click the shopper's double-click (or an impatient second press) delivers after the confirmation.
      button.click();
      await co.updateComplete;
      // A re-run would have made the cart busy at once (placement runs in its write queue).
      await waitUntil(() => store.cart!.state.busy === 0, 'idle', {timeout: 10_000});
      await co.updateComplete;
      expect(
        spy.calls.slice(sent).map((c) => `${c.method} ${new URL(c.url, location.href).pathname}`),
        'no request after the confirmation',
      ).to.deep.equal([]);
      expect(spy.calls.filter((c) => /\/transaction(\?|$)/.test(c.url))).to.have.length(1);
    } finally {
      spy.restore();
    }
    expect($(co, '[part~="confirmation"]'), 'the confirmation stays').to.exist;
    expect(
      events.filter((e) => e.type === 'vtex-error').map((e) => [e.detail.operation, e.detail.error.code]),
      'no vtex-error',
    ).to.deep.equal([]);
    expect(events.filter((e) => e.type === 'vtex-order-placed')).to.have.length(1);
    expect((await ordersOf(email)).map((o) => o.status)).to.deep.equal(['payment-pending']);
  });

  it('shows what is bought beside the steps (items, totals), as a bar that opens on narrow screens, live with the cart', async () => {
    const {store, co} = await mount();
    const brl = (c: number) =>
      new Intl.NumberFormat('en', {style: 'currency', currency: 'BRL'}).format(c / 100).replace(/\s+/g, ' ');
    const shown = (sel: string) => getComputedStyle($(co, sel)!).display !== 'none';
    const words = (el: Element | null) => el!.textContent!.replace(/\s+/g, ' ').trim();
    const lines = () => $$(co, '[part~="summary-items"] li').map(words);
    const item = store.cart!.state.orderForm!.items[0]!;
    co.style.display = 'block';
    co.style.width = '60rem';
    await co.updateComplete;
    expect(shown('.sum-body'), 'wide: the summary is open').to.be.true;
    expect(shown('[part~="summary-toggle"]'), 'wide: no bar').to.be.false;
    const steps = $(co, '.steps')!.getBoundingClientRect();
    expect(
      $(co, '[part~="order-summary"]')!.getBoundingClientRect().left,
      'beside the steps',
    ).to.be.greaterThan(steps.right - 1);
    expect(lines()).to.deep.equal([`1 × ${item.name} ${brl(item.sellingPrice)}`]);
    expect($<HTMLImageElement>(co, '[part~="summary-items"] img')!.src).to.equal(
      new URL(item.imageUrl!, location.href).href,
    );
    expect(words($(co, '[part~="totals"] .total'))).to.equal(
      `Total ${brl(store.cart!.state.orderForm!.value)}`,
    );

    co.style.width = '22rem';
    await co.updateComplete;
    const bar = $(co, '[part~="summary-toggle"]')!;
    expect(shown('[part~="summary-toggle"]'), 'narrow: a bar').to.be.true;
    expect(shown('.sum-body'), 'narrow: closed').to.be.false;
    expect(bar.getAttribute('aria-expanded')).to.equal('false');
    expect(words(bar), 'its text: the chevron is CSS').to.equal(
      `Order summary ${brl(store.cart!.state.orderForm!.value)}`,
    );
    bar.click();
    await co.updateComplete;
    expect(bar.getAttribute('aria-expanded')).to.equal('true');
    expect(shown('.sum-body'), 'opened').to.be.true;

    // Live: a change of the cart (from any element or tab) is in the summary at once.
    await store.cart!.setQuantity(item.uniqueId, 2);
    await co.updateComplete;
    expect(lines()).to.deep.equal([`2 × ${item.name} ${brl(item.sellingPrice * 2)}`]);
    await expect(co).to.be.accessible();
  });

  it('says on the review step when the total changed there, instead of changing it silently', async () => {
    const {store, co} = await mount();
    const brl = (c: number) =>
      new Intl.NumberFormat('en', {style: 'currency', currency: 'BRL'}).format(c / 100).replace(/\s+/g, ' ');
    await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    const of = store.cart!.state.orderForm!;
    const words = (el: Element | null) => el!.textContent!.replace(/\s+/g, ' ').trim();
    const note = () => words($(co, '[part~="step-review"] .changed'));
    expect(note()).to.equal('');
    expect(words($(co, '[part~="step-review"] .total'))).to.equal(`Total: ${brl(of.value)}`);
    await showOrderForm(store.cart!, {...of, value: of.value + 1000});
    await co.updateComplete;
    expect(note()).to.equal(
      `The total changed from ${brl(of.value)} to ${brl(of.value + 1000)}. Check it before you place the order.`,
    );
    expect($(co, '[part~="step-review"] .changed')!.getAttribute('role')).to.equal('status');
    expect(words($(co, '[part~="step-review"] .total'))).to.equal(`Total: ${brl(of.value + 1000)}`);
    await showOrderForm(store.cart!, of);
  });

  it('the order summary shows the totalizers and total of any orderForm (25 runs, fixed seed)', async () => {
    const {store, co} = await mount();
    await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    const base = store.cart!.state.orderForm!;
    const brl = (c: number) =>
      new Intl.NumberFormat('en', {style: 'currency', currency: 'BRL'}).format(c / 100).replace(/\s+/g, ' ');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({min: 1, max: 100_000_00}),
        fc.oneof(fc.constant(0), fc.integer({min: 1, max: 100})),
        fc.oneof(fc.constant(0), fc.integer({min: 1, max: 50_00})),
        async (items, percent, shipping) => {
          const discounts = -Math.round((items * percent) / 100);
          const value = items + discounts + shipping;
          await showOrderForm(store.cart!, {
            ...base,
            value,
            totalizers: [
              {id: 'Items', name: 'Items', value: items},
              {id: 'Discounts', name: 'Discounts', value: discounts},
              {id: 'Shipping', name: 'Shipping', value: shipping},
            ],
          });
          await co.updateComplete;
          const rows = [...$(co, '[part~="totals"]')!.querySelectorAll('div')].map((d) =>
            d.textContent!.replace(/\s+/g, ' ').trim(),
          );
          expect(rows, JSON.stringify({items, discounts, shipping})).to.deep.equal([
            `Items ${brl(items)}`,
            ...(discounts ? [`Discounts ${brl(discounts)}`] : []),
            `Shipping ${brl(shipping)}`,
            `Total ${brl(value)}`,
          ]);
        },
      ),
      {numRuns: 25, seed: 22},
    );
    await showOrderForm(store.cart!, base);
  });

  it('recovers an expired 5-minute window by placing again, without a second live order', async () => {
    const {co} = await mount();
    const email = await fillProfile(co);
    await fillShipping(co);
    await fillCard(co, APPROVED);
    await waitStep(co, 'step-review');
    await setFaults({latencyMs: 1500, routes: '/api/payments/transactions'});
    const spy = recordRequests();
    try {
      await place(co);
      await waitUntil(() => spy.calls.some((c) => c.url.includes('/payments')), 'payments sent', {
        timeout: 15_000,
      });
      await advanceClock(6 * 60_000);
      await waitUntil(() => $(co, '[part~="confirmation"]'), 'confirmation', {timeout: 20_000});
      expect(spy.calls.filter((c) => /\/transaction(\?|$)/.test(c.url))).to.have.length(2);
    } finally {
      spy.restore();
    }
    const orders = await ordersOf(email);
    expect(orders.filter((o) => o.status !== 'canceled')).to.have.length(1);
  });

  it('gives field-level messages for invalid e-mail, CPF, postal code and card fields, with no request', async () => {
    const {co} = await mount();
    const spy = recordRequests();
    try {
      typeProfile(co, 'ana@', '123.456.789-00');
      await submit(co);
      const email = $<HTMLInputElement>(co, '#email')!;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect($(co, '#email-error')!.textContent).to.contain('valid e-mail');
      expect(email.getAttribute('aria-describedby')).to.equal('email-error');
      expect(sr(co).activeElement).to.equal(email);
      expect($(co, '#document-error')!.textContent).to.contain('valid CPF');
      await expect(co).to.be.accessible();
      expect(spy.calls).to.have.length(0);
    } finally {
      spy.restore();
    }
    await fillProfile(co);
    const spy2 = recordRequests();
    try {
      type(co, 'postalCode', '2225', true);
      await co.updateComplete;
      expect($(co, '#postalCode-error')!.textContent).to.contain('valid postal code');
      await submit(co);
      expect($(co, '#postalCode')!.getAttribute('aria-invalid')).to.equal('true');
      expect(spy2.calls).to.have.length(0);
    } finally {
      spy2.restore();
    }
    await fillShipping(co);
    const spy3 = recordRequests();
    try {
      await choosePayment(co, /Credit card/);
      spy3.calls.length = 0;
      type(co, 'cardNumber', '4111 1111 1111 1112');
      type(co, 'holderName', 'Ana Silva');
      type(co, 'expiry', '01/20');
      type(co, 'cvv', '12');
      await submit(co);
      expect($(co, '#cardNumber-error')!.textContent).to.contain('valid card number');
      expect($(co, '#expiry-error')!.textContent).to.contain('expiry');
      expect($(co, '#cvv-error')!.textContent).to.contain('3-digit');
      expect(sr(co).activeElement).to.equal($(co, '#cardNumber'));
      await expect(co).to.be.accessible();
      expect(spy3.calls).to.have.length(0);
    } finally {
      spy3.restore();
    }
  });

  it('greets a returning shopper with what VTEX returns, never filling masked values', async () => {
    const {co} = await mount();
    const values = () =>
      Object.fromEntries(
        ['email', 'firstName', 'lastName', 'document', 'phone'].map((n) => [
          n,
          $<HTMLInputElement>(co, `[name="${n}"]`)?.value ?? null,
        ]),
      );
    type(co, 'email', 'clark.kent@example.com', true);
    await waitUntil(() => text(co).includes('Welcome back'), 'welcome back', {timeout: 10_000});
    await co.updateComplete;
    // Signed out, VTEX masks the profile ("Cla*", "***********"): nothing masked is filled in.
    expect(values()).to.deep.equal({
      email: 'clark.kent@example.com',
      firstName: '',
      lastName: '',
      document: '',
      phone: '',
    });
    await expect(co).to.be.accessible();
  });

  it('fills in the profile VTEX returns unmasked to the signed-in shopper', async () => {
    await signIn('clark.kent@example.com');
    try {
      const {co} = await mount();
      type(co, 'email', 'clark.kent@example.com', true);
      await waitUntil(() => $<HTMLInputElement>(co, '#firstName')?.value, 'profile filled in', {
        timeout: 10_000,
      });
      await co.updateComplete;
      expect(
        Object.fromEntries(
          ['email', 'firstName', 'lastName', 'document', 'phone'].map((n) => [
            n,
            $<HTMLInputElement>(co, `[name="${n}"]`)?.value ?? null,
          ]),
        ),
      ).to.deep.equal({
        email: 'clark.kent@example.com',
        firstName: 'Clark',
        lastName: 'Kent',
        document: '52998224725',
        phone: '+5521998765432',
      });
    } finally {
      await signOut();
    }
  });

  it('maps a VTEX validation error (ORD007 with fields) to the field it concerns', async () => {
    const {co, events} = await mount();
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/attachments/clientProfileData')) {
        const body = {
          fields: {phone: '+55 21 99999-0000'},
          error: {code: 'ORD007', message: 'Invalid phone', exception: null},
          operationId: 'x',
        };
        return Promise.resolve(
          new Response(JSON.stringify(body), {status: 400, headers: {'Content-Type': 'application/json'}}),
        );
      }
      return original(input, init);
    };
    try {
      typeProfile(co, uniqueEmail());
      await submit(co);
      await waitUntil(() => $(co, '#phone')?.getAttribute('aria-invalid') === 'true', 'phone flagged', {
        timeout: 10_000,
      });
      expect($(co, '#phone-error')!.textContent).to.contain('valid phone');
      expect(sr(co).activeElement).to.equal($(co, '#phone'));
      expect(current(co)).to.contain('step-profile');
      const error = events.find((e) => e.type === 'vtex-error')!;
      expect(error.detail).to.deep.include({operation: 'attachClientProfile'});
      expect(error.detail.error.code).to.equal('ORD007');
    } finally {
      window.fetch = original;
    }
  });

  it('signed in, another e-mail is refused with what to do (CHK0109), not called invalid', async () => {
    const own = uniqueEmail();
    await signIn(own);
    try {
      const {co} = await mount();
      typeProfile(co, uniqueEmail());
      await submit(co);
      await waitUntil(() => $(co, '#email')?.getAttribute('aria-invalid') === 'true', 'e-mail flagged', {
        timeout: 10_000,
      });
      expect($(co, '#email-error')!.textContent).to.equal(
        'This e-mail is not the one of the account you are signed in with. Use that account’s e-mail, or sign out first.',
      );
      type(co, 'email', own);
      await submit(co);
      await waitStep(co, 'step-shipping');
    } finally {
      await signOut();
    }
  });

  it('says what the postal code lookup found, drops the old error, and names countries', async () => {
    const {co} = await mount();
    await fillProfile(co);
    const country = $<HTMLSelectElement>(co, '#country')!;
    expect([...country.options].map((o) => o.textContent!.trim())).to.deep.equal(['Brazil', 'United States']);
    type(co, 'postalCode', '123', true);
    await waitUntil(() => $(co, '#form-error')!.textContent!.trim(), 'postal error', {timeout: 10_000});
    type(co, 'postalCode', '22250-040', true);
    await waitUntil(() => $(co, '[part~="package"]'), 'delivery options', {timeout: 15_000});
    await co.updateComplete;
    const options = $$(co, '[part~="package"] input[type="radio"]').length;
    expect($(co, '.notice[role="status"]')!.textContent!.trim()).to.equal(
      `Address found. ${options} delivery option${options === 1 ? '' : 's'}.`,
    );
    expect($(co, '#form-error')!.textContent!.trim(), 'the old error is gone').to.equal('');
    await expect(co).to.be.accessible();
  });

  it('keeps focus in the form when Tab leaves the postal code and the lookup runs', async () => {
    const {co} = await mount();
    await fillProfile(co);
    const postal = $<HTMLInputElement>(co, '#postalCode')!;
    postal.focus();
    await sendKeys({type: '22250040'});
    await sendKeys({press: 'Tab'}); // the change event starts the lookup as focus moves on
    await waitUntil(() => $(co, '[part~="package"]'), 'delivery options', {timeout: 15_000});
    await co.updateComplete;
    const active = sr(co).activeElement;
    expect(active, 'focus did not fall to <body>').to.not.equal(null);
    expect(active!.localName).to.equal('button');
    await sendKeys({press: 'Tab'});
    expect(sr(co).activeElement?.localName, 'Tab goes on through the form').to.not.equal(undefined);
  });

  it('after a postal-code lookup and a reload, delivery is not done until the house number is there', async () => {
    const {co} = await mount();
    await fillProfile(co);
    type(co, 'postalCode', '22250-040', true);
    await waitUntil(() => $(co, '[part~="package"]'), 'delivery options', {timeout: 15_000});
    expect((await serverCart()).items.length, 'the cart has its line').to.be.greaterThan(0);
    // The page is opened again on the same cart: the address has a street (looked up) and no number.
    const again = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="en" payments-api=${PAYMENTS_API}
          ><vtex-checkout></vtex-checkout
        ></vtex-store>
      </div>`,
    );
    const co2 = again.querySelector('vtex-checkout')!;
    await waitStep(co2, 'step-shipping');
    expect(current(co2)).to.not.include('step-payment');
    expect($<HTMLInputElement>(co2, '#number')!.value).to.equal('');
  });

  it('lets the shopper reopen a completed step and edit it', async () => {
    const {co, events} = await mount();
    await fillProfile(co);
    expect(text(co)).to.contain('Ana Silva');
    $(co, '[part~="step-profile"] [part~="edit"]')!.click();
    await waitStep(co, 'step-profile');
    expect(sr(co).activeElement).to.equal($(co, '#h-profile'));
    expect($<HTMLInputElement>(co, '#firstName')!.value).to.equal('Ana');
    type(co, 'firstName', 'Beatriz');
    await submit(co);
    await waitStep(co, 'step-shipping');
    expect(text(co)).to.contain('Beatriz Silva');
    const step = events.filter((e) => e.type === 'vtex-checkout-step').at(-1)!;
    expect(step.detail).to.deep.equal({step: 'shipping', index: 1});
  });
});
