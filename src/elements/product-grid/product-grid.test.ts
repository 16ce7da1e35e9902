import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement, html as litHtml} from 'lit';
import type {ISProduct, ProductSearchResult} from '../../client/types.js';
import {CartController} from '../../controllers/store-controller.js';
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
import type {VtexProductGrid} from './product-grid.js';
import {sr} from '../../../test/browser/harness.js';

const IS = '/api/intelligent-search/v1';

/** The IS API answered directly, to compare with what the grid renders (no hard-coded numbers). */
async function direct(
  path: string,
  params: Record<string, string | number> = {},
): Promise<ProductSearchResult> {
  const qs = new URLSearchParams({
    count: '24',
    page: '1',
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  });
  const r = await fetch(`${IS}/product-search/${path}?${qs}`);
  return r.json();
}

/** A second consumer of the shared cart (as <vtex-cart-button> is). */
class CartCounter extends LitElement {
  readonly cart = new CartController(this, {load: false});
  override render() {
    const n = this.cart.state?.orderForm?.items.reduce((s, i) => s + i.quantity, 0) ?? 0;
    return litHtml`<span>${n}</span>`;
  }
}
if (!customElements.get('test-cart-counter')) customElements.define('test-cart-counter', CartCounter);

async function mount(attrs: string): Promise<VtexProductGrid> {
  const root = await fixture<HTMLElement>(
    `<div style="width: 1100px"><vtex-store api="" account="sandbox" locale="en"><test-cart-counter></test-cart-counter><vtex-product-grid ${attrs}></vtex-product-grid></vtex-store></div>`,
  );
  const el = root.querySelector('vtex-product-grid')!;
  await settled(el);
  return el;
}

const names = (el: VtexProductGrid) =>
  [...sr(el).querySelectorAll('[part~="card-name"]')].map((n) => n.textContent!.trim());
const countText = (el: VtexProductGrid) => sr(el).querySelector('[part~="count"]')!.textContent!.trim();

async function settled(el: VtexProductGrid): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () =>
      sr(el).querySelector('[part~="card"], [part~="empty"], [part~="error"]') &&
      !sr(el).querySelector('[aria-busy="true"]'),
    'grid did not settle',
    {timeout: 10_000},
  );
  if (el.showFacets)
    await waitUntil(() => sr(el).querySelector('[part~="facet"]'), 'facets did not load', {timeout: 10_000});
  await el.updateComplete;
}

function checkbox(el: VtexProductGrid, facetName: string, valueName: string): HTMLInputElement {
  const fieldset = [...sr(el).querySelectorAll('.sidebar [part~="facet"]')].find(
    (f) => f.querySelector('legend')!.textContent!.trim() === facetName,
  )!;
  expect(fieldset, `facet ${facetName}`).to.exist;
  const label = [...fieldset.querySelectorAll('[part~="facet-value"]')].find(
    (l) => l.querySelector('.facet-name')!.textContent!.trim() === valueName,
  )!;
  expect(label, `value ${valueName}`).to.exist;
  return label.querySelector('input')!;
}

const productNames = (r: {products: ISProduct[]}) => r.products.map((p) => p.productName);

