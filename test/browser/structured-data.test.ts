/**
 * `<vtex-product>` and `<vtex-product-grid>` write schema.org JSON-LD into the light DOM right after themselves:
 * one script, current with what the shopper sees, gone with the element, off on request, and safe when a product
 * name holds `</script><script>` (also after the page is serialized and parsed again, as a crawler or a cache would).
 */
import {expect, fixture, waitUntil} from '@open-wc/testing';
import type {ISProduct} from '../../src/client/types.js';
import '../../src/elements/store/define.js';
import '../../src/elements/product/define.js';
import '../../src/elements/product-grid/define.js';

const IS = '/api/intelligent-search/v1';
const SELECTOR = 'script[type="application/ld+json"]';
type Ld = Record<string, any>;

async function mount(html: string): Promise<HTMLElement> {
  return fixture<HTMLElement>(
    `<div><vtex-store api="" account="sandbox" locale="en">${html}</vtex-store></div>`,
  );
}

/** The JSON-LD script right after `el`, once it is there. */
async function jsonLdAfter(el: Element, what = 'JSON-LD'): Promise<Ld> {
  await waitUntil(() => el.nextElementSibling?.matches(SELECTOR), `${what} after ${el.localName}`, {
    timeout: 10_000,
  });
  return JSON.parse(el.nextElementSibling!.textContent!) as Ld;
}

const scripts = (root: ParentNode) => root.querySelectorAll(SELECTOR);

/**
 * Products no other test loads (search answers are HTTP-cacheable for 60 s: a product another test fetched under
 * a fault would come from the cache here, and the other way round).
 */
async function otherProducts(n: number): Promise<ISProduct[]> {
  const r = await fetch(`${IS}/product-search/?count=50&page=9`);
  return ((await r.json()) as {products: ISProduct[]}).products.slice(0, n);
}

/** The first `n` products of the grid's default search (what a grid with `page-size` shows). */
async function firstProducts(n: number): Promise<ISProduct[]> {
  const r = await fetch(`${IS}/product-search/?count=${n}`);
  return ((await r.json()) as {products: ISProduct[]}).products;
}

describe('structured data: <vtex-product>', () => {
  it('writes one schema.org Product next to itself, current with the SKU chosen, removed on disconnect', async () => {
    const [first, second] = await otherProducts(2);
    const root = await mount(`<vtex-product slug="${first!.linkText}"></vtex-product>`);
    const el = root.querySelector('vtex-product')!;
    let ld = await jsonLdAfter(el);
    expect(ld['@context']).to.equal('https://schema.org');
    expect(ld['@type']).to.equal('Product');
    expect(ld.name).to.equal(first!.productName);
    expect(ld.offers.priceCurrency).to.equal('BRL');
    expect(ld.offers.url).to.equal(location.href.split('#')[0]);
    expect(ld.offers.price).to.be.above(0);
    expect(ld.brand.name).to.equal(first!.brand);
    expect(scripts(root)).to.have.length(1);

    // Another SKU chosen: sku and price follow it.
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]:not(:checked)')];
    const other = radios.find((r) => !r.disabled);
    if (other) {
      const before = ld.sku;
      other.click();
      await waitUntil(() => JSON.parse(el.nextElementSibling!.textContent!).sku !== before, 'sku followed');
      ld = JSON.parse(el.nextElementSibling!.textContent!);
      const sku = first!.items.find((s) => s.itemId === ld.sku)!;
      expect(sku, 'sku is one of the product').to.exist;
    }

    // Another product: the same script now describes it.
    el.setAttribute('slug', second!.linkText);
    await waitUntil(
      () => JSON.parse(el.nextElementSibling?.textContent || '{}').name === second!.productName,
    );
    expect(scripts(root)).to.have.length(1);

    el.remove();
    expect(scripts(root), 'removed with the element').to.have.length(0);
    root.querySelector('vtex-store')!.append(el);
    expect((await jsonLdAfter(el, 'JSON-LD again')).name).to.equal(second!.productName);
    expect(scripts(root)).to.have.length(1);
  });

  it('structured-data="off" writes nothing; turning it on writes it', async () => {
    const [, , first] = await otherProducts(3);
    const root = await mount(`<vtex-product slug="${first!.linkText}" structured-data="off"></vtex-product>`);
    const el = root.querySelector('vtex-product')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="name"]'), 'loaded', {timeout: 10_000});
    await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    expect(scripts(root)).to.have.length(0);
    el.setAttribute('structured-data', 'on');
    expect((await jsonLdAfter(el)).name).to.equal(first!.productName);
    el.setAttribute('structured-data', 'off');
    await waitUntil(() => scripts(root).length === 0, 'removed when turned off');
  });

  it('a product named </script><script>… cannot close the script, even once the page is serialized again', async () => {
    const [, , , first] = await otherProducts(4);
    const hostile = `</script><script>window.__pwned = 1</script><!-- "x" & y`;
    const real = window.fetch;
    window.fetch = async (input, init) => {
      const reply = await real(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('/products?')) return reply;
      const body = (await reply.json()) as ISProduct;
      return new Response(JSON.stringify({...body, productName: hostile}), {
        status: reply.status,
        headers: {'Content-Type': 'application/json'},
      });
    };
    try {
      const root = await mount(`<vtex-product slug="${first!.linkText}"></vtex-product>`);
      const el = root.querySelector('vtex-product')!;
      const ld = await jsonLdAfter(el);
      expect(ld.name).to.equal(hostile);
      const text = el.nextElementSibling!.textContent!;
      expect(text).not.to.include('</script');
      expect(text).not.to.include('<!--');

      // Serialized (view-source, a prerender cache, an SSR snapshot) and parsed again: still one script, same data.
      const reparsed = new DOMParser().parseFromString(`<body>${root.outerHTML}</body>`, 'text/html');
      const again = scripts(reparsed);
      expect(again).to.have.length(1);
      expect(JSON.parse(again[0]!.textContent!).name).to.equal(hostile);
      expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
    } finally {
      window.fetch = real;
    }
  });
});

