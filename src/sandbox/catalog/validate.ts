/**
 * Validation and normalisation of a user-provided seed. Required fields are checked (clear error with the JSON
 * path of the first problem); optional VTEX fields a hand-written seed may omit get VTEX's defaults.
 */
import type {
  CatalogSeed,
  CategoryNode,
  ISCluster,
  ISCommertialOffer,
  ISImage,
  ISProduct,
  ISSeller,
  ISSku,
  ISSpecification,
} from './types.js';
import {priceRangeOf} from './seed.js';
import {slugify} from './text.js';

export class SeedError extends Error {
  constructor(path: string, problem: string) {
    super(`Invalid catalog seed: ${path} ${problem}`);
    this.name = 'SeedError';
  }
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function obj(x: unknown, path: string): Obj {
  if (!isObj(x)) throw new SeedError(path, 'must be an object');
  return x;
}

function arr(x: unknown, path: string, nonEmpty = false): unknown[] {
  if (!Array.isArray(x)) throw new SeedError(path, 'must be an array');
  if (nonEmpty && x.length === 0) throw new SeedError(path, 'must not be empty');
  return x;
}

function str(x: unknown, path: string, nonEmpty = true): string {
  if (typeof x !== 'string' || (nonEmpty && x.trim() === '')) {
    throw new SeedError(path, nonEmpty ? 'must be a non-empty string' : 'must be a string');
  }
  return x;
}

function num(x: unknown, path: string, min = -Infinity): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new SeedError(path, 'must be a finite number');
  if (x < min) throw new SeedError(path, `must be ≥ ${min}`);
  return x;
}

function optStr(x: unknown, path: string, fallback: string): string {
  return x === undefined || x === null ? fallback : str(x, path, false);
}

function optArr<T>(x: unknown, path: string): T[] {
  return x === undefined || x === null ? [] : (arr(x, path) as T[]);
}

function validateCategory(
  x: unknown,
  path: string,
  ids: Map<number, CategoryNode>,
  parentUrl: string,
): CategoryNode {
  const o = obj(x, path);
  const id = num(o['id'], `${path}.id`);
  if (!Number.isInteger(id)) throw new SeedError(`${path}.id`, 'must be an integer');
  if (ids.has(id)) throw new SeedError(`${path}.id`, `duplicates category id ${id}`);
  const name = str(o['name'], `${path}.name`);
  const url = optStr(o['url'], `${path}.url`, `${parentUrl}/${slugify(name)}`);
  const node: CategoryNode = {
    id,
    name,
    hasChildren: false,
    url,
    children: [],
    Title: optStr(o['Title'], `${path}.Title`, name),
    MetaTagDescription: optStr(o['MetaTagDescription'], `${path}.MetaTagDescription`, ''),
  };
  ids.set(id, node);
  node.children = optArr<unknown>(o['children'], `${path}.children`).map((c, i) =>
    validateCategory(c, `${path}.children[${i}]`, ids, url.replace(/^https?:\/\/[^/]+/, '')),
  );
  node.hasChildren = node.children.length > 0;
  return node;
}

function validateOffer(x: unknown, path: string): ISCommertialOffer {
  const o = obj(x, path);
  const Price = num(o['Price'], `${path}.Price`, 0);
  const ListPrice = o['ListPrice'] === undefined ? Price : num(o['ListPrice'], `${path}.ListPrice`, 0);
  const stock = num(o['AvailableQuantity'], `${path}.AvailableQuantity`, 0);
  return {
    ...o,
    Price,
    ListPrice,
    PriceWithoutDiscount:
      o['PriceWithoutDiscount'] === undefined
        ? ListPrice
        : num(o['PriceWithoutDiscount'], `${path}.PriceWithoutDiscount`),
    spotPrice: o['spotPrice'] === undefined ? Price : num(o['spotPrice'], `${path}.spotPrice`),
    AvailableQuantity: Math.floor(stock),
    Tax: o['Tax'] === undefined ? 0 : num(o['Tax'], `${path}.Tax`),
    taxPercentage: o['taxPercentage'] === undefined ? 0 : num(o['taxPercentage'], `${path}.taxPercentage`),
    PriceValidUntil: optStr(o['PriceValidUntil'], `${path}.PriceValidUntil`, '2030-12-31T23:59:59Z'),
    RewardValue: o['RewardValue'] === undefined ? 0 : num(o['RewardValue'], `${path}.RewardValue`),
    Installments: optArr(o['Installments'], `${path}.Installments`),
    teasers: optArr(o['teasers'], `${path}.teasers`),
    discountHighlights: optArr(o['discountHighlights'], `${path}.discountHighlights`),
    GiftSkuIds: optArr(o['GiftSkuIds'], `${path}.GiftSkuIds`),
  };
}

