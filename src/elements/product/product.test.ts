import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {ISProduct, ISSku} from '../../client/types.js';
import {
  clearFaults,
  freshCart,
  putInCart,
  serverCart,
  setFaults,
  singleSkuProduct,
} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import type {VtexProduct} from './product.js';
import {sr} from '../../../test/browser/harness.js';

const IS = '/api/intelligent-search/v1';

async function mount(attrs: string): Promise<VtexProduct> {
  const root = await fixture<HTMLElement>(
    `<div style="width: 1000px"><vtex-store api="" account="sandbox" locale="en"><vtex-product ${attrs}></vtex-product></vtex-store></div>`,
  );
  const el = root.querySelector('vtex-product')!;
  await waitUntil(
    () => sr(el).querySelector('[part~="name"], [part~="not-found"], [part~="error"]'),
    'product did not load',
    {timeout: 10_000},
  );
  await el.updateComplete;
  return el;
}

const offer = (sku: ISSku) => (sku.sellers.find((s) => s.sellerDefault) ?? sku.sellers[0]!).commertialOffer;
const value = (sku: ISSku, axis: string) => sku.variations.find((v) => v.name === axis)!.values[0]!;

function radio(el: VtexProduct, axis: string, v: string): HTMLInputElement {
  const input = [...sr(el).querySelectorAll<HTMLInputElement>(`input[type=radio]`)].find(
    (i) => i.name === axis && i.value === v,
  );
  expect(input, `${axis}=${v}`).to.exist;
  return input!;
}

/** A product whose SKUs have different prices and at least one out-of-stock SKU (found through the API). */
async function variedProduct(): Promise<ISProduct> {
  for (let page = 1; page <= 11; page++) {
    const r = await (await fetch(`${IS}/product-search/?count=50&page=${page}`)).json();
    for (const p of r.products as ISProduct[]) {
      const prices = new Set(p.items.map((s) => offer(s).Price));
      if (
        prices.size > 1 &&
        p.skuSpecifications.length === 2 &&
        p.items.some((s) => offer(s).AvailableQuantity === 0)
      )
        return p;
    }
  }
  throw new Error('no product with varied prices in the catalog');
}