describe('structured data: <vtex-product-grid>', () => {
  it('writes an ItemList of the products shown, at their positions, kept current across pages', async () => {
    // Page sizes no other test uses (cached answers, as above).
    const expected = await firstProducts(18);
    const root = await mount(`<vtex-product-grid page-size="9"></vtex-product-grid>`);
    const el = root.querySelector('vtex-product-grid')!;
    let ld = await jsonLdAfter(el);
    expect(ld['@type']).to.equal('ItemList');
    expect(ld.itemListElement.map((e: Ld) => e.position)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ld.itemListElement.map((e: Ld) => e.item.name)).to.deep.equal(
      expected.slice(0, 9).map((p) => p.productName),
    );
    const first = ld.itemListElement[0].item;
    expect(first.url).to.equal(new URL(`?product=${expected[0]!.linkText}`, document.baseURI).href);
    expect(first.offers.price).to.be.above(0);
    for (const src of first.image) expect(src).to.match(/^https?:\/\//);

    el.setAttribute('page', '2');
    await waitUntil(
      () => JSON.parse(el.nextElementSibling?.textContent || '{}').itemListElement?.[0].position === 10,
      'page 2 in the list',
      {timeout: 10_000},
    );
    ld = JSON.parse(el.nextElementSibling!.textContent!);
    expect(ld.itemListElement.map((e: Ld) => e.item.name)).to.deep.equal(
      expected.slice(9, 18).map((p) => p.productName),
    );
    expect(scripts(root)).to.have.length(1);

    el.remove();
    expect(scripts(root)).to.have.length(0);
  });

  it('structured-data="off" writes nothing', async () => {
    const root = await mount(`<vtex-product-grid page-size="11" structured-data="off"></vtex-product-grid>`);
    const el = root.querySelector('vtex-product-grid')!;
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="card"]').length === 11, 'cards', {
      timeout: 10_000,
    });
    expect(scripts(root)).to.have.length(0);
  });

  it('is the product page URL of each card (the product-url template)', async () => {
    const [p] = await firstProducts(18);
    const root = await mount(
      `<vtex-product-grid page-size="13" product-url="/produtos/{slug}/p"></vtex-product-grid>`,
    );
    const el = root.querySelector('vtex-product-grid')!;
    const ld = await jsonLdAfter(el);
    expect(ld.itemListElement[0].item.url).to.equal(
      new URL(`/produtos/${p!.linkText}/p`, location.href).href,
    );
    expect(p!.productName).to.equal(ld.itemListElement[0].item.name);
  });
});
