/**
 * Property tests at the bridge's security boundary (issue 22), over real HTTP with a recording fake VTEX.
 *
 * The oracle is written here, from the kit's needs, not read from `src/bridge/routes.ts`: `KIT_ROUTES` is the
 * exact list of VTEX routes the kit calls, with a concrete path for each. Any method × API family (allowlisted,
 * private `/pvt/`, unknown) × origin (same, allowed, foreign, `null`, absent) × path encoding (percent and
 * double encoding, dot segments, case) either reaches VTEX as exactly an allowlisted route, or is refused and
 * reaches nothing.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import fc from 'fast-check';
import {createVtexBridge} from '../../src/bridge/index.js';
import {matchRoute, ROUTES} from '../../src/bridge/routes.js';
import {raw, serve, type Served} from './helpers/http-harness.js';

const OF_ID = '0123456789abcdef0123456789abcdef';
const TX = 'ABCDEF0123456789ABCDEF0123456789';
const PAGE = 'https://cms.example.com';
const OF = '/api/checkout/pub/orderForm';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every VTEX route the kit calls, one entry per allowlist rule, with concrete paths that rule must accept. */
const KIT_ROUTES: {methods: readonly string[]; paths: readonly string[]}[] = [
  {
    methods: ['GET'],
    paths: ['/api/intelligent-search/v1/product-search', '/api/intelligent-search/v1/product-search/a/b'],
  },
  {methods: ['GET'], paths: ['/api/intelligent-search/v1/facets/brand/acme']},
  {methods: ['GET'], paths: ['/api/intelligent-search/v1/products']},
  {methods: ['GET'], paths: ['/api/intelligent-search/v1/autocomplete-suggestions']},
  {methods: ['GET'], paths: ['/api/intelligent-search/v1/search-suggestions']},
  {methods: ['GET'], paths: ['/api/intelligent-search/v1/top-searches']},
  {methods: ['GET'], paths: ['/api/catalog_system/pub/category/tree/2']},
  {methods: ['GET'], paths: ['/api/catalog_system/pub/products/variations/12']},
  {methods: ['GET'], paths: ['/api/catalog_system/pub/products/search']},
  {methods: ['GET'], paths: ['/api/catalog_system/pub/products/search/camisa-azul/p']},
  {methods: ['GET'], paths: ['/arquivos/ids/155-300-300/tenis.svg']},
  {methods: ['GET'], paths: [OF]},
  {methods: ['GET'], paths: [`${OF}/${OF_ID}`]},
  {methods: ['POST', 'PATCH'], paths: [`${OF}/${OF_ID}/items`]},
  {methods: ['POST'], paths: [`${OF}/${OF_ID}/items/update`]},
  {methods: ['POST'], paths: [`${OF}/${OF_ID}/items/removeAll`]},
  {methods: ['POST'], paths: [`${OF}/${OF_ID}/coupons`]},
  {
    methods: ['POST'],
    paths: ['clientProfileData', 'shippingData', 'paymentData', 'marketingData', 'clientPreferencesData'].map(
      (a) => `${OF}/${OF_ID}/attachments/${a}`,
    ),
  },
  {methods: ['GET'], paths: [`${OF}/${OF_ID}/installments`]},
  {methods: ['POST'], paths: [`${OF}/${OF_ID}/messages/clear`]},
  {methods: ['POST'], paths: [`${OF}/${OF_ID}/transaction`]},
  {methods: ['POST'], paths: ['/api/checkout/pub/orderForms/simulation']},
  {methods: ['GET'], paths: ['/api/checkout/pub/postal-code/BRA/22250-040']},
  {methods: ['GET'], paths: ['/api/checkout/pub/pickup-points']},
  {methods: ['GET'], paths: ['/api/checkout/pub/profiles']},
  {methods: ['POST'], paths: ['/api/checkout/pub/gatewayCallback/1234567890123']},
  {methods: ['GET'], paths: [`/checkout/changeToAnonymousUser/${OF_ID}`]},
  {methods: ['POST'], paths: [`/api/payments/transactions/${TX}/payments`]},
  {methods: ['POST'], paths: [`/api/pub/transactions/${TX}/payments`]},
  {methods: ['GET'], paths: ['/api/oms/user/orders']},
  {methods: ['GET'], paths: ['/api/oms/user/orders/v502556llux-01']},
  {methods: ['GET', 'POST', 'PATCH'], paths: ['/api/sessions']},
  {methods: ['GET'], paths: ['/api/segments']},
  {methods: ['GET', 'POST'], paths: ['/api/vtexid/pub/logout']},
  {methods: ['GET', 'POST'], paths: ['/login']},
  {methods: ['GET'], paths: ['/logout']},
];

