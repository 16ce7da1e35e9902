import {VtexError, errorFromResponse} from './errors.js';
import {resolveImageUrls} from './urls.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface HttpConfig {
  /** Base URL of the bridge (or a same-origin reverse proxy). `''` means the page's own origin. */
  api: string;
  fetch?: FetchLike;
  /** Retries for idempotent GETs on network errors, 429 and 5xx (not timeouts). Default 2. */
  retries?: number;
  /** Base backoff delay in ms, doubled each attempt. Default 300. */
  backoffMs?: number;
  /**
   * Per-request timeout in ms for writes. Default 45 000 (VTEX's documented orderForm timeout). Reads (GET) give
   * up sooner, after 15 000 at most: a search or a page of orders that has not come in 15 s is shown as an error
   * with a retry, not a skeleton for 45 s.
   */
  timeoutMs?: number;
}

export interface CallOptions extends RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** Resolve with the raw Response for any status instead of throwing on non-2xx. */
  raw?: boolean;
  timeoutMs?: number;
  /** Another base URL for this call (the payments host). */
  base?: string;
  /** Cookies for this call. Default 'include' (the bridge); the public payment host gets 'omit'. */
  credentials?: 'include' | 'omit';
}

const FORBIDDEN_HEADERS = /^x-vtex-api-app(key|token)$/i;

/** Throws when anything tries to put a VTEX app key or app token into browser-side requests. */
export function assertNoAppKeys(headers: Record<string, unknown> | undefined, where: string): void {
  if (!headers) return;
  for (const name of Object.keys(headers)) {
    if (FORBIDDEN_HEADERS.test(name)) {
      throw new VtexError({
        status: 0,
        code: 'APP_KEY_REFUSED',
        kind: 'config',
        retryable: false,
        message: `${where}: refusing to send ${name}. VTEX app keys and tokens grant admin access to the store and must never reach a browser; keep them on your server (the bridge).`,
      });
    }
  }
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, {once: true});
  });

const aborted = () =>
  new VtexError({
    status: 0,
    code: 'ABORTED',
    kind: 'aborted',
    retryable: false,
    message: 'The request was aborted',
  });

function abortError(signal: AbortSignal): VtexError {
  const reason: unknown = signal.reason;
  return reason instanceof VtexError ? reason : aborted();
}

export function buildUrl(base: string, path: string, query?: CallOptions['query']): string {
  let url = base.replace(/\/+$/, '') + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  return url;
}

/** The one place requests leave the kit: JSON, credentials, timeouts, abort, error mapping, GET retries. */
export class Http {
  readonly api: string;
  readonly #fetch: FetchLike;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #timeoutMs: number;

  constructor(config: HttpConfig) {
    this.api = config.api;
    this.#fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#retries = config.retries ?? 2;
    this.#backoffMs = config.backoffMs ?? 300;
    this.#timeoutMs = config.timeoutMs ?? 45_000;
  }

  url(path: string, query?: CallOptions['query']): string {
    return buildUrl(this.api, path, query);
  }

  async json<T>(path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.send(path, options);
    return resolveImageUrls(await parseJson<T>(response), options.base ?? this.api);
  }

  /** Sends with retries (GET only) and maps non-2xx to VtexError unless `raw`. */
  async send(path: string, options: CallOptions = {}): Promise<Response> {
    const method = options.method ?? 'GET';
    const idempotent = method === 'GET';
    const url = buildUrl(options.base ?? this.api, path, options.query);
    const headers: Record<string, string> = {Accept: 'application/json'};
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.#once(
          url,
          {method, headers, body, credentials: options.credentials ?? 'include'},
          options,
        );
        if (response.ok || options.raw) return response;
        const error = errorFromResponse(
          response.status,
          await response.text().catch(() => ''),
          response.headers.get('Retry-After'),
        );
        throw error;
      } catch (e) {
        const error = toVtexError(e);
        // A timeout is not sent again: each attempt would wait the whole timeout, and the shopper can retry.
        if (
          !idempotent ||
          !error.retryable ||
          attempt >= this.#retries ||
          error.kind === 'aborted' ||
          error.kind === 'timeout'
        )
          throw error;
        const wait =
          error.retryAfter !== undefined
            ? Math.min(error.retryAfter * 1000, 10_000)
            : this.#backoffMs * 2 ** attempt;
        await sleep(wait, options.signal);
      }
    }
  }

  async #once(url: string, init: RequestInit, options: CallOptions): Promise<Response> {
    const outer = options.signal;
    if (outer?.aborted) throw abortError(outer);
    const controller = new AbortController();
    const timeoutMs =
      options.timeoutMs ?? (init.method === 'GET' ? Math.min(this.#timeoutMs, 15_000) : this.#timeoutMs);
    const timer = setTimeout(
      () =>
        controller.abort(
          new VtexError({
            status: 0,
            code: 'TIMEOUT',
            kind: 'timeout',
            retryable: true,
            message: `No answer from the store within ${Math.round(timeoutMs / 1000)} s`,
          }),
        ),
      timeoutMs,
    );
    const onAbort = () => controller.abort(abortError(outer!));
    outer?.addEventListener('abort', onAbort, {once: true});
    try {
      return await this.#fetch(url, {...init, signal: controller.signal});
    } catch (e) {
      if (controller.signal.aborted) throw abortError(controller.signal);
      throw e;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }
}

function toVtexError(e: unknown): VtexError {
  if (e instanceof VtexError) return e;
  if (e instanceof Error && e.name === 'AbortError') return aborted();
  return new VtexError({
    status: 0,
    code: 'NETWORK',
    kind: 'network',
    retryable: true,
    message: e instanceof Error ? e.message : 'Network error',
  });
}

export async function parseJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new VtexError({
      status: response.status,
      code: 'BAD_RESPONSE',
      kind: 'bad-response',
      retryable: response.status >= 500 || response.status === 0 || response.ok,
      message: 'The store answered with something that is not JSON',
    });
  }
}
