/**
 * Shared by the contract tests: VTEX's OpenAPI files (../shared/vtex/openapi or VTEX_OPENAPI_DIR), the named exceptions
 * for known errors in those specs (API.md §11), `conforms()` which validates one response body against
 * the schema for its path + method + status and against the fields the kit reads (./required-paths.ts),
 * `requestConforms()` for request bodies, and a cookie-jar caller over a sandbox's `fetch`.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {OPERATION_KINDS, missingRequired, type ResponseKind} from './required-paths.js';
import {
  requestSchema,
  responseSchema,
  validate,
  wildcardPath,
  type OpenApiDocument,
  type ValidationError,
} from './schema.js';

/** Response bodies are checked by assertions and the schema validator, not by the type system. */
export type Json = any;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** VTEX's OpenAPI files: `VTEX_OPENAPI_DIR`, else the shared folder next to the repository. */
const specDir = path.resolve(repoRoot, process.env.VTEX_OPENAPI_DIR ?? '../shared/vtex/openapi');
/** Where the files come from (the commit the exceptions below were written against). */
const SOURCE_REPO = 'https://github.com/vtex/openapi-schemas';
const SOURCE_COMMIT = '0d207e53c9166b8c18fd93b2407b452721f4d37c';

export const SPECS = {
  ISv1: 'VTEX---Intelligent-Search-API---v1.json',
  Checkout: 'VTEX---Checkout-API.json',
  OMS: 'VTEX---Orders-API.json',
  Session: 'VTEX---Session-Manager-API.json',
  Catalog: 'VTEX---Catalog-API.json',
  PGW: 'VTEX---Payments-Gateway-API.json',
  VTEXID: 'VTEX---VTEX-ID-API.json',
} as const;
export type SpecName = keyof typeof SPECS;

const missing = Object.values(SPECS).filter((file) => !existsSync(path.join(specDir, file)));
if (missing.length > 0) {
  console.error(
    [
      `The contract tests need VTEX's OpenAPI files; ${missing.length} of ${Object.keys(SPECS).length} are missing from ${specDir}:`,
      ...missing.map((file) => `  ${file}`),
      '',
      `They are not part of this repository (VTEX publishes them without a licence). Get them from`,
      `${SOURCE_REPO} at commit ${SOURCE_COMMIT}, name each file as above (the`,
      `original's spaces replaced by "-", e.g. "VTEX - Checkout API.json" -> "VTEX---Checkout-API.json"), and`,
      `either put them in ../shared/vtex/openapi beside the repository or set VTEX_OPENAPI_DIR to their folder:`,
      `  git clone ${SOURCE_REPO} /tmp/vtex-openapi && git -C /tmp/vtex-openapi checkout ${SOURCE_COMMIT}`,
      '  (cd /tmp/vtex-openapi && for f in VTEX\\ -*.json; do cp "$f" "${f// /-}"; done)',
      '  VTEX_OPENAPI_DIR=/tmp/vtex-openapi npm run test:contract',
      '',
      'Nothing was validated.',
    ].join('\n'),
  );
  process.exit(1);
}

const docs = new Map<SpecName, OpenApiDocument>();
export function spec(name: SpecName): OpenApiDocument {
  let d = docs.get(name);
  if (!d) {
    d = JSON.parse(readFileSync(path.join(specDir, SPECS[name]), 'utf8')) as OpenApiDocument;
    docs.set(name, d);
  }
  return d;
}

/**
 * Errors in VTEX's specs, as documented in ../shared/vtex/API.md §11. An exception applies to one spec,
 * to instance paths matching `at` (array indices written `[*]`; a trailing `*` matches a subtree).
 */
export interface SpecException {
  id: string;
  reason: string;
  spec: SpecName;
  at: string;
  /** Only errors whose message matches this (default: any). */
  message?: RegExp;
  /** A request body's error instead of a response's. */
  request?: boolean;
}

