/**
 * In-memory search engine behind the Intelligent Search v1 routes: full text (accent- and case-insensitive,
 * relevance-ranked), facet path filters, sorting, paging and facet counts.
 */
import {SORTS as KIT_SORTS, type Sort} from '../../domain/sorts.js';
import type {CategoryNode, ISProduct, ISSku} from './types.js';
import {ordersOf, priceRangeOf} from './seed.js';
import {fold, slugify, stripHtml, words} from './text.js';

/** The sorts the search knows: the kit's list (src/domain/sorts.ts) but relevance, which is no sort. */
export const SORTS = KIT_SORTS.filter((s): s is Sort => s !== '');
export type {Sort};

export function isSort(x: string): x is Sort {
  return (SORTS as readonly string[]).includes(x);
}

/** Facet keys with built-in meaning; every other key is a specification slug. */
const CATEGORY_KEYS = ['category-1', 'category-2', 'category-3'] as const;

/** Bucket edges of the PRICERANGE facet (decimal currency units). */
export const PRICE_EDGES = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 100000];

const STOP_WORDS = new Set([
  'de',
  'da',
  'do',
  'das',
  'dos',
  'e',
  'com',
  'em',
  'para',
  'a',
  'o',
  'the',
  'and',
  'of',
]);

interface Named {
  name: string;
  id?: string;
}

/** Search-ready facts about one product. */
export interface Entry {
  product: ISProduct;
  order: number;
  nameWords: string[];
  brandWords: string[];
  categoryWords: string[];
  specWords: string[];
  descriptionWords: string[];
  nameFolded: string;
  /** slug per level, index 0 = category-1 */
  categorySlugs: string[];
  brandSlug: string;
  /** spec key slug → value slugs */
  specs: Map<string, Set<string>>;
  clusters: Set<string>;
  lowPrice: number;
  discount: number;
  orders: number;
}

/** One `/key/value` pair of the facets path. */
export interface SelectedFacet {
  key: string;
  value: string;
  negated: boolean;
}

interface KeyFilter {
  include: string[];
  exclude: string[];
}

/** Names for every facet key and value, for labels and for selected values with no hits. */
export interface Labels {
  keys: Map<string, string>;
  values: Map<string, Map<string, Named>>;
}

export function categorySlug(node: CategoryNode): string {
  const last =
    node.url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? '';
  return last ? slugify(decodeURIComponent(last)) : slugify(node.name);
}

function addLabel(labels: Labels, key: string, keyName: string, value: string, named: Named): void {
  if (!labels.keys.has(key)) labels.keys.set(key, keyName);
  let m = labels.values.get(key);
  if (!m) labels.values.set(key, (m = new Map()));
  if (!m.has(value)) m.set(value, named);
}

export function offersOf(p: ISProduct): {Price: number; ListPrice: number; AvailableQuantity: number}[] {
  return p.items
    .map((i) => (i.sellers.find((s) => s.sellerDefault) ?? i.sellers[0])?.commertialOffer)
    .filter((o) => o !== undefined);
}

/** Copy of a product without its unavailable SKUs; undefined when none is available. */
export function onlyAvailable(p: ISProduct): ISProduct | undefined {
  const items: ISSku[] = p.items.filter((i) =>
    i.sellers.some((s) => s.commertialOffer.AvailableQuantity > 0),
  );
  if (items.length === 0) return undefined;
  if (items.length === p.items.length) return p;
  return {...p, items, priceRange: priceRangeOf(items)};
}

