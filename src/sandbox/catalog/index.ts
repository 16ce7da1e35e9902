/**
 * The sandbox's catalog half: Intelligent Search v1, catalog_system category tree / variations / legacy search,
 * and locally generated product images, over one replaceable VTEX-shaped seed. Pure Fetch API (no Node-only
 * imports) so it runs in Node, a Service Worker or an edge runtime.
 */
import {BoundedMap} from '../bounded-map.js';
import {absoluteOn} from '../http.js';
import type {SandboxCatalog, SandboxSku} from '../types.js';
import type {CatalogSeed, CategoryNode, ISProduct} from './types.js';
import {generateSeed} from './seed.js';
import {validateSeed} from './validate.js';
import {imageResponse} from './images.js';
import {createEntityRoutes} from './entities.js';
import {catalogLanguage, FACET_NAMES, localizeSeed} from './locale.js';
import {
  breadcrumb,
  buildEntries,
  computeFacets,
  failedKeys,
  groupFacets,
  isSort,
  SORTS,
  onlyAvailable,
  parseFacets,
  sortEntries,
  textSearch,
  tokenize,
  type Entry,
  type Labels,
  type SelectedFacet,
} from './search.js';
import {formatBrl, fold, toCents, words} from './text.js';

export type * from './types.js';
export {
  generateSeed,
  ordersOf,
  installmentsFor,
  CLUSTERS,
  DEFAULT_RANDOM_SEED,
  PRODUCT_COUNT,
} from './seed.js';
export {validateSeed, SeedError} from './validate.js';
export {renderSvg} from './images.js';
export {fold, slugify, toCents} from './text.js';

export interface CatalogOptions {
  /** Catalog data; defaults to `generateSeed()`. Validated with `validateSeed`. */
  seed?: CatalogSeed;
  /** Origin prefixed to image and category URLs, e.g. `http://localhost:8080`. Default: the request's origin. */
  baseUrl?: string;
  /**
   * The store's locale (`pt-BR` by default, `es-*`, `en-*`): facet names, and the generated seed's
   * specification names, in that language. A user seed is served as written.
   */
  locale?: string;
}

export const IS_PREFIX = '/api/intelligent-search/v1/';
export const IS_LEGACY_PREFIX = '/api/io/_v/api/intelligent-search/';
export const CATALOG_PREFIX = '/api/catalog_system/pub/';
export const IMAGES_PREFIX = '/arquivos/ids/';

/** Default page size and the cap applied to `count` (larger values are clamped, not rejected). */
export const DEFAULT_COUNT = 24;
export const MAX_COUNT = 100;
/** Cache-Control of search responses. */
export const SEARCH_CACHE_CONTROL = 'public, max-age=60';

const JSON_TYPE = 'application/json; charset=utf-8';

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {status, headers: {'Content-Type': JSON_TYPE, ...headers}});
}

/** Intelligent Search's error envelope (API.md §4.1, §9). */
function resolverWarning(message: string, status = 400): Response {
  return json(
    {status, code: 'RESOLVER_WARNING', name: 'ResolverWarning', level: 'warn', response: {data: message}},
    status,
  );
}