export const EXCEPTIONS: SpecException[] = [
  {
    id: 'orderform-messages-objects',
    reason: 'API.md §11.4: `messages` is typed array<string>; real items are {code, text, status, fields}.',
    spec: 'Checkout',
    at: '$.messages[*]',
    message: /expected string, got object/,
  },
  ...[
    '$.clientPreferencesData.optinNewsLetter',
    '$.shippingData.address',
    '$.marketingData.utmMedium',
    '$.marketingData.utmCampaign',
    '$.marketingData.utmSource',
  ].map((at): SpecException => ({
    id: `example-null:${at}`,
    reason:
      "The spec's own orderForm examples (examples/orderForm.*.json) return null here, but the schema is not nullable.",
    spec: 'Checkout',
    at,
    message: /is null/,
  })),
  // Checkout: values the spec's own orderForm examples (other operations of the same OrderForm) return.
  ...(
    [
      ['$.userProfileId', 'anonymous carts have no profile', '.userProfileId'],
      ['$.invoiceData', 'no invoice address attached', '.invoiceData'],
      ['$.itemsOrdination', 'items never re-ordered', '.itemsOrdination'],
    ] as const
  ).map(([at, why, field]): SpecException => ({
    id: `checkout-example-null:${at}`,
    reason: `${why}: VTEX---Checkout-API.json POST /api/checkout/pub/orderForm/{orderFormId}/items/{itemIndex}/attachments/{attachmentName} 200 example${field} is null, though the schema of some operations is not nullable.`,
    spec: 'Checkout',
    at,
    message: /is null/,
  })),
  ...['$.geoCoordinates[*]', '$.items[*].pickupPoint.address.geoCoordinates[*]'].map((at): SpecException => ({
    id: `checkout-geoCoordinates-decimal:${at}`,
    reason:
      'postal-code/pickup-points schemas type coordinates as integer, but VTEX returns decimal degrees: examples/orderForm.after-shippingData.json shippingData.address.geoCoordinates = [-47.924747467041016, -15.832582473754883] (see API.md §11.5).',
    spec: 'Checkout',
    at,
    message: /expected integer, got number/,
  })),
  {
    id: 'checkout-paymentSystems-description-null',
    reason:
      'VTEX---Checkout-API.json POST /api/checkout/pub/orderForm/{orderFormId}/items/{itemIndex}/attachments/{attachmentName} 200 example.paymentData.paymentSystems[*].description is null (99 null examples in the spec file); the simulation schema says string.',
    spec: 'Checkout',
    at: '$.paymentData.paymentSystems[*].description',
    message: /is null/,
  },
  {
    id: 'checkout-installmentOptions-paymentSystem-string',
    reason:
      'VTEX---Checkout-API.json POST /api/checkout/pub/orderForm/{orderFormId}/items/{itemIndex}/attachments/{attachmentName} 200 example.paymentData.installmentOptions[*].paymentSystem is a string ("2") in the orderForm examples; only the simulation schema/example says integer.',
    spec: 'Checkout',
    at: '$.paymentData.installmentOptions[*].paymentSystem',
    message: /expected integer, got string/,
  },
  {
    id: 'checkout-sla-availableDeliveryWindows-array',
    reason:
      'VTEX---Checkout-API.json POST /api/checkout/pub/orderForm/{orderFormId}/items/update 200 example.shippingData.logisticsInfo[*].slas[*].availableDeliveryWindows is [] (an array) in the orderForm examples; only the simulation schema says object.',
    spec: 'Checkout',
    at: '$.logisticsInfo[*].slas[*].availableDeliveryWindows',
    message: /expected object, got array/,
  },
  {
    id: 'checkout-sla-deliveryWindow-null',
    reason:
      'VTEX---Checkout-API.json POST /api/checkout/pub/orderForm/{orderFormId}/items/update 200 example.shippingData.logisticsInfo[*].slas[*].deliveryWindow is null when no scheduled delivery is chosen (examples/orderForm.after-add-items.json too).',
    spec: 'Checkout',
    at: '$.logisticsInfo[*].slas[*].deliveryWindow',
    message: /is null/,
  },
  // OMS order detail: the Orders spec's own examples of the same order document (Get order, Retrieve
  // order group) return null for these when they do not apply, though Userorderdetails is not nullable.
  ...(
    [
      [
        '$.authorizedDate',
        'payment not authorized yet (payment-pending)',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].authorizedDate',
      ],
      [
        '$.cancellationData',
        'order not canceled',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].cancellationData',
      ],
      [
        '$.changesAttachment',
        'order never changed',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].changesAttachment',
      ],
      [
        '$.checkedInPickupPointId',
        'isCheckedIn is false',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].checkedInPickupPointId',
      ],
      [
        '$.taxData',
        'no marketplace tax designation',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].taxData',
      ],
      [
        '$.items[*].costPrice',
        'no cost price registered for the SKU',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[1].items[0].costPrice',
      ],
      [
        '$.paymentData.transactions[*].payments[*].url',
        'card payment (only boleto has a URL)',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/{orderId} 200 example.paymentData.transactions[0].payments[0].url',
      ],
      [
        '$.paymentData.transactions[*].payments[*].dueDate',
        'card/Pix payment (only boleto has a due date)',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].dueDate',
      ],
      [
        '$.paymentData.transactions[*].payments[*].giftCardProvider',
        'not a gift card',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].giftCardProvider',
      ],
      [
        '$.paymentData.transactions[*].payments[*].koinUrl',
        'not a Koin payment',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].koinUrl',
      ],
      [
        '$.paymentData.transactions[*].payments[*].accountId',
        'no stored card account (Pix/boleto)',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].accountId',
      ],
      [
        '$.paymentData.transactions[*].payments[*].parentAccountId',
        'no stored card account (Pix/boleto)',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].parentAccountId',
      ],
      [
        '$.paymentData.transactions[*].payments[*].billingAddress',
        'no billing address (Pix/boleto)',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].billingAddress',
      ],
      ...[
        'bankIssuedInvoiceIdentificationNumber',
        'bankIssuedInvoiceIdentificationNumberFormatted',
        'bankIssuedInvoiceBarCodeNumber',
        'bankIssuedInvoiceBarCodeType',
      ].map(
        (f) =>
          [
            `$.paymentData.transactions[*].payments[*].${f}`,
            'not a boleto',
            `VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].paymentData.transactions[0].payments[0].${f}`,
          ] as const,
      ),
      [
        '$.shippingData.logisticsInfo[*].pickupPointId',
        'delivery (not pickup) SLA',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/{orderId} 200 example.shippingData.logisticsInfo[0].pickupPointId',
      ],
      [
        '$.shippingData.logisticsInfo[*].slas[*].pickupPointId',
        'delivery (not pickup) SLA',
        'VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].shippingData.logisticsInfo[0].slas[0].pickupPointId',
      ],
    ] as const
  ).map(([at, why, source]): SpecException => ({
    id: `oms-example-null:${at}`,
    reason: `${why}: ${source} is null.`,
    spec: 'OMS',
    at,
    message: /is null/,
  })),
  ...[
    '$.shippingData.logisticsInfo[*].pickupStoreInfo.address',
    '$.shippingData.logisticsInfo[*].slas[*].pickupStoreInfo.address',
  ].map((at): SpecException => ({
    id: `oms-pickupStoreInfo-address-object:${at}`,
    reason:
      'Userorderdetails types pickupStoreInfo.address as a string, but the Orders spec returns the pickup point address object: VTEX---Orders-API.json GET /api/oms/pvt/orders/{orderId} 200 example.shippingData.logisticsInfo[0].slas[1].pickupStoreInfo.address ({addressType: "pickup", …}).',
    spec: 'OMS',
    at,
    message: /expected string, got object/,
  })),
  {
    id: 'oms-item-priceTags-objects',
    reason:
      'Userorderdetails types items[].priceTags[] as strings, but discounted items carry price-tag objects: VTEX---Orders-API.json GET /api/oms/pvt/orders/order-group/{orderGroup} 200 example[0].items[0].priceTags[0] ({name: "DISCOUNT@MARKETPLACE", value, isPercentual, identifier, rawValue, …}).',
    spec: 'OMS',
    at: '$.items[*].priceTags[*]',
    message: /expected string, got object/,
  },
  {
    id: 'oms-packages-objects',
    reason:
      'Userorderdetails types packageAttachment.packages[] as strings, but invoiced orders carry package objects: VTEX---Orders-API.json GET /api/oms/pvt/orders/{orderId} 200 example.packageAttachment.packages[0] ({items, courier, invoiceNumber, …}).',
    spec: 'OMS',
    at: '$.packageAttachment.packages[*]',
    message: /expected string, got object/,
  },
  // Request bodies the kit sends.
  {
    id: 'checkout-items-index-optional',
    reason:
      'API.md §11.7: Checkout#Items marks orderItems[].index required; the guides and VTEX BFF samples omit it when adding (the kit adds without an index).',
    spec: 'Checkout',
    at: '$.orderItems[*].index',
    message: /is required but missing/,
    request: true,
  },
  {
    id: 'pgw-fields-empty-for-non-card',
    reason:
      'API.md §6.5 (the guides\' send-payments body, see also §11.2): `fields` is "empty {} for non-card methods" (Pix, boleto); 2.SendPaymentsPublicRequest marks all eight card fields of Fields required.',
    spec: 'PGW',
    at: '$[*].fields.*',
    message: /is required but missing/,
    request: true,
  },
  {
    id: 'pgw-fields-address-null',
    reason:
      'API.md §6.5 (the guides\' send-payments body): a card without a billing address sends "address": null; the Fields schema types address as a non-nullable object.',
    spec: 'PGW',
    at: '$[*].fields.address',
    message: /is null/,
    request: true,
  },
  {
    id: 'checkout-profiles-unknown-userProfile-null',
    reason:
      'API.md §6.1 (and the operation\'s own description in VTEX---Checkout-API.json GET /api/checkout/pub/profiles): for an e-mail with no profile "the response body fields are empty"; userProfile is then null, though the schema is not nullable.',
    spec: 'Checkout',
    at: '$.userProfile',
    message: /is null/,
  },
];

