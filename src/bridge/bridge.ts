/**
 * The bridge: a Fetch-API handler between the kit (a browser on a CMS page) and VTEX (or the sandbox).
 * Plain TypeScript with no Node, DOM or Lit imports, so it runs on Node and on any edge runtime.
 *
 * Request pipeline: basePath → CORS/origin policy → rate limit → allowlist → cross-site GET check → body
 * limit → body type, card-data and open-redirect checks → cookie/header filtering → upstream → response
 * header/cookie rewriting and token scrubbing. No request makes it throw: anything unexpected is a JSON 500.
 */
import {clientAddress} from './client-address.js';
import {filterCookieHeader, loginCookieName, parseCookieHeader, rewriteSetCookie} from './cookies.js';
import {findCardData, scrubTokens} from './sensitive.js';
import {createRateLimiter, type RateLimitOptions} from './rate-limit.js';
import {matchRoute, type Method, type RouteMatch} from './routes.js';

export type UpstreamHandler = (request: Request) => Promise<Response>;
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface VtexBridgeOptions {
  /** `https://{account}.vtexcommercestable.com.br` (see `vtexUpstream`) or a handler such as the sandbox's `fetch`. */
  upstream: string | UpstreamHandler;
  /** VTEX account name; names the login cookie `VtexIdclientAutCookie_{account}`. */
  account: string;
  /** Page origins allowed to call with credentials (exact `scheme://host[:port]`). Same-origin is always allowed. */
  allowedOrigins: string[];
  /** Mount path of the bridge on its host, e.g. "/_v". Default "" (VTEX paths at the root). */
  basePath?: string;
  /** Largest request body accepted (413 above). Default 64 KiB. */
  maxBodyBytes?: number;
  /** Token bucket per client: at most `max` requests per `windowMs` (429 above). Off by default. */
  rateLimit?: RateLimitOptions;
  /**
   * A header your platform sets to the client's address and overwrites when a client sends it
   * (`cf-connecting-ip` on Cloudflare, `x-real-ip` behind an nginx that sets it, `x-forwarded-for`: its last
   * entry, the one your proxy appended). Default none: forwarding headers from the request are not trusted.
   */
  clientIpHeader?: string;
  /**
   * Client identity for the rate limit. Default: the address a server adapter recorded (the Node adapter
   * records the socket's), else the `clientIpHeader`, else one shared key.
   */
  clientKey?: (req: Request) => string;
  /** `Domain` attribute for cookies set through the bridge (e.g. ".shop.example.com"). Default: host-only. */
  cookieDomain?: string;
  /** Force `Secure` cookies even when the request arrived over http (TLS terminated in front). */
  secureCookies?: boolean;
  /** Fetch used for a URL upstream (tests record with it). Default: global fetch. */
  fetch?: FetchLike;
  /** Upstream timeout in ms (504 after). Default 45 000 (VTEX's documented orderForm timeout). */
  timeoutMs?: number;
  /** Where warnings go. Default: console. */
  logger?: {warn(message: string): void};
  /** Clock for the rate limiter (tests). */
  now?: () => number;
}

const DEFAULT_MAX_BODY = 64 * 1024;
const DEFAULT_TIMEOUT = 45_000;