describe('<vtex-product>', () => {
  afterEach(() => clearFaults());

  it('renders product 1 by slug: gallery, price, selector, specifications; accessible', async () => {
    const el = await mount('slug="camiseta-basica-algodao"');
    expect(sr(el).querySelector('[part~="name"]')!.textContent).to.equal('Camiseta Básica Algodão');
    expect(sr(el).querySelector('[part~="brand"]')!.textContent).to.equal('Aurora');
    expect(sr(el).querySelector('[part~="selling-price"]')!.textContent).to.include('59.90');
    expect(sr(el).querySelector('[part~="list-price"]')!.textContent).to.include('79.90');
    expect(sr(el).querySelector('[part~="discount"]')!.textContent!.trim()).to.equal('25% off');
    for (const part of [
      'gallery',
      'main-image',
      'sku-selector',
      'option',
      'quantity',
      'add-to-cart',
      'status',
      'description',
      'specifications',
    ]) {
      expect(sr(el).querySelector(`[part~="${part}"]`), part).to.exist;
    }
    await waitUntil(() => sr(el).querySelector('[part~="description"] li'), 'description rendered');
    expect(sr(el).querySelector('[part~="description"] strong')!.textContent).to.equal('algodão');
    // SKU 106 (G / Preto) is out of stock: with G chosen, Preto is disabled.
    radio(el, 'Tamanho', 'G').click();
    await el.updateComplete;
    expect(radio(el, 'Cor', 'Preto').disabled).to.be.true;
    expect(radio(el, 'Cor', 'Azul').disabled).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('loads by product-id', async () => {
    const el = await mount('product-id="2"');
    expect(sr(el).querySelector('[part~="name"]')!.textContent).to.equal(
      'Café Orgânico Torrado em Grãos 500g',
    );
  });

  it('takes over the product it started loading while its tag waited for the language pack', async () => {
    const before = location.href;
    const url = new URL(before);
    url.searchParams.set('p', ' tabua-silicone-multiuso ');
    const cases: [Record<string, string>, string][] = [
      [{slug: ' camiseta-basica-algodao '}, 'Camiseta Básica Algodão'],
      [{'product-id': '2'}, 'Café Orgânico Torrado em Grãos 500g'],
      [{'slug-param': 'p', slug: 'camiseta-basica-algodao'}, 'Tábua Silicone Multiuso'],
    ];
    const original = window.fetch;
    try {
      history.replaceState(history.state, '', url.href);
      for (const [attrs, name] of cases) {
        const root = await fixture<HTMLElement>(
          `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
        );
        const requests: string[] = [];
        window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          if (String(input).includes(`${IS}/products`)) requests.push(String(input));
          return original(input, init);
        };
        const el = document.createElement('vtex-product');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        root.querySelector('vtex-store')!.append(el);
        // What defineElement does for a tag in the page while its pack loads.
        (el.constructor as typeof VtexProduct).prefetch(el);
        expect(requests, `${JSON.stringify(attrs)}: started at once`).to.have.length(1);
        await waitUntil(() => sr(el).querySelector('[part~="name"]'), 'product did not load', {
          timeout: 10_000,
        });
        window.fetch = original;
        expect(requests, `${JSON.stringify(attrs)}: asked once`).to.have.length(1);
        expect(sr(el).querySelector('[part~="name"]')!.textContent).to.equal(name);
      }
    } finally {
      window.fetch = original;
      history.replaceState(history.state, '', before);
    }
  });

  it('with no product chosen (no slug or id, an empty URL parameter) it says not found instead of loading forever', async () => {
    for (const attrs of ['', 'slug=""', 'slug="  " product-id=""', 'slug-param="nothing-here"']) {
      const el = await mount(attrs);
      expect(sr(el).querySelector('[part~="not-found"]'), attrs).to.exist;
      expect(sr(el).querySelector('[part~="skeleton"]'), attrs).to.be.null;
    }
  });

  it('says when the stock let fewer units, or none, go into the cart', async () => {
    await freshCart();
    const {product, sku, stock} = await singleSkuProduct();
    await putInCart(sku, stock - 2);
    const el = await mount(`product-id="${product.productId}"`);
    const status = () => sr(el).querySelector('[part~="status"]')!.textContent!.trim();
    const events: number[] = [];
    el.addEventListener('vtex-item-added', (e) => events.push((e as CustomEvent).detail.item.quantity));
    const qty = sr(el).querySelector<HTMLInputElement>('[part~="quantity"]')!;
    qty.value = '5';
    qty.dispatchEvent(new Event('change'));
    sr(el).querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!.click();
    await waitUntil(() => status() && !status().startsWith('Adding'), 'add did not finish', {
      timeout: 10_000,
    });
    expect(status()).to.equal('Only 2 were added: that is all the stock there is.');
    expect(events).to.deep.equal([2]);
    expect((await serverCart()).items.find((i) => i.id === sku.itemId)!.quantity).to.equal(stock);

    qty.value = '1';
    qty.dispatchEvent(new Event('change'));
    sr(el).querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!.click();
    await waitUntil(() => status().startsWith('Not added'), 'no "not added"', {timeout: 10_000});
    expect(status()).to.equal('Not added: your cart already holds all the stock there is.');
    expect(events, 'no vtex-item-added for nothing added').to.deep.equal([2]);
    expect((await serverCart()).items.find((i) => i.id === sku.itemId)!.quantity).to.equal(stock);
  });

  it('slug-param reads the slug from the page URL and follows back/forward', async () => {
    const start = location.href;
    const at = (slug: string) => {
      const url = new URL(start);
      url.searchParams.set('product', slug);
      return url.href;
    };
    const name = (el: VtexProduct) => sr(el).querySelector('[part~="name"]')?.textContent;
    history.replaceState(history.state, '', at('camiseta-basica-algodao'));
    try {
      const el = await mount('slug-param="product"');
      expect(name(el)).to.equal('Camiseta Básica Algodão');
      history.pushState(history.state, '', at('bloco-de-yoga-antiderrapante-6-mm'));
      window.dispatchEvent(new PopStateEvent('popstate'));
      await waitUntil(() => name(el) === 'Bloco de Yoga Antiderrapante 6 mm', 'followed popstate', {
        timeout: 10_000,
      });
      history.back();
      await waitUntil(() => name(el) === 'Camiseta Básica Algodão', 'followed back', {timeout: 10_000});
      expect(el.slug, 'the slug attribute is untouched').to.equal(undefined);
    } finally {
      history.replaceState(history.state, '', start);
    }
  });

  it('SKU selection picks the right SKU and price, and adds that SKU with the quantity', async () => {
    await freshCart();
    const product = await variedProduct();
    const [a1, a2] = product.skuSpecifications.map((s) => s.field.name) as [string, string];
    const el = await mount(`product-id="${product.productId}"`);
    // Pick the most expensive in-stock SKU through the selector.
    const target = product.items
      .filter((s) => offer(s).AvailableQuantity > 0)
      .sort((x, y) => offer(y).Price - offer(x).Price)[0]!;
    radio(el, a1, value(target, a1)).click();
    await el.updateComplete;
    radio(el, a2, value(target, a2)).click();
    await el.updateComplete;
    const price = sr(el)
      .querySelector('[part~="selling-price"]')!
      .textContent!.replace(/[^\d.]/g, '');
    expect(Number(price)).to.equal(offer(target).Price);
    // Out-of-stock combinations with the chosen first value are disabled.
    for (const sku of product.items.filter((s) => value(s, a1) === value(target, a1))) {
      expect(radio(el, a2, value(sku, a2)).disabled).to.equal(offer(sku).AvailableQuantity === 0);
    }
    const qty = sr(el).querySelector<HTMLInputElement>('[part~="quantity"]')!;
    qty.value = '2';
    qty.dispatchEvent(new Event('change'));
    const added = oneEvent(el, 'vtex-item-added');
    sr(el).querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!.click();
    const ev = await added;
    expect(ev.bubbles && ev.composed).to.be.true;
    expect(ev.detail.item).to.deep.equal({
      id: target.itemId,
      quantity: 2,
      seller: target.sellers.find((s) => s.sellerDefault)!.sellerId,
    });
    const cart = await serverCart();
    expect(cart.items.map((i) => [i.id, i.quantity])).to.deep.equal([[target.itemId, 2]]);
    await el.updateComplete;
    expect(sr(el).querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Added to cart');
    await waitUntil(
      () => sr(el).querySelector('[part~="status"]')!.textContent!.trim() === '',
      '"Added to cart" goes after a few seconds',
      {timeout: 8000},
    );
  });

  it('renders a description with <img onerror> and <script> without executing anything', async () => {
    const w = window as unknown as {__pwned?: boolean; alert: (m?: unknown) => void};
    const originalAlert = w.alert;
    w.alert = () => (w.__pwned = true);
    try {
      const el = await mount('product-id="5"');
      const raw = (await (await fetch(`${IS}/products?field=id&value=5&sc=1`)).json()).description as string;
      expect(raw).to.include('onerror');
      expect(raw).to.include('<script>');
      await waitUntil(
        () => sr(el).querySelector('[part~="description"]')?.childNodes.length,
        'description rendered',
      );
      const d = sr(el).querySelector('[part~="description"]')!;
      expect(d.querySelector('script')).to.equal(null);
      expect(d.querySelector('[onerror]')).to.equal(null);
      await new Promise((r) => setTimeout(r, 300));
      expect(w.__pwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    } finally {
      w.alert = originalAlert;
    }
  });

  it('shows out of stock for a fully unavailable product', async () => {
    const el = await mount('slug="tenis-de-corrida-esgotado"');
    const button = sr(el).querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!;
    expect(button.disabled).to.be.true;
    expect(button.textContent!.trim()).to.equal('Out of stock');
    await expect(el).to.be.accessible();
  });

  it('shows a friendly not-found state for an unknown slug, and vtex-error', async () => {
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
    );
    const el = document.createElement('vtex-product');
    el.slug = 'no-such-product';
    const error = oneEvent(el, 'vtex-error');
    root.querySelector('vtex-store')!.append(el);
    const ev = await error;
    expect(ev.detail.error.status).to.equal(404);
    await waitUntil(() => sr(el).querySelector('[part~="not-found"]'));
    expect(sr(el).querySelector('[part~="not-found"]')!.textContent).to.include(
      'We could not find this product.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading and an error with retry', async () => {
    await setFaults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search/v1/products'});
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
    );
    const el = document.createElement('vtex-product');
    // A URL no other test fetched: search answers are HTTP-cacheable (max-age=60).
    el.slug = 'cafe-organico-torrado-em-graos-500g';
    root.querySelector('vtex-store')!.append(el);
    await el.updateComplete;
    expect(sr(el).querySelector('[part~="skeleton"]')).to.exist;
    await expect(el).to.be.accessible();
    await waitUntil(() => sr(el).querySelector('[part~="error"]'), 'error state', {timeout: 10_000});
    await expect(el).to.be.accessible();
    await clearFaults();
    sr(el).querySelector<HTMLButtonElement>('[part~="error"] button')!.click();
    await waitUntil(() => sr(el).querySelector('[part~="name"]'), 'loaded after retry', {timeout: 10_000});
  });

  it('keyboard only: choose a variation with arrows and add to cart', async () => {
    await freshCart();
    const el = await mount('slug="camiseta-basica-algodao"');
    radio(el, 'Tamanho', 'P').focus();
    await sendKeys({press: 'ArrowRight'}); // → M
    await el.updateComplete;
    expect(radio(el, 'Tamanho', 'M').checked).to.be.true;
    let focused: Element | null = null;
    for (let i = 0; i < 10 && !focused?.matches('[part~="add-to-cart"]'); i++) {
      await sendKeys({press: 'Tab'});
      focused = sr(el).activeElement;
    }
    expect(focused?.matches('[part~="add-to-cart"]')).to.be.true;
    const added = oneEvent(el, 'vtex-item-added');
    await sendKeys({press: 'Enter'});
    const ev = await added;
    const product = (await (await fetch(`${IS}/products?field=id&value=1&sc=1`)).json()) as ISProduct;
    const sku = product.items.find((s) => s.itemId === ev.detail.item.id)!;
    expect(value(sku, 'Tamanho')).to.equal('M');
    expect((await serverCart()).items.map((i) => i.id)).to.deep.equal([sku.itemId]);
  });
});
