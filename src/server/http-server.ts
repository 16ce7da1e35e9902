/**
 * The demo server behind `npm start`: one Node `http` server serving the demo pages, the kit's sources
 * bundled on the fly with esbuild (bare imports such as `lit` resolved from node_modules with the browser
 * conditions), and — on the same origin, at VTEX's own paths — the bridge with the sandbox (or a real
 * account) behind it.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import type {AddressInfo} from 'node:net';
import {handleNode, hostRefused, type DevStack} from './dev-middleware.js';
import {createNodeServer, refuseConnect, UnsupportedRequestError} from './node-adapter.js';

export interface StartServerOptions {
  stack: DevStack;
  /** Repository root (where `demo/` and `src/` live). */
  root: string;
  /** Port; 0 picks a free one. Default 5173. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Log function for request errors. Default console.error. */
  onError?: (error: unknown) => void;
  /** Port of the sandbox's payment host; 0 (the default) picks a free one. */
  paymentsPort?: number;
  /** Milliseconds a client has to send the request headers. Default 20 000. */
  headersTimeout?: number;
  /** Milliseconds a client has to send the whole request. Default 30 000. */
  requestTimeout?: number;
}

export interface RunningServer {
  server: Server;
  /** e.g. "http://127.0.0.1:5173" (no trailing slash). */
  origin: string;
  /**
   * The sandbox answering as VTEX's payment host on an origin of its own (card data goes there from the
   * browser, never through the bridge); undefined in real-account mode (VTEX's own host is used).
   */
  paymentsOrigin?: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolves a URL path inside `dir`, or undefined when it escapes it. */
function inside(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(dir, '.' + path.posix.normalize('/' + decoded));
  return file === dir || file.startsWith(dir + path.sep) ? file : undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  method?: string,
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(method === 'HEAD' ? undefined : body);
}

/** Bundles one source entry for the browser (TypeScript, legacy decorators from tsconfig.json). */
async function bundle(root: string, entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser'], // Lit's production build: no dev-mode warnings on the demo
    tsconfig: path.join(root, 'tsconfig.json'),
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Points every `<vtex-store>` of a demo page without `payments-api` at the sandbox's payment host. */
export function withPaymentsApi(html: string, paymentsOrigin: string | undefined): string {
  if (!paymentsOrigin) return html;
  return html.replace(/<vtex-store(\s[^>]*)?>/g, (tag, attrs: string | undefined) =>
    /\spayments-api=/.test(attrs ?? '') ? tag : `<vtex-store${attrs ?? ''} payments-api="${paymentsOrigin}">`,
  );
}

async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  paymentsOrigin?: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD')
    return send(res, 405, 'Method Not Allowed', MIME['.txt']!, method);
  const pathname = (req.url ?? '/').split('?')[0]!;

  // Sources: `/src/x.ts` or `/src/x.js` (imports use .js extensions) → bundled module.
  if (pathname.startsWith('/src/')) {
    const file = inside(path.join(root, 'src'), pathname.slice('/src'.length));
    if (!file) return send(res, 404, 'Not Found', MIME['.txt']!, method);
    const candidates = file.endsWith('.js') ? [file.slice(0, -3) + '.ts', file] : [file];
    for (const c of candidates) {
      if (!(c.endsWith('.ts') || c.endsWith('.js')) || !(await isFile(c))) continue;
      try {
        return send(res, 200, await bundle(root, c), MIME['.js']!, method);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const code = `console.error(${JSON.stringify(`[vtex-elements demo] could not build ${pathname}:\n${message}`)});`;
        return send(res, 500, code, MIME['.js']!, method);
      }
    }
    return send(res, 404, `/* ${pathname} not found */`, MIME['.js']!, method);
  }

  // Demo pages: "/" is demo/index.html; "/demo/…" and "/public/…" are files.
  const demoDir = path.join(root, 'demo');
  let file: string | undefined;
  if (pathname === '/' || pathname === '/index.html') file = path.join(demoDir, 'index.html');
  // Browsers ask for /favicon.ico on any page without an icon link (the bridge's, a test's): the demo's icon.
  else if (pathname === '/favicon.ico') file = path.join(demoDir, 'favicon.svg');
  else if (pathname.startsWith('/demo/')) file = inside(demoDir, pathname.slice('/demo'.length));
  else if (pathname.startsWith('/public/'))
    file = inside(path.join(root, 'public'), pathname.slice('/public'.length));
  else file = inside(demoDir, pathname);
  if (file && !path.extname(file) && (await isFile(file + '.html'))) file += '.html';
  if (!file || !(await isFile(file))) return send(res, 404, 'Not Found', MIME['.txt']!, method);
  const ext = path.extname(file).toLowerCase();
  const type = MIME[ext] ?? 'application/octet-stream';
  if (ext === '.html')
    return send(res, 200, withPaymentsApi(await readFile(file, 'utf8'), paymentsOrigin), type, method);
  send(res, 200, await readFile(file), type, method);
}

/** Starts the demo server; resolves once it listens. */
export function startServer(options: StartServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const onError = options.onError ?? ((e: unknown) => console.error('[vtex-elements demo]', e));
  const requestTimeout = options.requestTimeout ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeout ?? 20_000, requestTimeout);
  const server = createServer(
    // Node checks the two timeouts on this interval (30 s by default), so it follows them.
    {requestTimeout, headersTimeout, connectionsCheckingInterval: Math.max(50, headersTimeout / 4)},
    (req, res) => {
      void (async () => {
        try {
          const host = req.headers.host ?? '';
          if (!options.stack.allowsHost(host)) {
            req.resume();
            return send(res, 403, await hostRefused(host).text(), MIME['.txt']!);
          }
          if (await handleNode(options.stack, req, res)) return;
          await serveStatic(root, req, res, paymentsOrigin ?? options.stack.paymentsApi);
        } catch (e) {
          if (e instanceof UnsupportedRequestError) {
            req.resume();
            return send(res, e.status, e.message, MIME['.txt']!);
          }
          onError(e);
          if (!res.headersSent) send(res, 500, 'Internal Server Error', MIME['.txt']!);
          else res.destroy();
        }
      })();
    },
  );
  server.on('connect', refuseConnect);
  let paymentsOrigin: string | undefined;
  const payments = options.stack.payments
    ? createNodeServer(options.stack.payments, {requestTimeout, headersTimeout, onError})
    : undefined;
  const bind = options.host ?? '127.0.0.1';
  const listen = (srv: Server, port: number) =>
    new Promise<string>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, bind, () => {
        srv.off('error', reject);
        const {address, port: bound} = srv.address() as AddressInfo;
        resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
      });
    });
  const stop = (srv: Server | undefined) =>
    new Promise<void>((done) => {
      if (!srv?.listening) return done();
      srv.close(() => done());
      srv.closeAllConnections();
    });
  return (async () => {
    if (payments) paymentsOrigin = await listen(payments, options.paymentsPort ?? 0);
    let origin: string;
    try {
      origin = await listen(server, options.port ?? 5173);
    } catch (e) {
      await stop(payments);
      throw e;
    }
    return {
      server,
      origin,
      paymentsOrigin,
      close: async () => {
        await Promise.all([stop(server), stop(payments)]);
      },
    };
  })();
}
