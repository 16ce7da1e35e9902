import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {PAYMENTS_API, clearFaults, freshCart} from '../../test/browser/sandbox.js';
import type {ISProduct} from '../client/types.js';
import type {VtexCart} from '../elements/cart/cart.js';
import '../elements/cart/define.js';
import '../elements/checkout/define.js';
import type {VtexProductGrid} from '../elements/product-grid/product-grid.js';
import '../elements/product-grid/define.js';
import type {VtexProduct} from '../elements/product/product.js';
import '../elements/product/define.js';
import type {VtexStore} from '../elements/store/store.js';
import '../elements/store/define.js';
import {$, $$, CPF, checkout, type} from '../../test/browser/harness.js';

const {submit, waitStep} = checkout;

const CARD = '4111111111111111';
const PHONE = '+55 21 99999-0000';
const POSTAL = '22250-040';

type Entry = Record<string, unknown> & {event?: string; ecommerce?: Record<string, unknown> | null};

const dataLayer = (): Entry[] => (window.dataLayer ?? []) as Entry[];
const pushed = (name: string) => dataLayer().filter((e) => e.event === name);
const analyticsLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((r) => /\/src\/analytics\/(index|ga4|vtex-pixel)\.ts/.test(r.name));

/** A product whose first available SKU has plenty of stock (the SKU `<vtex-product>` adds). */
let stocked: ISProduct | undefined;
async function product(): Promise<ISProduct> {
  if (stocked) return stocked;
  const r = await fetch('/api/intelligent-search/v1/product-search/?count=30');
  const {products} = (await r.json()) as {products: ISProduct[]};
  const qty = (p: ISProduct) =>
    p.items.find((i) => i.sellers[0]!.commertialOffer.AvailableQuantity > 0)?.sellers[0]!.commertialOffer
      .AvailableQuantity ?? 0;
  stocked = products.find((p) => qty(p) > 20)!;
  return stocked;
}

/** Pixel messages posted to this window. */
function pixel(): {messages: Record<string, unknown>[]; stop(): void} {
  const messages: Record<string, unknown>[] = [];
  const on = (e: MessageEvent) => {
    const d = e.data as Record<string, unknown> | null;
    if (d && typeof d.eventName === 'string' && d.eventName.startsWith('vtex:')) messages.push(d);
  };
  window.addEventListener('message', on);
  return {messages, stop: () => window.removeEventListener('message', on)};
}

async function addFromProduct(el: VtexProduct): Promise<void> {
  await waitUntil(() => $(el, '[part~="add-to-cart"]:not([disabled])'), 'product shown', {timeout: 15_000});
  $(el, '[part~="add-to-cart"]')!.click();
  await waitUntil(() => $(el, '[part~="status"]')?.textContent?.trim(), 'added', {timeout: 15_000});
}

beforeEach(() => {
  delete window.dataLayer;
});

afterEach(async () => {
  await clearFaults();
});