function validateSeller(x: unknown, path: string, index: number): ISSeller {
  const o = obj(x, path);
  return {
    ...o,
    sellerId: str(o['sellerId'], `${path}.sellerId`),
    sellerName: optStr(o['sellerName'], `${path}.sellerName`, ''),
    sellerDefault: typeof o['sellerDefault'] === 'boolean' ? o['sellerDefault'] : index === 0,
    addToCartLink: optStr(o['addToCartLink'], `${path}.addToCartLink`, ''),
    commertialOffer: validateOffer(o['commertialOffer'], `${path}.commertialOffer`),
  };
}

function validateImage(x: unknown, path: string): ISImage {
  const o = obj(x, path);
  const imageId =
    typeof o['imageId'] === 'number' ? String(o['imageId']) : str(o['imageId'], `${path}.imageId`);
  return {
    ...o,
    imageId,
    imageUrl: str(o['imageUrl'], `${path}.imageUrl`),
    imageText: optStr(o['imageText'], `${path}.imageText`, ''),
    imageLabel: optStr(o['imageLabel'], `${path}.imageLabel`, ''),
    imageTag: optStr(o['imageTag'], `${path}.imageTag`, ''),
    cacheId: optStr(o['cacheId'], `${path}.cacheId`, imageId),
  };
}

function validateNameValues(x: unknown, path: string): {name: string; values: string[]} {
  const o = obj(x, path);
  return {
    ...o,
    name: str(o['name'], `${path}.name`),
    values: arr(o['values'], `${path}.values`).map((v, i) => str(v, `${path}.values[${i}]`, false)),
  };
}

function validateSku(x: unknown, path: string, productName: string, skuIds: Set<string>): ISSku {
  const o = obj(x, path);
  const itemId = str(o['itemId'], `${path}.itemId`);
  if (skuIds.has(itemId)) throw new SeedError(`${path}.itemId`, `duplicates SKU id ${itemId}`);
  skuIds.add(itemId);
  const name = str(o['name'], `${path}.name`);
  return {
    ...o,
    itemId,
    name,
    nameComplete: optStr(o['nameComplete'], `${path}.nameComplete`, `${productName} ${name}`),
    complementName: optStr(o['complementName'], `${path}.complementName`, ''),
    ean: optStr(o['ean'], `${path}.ean`, ''),
    referenceId: optArr(o['referenceId'], `${path}.referenceId`),
    measurementUnit: optStr(o['measurementUnit'], `${path}.measurementUnit`, 'un'),
    unitMultiplier:
      o['unitMultiplier'] === undefined ? 1 : num(o['unitMultiplier'], `${path}.unitMultiplier`, 0),
    variations: optArr<unknown>(o['variations'], `${path}.variations`).map((v, i) =>
      validateNameValues(v, `${path}.variations[${i}]`),
    ),
    images: optArr<unknown>(o['images'], `${path}.images`).map((v, i) =>
      validateImage(v, `${path}.images[${i}]`),
    ),
    sellers: arr(o['sellers'], `${path}.sellers`, true).map((s, i) =>
      validateSeller(s, `${path}.sellers[${i}]`, i),
    ),
    isKit: o['isKit'] === true,
    attachments: optArr(o['attachments'], `${path}.attachments`),
    videos: optArr(o['videos'], `${path}.videos`),
    modalType: optStr(o['modalType'], `${path}.modalType`, ''),
    estimatedDateArrival: typeof o['estimatedDateArrival'] === 'string' ? o['estimatedDateArrival'] : null,
  };
}

function categoryPath(path: string, p: string, ids: Map<number, CategoryNode>): CategoryNode[] {
  const parts = p.split('/').filter((s) => s !== '');
  if (parts.length === 0) throw new SeedError(path, 'must look like "/1/2/3/"');
  return parts.map((part) => {
    const node = ids.get(Number(part));
    if (!node) throw new SeedError(path, `references unknown category id ${part}`);
    return node;
  });
}

