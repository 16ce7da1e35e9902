import type {Locale} from './locale.js';

/** The currency facts formatting needs; `storePreferencesData` (orderForm) satisfies it. */
export interface CurrencyInfo {
  currencyCode: string;
  currencyFormatInfo?: {currencyDecimalDigits: number} | null;
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: CurrencyInfo): Intl.NumberFormat {
  const digits = currency.currencyFormatInfo?.currencyDecimalDigits;
  const key = `${locale}|${currency.currencyCode}|${digits ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.currencyCode,
      // The symbol a shopper knows ("59,90 R$" in es), not the ISO code CLDR falls back to ("59,90 BRL"): a store
      // shows one currency, so the narrow symbol is unambiguous there.
      currencyDisplay: 'narrowSymbol',
      ...(digits === undefined ? {} : {minimumFractionDigits: digits, maximumFractionDigits: digits}),
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * Checkout and OMS money: integer cents (VTEX always scales by 100, whatever the currency's decimals).
 * `formatCents(123456, {currencyCode: 'BRL'}, 'pt-BR')` → "R$ 1.234,56".
 */
export function formatCents(cents: number, currency: CurrencyInfo, locale: Locale | string): string {
  return formatter(locale, currency).format(cents / 100);
}

/** Intelligent Search money: decimal currency units. `formatDecimal(1234.56, …)` → "R$ 1.234,56". */
export function formatDecimal(amount: number, currency: CurrencyInfo, locale: Locale | string): string {
  return formatter(locale, currency).format(amount);
}

/** Whole-number discount percentage between a list and a selling price (either unit), 0 when none. */
export function discountPercent(listPrice: number, sellingPrice: number): number {
  if (!(listPrice > 0) || !(sellingPrice < listPrice)) return 0;
  return Math.round(((listPrice - sellingPrice) / listPrice) * 100);
}

export function formatDate(
  iso: string | number | Date,
  locale: Locale | string,
  options: Intl.DateTimeFormatOptions = {dateStyle: 'medium'},
): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale, options).format(d);
}

/**
 * Singular or plural: `plural('pt-BR', n, {one: '1 item', other: `${n} itens`})`. The singular form is for
 * exactly one (CLDR puts 0 in Portuguese's "one" category, which would read "0 item" here).
 */
export function plural(
  locale: Locale | string,
  n: number,
  forms: {one: string; other: string; zero?: string},
): string {
  if (n === 0 && forms.zero !== undefined) return forms.zero;
  return n === 1 && new Intl.PluralRules(locale).select(n) === 'one' ? forms.one : forms.other;
}

/** VTEX's `shippingEstimate` units: business days, days, hours, minutes ("3bd", "5d", "2h", "30m"). */
export type EstimateUnit = 'bd' | 'd' | 'h' | 'm';

/** "3bd" → {n: 3, unit: 'bd'}; undefined when VTEX sends something else. */
export function parseEstimate(value: string | null | undefined): {n: number; unit: EstimateUnit} | undefined {
  const m = /^(\d+)\s*(bd|d|h|m)$/i.exec(value?.trim() ?? '');
  return m ? {n: Number(m[1]), unit: m[2]!.toLowerCase() as EstimateUnit} : undefined;
}