function truthy(x: string | null): boolean {
  return x === 'true' || x === '1';
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The slice of results a product-search asks for: `from`/`to` (0-based, inclusive, as production clients
 * send) when both are there, else `page` (1-based) and `count`. Page sizes above {@link MAX_COUNT} are clamped.
 */
export function pageWindow(sp: URLSearchParams): {start: number; perPage: number; page: number} {
  const int = (name: string) => Number.parseInt(sp.get(name) ?? '', 10);
  const from = int('from');
  const to = int('to');
  if (Number.isFinite(from) && Number.isFinite(to) && from >= 0 && to >= from) {
    const perPage = Math.min(to - from + 1, MAX_COUNT);
    return {start: from, perPage, page: Math.floor(from / perPage) + 1};
  }
  const count = int('count');
  const perPage = Number.isFinite(count) && count > 0 ? Math.min(count, MAX_COUNT) : DEFAULT_COUNT;
  const pageRaw = int('page');
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  return {start: (page - 1) * perPage, perPage, page};
}

interface Index {
  entries: Entry[];
  byId: Map<string, Entry>;
}

/**
 * Builds the catalog module.
 * @returns the {@link SandboxCatalog} used by the router, plus the normalised `seed` it serves.
 * @throws SeedError when `options.seed` is malformed.
 */
export function createCatalog(options: CatalogOptions = {}): SandboxCatalog & {seed: CatalogSeed} {
  const lang = catalogLanguage(options.locale);
  const localized = options.seed ? undefined : localizeSeed(generateSeed(), lang);
  const seed = options.seed ? validateSeed(options.seed) : localized!.seed;
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const abs = (url: string): string => (base && url.startsWith('/') ? base + url : url);

  const categoriesById = new Map<number, CategoryNode>();
  const walk = (nodes: CategoryNode[]): void => {
    for (const n of nodes) {
      categoriesById.set(n.id, n);
      walk(n.children);
    }
  };
  walk(seed.categories);

  /** The origin of response URLs: `baseUrl`, else the origin the request was made to (as VTEX's are absolute). */
  const originOf = (url: URL): string => base || url.origin;
  /** A product as answered to `url`: image URLs absolute on the origin the sandbox is served from. */
  const withOrigin = (p: ISProduct, url: URL): ISProduct =>
    base
      ? p
      : {
          ...p,
          items: p.items.map((i) => ({
            ...i,
            images: i.images.map((img) => ({...img, imageUrl: absoluteOn(img.imageUrl, url.origin)})),
          })),
        };

  /** Index view of a product: image URLs made absolute when a baseUrl is configured. */
  const view = (p: ISProduct): ISProduct =>
    base
      ? {
          ...p,
          items: p.items.map((i) => ({
            ...i,
            images: i.images.map((img) => ({...img, imageUrl: abs(img.imageUrl)})),
          })),
        }
      : p;

  const labels: Labels = {keys: new Map(Object.entries(FACET_NAMES[lang])), values: new Map()};
  const makeIndex = (products: ISProduct[]): Index => {
    const entries = buildEntries(products.map(view), categoriesById, labels, localized?.keyName);
    return {entries, byId: new Map(entries.map((e) => [e.product.productId, e]))};
  };
  const full = makeIndex(seed.products);
  const available = makeIndex(
    seed.products.map(onlyAvailable).filter((p): p is ISProduct => p !== undefined),
  );

  const entities = createEntityRoutes(seed.categories, full.entries);

  const skuIndex = new Map<string, Entry>();
  for (const e of full.entries) for (const item of e.product.items) skuIndex.set(item.itemId, e);
  const bySlug = new Map(full.entries.map((e) => [e.product.linkText, e]));

  /** Terms searched through product-search (drives top-searches). */
  /** What shoppers searched (top searches), the 1,000 most recently searched terms. */
  const searchedTerms = new BoundedMap<string, number>(1_000);

  function getSku(skuId: string): SandboxSku | undefined {
    const entry = skuIndex.get(skuId);
    const item = entry?.product.items.find((i) => i.itemId === skuId);
    if (!entry || !item) return undefined;
    const p = entry.product;
    const seller = item.sellers.find((s) => s.sellerDefault) ?? item.sellers[0];
    if (!seller) return undefined;
    const offer = seller.commertialOffer;
    const idsPath = p.categoriesIds[0] ?? '/';
    const categories: Record<string, string> = {};
    for (const id of idsPath.split('/').filter((s) => s !== '')) {
      const node = categoriesById.get(Number(id));
      if (node) categories[id] = node.name;
    }
    return {
      skuId: item.itemId,
      productId: p.productId,
      productName: p.productName,
      skuName: item.name,
      name: item.nameComplete || `${p.productName} ${item.name}`,
      brand: p.brand,
      brandId: p.brandId,
      refId: item.referenceId.find((r) => r.Key === 'RefId')?.Value ?? p.productReference,
      ean: item.ean,
      categoryIdsPath: idsPath,
      categories,
      imageUrl: item.images[0]?.imageUrl ?? '',
      detailUrl: `/${p.linkText}/p`,
      sellerId: seller.sellerId,
      price: toCents(offer.Price),
      listPrice: toCents(offer.ListPrice),
      stock: offer.AvailableQuantity,
      measurementUnit: item.measurementUnit,
      unitMultiplier: item.unitMultiplier,
    };
  }

  // ---- Intelligent Search ------------------------------------------------------------------------------

  /** `product:1;2`, `sku:…`, `sku.id:`, `sku.ean:`, `sku.reference:`, `product.link:` → entries; else undefined. */
  function idLookup(index: Index, query: string): Entry[] | undefined {
    const m = /^(product|sku|sku\.id|sku\.ean|sku\.reference|product\.link):(.+)$/i.exec(query.trim());
    if (!m) return undefined;
    const kind = (m[1] ?? '').toLowerCase();
    const ids = (m[2] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const found: Entry[] = [];
    const add = (e: Entry | undefined): void => {
      if (e && !found.includes(e)) found.push(e);
    };
    for (const id of ids) {
      if (kind === 'product') add(index.byId.get(id));
      else if (kind === 'product.link') add(index.entries.find((e) => e.product.linkText === id));
      else {
        add(
          index.entries.find((e) =>
            e.product.items.some((i) =>
              kind === 'sku.ean'
                ? i.ean === id
                : kind === 'sku.reference'
                  ? i.referenceId.some((r) => r.Value === id)
                  : i.itemId === id,
            ),
          ),
        );
      }
    }
    return found;
  }

  interface Parsed {
    query: string;
    selected: SelectedFacet[];
    index: Index;
  }

  function parseSearch(url: URL, facetPath: string): Parsed {
    const segments = facetPath
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    const selected = parseFacets(segments);
    const ft = selected.filter((f) => f.key === 'ft').map((f) => f.value);
    const query = [url.searchParams.get('query') ?? url.searchParams.get('q') ?? '', ...ft].join(' ').trim();
    const index = truthy(url.searchParams.get('hideUnavailableItems')) ? available : full;
    return {query, selected, index};
  }

  function runQuery({query, selected, index}: Parsed): {
    hits: Entry[];
    operator: 'and' | 'or';
    pool: Entry[];
  } {
    const byId = idLookup(index, query);
    const text = byId ? {hits: byId, operator: 'and' as const} : textSearch(index.entries, query);
    const groups = groupFacets(selected);
    return {
      hits: text.hits.filter((e) => failedKeys(e, groups).length === 0),
      operator: text.operator,
      pool: text.hits,
    };
  }

  function productSearch(url: URL, facetPath: string): Response {
    const sortParam = url.searchParams.get('sort') ?? '';
    if (sortParam !== '' && !isSort(sortParam)) return resolverWarning(`Unsupported sort ${sortParam}`);
    const parsed = parseSearch(url, facetPath);
    const {hits, operator} = runQuery(parsed);
    if (parsed.query && !/^[a-z.]+:/i.test(parsed.query)) {
      const term = fold(parsed.query).trim();
      searchedTerms.set(term, (searchedTerms.get(term) ?? 0) + 1);
    }
    const sorted = sortEntries(hits, isSort(sortParam) ? sortParam : '');
    const window = pageWindow(url.searchParams);
    const {perPage, page} = window;
    const total = sorted.length;
    const pages = Math.ceil(total / perPage);
    const products = sorted
      .slice(window.start, window.start + perPage)
      .map((e) => withOrigin(e.product, url));
    const range = (from: number, to: number): {index: number}[] => {
      const out: {index: number}[] = [];
      for (let i = from; i <= to; i++) out.push({index: i});
      return out;
    };
    return json(
      {
        products,
        recordsFiltered: total,
        correction: {misspelled: false},
        fuzzy: '0',
        operator,
        redirect: null,
        translated: false,
        pagination: {
          count: pages,
          current: {index: page},
          before: range(Math.max(1, page - 5), Math.min(page - 1, pages)),
          after: range(page + 1, Math.min(pages, page + 5)),
          perPage,
          next: {index: page < pages ? page + 1 : 0},
          previous: {index: page > 1 ? page - 1 : 0},
          first: {index: pages > 0 ? 1 : 0},
          last: {index: pages},
        },
        options: {
          sorts: [
            {field: 'relevance', order: '', active: sortParam === '', proxyURL: ''},
            ...SORTS.map((s) => ({
              field: s.split(':')[0],
              order: s.split(':')[1],
              active: s === sortParam,
              proxyURL: '',
            })),
          ],
          counts: [{count: 12}, {count: 24}, {count: 48}],
          deliveryPromisesEnabled: false,
        },
        searchId: randomId(),
      },
      200,
      {'Cache-Control': SEARCH_CACHE_CONTROL},
    );
  }

  function facetsRoute(url: URL, facetPath: string): Response {
    const parsed = parseSearch(url, facetPath);
    const {pool} = runQuery(parsed);
    const groups = groupFacets(parsed.selected);
    const facets = computeFacets(pool, groups, parsed.selected, parsed.query, labels);
    const selectedFacets: {key: string; value: string}[] = [];
    if (parsed.query) selectedFacets.push({key: 'ft', value: parsed.query});
    for (const f of parsed.selected) {
      if (f.key !== 'ft') selectedFacets.push({key: f.key, value: f.negated ? `not:${f.value}` : f.value});
    }
    return json(
      {
        facets,
        breadcrumb: breadcrumb(parsed.query, parsed.selected, labels),
        queryArgs: {query: parsed.query, selectedFacets},
        sampling: false,
        translated: false,
      },
      200,
      {'Cache-Control': SEARCH_CACHE_CONTROL},
    );
  }

  /** `catalog-count/{facets}`: how many products the same search finds, `{total}`. */
  function catalogCount(url: URL, facetPath: string): Response {
    const {hits} = runQuery(parseSearch(url, facetPath));
    return json({total: hits.length}, 200, {'Cache-Control': SEARCH_CACHE_CONTROL});
  }

  function productRoute(url: URL): Response {
    const field = (url.searchParams.get('field') ?? 'id').toLowerCase();
    const value = url.searchParams.get('value');
    if (!value) return resolverWarning('Missing required query parameter "value"');
    const index = truthy(url.searchParams.get('hideUnavailableItems')) ? available : full;
    let entry: Entry | undefined;
    switch (field) {
      case 'id':
        entry = index.byId.get(value);
        break;
      case 'slug':
        entry = index.entries.find((e) => e.product.linkText === value);
        break;
      case 'sku':
        entry = index.entries.find((e) => e.product.items.some((i) => i.itemId === value));
        break;
      case 'ean':
        entry = index.entries.find((e) => e.product.items.some((i) => i.ean === value));
        break;
      case 'reference':
        entry = index.entries.find(
          (e) =>
            e.product.productReference === value ||
            e.product.items.some((i) => i.referenceId.some((r) => r.Value === value)),
        );
        break;
      default:
        return resolverWarning(`Invalid field "${field}": use id, slug, ean, sku or reference`);
    }
    if (!entry) return resolverWarning(`Product not found for ${field} "${value}"`, 404);
    return json(withOrigin(entry.product, url), 200, {'Cache-Control': SEARCH_CACHE_CONTROL});
  }

  /** Two-word and first-word phrases of product names containing a word that starts with the query. */
  function suggestTerms(query: string, limit: number): {term: string; count: number; entries: Entry[]}[] {
    const tokens = tokenize(query);
    if (tokens.length === 0) return [];
    const {hits} = textSearch(full.entries, query);
    const terms = new Map<string, Entry[]>();
    for (const e of hits) {
      const ws = e.product.productName.toLowerCase().split(/\s+/);
      for (const phrase of [ws.slice(0, 1).join(' '), ws.slice(0, 2).join(' ')]) {
        const pw = words(phrase);
        if (!tokens.every((t) => pw.some((w) => w.startsWith(t)))) continue;
        const list = terms.get(phrase) ?? [];
        if (!list.includes(e)) list.push(e);
        terms.set(phrase, list);
      }
    }
    return [...terms]
      .map(([term, entries]) => ({term, count: entries.length, entries}))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, limit);
  }

  function autocomplete(url: URL): Response {
    const query = url.searchParams.get('query') ?? url.searchParams.get('q') ?? '';
    const searches = suggestTerms(query, 5).map((s, i) => {
      if (i > 0) return {term: s.term, count: s.count};
      const depts = new Map<string, number>();
      for (const e of s.entries) {
        const d = e.categorySlugs[0];
        if (d) depts.set(d, (depts.get(d) ?? 0) + 1);
      }
      const attributes = [...depts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([slug]) => ({
          key: 'department',
          value: slug,
          labelKey: FACET_NAMES[lang]['category-1']!,
          labelValue: labels.values.get('category-1')?.get(slug)?.name ?? slug,
        }));
      return {term: s.term, count: s.count, attributes};
    });
    return json({searches}, 200, {'Cache-Control': SEARCH_CACHE_CONTROL});
  }

  function searchSuggestions(url: URL): Response {
    const query = url.searchParams.get('query') ?? '';
    if (!query.trim()) return resolverWarning('Missing required query parameter "query"');
    const searches = suggestTerms(query, 10).map(({term, count}) => ({term, count}));
    return json({searches}, 200, {'Cache-Control': SEARCH_CACHE_CONTROL});
  }

  function topSearches(): Response {
    const recorded = [...searchedTerms].map(([term, count]) => ({term, count}));
    // Until shoppers search, fall back to the biggest leaf categories.
    const fallback = [...(labels.values.get('category-3') ?? new Map<string, {name: string}>())].map(
      ([slug, n]) => ({
        term: n.name.toLowerCase(),
        count: full.entries.filter((e) => e.categorySlugs[2] === slug).length,
      }),
    );
    const list = (recorded.length ? recorded : fallback)
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, 10);
    return json({searches: list}, 200, {'Cache-Control': 'no-cache'});
  }

  function correction(url: URL): Response {
    const query = url.searchParams.get('query') ?? '';
    return json({correction: {misspelled: false, correction: false, text: query, highlighted: query}});
  }

  function handleSearch(url: URL, rest: string, legacy: boolean): Response | undefined {
    const [head = '', ...tail] = rest.split('/');
    const facetPath = tail.join('/');
    const route = legacy ? head.replace(/_/g, '-') : head;
    if (legacy && head.includes('-')) return undefined;
    switch (route) {
      case 'product-search':
        return productSearch(url, facetPath);
      case 'facets':
        return facetsRoute(url, facetPath);
      case 'catalog-count':
        return catalogCount(url, facetPath);
      case 'products':
        return legacy || tail.length ? undefined : productRoute(url);
      case 'autocomplete-suggestions':
        return tail.length ? undefined : autocomplete(url);
      case 'search-suggestions':
        return tail.length ? undefined : searchSuggestions(url);
      case 'top-searches':
        return tail.length ? undefined : topSearches();
      case 'correction-search':
        return tail.length ? undefined : correction(url);
      case 'banners':
        return json({banners: []}, 200, {'Cache-Control': SEARCH_CACHE_CONTROL});
      default:
        return undefined;
    }
  }

  // ---- catalog_system ------------------------------------------------------------------------------------

  function tree(levels: number, origin: string): Response {
    const cut = (nodes: CategoryNode[], depth: number): CategoryNode[] =>
      nodes.map((n) => ({
        id: n.id,
        name: n.name,
        hasChildren: n.children.length > 0,
        url: absoluteOn(n.url, origin),
        children: depth > 1 ? cut(n.children, depth - 1) : [],
        Title: n.Title,
        MetaTagDescription: n.MetaTagDescription,
      }));
    return json(cut(seed.categories, levels));
  }

  function variations(productId: string, origin: string): Response {
    const entry = full.byId.get(productId);
    if (!entry) return json({Message: `Product ${productId} not found`}, 404);
    const p = entry.product;
    const dimensions = p.skuSpecifications.length
      ? p.skuSpecifications.map((s) => s.field.name)
      : [...new Set(p.items.flatMap((i) => i.variations.map((v) => v.name)))];
    const dimensionsMap: Record<string, string[]> = {};
    const dimensionsInputType: Record<string, string> = {};
    for (const d of dimensions) {
      dimensionsInputType[d] = 'Combo';
      dimensionsMap[d] = [
        ...new Set(p.items.flatMap((i) => i.variations.filter((v) => v.name === d).flatMap((v) => v.values))),
      ];
    }
    const skus = p.items.map((item) => {
      const seller = item.sellers.find((s) => s.sellerDefault) ?? item.sellers[0];
      const offer = seller?.commertialOffer;
      const best = toCents(offer?.Price ?? 0);
      const list = toCents(offer?.ListPrice ?? 0);
      const qty = offer?.AvailableQuantity ?? 0;
      const top = offer?.Installments.reduce(
        (a, b) => (b.NumberOfInstallments > a.NumberOfInstallments ? b : a),
        offer.Installments[0],
      );
      const dims: Record<string, string> = {};
      for (const d of dimensions) dims[d] = item.variations.find((v) => v.name === d)?.values[0] ?? '';
      return {
        sku: Number(item.itemId),
        skuname: item.name,
        dimensions: dims,
        available: qty > 0,
        availablequantity: qty,
        cacheVersionUsedToCallCheckout: null,
        listPriceFormated: formatBrl(list),
        listPrice: list,
        taxFormated: formatBrl(0),
        taxAsInt: 0,
        bestPriceFormated: formatBrl(best),
        bestPrice: best,
        spotPrice: toCents(offer?.spotPrice ?? offer?.Price ?? 0),
        installments: top?.NumberOfInstallments ?? 0,
        installmentsValue: toCents(top?.Value ?? 0),
        installmentsInsterestRate: top ? top.InterestRate : null,
        image: absoluteOn(item.images[0]?.imageUrl ?? '', origin),
        sellerId: seller?.sellerId ?? '1',
        seller: seller?.sellerName ?? '',
        measures: {cubicweight: 1, height: 5, length: 20, weight: 200, width: 20},
        unitMultiplier: item.unitMultiplier,
        rewardValue: 0,
      };
    });
    return json({
      productId: Number(p.productId),
      name: p.productName,
      salesChannel: '1',
      available: skus.some((s) => s.available),
      displayMode: 'list',
      dimensions,
      dimensionsInputType,
      dimensionsMap,
      skus,
    });
  }

  function handleCatalog(url: URL, rest: string): Response | undefined {
    const treeMatch = /^category\/tree\/(\d+)\/?$/.exec(rest);
    if (treeMatch) return tree(Math.max(1, Number(treeMatch[1])), originOf(url));
    const varMatch = /^products\/variations\/(\d+)\/?$/.exec(rest);
    if (varMatch) return variations(varMatch[1] ?? '', originOf(url));
    if (/^products\/search\/?$/.test(rest)) return legacySearch(url);
    const slugMatch = /^products\/search\/([^/]+)\/p\/?$/.exec(rest);
    if (slugMatch) {
      const e = bySlug.get(decodeURIComponent(slugMatch[1] ?? ''));
      return json(e ? [legacyProduct(e.product, originOf(url))] : []);
    }
    return entities.handle(url, rest);
  }

  /** Legacy `catalog_system` product shape (specifications as dynamic keys, clusters as id→name maps). */
  function legacyProduct(p: ISProduct, origin: string): Record<string, unknown> {
    const specs = p.specificationGroups
      .filter((g) => g.name !== 'allSpecifications')
      .flatMap((g) => g.specifications);
    const out: Record<string, unknown> = {
      productId: p.productId,
      productName: p.productName,
      brand: p.brand,
      brandId: p.brandId,
      linkText: p.linkText,
      productReference: p.productReference,
      categoryId: p.categoryId,
      productTitle: '',
      metaTagDescription: '',
      releaseDate: new Date(p.releaseDate).toISOString().slice(0, 19),
      clusterHighlights: Object.fromEntries(p.clusterHighlights.map((c) => [c.id, c.name])),
      productClusters: Object.fromEntries(p.productClusters.map((c) => [c.id, c.name])),
      searchableClusters: Object.fromEntries(p.productClusters.map((c) => [c.id, c.name])),
      categories: p.categories,
      categoriesIds: p.categoriesIds,
      link: absoluteOn(p.link, origin),
      description: p.description,
      allSpecifications: specs.map((s) => s.name),
      allSpecificationsGroups: p.specificationGroups
        .filter((g) => g.name !== 'allSpecifications')
        .map((g) => g.name),
    };
    for (const s of specs) out[s.name] = s.values;
    for (const g of p.specificationGroups) {
      if (g.name !== 'allSpecifications') out[g.name] = g.specifications.map((s) => s.name);
    }
    out['items'] = p.items.map((i) => {
      const item: Record<string, unknown> = {
        itemId: i.itemId,
        name: i.name,
        nameComplete: i.nameComplete,
        complementName: i.complementName,
        ean: i.ean,
        referenceId: i.referenceId,
        measurementUnit: i.measurementUnit,
        unitMultiplier: i.unitMultiplier,
        modalType: null,
        isKit: i.isKit,
        images: i.images.map((img) => ({
          imageId: img.imageId,
          imageLabel: img.imageLabel,
          imageTag: img.imageTag,
          imageUrl: absoluteOn(img.imageUrl, origin),
          imageText: img.imageText,
        })),
        variations: i.variations.map((v) => v.name),
        sellers: i.sellers.map((s) => ({
          sellerId: s.sellerId,
          sellerName: s.sellerName,
          addToCartLink: s.addToCartLink,
          sellerDefault: s.sellerDefault,
          commertialOffer: {
            ...s.commertialOffer,
            IsAvailable: s.commertialOffer.AvailableQuantity > 0,
          },
        })),
        Videos: [],
        estimatedDateArrival: null,
      };
      for (const v of i.variations) item[v.name] = v.values;
      return item;
    });
    return out;
  }

  const LEGACY_SORTS: Record<string, Parameters<typeof sortEntries>[1]> = {
    OrderByPriceDESC: 'price:desc',
    OrderByPriceASC: 'price:asc',
    OrderByTopSaleDESC: 'orders:desc',
    OrderByNameASC: 'name:asc',
    OrderByNameDESC: 'name:desc',
    OrderByReleaseDateDESC: 'release:desc',
    OrderByBestDiscountDESC: 'discount:desc',
    OrderByScoreDESC: '',
    OrderByReviewRateDESC: '',
  };

  /** `GET /api/catalog_system/pub/products/search?ft=&fq=&O=&_from=&_to=` (0-based inclusive window, ≤ 50). */
  function legacySearch(url: URL): Response {
    const sp = url.searchParams;
    const ft = sp.get('ft') ?? '';
    let list = ft ? textSearch(full.entries, ft).hits : [...full.entries].reverse();
    for (const fq of sp.getAll('fq')) {
      const [k = '', ...v] = fq.split(':');
      const value = v.join(':');
      list = list.filter((e) => legacyFilter(e, k, value));
    }
    const order = sp.get('O');
    if (order) {
      const sort = LEGACY_SORTS[order];
      if (sort === undefined) return json({error: `Invalid order ${order}`}, 400);
      list = sortEntries(list, sort);
    }
    const from = Math.max(0, Number.parseInt(sp.get('_from') ?? '0', 10) || 0);
    const toRaw = Number.parseInt(sp.get('_to') ?? '', 10);
    const to = Number.isFinite(toRaw) ? toRaw : from + 9;
    if (to < from || to - from + 1 > 50 || from > 2500) {
      return json({error: 'The maximum range is 50 items, with _from ≤ 2500 and _to ≥ _from'}, 400);
    }
    const total = list.length;
    const page = list.slice(from, to + 1).map((e) => legacyProduct(e.product, originOf(url)));
    const last = page.length ? from + page.length - 1 : from;
    return json(page, page.length < total ? 206 : 200, {resources: `${from}-${last}/${total}`});
  }

  function legacyFilter(e: Entry, key: string, value: string): boolean {
    const p = e.product;
    if (key === 'C') return p.categoriesIds.includes(value.endsWith('/') ? value : `${value}/`);
    if (key === 'B') return `/${p.brandId}/` === (value.endsWith('/') ? value : `${value}/`);
    if (key === 'productId') return p.productId === value;
    if (key === 'skuId') return p.items.some((i) => i.itemId === value);
    if (key === 'productClusterIds') return e.clusters.has(value);
    if (key === 'alternateIds_Ean') return p.items.some((i) => i.ean === value);
    if (key === 'alternateIds_RefId')
      return p.items.some((i) => i.referenceId.some((r) => r.Value === value));
    if (key === 'P') {
      const m = /^\[\s*([\d.]+)\s+TO\s+([\d.]+)\s*\]$/i.exec(value);
      return m ? e.lowPrice >= Number(m[1]) && e.lowPrice <= Number(m[2]) : false;
    }
    if (key.startsWith('isAvailablePerSalesChannel_')) return offersAvailable(p) === (value === '1');
    if (key === 'sellerId') return p.items.some((i) => i.sellers.some((s) => s.sellerId === value));
    if (key.startsWith('specificationFilter_')) {
      const name = fold(key.slice('specificationFilter_'.length));
      const all = [
        ...p.specificationGroups.flatMap((g) => g.specifications),
        ...p.items.flatMap((i) => i.variations),
      ];
      return all.some((s) => fold(s.name) === name && s.values.some((x) => fold(x) === fold(value)));
    }
    return true;
  }

  function offersAvailable(p: ISProduct): boolean {
    return p.items.some((i) => i.sellers.some((s) => s.commertialOffer.AvailableQuantity > 0));
  }

  async function handle(request: Request, url: URL): Promise<Response | undefined> {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    const path = url.pathname;
    let response: Response | undefined;
    if (path.startsWith(IS_PREFIX)) response = handleSearch(url, path.slice(IS_PREFIX.length), false);
    else if (path.startsWith(IS_LEGACY_PREFIX))
      response = handleSearch(url, path.slice(IS_LEGACY_PREFIX.length), true);
    else if (path.startsWith(CATALOG_PREFIX))
      response = handleCatalog(url, path.slice(CATALOG_PREFIX.length));
    else if (path.startsWith(IMAGES_PREFIX)) response = imageResponse(path);
    if (response && method === 'HEAD') {
      return new Response(null, {status: response.status, headers: response.headers});
    }
    return response;
  }

  return {seed, getSku, handle};
}