/** Private and unrelated VTEX routes a store has; none may ever be reachable through the bridge. */
const PRIVATE_PATHS = [
  '/api/oms/pvt/orders',
  '/api/oms/pvt/orders/v502556llux-01',
  '/api/catalog/pvt/product/1',
  '/api/catalog_system/pvt/products/GetProductAndSkuIds',
  '/api/checkout/pvt/configuration/orderForm',
  `/api/checkout/pvt/orderForm/${OF_ID}`,
  '/api/dataentities/CL/search',
  '/api/dataentities/CL/documents',
  '/api/payments/pvt/transactions',
  '/api/pvt/transactions',
  '/api/logistics/pvt/inventory/skus/1',
  '/api/license-manager/pvt/accounts',
  '/api/vtexid/pub/authentication/start',
  '/api/vtexid/pub/authentication/accesskey/validate',
  '/api/vtexid/credential/validate',
  '/api/vtexid/refreshtoken/webstore',
  '/api/vtexid/apptoken/login',
];

/** The allowed method sets by path, as a VTEX server sees the path. */
const ALLOWED = new Map<string, readonly string[]>(
  KIT_ROUTES.flatMap((r) => r.paths.map((p) => [p, r.methods] as const)),
);

/** GETs that change state: a foreign page may not start them either. */
const stateChangingGet = (path: string, query: string) =>
  path === '/logout' ||
  path === '/api/vtexid/pub/logout' ||
  path.startsWith('/checkout/changeToAnonymousUser/') ||
  (path === OF && /forceNewCart=true/i.test(query));

/** Segments that are data (ids, names, search text), where VTEX ignores case or any safe text is fine. */
const VARIABLE = new Set([OF_ID, TX, 'v502556llux-01', '155-300-300', 'tenis.svg', 'BRA', '22250-040']);

/** Free text as a search segment: whatever it decodes to, never a separator or a dot segment. */
function safeText(segment: string): boolean {
  let d = segment;
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-control-regex
    if (d === '.' || d === '..' || /[/\\\u0000-\u001f\u007f]/.test(d)) return false;
    let next: string;
    try {
      next = decodeURIComponent(d);
    } catch {
      return true; // a "%" that is not an escape is text
    }
    if (next === d) return true;
    d = next;
  }
  return false;
}

/**
 * What the bridge MAY forward (it must forward at least the exact kit paths): the kit's paths with ids in any
 * case, and the free-text search routes with any safe text.
 */
function mayForward(path: string, method: string): boolean {
  const segs = path.slice(1).split('/');
  const freeText = (prefix: string, min: number, max: number) => {
    const p = prefix.slice(1).split('/');
    const rest = segs.slice(p.length);
    return (
      p.every((x, i) => segs[i] === x) &&
      rest.length >= min &&
      rest.length <= max &&
      rest.every((x, i) => safeText(x) || (x === '' && i === rest.length - 1))
    );
  };
  if (method === 'GET') {
    if (freeText('/api/intelligent-search/v1/product-search', 0, 20)) return true;
    if (freeText('/api/intelligent-search/v1/facets', 0, 20)) return true;
    const cat = 'api/catalog_system/pub/products/search'.split('/');
    if (segs.length === cat.length + 2 && cat.every((x, i) => segs[i] === x) && safeText(segs[cat.length]!))
      if (segs.at(-1) === 'p') return true;
  }
  return KIT_ROUTES.some(
    (r) =>
      r.methods.includes(method) &&
      r.paths.some((p) => {
        const k = p.slice(1).split('/');
        return (
          k.length === segs.length &&
          k.every((x, i) => x === segs[i] || (VARIABLE.has(x) && x.toLowerCase() === segs[i]!.toLowerCase()))
        );
      }),
  );
}