/**
 * Places where the sandbox currently differs from the schema and no VTEX source excuses it. They do not
 * pass: a check that hits one is reported as a failing TODO (visible, not counted as a failure) until the
 * sandbox or this list is fixed. Remove an entry once the sandbox conforms. Empty: every known deviation
 * was either fixed in the sandbox or turned into a sourced entry of EXCEPTIONS.
 */
const SANDBOX_DEVIATIONS: SpecException[] = [];

const used = new Map<string, number>();

export interface Check {
  spec: SpecName;
  /** Path template as written in the spec. */
  template: string;
  method: string;
  status: number;
  body: unknown;
}

function matches(e: ValidationError, x: SpecException): boolean {
  const p = wildcardPath(e.path);
  const pathOk = x.at.endsWith('*') && !x.at.endsWith('[*]') ? p.startsWith(x.at.slice(0, -1)) : p === x.at;
  return pathOk && (!x.message || x.message.test(e.message));
}

/** `{spec} {METHOD} {template} {status}`, the key of {@link OPERATION_KINDS}. */
export const operationKey = (c: Pick<Check, 'spec' | 'template' | 'method' | 'status'>): string =>
  `${c.spec} ${c.method.toUpperCase()} ${c.template} ${c.status}`;

/** The required-paths kind of an operation's response; throws for an operation the table does not list. */
export function kindOf(c: Pick<Check, 'spec' | 'template' | 'method' | 'status'>): ResponseKind | null {
  const key = operationKey(c);
  if (!(key in OPERATION_KINDS))
    throw new Error(
      `${key} is not in OPERATION_KINDS (test/contract/required-paths.ts): say what the kit reads`,
    );
  return OPERATION_KINDS[key]!;
}

