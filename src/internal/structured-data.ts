/**
 * schema.org JSON-LD for products, built from Intelligent Search data: a `Product` for a product page and an
 * `ItemList` of products for a listing, shaped for Google's Product rich results (name; offers with price,
 * priceCurrency, availability and url; image, description, sku, brand, gtin and aggregateRating where the
 * catalog has them). No DOM here: `StructuredDataController` writes the result into the page.
 */
import type {ISProduct, ISSku} from '../client/types.js';

export type JsonLd = {readonly [key: string]: unknown};

/** What a product's JSON-LD is built from. */
export interface ProductFacts {
  product: ISProduct;
  /** The SKU on show (the shopper's choice on a product page); defaults to the first available one. */
  sku?: ISSku;
  /** Absolute URL of the product's page (relative image paths resolve against it). */
  url: string;
  /** ISO 4217 code of the prices (the store's currency). */
  currency: string;
  /** The description as plain text (the element has the merchant's HTML sanitized into a fragment already). */
  description?: string;
}

const SCHEMA = 'https://schema.org';

/**
 * The product's rating, when the catalog carries one: Intelligent Search has none of its own, so stores keep it in
 * product specifications named `ratingValue` and `reviewCount` ("4,6" and "128").
 */
function ratingOf(product: ISProduct): JsonLd | undefined {
  const find = (name: string) =>
    Number(product.properties?.find((s) => s.name.toLowerCase() === name)?.values[0]?.replace(',', '.'));
  const ratingValue = find('ratingvalue');
  const reviewCount = find('reviewcount');
  // Number(undefined) is NaN, which fails both comparisons.
  return ratingValue >= 0 && reviewCount >= 1
    ? {'@type': 'AggregateRating', ratingValue, reviewCount}
    : undefined;
}

const offerOf = (sku: ISSku | undefined) =>
  (sku?.sellers.find((s) => s.sellerDefault) ?? sku?.sellers[0])?.commertialOffer;

/**
 * A schema.org `Product` (without `@context`), or undefined when Google could not use it: a product needs offers
 * (a known price) or a rating to be a rich result. Keys left undefined are not written (`JSON.stringify`).
 */
function productNode({product, sku, url, currency, description}: ProductFacts): JsonLd | undefined {
  const shown = sku ?? product.items.find((s) => offerOf(s)!.AvailableQuantity > 0) ?? product.items[0];
  const o = offerOf(shown);
  // An unavailable SKU often has Price 0: its list price is what the page shows, never "free".
  const price = o && [o.Price, o.PriceWithoutDiscount, o.ListPrice].find((p) => p > 0);
  const aggregateRating = ratingOf(product);
  const ean = shown?.ean?.trim();
  return product.productName && (price || aggregateRating)
    ? {
        '@type': 'Product',
        name: product.productName,
        url,
        // Absolute: search engines need them, and a proxied store may serve relative image paths.
        image: [...new Set((shown?.images ?? []).map((i) => new URL(i.imageUrl, url).href))],
        description: description?.replace(/\s+/g, ' ').trim().slice(0, 5000) || undefined,
        sku: shown?.itemId,
        // GTIN-8, -12, -13 or -14: VTEX's ean field holds whatever the merchant typed.
        gtin: ean && /^(\d{8}|\d{12,14})$/.test(ean) ? ean : undefined,
        brand: product.brand ? {'@type': 'Brand', name: product.brand} : undefined,
        offers: price
          ? {
              '@type': 'Offer',
              url,
              price,
              priceCurrency: currency.toUpperCase(),
              availability: `${SCHEMA}/${o.AvailableQuantity > 0 ? 'InStock' : 'OutOfStock'}`,
              priceValidUntil: o.PriceValidUntil?.slice(0, 10),
            }
          : undefined,
        aggregateRating,
      }
    : undefined;
}

/** A product page's JSON-LD, or undefined when there is nothing a search engine could use. */
export function productJsonLd(facts: ProductFacts): JsonLd | undefined {
  const node = productNode(facts);
  return node && {'@context': SCHEMA, ...node};
}

/** A listing's JSON-LD: an `ItemList` whose items are the products shown, at their 1-based positions. */
export function itemListJsonLd(items: readonly (ProductFacts & {position: number})[]): JsonLd | undefined {
  return items.length
    ? {
        '@context': SCHEMA,
        '@type': 'ItemList',
        itemListElement: items.map((facts) => {
          const item = productNode(facts);
          return {
            '@type': 'ListItem',
            position: facts.position,
            item,
            url: item ? undefined : facts.url,
            name: item ? undefined : facts.product.productName,
          };
        }),
      }
    : undefined;
}

/**
 * The text of a `<script type="application/ld+json">`: JSON with `<`, `>` and `&` written as `\u003c`… so no
 * value (a product named `</script><script>…`) can end the script or open a comment when the page is serialized
 * and parsed again, and U+2028/U+2029 escaped for old JavaScript parsers. `JSON.parse` reads it back unchanged.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
