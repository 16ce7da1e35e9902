/**
 * The allowlist of VTEX routes the kit uses. Anything else is answered 404 by the bridge: it is never an
 * open proxy. Each route is a method set plus a path matcher whose variable segments are validated
 * (ids are hex/alphanumeric; free-text segments may not contain slashes, backslashes or dot segments).
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Which VTEX family a route belongs to; the bridge uses it for per-family behaviour. */
export type RouteFamily =
  'search' | 'catalog' | 'images' | 'checkout' | 'payments' | 'oms' | 'session' | 'vtexid' | 'login';

export interface Route {
  family: RouteFamily;
  methods: readonly Method[];
  /** True when the path matches; receives the path split on "/" without the leading empty segment. */
  match(segments: readonly string[]): boolean;
}

const HEX32 = /^[0-9a-f]{32}$/i;
const DIGITS = /^\d{1,12}$/;
const ALNUM_ID = /^[A-Za-z0-9]{1,64}$/;
const ORDER_ID = /^[A-Za-z0-9]{1,40}(?:-\d{1,4})?$/;
const COUNTRY = /^[A-Z]{3}$/i;
const POSTAL = /^[A-Za-z0-9 -]{1,16}$/;
const IMAGE_ID = /^\d{1,12}(?:-\d{1,5}-\d{1,5})?$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const ATTACHMENTS = new Set([
  'clientProfileData',
  'shippingData',
  'paymentData',
  'marketingData',
  'clientPreferencesData',
]);

/**
 * A free-text segment (search facets, product slugs): percent-decoded it must not contain "/", "\",
 * control characters, nor be a dot segment.
 */
export function isSafeTextSegment(segment: string): boolean {
  if (!segment || segment.length > 200) return false;
  // Each decoding round is checked: "%252e%252e" is ".." to a server that decodes twice.
  let decoded = segment;
  for (let round = 0; round < 4; round++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return round > 0; // a literal "%" left after decoding is text, not an escape
    }
    if (decoded === '.' || decoded === '..') return false;
    // eslint-disable-next-line no-control-regex
    if (/[/\\\u0000-\u001f\u007f]/.test(decoded)) return false;
    if (!decoded.includes('%')) return true;
  }
  return false;
}

type Pattern = readonly (string | RegExp | ((s: string) => boolean))[];

/** Exact-length pattern: strings are literal, regexps and predicates validate a variable segment. */
function exact(pattern: Pattern): (segments: readonly string[]) => boolean {
  return (segments) =>
    segments.length === pattern.length &&
    pattern.every((p, i) => {
      const s = segments[i]!;
      if (typeof p === 'string') return s === p;
      if (p instanceof RegExp) return p.test(s);
      return p(s);
    });
}

/** A literal prefix followed by `min..max` free-text segments. */
function prefixed(
  prefix: readonly string[],
  min: number,
  max: number,
): (segments: readonly string[]) => boolean {
  return (segments) => {
    if (segments.length < prefix.length + min || segments.length > prefix.length + max) return false;
    if (!prefix.every((p, i) => segments[i] === p)) return false;
    return segments
      .slice(prefix.length)
      .every((s, i, rest) => isSafeTextSegment(s) || (s === '' && i === rest.length - 1));
  };
}

const IS = ['api', 'intelligent-search', 'v1'];
const CO = ['api', 'checkout', 'pub'];
const OF = [...CO, 'orderForm'];