/** Headers a browser may send that the bridge forwards upstream; everything else is dropped. */
const FORWARD_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'user-agent',
  'if-none-match',
  'if-modified-since',
];
/** Headers a cross-origin page may send (preflight answer). */
const ALLOWED_REQUEST_HEADERS = ['Accept', 'Accept-Language', 'Content-Type'];
const EXPOSED_HEADERS = ['Retry-After', 'resources'];
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const APP_KEY_HEADERS = new Set(['x-vtex-api-appkey', 'x-vtex-api-apptoken']);
/** Upstream headers that describe VTEX's own site or stack, not the bridge's: dropped. */
const UPSTREAM_ONLY = new Set(['strict-transport-security', 'server', 'x-powered-by']);
/** Families whose answers are about one shopper: never stored by a shared cache. */
const PRIVATE_FAMILIES = new Set(['checkout', 'payments', 'oms', 'session', 'vtexid', 'login']);
/** Families whose bodies may carry a login token; the bridge reads them whole and scrubs it. */
const SCRUBBED_FAMILIES = new Set(['checkout', 'payments', 'oms', 'session', 'vtexid', 'login']);
/** GETs that change state (VTEX's own design): refused when a foreign site triggers them. */
function isStateChangingGet(path: string, url: URL, family: string): boolean {
  if (family === 'checkout' && /^true$/i.test(url.searchParams.get('forceNewCart') ?? '')) return true;
  if (path.startsWith('/checkout/changeToAnonymousUser/')) return true;
  return path === '/logout' || path === '/api/vtexid/pub/logout';
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The real-store upstream for a VTEX account name. */
export function vtexUpstream(account: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(account))
    throw new TypeError(`Invalid VTEX account name: ${account}`);
  return `https://${account.toLowerCase()}.vtexcommercestable.com.br`;
}

function normalizeOrigin(origin: string): string {
  const u = new URL(origin);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`Invalid origin: ${origin}`);
  return u.origin;
}

function normalizeBasePath(basePath: string | undefined): string {
  if (!basePath || basePath === '/') return '';
  const p = ('/' + basePath.replace(/^\/+|\/+$/g, '')).replace(/\/{2,}/g, '/');
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(p)) throw new TypeError(`Invalid basePath: ${basePath}`);
  return p;
}

class PayloadTooLarge extends Error {}

