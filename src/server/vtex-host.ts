/**
 * Makes a sandbox answer like VTEX's own hosts (`{account}.vtexcommercestable.com.br`), for testing the bridge's
 * real-account mode (`VTEX_UPSTREAM`): cookies carry VTEX's `Domain=.vtexcommercestable.com.br; Secure;
 * SameSite=None`, and redirects name the host absolutely. Give the sandbox `baseUrl` = the host's origin so its
 * image URLs are absolute too. The bridge must rewrite all of these for the page's site.
 */
import type {Sandbox} from '../sandbox/index.js';

export const VTEX_COOKIE_DOMAIN = '.vtexcommercestable.com.br';

/** VTEX's attributes on one Set-Cookie line: its domain, Secure, SameSite=None (other attributes kept). */
export function asVtexCookie(setCookie: string): string {
  const [pair, ...attrs] = setCookie.split(';').map((s) => s.trim());
  const kept = attrs.filter((a) => !/^(domain|secure|samesite)(=|$)/i.test(a));
  return [pair, ...kept, `Domain=${VTEX_COOKIE_DOMAIN}`, 'Secure', 'SameSite=None'].join('; ');
}

/** A Fetch handler: the sandbox behind VTEX-like cookies and absolute redirects on `origin`. */
export function vtexHostHandler(sandbox: Sandbox, origin: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await sandbox.fetch(request);
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (name.toLowerCase() !== 'set-cookie') headers.append(name, value);
    });
    for (const c of response.headers.getSetCookie()) headers.append('Set-Cookie', asVtexCookie(c));
    const location = headers.get('location');
    if (location) headers.set('Location', new URL(location, origin).href);
    const noBody = request.method === 'HEAD' || [204, 304].includes(response.status);
    return new Response(noBody ? null : response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