export const ROUTES: readonly Route[] = [
  // Intelligent Search v1 (facets path is free text, e.g. category-1/shoes/brand/acme).
  {family: 'search', methods: ['GET'], match: prefixed([...IS, 'product-search'], 0, 20)},
  {family: 'search', methods: ['GET'], match: prefixed([...IS, 'facets'], 0, 20)},
  {family: 'search', methods: ['GET'], match: exact([...IS, 'products'])},
  {family: 'search', methods: ['GET'], match: exact([...IS, 'autocomplete-suggestions'])},
  {family: 'search', methods: ['GET'], match: exact([...IS, 'search-suggestions'])},
  {family: 'search', methods: ['GET'], match: exact([...IS, 'top-searches'])},
  // catalog_system (public storefront routes).
  {
    family: 'catalog',
    methods: ['GET'],
    match: exact(['api', 'catalog_system', 'pub', 'category', 'tree', DIGITS]),
  },
  {
    family: 'catalog',
    methods: ['GET'],
    match: exact(['api', 'catalog_system', 'pub', 'products', 'variations', DIGITS]),
  },
  {family: 'catalog', methods: ['GET'], match: exact(['api', 'catalog_system', 'pub', 'products', 'search'])},
  {
    family: 'catalog',
    methods: ['GET'],
    match: exact(['api', 'catalog_system', 'pub', 'products', 'search', isSafeTextSegment, 'p']),
  },
  // Product images.
  {family: 'images', methods: ['GET'], match: exact(['arquivos', 'ids', IMAGE_ID, FILE_NAME])},
  // Checkout: orderForm.
  {family: 'checkout', methods: ['GET'], match: exact(OF)},
  {family: 'checkout', methods: ['GET'], match: exact([...OF, HEX32])},
  {family: 'checkout', methods: ['POST', 'PATCH'], match: exact([...OF, HEX32, 'items'])},
  {family: 'checkout', methods: ['POST'], match: exact([...OF, HEX32, 'items', 'update'])},
  {family: 'checkout', methods: ['POST'], match: exact([...OF, HEX32, 'items', 'removeAll'])},
  {family: 'checkout', methods: ['POST'], match: exact([...OF, HEX32, 'coupons'])},
  {
    family: 'checkout',
    methods: ['POST'],
    match: exact([...OF, HEX32, 'attachments', (s) => ATTACHMENTS.has(s)]),
  },
  {family: 'checkout', methods: ['GET'], match: exact([...OF, HEX32, 'installments'])},
  {family: 'checkout', methods: ['POST'], match: exact([...OF, HEX32, 'messages', 'clear'])},
  {family: 'checkout', methods: ['POST'], match: exact([...OF, HEX32, 'transaction'])},
  // Checkout: helpers.
  {family: 'checkout', methods: ['POST'], match: exact([...CO, 'orderForms', 'simulation'])},
  {family: 'checkout', methods: ['GET'], match: exact([...CO, 'postal-code', COUNTRY, POSTAL])},
  {family: 'checkout', methods: ['GET'], match: exact([...CO, 'pickup-points'])},
  {family: 'checkout', methods: ['GET'], match: exact([...CO, 'profiles'])},
  {family: 'checkout', methods: ['POST'], match: exact([...CO, 'gatewayCallback', ALNUM_ID])},
  {family: 'checkout', methods: ['GET'], match: exact(['checkout', 'changeToAnonymousUser', HEX32])},
  // Payments (both documented forms).
  {
    family: 'payments',
    methods: ['POST'],
    match: exact(['api', 'payments', 'transactions', ALNUM_ID, 'payments']),
  },
  {family: 'payments', methods: ['POST'], match: exact(['api', 'pub', 'transactions', ALNUM_ID, 'payments'])},
  // OMS, for the logged-in shopper.
  {family: 'oms', methods: ['GET'], match: exact(['api', 'oms', 'user', 'orders'])},
  {family: 'oms', methods: ['GET'], match: exact(['api', 'oms', 'user', 'orders', ORDER_ID])},
  // Session Manager.
  {family: 'session', methods: ['GET', 'POST', 'PATCH'], match: exact(['api', 'sessions'])},
  {family: 'session', methods: ['GET'], match: exact(['api', 'segments'])},
  // VTEX ID: only sign-out. The login itself happens on VTEX's /login page; the token never reaches page JS.
  {family: 'vtexid', methods: ['GET', 'POST'], match: exact(['api', 'vtexid', 'pub', 'logout'])},
  // VTEX's native login / logout pages.
  {family: 'login', methods: ['GET', 'POST'], match: exact(['login'])},
  {family: 'login', methods: ['GET'], match: exact(['logout'])},
];

/**
 * Rejects raw paths that smuggle separators or dot segments: encoded slashes/backslashes/dots/NUL,
 * backslashes, double slashes and `.`/`..` segments.
 */
export function isCleanPath(pathname: string): boolean {
  if (!pathname.startsWith('/') || pathname.length > 1024) return false;
  // Encoded separators, dots and NULs, also encoded twice or more ("%252e", "%25252f").
  if (/%(?:25)*(?:2f|5c|2e|00)/i.test(pathname)) return false;
  if (pathname.includes('\\') || pathname.includes('//')) return false;
  return !pathname.split('/').some((s) => s === '.' || s === '..');
}

export interface RouteMatch {
  route: Route;
  /** Methods allowed on this path (for preflight and 405). */
  methods: readonly Method[];
  /** True when `method` is one of them. */
  methodAllowed: boolean;
}

/** Finds the allowlisted route(s) for a VTEX path (without the bridge's basePath). */
export function matchRoute(pathname: string, method: string): RouteMatch | undefined {
  if (!isCleanPath(pathname)) return undefined;
  const segments = pathname.slice(1).split('/');
  const hits = ROUTES.filter((r) => r.match(segments));
  if (!hits.length) return undefined;
  const methods = [...new Set(hits.flatMap((r) => r.methods))];
  const exactHit = hits.find((r) => (r.methods as readonly string[]).includes(method));
  return {route: exactHit ?? hits[0]!, methods, methodAllowed: !!exactHit};
}
