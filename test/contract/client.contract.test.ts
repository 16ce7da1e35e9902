/**
 * Contract test of what the kit sends and what it is answered, as a browser sees it: the journey of
 * ./journey.ts (the real client, stores and actions) straight against the sandbox, then through the bridge.
 * Every request body is validated against its operation's `requestBody` schema and every response against
 * its response schema and the kit's required paths, in Checkout, Intelligent Search, Session, OMS, Payments
 * Gateway and VTEX ID. Exchanges no spec documents are named, not skipped silently.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  conforms,
  exceptionSummary,
  kindOf,
  requestConforms,
  spec,
  SPECS,
  type Check,
  type SpecName,
} from './harness.js';
import {findTemplate, requestSchema, type Schema} from './schema.js';
import {runJourney, type Transport} from './journey.js';

/** Which spec documents a path, and the path as that spec writes it (IS v1's are relative to its base). */
function specOf(pathname: string): {spec: SpecName; path: string} | undefined {
  const is = '/api/intelligent-search/v1';
  if (pathname.startsWith(`${is}/`)) return {spec: 'ISv1', path: pathname.slice(is.length)};
  if (/^\/(api\/)?checkout\//.test(pathname)) return {spec: 'Checkout', path: pathname};
  if (pathname.startsWith('/api/oms/')) return {spec: 'OMS', path: pathname};
  if (pathname === '/api/sessions' || pathname === '/api/segments') return {spec: 'Session', path: pathname};
  if (/^\/api\/(payments|pub)\/transactions\//.test(pathname)) return {spec: 'PGW', path: pathname};
  if (pathname.startsWith('/api/vtexid/')) return {spec: 'VTEXID', path: pathname};
  if (pathname.startsWith('/api/catalog_system/')) return {spec: 'Catalog', path: pathname};
  return undefined;
}

/**
 * Exchanges of the journey that no spec documents, with why. VTEX ID's spec has no logout route (API.md
 * §7.1: "Logout: not specified in these sources").
 */
const UNDOCUMENTED: Record<string, string> = {
  'GET /api/vtexid/pub/logout': 'API.md §7.1: logout is not specified in the VTEX ID spec',
};

/** Statuses the sandbox answers that a spec leaves out but VTEX's guides document (then without a body). */
const OTHER_STATUSES: Record<string, string> = {
  'Checkout POST /api/checkout/pub/gatewayCallback/{orderGroup} 204':
    'API.md §11.3: gatewayCallback success is 200 in the spec, 204 No Content in the guides',
};

/** The response media types an operation declares for a status ([] when it declares no body). */
function declaredTypes(
  name: SpecName,
  template: string,
  method: string,
  status: number,
): string[] | undefined {
  const op = spec(name).paths[template]?.[method.toLowerCase()];
  const response = op?.responses?.[String(status)] as {content?: Record<string, unknown>} | undefined;
  return response && Object.keys(response.content ?? {});
}

function journeyChecks(transport: Transport): void {
  it(`every exchange of the journey conforms (${transport})`, async (t) => {
    const log = await runJourney(transport);
    const seen = new Set<string>();
    const requestBodies = new Set<string>();
    for (const x of log) {
      const route = `${x.method} ${x.url.pathname}`;
      const where = specOf(x.url.pathname);
      const template = where && findTemplate(spec(where.spec), where.path, x.method);
      if (!where || !template) {
        const generic = route.replace(/[0-9a-f]{32}/g, '{id}');
        assert.ok(UNDOCUMENTED[generic], `${route} is in no spec and not in UNDOCUMENTED`);
        t.diagnostic(`${generic} ${x.status}: not in any spec (${UNDOCUMENTED[generic]})`);
        continue;
      }
      const c: Omit<Check, 'status' | 'body'> = {spec: where.spec, template, method: x.method};
      const key = `${where.spec} ${x.method} ${template}`;
      await t.test(`${key} ${x.status}`, (st) => {
        if (x.request !== undefined) {
          const schema: Schema | undefined = requestSchema(spec(where.spec), template, x.method);
          if (schema) {
            requestConforms(st, {...c, body: x.request});
            requestBodies.add(key);
          } else st.diagnostic('the spec declares no JSON request body');
        }
        const other = OTHER_STATUSES[`${key} ${x.status}`];
        if (other) st.diagnostic(other);
        const types = other ? [] : declaredTypes(where.spec, template, x.method, x.status);
        assert.ok(types, `${x.status} is not a documented status of ${key} in ${SPECS[where.spec]}`);
        if (types.some((m) => m.includes('json'))) {
          conforms(st, {...c, status: x.status, body: x.json});
        } else if (types.length === 0) {
          assert.equal(x.text, '', `${key} ${x.status} documents no body`);
          if (!other) assert.equal(kindOf({...c, status: x.status}), null);
        } else st.diagnostic(`documented as ${types.join(', ')}, not JSON`);
      });
      seen.add(`${key} ${x.status}`);
    }
    t.diagnostic(
      `${seen.size} operation/status pairs; request bodies validated: ${[...requestBodies].join('; ')}`,
    );
    // The bodies the issue names must all have been sent and validated.
    for (const op of [
      'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/items',
      'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/items/update',
      'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/clientProfileData',
      'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/shippingData',
      'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/attachments/paymentData',
      'Checkout POST /api/checkout/pub/orderForm/{orderFormId}/transaction',
      'PGW POST /api/payments/transactions/{transactionId}/payments',
    ])
      assert.ok(requestBodies.has(op), `${op}: no request body validated`);
    console.log(`spec exceptions (${transport}) — ${exceptionSummary()}`);
  });
}

describe('the kit against the sandbox: request bodies and responses conform', () => journeyChecks('sandbox'));
describe('the kit through the bridge: request bodies and responses conform', () => journeyChecks('bridge'));
