/**
 * Product JSON-LD from sandbox catalog data, checked against Google's Product rich-result requirements with
 * Adobe's validator (@adobe/structured-data-validator: Google's required and recommended properties per type),
 * plus what that validator does not check: absolute URLs, a positive price, ISO currency, schema.org
 * availability, and escaping that keeps `</script>` inside the script.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
// @ts-expect-error The validator ships JavaScript without type declarations.
import Validator from '@adobe/structured-data-validator';
import type {ISProduct} from '../../src/client/types.js';
import {itemListJsonLd, jsonLdText, productJsonLd, type JsonLd} from '../../src/internal/structured-data.js';
import {createSandbox} from '../../src/sandbox/index.js';
import {Shopper} from './helpers/sandbox-fixtures.js';

interface Issue {
  issueMessage: string;
  severity: 'ERROR' | 'WARNING';
  fieldNames?: string[];
}

/** Google's rich-result errors for one JSON-LD document (warnings are recommended properties). */
async function googleErrors(doc: JsonLd): Promise<Issue[]> {
  const parsed = JSON.parse(jsonLdText(doc)) as JsonLd;
  const issues = (await new Validator().validate({
    jsonld: {[parsed['@type'] as string]: [parsed]},
  })) as Issue[];
  return issues.filter((i) => i.severity === 'ERROR');
}

async function products(): Promise<ISProduct[]> {
  const s = new Shopper(createSandbox());
  const r = await s.body('GET', '/api/intelligent-search/v1/product-search/?count=50');
  return r.body.products as ISProduct[];
}

const PAGE = 'https://shop.example/produto?product=camiseta-basica-algodao';
const facts = (product: ISProduct) => ({product, url: PAGE, currency: 'BRL'});

