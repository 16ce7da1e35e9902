import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  createCatalog,
  generateSeed,
  ordersOf,
  validateSeed,
  type CatalogSeed,
  type CategoryNode,
  type ISProduct,
} from '../../src/sandbox/catalog/index.js';

const catalog = createCatalog();
const seed = catalog.seed;
const IS = '/api/intelligent-search/v1';

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

async function call(catalogUnderTest: ReturnType<typeof createCatalog>, path: string, method = 'GET') {
  const url = new URL(`http://sandbox.test${path}`);
  return catalogUnderTest.handle(new Request(url, {method}), url);
}

async function get(path: string, c = catalog): Promise<Reply> {
  const res = await call(c, path);
  assert.ok(res, `no response for ${path}`);
  const text = await res.text();
  let body: unknown = undefined;
  if ((res.headers.get('Content-Type') ?? '').includes('json')) body = JSON.parse(text);
  return {status: res.status, headers: res.headers, text, body};
}

interface SearchBody {
  products: ISProduct[];
  recordsFiltered: number;
  pagination: {
    count: number;
    perPage: number;
    current: {index: number};
    next: {index: number};
    previous: {index: number};
    first: {index: number};
    last: {index: number};
    before: {index: number}[];
    after: {index: number}[];
  };
  fuzzy: string;
  operator: string;
  translated: boolean;
  searchId: string;
  options: unknown;
}

async function search(path: string): Promise<SearchBody> {
  const r = await get(path);
  assert.equal(r.status, 200, r.text);
  return r.body as SearchBody;
}

/** Every product id matched by a search, across pages. */
async function allIds(facets: string, params = ''): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const sep = params ? '&' : '';
    const body = await search(`${IS}/product-search/${facets}?${params}${sep}count=100&page=${page}`);
    ids.push(...body.products.map((p) => p.productId));
    if (page >= body.pagination.count) break;
  }
  return ids;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const dept = (p: ISProduct): string =>
  fold((p.categories[p.categories.length - 1] ?? '').split('/')[1] ?? '');
const colors = (p: ISProduct): string[] =>
  p.items.flatMap((i) => i.variations.filter((v) => v.name === 'Cor').flatMap((v) => v.values.map(fold)));
const brandSlug = (p: ISProduct): string => fold(p.brand).replace(/[^a-z0-9]+/g, '-');
const sortIds = (ids: string[]): string[] => [...ids].sort((a, b) => Number(a) - Number(b));
const idsWhere = (pred: (p: ISProduct) => boolean): string[] =>
  sortIds(seed.products.filter(pred).map((p) => p.productId));

function walk(nodes: CategoryNode[], depth = 1, out: {node: CategoryNode; depth: number}[] = []) {
  for (const n of nodes) {
    out.push({node: n, depth});
    walk(n.children, depth + 1, out);
  }
  return out;
}

describe('seed', () => {
  it('has the required size and variety', () => {
    assert.ok(seed.products.length >= 500, `products: ${seed.products.length}`);
    const cats = walk(seed.categories);
    assert.ok(cats.length >= 20, `categories: ${cats.length}`);
    assert.equal(Math.max(...cats.map((c) => c.depth)), 3);
    assert.ok(new Set(seed.products.map((p) => p.brand)).size >= 15);
    const withVariations = seed.products.filter((p) => p.items.some((i) => i.variations.length > 0));
    assert.ok(withVariations.length >= seed.products.length / 3, `with variations: ${withVariations.length}`);
    const offers = seed.products.flatMap((p) => p.items.map((i) => i.sellers[0]!.commertialOffer));
    assert.ok(offers.some((o) => o.AvailableQuantity === 0));
    assert.ok(
      offers.some((o) => o.ListPrice > o.Price),
      'some discounts',
    );
    assert.ok(
      offers.some((o) => o.Installments.some((i) => i.NumberOfInstallments >= 10 && i.InterestRate === 0)),
    );
    assert.ok(seed.products.some((p) => /<ul><li>/.test(p.description) && /<strong>/.test(p.description)));
    assert.ok(seed.products.every((p) => p.specificationGroups.length > 0));
    assert.ok(seed.products.some((p) => p.productClusters.some((c) => c.id === '137')));
    assert.ok(seed.products.some((p) => p.productClusters.some((c) => c.id === '138')));
  });

  it('is deterministic', () => {
    assert.equal(JSON.stringify(generateSeed()), JSON.stringify(generateSeed()));
    assert.notEqual(JSON.stringify(generateSeed(1)), JSON.stringify(generateSeed(2)));
  });

  it('has the documented fixtures', () => {
    const byId = (id: string) => seed.products.find((p) => p.productId === id)!;
    const tshirt = byId('1');
    assert.equal(tshirt.productName, 'Camiseta Básica Algodão');
    assert.equal(tshirt.items.length, 6);
    const oos = tshirt.items.filter((i) => i.sellers[0]!.commertialOffer.AvailableQuantity === 0);
    assert.deepEqual(
      oos.map((i) => i.itemId),
      ['106'],
    );
    assert.deepEqual(
      byId('3').items.map((i) => i.sellers[0]!.commertialOffer.AvailableQuantity),
      [0, 0, 0],
    );
    assert.ok(byId('4').productName.length > 100);
    assert.ok(byId('5').description.includes('<img src=x onerror=alert(1)><script>alert(1)</script>'));
  });
});