export function buildEntries(
  products: ISProduct[],
  categoriesById: Map<number, CategoryNode>,
  labels: Labels,
  /** The name a specification's facet key is made from (its untranslated name); default: the name itself. */
  keyName: (name: string) => string = (name) => name,
): Entry[] {
  const slugs = new Map<CategoryNode, string>();
  return products.map((product, order) => {
    const chain = (product.categoriesIds[0] ?? '')
      .split('/')
      .filter((s) => s !== '')
      .map((id) => categoriesById.get(Number(id)))
      .filter((n): n is CategoryNode => n !== undefined);
    const categorySlugs = chain.map((node) => {
      let slug = slugs.get(node);
      if (slug === undefined) slugs.set(node, (slug = categorySlug(node)));
      return slug;
    });
    chain.forEach((node, i) => {
      const key = `category-${i + 1}`;
      const slug = categorySlugs[i] ?? '';
      addLabel(labels, key, ['Department', 'Category', 'Subcategory'][i] ?? `Category level ${i + 1}`, slug, {
        name: node.name,
        id: String(node.id),
      });
    });
    const brandSlug = slugify(product.brand);
    addLabel(labels, 'brand', 'Brand', brandSlug, {name: product.brand, id: String(product.brandId)});
    const specs = new Map<string, Set<string>>();
    const specWords: string[] = [];
    const addSpec = (name: string, value: string): void => {
      const key = slugify(keyName(name));
      const v = slugify(value);
      if (!key || !v || key === 'sellerid') return;
      let set = specs.get(key);
      if (!set) specs.set(key, (set = new Set()));
      set.add(v);
      specWords.push(...words(value));
      addLabel(labels, key, name, v, {name: value});
    };
    for (const group of product.specificationGroups) {
      if (group.name === 'allSpecifications') continue;
      for (const spec of group.specifications) for (const v of spec.values) addSpec(spec.name, v);
    }
    for (const item of product.items)
      for (const v of item.variations) for (const x of v.values) addSpec(v.name, x);
    const offers = offersOf(product);
    const discount = Math.max(
      0,
      ...offers.map((o) => (o.ListPrice > 0 ? (o.ListPrice - o.Price) / o.ListPrice : 0)),
    );
    return {
      product,
      order,
      nameWords: words(product.productName),
      brandWords: words(product.brand),
      categoryWords: chain.flatMap((n) => words(n.name)),
      specWords,
      descriptionWords: words(stripHtml(product.description)),
      nameFolded: fold(product.productName),
      categorySlugs,
      brandSlug,
      specs,
      clusters: new Set(product.productClusters.map((c) => String(c.id))),
      lowPrice: product.priceRange.sellingPrice.lowPrice,
      discount,
      orders: ordersOf(product.productId),
    };
  });
}

/** Query tokens: folded words, stop words dropped unless the query has nothing else. */
export function tokenize(query: string): string[] {
  const all = words(query);
  const meaningful = all.filter((w) => !STOP_WORDS.has(w));
  return meaningful.length ? meaningful : all;
}

function fieldScore(token: string, list: string[], exact: number, prefix: number): number {
  let best = 0;
  for (const w of list) {
    if (w === token) return exact;
    if (prefix > best && w.startsWith(token)) best = prefix;
  }
  return best;
}

function tokenScore(e: Entry, token: string): number {
  return (
    fieldScore(token, e.nameWords, 10, 6) +
    fieldScore(token, e.brandWords, 5, 3) +
    fieldScore(token, e.categoryWords, 4, 2) +
    fieldScore(token, e.specWords, 2, 1) +
    fieldScore(token, e.descriptionWords, 1, 0.5)
  );
}

export interface TextResult {
  hits: Entry[];
  operator: 'and' | 'or';
}

/** Full-text match, relevance-ranked (ties: seed order). Empty query = every product, seed order. */
export function textSearch(entries: Entry[], query: string): TextResult {
  const tokens = tokenize(query);
  if (tokens.length === 0) return {hits: entries, operator: 'and'};
  const phrase = tokens.join(' ');
  const scored = entries.map((e) => {
    const per = tokens.map((t) => tokenScore(e, t));
    const bonus = e.nameFolded.includes(phrase) ? 5 : 0;
    return {e, matched: per.filter((s) => s > 0).length, score: per.reduce((a, b) => a + b, 0) + bonus};
  });
  const rank = (list: typeof scored): Entry[] =>
    list.sort((a, b) => b.score - a.score || a.e.order - b.e.order).map((s) => s.e);
  const all = scored.filter((s) => s.matched === tokens.length);
  if (all.length > 0 || tokens.length === 1) return {hits: rank(all), operator: 'and'};
  return {hits: rank(scored.filter((s) => s.matched > 0)), operator: 'or'};
}

/** Parses `/key/value/key/value…` (already split on "/", URI-decoded). A dangling key is ignored. */
export function parseFacets(segments: string[]): SelectedFacet[] {
  const out: SelectedFacet[] = [];
  for (let i = 0; i + 1 < segments.length; i += 2) {
    const key = (segments[i] ?? '').toLowerCase();
    let value = segments[i + 1] ?? '';
    const negated = value.startsWith('not:');
    if (negated) value = value.slice(4);
    if (key && value) out.push({key, value, negated});
  }
  return out;
}

