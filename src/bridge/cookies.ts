/**
 * Cookie custody: which VTEX cookies cross the bridge, and how upstream `Set-Cookie` headers are rewritten
 * for the page's site. Values are never decoded or re-encoded: VTEX's `checkout.vtex.com=__ofid=…` contains
 * an `=` and must round-trip byte for byte.
 */

const FIXED = new Set([
  'checkout.vtex.com',
  'CheckoutOrderFormOwnership',
  'Vtex_CHKO_Auth',
  'CheckoutDataAccess',
  'vid_rt',
  '_vss',
  'vtex_session',
  'vtex_segment',
]);

/** Account ids VTEX also suffixes the login cookie with (`VtexIdclientAutCookie_{accountId}`). */
const ACCOUNT_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function loginCookieName(account: string): string {
  return `VtexIdclientAutCookie_${account}`;
}

/** True for the VTEX cookies the bridge knows and forwards. */
export function isKnownCookie(name: string, account: string): boolean {
  if (FIXED.has(name)) return true;
  if (name === loginCookieName(account)) return true;
  const prefix = 'VtexIdclientAutCookie_';
  return name.startsWith(prefix) && ACCOUNT_ID.test(name.slice(prefix.length));
}

export interface RawCookie {
  name: string;
  value: string;
}

/** Splits a `Cookie` request header into raw name/value pairs (values untouched). */
export function parseCookieHeader(header: string | null): RawCookie[] {
  if (!header) return [];
  const out: RawCookie[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name) out.push({name, value: part.slice(eq + 1).trim()});
  }
  return out;
}

/** The `Cookie` header to send upstream: only known VTEX cookies, first occurrence of each name. */
export function filterCookieHeader(header: string | null, account: string): string | undefined {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const c of parseCookieHeader(header)) {
    if (seen.has(c.name) || !isKnownCookie(c.name, account)) continue;
    // A value with CR/LF or ";" cannot come from a real browser Cookie header; drop it.
    if (/[\r\n;]/.test(c.value) || c.value.length > 8192) continue;
    seen.add(c.name);
    kept.push(`${c.name}=${c.value}`);
  }
  return kept.length ? kept.join('; ') : undefined;
}

export interface RewriteOptions {
  account: string;
  /** `Domain` to set, e.g. ".shop.example.com"; none = host-only cookie. */
  cookieDomain?: string;
  /** Mark cookies `Secure`. */
  secure: boolean;
  /** Use `SameSite=None` (only meaningful with `secure`). */
  crossSite: boolean;
  /** Bridge mount path; cookie paths are moved under it. */
  basePath: string;
}

/**
 * Rewrites one upstream `Set-Cookie` for the page's site. Returns undefined for cookies the bridge does
 * not know (they are dropped). Upstream `Domain` is removed; `Max-Age`, `Expires` and `SameSite=Strict` are kept; every cookie is
 * `HttpOnly`.
 */
export function rewriteSetCookie(setCookie: string, options: RewriteOptions): string | undefined {
  const [pair = '', ...attrs] = setCookie.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  if (!isKnownCookie(name, options.account)) return undefined;

  let path = '/';
  let sameSite: string | undefined;
  const kept: string[] = [];
  for (const raw of attrs) {
    const a = raw.trim();
    if (!a) continue;
    const i = a.indexOf('=');
    const key = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    const val = i < 0 ? '' : a.slice(i + 1).trim();
    if (key === 'max-age' && /^-?\d+$/.test(val)) kept.push(`Max-Age=${val}`);
    else if (key === 'expires' && val) kept.push(`Expires=${val}`);
    else if (key === 'path' && val.startsWith('/')) path = val;
    else if (key === 'samesite') sameSite = val.toLowerCase();
    // Domain, Secure, Partitioned, Priority and anything unknown are decided by the bridge.
  }

  const out = [`${name}=${value}`, ...kept];
  if (options.cookieDomain) out.push(`Domain=${options.cookieDomain}`);
  const base = options.basePath;
  out.push(`Path=${base ? (path === '/' ? base : base + path) : path}`);
  // The kit never reads VTEX's cookies from page JavaScript: every one of them is HttpOnly, whatever upstream says.
  out.push('HttpOnly');
  if (options.secure) out.push('Secure');
  if (sameSite === 'strict') out.push('SameSite=Strict');
  else if (options.crossSite && options.secure) out.push('SameSite=None');
  else out.push('SameSite=Lax');
  return out.join('; ');
}