describe('Intelligent Search v1 product-search', () => {
  it('is accent- and case-insensitive', async () => {
    const a = await allIds('', 'query=cafe');
    const b = await allIds('', 'query=CAF%C3%89');
    assert.ok(a.includes('2'), 'cafe finds Café Orgânico (id 2)');
    assert.deepEqual(a, b);
    const first = await search(`${IS}/product-search/?query=caf%C3%A9%20org%C3%A2nico`);
    assert.equal(first.products[0]?.productId, '2');
    assert.equal(first.operator, 'and');
  });

  it('ranks name matches before description-only matches', async () => {
    const body = await search(`${IS}/product-search/?query=camiseta&count=5`);
    for (const p of body.products) assert.match(fold(p.productName), /camiseta/);
  });

  it('ORs values of one key and ANDs different keys', async () => {
    const got = sortIds(await allIds('category-1/apparel/color/azul/color/preto'));
    const expected = idsWhere(
      (p) => dept(p) === 'apparel' && colors(p).some((c) => c === 'azul' || c === 'preto'),
    );
    assert.ok(expected.length > 5);
    assert.deepEqual(got, expected);
    const azulOnly = sortIds(await allIds('category-1/apparel/color/azul'));
    assert.ok(azulOnly.length < got.length);
  });

  it('excludes not: values', async () => {
    const got = sortIds(await allIds('category-1/apparel/brand/not:aurora'));
    assert.deepEqual(
      got,
      idsWhere((p) => dept(p) === 'apparel' && brandSlug(p) !== 'aurora'),
    );
    assert.ok(!got.includes('1'));
  });

  it('filters by price range and collection', async () => {
    const got = sortIds(await allIds('price/100:200'));
    assert.deepEqual(
      got,
      idsWhere((p) => p.priceRange.sellingPrice.lowPrice >= 100 && p.priceRange.sellingPrice.lowPrice <= 200),
    );
    const summer = sortIds(await allIds('productClusterIds/137'));
    assert.deepEqual(
      summer,
      idsWhere((p) => p.productClusters.some((c) => c.id === '137')),
    );
  });

  it('sorts by every supported order', async () => {
    const checks: Record<string, (a: ISProduct, b: ISProduct) => boolean> = {
      'price:asc': (a, b) => a.priceRange.sellingPrice.lowPrice <= b.priceRange.sellingPrice.lowPrice,
      'price:desc': (a, b) => a.priceRange.sellingPrice.lowPrice >= b.priceRange.sellingPrice.lowPrice,
      'name:asc': (a, b) => a.productName.localeCompare(b.productName, 'pt-BR', {sensitivity: 'base'}) <= 0,
      'name:desc': (a, b) => a.productName.localeCompare(b.productName, 'pt-BR', {sensitivity: 'base'}) >= 0,
      'release:desc': (a, b) => a.releaseDate >= b.releaseDate,
      'orders:desc': (a, b) => ordersOf(a.productId) >= ordersOf(b.productId),
      'discount:desc': (a, b) => discount(a) >= discount(b),
    };
    for (const [sort, ok] of Object.entries(checks)) {
      const body = await search(`${IS}/product-search/?sort=${sort}&count=100`);
      assert.equal(body.products.length, 100);
      for (let i = 1; i < body.products.length; i++) {
        assert.ok(ok(body.products[i - 1]!, body.products[i]!), `${sort} not sorted at ${i}`);
      }
    }
  });

  it('pages 1-based with consistent pagination fields', async () => {
    const total = seed.products.length;
    const p2 = await search(`${IS}/product-search/?count=10&page=2`);
    assert.equal(p2.recordsFiltered, total);
    assert.equal(p2.pagination.perPage, 10);
    assert.equal(p2.pagination.count, Math.ceil(total / 10));
    assert.equal(p2.pagination.current.index, 2);
    assert.equal(p2.pagination.previous.index, 1);
    assert.equal(p2.pagination.next.index, 3);
    assert.equal(p2.pagination.first.index, 1);
    assert.equal(p2.pagination.last.index, Math.ceil(total / 10));
    assert.deepEqual(p2.pagination.before, [{index: 1}]);
    assert.equal(p2.pagination.after[0]?.index, 3);
    const p1 = await search(`${IS}/product-search/?count=10`);
    assert.equal(p1.pagination.previous.index, 0);
    assert.deepEqual(
      p2.products.map((p) => p.productId),
      seed.products.slice(10, 20).map((p) => p.productId),
    );
    assert.notDeepEqual(p1.products[0]?.productId, p2.products[0]?.productId);
    const last = await search(`${IS}/product-search/?count=10&page=${Math.ceil(total / 10)}`);
    assert.equal(last.pagination.next.index, 0);
    assert.equal(last.products.length, total % 10 || 10);
    const beyond = await search(`${IS}/product-search/?count=10&page=999`);
    assert.equal(beyond.products.length, 0);
  });

  it('defaults count to 24 and clamps it to 100', async () => {
    assert.equal((await search(`${IS}/product-search/`)).products.length, 24);
    const big = await search(`${IS}/product-search/?count=500`);
    assert.equal(big.products.length, 100);
    assert.equal(big.pagination.perPage, 100);
  });

  it('returns the IS v1 envelope with Cache-Control', async () => {
    const r = await get(`${IS}/product-search/?query=camiseta`);
    const body = r.body as Record<string, unknown>;
    for (const key of [
      'products',
      'recordsFiltered',
      'pagination',
      'fuzzy',
      'operator',
      'translated',
      'redirect',
    ]) {
      assert.ok(key in body, key);
    }
    for (const key of ['correction', 'options', 'searchId']) assert.ok(key in body, key);
    assert.match(r.headers.get('Cache-Control') ?? '', /max-age=\d+/);
  });

  it('rejects an unsupported sort with RESOLVER_WARNING', async () => {
    const r = await get(`${IS}/product-search/?sort=popularity`);
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, {
      status: 400,
      code: 'RESOLVER_WARNING',
      name: 'ResolverWarning',
      level: 'warn',
      response: {data: 'Unsupported sort popularity'},
    });
  });

  it('supports ID lookups', async () => {
    const many = await search(`${IS}/product-search/?query=product:2;1`);
    assert.deepEqual(
      many.products.map((p) => p.productId),
      ['2', '1'],
    );
    const bySku = await search(`${IS}/product-search/?query=sku:106`);
    assert.deepEqual(
      bySku.products.map((p) => p.productId),
      ['1'],
    );
    const bySlug = await search(`${IS}/product-search/?query=product.link:camiseta-basica-algodao`);
    assert.equal(bySlug.products[0]?.productId, '1');
  });

  it('hides unavailable items and products on request', async () => {
    const hidden = await search(`${IS}/product-search/?query=product:1;3&hideUnavailableItems=true`);
    assert.deepEqual(
      hidden.products.map((p) => p.productId),
      ['1'],
    );
    assert.equal(hidden.products[0]?.items.length, 5);
    const shown = await search(`${IS}/product-search/?query=product:1;3`);
    assert.equal(shown.products.length, 2);
  });
});

