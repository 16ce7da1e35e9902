/**
 * The sandbox answering as VTEX's payment host (`https://api.vtexvault.com`, or a dev server's second
 * origin): only the two payments routes, with the CORS of a public, cookie-less endpoint — any origin,
 * no credentials, no cookies read or set. Card data reaches it straight from the browser, never through
 * the bridge. Fetch-API only.
 */
import type {Sandbox} from './sandbox.js';

/** VTEX's payment host, the default `payments-api` of `<vtex-store>`. */
export const VTEX_PAYMENTS_API = 'https://api.vtexvault.com';

const PAYMENTS_PATH = /^\/api\/(?:payments|pub)\/transactions\/[A-Za-z0-9]{1,64}\/payments$/;

function cors(headers: Headers): Headers {
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Vary', 'Origin');
  headers.set('Cache-Control', 'no-store');
  return headers;
}

/** A Fetch handler for the payment host, backed by `sandbox`. */
export function createPaymentHost(sandbox: Pick<Sandbox, 'fetch'>): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const known = PAYMENTS_PATH.test(url.pathname);
    if (request.method === 'OPTIONS') {
      const h = cors(new Headers());
      if (!known) return new Response(null, {status: 404, headers: h});
      h.set('Access-Control-Allow-Methods', 'POST');
      h.set('Access-Control-Allow-Headers', 'Accept, Content-Type');
      h.set('Access-Control-Max-Age', '600');
      return new Response(null, {status: 204, headers: h});
    }
    const fail = (status: number, code: string, message: string, extra?: Record<string, string>) =>
      new Response(JSON.stringify({error: {code, message, exception: null}}), {
        status,
        headers: cors(new Headers({'Content-Type': 'application/json; charset=utf-8', ...extra})),
      });
    if (!known) return fail(404, 'NotFound', 'Not found');
    if (request.method !== 'POST')
      return fail(405, 'MethodNotAllowed', 'Method not allowed', {Allow: 'POST'});
    // Cookie-less: whatever the client sends, the payments route sees none and sets none.
    const headers = new Headers();
    for (const name of ['accept', 'content-type']) {
      const v = request.headers.get(name);
      if (v) headers.set(name, v);
    }
    const body = await request.arrayBuffer();
    const answer = await sandbox.fetch(
      new Request(url.href, {method: 'POST', headers, body: body.byteLength ? body : undefined}),
    );
    const out = new Headers();
    answer.headers.forEach((v, k) => {
      if (k.toLowerCase() !== 'set-cookie') out.set(k, v);
    });
    const noBody = answer.status === 204 || answer.status === 304;
    return new Response(noBody ? null : await answer.arrayBuffer(), {
      status: answer.status,
      headers: cors(out),
    });
  };
}