describe('analytics', () => {
  // First in this file: nothing has loaded the analytics module yet.
  it('without the analytics attribute, pushes nothing and never loads the analytics module', async () => {
    await freshCart();
    const p = await product();
    const spy = pixel();
    try {
      const root = await fixture<HTMLElement>(
        html`<vtex-store api="" account="sandbox" locale="en"
          ><vtex-product slug=${p.linkText}></vtex-product
        ></vtex-store>`,
      );
      const added: Event[] = [];
      root.addEventListener('vtex-item-added', (e) => added.push(e));
      await addFromProduct(root.querySelector('vtex-product')!);
      await waitUntil(() => added.length === 1, 'vtex-item-added', {timeout: 10_000});
      await new Promise((r) => setTimeout(r, 50));
      expect(window.dataLayer).to.equal(undefined);
      expect(spy.messages).to.deep.equal([]);
      expect(analyticsLoaded()).to.equal(false);
    } finally {
      spy.stop();
    }
  });

  it('a purchase through the checkout pushes add_to_cart → begin_checkout → add_shipping_info → add_payment_info → purchase, and vtex:orderPlaced, with no personal or card data', async () => {
    await freshCart();
    const p = await product();
    const spy = pixel();
    const email = `ana.${Math.random().toString(36).slice(2, 10)}@example.com`;
    try {
      const root = await fixture<HTMLElement>(
        html`<div>
          <vtex-store
            api=""
            account="sandbox"
            locale="en"
            analytics="ga4 vtex-pixel"
            payments-api=${PAYMENTS_API}
            ><vtex-product slug=${p.linkText}></vtex-product
          ></vtex-store>
        </div>`,
      );
      const placed: CustomEvent[] = [];
      root.addEventListener('vtex-order-placed', (e) => placed.push(e as CustomEvent));
      const store = root.querySelector<VtexStore>('vtex-store')!;
      await addFromProduct(root.querySelector('vtex-product')!);
      await waitUntil(() => pushed('add_to_cart').length === 1, 'add_to_cart', {timeout: 10_000});
      const line = store.cart!.state.orderForm!.items[0]!;

      // The shopper goes on to the checkout.
      const co = document.createElement('vtex-checkout');
      store.append(co);

      await waitStep(co, 'step-profile');
      type(co, 'email', email);
      type(co, 'firstName', 'Ana');
      type(co, 'lastName', 'Silva');
      type(co, 'document', CPF);
      type(co, 'phone', PHONE);
      await submit(co);
      await waitStep(co, 'step-shipping');
      type(co, 'postalCode', POSTAL, true);
      await waitUntil(() => $(co, '[part~="package"]'), 'delivery options', {timeout: 15_000});
      await co.updateComplete;
      const street = $<HTMLInputElement>(co, '[name="street"]')!.value;
      type(co, 'number', '300');
      await submit(co);
      await waitStep(co, 'step-payment');
      $$<HTMLInputElement>(co, 'input[name="payment"]')
        .find((r) => /Credit card/.test(r.closest('label')!.textContent ?? ''))!
        .click();
      await co.updateComplete;
      type(co, 'cardNumber', CARD);
      type(co, 'holderName', 'Ana Silva');
      type(co, 'expiry', '12/35');
      type(co, 'cvv', '123');
      await submit(co);
      await waitStep(co, 'step-review');
      $(co, '[part~="place-order"]')!.click();
      await waitUntil(() => pushed('purchase').length === 1, 'purchase', {timeout: 20_000});
      await waitUntil(
        () => spy.messages.some((m) => m.eventName === 'vtex:orderPlaced'),
        'vtex:orderPlaced',
        {timeout: 5_000},
      );

      // The sequence, each e-commerce event preceded by {ecommerce: null}.
      const names = dataLayer()
        .filter((e) => e.event)
        .map((e) => e.event);
      expect(names).to.deep.equal([
        'view_item',
        'add_to_cart',
        'begin_checkout',
        'add_shipping_info',
        'add_payment_info',
        'purchase',
      ]);
      dataLayer().forEach((e, i) => {
        if (e.event) expect(dataLayer()[i - 1]).to.deep.equal({ecommerce: null});
      });

      const item = {
        item_id: p.productId,
        item_variant: line.id,
        item_brand: p.brand,
        price: line.sellingPrice / 100,
        quantity: 1,
      };
      const add = pushed('add_to_cart')[0]!.ecommerce!;
      expect(add.currency).to.equal('BRL');
      expect(add.value).to.equal(line.sellingPrice / 100);
      expect(add.items).to.have.length(1);
      expect((add.items as object[])[0]).to.include(item);
      expect((add.items as {item_category?: string}[])[0]!.item_category).to.be.a('string');

      expect(pushed('add_shipping_info')[0]!.ecommerce!.shipping_tier).to.be.a('string').and.not.empty;
      expect(pushed('add_payment_info')[0]!.ecommerce!.payment_type).to.match(/visa|credit/i);

      expect(placed).to.have.length(1);
      const order = placed[0]!.detail as {orderGroup: string; value: number; currency: string};
      const purchase = pushed('purchase')[0]!.ecommerce!;
      expect(purchase.transaction_id).to.equal(order.orderGroup);
      expect(purchase.value).to.equal(order.value / 100);
      expect(purchase.currency).to.equal(order.currency);
      expect(purchase.items).to.have.length(1);
      expect((purchase.items as object[])[0]).to.include(item);
      expect(purchase.shipping).to.be.a('number');

      const orderPlaced = spy.messages.find((m) => m.eventName === 'vtex:orderPlaced')!;
      expect(orderPlaced.transactionId).to.equal(order.orderGroup);
      expect(orderPlaced.transactionTotal).to.equal(order.value / 100);
      expect(orderPlaced.transactionProducts as object[]).to.have.length(1);
      expect(spy.messages.map((m) => m.eventName)).to.include.members([
        'vtex:productView',
        'vtex:addToCart',
        'vtex:orderPlaced',
      ]);

      // No personal or card data anywhere.
      const sent = JSON.stringify([dataLayer(), spy.messages]);
      const secrets = [
        email,
        CPF,
        CPF.replace(/\D/g, ''),
        PHONE,
        '999990000',
        POSTAL,
        POSTAL.replace(/\D/g, ''),
        street,
        'Silva',
        CARD,
        '4111 1111',
        '12/35',
      ];
      for (const secret of secrets) expect(sent, secret).not.to.contain(secret);
      expect(sent).not.to.match(/visitor|email|firstName|lastName|document|phone|address|cardNumber/i);
    } finally {
      spy.stop();
    }
  });

  it('a quantity change in the cart pushes add_to_cart or remove_from_cart for the difference', async () => {
    await freshCart();
    const p = await product();
    const spy = pixel();
    try {
      const root = await fixture<HTMLElement>(
        html`<div>
          <vtex-store api="" account="sandbox" locale="en" analytics="ga4 vtex-pixel"
            ><vtex-product slug=${p.linkText}></vtex-product><vtex-cart></vtex-cart
          ></vtex-store>
        </div>`,
      );
      await addFromProduct(root.querySelector('vtex-product')!);
      await waitUntil(() => pushed('add_to_cart').length === 1, 'add_to_cart', {timeout: 10_000});
      const cart = root.querySelector<VtexCart>('vtex-cart')!;
      await waitUntil(() => $(cart, '[part~="increase"]'), 'cart line', {timeout: 10_000});
      const sku = root.querySelector<VtexStore>('vtex-store')!.cart!.state.orderForm!.items[0]!.id;
      const quantity = () => Number($<HTMLInputElement>(cart, '[part~="quantity"]')!.value);

      // 1 → 3 in two quick clicks: one add_to_cart of 2.
      $(cart, '[part~="increase"]')!.click();
      await cart.updateComplete;
      $(cart, '[part~="increase"]')!.click();
      await cart.updateComplete;
      expect(quantity()).to.equal(3);
      await waitUntil(() => pushed('add_to_cart').length === 2, 'add_to_cart for the increase', {
        timeout: 10_000,
      });
      const added = pushed('add_to_cart')[1]!.ecommerce! as {
        items: {item_variant?: string; item_id: string; quantity: number}[];
      };
      expect(added.items.map((i) => i.quantity)).to.deep.equal([2]);

      // 3 → 2: one remove_from_cart of 1.
      $(cart, '[part~="decrease"]')!.click();
      await waitUntil(() => pushed('remove_from_cart').length === 1, 'remove_from_cart', {timeout: 10_000});
      const removed = pushed('remove_from_cart')[0]!.ecommerce! as {items: {quantity: number}[]};
      expect(removed.items.map((i) => i.quantity)).to.deep.equal([1]);
      await waitUntil(
        () => spy.messages.some((m) => m.eventName === 'vtex:removeFromCart'),
        'pixel removeFromCart',
      );
      const pixelRemoved = spy.messages.find((m) => m.eventName === 'vtex:removeFromCart') as {
        items: {skuId: string; quantity: number}[];
      };
      expect(pixelRemoved.items.map((i) => [i.skuId, i.quantity])).to.deep.equal([[sku, 1]]);
      expect(pushed('add_to_cart')).to.have.length(2, 'nothing else counted as an add');
    } finally {
      spy.stop();
    }
  });

  it('a grid pushes view_item_list and select_item, and carries Activity Flow attributes a document click sees', async () => {
    await freshCart();
    const spy = pixel();
    try {
      const root = await fixture<HTMLElement>(
        html`<vtex-store api="" account="sandbox" locale="en" analytics="ga4"
          ><vtex-product-grid id="results" query="camiseta" page-size="4"></vtex-product-grid
        ></vtex-store>`,
      );
      const grid = root.querySelector<VtexProductGrid>('vtex-product-grid')!;
      await waitUntil(() => pushed('view_item_list').length === 1, 'view_item_list', {timeout: 15_000});
      const list = pushed('view_item_list')[0]!.ecommerce!;
      expect(list.item_list_id).to.equal('results');
      expect(list.item_list_name).to.equal('search: camiseta');
      const items = list.items as {item_id: string; index: number; price: number}[];
      expect(items.map((i) => i.index)).to.deep.equal(items.map((_, i) => i + 1));
      expect(items[0]!.price).to.be.a('number');

      const cards = $$(grid, '[part~="card"]');
      expect(cards).to.have.length(items.length);
      const second = cards[1]!;
      expect(second.dataset.afElement).to.equal('search-result');
      expect(second.dataset.afOnclick).to.equal('true');
      expect(second.dataset.afProductId).to.equal(items[1]!.item_id);
      expect(second.dataset.afProductPosition).to.equal('2');
      expect(second.dataset.afSearchId).to.be.a('string').and.not.empty;

      let seen: Record<string, string | null> = {};
      const onDocClick = (e: Event) => {
        const t = e.target as HTMLElement;
        seen = {
          element: t.getAttribute('data-af-element'),
          id: t.getAttribute('data-af-product-id'),
          position: t.getAttribute('data-af-product-position'),
        };
      };
      const stay = (e: Event) => e.preventDefault();
      document.addEventListener('click', onDocClick);
      grid.addEventListener('vtex-product-selected', stay);
      try {
        second.querySelector<HTMLAnchorElement>('[part~="card-link"]')!.click();
      } finally {
        document.removeEventListener('click', onDocClick);
        grid.removeEventListener('vtex-product-selected', stay);
      }
      expect(seen).to.deep.equal({element: 'search-result', id: items[1]!.item_id, position: '2'});
      await waitUntil(() => !grid.hasAttribute('data-af-element'), 'mirror removed', {timeout: 2_000});

      const select = pushed('select_item')[0]!.ecommerce!;
      expect(select.item_list_id).to.equal('results');
      expect((select.items as {item_id: string; index: number}[])[0]).to.include({
        item_id: items[1]!.item_id,
        index: 2,
      });
      expect(spy.messages).to.deep.equal([]); // vtex-pixel not enabled
    } finally {
      spy.stop();
    }
  });
});
