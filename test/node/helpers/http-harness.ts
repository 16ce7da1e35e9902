/** Real-HTTP harness for bridge/server tests: serve a Fetch handler on 127.0.0.1:0, raw requests, a cookie jar. */
import {createServer, request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';
import {toRequest, writeResponse} from '../../../src/server/node-adapter.js';

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves a Fetch handler over real HTTP on 127.0.0.1 and an ephemeral port. */
export async function serve(
  handler: (req: Request) => Promise<Response>,
  maxBodyBytes?: number,
): Promise<Served> {
  const server = createServer((req, res) => {
    void handler(toRequest(req, {maxBodyBytes}))
      .then((r) => writeResponse(res, r, req.method))
      .catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  setCookies: string[];
}

/** An HTTP request with the path sent byte for byte (no URL normalisation), e.g. for traversal tests. */
export function raw(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<RawResponse> {
  const {hostname, port} = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({host: hostname, port, method, path, headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const sc = res.headers['set-cookie'];
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          setCookies: sc ?? [],
        });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A tiny cookie jar: remembers name=value from Set-Cookie, forgets on Max-Age=0. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  store(setCookies: string[]): void {
    for (const sc of setCookies) {
      const [pair = ''] = sc.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/;\s*max-age=0\b/i.test(sc) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
