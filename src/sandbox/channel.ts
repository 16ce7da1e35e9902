/**
 * `GET /api/catalog_system/pub/saleschannel/{id}`: the sandbox's one sales channel (trade policy `1`), in
 * the Catalog API's PascalCase shape, from the store preferences the orderForm and the session also show.
 */
import {json, type Handler} from './http.js';
import type {SandboxContext} from './checkout/state.js';

export function createChannelRoutes(ctx: Pick<SandboxContext, 'account' | 'store'>): Handler {
  return async (request, url) => {
    const m = /^\/api\/catalog_system\/pub\/saleschannel\/([^/]+)\/?$/.exec(url.pathname);
    if (!m || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
    if (m[1] !== '1') return json({Message: `Sales channel ${decodeURIComponent(m[1]!)} not found`}, 404);
    const s = ctx.store;
    const f = s.currencyFormatInfo;
    return json({
      Id: 1,
      Name: ctx.account,
      IsActive: true,
      ProductClusterId: null,
      CountryCode: s.countryCode,
      CultureInfo: s.locale,
      TimeZone: s.timeZone,
      CurrencyCode: s.currencyCode,
      CurrencySymbol: s.currencySymbol,
      CurrencyLocale: s.currencyLocale,
      CurrencyFormatInfo: {
        CurrencyDecimalDigits: f.currencyDecimalDigits,
        CurrencyDecimalSeparator: f.currencyDecimalSeparator,
        CurrencyGroupSeparator: f.currencyGroupSeparator,
        CurrencyGroupSize: f.currencyGroupSize,
        StartsWithCurrencySymbol: f.startsWithCurrencySymbol,
      },
      Origin: null,
      Position: null,
      ConditionRule: null,
      CurrencyDecimalDigits: f.currencyDecimalDigits,
    });
  };
}
