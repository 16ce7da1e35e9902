/**
 * The project's own required fields. VTEX's Checkout, Intelligent Search and Session specs declare no
 * `required`, so an empty `{}` validates as an orderForm, a search result or a session. This table lists, per
 * kind of response, every field the client (src/client), the stores (src/state) or the elements (src/elements)
 * read — found by reading the code (property reads of the types in src/client/types.ts, plus the untyped
 * reads of `parsePlacedTransaction`, `parseGatewayRedirect`, `errorFromResponse` and `normalizeSession`).
 *
 * Path syntax (JSONPath-like, relative to the body): `a.b` — key `b` of `a` is present and not null;
 * `a[]` — `a` is an array, what follows applies to each element; `a[type=X]` — to each element whose `type`
 * is `"X"`; `a?` — `a` is present but may be null (a null stops the check below it). Fields the code reads only when they are there (optional in API.md's
 * shapes, e.g. `paymentData.updateStatus`, `messages[].fields`, or present only in some states: the signed-in
 * session's `profile.email`, `marketingData.coupon` while a coupon is applied — VTEX's examples never show it
 * null, and the sandbox leaves it out otherwise) are not listed.
 */

export type ResponseKind =
  | 'orderForm'
  | 'simulation'
  | 'installments'
  | 'postalCode'
  | 'profiles'
  | 'placeOrder'
  | 'gatewayCallbackRedirect'
  | 'gatewayCallbackDenied'
  | 'productSearch'
  | 'product'
  | 'facets'
  | 'autocomplete'
  | 'session'
  | 'omsOrders'
  | 'omsOrder';

const prefixed = (prefix: string, paths: readonly string[]): string[] => paths.map((p) => `${prefix}${p}`);

/** An address as the cart, the checkout and the order history print it (src/elements/order-history/order-parts.ts). */
const ADDRESS = [
  'receiverName?',
  'postalCode?',
  'country?',
  'street?',
  'number?',
  'complement?',
  'neighborhood?',
  'city?',
  'state?',
] as const;

/** A delivery option (src/state/shipping.ts, src/elements/checkout/{shipping,checkout,confirmation}.ts). */
const SLA = [
  'id',
  'name',
  'deliveryChannel',
  'price',
  'shippingEstimate',
  'pickupStoreInfo?.isPickupStore',
  'pickupStoreInfo?.friendlyName?',
  'pickupStoreInfo?.address?',
] as const;

/** An installment option (src/elements/checkout/checkout.ts). */
const INSTALLMENT = ['count', 'value', 'total', 'interestRate', 'hasInterestRate'] as const;

/** A product of Intelligent Search (src/elements/shared-catalog/*, product, product-grid, search-box). */
const PRODUCT = [
  'productId',
  'productName',
  'brand',
  'categories',
  'description',
  'linkText',
  'skuSpecifications[].field.name',
  'skuSpecifications[].values[].name',
  'specificationGroups[].name',
  'specificationGroups[].specifications[].name',
  'specificationGroups[].specifications[].values',
  'items[].itemId',
  'items[].name',
  'items[].nameComplete',
  'items[].variations[].name',
  'items[].variations[].values',
  'items[].images[].imageUrl',
  'items[].images[].imageText?',
  'items[].sellers[].sellerId',
  'items[].sellers[].sellerDefault',
  'items[].sellers[].commertialOffer.Price',
  'items[].sellers[].commertialOffer.ListPrice',
  'items[].sellers[].commertialOffer.AvailableQuantity',
  'items[].sellers[].commertialOffer.Installments[].Value',
  'items[].sellers[].commertialOffer.Installments[].InterestRate',
  'items[].sellers[].commertialOffer.Installments[].NumberOfInstallments',
] as const;

