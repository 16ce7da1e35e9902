/**
 * Node `http` ⇄ Fetch API: turns an `IncomingMessage` into a `Request` (body streamed, with a size limit)
 * and writes a `Response` to a `ServerResponse` (every `Set-Cookie` kept as its own header line).
 * `createNodeServer` puts both around a Fetch handler with the timeouts and error answers a public server
 * needs: no request makes it throw, hang for minutes or print a stack trace.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {Duplex} from 'node:stream';
import {Readable} from 'node:stream';
import {setClientAddress} from '../bridge/client-address.js';

export interface ToRequestOptions {
  /** Bytes accepted before the body stream errors with a `PayloadTooLargeError`. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Trust `X-Forwarded-For`/`X-Forwarded-Proto`/`X-Forwarded-Host` from a proxy in front. Default false:
   * the client is the socket's address, forwarding headers a client sent are removed, and the URL uses
   * the Host header over http. When true, the client is the last `X-Forwarded-For` entry (your proxy's).
   */
  trustProxy?: boolean;
}

export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

/** A request the Fetch API cannot represent: answered with `status`, never passed to the handler. */
export class UnsupportedRequestError extends Error {
  override name = 'UnsupportedRequestError';
  constructor(
    readonly status: 400 | 501,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Methods a Fetch `Request` can carry and a bridge or dev server may answer. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Forwarding headers only a trusted proxy may set. */
const FORWARDING = [
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
  'cf-connecting-ip',
  'forwarded',
  'true-client-ip',
];

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Converts a Node request to a Fetch `Request`. The body is a stream; nothing is buffered here. Throws
 * `UnsupportedRequestError` for methods the Fetch API cannot carry (TRACE, TRACK, CONNECT, unknown tokens:
 * 501), absolute-form or malformed targets and malformed headers (400).
 */
export function toRequest(req: IncomingMessage, options: ToRequestOptions = {}): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method))
    throw new UnsupportedRequestError(501, 'METHOD_NOT_IMPLEMENTED', `${method} is not implemented`);
  if (!req.url || !req.url.startsWith('/'))
    throw new UnsupportedRequestError(400, 'BAD_TARGET', 'The request target must be a path');
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
  let parsed: URL;
  try {
    parsed = new URL(`${proto}://${host}${req.url}`);
  } catch {
    throw new UnsupportedRequestError(400, 'BAD_TARGET', 'The request target is not a valid path');
  }

  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name.startsWith(':')) continue;
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    }
  } catch {
    throw new UnsupportedRequestError(400, 'BAD_HEADER', 'A request header is malformed');
  }
  let client = req.socket.remoteAddress;
  if (trust) {
    const hops = headers.get('x-forwarded-for')?.split(',') ?? [];
    const last = hops[hops.length - 1]?.trim();
    if (last) client = last;
  } else {
    for (const name of FORWARDING) headers.delete(name);
  }

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

  let request: Request;
  try {
    request = new Request(parsed.href, {
      method,
      headers,
      body,
      signal: controller.signal,
      // Required by Node's fetch for streamed request bodies.
      ...(body ? {duplex: 'half'} : {}),
    } as RequestInit);
  } catch {
    throw new UnsupportedRequestError(400, 'BAD_REQUEST', 'The request cannot be represented');
  }
  if (client) setClientAddress(request, client);
  return request;
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

export interface NodeServerOptions extends ToRequestOptions {
  /** Milliseconds a client has to send the request headers. Default 20 000. */
  headersTimeout?: number;
  /** Milliseconds a client has to send the whole request. Default 30 000. */
  requestTimeout?: number;
  /** Where unexpected errors go (never to the client). Default console.error. */
  onError?: (error: unknown) => void;
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({error: {code, message, exception: null}}));
}

/**
 * A Node request listener around a Fetch handler: requests it cannot represent get 400/501, a handler that
 * throws gets a JSON 500 (logged, no stack trace to the client), and the process keeps serving.
 */
export function createNodeHandler(
  handler: (request: Request) => Promise<Response>,
  options: NodeServerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const onError = options.onError ?? ((e: unknown) => console.error('[vtex-elements]', e));
  return (req, res) => {
    void (async () => {
      let request: Request;
      try {
        request = toRequest(req, options);
      } catch (e) {
        if (e instanceof UnsupportedRequestError) {
          if (e.status === 501) res.setHeader('Allow', [...METHODS].join(', '));
          sendError(res, e.status, e.code, e.message);
          req.resume();
          return;
        }
        throw e;
      }
      await writeResponse(res, await handler(request), req.method);
    })().catch((e: unknown) => {
      onError(e);
      sendError(res, 500, 'INTERNAL', 'The server could not handle this request');
    });
  };
}

/** Answers a CONNECT (which never becomes a request event) with 501 instead of a dropped connection. */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  socket.on('error', () => undefined);
  socket.end('HTTP/1.1 501 Not Implemented\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

/**
 * A Node HTTP server for a Fetch handler (the bridge): slow senders time out (`headersTimeout`,
 * `requestTimeout`), CONNECT and methods the Fetch API cannot carry get 501, malformed requests 400.
 */
export function createNodeServer(
  handler: (request: Request) => Promise<Response>,
  options: NodeServerOptions = {},
): Server {
  const requestTimeout = options.requestTimeout ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeout ?? 20_000, requestTimeout);
  const server = createServer(
    // Node checks the two timeouts on this interval (30 s by default), so it follows them.
    {requestTimeout, headersTimeout, connectionsCheckingInterval: Math.max(50, headersTimeout / 4)},
    createNodeHandler(handler, options),
  );
  server.on('connect', refuseConnect);
  return server;
}
