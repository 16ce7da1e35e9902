/**
 * Node `http` ⇄ Fetch API: turns an `IncomingMessage` into a `Request` (body streamed, with a size limit)
 * and writes a `Response` to a `ServerResponse` (every `Set-Cookie` kept as its own header line).
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {Readable} from 'node:stream';

export interface ToRequestOptions {
  /** Bytes accepted before the body stream errors with a `PayloadTooLargeError`. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Trust `X-Forwarded-For`/`X-Forwarded-Proto`/`X-Forwarded-Host` from a proxy in front. Default false:
   * `X-Forwarded-For` is replaced by the socket's address and the URL uses the Host header over http.
   */
  trustProxy?: boolean;
}

export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Converts a Node request to a Fetch `Request`. The body is a stream; nothing is buffered here. */
export function toRequest(req: IncomingMessage, options: ToRequestOptions = {}): Request {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const trust = options.trustProxy === true;
  const encrypted = (req.socket as {encrypted?: boolean}).encrypted === true;
  const forwardedProto = trust ? first(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim() : undefined;
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : encrypted ? 'https' : 'http';
  const rawHost = (trust && first(req.headers['x-forwarded-host'])) || req.headers.host || '';
  const host = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(rawHost)
    ? rawHost
    : '127.0.0.1';
  // The authority comes first, so a raw path such as "//evil.example/x" stays a path (and the bridge rejects it).
  const rawPath = req.url && req.url.startsWith('/') ? req.url : '/';
  const parsed = new URL(`${proto}://${host}${rawPath}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  if (!trust) {
    headers.delete('x-forwarded-proto');
    headers.delete('x-forwarded-host');
    if (req.socket.remoteAddress) headers.set('x-forwarded-for', req.socket.remoteAddress);
    else headers.delete('x-forwarded-for');
  }

  const method = (req.method ?? 'GET').toUpperCase();
  const controller = new AbortController();
  req.once('aborted', () => controller.abort());
  let body: ReadableStream<Uint8Array> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const declared = Number(req.headers['content-length'] ?? '0');
    let seen = 0;
    let finished = false;
    body = new ReadableStream<Uint8Array>({
      start(c) {
        const stop = (fn: () => void) => {
          if (finished) return;
          finished = true;
          req.removeAllListeners('data');
          fn();
        };
        if (Number.isFinite(declared) && declared > limit) {
          req.resume();
          stop(() => c.error(new PayloadTooLargeError('request body too large')));
          return;
        }
        req.on('data', (chunk: Buffer) => {
          if (finished) return;
          seen += chunk.byteLength;
          if (seen > limit) {
            req.resume();
            stop(() => c.error(new PayloadTooLargeError('request body too large')));
            return;
          }
          c.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        });
        req.once('end', () => stop(() => c.close()));
        req.once('error', (e) => stop(() => c.error(e)));
      },
      cancel() {
        finished = true;
        req.removeAllListeners('data');
        req.resume();
      },
    });
  }

  return new Request(parsed.href, {
    method,
    headers,
    body,
    signal: controller.signal,
    // Required by Node's fetch for streamed request bodies.
    ...(body ? {duplex: 'half'} : {}),
  } as RequestInit);
}

/** Writes a Fetch `Response` to a Node response, streaming the body. */
export async function writeResponse(res: ServerResponse, response: Response, method = 'GET'): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() === 'set-cookie') return;
    res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  if (!response.body || method === 'HEAD') {
    res.end();
    if (response.body) await response.body.cancel().catch(() => undefined);
    return;
  }
  const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  await new Promise<void>((resolve) => {
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', resolve);
    stream.pipe(res);
  });
}
