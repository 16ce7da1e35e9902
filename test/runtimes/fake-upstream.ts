/**
 * A fake VTEX host on 127.0.0.1 for the bridge suite: it answers like VTEX where the suite looks (cookies for
 * VTEX's domain, redirects to its own host, app-key headers it should never leak) and records every request,
 * so a test can see exactly what the bridge forwarded.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export interface Hit {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeUpstream {
  origin: string;
  hits: Hit[];
  close(): Promise<void>;
}

/** VTEX's cookie attributes on its own hosts. */
const VTEX_COOKIE = 'Domain=.vtexcommercestable.com.br; Path=/; Secure; SameSite=None';

function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {'Content-Type': 'application/json; charset=utf-8', ...headers});
  res.end(JSON.stringify(body));
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', origin);
    const hit: Hit = {
      method: req.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    hits.push(hit);
    const query = url.searchParams.get('query');

    if (url.pathname.startsWith('/api/intelligent-search/v1/product-search')) {
      if (query === 'upstream-drops') return void req.socket.destroy();
      if (query === 'upstream-hangs') return; // never answers; the bridge times out
      if (query === 'upstream-503')
        return reply(
          res,
          503,
          {error: {code: 'SERVICE_UNAVAILABLE', message: 'try later'}},
          {'Retry-After': '7'},
        );
    }
    if (url.pathname === '/api/checkout/pub/orderForm' && hit.method === 'GET') {
      return reply(
        res,
        200,
        {orderFormId: 'f'.repeat(32), items: []},
        {
          'Set-Cookie': [
            `checkout.vtex.com=__ofid=${'f'.repeat(32)}; ${VTEX_COOKIE}; HttpOnly; Max-Age=2592000`,
            `CheckoutOrderFormOwnership=owner; ${VTEX_COOKIE}; HttpOnly`,
            `vtex-tracker=track-me; ${VTEX_COOKIE}`,
          ],
          'X-VTEX-API-AppToken': 'upstream-secret',
          'Cache-Control': 'no-cache',
        },
      );
    }
    if (url.pathname === '/login' && url.searchParams.has('next')) {
      const next = url.searchParams.get('next') === 'account' ? '/account/orders?tab=1' : '/login?step=code';
      res.writeHead(302, {Location: `${origin}${next}`, 'Content-Type': 'text/html; charset=utf-8'});
      return void res.end();
    }
    // Everything else: echo what arrived.
    return reply(res, 200, hit, {'X-Upstream': 'fake-vtex'});
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
