import type {OmsOrder} from '../../client/types.js';
import type {CurrencyInfo} from '../../i18n/format.js';

/** An order's currency, from its store preferences (OMS) or its list row; `fallback` when it names none. */
export function orderCurrency(
  order: {
    currencyCode?: string | null;
    storePreferencesData?: OmsOrder['storePreferencesData'];
  },
  fallback: CurrencyInfo,
): CurrencyInfo {
  const prefs = order.storePreferencesData as
    (OmsOrder['storePreferencesData'] & {currencyFormatInfo?: {CurrencyDecimalDigits?: number}}) | undefined;
  const code = prefs?.currencyCode ?? order.currencyCode;
  if (!code) return fallback;
  const digits = prefs?.currencyFormatInfo?.CurrencyDecimalDigits;
  return {
    currencyCode: code,
    currencyFormatInfo: typeof digits === 'number' ? {currencyDecimalDigits: digits} : null,
  };
}
