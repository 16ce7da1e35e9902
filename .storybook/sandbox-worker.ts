import {http, passthrough} from 'msw';
import {setupWorker} from 'msw/browser';
import {createPaymentHost, createSandbox, VTEX_PAYMENTS_API} from '../src/sandbox/index.js';

/**
 * The sandbox inside the browser: MSW hands every VTEX-path request to the same Fetch handler `npm start`
 * uses. Handlers run in the page, so one in-memory cookie jar per tab stands in for the browser's cookies
 * (HttpOnly cookies cannot be set from a Service Worker response); it survives reloads in sessionStorage.
 */
// Browsers drop Set-Cookie from Responses built in script. Mirror it into a header the jar can read, for
// the sandbox's responses (the mirror only ever adds a header; no other response changes).
const NativeResponse = globalThis.Response;
globalThis.Response = class extends NativeResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    const headers = new Headers(init?.headers);
    for (const c of headers.getSetCookie()) headers.append(MIRROR, c);
    super(body, {...init, headers});
  }
} as typeof Response;
const MIRROR = 'x-sandbox-set-cookie';

const sandbox = createSandbox({account: 'sandbox'});
/** Card data goes to VTEX's payment host, not the bridge: the sandbox answers as that host too. */
const paymentHost = createPaymentHost(sandbox);
const JAR_KEY = 'vtex-elements:storybook-cookies';
const jar = new Map<string, string>(
  JSON.parse(sessionStorage.getItem(JAR_KEY) ?? '[]') as [string, string][],
);

const VTEX_PATH = /^\/(api\/|arquivos\/|checkout\/changeToAnonymousUser|login|logout|_sandbox\/)/;

function absorb(response: Response): void {
  for (const line of (response.headers.get(MIRROR) ?? '').split(/,(?=\s*[^;,=\s]+=)/).filter(Boolean)) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const expired = attrs.some(
      (a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
    );
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
  sessionStorage.setItem(JAR_KEY, JSON.stringify([...jar]));
}

const worker = setupWorker(
  http.all('*', async ({request}) => {
    const url = new URL(request.url);
    if (url.origin === VTEX_PAYMENTS_API) return paymentHost(request);
    if (url.origin !== location.origin || !VTEX_PATH.test(url.pathname)) return passthrough();
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const forwarded = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      redirect: 'manual',
    });
    // Cookie is a forbidden header on a Request built in script, but not on a free-standing Headers.
    const headers = new Headers(request.headers);
    headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const withCookies = new Proxy(forwarded, {
      get(target, prop) {
        if (prop === 'headers') return headers;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const response = await sandbox.fetch(withCookies);
    absorb(response);
    const out = new Headers(response.headers);
    out.delete(MIRROR);
    return new Response(
      response.status === 204 || response.status === 304 ? null : await response.arrayBuffer(),
      {status: response.status, headers: out},
    );
  }),
);

export const sandboxReady = worker.start({
  onUnhandledRequest: 'bypass',
  quiet: true,
  serviceWorker: {url: './mockServiceWorker.js'},
});