export const REQUIRED_PATHS: Readonly<Record<ResponseKind, readonly string[]>> = {
  orderForm: [
    'orderFormId',
    'value',
    'messages[].code?',
    'messages[].text',
    'messages[].status',
    'items[].uniqueId',
    'items[].id',
    'items[].productId',
    'items[].name',
    'items[].skuName',
    'items[].quantity',
    'items[].seller',
    'items[].sellingPrice',
    'items[].listPrice',
    'items[].isGift',
    'items[].imageUrl',
    'items[].availability',
    'items[].priceDefinition.calculatedSellingPrice',
    'items[].priceDefinition.total',
    'totalizers[].id',
    'totalizers[].name',
    'totalizers[].value',
    ...prefixed('shippingData?.address?.', ADDRESS),
    'shippingData?.logisticsInfo[].itemIndex',
    'shippingData?.logisticsInfo[].selectedSla?',
    'shippingData?.logisticsInfo[].shipsTo',
    ...prefixed('shippingData?.logisticsInfo[].slas[].', SLA),
    'clientProfileData?.email?',
    'clientProfileData?.firstName?',
    'clientProfileData?.lastName?',
    'clientProfileData?.document?',
    'clientProfileData?.documentType?',
    'clientProfileData?.phone?',
    'paymentData.paymentSystems[].id',
    'paymentData.paymentSystems[].name',
    'paymentData.paymentSystems[].groupName',
    'paymentData.paymentSystems[].validator?.regex?',
    'paymentData.payments[].paymentSystem',
    'paymentData.payments[].installments?',
    'paymentData.payments[].referenceValue',
    'paymentData.installmentOptions[].paymentSystem',
    ...prefixed('paymentData.installmentOptions[].installments[].', INSTALLMENT),
    'clientPreferencesData?.locale?',
    'storePreferencesData.countryCode',
    'storePreferencesData.currencyCode',
    'storePreferencesData.currencyFormatInfo.currencyDecimalDigits',
  ],
  simulation: [
    'items[].requestIndex',
    'items[].quantity',
    'items[].availability',
    ...prefixed('logisticsInfo[].slas[].', SLA),
  ],
  installments: prefixed('installments[].', INSTALLMENT),
  postalCode: ['street', 'neighborhood', 'city', 'state'],
  profiles: [
    'isComplete',
    'userProfile?.firstName?',
    'userProfile?.lastName?',
    'userProfile?.document?',
    'userProfile?.documentType?',
    'userProfile?.phone?',
  ],
  // parsePlacedTransaction (src/client/checkout.ts) and the confirmation; the spec's shape (API.md §6.5).
  placeOrder: [
    'orders[].orderId',
    'orders[].orderGroup',
    'transactionData.merchantTransactions[].transactionId',
    'transactionData.merchantTransactions[].merchantName',
  ],
  // parseGatewayRedirect (src/client/checkout.ts).
  gatewayCallbackRedirect: [
    'RedirectResponseCollection[].redirectUrl?',
    'paymentAuthorizationAppCollection[].appName',
    'paymentAuthorizationAppCollection[].appPayload',
  ],
  // errorFromResponse (src/client/errors.ts).
  gatewayCallbackDenied: ['error.code', 'error.message'],
  productSearch: ['recordsFiltered', 'pagination.count', 'searchId', ...prefixed('products[].', PRODUCT)],
  product: PRODUCT,
  facets: [
    'facets[].key',
    'facets[].name',
    'facets[].type',
    'facets[].hidden',
    'facets[].values[].value',
    'facets[].values[].name',
    'facets[].values[].quantity',
    // The price filter labels its values with their range (src/elements/product-grid/product-grid.ts).
    'facets[type=PRICERANGE].values[].range.from',
    'facets[type=PRICERANGE].values[].range.to',
  ],
  autocomplete: ['searches[].term'],
  // normalizeSession (src/client/session.ts); profile.email/firstName/lastName only exist when signed in.
  session: [
    'namespaces.profile.isAuthenticated.value',
    'namespaces.store.cultureInfo.value',
    'namespaces.store.currencyCode.value',
  ],
  omsOrders: [
    'list[].orderId',
    'list[].creationDate',
    'list[].status',
    'list[].totalItems',
    'list[].totalValue',
    'list[].currencyCode?',
    'list[].items?[].description',
    'paging.total',
    'paging.pages',
  ],
  omsOrder: [
    'orderId',
    'creationDate',
    'status',
    'value',
    'totals[].id',
    'totals[].value',
    'items[].id',
    'items[].seller',
    'items[].name',
    'items[].quantity',
    'items[].sellingPrice',
    'items[].imageUrl?',
    'items[].isGift',
    ...prefixed('shippingData?.address?.', ADDRESS),
    'shippingData?.logisticsInfo[].shippingEstimateDate?',
    'shippingData?.logisticsInfo[].deliveryChannel',
    'shippingData?.logisticsInfo[].pickupStoreInfo?.friendlyName?',
    'shippingData?.logisticsInfo[].pickupStoreInfo?.address?',
    'paymentData?.transactions[].payments[].paymentSystemName',
    'paymentData?.transactions[].payments[].value',
    'paymentData?.transactions[].payments[].installments',
    'paymentData?.transactions[].payments[].lastDigits?',
    'storePreferencesData.countryCode',
    'storePreferencesData.currencyCode',
  ],
};

/**
 * The kind of response each validated operation returns (`{spec} {METHOD} {template} {status}`), or `null`
 * when the kit reads nothing from it (the sandbox still answers it for fidelity). `conforms()` refuses an
 * operation missing here, so a new check has to say which required paths apply.
 */