export interface ContractResult {
  /** Schema errors no named exception excuses, then the kit's required paths that are missing. */
  errors: string[];
  /** Ids of the known sandbox deviations hit. */
  deviations: string[];
  /** How many schema errors named exceptions excused. */
  excused: number;
}

function sortErrors(spec: SpecName, errors: ValidationError[], request: boolean): ContractResult {
  const unexcused: string[] = [];
  const deviations = new Set<string>();
  let excused = 0;
  for (const e of errors) {
    const x = EXCEPTIONS.find((x) => x.spec === spec && !!x.request === request && matches(e, x));
    if (x) {
      used.set(x.id, (used.get(x.id) ?? 0) + 1);
      excused++;
      continue;
    }
    const d = SANDBOX_DEVIATIONS.find((x) => x.spec === spec && !!x.request === request && matches(e, x));
    if (d) deviations.add(d.id);
    else unexcused.push(`${e.path}: ${e.message}`);
  }
  return {errors: unexcused, deviations: [...deviations], excused};
}

/**
 * One response against the contract: its schema in the spec (minus named exceptions) and the fields the kit
 * reads (required-paths.ts, by {@link OPERATION_KINDS}).
 */
export function contractErrors(c: Check): ContractResult {
  const doc = spec(c.spec);
  const result = sortErrors(
    c.spec,
    validate(doc, responseSchema(doc, c.template, c.method, c.status), c.body),
    false,
  );
  const kind = kindOf(c);
  if (kind) result.errors.push(...missingRequired(kind, c.body));
  return result;
}

