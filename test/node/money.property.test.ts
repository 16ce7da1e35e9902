/**
 * Property tests at the money boundary (issue 22): the one formatting function, the catalog price block, and
 * the totals of the orderForm the elements render (the sandbox computes them as VTEX does). The elements'
 * own rendering of those totals is property-tested in the browser (cart.test.ts, a few dozen runs).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {nothing, type TemplateResult} from 'lit';
import {discountPercent, formatCents, formatDecimal} from '../../src/i18n/format.js';
import {renderPrice} from '../../src/elements/shared-catalog/price.js';
import type {CatalogMessages} from '../../src/elements/shared-catalog/catalog.messages.js';
import type {ISCommertialOffer} from '../../src/client/types.js';
import {createSandboxWithCatalog} from '../../src/sandbox/sandbox.js';
import type {SandboxSku} from '../../src/sandbox/types.js';
import {ADDRESS, PROFILE, Shopper} from './helpers/sandbox-fixtures.js';

const LOCALES = ['en', 'pt-BR', 'es'] as const;
const cents = fc.integer({min: -10_000_000_00, max: 10_000_000_00});

describe('money formatting', () => {
  it('formatCents shows exactly the cents it was given, with a sign only when negative', () => {
    fc.assert(
      fc.property(
        cents,
        fc.constantFrom(...LOCALES),
        fc.constantFrom('BRL', 'USD', 'EUR'),
        (c, locale, code) => {
          const text = formatCents(c, {currencyCode: code}, locale);
          assert.equal(Number(text.replace(/\D/g, '')), Math.abs(c), text);
          assert.equal(/[-\u2212]/.test(text), c < 0, text);
          // The two last digits are the cents, after the locale's decimal separator.
          assert.match(text, new RegExp(`[.,]${String(Math.abs(c) % 100).padStart(2, '0')}(?!\\d)`), text);
        },
      ),
      {seed: 22},
    );
  });

  it('formatDecimal (search prices) and formatCents (checkout prices) agree on the same amount', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000_00), fc.constantFrom(...LOCALES), (c, locale) => {
        const brl = {currencyCode: 'BRL'};
        assert.equal(formatDecimal(c / 100, brl, locale), formatCents(c, brl, locale));
      }),
      {seed: 22},
    );
  });

  it('discountPercent is a whole percentage, 0 exactly when the list price is not higher', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (list, selling) => {
        const pct = discountPercent(list, selling);
        assert.ok(Number.isInteger(pct) && pct >= 0 && pct <= 100, String(pct));
        if (list <= selling) assert.equal(pct, 0);
        // Any discount of at least half a percent shows.
        if (list > 0 && (list - selling) / list >= 0.005) assert.ok(pct >= 1, `${list} → ${selling}: ${pct}`);
      }),
      {seed: 22},
    );
  });
});

/** Renders a Lit template to markup in Node (text and attributes only: enough to see which parts exist). */
function markup(v: unknown): string {
  if (v === nothing || v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(markup).join('');
  const t = v as TemplateResult;
  if (t && typeof t === 'object' && 'strings' in t && 'values' in t)
    return t.strings.reduce((out, s, i) => out + s + (i < t.values.length ? markup(t.values[i]) : ''), '');
  return String(v);
}

const messages = {
  listPrice: 'Was',
  sellingPrice: 'Now',
  discount: (pct: number) => `${pct}% off`,
  installments: (n: number, v: string) => `${n}x ${v}`,
  interestFree: 'interest-free',
} as unknown as CatalogMessages;

describe('catalog price block', () => {
  it('strikes the list price through only when it is higher, and always shows the selling price', () => {
    const money = (v: number) => formatDecimal(v, {currencyCode: 'BRL'}, 'en');
    // List = selling + a difference that is often 0 (full price), sometimes tiny, sometimes negative.
    const prices = fc
      .tuple(
        fc.nat(100_000_00),
        fc.oneof(fc.constant(0), fc.integer({min: -5, max: 5}), fc.integer({min: -100_000, max: 100_000_00})),
      )
      .map(([selling, d]) => [Math.max(0, selling + d), selling] as const);
    fc.assert(
      fc.property(prices, ([listCents, sellingCents]) => {
        const offer = {
          Price: sellingCents / 100,
          ListPrice: listCents / 100,
          PriceWithoutDiscount: listCents / 100,
          AvailableQuantity: 10,
          Installments: [],
        } as unknown as ISCommertialOffer;
        const html = markup(renderPrice(offer, messages, money));
        const struck = html.includes('part="list-price"');
        if (struck) {
          assert.ok(listCents > sellingCents, `struck through at ${listCents} → ${sellingCents}`);
          assert.ok(html.includes(money(listCents / 100)));
          assert.ok(html.includes(`${discountPercent(listCents, sellingCents)}% off`));
        }
        if (discountPercent(listCents, sellingCents) > 0) assert.ok(struck, `${listCents} → ${sellingCents}`);
        assert.ok(html.includes(money(sellingCents / 100)), 'the selling price shows');
      }),
      {seed: 22, numRuns: 200},
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

const OF = '/api/checkout/pub/orderForm';

const skuArb = (id: string) =>
  fc
    .record({
      price: fc.integer({min: 1, max: 500_000}),
      markup: fc.oneof(fc.constant(0), fc.integer({min: 1, max: 200_000})),
      stock: fc.oneof(fc.constant(0), fc.integer({min: 1, max: 100})),
    })
    .map(({price, markup, stock}): SandboxSku => ({
      skuId: id,
      productId: `p${id}`,
      productName: `Product ${id}`,
      skuName: `Variant ${id}`,
      name: `Product ${id} Variant ${id}`,
      brand: 'Acme',
      brandId: 2000000,
      refId: `REF-${id}`,
      ean: `789000000${id}`,
      categoryIdsPath: '/1/2/',
      categories: {'1': 'Apparel'},
      imageUrl: `/arquivos/ids/${id}-55-55/img.jpg`,
      detailUrl: `/product-${id}/p`,
      sellerId: '1',
      price,
      listPrice: price + markup,
      stock,
      measurementUnit: 'un',
      unitMultiplier: 1,
    }));

interface Totals {
  value: number;
  totalizers: {id: string; value: number}[];
  items: {
    id: string;
    quantity: number;
    listPrice: number;
    sellingPrice: number;
    price: number;
    availability: string;
    priceDefinition: {
      calculatedSellingPrice: number;
      total: number;
      sellingPrices: {value: number; quantity: number}[];
    };
  }[];
}

describe('orderForm totals (what the cart, the checkout summary and the order show)', () => {
  it('for any prices, quantities, coupon and delivery: value = Σ totalizers, Items + Discounts = Σ line totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(skuArb('x'), fc.integer({min: 1, max: 12})), {minLength: 1, maxLength: 4}),
        fc.constantFrom(null, 'SUMMER10', 'BLACKFRIDAY', 'FREESHIPPING', 'NOPE42'),
        fc.boolean(),
        async (lines, coupon, deliver) => {
          const skus = new Map(lines.map(([s], i) => [String(i + 1), {...s, skuId: String(i + 1)}]));
          const sandbox = createSandboxWithCatalog({
            getSku: (id) => skus.get(id),
            handle: async () => undefined,
          });
          const s = new Shopper(sandbox);
          const id = (await s.body('GET', OF)).body.orderFormId as string;
          await s.body('POST', `${OF}/${id}/items`, {
            orderItems: lines.map(([, q], i) => ({id: String(i + 1), quantity: q, seller: '1'})),
          });
          if (coupon) await s.body('POST', `${OF}/${id}/coupons`, {text: coupon});
          if (deliver) {
            await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, PROFILE);
            await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
          }
          const of = (await s.body<Totals>('GET', `${OF}/${id}`)).body;
          const total = (tid: string) => of.totalizers.find((t) => t.id === tid)?.value ?? 0;
          const what = JSON.stringify({
            lines: lines.map(([x, q]) => [x.price, x.listPrice, x.stock, q]),
            coupon,
          });
          assert.equal(
            of.value,
            of.totalizers.reduce((sum, t) => sum + t.value, 0),
            `value = Σ totalizers ${what}`,
          );
          const lineTotals = of.items.reduce((sum, i) => sum + i.priceDefinition.total, 0);
          // Free shipping is a discount on the Shipping totalizer, not on a line.
          const freeShipping = coupon === 'FREESHIPPING' ? total('Shipping') : 0;
          assert.equal(
            total('Items') + total('Discounts') + freeShipping,
            lineTotals,
            `Items + Discounts ${what}`,
          );
          assert.ok(total('Discounts') <= 0, what);
          for (const item of of.items) {
            const pd = item.priceDefinition;
            assert.equal(
              pd.sellingPrices.reduce((sum, p) => sum + p.value * p.quantity, 0),
              pd.total,
              `sellingPrices add up to the line total ${what}`,
            );
            if (item.availability === 'available') {
              // The unit selling price is the line total shared out, to the cent.
              assert.ok(Math.abs(item.sellingPrice * item.quantity - pd.total) < item.quantity, what);
              assert.equal(pd.calculatedSellingPrice, item.sellingPrice);
              assert.ok(item.sellingPrice <= item.price, `a coupon never raises a price ${what}`);
            } else assert.equal(pd.total, 0, `a sold-out line is not charged ${what}`);
          }
          // The coupon's exact amount: 10% of each line, or R$ 50 off (never more than the items).
          const sold = of.items.filter((i) => i.availability === 'available');
          if (coupon === 'SUMMER10')
            assert.equal(
              total('Discounts'),
              sold.reduce((sum, i) => sum - Math.round((i.price * i.quantity) / 10), 0),
              what,
            );
          if (coupon === 'BLACKFRIDAY')
            assert.equal(total('Discounts'), 0 - Math.min(5000, total('Items')), what);
          if (!coupon || coupon === 'NOPE42')
            for (const item of of.items.filter((i) => i.availability === 'available'))
              assert.equal(item.sellingPrice, item.price, `no discount without a coupon ${what}`);
        },
      ),
      {seed: 22, numRuns: 60},
    );
  });
});