/** The checks Google documents for a Product's offer that the validator leaves loose. */
function assertGoodProduct(p: Record<string, any>, product: ISProduct): void {
  assert.equal(p['@type'], 'Product');
  assert.equal(p.name, product.productName);
  assert.ok(Array.isArray(p.image) && p.image.length > 0, 'image');
  for (const src of p.image) assert.match(src, /^https?:\/\//, 'absolute image URL');
  const offer = p.offers;
  assert.equal(offer['@type'], 'Offer');
  assert.equal(typeof offer.price, 'number');
  assert.ok(offer.price > 0, 'a positive price');
  assert.match(offer.priceCurrency, /^[A-Z]{3}$/);
  assert.match(offer.availability, /^https:\/\/schema\.org\/(InStock|OutOfStock)$/);
  assert.match(offer.url, /^https?:\/\//);
  assert.equal(p.brand?.['@type'], 'Brand');
}

describe('structured data: Product', () => {
  it('meets Google Product rich-result requirements for every sandbox product', async () => {
    const all = await products();
    assert.ok(all.length >= 10, `products: ${all.length}`);
    for (const product of all) {
      const doc = productJsonLd(facts(product));
      assert.ok(doc, `${product.productName} has JSON-LD`);
      assert.deepEqual(await googleErrors(doc), [], product.productName);
      assertGoodProduct(doc as Record<string, any>, product);
    }
  });

  it('describes the SKU on show: sku, gtin, price, availability, and the product page URL', async () => {
    const product = (await products()).find((p) => p.items.length > 1)!;
    const sku = product.items[1]!;
    const offer = sku.sellers[0]!.commertialOffer;
    const doc = productJsonLd({...facts(product), sku}) as Record<string, any>;
    assert.equal(doc['@context'], 'https://schema.org');
    assert.equal(doc.sku, sku.itemId);
    if (sku.ean) assert.equal(doc.gtin, sku.ean);
    assert.equal(doc.offers.price, offer.Price > 0 ? offer.Price : offer.ListPrice);
    assert.equal(doc.offers.priceCurrency, 'BRL');
    assert.equal(doc.offers.url, PAGE);
    assert.equal(doc.url, PAGE);
    assert.equal(doc.brand.name, product.brand);
  });

  it('gives the description as text, whitespace collapsed, and none when empty', async () => {
    const product = (await products())[0]!;
    const doc = productJsonLd({...facts(product), description: '  Algodão\n\n  penteado  '}) as Record<
      string,
      any
    >;
    assert.equal(doc.description, 'Algodão penteado');
    const none = JSON.parse(jsonLdText(productJsonLd({...facts(product), description: ' '})!)) as object;
    assert.ok(!('description' in none));
  });

  it('a sold-out SKU with price 0 is out of stock at its list price, never free', async () => {
    const product = structuredClone((await products())[0]!);
    const offer = product.items[0]!.sellers[0]!.commertialOffer;
    Object.assign(offer, {Price: 0, PriceWithoutDiscount: 0, ListPrice: 79.9, AvailableQuantity: 0});
    const doc = productJsonLd({...facts(product), sku: product.items[0]}) as Record<string, any>;
    assert.equal(doc.offers.price, 79.9);
    assert.equal(doc.offers.availability, 'https://schema.org/OutOfStock');
  });

  it('adds aggregateRating where the catalog has one (specifications ratingValue and reviewCount)', async () => {
    const product = structuredClone((await products())[0]!);
    assert.equal((productJsonLd(facts(product)) as Record<string, any>).aggregateRating, undefined);
    product.properties = [...(product.properties ?? []), {name: 'ratingValue', values: ['4,6']}];
    assert.equal(
      (productJsonLd(facts(product)) as Record<string, any>).aggregateRating,
      undefined,
      'no count',
    );
    product.properties = [...product.properties!, {name: 'reviewCount', values: ['128']}];
    const doc = productJsonLd(facts(product)) as Record<string, any>;
    assert.deepEqual(doc.aggregateRating, {'@type': 'AggregateRating', ratingValue: 4.6, reviewCount: 128});
    assert.deepEqual(await googleErrors(doc), []);
  });

  it('writes nothing Google would reject: no price and no rating → no JSON-LD', async () => {
    const product = structuredClone((await products())[0]!);
    for (const sku of product.items) {
      Object.assign(sku.sellers[0]!.commertialOffer, {Price: 0, PriceWithoutDiscount: 0, ListPrice: 0});
    }
    assert.equal(productJsonLd(facts(product)), undefined);
  });

  it('the validator itself rejects a Product without offers (the check can fail)', async () => {
    const errors = await googleErrors({'@context': 'https://schema.org', '@type': 'Product', name: 'x'});
    assert.ok(errors.length > 0);
  });
});

describe('structured data: escaping', () => {
  it('a product named `</script><script>` cannot close the script, and reads back unchanged', async () => {
    const product = structuredClone((await products())[0]!);
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    product.productName = hostile;
    const text = jsonLdText(productJsonLd({...facts(product), description: hostile})!);
    assert.doesNotMatch(text, /<|>|&|\u2028/);
    const back = JSON.parse(text) as Record<string, any>;
    assert.equal(back.name, hostile);
    assert.ok(back.description.startsWith('</script><script>'));
  });
});

describe('structured data: ItemList', () => {
  it('lists the products at their positions, each a valid Product', async () => {
    const all = (await products()).slice(0, 6);
    const doc = itemListJsonLd(
      all.map((product, i) => ({
        product,
        url: `https://shop.example/p?product=${product.linkText}`,
        currency: 'BRL',
        position: 13 + i,
      })),
    ) as Record<string, any>;
    assert.equal(doc['@type'], 'ItemList');
    assert.equal(doc.itemListElement.length, 6);
    assert.deepEqual(
      doc.itemListElement.map((e: any) => e.position),
      [13, 14, 15, 16, 17, 18],
    );
    assert.equal(doc.itemListElement[0].item.url, `https://shop.example/p?product=${all[0]!.linkText}`);
    assert.deepEqual(await googleErrors(doc), []);
    for (const [i, e] of doc.itemListElement.entries()) assertGoodProduct(e.item, all[i]!);
  });

  it('is absent for an empty list', () => {
    assert.equal(itemListJsonLd([]), undefined);
  });
});