function parsePrice(value: string): [number, number] | undefined {
  const m = /^(-?\d+(?:\.\d+)?)?(?::|%3A| TO )(-?\d+(?:\.\d+)?)?$/i.exec(value);
  if (!m) return undefined;
  return [m[1] === undefined ? -Infinity : Number(m[1]), m[2] === undefined ? Infinity : Number(m[2])];
}

function matchesValue(e: Entry, key: string, value: string): boolean {
  const catIndex = (CATEGORY_KEYS as readonly string[]).indexOf(key);
  if (catIndex >= 0) return e.categorySlugs[catIndex] === slugify(value);
  switch (key) {
    case 'brand':
      return e.brandSlug === slugify(value);
    case 'price': {
      const range = parsePrice(value);
      return range !== undefined && e.lowPrice >= range[0] && e.lowPrice <= range[1];
    }
    case 'productclusterids':
      return e.clusters.has(value);
    default:
      return e.specs.get(key)?.has(slugify(value)) ?? false;
  }
}

/** Keys that do not filter (legacy trade policy: the sandbox has one sales channel). */
const NEUTRAL_KEYS = new Set(['trade-policy', 'ft']);

export function groupFacets(selected: SelectedFacet[]): Map<string, KeyFilter> {
  const groups = new Map<string, KeyFilter>();
  for (const f of selected) {
    if (NEUTRAL_KEYS.has(f.key)) continue;
    let g = groups.get(f.key);
    if (!g) groups.set(f.key, (g = {include: [], exclude: []}));
    (f.negated ? g.exclude : g.include).push(f.value);
  }
  return groups;
}

function passes(e: Entry, key: string, g: KeyFilter): boolean {
  if (g.include.length && !g.include.some((v) => matchesValue(e, key, v))) return false;
  return !g.exclude.some((v) => matchesValue(e, key, v));
}

/** Keys of `groups` that the entry fails (same key = OR, different keys = AND, `not:` excludes). */
export function failedKeys(e: Entry, groups: Map<string, KeyFilter>): string[] {
  const failed: string[] = [];
  for (const [key, g] of groups) if (!passes(e, key, g)) failed.push(key);
  return failed;
}

const collator = new Intl.Collator('pt-BR', {sensitivity: 'base'});

/** Stable sort; ties keep the incoming (relevance) order. */
export function sortEntries(list: Entry[], sort: Sort | ''): Entry[] {
  if (!sort) return list;
  const compare: Record<Sort, (a: Entry, b: Entry) => number> = {
    'price:asc': (a, b) => a.lowPrice - b.lowPrice,
    'price:desc': (a, b) => b.lowPrice - a.lowPrice,
    'orders:desc': (a, b) => b.orders - a.orders,
    'name:asc': (a, b) => collator.compare(a.product.productName, b.product.productName),
    'name:desc': (a, b) => collator.compare(b.product.productName, a.product.productName),
    'release:desc': (a, b) => b.product.releaseDate - a.product.releaseDate,
    'discount:desc': (a, b) => b.discount - a.discount,
  };
  return [...list].sort(compare[sort]);
}

export interface FacetValue {
  id?: string;
  key: string;
  value: string;
  name: string;
  quantity: number;
  selected: boolean;
  href: string;
  range?: {from: number; to: number};
}

export interface Facet {
  key: string;
  name: string;
  type: 'TEXT' | 'PRICERANGE';
  hidden: boolean;
  quantity: number;
  values: FacetValue[];
}

function legacyHref(query: string, selected: SelectedFacet[], extra?: {key: string; value: string}): string {
  const pairs: {key: string; value: string}[] = [];
  if (query) pairs.push({key: 'ft', value: query});
  for (const f of selected) if (!f.negated && !NEUTRAL_KEYS.has(f.key)) pairs.push(f);
  if (extra) pairs.push(extra);
  return `/${pairs.map((p) => encodeURIComponent(p.value)).join('/')}?map=${pairs.map((p) => p.key).join(',')}`;
}