/** Reads at most `max` bytes of the body; throws PayloadTooLarge beyond. */
async function readBody(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        void reader.cancel().catch(() => undefined);
        throw new PayloadTooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    // A Node adapter enforcing its own limit errors the stream with this name.
    if (e instanceof Error && e.name === 'PayloadTooLargeError') throw new PayloadTooLarge();
    throw e;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Creates the bridge handler. Throws on invalid options (wildcard origins, bad account, bad basePath). */
export function createVtexBridge(options: VtexBridgeOptions): (request: Request) => Promise<Response> {
  if (!options.account || !/^[A-Za-z0-9-]+$/.test(options.account))
    throw new TypeError('createVtexBridge: invalid account');
  if (options.allowedOrigins.includes('*'))
    throw new TypeError('createVtexBridge: "*" cannot be used with credentials; list origins');
  const allowed = new Set(options.allowedOrigins.map(normalizeOrigin));
  const basePath = normalizeBasePath(options.basePath);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
  const ipHeader = options.clientIpHeader?.toLowerCase();
  /** The client's address: recorded by an adapter, else the configured platform header. */
  function clientIp(req: Request): string | undefined {
    const recorded = clientAddress(req);
    if (recorded) return recorded;
    if (!ipHeader) return undefined;
    const value = req.headers.get(ipHeader);
    if (!value) return undefined;
    const parts = value.split(',');
    const ip = (ipHeader === 'x-forwarded-for' ? parts[parts.length - 1] : parts[0])!.trim();
    return /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : undefined;
  }
  const clientKey = options.clientKey ?? ((req: Request) => clientIp(req) ?? 'anonymous');
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit, options.now) : undefined;
  const logger = options.logger ?? console;
  const upstreamUrl = typeof options.upstream === 'string' ? options.upstream.replace(/\/+$/, '') : undefined;
  const upstreamOrigin = upstreamUrl ? normalizeOrigin(upstreamUrl) : undefined;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  let warnedAppKey = false;

  function corsHeaders(origin: string | null, corsAllowed: boolean): Headers {
    const h = new Headers({Vary: 'Origin'});
    if (origin && corsAllowed) {
      h.set('Access-Control-Allow-Origin', origin);
      h.set('Access-Control-Allow-Credentials', 'true');
      h.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
    }
    return h;
  }

  function error(
    status: number,
    code: string,
    message: string,
    base: Headers,
    extra?: Record<string, string>,
  ): Response {
    const h = new Headers(base);
    h.set('Content-Type', 'application/json; charset=utf-8');
    h.set('Cache-Control', 'no-store');
    for (const [k, v] of Object.entries(extra ?? {})) h.set(k, v);
    return new Response(JSON.stringify({error: {code, message, exception: null}}), {status, headers: h});
  }

  /** True for a returnUrl that is a same-origin path or an absolute URL on this or an allowed origin. */
  function isSafeReturnUrl(raw: string, selfOrigin: string): boolean {
    if (raw.startsWith('/')) {
      if (raw.startsWith('//') || raw.startsWith('/\\')) return false;
      // eslint-disable-next-line no-control-regex
      return !/[\u0000-\u001f\\]/.test(raw);
    }
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
      if (u.username || u.password) return false;
      return u.origin === selfOrigin || allowed.has(u.origin);
    } catch {
      return false;
    }
  }

  function preflight(
    request: Request,
    match: RouteMatch | undefined,
    origin: string | null,
    corsAllowed: boolean,
  ): Response {
    const base = corsHeaders(origin, corsAllowed);
    base.append('Vary', 'Access-Control-Request-Method');
    base.append('Vary', 'Access-Control-Request-Headers');
    if (!origin || !corsAllowed)
      return error(403, 'BRIDGE_ORIGIN', 'Origin not allowed', corsHeaders(null, false));
    if (!match) return error(404, 'BRIDGE_NOT_FOUND', 'Not found', base);
    const wanted = (request.headers.get('Access-Control-Request-Method') ?? '').toUpperCase();
    if (!(match.methods as readonly string[]).includes(wanted)) {
      return error(403, 'BRIDGE_METHOD', 'Method not allowed on this route', base);
    }
    const requested = (request.headers.get('Access-Control-Request-Headers') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const allowedLower = ALLOWED_REQUEST_HEADERS.map((s) => s.toLowerCase());
    if (requested.some((r) => !allowedLower.includes(r))) {
      return error(403, 'BRIDGE_HEADERS', 'Request headers not allowed', base);
    }
    base.set('Access-Control-Allow-Methods', match.methods.join(', '));
    base.set('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS.join(', '));
    base.set('Access-Control-Max-Age', '600');
    return new Response(null, {status: 204, headers: base});
  }

  function upstreamHeaders(
    request: Request,
    match: RouteMatch,
    withCookies: boolean,
    hasBody: boolean,
  ): Headers {
    const h = new Headers();
    for (const name of FORWARD_REQUEST_HEADERS) {
      const v = request.headers.get(name);
      if (v !== null) h.set(name, v);
    }
    const api = match.route.family !== 'images' && match.route.family !== 'login';
    if (api) {
      // VTEX's specs declare both headers required on every operation.
      const accept = h.get('accept');
      if (!accept || accept === '*/*') h.set('Accept', 'application/json');
      if (!h.has('content-type')) h.set('Content-Type', 'application/json');
    } else if (hasBody && !h.has('content-type')) {
      h.set('Content-Type', 'application/x-www-form-urlencoded');
    }
    // Only an address the bridge trusts goes upstream; a client's own X-Forwarded-For never does.
    const ip = clientIp(request);
    if (ip) h.set('X-Forwarded-For', ip);
    if (withCookies) {
      const raw = request.headers.get('cookie');
      const cookie = filterCookieHeader(raw, options.account);
      if (cookie) h.set('Cookie', cookie);
      if (match.route.family === 'oms') {
        // OMS wants the user token as a header; the browser only holds it as the HttpOnly login cookie.
        const token = parseCookieHeader(raw).find((c) => c.name === loginCookieName(options.account))?.value;
        if (token && /^[A-Za-z0-9._-]+$/.test(token)) h.set('VtexIdclientAutCookie', token);
      }
    }
    return h;
  }

  function responseHeaders(
    upstream: Response,
    base: Headers,
    requestUrl: URL,
    withCookies: boolean,
    family: string,
  ): Headers {
    const h = new Headers();
    upstream.headers.forEach((value, key) => {
      const k = key.toLowerCase();
      if (HOP_BY_HOP.has(k) || APP_KEY_HEADERS.has(k) || UPSTREAM_ONLY.has(k) || k === 'set-cookie') return;
      // fetch already decoded the body; length and encoding no longer describe what we send.
      if (k === 'content-encoding' || k === 'content-length') return;
      if (k.startsWith('access-control-') || k === 'vary') return;
      h.set(key, value);
    });
    const upstreamVary = upstream.headers.get('vary');
    base.forEach((v, k) => h.set(k, v));
    if (upstreamVary) h.set('Vary', `${upstreamVary}, Origin`);
    if (PRIVATE_FAMILIES.has(family)) h.set('Cache-Control', 'private, no-store');

    const location = h.get('location');
    if (location && upstreamOrigin) {
      try {
        const u = new URL(location, upstreamUrl);
        if (u.origin === upstreamOrigin) {
          const routed = matchRoute(u.pathname, 'GET') ? basePath : '';
          h.set('Location', `${requestUrl.origin}${routed}${u.pathname}${u.search}${u.hash}`);
        }
      } catch {
        h.delete('location');
      }
    }

    if (withCookies) {
      const https = requestUrl.protocol === 'https:';
      const secure = options.secureCookies === true || https;
      const crossSite = [...allowed].some((o) => o !== requestUrl.origin);
      for (const sc of upstream.headers.getSetCookie()) {
        const rewritten = rewriteSetCookie(sc, {
          account: options.account,
          cookieDomain: options.cookieDomain,
          secure,
          crossSite,
          basePath,
        });
        if (rewritten) h.append('Set-Cookie', rewritten);
      }
    }
    return h;
  }

  /** The returnUrl values a login request carries, in its query and in any body type; undefined = unreadable. */
  async function returnUrls(
    url: URL,
    type: string,
    body: Uint8Array<ArrayBuffer> | undefined,
  ): Promise<string[] | undefined> {
    const isReturn = (k: string) => k.toLowerCase() === 'returnurl';
    const out: string[] = [];
    for (const [k, v] of url.searchParams) if (isReturn(k)) out.push(v);
    if (!body?.byteLength) return out;
    const mime = type.split(';')[0]!.trim().toLowerCase();
    if (mime === 'application/x-www-form-urlencoded' || mime === 'multipart/form-data') {
      let form: FormData;
      try {
        form = await new Response(body, {headers: {'Content-Type': type}}).formData();
      } catch {
        return undefined;
      }
      for (const [k, v] of form) if (isReturn(k)) out.push(typeof v === 'string' ? v : '');
      return out;
    }
    if (mime === 'application/json' || mime.endsWith('+json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(body));
      } catch {
        return undefined;
      }
      const walk = (v: unknown, depth: number): void => {
        if (depth > 32 || typeof v !== 'object' || v === null) return;
        for (const [k, x] of Object.entries(v)) {
          if (isReturn(k)) out.push(typeof x === 'string' ? x : JSON.stringify(x));
          walk(x, depth + 1);
        }
      };
      walk(parsed, 0);
      return out;
    }
    return undefined; // a body type the bridge cannot read is refused on the login routes
  }

  /** True when a state-changing GET comes from this site, an allowed origin, or no browser page at all. */
  function sameSiteIntent(request: Request, selfOrigin: string): boolean {
    const origin = request.headers.get('Origin');
    if (origin && origin !== 'null') return origin === selfOrigin || allowed.has(origin);
    const site = request.headers.get('Sec-Fetch-Site');
    if (site === 'same-origin' || site === 'same-site' || site === 'none') return true;
    // A cross-site navigation from an allowed page (a "Sign out" link) names it in Referer.
    const referer = request.headers.get('Referer');
    if (referer) {
      try {
        const from = new URL(referer).origin;
        if (from === selfOrigin || allowed.has(from)) return true;
      } catch {
        /* a malformed Referer proves nothing */
      }
    }
    // No Sec-Fetch-Site at all: not a current browser (curl, a server); CSRF needs a browser.
    return site === null && origin === null;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const origin = request.headers.get('Origin');
    const selfOrigin = url.origin;
    const sameOrigin = !origin || origin === selfOrigin;
    const corsAllowed = !!origin && origin !== selfOrigin && allowed.has(origin);
    const trusted = sameOrigin || corsAllowed;
    const base = corsHeaders(origin, corsAllowed);

    // 1. Mount path.
    let path = url.pathname;
    if (basePath) {
      if (path !== basePath && !path.startsWith(basePath + '/'))
        return error(404, 'BRIDGE_NOT_FOUND', 'Not found', base);
      path = path.slice(basePath.length) || '/';
    }

    const match = matchRoute(path, method);
    if (method === 'OPTIONS') return preflight(request, match, origin, corsAllowed);

    // 2. Origin policy: a foreign page may not change state; it gets no CORS headers and no cookies.
    if (!trusted && !SAFE_METHODS.has(method)) return error(403, 'BRIDGE_ORIGIN', 'Origin not allowed', base);

    // 3. Rate limit (counts unknown routes too, which slows down scanning).
    if (limiter) {
      const wait = limiter.take(clientKey(request));
      if (wait > 0) {
        return error(429, 'BRIDGE_RATE_LIMIT', 'Too many requests', base, {
          'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))),
        });
      }
    }

    // 4. Allowlist.
    if (!match) return error(404, 'BRIDGE_NOT_FOUND', 'Not found', base);
    if (!match.methodAllowed)
      return error(405, 'BRIDGE_METHOD', 'Method not allowed', base, {Allow: match.methods.join(', ')});
    const family = match.route.family;

    // 5. GETs that change state (new cart, sign out) only from this site or an allowed one.
    if (method === 'GET' && isStateChangingGet(path, url, family) && !sameSiteIntent(request, selfOrigin))
      return error(
        403,
        'BRIDGE_CROSS_SITE',
        "This action can only be started from the store's own pages",
        base,
      );

    // 6. App keys never travel through the bridge.
    let sawAppKey = false;
    request.headers.forEach((_, k) => {
      if (APP_KEY_HEADERS.has(k.toLowerCase())) sawAppKey = true;
    });
    if (sawAppKey && !warnedAppKey) {
      warnedAppKey = true;
      logger.warn(
        '[vtex-bridge] A client sent X-VTEX-API-AppKey/AppToken. They were removed: app keys must never be used in browser code.',
      );
    }

    // 7. Body limit.
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (Number.isFinite(declared) && declared > maxBody)
        return error(413, 'BRIDGE_TOO_LARGE', 'Request body too large', base);
      try {
        body = await readBody(request, maxBody);
      } catch (e) {
        if (e instanceof PayloadTooLarge)
          return error(413, 'BRIDGE_TOO_LARGE', 'Request body too large', base);
        return error(400, 'BRIDGE_BAD_BODY', 'Could not read the request body', base);
      }
    }
    const type = request.headers.get('content-type') ?? '';
    const hasBody = !!body?.byteLength;

    // 8. Checkout and payment writes are JSON only (a cross-site form cannot send JSON without CORS).
    if ((family === 'checkout' || family === 'payments') && method !== 'GET' && (hasBody || type)) {
      if (!/^application\/json\s*(;|$)/i.test(type))
        return error(415, 'BRIDGE_CONTENT_TYPE', 'Checkout requests must be application/json', base);
    }

    // 9. Card data goes from the browser straight to VTEX's payment host, never through this server.
    if (family === 'payments' && hasBody) {
      let payments: unknown;
      try {
        payments = JSON.parse(new TextDecoder().decode(body));
      } catch {
        return error(400, 'BRIDGE_BAD_BODY', 'The payments body is not JSON', base);
      }
      const field = findCardData(payments);
      if (field) {
        return error(
          422,
          'BRIDGE_CARD_DATA',
          `Card data (${field}) must go straight to VTEX's payment host, never through the bridge: set payments-api on <vtex-store>`,
          base,
        );
      }
    }

    // 10. Open-redirect protection on the login pages, in the query and in every body type.
    if (family === 'login' || path === '/api/vtexid/pub/logout') {
      const candidates = await returnUrls(url, type, body);
      if (!candidates)
        return error(415, 'BRIDGE_CONTENT_TYPE', 'Login forms must be urlencoded, multipart or JSON', base);
      if (candidates.some((c) => !isSafeReturnUrl(c, selfOrigin))) {
        return error(400, 'BRIDGE_RETURN_URL', 'returnUrl must be this site or an allowed origin', base);
      }
    }

    // 11. Forward.
    const headers = upstreamHeaders(request, match, trusted, hasBody);
    const init: RequestInit = {
      method,
      headers,
      body: hasBody ? body : undefined,
      redirect: 'manual',
    };
    // A plain timer (not AbortSignal.timeout/any) so it works on every runtime and keeps Node's loop alive.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('upstream timeout'));
    }, timeoutMs);
    const onClientAbort = () => controller.abort(new Error('client went away'));
    if (request.signal?.aborted) onClientAbort();
    else request.signal?.addEventListener('abort', onClientAbort, {once: true});
    init.signal = controller.signal;

    let upstream: Response;
    try {
      if (upstreamUrl) {
        upstream = await doFetch(`${upstreamUrl}${path}${url.search}`, init);
      } else {
        const handler = options.upstream as UpstreamHandler;
        upstream = await handler(new Request(`${selfOrigin}${path}${url.search}`, init));
      }
    } catch {
      return timedOut
        ? error(504, 'BRIDGE_TIMEOUT', 'Upstream timed out', base)
        : error(502, 'BRIDGE_UPSTREAM', 'Upstream unavailable', base);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onClientAbort);
    }

    const h = responseHeaders(upstream, base, url, trusted, family);
    const noBody = method === 'HEAD' || upstream.status === 204 || upstream.status === 304;
    if (noBody) {
      await upstream.body?.cancel().catch(() => undefined);
      return new Response(null, {status: upstream.status, statusText: upstream.statusText, headers: h});
    }
    let out: ReadableStream<Uint8Array> | string | null = upstream.body;
    if (SCRUBBED_FAMILIES.has(family) && upstream.body) {
      // The login token lives only in HttpOnly cookies; a body that carries it would hand it to page JS.
      const tokens = [
        ...parseCookieHeader(request.headers.get('cookie')),
        ...upstream.headers.getSetCookie().map((c) => {
          const pair = c.split(';')[0]!;
          const eq = pair.indexOf('=');
          return {name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim()};
        }),
      ]
        .filter((c) => c.name.startsWith('VtexIdclientAutCookie') || c.name === 'vid_rt')
        .map((c) => c.value);
      const text = await upstream.text();
      out = scrubTokens(text, upstream.headers.get('content-type') ?? '', tokens);
    }
    return new Response(out, {status: upstream.status, statusText: upstream.statusText, headers: h});
  }

  return async function vtexBridge(request: Request): Promise<Response> {
    try {
      return await handle(request);
    } catch (e) {
      // Nothing a client sends may crash the host process or leak a stack trace.
      logger.warn(`[vtex-bridge] ${request.method} failed: ${e instanceof Error ? e.message : String(e)}`);
      return error(
        500,
        'BRIDGE_INTERNAL',
        'The bridge could not handle this request',
        new Headers({Vary: 'Origin'}),
      );
    }
  };
}

export type {Method, RateLimitOptions};
