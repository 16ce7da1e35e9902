/**
 * Issue 21: the requests a production headless VTEX client sends (search, product pages, collections,
 * cart validation, session), each answered by the sandbox the way VTEX answers it.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createSandbox} from '../../src/sandbox/index.js';
import {Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';

const OF = '/api/checkout/pub/orderForm';
const PUB = '/api/catalog_system/pub';
const IS = '/api/intelligent-search/v1';

function shopper() {
  return new Shopper(createSandbox());
}

describe('sandbox fidelity: orderForm by POST', () => {
  it('POST /orderForm with {} gets or creates the cart, like GET', async () => {
    const s = shopper();
    const created = await s.body('POST', OF, {});
    assert.equal(created.status, 200);
    assert.match(created.body.orderFormId, /^[0-9a-f]{32}$/);
    const again = await s.body('POST', OF, {});
    assert.equal(again.body.orderFormId, created.body.orderFormId, 'the cookie names the same cart');
    const got = await s.body('GET', OF);
    assert.equal(got.body.orderFormId, created.body.orderFormId);
  });

  it('POST /orderForm/{id}?refreshOutdatedData=true answers that cart with its items', async () => {
    const s = shopper();
    const {body} = await s.body('GET', OF);
    const id = body.orderFormId as string;
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '101', quantity: 2, seller: '1'}]});
    const fresh = new Shopper(s.sandbox);
    const r = await fresh.body('POST', `${OF}/${id}?refreshOutdatedData=true&sc=1`, {});
    assert.equal(r.status, 200);
    assert.equal(r.body.orderFormId, id);
    assert.deepEqual(
      r.body.items.map((i: {id: string; quantity: number}) => [i.id, i.quantity]),
      [['101', 2]],
    );
    const unknown = await fresh.body('POST', `${OF}/${'0'.repeat(32)}?refreshOutdatedData=true`, {});
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'ORD002');
  });
});

describe('sandbox fidelity: orderForm customData', () => {
  it('PUT one field, PUT several, DELETE one: the orderForm carries customApps[{id, major, fields}]', async () => {
    const s = shopper();
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    assert.equal((await s.body('GET', `${OF}/${id}`)).body.customData, null);
    let r = await s.body('PUT', `${OF}/${id}/customData/faststore/cartEtag`, {value: 'etag-1'});
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.customData, {
      customApps: [{id: 'faststore', major: 1, fields: {cartEtag: 'etag-1'}}],
    });
    r = await s.body('PUT', `${OF}/${id}/customData/gift`, {message: 'Parabéns!', wrap: 'yes'});
    assert.deepEqual(r.body.customData.customApps[1], {
      id: 'gift',
      major: 1,
      fields: {message: 'Parabéns!', wrap: 'yes'},
    });
    r = await s.body('DELETE', `${OF}/${id}/customData/gift/wrap`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.customData.customApps[1].fields, {message: 'Parabéns!'});
    // The values persist on the cart, not only in the write's reply.
    const later = await s.body('GET', `${OF}/${id}`);
    assert.equal(later.body.customData.customApps[0].fields.cartEtag, 'etag-1');
  });

  it('refuses a value that is not a string, and an unknown cart', async () => {
    const s = shopper();
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    const bad = await s.body('PUT', `${OF}/${id}/customData/app/field`, {value: {nested: true}});
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'CHK0001');
    const gone = await s.body('PUT', `${OF}/${'0'.repeat(32)}/customData/app/field`, {value: 'x'});
    assert.equal(gone.status, 400);
    assert.equal(gone.body.error.code, 'ORD002');
  });
});

describe('sandbox fidelity: unavailable line prices', () => {
  it('a line without stock keeps its unit selling price and is not charged', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    const r = await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '3', quantity: 2, seller: '1'}]});
    const line = r.body.items[0];
    assert.equal(line.availability, 'withoutStock');
    assert.equal(line.price, 5000);
    assert.equal(line.sellingPrice, 5000, 'sellingPrice is the unit selling price, not 0');
    assert.equal(line.priceDefinition.calculatedSellingPrice, 5000);
    assert.equal(line.priceDefinition.total, 0, 'nothing is charged for it');
    assert.equal(r.body.value, 0);
  });
});

describe('sandbox fidelity: catalog_system', () => {
  it('saleschannel/1 describes the store: currency, culture, country, format', async () => {
    const s = new Shopper(
      createSandbox({store: {locale: 'es-AR', currencyCode: 'ARS', currencySymbol: '$'}}),
    );
    const r = await s.body('GET', `${PUB}/saleschannel/1`);
    assert.equal(r.status, 200);
    assert.equal(r.body.Id, 1);
    assert.equal(r.body.CurrencyCode, 'ARS');
    assert.equal(r.body.CurrencySymbol, '$');
    assert.equal(r.body.CultureInfo, 'es-AR');
    assert.equal(r.body.CountryCode, 'BRA');
    assert.equal(r.body.CurrencyFormatInfo.CurrencyDecimalDigits, 2);
    assert.equal(r.body.CurrencyFormatInfo.StartsWithCurrencySymbol, true);
    assert.equal((await s.body('GET', `${PUB}/saleschannel/7`)).status, 404);
  });

  it('brand/list lists every brand of the catalog, active', async () => {
    const r = await shopper().body<{id: number; name: string; isActive: boolean}[]>(
      'GET',
      `${PUB}/brand/list`,
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.length, 16);
    assert.ok(r.body.some((b) => b.name === 'Aurora' && b.isActive && typeof b.id === 'number'));
  });

  it('portal/pagetype names products, departments, categories, brands, full text and not found', async () => {
    const s = shopper();
    const type = async (p: string) => (await s.body('GET', `${PUB}/portal/pagetype/${p}`)).body;
    const product = await type('camiseta-basica-algodao/p');
    assert.deepEqual(
      [product.pageType, product.id, product.name, product.url],
      ['Product', '1', 'Camiseta Básica Algodão', '127.0.0.1/camiseta-basica-algodao/p'],
    );
    assert.equal((await type('apparel')).pageType, 'Department');
    const category = await type('apparel/shirts');
    assert.deepEqual([category.pageType, category.name], ['Category', 'Shirts']);
    assert.equal((await type('apparel/shirts/t-shirts')).pageType, 'SubCategory');
    const brand = await type('aurora');
    assert.deepEqual([brand.pageType, brand.name], ['Brand', 'Aurora']);
    const text = await type('camiseta');
    assert.deepEqual([text.pageType, text.id, text.name], ['FullText', null, 'camiseta']);
    const none = await type('not-a/real-path/at-all/here');
    assert.deepEqual(none, {
      id: null,
      name: null,
      url: null,
      title: null,
      metaTagDescription: null,
      pageType: 'NotFound',
    });
    assert.equal((await type('no-such-product/p')).pageType, 'NotFound');
  });

  it('by-linkid resolves a category (full path or own link id), a brand and a collection; else 404', async () => {
    const s = shopper();
    const get = (p: string) => s.body('GET', `${PUB}/${p}`);
    const category = await get('category/by-linkid/apparel/shirts');
    assert.equal(category.status, 200);
    assert.deepEqual(
      [category.body.name, category.body.linkId, category.body.fatherCategoryId],
      ['Shirts', 'shirts', 1],
    );
    assert.equal((await get('category/by-linkid/Shirts')).body.id, category.body.id, 'case-insensitive');
    assert.equal((await get('category/by-linkid/home/shirts')).status, 404, 'the path must be the real one');
    const brand = await get('brand/by-linkid/aurora');
    assert.deepEqual([brand.status, brand.body.name, brand.body.linkId], [200, 'Aurora', 'aurora']);
    const collection = await get('collection/by-linkid/summer');
    assert.deepEqual([collection.status, collection.body.id, collection.body.name], [200, 137, 'Summer']);
    assert.equal((await get('brand/by-linkid/no-such-brand')).status, 404);
    assert.equal((await get('collection/by-linkid/no-such-collection')).status, 404);
  });
});

describe('sandbox fidelity: Intelligent Search', () => {
  it('catalog-count answers {total} for the same search product-search runs', async () => {
    const s = shopper();
    const count = await s.body('GET', `${IS}/catalog-count/category-1/apparel?query=camiseta`);
    assert.equal(count.status, 200);
    const search = await s.body('GET', `${IS}/product-search/category-1/apparel?query=camiseta&count=1`);
    assert.deepEqual(count.body, {total: search.body.recordsFiltered});
    assert.ok(count.body.total > 0);
  });

  it('product-search honours from/to (0-based, inclusive): page 2 of 12 follows page 1', async () => {
    const s = shopper();
    const first = await s.body('GET', `${IS}/product-search/?from=0&to=11`);
    const second = await s.body('GET', `${IS}/product-search/?from=12&to=23`);
    const byPage = await s.body('GET', `${IS}/product-search/?page=1&count=24`);
    assert.equal(first.body.products.length, 12);
    assert.equal(second.body.products.length, 12);
    const ids = (r: {body: Record<string, any>}) =>
      r.body.products.map((p: {productId: string}) => p.productId);
    assert.deepEqual([...ids(first), ...ids(second)], ids(byPage));
    assert.equal(second.body.pagination.current.index, 2);
    assert.equal(second.body.pagination.perPage, 12);
  });
});

describe('sandbox fidelity: sessions written by POST/PATCH', () => {
  it('POST /api/sessions?items=… answers the requested namespaces plus the tokens', async () => {
    const s = shopper();
    const r = await s.body('POST', '/api/sessions?items=profile.id,store.channel,store.cultureInfo', {});
    assert.equal(r.status, 201);
    assert.equal(typeof r.body.sessionToken, 'string');
    assert.equal(typeof r.body.segmentToken, 'string');
    assert.deepEqual(r.body.namespaces.store, {channel: {value: '1'}, cultureInfo: {value: 'pt-BR'}});
    assert.deepEqual(Object.keys(r.body.namespaces).sort(), ['profile', 'store']);
    const patched = await s.body('PATCH', '/api/sessions?items=public.country', {
      public: {country: {value: 'BRA'}},
    });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.body.namespaces, {public: {country: {value: 'BRA'}}});
    assert.equal(patched.body.id, r.body.id);
  });
});

describe('sandbox fidelity: image URLs are absolute on the origin the sandbox is served from (issue 19)', () => {
  const ORIGIN = 'https://shop.example.com';
  const get = async (sandbox: ReturnType<typeof createSandbox>, path: string, init?: RequestInit) => {
    const res = await sandbox.fetch(new Request(ORIGIN + path, init));
    return (await res.json()) as Record<string, any>;
  };

  it('search, product and legacy catalog answers carry https://{host}/arquivos/ids/… like VTEX', async () => {
    const sandbox = createSandbox();
    const search = await get(sandbox, `${IS}/product-search/?count=2`);
    const image: string = search.products[0].items[0].images[0].imageUrl;
    assert.match(image, /^https:\/\/shop\.example\.com\/arquivos\/ids\/\d+\//);
    const product = await get(sandbox, `${IS}/products?field=id&value=1`);
    assert.match(product.items[0].images[0].imageUrl, /^https:\/\/shop\.example\.com\/arquivos\/ids\//);
    const legacy = await get(sandbox, `${PUB}/products/search/camiseta-basica-algodao/p`);
    assert.match(legacy[0].items[0].images[0].imageUrl, /^https:\/\/shop\.example\.com\/arquivos\/ids\//);
    assert.equal(legacy[0].link, `${ORIGIN}/camiseta-basica-algodao/p`);
    const variations = await get(sandbox, `${PUB}/products/variations/1`);
    assert.match(variations.skus[0].image, /^https:\/\/shop\.example\.com\/arquivos\/ids\//);
    // The URL is one the sandbox serves.
    const svg = await sandbox.fetch(new Request(image));
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('Content-Type') ?? '', /svg/);
  });

  it('orderForm lines and itemMetadata carry absolute image URLs on the same origin', async () => {
    const sandbox = createSandbox();
    const cart = await get(sandbox, OF);
    const r = await get(sandbox, `${OF}/${cart.orderFormId}/items`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({orderItems: [{id: '101', quantity: 1, seller: '1'}]}),
    });
    assert.match(r.items[0].imageUrl, /^https:\/\/shop\.example\.com\/arquivos\/ids\/\d+\//);
    assert.equal(r.itemMetadata.items[0].imageUrl, r.items[0].imageUrl);
  });

  it('a configured baseUrl still wins over the request origin', async () => {
    const sandbox = createSandbox({baseUrl: 'https://cdn.example.net'});
    const search = await get(sandbox, `${IS}/product-search/?count=1`);
    assert.match(
      search.products[0].items[0].images[0].imageUrl,
      /^https:\/\/cdn\.example\.net\/arquivos\/ids\//,
    );
  });
});
