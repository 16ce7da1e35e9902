/**
 * The development stack shared by `npm start` and web-test-runner: the sandbox behind the bridge on the
 * dev server's own origin, plus the sandbox's `/_sandbox/*` control routes (dev/test only).
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {createVtexBridge, vtexUpstream, type FetchLike} from '../bridge/index.js';
import {
  createPaymentHost,
  createSandbox,
  type CreateSandboxOptions,
  type FaultConfig,
  type Sandbox,
} from '../sandbox/index.js';
import {toRequest, UnsupportedRequestError, writeResponse} from './node-adapter.js';

export interface DevStackOptions {
  /** Extra page origins allowed to call the bridge with credentials (CMS pages on other ports/hosts). */
  allowedOrigins?: string[];
  /** Sandbox account name. Default "sandbox". */
  account?: string;
  /** Initial sandbox faults (latency, errors, timeouts…). */
  faults?: FaultConfig;
  /**
   * A real VTEX account: the bridge then forwards to `https://{vtexAccount}.vtexcommercestable.com.br`
   * and the `/_sandbox/*` control routes are not mounted.
   */
  vtexAccount?: string;
  /**
   * With `vtexAccount`: another upstream base URL instead of VTEX's host (a VTEX-like test host, see
   * vtex-host.ts). `VTEX_UPSTREAM` in `npm start`.
   */
  vtexUpstream?: string;
  /**
   * With `vtexAccount`: the payment host the demo pages name in `payments-api` (a VTEX-like test host);
   * default none, so `<vtex-store>` uses VTEX's own. `VTEX_PAYMENTS_API` in `npm start`.
   */
  paymentsApi?: string;
  /** Fetch for the real-account upstream (tests record with it). */
  fetch?: FetchLike;
  /** Absolute origin for sandbox image URLs; default root-relative (same origin as the bridge). */
  baseUrl?: string;
  /** Passed to the bridge; off by default in development. */
  rateLimit?: {windowMs: number; max: number};
  /** Passed to the bridge. Default 64 KiB. */
  maxBodyBytes?: number;
  /** More sandbox options (a catalog seed, store preferences…). */
  sandbox?: CreateSandboxOptions;
  /** Sees every request the bridge forwards upstream (tests). */
  onUpstream?: (request: Request) => void;
  /** Passed to the bridge (its warnings, e.g. app keys sent by a client). */
  logger?: {warn(message: string): void};
  /**
   * Host names (with or without port) the server answers besides loopback ones (`localhost`, `*.localhost`,
   * `127.x.x.x`, `[::1]`). Any other `Host` gets 403, which closes the door to DNS rebinding.
   */
  allowedHosts?: string[];
}

export interface DevStack {
  sandbox: Sandbox;
  bridge: (request: Request) => Promise<Response>;
  /** Answers sandbox control routes and VTEX paths; undefined for anything else (static files…). */
  handle(request: Request): Promise<Response | undefined>;
  /** The account the bridge serves (the sandbox's, or `vtexAccount`). */
  account: string;
  /** The upstream the bridge forwards to: a URL in real-account mode, else "sandbox". */
  upstream: string;
  /** True for a `Host` header value this server answers (loopback names and `allowedHosts`). */
  allowsHost(host: string): boolean;
  /** The sandbox answering as VTEX's payment host (public, cookie-less CORS); undefined for a real account. */
  payments?: (request: Request) => Promise<Response>;
  /** In real-account mode, the `payments-api` the demo pages get (`paymentsApi`); undefined for VTEX's own. */
  paymentsApi?: string;
}