describe('<vtex-product-grid>', () => {
  afterEach(async () => {
    await clearFaults();
  });

  it('renders the products and count Intelligent Search returns for a query, accessibly', async () => {
    const el = await mount('query="camiseta" page-size="12"');
    const expected = await direct('', {query: 'camiseta', count: 12});
    expect(expected.products.length).to.be.greaterThan(0);
    expect(names(el)).to.deep.equal(productNames(expected));
    expect(countText(el)).to.equal(`${expected.recordsFiltered} products`);
    const card = sr(el).querySelector('[part~="card"]')!;
    for (const part of [
      'card-media',
      'card-image',
      'card-name',
      'card-link',
      'card-brand',
      'price',
      'selling-price',
      'add-to-cart',
    ]) {
      expect(card.querySelector(`[part~="${part}"]`), part).to.exist;
    }
    await expect(el).to.be.accessible();
  });

  it('shows list price, discount and installments for product 1', async () => {
    const el = await mount('query="product:1" page-size="1"');
    const card = sr(el).querySelector('[part~="card"]')!;
    expect(card.querySelector('[part~="selling-price"]')!.textContent).to.include('59.90');
    expect(card.querySelector('[part~="list-price"]')!.textContent).to.include('79.90');
    expect(card.querySelector('[part~="discount"]')!.textContent!.trim()).to.equal('25% off');
    expect(card.querySelector('[part~="installments"]')!.textContent!.trim()).to.match(/^\dx R\$\d+\.\d\d/);
    expect(card.querySelectorAll('[part~="swatch"]').length).to.be.greaterThan(1);
  });

  it('applies the merchant filters: category path, brand and collection', async () => {
    const el = await mount('category="apparel/shirts" brand="aurora" page-size="48"');
    const expected = await direct('category-1/apparel/category-2/shirts/brand/aurora', {count: 48});
    expect(expected.recordsFiltered).to.be.greaterThan(0);
    expect(names(el)).to.deep.equal(productNames(expected));
    const col = await mount('collection="137" page-size="48"');
    const expectedCol = await direct('productClusterIds/137', {count: 48});
    expect(names(col)).to.deep.equal(productNames(expectedCol));
  });

  it('lets a facet group close and open (its values leave the Tab order), and a chosen value still applies', async () => {
    const el = await mount('query="camiseta" show-facets page-size="48"');
    const facets = await (await fetch(`${IS}/facets/?query=camiseta`)).json();
    const brand = facets.facets.find((f: {key: string}) => f.key === 'brand').values[0];
    checkbox(el, 'Marca', brand.name).click();
    await settled(el);
    const group = () =>
      [...sr(el).querySelectorAll('.sidebar [part~="facet"]')].find(
        (f) => f.querySelector('legend')!.textContent!.trim() === 'Marca',
      )!;
    const toggle = () => group().querySelector<HTMLButtonElement>('[part~="facet-toggle"]')!;
    expect(toggle().getAttribute('aria-expanded')).to.equal('true');
    const filtered = names(el);
    toggle().focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(toggle().getAttribute('aria-expanded')).to.equal('false');
    expect(group().querySelectorAll('input').length, 'no values to Tab through').to.equal(0);
    expect(sr(el).activeElement === toggle(), 'focus stays on the group name').to.be.true;
    expect(names(el), 'the chosen brand still filters').to.deep.equal(filtered);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Space'});
    await el.updateComplete;
    expect(toggle().getAttribute('aria-expanded')).to.equal('true');
    expect(checkbox(el, 'Marca', brand.name).checked).to.be.true;
  });

  it('combines facets: OR within a key, AND across keys', async () => {
    const el = await mount('query="camiseta" show-facets page-size="48"');
    const facets = await (await fetch(`${IS}/facets/?query=camiseta`)).json();
    const brands = facets.facets.find((f: {key: string}) => f.key === 'brand').values.slice(0, 2);
    checkbox(el, 'Marca', brands[0].name).click();
    await settled(el);
    checkbox(el, 'Marca', brands[1].name).click();
    await settled(el);
    const or = await direct(`brand/${brands[0].value}/brand/${brands[1].value}`, {
      query: 'camiseta',
      count: 48,
    });
    expect(or.recordsFiltered).to.equal(brands[0].quantity + brands[1].quantity);
    expect(names(el)).to.deep.equal(productNames(or));
    expect(countText(el)).to.equal(`${or.recordsFiltered} products`);

    const f2 = await (
      await fetch(`${IS}/facets/brand/${brands[0].value}/brand/${brands[1].value}?query=camiseta`)
    ).json();
    const color = f2.facets
      .find((f: {key: string}) => f.key === 'color')
      .values.find((v: {quantity: number}) => v.quantity > 0);
    checkbox(el, 'Cor', color.name).click();
    await settled(el);
    const and = await direct(`brand/${brands[0].value}/brand/${brands[1].value}/color/${color.value}`, {
      query: 'camiseta',
      count: 48,
    });
    expect(and.recordsFiltered).to.equal(color.quantity);
    expect(and.recordsFiltered).to.be.lessThan(or.recordsFiltered);
    expect(names(el)).to.deep.equal(productNames(and));
    // The counts shown are the API's.
    const shown = checkbox(el, 'Cor', color.name)
      .closest('label')!
      .querySelector('.facet-count')!
      .textContent!.replace(/\D/g, '');
    expect(Number(shown)).to.equal(color.quantity);
    await expect(el).to.be.accessible();

    // Clear
    (sr(el).querySelector('[part~="clear"]') as HTMLButtonElement).click();
    await settled(el);
    const all = await direct('', {query: 'camiseta', count: 48});
    expect(names(el)).to.deep.equal(productNames(all));
  });

  it('filters by a typed price range', async () => {
    const el = await mount('category="apparel" show-facets page-size="48"');
    const form = sr(el).querySelector<HTMLFormElement>('.sidebar [part~="price-range"]')!;
    form.querySelector<HTMLInputElement>('[name=min]')!.value = '40';
    form.querySelector<HTMLInputElement>('[name=max]')!.value = '60';
    form.requestSubmit();
    await settled(el);
    const expected = await direct('category-1/apparel/price/40:60', {count: 48});
    expect(names(el)).to.deep.equal(productNames(expected));
    const prices = expected.products.map((p) => p.priceRange.sellingPrice.lowPrice);
    expect(prices.every((p) => p >= 40 && p <= 60)).to.be.true;
  });

  it('sorts with the sort menu', async () => {
    const el = await mount('category="apparel" show-sort page-size="12"');
    const select = sr(el).querySelector<HTMLSelectElement>('[part~="sort"]')!;
    select.value = 'price:asc';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    const expected = await direct('category-1/apparel', {count: 12, sort: 'price:asc'});
    expect(names(el)).to.deep.equal(productNames(expected));
    select.value = 'name:desc';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(names(el)).to.deep.equal(
      productNames(await direct('category-1/apparel', {count: 12, sort: 'name:desc'})),
    );
    await expect(el).to.be.accessible();
  });

  it('numbered pages show the page the API returns', async () => {
    const el = await mount('category="apparel" page-size="8"');
    const nav = sr(el).querySelector('[part~="pagination"]')!;
    expect(nav).to.exist;
    const page2 = [...nav.querySelectorAll<HTMLButtonElement>('[part~="page-button"]')].find(
      (b) => b.textContent!.trim() === '2',
    )!;
    page2.focus();
    page2.click();
    await settled(el);
    const p2 = await direct('category-1/apparel', {count: 8, page: 2});
    expect(names(el)).to.deep.equal(productNames(p2));
    expect(sr(el).querySelector('[aria-current="page"]')!.textContent!.trim()).to.equal('2');
    // The pressed button went away while the page loaded: focus is on the page's first product, and the
    // status says which page this is.
    await waitUntil(
      () => sr(el).activeElement?.textContent === p2.products[0]!.productName,
      'focus on the first product of page 2',
    );
    expect(countText(el)).to.equal(`${p2.recordsFiltered} products, page 2 of ${p2.pagination.count}`);
    await expect(el).to.be.accessible();
  });

  it('load-more appends the next page and moves focus to the first new card', async () => {
    const el = await mount('category="apparel" page-size="6" pagination="load-more"');
    (sr(el).querySelector('[part~="load-more"]') as HTMLButtonElement).click();
    await settled(el);
    const [p1, p2] = await Promise.all([
      direct('category-1/apparel', {count: 6, page: 1}),
      direct('category-1/apparel', {count: 6, page: 2}),
    ]);
    expect(names(el)).to.deep.equal([...productNames(p1), ...productNames(p2)]);
    expect(sr(el).querySelector('.showing')!.textContent).to.equal(`Showing 12 of ${p1.recordsFiltered}`);
    await waitUntil(
      () => sr(el).activeElement?.textContent === p2.products[0]!.productName,
      'focus on first new card',
    );
    await expect(el).to.be.accessible();
  });

  it('load-more keeps the shown cards and builds a large page in batches, with skeletons holding the places', async () => {
    const el = await mount('page-size="60" pagination="load-more"');
    expect(sr(el).querySelectorAll('[part~="card"]').length).to.equal(60);
    // Every DOM change from the click on: the cards already shown never go away, and cards plus placeholders
    // never drop below the size of the list (no collapse, no layout shift).
    const seen: {cards: number; skeletons: number}[] = [];
    const observer = new MutationObserver(() =>
      seen.push({
        cards: sr(el).querySelectorAll('[part~="card"]').length,
        skeletons: sr(el).querySelectorAll('[part~="skeleton"]').length,
      }),
    );
    observer.observe(sr(el), {childList: true, subtree: true});
    (sr(el).querySelector('[part~="load-more"]') as HTMLButtonElement).click();
    await settled(el);
    observer.disconnect();
    const [p1, p2] = await Promise.all([direct('', {count: 60, page: 1}), direct('', {count: 60, page: 2})]);
    expect(names(el)).to.deep.equal([...productNames(p1), ...productNames(p2)]);
    expect(Math.min(...seen.map((s) => s.cards)), 'shown cards were removed').to.equal(60);
    expect(
      seen.some((s) => s.cards > 60 && s.cards < 120 && s.cards + s.skeletons === 120),
      'the new page appeared in batches in place of its skeletons',
    ).to.be.true;
    expect(sr(el).querySelectorAll('[part~="skeleton"]').length).to.equal(0);
  });

  it('a failed load-more keeps the shown cards, says so where the button was, and retries', async () => {
    // A page size no other test uses: search responses are cacheable, and a cached page would not meet the fault.
    const el = await mount('category="apparel" page-size="5" pagination="load-more"');
    const first = names(el);
    expect(first).to.have.length(5);
    await setFaults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search/v1/product-search'});
    const errorEvent = oneEvent(el, 'vtex-error');
    (sr(el).querySelector('[part~="load-more"]') as HTMLButtonElement).focus();
    (sr(el).querySelector('[part~="load-more"]') as HTMLButtonElement).click();
    expect((await errorEvent).detail.operation).to.equal('search');
    await settled(el);
    expect(names(el), 'the shown cards stay').to.deep.equal(first);
    const bar = sr(el).querySelector('.more-bar')!;
    expect(bar.querySelector('[role="alert"]')!.textContent).to.include('Something went wrong');
    const retry = bar.querySelector<HTMLButtonElement>('.retry')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(sr(el).activeElement, 'focus moves to the retry').to.equal(retry);
    expect(countText(el)).to.match(/\d+ products/);
    await expect(el).to.be.accessible();
    await clearFaults();
    retry.click();
    await settled(el);
    const p2 = await direct('category-1/apparel', {count: 5, page: 2});
    expect(names(el)).to.deep.equal([...first, ...productNames(p2)]);
    expect(sr(el).querySelector('.more-bar [role="alert"]')).to.be.null;
  });

  it('takes over the search and facets it started while its tag waited for the language pack', async () => {
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
    );
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new URL(String(input), location.href).pathname);
      return original(input, init);
    };
    let el: VtexProductGrid;
    try {
      el = document.createElement('vtex-product-grid');
      el.setAttribute('query', 'camiseta');
      // A page size no other test uses (responses are cacheable; the skeleton test needs its own to be slow).
      el.setAttribute('page-size', '2');
      el.setAttribute('show-facets', '');
      root.querySelector('vtex-store')!.append(el);
      // What defineElement does for a tag in the page while its pack loads (the element has not rendered yet).
      (el.constructor as typeof VtexProductGrid).prefetch(el);
      expect(requests, 'started at once').to.deep.equal([`${IS}/product-search/`, `${IS}/facets/`]);
      await settled(el);
    } finally {
      window.fetch = original;
    }
    expect(requests, 'each asked once').to.deep.equal([`${IS}/product-search/`, `${IS}/facets/`]);
    expect(names(el)).to.deep.equal(productNames(await direct('', {query: 'camiseta', count: 2})));
    expect(sr(el).querySelector('[part~="facet"]'), 'facets from the started request').to.exist;
  });

  it('the search started early asks what the element asks, whatever its attributes and URL', async () => {
    const cases: {attrs: Record<string, string>; url?: string}[] = [
      {attrs: {category: 'apparel/shirts', brand: 'acme, zeta', collection: '137', facets: 'color/azul'}},
      {attrs: {query: ' tênis ', sort: 'price:asc', 'page-size': '7', page: '2'}},
      {
        attrs: {'sync-url': '', query: 'ignored', 'page-size': '500'},
        url: '?q=camisa&fq=brand/acme&sort=name:asc&page=3',
      },
      {attrs: {'sync-url': '', sort: 'orders:desc', 'page-size': 'abc'}, url: '?fq=category-1/apparel'},
    ];
    const before = location.href;
    const original = window.fetch;
    try {
      for (const c of cases) {
        if (c.url) history.replaceState(null, '', c.url);
        const root = await fixture<HTMLElement>(
          `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
        );
        const searches: string[] = [];
        window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          if (String(input).includes('/product-search/')) searches.push(String(input));
          return original(input, init);
        };
        const el = document.createElement('vtex-product-grid');
        for (const [k, v] of Object.entries(c.attrs)) el.setAttribute(k, v);
        root.querySelector('vtex-store')!.append(el);
        (el.constructor as typeof VtexProductGrid).prefetch(el);
        await settled(el);
        window.fetch = original;
        expect(searches, JSON.stringify(c)).to.have.length(1);
        history.replaceState(null, '', before);
      }
    } finally {
      window.fetch = original;
      history.replaceState(null, '', before);
    }
  });

  it('infinite scroll loads the next page when the end comes into view', async () => {
    const el = await mount('category="apparel" page-size="4" pagination="infinite"');
    const [p1, p2] = await Promise.all([
      direct('category-1/apparel', {count: 4, page: 1}),
      direct('category-1/apparel', {count: 4, page: 2}),
    ]);
    sr(el).querySelector('.sentinel')!.scrollIntoView();
    await waitUntil(() => names(el).length >= 8, 'second page did not load', {timeout: 10_000});
    await settled(el);
    expect(names(el).slice(0, 8)).to.deep.equal([...productNames(p1), ...productNames(p2)]);
  });

  it('shows skeletons of the card size while loading', async () => {
    await setFaults({latencyMs: 600, routes: '/api/intelligent-search'});
    const root = await fixture<HTMLElement>(
      `<div style="width: 900px"><vtex-store api="" account="sandbox" locale="en"><vtex-product-grid query="camiseta" columns="3" page-size="3"></vtex-product-grid></vtex-store></div>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    await waitUntil(() => sr(el).querySelector('[part~="skeleton"]'), 'no skeleton');
    const skeletonBox = sr(el).querySelector('[part~="skeleton"]')!.getBoundingClientRect();
    await expect(el).to.be.accessible();
    await settled(el);
    const cardBox = sr(el).querySelector('[part~="card"]')!.getBoundingClientRect();
    expect(Math.abs(cardBox.height - skeletonBox.height)).to.be.lessThan(2);
    expect(Math.abs(cardBox.width - skeletonBox.width)).to.be.lessThan(1);
  });

  it('columns without a style attribute (strict CSP), and a loading grid the size of the loaded one', async () => {
    await setFaults({latencyMs: 600, routes: '/api/intelligent-search'});
    const root = await fixture<HTMLElement>(
      `<div style="width: 1000px"><vtex-store api="" account="sandbox" locale="en"><vtex-product-grid query="camiseta" columns="3" page-size="6" show-facets></vtex-product-grid></vtex-store></div>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    await waitUntil(() => sr(el).querySelector('[part~="skeleton"]'), 'no skeleton');
    const grid = () => sr(el).querySelector<HTMLElement>('[part~="grid"]')!;
    expect(sr(el).querySelectorAll('[part~="skeleton"]').length, 'one placeholder per card').to.equal(6);
    expect(sr(el).querySelector('[part~="facets"]'), 'the sidebar column is there while loading').to.exist;
    const loading = grid().getBoundingClientRect();
    await settled(el);
    expect(sr(el).querySelectorAll('[part~="card"]').length).to.equal(6);
    const loaded = grid().getBoundingClientRect();
    expect(sr(el).querySelectorAll('[style]').length, 'no style attribute in the shadow DOM').to.equal(0);
    expect(getComputedStyle(grid()).gridTemplateColumns.split(' ')).to.have.length(3);
    for (const k of ['x', 'width', 'height'] as const)
      expect(Math.abs(loaded[k] - loading[k]), k).to.be.lessThan(2);
  });

  it('malformed attributes fall back to their defaults, with a console warning, never a failing search', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const first = productNames(await direct('category-1/apparel', {count: 24, page: 1}));
      const bogus = await mount('category="apparel" sort="bogus" page="abc" pagination="foo" page-size="-5"');
      expect(names(bogus), 'relevance, page 1, 24 per page').to.deep.equal(first);
      expect(
        sr(bogus).querySelector('[part~="pagination"] [aria-current="page"]')!.textContent!.trim(),
      ).to.equal('1');
      expect(warnings.join('\n'))
        .to.include('sort="bogus"')
        .and.include('page="NaN"')
        .and.include('pagination="foo"');
      const negative = await mount('category="apparel" page="-2" columns="1e9"');
      expect(names(negative)).to.deep.equal(first);
      expect(
        getComputedStyle(sr(negative).querySelector('.grid')!).gridTemplateColumns.split(' '),
      ).to.have.length(12);
    } finally {
      console.warn = warn;
    }
  });

  it('names each card at the heading level the page needs (heading-level, default 2): no gap after the page h1', async () => {
    const root = await fixture<HTMLElement>(
      `<main><h1>Apparel</h1><vtex-store api="" account="sandbox" locale="en"><vtex-product-grid category="apparel" page-size="2"></vtex-product-grid></vtex-store></main>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    await settled(el);
    const levels = () =>
      [...sr(el).querySelectorAll('[part~="card-name"]')].map(
        (n) => `${n.getAttribute('role')} ${n.getAttribute('aria-level')}`,
      );
    expect(levels()).to.deep.equal(['heading 2', 'heading 2']);
    await expect(root).to.be.accessible(); // axe's heading-order: h1 → a card's h2
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect(levels()).to.deep.equal(['heading 3', 'heading 3']);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(levels()).to.deep.equal(['heading 2', 'heading 2']);
    expect(warnings.join('\n')).to.include('headingLevel="9"');
  });

  it('a page past the last one says so and offers the first page', async () => {
    const el = await mount('category="apparel" page="999"');
    const empty = sr(el).querySelector('[part~="empty"]')!;
    expect(empty.textContent).to.include('There are no products on this page.');
    empty.querySelector('button')!.click();
    await settled(el);
    expect(names(el)).to.deep.equal(productNames(await direct('category-1/apparel', {count: 24, page: 1})));
  });

  it('shows an empty state naming the query', async () => {
    const el = await mount('query="xyzzyplugh"');
    expect(sr(el).querySelector('[part~="empty"]')!.textContent).to.include('No products for “xyzzyplugh”');
    await expect(el).to.be.accessible();
  });

  it('shows an error with retry, and vtex-error', async () => {
    await setFaults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search/v1/product-search'});
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
    );
    const store = root.querySelector('vtex-store')!;
    const el = document.createElement('vtex-product-grid');
    el.query = 'camiseta';
    const errorEvent = oneEvent(el, 'vtex-error');
    store.append(el);
    const ev = await errorEvent;
    expect(ev.bubbles && ev.composed).to.be.true;
    expect(ev.detail.operation).to.equal('search');
    expect(ev.detail.error.status).to.equal(500);
    await settled(el);
    const error = sr(el).querySelector('[part~="error"]')!;
    expect(error.textContent).to.include('Something went wrong');
    await expect(el).to.be.accessible();
    await clearFaults();
    error.querySelector('button')!.click();
    await settled(el);
    expect(names(el).length).to.be.greaterThan(0);
  });

  it('offers "Skip to results" before the filters: Tab reaches it first, Enter lands on the first product', async () => {
    const root = await fixture<HTMLElement>(
      `<div><button>before</button><vtex-store api="" account="sandbox" locale="pt-BR"><vtex-product-grid query="camiseta" show-facets page-size="6"></vtex-product-grid></vtex-store></div>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    await settled(el);
    await waitUntil(() => sr(el).querySelector('[part~="facets"] input'), 'filters', {timeout: 15_000});
    root.querySelector('button')!.focus();
    await sendKeys({press: 'Tab'});
    const skip = sr(el).activeElement as HTMLAnchorElement;
    expect(skip.getAttribute('part')).to.equal('skip-link');
    expect(skip.textContent!.trim()).to.equal('Ir para os resultados');
    expect(skip.getBoundingClientRect().width, 'visible while focused').to.be.greaterThan(20);
    await sendKeys({press: 'Enter'});
    const first = sr(el).querySelector('[part~="card"] a');
    expect(sr(el).activeElement).to.equal(first);
    await expect(el).to.be.accessible();
  });

  it('shows two cards a row on a phone-wide page (390 px)', async () => {
    const root = await fixture<HTMLElement>(
      `<div style="width: 390px"><vtex-store api="" account="sandbox" locale="en"><vtex-product-grid query="camiseta" page-size="4"></vtex-product-grid></vtex-store></div>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    await settled(el);
    const cards = [...sr(el).querySelectorAll<HTMLElement>('[part~="card"]')];
    expect(cards.length).to.equal(4);
    const tops = cards.map((c) => Math.round(c.getBoundingClientRect().top));
    expect(tops[0]).to.equal(tops[1]);
    expect(tops[2]).to.be.greaterThan(tops[1]!);
    expect(cards[0]!.getBoundingClientRect().width).to.be.lessThan(195);
  });

  it('when search and filters both fail, shows one error and one retry, which brings both back', async () => {
    await setFaults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search/v1'});
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"></vtex-store></div>`,
    );
    const el = document.createElement('vtex-product-grid');
    el.query = 'cafe'; // a search no other test here makes: nothing in the HTTP cache
    el.showFacets = true;
    root.querySelector('vtex-store')!.append(el);
    await waitUntil(() => sr(el).querySelector('[part~="error"]'), 'the search failed', {timeout: 15_000});
    await waitUntil(() => !sr(el).querySelector('.facet-skeleton'), 'the filters failed too', {
      timeout: 15_000,
    });
    await el.updateComplete;
    const retries = [...sr(el).querySelectorAll('button')].filter(
      (b) => b.textContent!.trim() === 'Try again',
    );
    expect(retries.length, 'one "Try again"').to.equal(1);
    expect(sr(el).querySelectorAll('.error-text').length, 'one error').to.equal(1);
    await clearFaults();
    retries[0]!.click();
    await settled(el);
    expect(names(el).length).to.be.greaterThan(0);
    await waitUntil(() => sr(el).querySelector('[part~="facets"] input'), 'the filters came back', {
      timeout: 15_000,
    });
  });

  it('adds a card SKU to the shared cart with one request; another consumer sees it', async () => {
    await freshCart();
    const el = await mount('query="product:1" page-size="1"');
    const counter = el.parentElement!.querySelector('test-cart-counter')!;
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return original(input, init);
    };
    try {
      const card = sr(el).querySelector('[part~="card"]')!;
      // Choose the colour Preto on the card: the SKU added must be the first available Preto one.
      const preto = [...card.querySelectorAll<HTMLButtonElement>('[part~="swatch"]')].find((b) =>
        b.textContent!.trim().startsWith('Preto'),
      )!;
      preto.click();
      await el.updateComplete;
      expect(preto.getAttribute('aria-pressed')).to.equal('true');
      const button = card.querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!;
      const added = oneEvent(el, 'vtex-item-added');
      button.click();
      await el.updateComplete;
      expect(button.textContent).to.include('Adding…');
      const ev = await added;
      expect(ev.bubbles && ev.composed).to.be.true;
      expect(ev.detail.item).to.deep.equal({id: '102', quantity: 1, seller: '1'});
      expect(ev.detail.orderForm.itemCount).to.equal(1);
      await el.updateComplete;
      expect(card.querySelector('[part~="card-status"]')!.textContent!.trim()).to.equal('Added to cart');
      const itemRequests = requests.filter((r) => r.startsWith('POST') && r.includes('/items'));
      expect(itemRequests.length).to.equal(1);
      await waitUntil(() => counter.shadowRoot!.textContent === '1', 'second consumer did not see the item');
      const server = await serverCart();
      expect(server.items.map((i) => [i.id, i.quantity])).to.deep.equal([['102', 1]]);
      // The note goes after a few seconds (the cart button keeps the count).
      const note = () => card.querySelector('[part~="card-status"]')!.textContent!.trim();
      await waitUntil(() => note() === '', '"Added to cart" goes', {timeout: 8000});
      expect(counter.shadowRoot!.textContent).to.equal('1');
    } finally {
      window.fetch = original;
    }
  });

  it('says "not added" when the cart already holds all the stock, and fires no vtex-item-added', async () => {
    await freshCart();
    const {product, sku, stock} = await singleSkuProduct();
    await putInCart(sku, stock);
    const el = await mount(`query="product:${product.productId}" page-size="1"`);
    const events: unknown[] = [];
    el.addEventListener('vtex-item-added', (e) => events.push(e));
    sr(el).querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!.click();
    const status = () => sr(el).querySelector('[part~="card-status"]')!.textContent!.trim();
    await waitUntil(() => status(), 'add did not finish', {timeout: 10_000});
    expect(status()).to.equal('Not added: your cart already holds all the stock there is.');
    expect(events).to.have.length(0);
    expect((await serverCart()).items.find((i) => i.id === sku.itemId)!.quantity).to.equal(stock);
  });

  it('a card whose add waits more than 4 s says it is still trying, then that it was added', async () => {
    await freshCart();
    const {product} = await singleSkuProduct();
    const el = await mount(`query="product:${product.productId}" page-size="1"`);
    await setFaults({latencyMs: 5500, routes: '/api/checkout/pub/orderForm/*/items', methods: ['POST']});
    sr(el).querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!.click();
    const status = () => sr(el).querySelector('[part~="card-status"]')!.textContent!.trim();
    await el.updateComplete;
    expect(status(), 'not at once').to.equal('');
    await waitUntil(() => status(), 'still trying after 4 s', {timeout: 5400});
    expect(status()).to.equal('Still trying… the store is slow to answer.');
    await waitUntil(() => status() !== 'Still trying… the store is slow to answer.', 'answered', {
      timeout: 8000,
    });
    expect(status()).to.equal('Added to cart');
  });

  it('shows out-of-stock products with a disabled button', async () => {
    const el = await mount('query="product:3" page-size="1"');
    const card = sr(el).querySelector('[part~="card"]')!;
    expect(card.querySelector('[part~="out-of-stock"]')!.textContent).to.equal('Out of stock');
    expect(card.querySelector<HTMLButtonElement>('[part~="add-to-cart"]')!.disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('fires a cancelable vtex-product-selected when a card is clicked', async () => {
    const el = await mount('query="product:1" page-size="1" product-url="/p/{slug}?id={id}"');
    const link = sr(el).querySelector<HTMLAnchorElement>('[part~="card-link"]')!;
    expect(link.getAttribute('href')).to.equal('/p/camiseta-basica-algodao?id=1');
    const before = location.href;
    let ev: GlobalEventHandlersEventMap['vtex-product-selected'] | undefined;
    el.addEventListener('vtex-product-selected', (e) => {
      ev = e;
      e.preventDefault();
    });
    link.click();
    expect(ev, 'event').to.exist;
    expect(ev!.cancelable && ev!.bubbles && ev!.composed).to.be.true;
    expect(ev!.detail.product).to.deep.equal({
      id: '1',
      slug: 'camiseta-basica-algodao',
      name: 'Camiseta Básica Algodão',
    });
    expect(ev!.detail.url).to.equal('/p/camiseta-basica-algodao?id=1');
    expect(location.href).to.equal(before);
  });

  it('mirrors state to the URL with sync-url and follows back/forward', async () => {
    const start = location.href;
    try {
      const el = await mount('query="camiseta" show-sort sync-url page-size="6"');
      const select = sr(el).querySelector<HTMLSelectElement>('[part~="sort"]')!;
      select.value = 'price:desc';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(new URL(location.href).searchParams.get('sort')).to.equal('price:desc');
      expect(new URL(location.href).searchParams.get('q')).to.equal('camiseta');
      const sorted = names(el);
      select.value = 'name:asc';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      history.back();
      await waitUntil(() => el.sort === 'price:desc', 'popstate not applied');
      await settled(el);
      expect(names(el)).to.deep.equal(sorted);
      expect(select.value).to.equal('price:desc');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('does not touch the URL without sync-url', async () => {
    const before = location.href;
    const el = await mount('query="camiseta" show-sort page-size="6"');
    const select = sr(el).querySelector<HTMLSelectElement>('[part~="sort"]')!;
    select.value = 'price:desc';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(location.href).to.equal(before);
  });

  it('opens a filter drawer on narrow widths', async () => {
    const root = await fixture<HTMLElement>(
      `<div style="width: 360px"><vtex-store api="" account="sandbox" locale="en"><vtex-product-grid query="camiseta" show-facets page-size="4"></vtex-product-grid></vtex-store></div>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    await settled(el);
    expect(getComputedStyle(sr(el).querySelector('.sidebar')!).display).to.equal('none');
    const button = sr(el).querySelector<HTMLButtonElement>('[part~="filters-button"]')!;
    expect(getComputedStyle(button).display).to.not.equal('none');
    button.click();
    await el.updateComplete;
    const dialog = sr(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.querySelectorAll('[part~="facet"]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    // The modal drawer makes the toolbar's count inert: the drawer says the count itself after a filter.
    const showResults = dialog.querySelector<HTMLButtonElement>('.show-results')!;
    const total = (await direct('', {query: 'camiseta', count: 4})).recordsFiltered;
    expect(showResults.textContent!.trim()).to.equal(`Show results (${total})`);
    dialog.querySelector<HTMLInputElement>('[part~="facet-value"] input')!.click();
    await settled(el);
    const status = dialog.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.match(/^\d+ products?$/);
    expect(showResults.textContent!.trim()).to.equal(
      `Show results (${parseInt(status.textContent!.trim())})`,
    );
    expect(Number(parseInt(status.textContent!.trim()))).to.be.lessThan(total);
    showResults.click();
    await el.updateComplete;
    expect(dialog.open).to.be.false;
  });

  it('keyboard only: filter with Space and add to cart with Enter', async () => {
    await freshCart();
    const el = await mount('query="camiseta" show-facets page-size="4"');
    const facets = await (await fetch(`${IS}/facets/?query=camiseta`)).json();
    const brand = facets.facets.find((f: {key: string}) => f.key === 'brand').values[0];
    const box = checkbox(el, 'Marca', brand.name);
    box.focus();
    await sendKeys({press: 'Space'});
    await settled(el);
    expect(names(el)).to.deep.equal(
      productNames(await direct(`brand/${brand.value}`, {query: 'camiseta', count: 4})),
    );
    // Tab from the checkbox until an enabled add-to-cart button has focus.
    let focused: Element | null = null;
    for (let i = 0; i < 80; i++) {
      await sendKeys({press: 'Tab'});
      focused = sr(el).activeElement;
      if (focused?.matches('[part~="add-to-cart"]')) break;
    }
    expect(focused?.matches('[part~="add-to-cart"]')).to.be.true;
    const added = oneEvent(el, 'vtex-item-added');
    await sendKeys({press: 'Enter'});
    const ev = await added;
    const server = await serverCart();
    expect(server.items.map((i) => i.id)).to.deep.equal([ev.detail.item.id]);
  });

  it('speaks pt-BR', async () => {
    const el = await mount('query="product:1" page-size="1" locale="pt-BR"');
    // The pt-BR pack loads on demand, in parallel with the search.
    await waitUntil(
      () => sr(el).querySelector('[part~="add-to-cart"]')?.textContent?.includes('Adicionar ao carrinho'),
      'pt-BR text',
    );
    expect(sr(el).querySelector('[part~="selling-price"]')!.textContent).to.include('R$');
    expect(sr(el).querySelector('[part~="selling-price"]')!.textContent).to.include('59,90');
  });
});
