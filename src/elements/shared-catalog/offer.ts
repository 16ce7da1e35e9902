import type {ISCommertialOffer, ISInstallment, ISProduct, ISSeller, ISSku} from '../../client/types.js';

/** The seller VTEX marks as default for a SKU, else the first one (API.md §4.8). */
export function defaultSeller(sku: ISSku | undefined): ISSeller | undefined {
  if (!sku) return undefined;
  return sku.sellers.find((s) => s.sellerDefault) ?? sku.sellers[0];
}

export function offerOf(sku: ISSku | undefined): ISCommertialOffer | undefined {
  return defaultSeller(sku)?.commertialOffer;
}

export function isAvailable(sku: ISSku | undefined): boolean {
  return (offerOf(sku)?.AvailableQuantity ?? 0) > 0;
}

/** The SKU a card or page shows first: the first available one, else the first. */
export function initialSku(product: ISProduct): ISSku | undefined {
  return product.items.find(isAvailable) ?? product.items[0];
}

/** Variation axes (Size, Color…): `skuSpecifications`, else the union of the SKUs' variation names. */
export function skuAxes(product: ISProduct): {name: string; values: string[]}[] {
  if (product.skuSpecifications?.length) {
    return product.skuSpecifications.map((s) => ({name: s.field.name, values: s.values.map((v) => v.name)}));
  }
  const axes = new Map<string, Set<string>>();
  for (const sku of product.items) {
    for (const v of sku.variations ?? []) {
      let set = axes.get(v.name);
      if (!set) axes.set(v.name, (set = new Set()));
      for (const value of v.values) set.add(value);
    }
  }
  return [...axes].map(([name, values]) => ({name, values: [...values]}));
}

/** The value of one axis for a SKU. */
export function variationOf(sku: ISSku | undefined, axis: string): string | undefined {
  return sku?.variations?.find((v) => v.name === axis)?.values[0];
}

/** A SKU's values on every axis: `{Size: 'M', Color: 'Azul'}`. */
export function selectionOf(sku: ISSku | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of sku?.variations ?? []) if (v.values[0] !== undefined) out[v.name] = v.values[0];
  return out;
}

const matches = (sku: ISSku, selection: Record<string, string | undefined>): boolean =>
  Object.entries(selection).every(([axis, value]) => value === undefined || variationOf(sku, axis) === value);

/** The SKU matching every chosen value, or undefined when the combination does not exist. */
export function findSku(
  product: ISProduct,
  selection: Record<string, string | undefined>,
): ISSku | undefined {
  return product.items.find((sku) => matches(sku, selection));
}

/**
 * Choosing `value` on `axis` while keeping the other choices: `available` when an in-stock SKU has that
 * combination, `unavailable` when only out-of-stock SKUs do, `missing` when none exists.
 */
export function valueState(
  product: ISProduct,
  selection: Record<string, string | undefined>,
  axis: string,
  value: string,
): 'available' | 'unavailable' | 'missing' {
  const wanted = {...selection, [axis]: value};
  const skus = product.items.filter((sku) => matches(sku, wanted));
  if (skus.some(isAvailable)) return 'available';
  return skus.length ? 'unavailable' : 'missing';
}

/**
 * After the shopper picks `value` on `axis`: the exact combination when it exists and is in stock, else the
 * first in-stock SKU with that value (so a choice never lands on a dead end), else the exact combination.
 */
export function pickSku(
  product: ISProduct,
  selection: Record<string, string | undefined>,
  axis: string,
  value: string,
  keep: Record<string, string | undefined> = {},
): ISSku | undefined {
  const exact = findSku(product, {...selection, [axis]: value});
  if (exact && isAvailable(exact)) return exact;
  const inStock = product.items.filter((sku) => variationOf(sku, axis) === value && isAvailable(sku));
  return inStock.find((sku) => matches(sku, keep)) ?? inStock[0] ?? exact;
}

/** The choices on the axes before `axis` (selectors are hierarchical: Size, then Color for that size). */
export function priorSelection(
  axes: readonly {name: string}[],
  selection: Record<string, string | undefined>,
  axis: string,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const a of axes) {
    if (a.name === axis) break;
    out[a.name] = selection[a.name];
  }
  return out;
}

/** The longest interest-free installment plan (VTEX's usual "12x R$ 10,00 sem juros"), else the longest. */
export function bestInstallment(offer: ISCommertialOffer | undefined): ISInstallment | undefined {
  const list = offer?.Installments ?? [];
  let best: ISInstallment | undefined;
  for (const i of list) {
    if (i.NumberOfInstallments < 2) continue;
    const better =
      !best ||
      (i.InterestRate === 0 && best.InterestRate !== 0) ||
      (i.InterestRate === best.InterestRate && i.NumberOfInstallments > best.NumberOfInstallments);
    if (better) best = i;
  }
  return best;
}

/** The image for a SKU, falling back to the product's first image. */
export function imageOf(product: ISProduct, sku: ISSku | undefined): {url: string; alt: string} | undefined {
  const img = sku?.images?.[0] ?? product.items.find((s) => s.images?.length)?.images[0];
  if (!img) return undefined;
  return {url: img.imageUrl, alt: img.imageText || product.productName};
}

/** `?product={slug}` → `?product=camiseta`; `{id}` is the product id. Values are URI-encoded. */
export function productUrl(template: string, product: Pick<ISProduct, 'linkText' | 'productId'>): string {
  return template
    .replace(/\{slug\}/g, encodeURIComponent(product.linkText))
    .replace(/\{id\}/g, encodeURIComponent(product.productId));
}