export const OPERATION_KINDS: Readonly<Record<string, ResponseKind | null>> = {
  'ISv1 GET /product-search/{facets} 200': 'productSearch',
  'ISv1 GET /facets/{facets} 200': 'facets',
  'ISv1 GET /products 200': 'product',
  'ISv1 GET /autocomplete-suggestions 200': 'autocomplete',
  'Catalog GET /api/catalog_system/pub/category/tree/{categoryLevels} 200': null,
  'Catalog GET /api/catalog_system/pub/products/variations/{productId} 200': null,
  'Catalog GET /api/catalog_system/pub/saleschannel/{salesChannelId} 200': null,
  'Catalog GET /api/catalog_system/pvt/brand/list 200': null,
  'Checkout GET /api/checkout/pub/orderForm 200': 'orderForm',
  'Checkout GET /api/checkout/pub/orderForm/{orderFormId} 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/items 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/items/update 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/items/removeAll 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/coupons 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/messages/clear 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/clientProfileData 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/shippingData 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/paymentData 200': 'orderForm',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/marketingData 200': 'orderForm',
  'Checkout PUT /api/checkout/pub/orderForm/{orderFormId}/customData/{appId} 200': 'orderForm',
  'Checkout PUT /api/checkout/pub/orderForm/{orderFormId}/customData/{appId}/{appFieldName} 200': 'orderForm',
  'Checkout DELETE /api/checkout/pub/orderForm/{orderFormId}/customData/{appId}/{appFieldName} 200':
    'orderForm',
  'Checkout POST /api/checkout/pub/orderForms/simulation 200': 'simulation',
  'Checkout GET /api/checkout/pub/orderForm/{orderFormId}/installments 200': 'installments',
  'Checkout GET /api/checkout/pub/postal-code/{countryCode}/{postalCode} 200': 'postalCode',
  'Checkout GET /api/checkout/pub/pickup-points 200': null,
  'Checkout GET /api/checkout/pub/profiles 200': 'profiles',
  'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/transaction 200': 'placeOrder',
  'Checkout POST /api/checkout/pub/gatewayCallback/{orderGroup} 428': 'gatewayCallbackRedirect',
  'Checkout POST /api/checkout/pub/gatewayCallback/{orderGroup} 500': 'gatewayCallbackDenied',
  'PGW POST /api/payments/transactions/{transactionId}/payments 201': null,
  'Session GET /api/sessions 200': 'session',
  'Session POST /api/sessions 201': null,
  'Session PATCH /api/sessions 200': null,
  'Session GET /api/segments 200': null,
  'OMS GET /api/oms/user/orders 200': 'omsOrders',
  'OMS GET /api/oms/user/orders/{orderId} 200': 'omsOrder',
  'VTEXID GET /api/vtexid/pub/authentication/start 200': null,
  'VTEXID POST /api/vtexid/pub/authentication/accesskey/send 400': null,
  'VTEXID POST /api/vtexid/pub/authentication/accesskey/validate 200': null,
  'VTEXID POST /api/vtexid/pub/authentication/accesskey/validate 400': null,
  'VTEXID POST /api/vtexid/credential/validate 200': null,
  'VTEXID POST /api/vtexid/credential/validate 401': null,
};

interface Segment {
  key: string;
  nullable: boolean;
  each: boolean;
  /** `[field=value]`: only the elements whose `field` is `value`. */
  where?: [string, string];
}

const parsed = new Map<string, Segment[]>();

function parse(path: string): Segment[] {
  let segments = parsed.get(path);
  if (!segments) {
    segments = path.split('.').map((raw) => {
      const m = /^([A-Za-z_$][\w$-]*)(\?)?(\[(?:(\w+)=([\w-]+))?\])?$/.exec(raw);
      if (!m) throw new Error(`Bad required path "${path}" (segment "${raw}")`);
      return {key: m[1]!, nullable: !!m[2], each: !!m[3], where: m[4] ? [m[4], m[5]!] : undefined};
    });
    parsed.set(path, segments);
  }
  return segments;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where `body` lacks one of `paths`: `$.items[0].sellingPrice: is required by the kit but missing`. */
export function missingPaths(paths: readonly string[], body: unknown): string[] {
  const errors = new Set<string>();
  const walk = (node: unknown, segments: readonly Segment[], at: string): void => {
    const [s, ...rest] = segments;
    if (!s) return;
    const here = `${at}.${s.key}`;
    if (!isObject(node)) {
      errors.add(`${at}: expected an object holding "${s.key}", got ${node === null ? 'null' : typeof node}`);
      return;
    }
    if (!(s.key in node) || node[s.key] === undefined) {
      errors.add(`${here}: is required by the kit but missing`);
      return;
    }
    const value = node[s.key];
    if (value === null) {
      if (!s.nullable) errors.add(`${here}: is required by the kit but null`);
      return;
    }
    if (s.each) {
      if (!Array.isArray(value)) {
        errors.add(`${here}: is required by the kit to be an array`);
        return;
      }
      value.forEach((item, i) => {
        if (!s.where || (isObject(item) && item[s.where[0]] === s.where[1]))
          walk(item, rest, `${here}[${i}]`);
      });
    } else walk(value, rest, here);
  };
  for (const p of paths) walk(body, parse(p), '$');
  return [...errors];
}

/** The required-path errors of a response of `kind`. */
export function missingRequired(kind: ResponseKind, body: unknown): string[] {
  return missingPaths(REQUIRED_PATHS[kind], body);
}
