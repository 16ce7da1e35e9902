/**
 * Shared HTTP helpers for the sandbox: JSON responses, VTEX error envelopes, cookies, ids.
 * Fetch-API only (no Node imports) so it runs in Node, Service Workers and edge runtimes.
 */

export type HeadersLike = ConstructorParameters<typeof Headers>[0];

export type Handler = (request: Request, url: URL) => Promise<Response | undefined>;

export function json(body: unknown, status = 200, headers?: HeadersLike): Response {
  const h = new Headers(headers);
  h.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), {status, headers: h});
}

export function empty(status: number, headers?: HeadersLike): Response {
  return new Response(null, {status, headers});
}

export function uuid(): string {
  return crypto.randomUUID();
}

/** Random lowercase hex string of `length` chars. */
export function randomHex(length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 2));
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, length);
}

/** Checkout error envelope: `{fields, error: {code, message, exception}, operationId}`. */
export function checkoutError(
  status: number,
  code: string,
  message: string,
  fields: Record<string, string> = {},
  headers?: HeadersLike,
): Response {
  return json({fields, error: {code, message, exception: null}, operationId: uuid()}, status, headers);
}

/** OMS / payments error envelope: `{error: {code, message, exception}}`. */
export function omsError(status: number, code: string, message: string): Response {
  return json({error: {code, message, exception: null}}, status);
}

/** `url` made absolute on `origin` when it is root-relative (the sandbox's own images and pages). */
export function absoluteOn(url: string, origin: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? origin + url : url;
}

export function htmlNotFound(): Response {
  return new Response(
    '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>',
    {status: 404, headers: {'Content-Type': 'text/html; charset=utf-8'}},
  );
}

/** Text safe inside HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!,
  );
}

export function html(body: string, status = 200, headers?: HeadersLike): Response {
  const h = new Headers(headers);
  h.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(body, {status, headers: h});
}

/** Parses a `Cookie` request header into a name → value map (first occurrence wins). */
export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export function requestCookies(request: Request): Record<string, string> {
  return parseCookies(request.headers.get('Cookie'));
}

export interface CookieOptions {
  maxAge?: number;
  expires?: Date;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  domain?: string;
}

/** Serializes a `Set-Cookie` value. The value is written as-is when cookie-safe, else percent-encoded. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const safe = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/.test(value)
    ? value
    : encodeURIComponent(value);
  const parts = [`${name}=${safe}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.domain) parts.push(`Domain=${options.domain}`);
  parts.push(`Path=${options.path ?? '/'}`);
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.secure !== false) parts.push('Secure');
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  return parts.join('; ');
}

/** Reads a JSON body; resolves `undefined` when the body is empty, `Symbol` BAD_JSON when malformed. */
export const BAD_JSON: unique symbol = Symbol('bad-json');
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return BAD_JSON;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