interface FacetsBody {
  facets: {
    key: string;
    type: string;
    values: {
      key: string;
      value: string;
      quantity: number;
      selected: boolean;
      range?: {from: number; to: number};
    }[];
  }[];
  breadcrumb: {name: string; href: string}[];
  queryArgs: {query: string; selectedFacets: {key: string; value: string}[]};
}

describe('Intelligent Search v1 facets', () => {
  it('counts each key with the other keys’ filters applied', async () => {
    const r = await get(`${IS}/facets/brand/aurora/color/azul`);
    assert.equal(r.status, 200);
    const body = r.body as FacetsBody;
    const facet = (key: string) => body.facets.find((f) => f.key === key)!;
    const countOf = (key: string, value: string) =>
      facet(key).values.find((v) => v.value === value)?.quantity ?? 0;
    // brand counts: color filter applied, brand filter not
    const azul = seed.products.filter((p) => colors(p).includes('azul'));
    for (const brand of new Set(azul.map(brandSlug))) {
      assert.equal(countOf('brand', brand), azul.filter((p) => brandSlug(p) === brand).length, brand);
    }
    // color counts: brand filter applied, color filter not
    const aurora = seed.products.filter((p) => brandSlug(p) === 'aurora');
    assert.equal(countOf('color', 'preto'), aurora.filter((p) => colors(p).includes('preto')).length);
    // other keys: both filters
    const both = aurora.filter((p) => colors(p).includes('azul'));
    const deptTotal = facet('category-1').values.reduce((a, v) => a + v.quantity, 0);
    assert.equal(deptTotal, both.length);
    assert.equal(facet('brand').values.find((v) => v.value === 'aurora')?.selected, true);
    assert.equal(facet('brand').values.find((v) => v.value !== 'aurora')?.selected, false);
    assert.deepEqual(body.queryArgs.selectedFacets, [
      {key: 'brand', value: 'aurora'},
      {key: 'color', value: 'azul'},
    ]);
    assert.equal(body.breadcrumb.length, 2);
  });

  it('has a PRICERANGE facet whose counts add up', async () => {
    const body = (await get(`${IS}/facets/category-1/electronics`)).body as FacetsBody;
    const price = body.facets.find((f) => f.type === 'PRICERANGE')!;
    assert.equal(price.key, 'price');
    const electronics = seed.products.filter((p) => dept(p) === 'electronics');
    for (const v of price.values) {
      assert.ok(v.range);
      const expected = electronics.filter(
        (p) =>
          p.priceRange.sellingPrice.lowPrice >= v.range!.from &&
          p.priceRange.sellingPrice.lowPrice <= v.range!.to,
      ).length;
      assert.equal(v.quantity, expected, v.value);
    }
    assert.equal(
      price.values.reduce((a, v) => a + v.quantity, 0),
      electronics.length,
    );
    const cat2 = body.facets.find((f) => f.key === 'category-2')!;
    assert.deepEqual(cat2.values.map((v) => v.value).sort(), ['audio', 'phones', 'tv-video']);
  });

  it('applies the query', async () => {
    const body = (await get(`${IS}/facets/?query=cafe`)).body as FacetsBody;
    assert.equal(body.queryArgs.query, 'cafe');
    const total = body.facets.find((f) => f.key === 'category-1')!.values.reduce((a, v) => a + v.quantity, 0);
    assert.equal(total, (await allIds('', 'query=cafe')).length);
  });
});