/** The path a server sees for a raw request target (dot segments resolved, like the bridge's host does). */
const asSeenByServer = (rawPath: string) => new URL(`http://h${rawPath}`).pathname;

describe('bridge allowlist: exactly the routes the kit needs', () => {
  it('has one rule per kit route, each accepting its paths with exactly its methods, and no other rule', () => {
    const methods = [...METHODS, 'OPTIONS'];
    const hitBy = new Map<number, number>();
    KIT_ROUTES.forEach((kit, k) => {
      for (const path of kit.paths) {
        const rules = ROUTES.flatMap((r, i) => (r.match(path.slice(1).split('/')) ? [i] : []));
        assert.equal(rules.length, 1, `${path}: one allowlist rule`);
        assert.deepEqual([...ROUTES[rules[0]!]!.methods].sort(), [...kit.methods].sort(), path);
        assert.ok((hitBy.get(rules[0]!) ?? k) === k, `${path}: the same rule as its siblings`);
        hitBy.set(rules[0]!, k);
        for (const m of methods)
          assert.equal(matchRoute(path, m)?.methodAllowed ?? false, kit.methods.includes(m), `${m} ${path}`);
      }
    });
    const extra = ROUTES.map((r, i) => [r, i] as const).filter(([, i]) => !hitBy.has(i));
    assert.deepEqual(
      extra.map(([r]) => `${r.family} ${r.methods.join(',')}`),
      [],
      'every allowlist rule is one the kit needs (a new route needs a new entry in KIT_ROUTES)',
    );
    assert.equal(ROUTES.length, KIT_ROUTES.length);
  });

  it('matches none of the private routes with any method', () => {
    for (const path of PRIVATE_PATHS)
      for (const m of METHODS) assert.equal(matchRoute(path, m), undefined, `${m} ${path}`);
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface Seen {
  method: string;
  url: string;
}

type OriginKind = 'same' | 'allowed' | 'foreign' | 'null' | 'absent';

/** Re-spells a path: each transform keeps or changes what a VTEX server would see. */
type Transform =
  | {kind: 'none'}
  | {kind: 'percent'; segment: number}
  | {kind: 'double-percent'; segment: number}
  | {kind: 'upper'; segment: number}
  | {kind: 'dot'; at: number}
  | {kind: 'dot-dot'; at: number; junk: string}
  | {kind: 'encoded-dot-dot'; at: number; encoding: string}
  | {kind: 'trailing-slash'}
  | {kind: 'double-slash'; at: number}
  | {kind: 'encoded-slash'; at: number};

function apply(path: string, t: Transform): string {
  const segs = path.slice(1).split('/');
  const pick = (n: number) => n % segs.length;
  const join = (s: string[]) => '/' + s.join('/');
  switch (t.kind) {
    case 'none':
      return path;
    case 'percent':
    case 'double-percent': {
      const i = pick(t.segment);
      const s = segs[i]!;
      if (!s) return path;
      const hex = '%' + s.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
      segs[i] = (t.kind === 'percent' ? hex : hex.replace('%', '%25')) + s.slice(1);
      return join(segs);
    }
    case 'upper': {
      const i = pick(t.segment);
      segs[i] = segs[i]!.toUpperCase();
      return join(segs);
    }
    case 'dot':
      segs.splice(pick(t.at), 0, '.');
      return join(segs);
    case 'dot-dot':
      segs.splice(pick(t.at), 0, t.junk, '..');
      return join(segs);
    case 'encoded-dot-dot':
      segs.splice(pick(t.at), 0, 'x', t.encoding);
      return join(segs);
    case 'trailing-slash':
      return path + '/';
    case 'double-slash':
      segs.splice(pick(t.at), 0, '');
      return join(segs);
    case 'encoded-slash': {
      const i = pick(t.at);
      if (i + 1 >= segs.length) return path;
      segs.splice(i, 2, `${segs[i]}%2F${segs[i + 1]}`);
      return join(segs);
    }
  }
}

const transform: fc.Arbitrary<Transform> = fc.oneof(
  fc.constant({kind: 'none'} as const),
  fc.record({kind: fc.constant('percent' as const), segment: fc.nat(8)}),
  fc.record({kind: fc.constant('double-percent' as const), segment: fc.nat(8)}),
  fc.record({kind: fc.constant('upper' as const), segment: fc.nat(8)}),
  fc.record({kind: fc.constant('dot' as const), at: fc.nat(8)}),
  fc.record({
    kind: fc.constant('dot-dot' as const),
    at: fc.nat(8),
    junk: fc.constantFrom('pvt', 'x', 'pub'),
  }),
  fc.record({
    kind: fc.constant('encoded-dot-dot' as const),
    at: fc.nat(8),
    encoding: fc.constantFrom('%2e%2e', '%2E%2E', '.%2e', '%252e%252e', '%25252e%25252e'),
  }),
  fc.constant({kind: 'trailing-slash'} as const),
  fc.record({kind: fc.constant('double-slash' as const), at: fc.nat(8)}),
  fc.record({kind: fc.constant('encoded-slash' as const), at: fc.nat(8)}),
);

const segment = fc.stringMatching(/^[a-z0-9_.-]{1,12}$/);
/** Search text, the one place a path carries shopper input: safe words and hostile spellings of separators. */
const searchSegment = fc.oneof(
  fc.stringMatching(/^[a-z0-9 -]{1,10}$/).map(encodeURIComponent),
  fc.constantFrom(
    '%2e%2e',
    '%252e%252e',
    '%25252e%25252e',
    'a%5cb',
    'a%255cb',
    '%2f',
    '%252fpvt',
    '%00',
    '50%25',
  ),
);
/** A path in one VTEX API family: the kit's own, a private one, or one nobody listed. */
const familyPath = fc.oneof(
  fc.constantFrom(...ALLOWED.keys()),
  fc.constantFrom(...PRIVATE_PATHS),
  // The kit's routes moved to a private family.
  fc
    .constantFrom(...ALLOWED.keys())
    .map((p) => (p.includes('/pub/') ? p.replace('/pub/', '/pvt/') : p.replace(/^\/api\//, '/api/pvt/'))),
  fc
    .tuple(
      fc.constantFrom('/api', '/api/checkout', '/api/oms', '/api/vtexid', ''),
      fc.array(segment, {maxLength: 4}),
    )
    .map(([prefix, rest]) => `${prefix}/${rest.join('/')}`),
  // Free-text search routes with any text.
  fc
    .tuple(
      fc.constantFrom(
        '/api/intelligent-search/v1/product-search',
        '/api/intelligent-search/v1/facets',
        '/api/catalog_system/pub/products/search',
      ),
      fc.array(searchSegment, {minLength: 1, maxLength: 3}),
    )
    .map(([prefix, rest]) =>
      prefix.includes('catalog') ? `${prefix}/${rest[0]}/p` : `${prefix}/${rest.join('/')}`,
    ),
);

describe('bridge: any method × family × origin × encoding', () => {
  let s: Served;
  const seen: Seen[] = [];
  before(async () => {
    s = await serve(
      createVtexBridge({
        upstream: async (req) => {
          seen.push({method: req.method, url: req.url});
          return new Response('{"ok":true}', {status: 200, headers: {'Content-Type': 'application/json'}});
        },
        account: 'mystore',
        allowedOrigins: [PAGE],
        logger: {warn() {}},
      }),
    );
  });
  after(() => s.close());

  const originHeader = (kind: OriginKind): Record<string, string> =>
    ({
      same: {Origin: s.origin},
      allowed: {Origin: PAGE},
      foreign: {Origin: 'https://evil.example'},
      null: {Origin: 'null'},
      absent: {},
    })[kind];

  it('forwards exactly the allowlisted routes, or refuses without calling VTEX; a foreign origin never changes state', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        familyPath,
        transform,
        fc.constantFrom<OriginKind>('same', 'allowed', 'foreign', 'null', 'absent'),
        fc.constantFrom('', '?sc=1', '?forceNewCart=true'),
        async (method, path, t, originKind, query) => {
          seen.length = 0;
          const rawPath = apply(path, t) + query;
          const hasBody = method !== 'GET' && method !== 'HEAD';
          const r = await raw(
            s.origin,
            method,
            rawPath,
            {
              ...originHeader(originKind),
              // Node sends a DELETE body only with an explicit length.
              ...(hasBody ? {'Content-Type': 'application/json', 'Content-Length': '2'} : {}),
            },
            hasBody ? '{}' : undefined,
          );
          const served = asSeenByServer(rawPath.replace(/\?.*$/, ''));
          const foreign = originKind === 'foreign' || originKind === 'null';
          const writes =
            !['GET', 'HEAD'].includes(method) || (method === 'GET' && stateChangingGet(served, query));
          const refusedOrigin = foreign && writes;
          const must = (ALLOWED.get(served)?.includes(method) ?? false) && !refusedOrigin;
          const may = must || (mayForward(served, method) && !refusedOrigin);
          const what = `${method} ${rawPath} from ${originKind} → ${r.status}`;
          const forwarded = seen.length > 0;
          if (must) assert.ok(forwarded, `${what}: an allowlisted route from a trusted page is forwarded`);
          if (!may) assert.ok(!forwarded, `${what}: not a route the kit needs, nothing reaches VTEX`);
          if (forwarded) {
            assert.equal(r.status, 200, what);
            assert.equal(seen.length, 1, what);
            const url = new URL(seen[0]!.url);
            assert.equal(seen[0]!.method, method, what);
            assert.equal(url.pathname, served, `${what}: VTEX sees exactly the allowlisted path`);
            assert.equal(url.search, query, what);
          } else {
            assert.ok([403, 404, 405].includes(r.status), `${what}: refused`);
          }
          if (refusedOrigin) assert.equal(r.status, 403, `${what}: a foreign origin changes nothing`);
          if (foreign) {
            assert.equal(r.headers['access-control-allow-origin'], undefined, what);
            assert.deepEqual(r.setCookies, [], what);
          }
        },
      ),
      {numRuns: 600, seed: 22},
    );
  });

  it('answers preflights without calling VTEX; only the allowed page gets a yes, for a listed method', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS, 'OPTIONS'),
        familyPath,
        transform,
        fc.constantFrom<OriginKind>('same', 'allowed', 'foreign', 'null', 'absent'),
        async (wanted, path, t, originKind) => {
          seen.length = 0;
          const rawPath = apply(path, t);
          const r = await raw(s.origin, 'OPTIONS', rawPath, {
            ...originHeader(originKind),
            'Access-Control-Request-Method': wanted,
          });
          const what = `OPTIONS(${wanted}) ${rawPath} from ${originKind} → ${r.status}`;
          assert.deepEqual(seen, [], `${what}: preflights reach nothing`);
          const served = asSeenByServer(rawPath);
          const must = originKind === 'allowed' && (ALLOWED.get(served)?.includes(wanted) ?? false);
          const may = must || (originKind === 'allowed' && mayForward(served, wanted));
          if (must) assert.equal(r.status, 204, what);
          if (!may) assert.ok(r.status >= 400, what);
          if (r.status < 400) {
            assert.equal(r.status, 204, what);
            assert.equal(r.headers['access-control-allow-origin'], PAGE, what);
          } else {
            assert.ok(r.status >= 400, what);
            if (originKind !== 'allowed')
              assert.equal(r.headers['access-control-allow-origin'], undefined, what);
          }
        },
      ),
      {numRuns: 300, seed: 22},
    );
  });
});