const LOOPBACK = /^(localhost|[a-z0-9-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * Sandbox control routes answer only this server's own pages or tools: no foreign `Origin`, no cross-site
 * `Sec-Fetch-Site`, and JSON bodies (a cross-site form cannot send one without CORS).
 */
function refuseControl(request: Request, url: URL): Response | undefined {
  const origin = request.headers.get('Origin');
  const site = request.headers.get('Sec-Fetch-Site');
  const refuse = (status: number, code: string, message: string) =>
    new Response(JSON.stringify({error: {code, message, exception: null}}), {
      status,
      headers: {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'},
    });
  // A Pix payment page opens from the shopper's page, wherever it is: a read-only page behind an unguessable id.
  if (request.method === 'GET' && /^\/_sandbox\/pix\/[0-9A-F]{32}$/i.test(url.pathname)) return undefined;
  if ((origin && origin !== url.origin) || (site && site !== 'same-origin' && site !== 'none'))
    return refuse(403, 'SANDBOX_CONTROL_ORIGIN', 'Sandbox controls answer only pages on this server');
  if (
    request.method === 'POST' &&
    !/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')
  )
    return refuse(415, 'SANDBOX_CONTROL_TYPE', 'Sandbox controls take application/json');
  // The order list names every shopper: tests read it in-process (sandbox.orders()), never over HTTP.
  if (url.pathname === '/_sandbox/orders')
    return refuse(404, 'SANDBOX_CONTROL_NOT_FOUND', 'Not served over HTTP; use sandbox.orders()');
  return undefined;
}

/** First path segments that belong to VTEX; requests under them always go to the bridge (which 404s unknown ones). */
const VTEX_ROOTS = new Set(['api', 'checkout', 'arquivos', 'login', 'logout']);

export function isVtexPath(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return VTEX_ROOTS.has(first);
}

export function createDevStack(options: DevStackOptions = {}): DevStack {
  const allowedOrigins = options.allowedOrigins ?? [];
  const sandbox = createSandbox({
    account: options.account,
    faults: options.faults,
    allowedReturnOrigins: allowedOrigins,
    baseUrl: options.baseUrl,
    ...options.sandbox,
  });
  const real = options.vtexAccount;
  const account = real ?? sandbox.account;
  if (options.vtexUpstream && !real)
    throw new TypeError('VTEX_UPSTREAM needs VTEX_ACCOUNT (the account it serves)');
  if (options.paymentsApi && !real)
    throw new TypeError('VTEX_PAYMENTS_API needs VTEX_ACCOUNT (the sandbox has a payment host of its own)');
  if (options.paymentsApi && !/^https?:\/\/[^/?#]+$/.test(options.paymentsApi))
    throw new TypeError(
      `VTEX_PAYMENTS_API must be an origin such as https://payments.example, got "${options.paymentsApi}"`,
    );
  const upstream = real ? (options.vtexUpstream ?? vtexUpstream(real)) : 'sandbox';
  const bridge = createVtexBridge({
    upstream: real
      ? upstream
      : (req) => {
          options.onUpstream?.(req);
          return sandbox.fetch(req);
        },
    account,
    allowedOrigins,
    fetch: options.fetch,
    rateLimit: options.rateLimit,
    maxBodyBytes: options.maxBodyBytes,
    logger: options.logger,
  });
  const extraHosts = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const allowsHost = (host: string) => {
    const h = host.toLowerCase();
    return LOOPBACK.test(h) || extraHosts.has(h) || extraHosts.has(h.replace(/:\d+$/, ''));
  };
  return {
    sandbox,
    bridge,
    account,
    upstream,
    allowsHost,
    payments: real ? undefined : createPaymentHost(sandbox),
    paymentsApi: real ? options.paymentsApi : undefined,
    async handle(request) {
      const url = new URL(request.url);
      const {pathname} = url;
      const ours = pathname.startsWith('/_sandbox/') || isVtexPath(pathname);
      if (ours && !allowsHost(url.host)) return hostRefused(url.host);
      if (pathname.startsWith('/_sandbox/')) {
        if (real) return undefined;
        return refuseControl(request, url) ?? sandbox.fetch(request);
      }
      if (isVtexPath(pathname)) return bridge(request);
      return undefined;
    },
  };
}

/** The answer to a request whose `Host` is not this server's (DNS rebinding, a misrouted proxy). */
export function hostRefused(host: string): Response {
  return new Response(
    `Host "${host.replace(/[^\w.:[\]-]/g, '')}" is not served here. Add it to ALLOWED_HOSTS to use it.\n`,
    {status: 403, headers: {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'}},
  );
}

/** Reads sandbox faults from the environment (`SANDBOX_LATENCY=300` or `100-800`, `SANDBOX_ERROR_RATE=0.3`, …). */
export function faultsFromEnv(env: Record<string, string | undefined>): FaultConfig | undefined {
  const out: FaultConfig = {};
  const num = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
      throw new TypeError(`${name} must be a non-negative number, got "${raw}"`);
    return n;
  };
  const latency = env.SANDBOX_LATENCY;
  if (latency) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(latency.trim());
    if (!m) throw new TypeError(`SANDBOX_LATENCY must be "ms" or "min-max", got "${latency}"`);
    out.latencyMs = m[2] ? [Number(m[1]), Number(m[2])] : Number(m[1]);
  }
  const rates: [string, keyof FaultConfig][] = [
    ['SANDBOX_ERROR_RATE', 'errorRate'],
    ['SANDBOX_TIMEOUT_RATE', 'timeoutRate'],
    ['SANDBOX_MALFORMED_RATE', 'malformedJsonRate'],
    ['SANDBOX_RATE_LIMIT_RATE', 'rateLimitRate'],
  ];
  for (const [name, key] of rates) {
    const v = num(name);
    if (v === undefined) continue;
    if (v > 1) throw new TypeError(`${name} is a probability between 0 and 1, got ${v}`);
    (out as Record<string, unknown>)[key] = v;
  }
  const status = num('SANDBOX_ERROR_STATUS');
  if (status !== undefined) out.errorStatus = status;
  const timeout = num('SANDBOX_TIMEOUT_MS');
  if (timeout !== undefined) out.timeoutMs = timeout;
  const seed = num('SANDBOX_SEED');
  if (seed !== undefined) out.seed = seed;
  if (env.SANDBOX_FAULT_ROUTES) out.routes = env.SANDBOX_FAULT_ROUTES;
  if (env.SANDBOX_FAULT_METHODS) out.methods = env.SANDBOX_FAULT_METHODS.split(',').map((s) => s.trim());
  return Object.keys(out).length ? out : undefined;
}

/** Minimal shape of the Koa context web-test-runner's middleware receives. */
export interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/** Koa middleware for web-test-runner / @web/dev-server: the dev stack first, then `next()`. */
export function wtrMiddleware(stack: DevStack) {
  return async function vtexDevStack(ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<unknown> {
    const url = ctx.req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    if (!pathname.startsWith('/_sandbox/') && !isVtexPath(pathname)) return next();
    let request: Request;
    try {
      request = toRequest(ctx.req);
    } catch (e) {
      if (!(e instanceof UnsupportedRequestError)) throw e;
      ctx.respond = false;
      ctx.res.statusCode = e.status;
      ctx.res.end(e.message);
      return undefined;
    }
    const response = await stack.handle(request);
    if (!response) return next();
    // Write the response ourselves (every Set-Cookie kept) and tell Koa not to touch it.
    ctx.respond = false;
    await writeResponse(ctx.res, response, ctx.req.method);
    return undefined;
  };
}

/** Node `http` request listener helper: answers from the dev stack; resolves false when it did not handle. */
export async function handleNode(
  stack: DevStack,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const response = await stack.handle(toRequest(req));
  if (!response) return false;
  await writeResponse(res, response, req.method);
  return true;
}
