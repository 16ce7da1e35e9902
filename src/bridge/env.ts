/**
 * Bridge options from environment variables (or a Worker's `env`), so one deployment entry works unchanged
 * on Node, Deno, Bun and Cloudflare Workers. See the table in README.md.
 */
import {vtexUpstream, type VtexBridgeOptions} from './bridge.js';

/** Variables as a runtime hands them over: `process.env`, `Deno.env.toObject()`, a Worker's `env`. */
export type BridgeEnv = Record<string, unknown>;

function text(env: BridgeEnv, name: string): string | undefined {
  const v = env[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function count(env: BridgeEnv, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`${name} must be a whole number, got "${raw}"`);
  return n;
}

/**
 * Reads VTEX_ACCOUNT (required), VTEX_UPSTREAM, ALLOWED_ORIGINS, BRIDGE_BASE_PATH, BRIDGE_RATE_LIMIT_MAX,
 * BRIDGE_RATE_LIMIT_WINDOW_MS, BRIDGE_MAX_BODY_BYTES, BRIDGE_TIMEOUT_MS, BRIDGE_COOKIE_DOMAIN and
 * BRIDGE_SECURE_COOKIES. Throws a TypeError naming the variable when one is missing or malformed.
 */
export function bridgeOptionsFromEnv(env: BridgeEnv): VtexBridgeOptions {
  const account = text(env, 'VTEX_ACCOUNT');
  if (!account) throw new TypeError('VTEX_ACCOUNT is not set (the VTEX account name, e.g. "mystore")');
  const upstream = text(env, 'VTEX_UPSTREAM');
  if (upstream !== undefined) {
    let u: URL;
    try {
      u = new URL(upstream);
    } catch {
      throw new TypeError(`VTEX_UPSTREAM must be an http(s) URL, got "${upstream}"`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new TypeError(`VTEX_UPSTREAM must be an http(s) URL, got "${upstream}"`);
  }
  const rateMax = count(env, 'BRIDGE_RATE_LIMIT_MAX', 300);
  const options: VtexBridgeOptions = {
    upstream: upstream ?? vtexUpstream(account),
    account,
    allowedOrigins: (text(env, 'ALLOWED_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    basePath: text(env, 'BRIDGE_BASE_PATH') ?? '/_v',
    maxBodyBytes: count(env, 'BRIDGE_MAX_BODY_BYTES', 64 * 1024),
    timeoutMs: count(env, 'BRIDGE_TIMEOUT_MS', 45_000),
    rateLimit:
      rateMax > 0 ? {max: rateMax, windowMs: count(env, 'BRIDGE_RATE_LIMIT_WINDOW_MS', 60_000)} : undefined,
    cookieDomain: text(env, 'BRIDGE_COOKIE_DOMAIN'),
    secureCookies: text(env, 'BRIDGE_SECURE_COOKIES') === 'true',
  };
  return options;
}