describe('Intelligent Search v1 products, autocomplete, helpers', () => {
  it('finds a product by slug, id, sku; 404 and 400 otherwise', async () => {
    const bySlug = await get(`${IS}/products?sc=1&field=slug&value=camiseta-basica-algodao`);
    assert.equal(bySlug.status, 200);
    assert.equal((bySlug.body as ISProduct).productId, '1');
    const byId = await get(`${IS}/products?sc=1&value=2`);
    assert.equal((byId.body as ISProduct).productName, 'Café Orgânico Torrado em Grãos 500g');
    const bySku = await get(`${IS}/products?sc=1&field=sku&value=106`);
    assert.equal((bySku.body as ISProduct).productId, '1');
    assert.equal((await get(`${IS}/products?sc=1&field=slug&value=nope`)).status, 404);
    const missing = await get(`${IS}/products?sc=1&field=id`);
    assert.equal(missing.status, 400);
    assert.equal((missing.body as {code: string}).code, 'RESOLVER_WARNING');
    assert.equal((await get(`${IS}/products?field=color&value=1`)).status, 400);
  });

  it('suggests autocomplete terms', async () => {
    const r = await get(`${IS}/autocomplete-suggestions?query=cami`);
    const body = r.body as {searches: {term: string; count: number; attributes?: unknown[]}[]};
    assert.ok(body.searches.length > 0);
    for (const s of body.searches) {
      assert.ok(
        s.term.split(/\s+/).some((w) => fold(w).startsWith('cami')),
        s.term,
      );
      assert.ok(s.count > 0);
    }
    assert.ok(body.searches[0]?.attributes?.length);
    const none = (await get(`${IS}/autocomplete-suggestions?query=zzzzqqq`)).body as {searches: unknown[]};
    assert.deepEqual(none.searches, []);
  });

  it('serves search-suggestions and top-searches', async () => {
    const c = createCatalog();
    const before = (await get(`${IS}/top-searches`, c)).body as {searches: {term: string}[]};
    assert.ok(before.searches.length > 0);
    await get(`${IS}/product-search/?query=Caf%C3%A9`, c);
    await get(`${IS}/product-search/?query=cafe`, c);
    await get(`${IS}/product-search/?query=tenis`, c);
    const after = (await get(`${IS}/top-searches`, c)).body as {searches: {term: string; count: number}[]};
    assert.deepEqual(after.searches[0], {term: 'cafe', count: 2});
    const sugg = (await get(`${IS}/search-suggestions?query=tenis`)).body as {searches: {term: string}[]};
    assert.ok(sugg.searches.some((s) => fold(s.term).includes('tenis')));
  });
});