function validateProduct(
  x: unknown,
  path: string,
  ids: Map<number, CategoryNode>,
  productIds: Set<string>,
  slugs: Set<string>,
  skuIds: Set<string>,
): ISProduct {
  const o = obj(x, path);
  const productId =
    typeof o['productId'] === 'number' ? String(o['productId']) : str(o['productId'], `${path}.productId`);
  if (productIds.has(productId))
    throw new SeedError(`${path}.productId`, `duplicates product id ${productId}`);
  productIds.add(productId);
  const productName = str(o['productName'], `${path}.productName`);
  const linkText = optStr(o['linkText'], `${path}.linkText`, slugify(productName));
  if (slugs.has(linkText)) throw new SeedError(`${path}.linkText`, `duplicates slug "${linkText}"`);
  slugs.add(linkText);
  const brand = str(o['brand'], `${path}.brand`);
  const catIds = arr(o['categoriesIds'], `${path}.categoriesIds`, true).map((c, i) =>
    str(c, `${path}.categoriesIds[${i}]`),
  );
  // Most specific path first, then its ancestors — as Intelligent Search returns them.
  const deepest = catIds
    .map((c, i) => categoryPath(`${path}.categoriesIds[${i}]`, c, ids))
    .reduce((a, b) => (b.length > a.length ? b : a));
  const chains = deepest.map((_, i) => deepest.slice(0, deepest.length - i));
  const items = arr(o['items'], `${path}.items`, true).map((s, i) =>
    validateSku(s, `${path}.items[${i}]`, productName, skuIds),
  );
  const leafCat = deepest[deepest.length - 1];
  return {
    ...o,
    cacheId: optStr(o['cacheId'], `${path}.cacheId`, `sp-${productId}`),
    productId,
    productName,
    description: optStr(o['description'], `${path}.description`, ''),
    productReference: optStr(o['productReference'], `${path}.productReference`, ''),
    linkText,
    link: `/${linkText}/p`,
    brand,
    brandId: num(o['brandId'], `${path}.brandId`),
    categories: chains.map((c) => `/${c.map((n) => n.name).join('/')}/`),
    categoryId: String(leafCat?.id ?? ''),
    categoriesIds: chains.map((c) => `/${c.map((n) => n.id).join('/')}/`),
    priceRange: priceRangeOf(items),
    specificationGroups: optArr<unknown>(o['specificationGroups'], `${path}.specificationGroups`).map(
      (g, i) => {
        const gp = `${path}.specificationGroups[${i}]`;
        const go = obj(g, gp);
        const name = str(go['name'], `${gp}.name`);
        return {
          name,
          originalName: optStr(go['originalName'], `${gp}.originalName`, name),
          specifications: arr(go['specifications'], `${gp}.specifications`).map((sp, j) =>
            spec(sp, `${gp}.specifications[${j}]`),
          ),
        };
      },
    ),
    skuSpecifications: optArr<unknown>(o['skuSpecifications'], `${path}.skuSpecifications`).map((x, i) => {
      const sp = `${path}.skuSpecifications[${i}]`;
      const so = obj(x, sp);
      const field = obj(so['field'], `${sp}.field`);
      const fieldName = str(field['name'], `${sp}.field.name`);
      return {
        field: {
          name: fieldName,
          originalName: optStr(field['originalName'], `${sp}.field.originalName`, fieldName),
        },
        values: arr(so['values'], `${sp}.values`).map((v, j) => {
          const vo = obj(v, `${sp}.values[${j}]`);
          const vn = str(vo['name'], `${sp}.values[${j}].name`, false);
          return {name: vn, originalName: optStr(vo['originalName'], `${sp}.values[${j}].originalName`, vn)};
        }),
      };
    }),
    productClusters: clusters(o['productClusters'], `${path}.productClusters`),
    clusterHighlights: clusters(o['clusterHighlights'], `${path}.clusterHighlights`),
    properties: optArr<unknown>(o['properties'], `${path}.properties`).map((x, i) =>
      spec(x, `${path}.properties[${i}]`),
    ),
    items,
    releaseDate: validateRelease(o['releaseDate'], `${path}.releaseDate`),
    origin: optStr(o['origin'], `${path}.origin`, 'intelligent-search'),
  };
}

function spec(x: unknown, path: string): ISSpecification {
  const nv = validateNameValues(x, path);
  const o = obj(x, path);
  return {
    name: nv.name,
    originalName: optStr(o['originalName'], `${path}.originalName`, nv.name),
    values: nv.values,
  };
}

function clusters(x: unknown, path: string): ISCluster[] {
  return optArr<unknown>(x, path).map((c, i) => {
    const o = obj(c, `${path}[${i}]`);
    const id = typeof o['id'] === 'number' ? String(o['id']) : str(o['id'], `${path}[${i}].id`);
    return {id, name: optStr(o['name'], `${path}[${i}].name`, '')};
  });
}

function validateRelease(x: unknown, path: string): number {
  if (x === undefined || x === null) return 0;
  if (typeof x === 'string') {
    const t = Date.parse(x);
    if (Number.isNaN(t)) throw new SeedError(path, 'must be epoch milliseconds or an ISO date');
    return t;
  }
  return num(x, path);
}

/**
 * Checks a seed (e.g. parsed from a user's JSON file) and returns a normalised copy.
 * @throws SeedError with the JSON path of the first problem, e.g.
 *   `Invalid catalog seed: products[3].items[0].sellers[0].commertialOffer.Price must be a finite number`.
 */
export function validateSeed(x: unknown): CatalogSeed {
  const root = obj(x, '(root)');
  const ids = new Map<number, CategoryNode>();
  const categories = arr(root['categories'], 'categories', true).map((c, i) =>
    validateCategory(c, `categories[${i}]`, ids, ''),
  );
  const productIds = new Set<string>();
  const slugs = new Set<string>();
  const skuIds = new Set<string>();
  const products = arr(root['products'], 'products', true).map((p, i) =>
    validateProduct(p, `products[${i}]`, ids, productIds, slugs, skuIds),
  );
  return {categories, products};
}
