/**
 * Price and totals rendering decisions (issue 22), pinned in Node: the money formatting, the struck-through
 * list price (only when the list price is above what the shopper pays) with its discount, the installment
 * plan shown, the cart's line prices and totals rows, the checkout's order summary and an order's lines and
 * currency. The render functions return Lit templates; `text()` flattens one to its visible text and
 * `parts()` lists its `part` names, so no DOM is needed.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {nothing} from 'lit';
import type {
  ISCommertialOffer,
  ISInstallment,
  OmsOrder,
  OrderForm,
  OrderFormItem,
} from '../../src/client/types.js';
import {renderLine, renderTotals, type LineContext} from '../../src/elements/cart/cart-parts.js';
import cartEn from '../../src/elements/cart/cart.messages.en.js';
import checkoutEn from '../../src/elements/checkout/checkout.messages.en.js';
import {renderOrderSummary} from '../../src/elements/checkout/summary.js';
import orderEn from '../../src/elements/order-history/order-detail.messages.en.js';
import {renderOrderItem} from '../../src/elements/order-history/order-detail.js';
import {orderCurrency} from '../../src/elements/order-history/order-parts.js';
import catalogEn from '../../src/elements/shared-catalog/catalog.messages.en.js';
import {bestInstallment} from '../../src/elements/shared-catalog/offer.js';
import {renderPrice} from '../../src/elements/shared-catalog/price.js';
import {discountPercent, formatCents, formatDecimal} from '../../src/i18n/format.js';

/** The markup a template stands for, with its bound values in place (functions and directives dropped). */
function flat(v: unknown): string {
  if (v === nothing || v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(flat).join('');
  if (typeof v === 'function') return '';
  if (typeof v === 'object') {
    if (!('strings' in v) || !('values' in v)) return '';
    const t = v as {strings: readonly string[]; values: readonly unknown[]};
    return t.strings.map((s, i) => s + (i < t.values.length ? flat(t.values[i]) : '')).join('');
  }
  return String(v);
}
/** Visible text, whitespace (including the no-break spaces of currency formats) collapsed. */
const text = (v: unknown) =>
  flat(v)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const parts = (v: unknown) => [...flat(v).matchAll(/part="([^"]+)"/g)].map((m) => m[1]);
const squash = (s: string) => s.replace(/\s+/g, ' ');

const BRL = {currencyCode: 'BRL'};
const reais = (v: number) => formatDecimal(v, BRL, 'pt-BR');
const cents = (v: number) => formatCents(v, BRL, 'pt-BR');

describe('money formatting (i18n/format.ts)', () => {
  it('formats checkout cents and search decimals in the locale, with the narrow symbol', () => {
    assert.equal(squash(formatCents(123456, BRL, 'pt-BR')), 'R$ 1.234,56');
    assert.equal(squash(formatCents(-2000, BRL, 'pt-BR')), '-R$ 20,00');
    assert.equal(squash(formatCents(5990, BRL, 'es')), '59,90 R$');
    assert.equal(squash(formatCents(5990, {currencyCode: 'BRL', currencyFormatInfo: null}, 'en')), 'R$59.90');
    assert.equal(squash(formatDecimal(1234.5, BRL, 'pt-BR')), 'R$ 1.234,50');
    assert.equal(squash(formatDecimal(1234.5, {currencyCode: 'USD'}, 'en')), '$1,234.50');
  });

  it("uses the store's decimal digits, one formatter per locale, currency and digits", () => {
    const clp = {currencyCode: 'CLP', currencyFormatInfo: {currencyDecimalDigits: 0}};
    assert.equal(squash(formatCents(123456, clp, 'es-CL')), '$1.235');
    const three = {currencyCode: 'BRL', currencyFormatInfo: {currencyDecimalDigits: 3}};
    assert.equal(squash(formatCents(123456, three, 'pt-BR')), 'R$ 1.234,560');
    const none = {currencyCode: 'BRL', currencyFormatInfo: {currencyDecimalDigits: 0}};
    assert.equal(squash(formatCents(123456, none, 'pt-BR')), 'R$ 1.235');
    const two = {currencyCode: 'BRL', currencyFormatInfo: {currencyDecimalDigits: 2}};
    assert.equal(squash(formatCents(123456, two, 'pt-BR')), 'R$ 1.234,56');
    // The same currency again without digits, and in another locale: no formatter is reused across them.
    assert.equal(squash(formatCents(123456, BRL, 'pt-BR')), 'R$ 1.234,56');
    assert.equal(squash(formatCents(123456, BRL, 'en')), 'R$1,234.56');
    assert.equal(squash(formatCents(123456, {currencyCode: 'USD'}, 'en')), '$1,234.56');
  });

  it('gives a whole discount percentage only when the selling price is below a positive list price', () => {
    assert.equal(discountPercent(100, 80), 20);
    assert.equal(discountPercent(30, 20), 33);
    assert.equal(discountPercent(3, 1), 67);
    assert.equal(discountPercent(100, 99.6), 0);
    assert.equal(discountPercent(100, 100), 0);
    assert.equal(discountPercent(80, 100), 0);
    assert.equal(discountPercent(0, 0), 0);
    assert.equal(discountPercent(0, -5), 0);
    assert.equal(discountPercent(-10, -20), 0);
    assert.equal(discountPercent(Number.NaN, 10), 0);
  });
});

const plan = (n: number, value: number, rate = 0): ISInstallment => ({
  NumberOfInstallments: n,
  Value: value,
  InterestRate: rate,
  TotalValuePlusInterestRate: n * value,
  PaymentSystemName: 'Visa',
});
const offer = (price: number, list: number, installments: ISInstallment[] = []): ISCommertialOffer => ({
  Price: price,
  ListPrice: list,
  PriceWithoutDiscount: list,
  AvailableQuantity: 1,
  Installments: installments,
});

describe('catalog price block (shared-catalog/price.ts, offer.ts)', () => {
  it('strikes the list price and shows the discount when the list price is above the selling price', () => {
    const t = renderPrice(offer(80, 100), catalogEn, reais);
    assert.equal(text(t), 'Was R$ 100,00 Now R$ 80,00 20% off');
    assert.deepEqual(parts(t), ['price', 'list-price', 'selling-price', 'discount', 'installments']);
    assert.match(flat(t), /<s class="list-price" part="list-price"/);
  });

  it('shows the selling price alone when there is no discount', () => {
    for (const [price, list] of [
      [80, 80],
      [80, 50],
      [80, 0],
      [100, 99.6],
    ]) {
      const t = renderPrice(offer(price!, list!), catalogEn, reais);
      assert.equal(text(t), squash(reais(price!)), `${price} / ${list}`);
      assert.deepEqual(parts(t), ['price', 'selling-price', 'installments'], `${price} / ${list}`);
    }
  });

  it('renders an empty block without an offer', () => {
    const t = renderPrice(undefined, catalogEn, reais);
    assert.equal(text(t), '');
    assert.deepEqual(parts(t), ['price']);
  });

  it('shows the longest interest-free plan, marked as such, else the longest plan', () => {
    const free = renderPrice(
      offer(120, 120, [plan(1, 120), plan(3, 40), plan(12, 11, 1.99), plan(6, 20), plan(2, 60)]),
      catalogEn,
      reais,
    );
    assert.equal(text(free), 'R$ 120,00 6x R$ 20,00 interest-free');
    const paid = renderPrice(
      offer(120, 120, [plan(3, 41, 1.99), plan(10, 13, 1.99), plan(4, 31, 1.5)]),
      catalogEn,
      reais,
    );
    assert.equal(text(paid), 'R$ 120,00 10x R$ 13,00');
    assert.equal(text(renderPrice(offer(120, 120, [plan(1, 120)]), catalogEn, reais)), 'R$ 120,00');
  });

  it('prefers an interest-free plan found after an interest-bearing one, and never trades it back', () => {
    assert.equal(bestInstallment(offer(1, 1, [plan(12, 1, 2), plan(2, 1)]))?.NumberOfInstallments, 2);
    assert.equal(bestInstallment(offer(1, 1, [plan(2, 1), plan(12, 1, 2)]))?.NumberOfInstallments, 2);
    assert.equal(bestInstallment(offer(1, 1, [plan(5, 1), plan(3, 1)]))?.NumberOfInstallments, 5);
    assert.equal(
      bestInstallment(offer(1, 1, [plan(6, 20), plan(6, 21)]))?.Value,
      20,
      'the first of equal plans',
    );
    assert.equal(bestInstallment(offer(1, 1, [plan(1, 1)])), undefined);
    assert.equal(bestInstallment(undefined), undefined);
  });
});

const item = (o: Partial<OrderFormItem> = {}): OrderFormItem =>
  ({
    uniqueId: 'u1',
    id: '1',
    productId: 'p1',
    name: 'Shoe',
    skuName: 'Shoe',
    quantity: 2,
    seller: '1',
    sellingPrice: 8000,
    listPrice: 10000,
    price: 8000,
    isGift: false,
    imageUrl: '',
    availability: 'available',
    ...o,
  }) as OrderFormItem;
const orderForm = (o: Partial<OrderForm> = {}): OrderForm =>
  ({orderFormId: 'of', value: 0, items: [], totalizers: [], messages: [], ...o}) as OrderForm;

const cartI18n = {m: cartEn, cents} as unknown as LineContext['i18n'];
function line(i: OrderFormItem) {
  const t = renderLine({
    i18n: cartI18n,
    item: i,
    of: orderForm({items: [i]}),
    messages: [],
    pending: undefined,
    error: undefined,
    setQuantity() {},
    onQuantityChange() {},
  });
  const price = flat(t).match(/<div class="price" part="price">([\s\S]*?)<\/div>/)![1]!;
  return {text: text(price), parts: parts(price)};
}

describe('cart line prices (cart/cart-parts.ts renderLine)', () => {
  it('shows the line total, the list price struck for the whole quantity, and the unit price', () => {
    assert.deepEqual(line(item()), {
      text: 'R$ 160,00 Was R$ 200,00 R$ 80,00 each',
      parts: ['line-total', 'list-price', 'unit-price'],
    });
  });

  it("takes VTEX's calculated unit price and line total when it gives them", () => {
    const i = item({priceDefinition: {calculatedSellingPrice: 7500, total: 14990}} as Partial<OrderFormItem>);
    assert.deepEqual(line(i), {
      text: 'R$ 149,90 Was R$ 200,00 R$ 75,00 each',
      parts: ['line-total', 'list-price', 'unit-price'],
    });
  });

  it('strikes nothing when the list price is not above the unit price', () => {
    for (const listPrice of [8000, 7000, 0]) {
      assert.deepEqual(line(item({listPrice})), {
        text: 'R$ 160,00 R$ 80,00 each',
        parts: ['line-total', 'unit-price'],
      });
    }
  });

  it('hides the amounts of a line VTEX cannot sell and priced at 0, and only then', () => {
    assert.deepEqual(line(item({availability: 'withoutStock', sellingPrice: 0, listPrice: 0})), {
      text: '',
      parts: [],
    });
    assert.deepEqual(line(item({availability: 'cannotBeDelivered', sellingPrice: 500, listPrice: 0})), {
      text: 'R$ 10,00 R$ 5,00 each',
      parts: ['line-total', 'unit-price'],
    });
    assert.deepEqual(line(item({sellingPrice: 0, listPrice: 0})), {
      text: 'R$ 0,00 R$ 0,00 each',
      parts: ['line-total', 'unit-price'],
    });
    assert.deepEqual(line(item({availability: '', sellingPrice: 0, listPrice: 0})), {
      text: 'R$ 0,00 R$ 0,00 each',
      parts: ['line-total', 'unit-price'],
    });
  });
});

describe('cart line stepper cap and notes (cart/cart-parts.ts renderLine)', () => {
  const render = (messages: OrderForm['messages'], notes: {text: string; status: string}[] = []) => {
    const i = item();
    return flat(
      renderLine({
        i18n: cartI18n,
        item: i,
        of: orderForm({items: [i], messages}),
        messages: notes,
        pending: undefined,
        error: undefined,
        setQuantity() {},
        onQuantityChange() {},
      }),
    );
  };
  const clamp = (o: Record<string, unknown>) =>
    ({
      code: 'itemQuantityNotAvailable',
      text: 'only 3',
      status: 'warning',
      fields: {quantity: '3', itemIndex: '0', skuName: 'Shoe', ...o},
    }) as OrderForm['messages'][number];

  it('caps the quantity at what VTEX says it can sell for this line, and only then', () => {
    assert.match(render([clamp({})]), /max=3/);
    for (const m of [
      {...clamp({}), code: 'other'},
      clamp({quantity: ''}),
      clamp({itemIndex: '5', skuName: 'Hat'}),
    ] as OrderForm['messages']) {
      assert.doesNotMatch(render([m]), /max=\d/, JSON.stringify(m));
    }
  });

  it("shows the line's notes", () => {
    assert.match(text(render([], [{text: 'Price changed', status: 'info'}])), /Price changed/);
  });
});

describe('cart totals (cart/cart-parts.ts renderTotals)', () => {
  const totals = (totalizers: {id: string; name?: string; value: number}[], value: number) =>
    text(renderTotals(cartI18n, orderForm({totalizers: totalizers as OrderForm['totalizers'], value})));

  it('lists subtotal, discounts, shipping and tax in that order, then the grand total', () => {
    assert.equal(
      totals(
        [
          {id: 'Tax', value: 300},
          {id: 'Shipping', value: 1500},
          {id: 'Discounts', value: -2000},
          {id: 'Items', value: 20000},
          {id: 'CustomTax', value: 99},
        ],
        19800,
      ),
      'Order summary Items R$ 200,00 Discounts -R$ 20,00 Shipping R$ 15,00 Tax R$ 3,00 Total R$ 198,00',
    );
  });

  it('hides zero rows except the subtotal, and rows VTEX does not give', () => {
    assert.equal(
      totals(
        [
          {id: 'Items', value: 0},
          {id: 'Discounts', value: 0},
          {id: 'Shipping', value: 0},
          {id: 'Tax', value: 0},
        ],
        0,
      ),
      'Order summary Items R$ 0,00 Total R$ 0,00',
    );
    assert.equal(totals([], 500), 'Order summary Total R$ 5,00');
  });

  it('marks each row with its totalizer id and the grand total with its part', () => {
    const markup = flat(
      renderTotals(
        cartI18n,
        orderForm({totalizers: [{id: 'Items', value: 1}] as OrderForm['totalizers'], value: 1}),
      ),
    );
    assert.match(markup, /<dd data-totalizer=Items>/);
    assert.match(markup, /<dd class="grand" part="total">/);
  });
});

describe('checkout order summary (checkout/summary.ts)', () => {
  const host = (interest?: number) =>
    ({
      i18n: {m: checkoutEn, cents},
      choice: interest === undefined ? undefined : {interest},
      summaryOpen: false,
      total: (of: OrderForm) => of.value + (interest ?? 0),
    }) as unknown as Parameters<typeof renderOrderSummary>[0];

  it('lists each item, the non-zero totals (shipping even when free), interest and the total', () => {
    const of = orderForm({
      items: [
        item({imageUrl: 'https://img.example/1.jpg'}),
        item({
          name: 'Sock',
          quantity: 3,
          sellingPrice: 1000,
          priceDefinition: {total: 2500},
        } as Partial<OrderFormItem>),
      ],
      totalizers: [
        {id: 'Items', name: 'Items total', value: 18500},
        {id: 'Discounts', name: 'Discounts total', value: 0},
        {id: 'Shipping', name: 'Shipping total', value: 0},
        {id: 'CustomFee', name: 'Service fee', value: 250},
      ] as OrderForm['totalizers'],
      value: 18750,
    });
    const t = renderOrderSummary(host(1234), of);
    assert.equal(
      text(t),
      'Order summary Order summary R$ 199,84 2 × Shoe R$ 160,00 3 × Sock R$ 25,00 Items R$ 185,00 Shipping R$ 0,00 Service fee R$ 2,50 Interest R$ 12,34 Total R$ 199,84',
    );
    assert.equal((flat(t).match(/<img /g) ?? []).length, 1);
    assert.match(flat(t), /<div class=total>\s*<dt>Total<\/dt>/);
  });

  it('opens and closes the narrow-screen bar on click', () => {
    const h = {...host(), summaryOpen: false} as ReturnType<typeof host>;
    const handlers: ((e?: unknown) => unknown)[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'function') handlers.push(v as (e?: unknown) => unknown);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object' && 'values' in v)
        (v as {values: unknown[]}).values.forEach(collect);
    };
    collect(renderOrderSummary(h, orderForm({value: 100})));
    assert.equal(handlers.length, 1);
    handlers[0]!();
    assert.equal(h.summaryOpen, true);
    handlers[0]!();
    assert.equal(h.summaryOpen, false);
  });

  it('shows the narrow-screen bar closed or open', () => {
    const of = orderForm({value: 100});
    const closed = flat(renderOrderSummary(host(), of));
    assert.match(closed, /class="order-summary "/);
    assert.match(closed, /aria-expanded=false/);
    const open = flat(renderOrderSummary({...host(), summaryOpen: true} as ReturnType<typeof host>, of));
    assert.match(open, /class="order-summary open"/);
    assert.match(open, /aria-expanded=true/);
  });

  it('leaves the interest row out without interest', () => {
    for (const h of [host(), host(0)]) {
      const of = orderForm({
        totalizers: [{id: 'Tax', name: 'T', value: 100}] as OrderForm['totalizers'],
        value: 100,
      });
      assert.equal(
        text(renderOrderSummary(h, of)),
        'Order summary Order summary R$ 1,00 Tax R$ 1,00 Total R$ 1,00',
      );
    }
  });
});

