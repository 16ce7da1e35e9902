/**
 * Fault injection for the sandbox: latency, error responses, timeouts, malformed JSON and 429 rate limits.
 * Switchable at runtime and driven by a seedable PRNG so tests are deterministic.
 */
import {mulberry32} from '../domain/prng.js';
import {json} from './http.js';

export interface FaultConfig {
  /** Fixed delay or a uniform random delay in `[min, max]` milliseconds. */
  latencyMs?: number | [number, number];
  /** Probability (0..1) of answering `errorStatus` instead of the real response. */
  errorRate?: number;
  /** Status for injected errors. Default 503. */
  errorStatus?: number;
  /**
   * Which paths are affected: a path prefix (starts with `/`) in which a segment that is a lone asterisk
   * matches any one segment (the orderForm id in `/api/checkout/pub/orderForm/STAR/items/update`). Default
   * all. Not a regular expression: a pattern sent over HTTP must not be able to stall the server.
   */
  routes?: string;
  /** Which methods are affected (case-insensitive). Default all. */
  methods?: string[];
  /** Probability (0..1) that the request hangs until aborted or `timeoutMs` elapses, then answers 504. */
  timeoutRate?: number;
  /** How long a "timed out" request hangs before its 504. Default 30000. */
  timeoutMs?: number;
  /** Probability (0..1) that a JSON response body is truncated (status and headers kept). */
  malformedJsonRate?: number;
  /** Probability (0..1) of a 429 with `Retry-After`. */
  rateLimitRate?: number;
  /** `Retry-After` seconds for injected 429s. Default 1. */
  retryAfterSeconds?: number;
  /** PRNG seed; setting a config with a seed restarts the sequence. */
  seed?: number;
}

/** mulberry32 (src/domain/prng.ts): small deterministic PRNG returning floats in [0, 1). */
export const createPrng = mulberry32;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}

export class Faults {
  #config: FaultConfig | undefined;
  #random: () => number;

  constructor(config?: FaultConfig) {
    this.#random = createPrng(config?.seed ?? 1);
    if (config) this.set(config);
  }

  /** The active configuration, or undefined when faults are off. */
  get config(): Readonly<FaultConfig> | undefined {
    return this.#config;
  }

  set(config: FaultConfig): void {
    validateFaultConfig(config);
    this.#config = {...config};
    if (config.seed !== undefined) this.#random = createPrng(config.seed);
  }

  clear(): void {
    this.#config = undefined;
  }

  #applies(request: Request, url: URL): boolean {
    const c = this.#config;
    if (!c) return false;
    if (url.pathname.startsWith('/_sandbox/')) return false;
    if (c.methods?.length && !c.methods.some((m) => m.toUpperCase() === request.method.toUpperCase())) {
      return false;
    }
    if (c.routes && !matchesRoutePrefix(c.routes, url.pathname)) return false;
    return true;
  }

  #roll(rate: number | undefined): boolean {
    if (!rate || rate <= 0) return false;
    return this.#random() < rate;
  }

  /** Runs `next` under the active faults. */
  async apply(request: Request, url: URL, next: () => Promise<Response>): Promise<Response> {
    if (!this.#applies(request, url)) return next();
    const c = this.#config!;
    if (c.latencyMs !== undefined) {
      const [min, max] = Array.isArray(c.latencyMs) ? c.latencyMs : [c.latencyMs, c.latencyMs];
      await sleep(min + (max - min) * this.#random(), request.signal);
    }
    if (this.#roll(c.timeoutRate)) {
      await sleep(c.timeoutMs ?? 30_000, request.signal);
      return json(
        {error: {code: 'Timeout', message: 'Sandbox fault: gateway timeout', exception: null}},
        504,
      );
    }
    if (this.#roll(c.rateLimitRate)) {
      return json(
        {error: {code: 'TooManyRequests', message: 'Sandbox fault: too many requests', exception: null}},
        429,
        {'Retry-After': String(c.retryAfterSeconds ?? 1)},
      );
    }
    if (this.#roll(c.errorRate)) {
      const status = c.errorStatus ?? 503;
      return json(
        {error: {code: String(status), message: 'Sandbox fault: injected error', exception: null}},
        status,
      );
    }
    const response = await next();
    if (this.#roll(c.malformedJsonRate) && (response.headers.get('Content-Type') ?? '').includes('json')) {
      const text = await response.text();
      const broken = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      const headers = new Headers(response.headers);
      headers.delete('Content-Length');
      return new Response(broken, {status: response.status, headers});
    }
    return response;
  }
}

/**
 * True when `pathname` starts with `pattern`: whole segments compare literally (or `*` for any one), the
 * last one as a prefix of its segment. Linear in the path; no regular expression.
 */
export function matchesRoutePrefix(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (have.length < want.length) return false;
  return want.every((w, i) => {
    const h = have[i]!;
    if (w === '*') return true;
    return i === want.length - 1 ? h.startsWith(w) : h === w;
  });
}

function rate(value: unknown, name: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new TypeError(`${name} must be in 0..1`);
}

/** Throws a TypeError when the config is not a valid FaultConfig. */
export function validateFaultConfig(config: unknown): asserts config is FaultConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new TypeError('fault config must be an object');
  }
  const c = config as Record<string, unknown>;
  rate(c.errorRate, 'errorRate');
  rate(c.timeoutRate, 'timeoutRate');
  rate(c.malformedJsonRate, 'malformedJsonRate');
  rate(c.rateLimitRate, 'rateLimitRate');
  const l = c.latencyMs;
  if (
    l !== undefined &&
    !(typeof l === 'number' && l >= 0) &&
    !(Array.isArray(l) && l.length === 2 && l.every((n) => typeof n === 'number' && n >= 0) && l[0] <= l[1])
  ) {
    throw new TypeError('latencyMs must be a number or [min, max]');
  }
  if (
    c.errorStatus !== undefined &&
    !(typeof c.errorStatus === 'number' && c.errorStatus >= 400 && c.errorStatus < 600)
  ) {
    throw new TypeError('errorStatus must be a 4xx/5xx status');
  }
  if (c.routes !== undefined) {
    if (typeof c.routes !== 'string' || !c.routes.startsWith('/') || c.routes.length > 512)
      throw new TypeError('routes must be a path prefix starting with "/" (a "*" segment matches any one)');
  }
  if (
    c.methods !== undefined &&
    !(Array.isArray(c.methods) && c.methods.every((m) => typeof m === 'string'))
  ) {
    throw new TypeError('methods must be an array of strings');
  }
}
