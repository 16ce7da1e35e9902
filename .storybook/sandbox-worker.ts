import {http, passthrough} from 'msw';
import {setupWorker} from 'msw/browser';
import {createSandbox} from '../src/sandbox/index.js';

/**
 * The sandbox inside the browser: MSW hands every VTEX-path request to the same Fetch handler `npm start`
 * uses. Handlers run in the page, so one in-memory cookie jar per tab stands in for the browser's cookies
 * (HttpOnly cookies cannot be set from a Service Worker response); it survives reloads in sessionStorage.
 */
const sandbox = createSandbox({account: 'sandbox'});
const JAR_KEY = 'vtex-elements:storybook-cookies';
const jar = new Map<string, string>(JSON.parse(sessionStorage.getItem(JAR_KEY) ?? '[]') as [string, string][]);

const VTEX_PATH = /^\/(api\/|arquivos\/|checkout\/changeToAnonymousUser|login|logout|_sandbox\/)/;

function absorb(response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
  sessionStorage.setItem(JAR_KEY, JSON.stringify([...jar]));
}

const worker = setupWorker(
  http.all('*', async ({request}) => {
    const url = new URL(request.url);
    if (url.origin !== location.origin || !VTEX_PATH.test(url.pathname)) return passthrough();
    const headers = new Headers(request.headers);
    headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const response = await sandbox.fetch(new Request(request.url, {method: request.method, headers, body, redirect: 'manual'}));
    absorb(response);
    const out = new Headers(response.headers);
    out.delete('Set-Cookie');
    return new Response(response.status === 204 || response.status === 304 ? null : await response.arrayBuffer(), {status: response.status, headers: out});
  }),
);

export const sandboxReady = worker.start({onUnhandledRequest: 'bypass', quiet: true, serviceWorker: {url: './mockServiceWorker.js'}});