describe('order history lines and currency (order-history/order-detail.ts, order-parts.ts)', () => {
  const fallback = {currencyCode: 'USD'};

  it("reads the order's currency and decimal digits, else its list row's code, else the store's", () => {
    assert.deepEqual(
      orderCurrency(
        {
          storePreferencesData: {currencyCode: 'CLP', currencyFormatInfo: {CurrencyDecimalDigits: 0}},
        } as never,
        fallback,
      ),
      {currencyCode: 'CLP', currencyFormatInfo: {currencyDecimalDigits: 0}},
    );
    assert.deepEqual(orderCurrency({storePreferencesData: {currencyCode: 'BRL'}} as never, fallback), {
      currencyCode: 'BRL',
      currencyFormatInfo: null,
    });
    assert.deepEqual(orderCurrency({currencyCode: 'EUR'}, fallback), {
      currencyCode: 'EUR',
      currencyFormatInfo: null,
    });
    assert.equal(orderCurrency({currencyCode: null}, fallback), fallback);
    assert.equal(orderCurrency({}, fallback), fallback);
  });

  it('shows quantity, unit price and the line total', () => {
    const i = {name: 'Shoe', quantity: 2, sellingPrice: 8000, imageUrl: ''} as OmsOrder['items'][number];
    const t = renderOrderItem(i, orderEn, cents);
    assert.equal(text(t), 'Shoe Quantity: 2 · R$ 80,00 each R$ 160,00');
    assert.match(flat(t), /<span class="img"><\/span>/);
    const withImage = flat(renderOrderItem({...i, imageUrl: 'https://img.example/1.jpg'}, orderEn, cents));
    assert.match(withImage, /<img src=https:\/\/img\.example\/1\.jpg/);
  });
});