function report(t: TestContext, where: string, r: ContractResult): void {
  if (r.excused) t.diagnostic(`${r.excused} error(s) matched named exceptions`);
  assert.deepEqual(r.errors.slice(0, 100), [], where);
  if (r.deviations.length) {
    t.todo(`known sandbox deviations: ${r.deviations.join(', ')}`);
    throw new Error(`${where}: known sandbox deviations ${r.deviations.join(', ')}`);
  }
}

/**
 * Validates one response; fails the test with every unexcused schema error and every missing required path
 * (known sandbox deviations → failing TODO).
 */
export function conforms(t: TestContext, c: Check): void {
  report(
    t,
    `${c.method} ${c.template} ${c.status} does not match ${SPECS[c.spec]} + required-paths.ts`,
    contractErrors(c),
  );
}

/** The request-body errors of one request, against the operation's `requestBody` schema (named exceptions apart). */
export function requestContractErrors(c: Omit<Check, 'status'>): ContractResult {
  const doc = spec(c.spec);
  const schema = requestSchema(doc, c.template, c.method);
  if (!schema) throw new Error(`${c.method} ${c.template} has no JSON requestBody in ${SPECS[c.spec]}`);
  return sortErrors(c.spec, validate(doc, schema, c.body), true);
}

/** Validates one request body the kit sent against the spec's `requestBody` schema. */
export function requestConforms(t: TestContext, c: Omit<Check, 'status'>): void {
  report(
    t,
    `${c.method} ${c.template} request body does not match ${SPECS[c.spec]}`,
    requestContractErrors(c),
  );
}

// --- the sandbox, with a cookie jar --------------------------------------------------------------------

export const ORIGIN = 'https://store.example.com';

export type SandboxModule = {
  createSandbox(o?: Record<string, unknown>): {fetch(r: Request): Promise<Response>; account: string};
};

export interface Reply {
  status: number;
  json: Json;
  text: string;
  headers: Headers;
}

/** A caller that keeps the cookies the sandbox sets, like a browser on {@link ORIGIN}. */
export function cookieJarCaller(sandbox: {fetch(r: Request): Promise<Response>}) {
  const jar = new Map<string, string>();
  return async function call(
    method: string,
    p: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const h = new Headers({Accept: 'application/json', ...headers});
    if (jar.size) h.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      if (!h.has('Content-Type')) h.set('Content-Type', 'application/json');
    }
    const response = await sandbox.fetch(new Request(ORIGIN + p, {method, headers: h, body: payload}));
    for (const sc of response.headers.getSetCookie()) {
      const [pair = ''] = sc.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(sc) || !value) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    let json: Json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {status: response.status, json, text, headers: response.headers};
  };
}

/** One line naming how often each named exception excused an error (printed after a contract file). */
export function exceptionSummary(): string {
  return EXCEPTIONS.map((x) => `${x.id}: ${used.get(x.id) ?? 0} use(s)`).join('; ');
}