describe('catalog_system and images', () => {
  it('serves the category tree with the requested depth', async () => {
    const one = (await get('/api/catalog_system/pub/category/tree/1')).body as CategoryNode[];
    assert.equal(one.length, seed.categories.length);
    assert.ok(one.every((n) => n.children.length === 0 && n.hasChildren));
    const three = (await get('/api/catalog_system/pub/category/tree/3')).body as CategoryNode[];
    assert.equal(walk(three).length, walk(seed.categories).length);
    const two = (await get('/api/catalog_system/pub/category/tree/2')).body as CategoryNode[];
    assert.equal(Math.max(...walk(two).map((n) => n.depth)), 2);
    const first = three[0]!;
    for (const key of ['id', 'name', 'hasChildren', 'url', 'children', 'Title', 'MetaTagDescription']) {
      assert.ok(key in first, key);
    }
  });

  it('serves SKU variations in cents', async () => {
    const r = await get('/api/catalog_system/pub/products/variations/1');
    const body = r.body as {
      productId: number;
      dimensions: string[];
      dimensionsMap: Record<string, string[]>;
      skus: {
        sku: number;
        available: boolean;
        bestPrice: number;
        listPrice: number;
        dimensions: Record<string, string>;
      }[];
    };
    assert.equal(body.productId, 1);
    // Seed data in the store's language (pt-BR by default): Size/Color are Tamanho/Cor.
    assert.deepEqual(body.dimensions, ['Tamanho', 'Cor']);
    assert.deepEqual(body.dimensionsMap['Tamanho'], ['P', 'M', 'G']);
    assert.equal(body.skus.length, 6);
    const sku106 = body.skus.find((s) => s.sku === 106)!;
    assert.deepEqual(sku106.dimensions, {Tamanho: 'G', Cor: 'Preto'});
    assert.equal(sku106.available, false);
    assert.equal(sku106.bestPrice, 5990);
    assert.equal(sku106.listPrice, 7990);
    assert.equal((await get('/api/catalog_system/pub/products/variations/999999')).status, 404);
  });

  it('serves legacy catalog search with resources header and 206', async () => {
    const r = await get('/api/catalog_system/pub/products/search?_from=0&_to=9&fq=C:/1/');
    const apparel = seed.products.filter((p) => p.categoriesIds.includes('/1/'));
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('resources'), `0-9/${apparel.length}`);
    const list = r.body as {productId: string; Material?: string[]; items: Record<string, unknown>[]}[];
    assert.equal(list.length, 10);
    assert.ok(list.every((p) => Array.isArray(p.Material)));
  });

  it('serves a deterministic SVG for product images', async () => {
    const imageUrl = seed.products[0]!.items[0]!.images[0]!.imageUrl;
    assert.match(imageUrl, /^\/arquivos\/ids\/\d+\/.+\.svg$/);
    const a = await get(imageUrl);
    const b = await get(imageUrl);
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('Content-Type'), 'image/svg+xml');
    assert.match(a.headers.get('Cache-Control') ?? '', /max-age=31536000/);
    assert.match(a.text, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(a.text, />CB<\/text>/);
    assert.equal(a.text, b.text);
  });

  it('makes URLs absolute with baseUrl', async () => {
    const c = createCatalog({baseUrl: 'http://localhost:9999/'});
    const body = (await get(`${IS}/products?sc=1&value=1`, c)).body as ISProduct;
    assert.match(body.items[0]!.images[0]!.imageUrl, /^http:\/\/localhost:9999\/arquivos\/ids\//);
    assert.match(c.getSku('101')!.imageUrl, /^http:\/\/localhost:9999\//);
    const tree = (await get('/api/catalog_system/pub/category/tree/1', c)).body as CategoryNode[];
    assert.equal(tree[0]!.url, 'http://localhost:9999/apparel');
  });

  it('leaves unknown routes and methods to the router', async () => {
    assert.equal(await call(catalog, `${IS}/nope`), undefined);
    assert.equal(await call(catalog, '/api/catalog_system/pub/unknown'), undefined);
    assert.equal(await call(catalog, '/api/checkout/pub/orderForm'), undefined);
    assert.equal(await call(catalog, `${IS}/product-search/`, 'POST'), undefined);
  });
});

describe('getSku', () => {
  it('returns checkout data in cents', () => {
    const sku = catalog.getSku('106')!;
    assert.equal(sku.productId, '1');
    assert.equal(sku.price, 5990);
    assert.equal(sku.listPrice, 7990);
    assert.equal(sku.stock, 0);
    assert.equal(sku.skuName, 'G / Preto');
    assert.equal(sku.categoryIdsPath, '/1/2/3/');
    assert.deepEqual(sku.categories, {'1': 'Apparel', '2': 'Shirts', '3': 'T-Shirts'});
    assert.equal(sku.detailUrl, '/camiseta-basica-algodao/p');
    assert.equal(catalog.getSku('nope'), undefined);
    const coffee = catalog.getSku('201')!;
    assert.equal(coffee.price, 4290);
  });
});

function tinySeed(): CatalogSeed {
  return JSON.parse(
    JSON.stringify({
      categories: [{id: 7, name: 'Livros', children: [{id: 8, name: 'Ficção'}]}],
      products: [
        {
          productId: '900',
          productName: 'Romance Único',
          brand: 'Editora Sandbox',
          brandId: 55,
          categoriesIds: ['/7/8/'],
          items: [
            {
              itemId: '9001',
              name: 'Capa dura',
              sellers: [
                {sellerId: '1', commertialOffer: {Price: 49.9, ListPrice: 59.9, AvailableQuantity: 3}},
              ],
            },
          ],
        },
        {
          productId: '901',
          productName: 'Poesia Reunida',
          brand: 'Editora Sandbox',
          brandId: 55,
          categoriesIds: ['/7/8/'],
          items: [
            {
              itemId: '9011',
              name: 'Brochura',
              sellers: [{sellerId: '1', commertialOffer: {Price: 30, AvailableQuantity: 0}}],
            },
          ],
        },
      ],
    }),
  ) as CatalogSeed;
}

describe('replaceable seed', () => {
  it('honours a user seed', async () => {
    const c = createCatalog({seed: tinySeed()});
    const body = (await get(`${IS}/product-search/?query=unico`, c)).body as SearchBody;
    assert.deepEqual(
      body.products.map((p) => p.productId),
      ['900'],
    );
    assert.deepEqual(body.products[0]!.categories, ['/Livros/Ficção/', '/Livros/']);
    assert.equal(body.products[0]!.link, '/romance-unico/p');
    const all = (await get(`${IS}/product-search/category-2/ficcao`, c)).body as SearchBody;
    assert.equal(all.recordsFiltered, 2);
    assert.equal(c.getSku('9001')?.price, 4990);
    assert.equal(c.getSku('9011')?.listPrice, 3000);
    assert.equal(c.getSku('101'), undefined);
    const tree = (await get('/api/catalog_system/pub/category/tree/2', c)).body as CategoryNode[];
    // Absolute, as VTEX's tree answers (http://{host}/office/desks): on the origin the request was made to.
    assert.equal(tree[0]!.children[0]!.url, 'http://sandbox.test/livros/ficcao');
  });

  it('validateSeed rejects malformed input with a clear message', () => {
    assert.throws(() => validateSeed(null), /Invalid catalog seed: \(root\) must be an object/);
    assert.throws(() => validateSeed({categories: []}), /categories must not be empty/);
    const noProducts = tinySeed() as unknown as Record<string, unknown>;
    delete noProducts['products'];
    assert.throws(() => validateSeed(noProducts), /products must be an array/);
    const badPrice = tinySeed();
    (badPrice.products[0]!.items[0]!.sellers[0]!.commertialOffer as unknown as Record<string, unknown>)[
      'Price'
    ] = '10';
    assert.throws(
      () => validateSeed(badPrice),
      /products\[0\]\.items\[0\]\.sellers\[0\]\.commertialOffer\.Price must be a finite number/,
    );
    const badCategory = tinySeed();
    badCategory.products[1]!.categoriesIds = ['/7/99/'];
    assert.throws(() => validateSeed(badCategory), /unknown category id 99/);
    const dupSku = tinySeed();
    dupSku.products[1]!.items[0]!.itemId = '9001';
    assert.throws(() => validateSeed(dupSku), /duplicates SKU id 9001/);
    assert.throws(() => createCatalog({seed: dupSku}), /duplicates SKU id/);
    const badSpecs = tinySeed() as unknown as {products: Record<string, unknown>[]};
    badSpecs.products[0]!['specificationGroups'] = [{name: 'Ficha', specifications: [{name: 'Autor'}]}];
    assert.throws(
      () => validateSeed(badSpecs),
      /specificationGroups\[0\]\.specifications\[0\]\.values must be an array/,
    );
  });

  it('accepts its own generated seed after a JSON round trip', () => {
    const copy = validateSeed(JSON.parse(JSON.stringify(generateSeed())));
    assert.equal(JSON.stringify(copy), JSON.stringify(generateSeed()));
  });
});

function discount(p: ISProduct): number {
  return Math.max(
    0,
    ...p.items.map((i) => {
      const o = i.sellers[0]!.commertialOffer;
      return o.ListPrice > 0 ? (o.ListPrice - o.Price) / o.ListPrice : 0;
    }),
  );
}

describe("seed data in the store's language (issue 19)", () => {
  interface Facets {
    facets: {key: string; name: string}[];
  }
  const facetNames = async (c: ReturnType<typeof createCatalog>) => {
    const body = (await get(`${IS}/facets/?query=camiseta`, c)).body as Facets;
    return Object.fromEntries(body.facets.map((f) => [f.key, f.name]));
  };
  const variationNames = async (c: ReturnType<typeof createCatalog>) => {
    const body = (await get(`${IS}/products?field=id&value=1`, c)).body as ISProduct;
    return body.items[0]!.variations.map((v) => v.name);
  };

  it('a pt-BR store (the default) names facets and specifications in Portuguese', async () => {
    const names = await facetNames(catalog);
    assert.equal(names['category-1'], 'Departamento');
    assert.equal(names['category-2'], 'Categoria');
    assert.equal(names['brand'], 'Marca');
    assert.equal(names['size'], 'Tamanho');
    assert.equal(names['color'], 'Cor');
    assert.equal(names['price'], 'Preço');
    assert.deepEqual(await variationNames(catalog), ['Tamanho', 'Cor']);
  });

  it('es and en stores get their own names; facet keys and filters do not change', async () => {
    const es = createCatalog({locale: 'es-AR'});
    const en = createCatalog({locale: 'en-US'});
    const esNames = await facetNames(es);
    assert.deepEqual(
      [
        esNames['category-1'],
        esNames['category-2'],
        esNames['brand'],
        esNames['size'],
        esNames['color'],
        esNames['price'],
      ],
      ['Departamento', 'Categoría', 'Marca', 'Talla', 'Color', 'Precio'],
    );
    const enNames = await facetNames(en);
    assert.deepEqual(
      [enNames['category-1'], enNames['brand'], enNames['size'], enNames['color'], enNames['price']],
      ['Department', 'Brand', 'Size', 'Color', 'Price'],
    );
    assert.deepEqual(await variationNames(en), ['Size', 'Color']);
    for (const c of [catalog, es, en]) {
      const r = (await get(`${IS}/product-search/size/g/color/preto`, c)).body as SearchBody;
      assert.ok(
        r.products.some((p) => p.productId === '1'),
        'the same facet path finds the same product',
      );
    }
  });

  it('a user seed is served in its own words', async () => {
    const own = tinySeed() as unknown as {products: Record<string, unknown>[]};
    own.products[0]!['specificationGroups'] = [
      {name: 'Ficha', specifications: [{name: 'Size', values: ['Grande']}]},
    ];
    const c = createCatalog({seed: own as unknown as CatalogSeed});
    const body = (await get(`${IS}/products?field=id&value=900`, c)).body as ISProduct;
    assert.equal(body.specificationGroups[0]!.specifications[0]!.name, 'Size', 'not translated to Tamanho');
  });
});