/**
 * Facets with the usual counting rule: the values of key K are counted over the products that pass the query
 * and every selected filter except those on K.
 */
export function computeFacets(
  hits: Entry[],
  groups: Map<string, KeyFilter>,
  selected: SelectedFacet[],
  query: string,
  labels: Labels,
): Facet[] {
  const failures = hits.map((e) => ({e, failed: failedKeys(e, groups)}));
  const poolFor = (key: string): Entry[] =>
    failures
      .filter((f) => f.failed.length === 0 || (f.failed.length === 1 && f.failed[0] === key))
      .map((f) => f.e);
  const isSelected = (key: string, value: string): boolean =>
    groups.get(key)?.include.some((v) => (key === 'price' ? v === value : slugify(v) === value)) ?? false;

  const textFacet = (key: string, valuesOf: (e: Entry) => Iterable<string>): Facet | undefined => {
    const counts = new Map<string, number>();
    for (const e of poolFor(key))
      for (const v of new Set(valuesOf(e))) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const v of groups.get(key)?.include ?? []) if (!counts.has(slugify(v))) counts.set(slugify(v), 0);
    const names = labels.values.get(key);
    const values: FacetValue[] = [...counts]
      .map(([value, quantity]) => {
        const named = names?.get(value);
        const fv: FacetValue = {
          key,
          value,
          name: named?.name ?? value,
          quantity,
          selected: isSelected(key, value),
          href: isSelected(key, value)
            ? legacyHref(
                query,
                selected.filter((f) => !(f.key === key && slugify(f.value) === value)),
              )
            : legacyHref(query, selected, {key, value}),
        };
        return named?.id ? {id: named.id, ...fv} : fv;
      })
      .sort((a, b) => b.quantity - a.quantity || collator.compare(a.name, b.name));
    if (values.length === 0) return undefined;
    return {
      key,
      name: labels.keys.get(key) ?? key,
      type: 'TEXT',
      hidden: false,
      quantity: values.length,
      values,
    };
  };

  const facets: Facet[] = [];
  CATEGORY_KEYS.forEach((key, level) => {
    const f = textFacet(key, (e) => (e.categorySlugs[level] ? [e.categorySlugs[level]] : []));
    if (f) facets.push(f);
  });
  const brand = textFacet('brand', (e) => [e.brandSlug]);
  if (brand) facets.push(brand);
  const specKeys = [...labels.keys.keys()].filter(
    (k) => !k.startsWith('category-') && k !== 'brand' && k !== 'price',
  );
  for (const key of specKeys) {
    const f = textFacet(key, (e) => e.specs.get(key) ?? []);
    if (f) facets.push(f);
  }

  const pricePool = poolFor('price');
  const priceValues: FacetValue[] = [];
  for (let i = 0; i + 1 < PRICE_EDGES.length; i++) {
    const from = PRICE_EDGES[i] ?? 0;
    const to = PRICE_EDGES[i + 1] ?? 0;
    const value = `${from}:${to}`;
    const quantity = pricePool.filter((e) => e.lowPrice >= from && e.lowPrice <= to).length;
    const selectedHere = isSelected('price', value);
    if (quantity === 0 && !selectedHere) continue;
    priceValues.push({
      key: 'price',
      value,
      name: '',
      quantity,
      selected: selectedHere,
      href: legacyHref(query, selected, {key: 'price', value}),
      range: {from, to},
    });
  }
  if (priceValues.length) {
    facets.push({
      key: 'price',
      name: labels.keys.get('price') ?? 'Price',
      type: 'PRICERANGE',
      hidden: false,
      quantity: priceValues.length,
      values: priceValues,
    });
  }
  return facets;
}

export function breadcrumb(
  query: string,
  selected: SelectedFacet[],
  labels: Labels,
): {name: string; href: string}[] {
  const out: {name: string; href: string}[] = [];
  const upTo: SelectedFacet[] = [];
  if (query) out.push({name: query, href: legacyHref(query, [])});
  for (const f of selected) {
    if (f.negated || NEUTRAL_KEYS.has(f.key)) continue;
    upTo.push(f);
    const name =
      labels.values.get(f.key)?.get(f.key === 'price' ? f.value : slugify(f.value))?.name ?? f.value;
    out.push({name, href: legacyHref(query, upTo)});
  }
  return out;
}
