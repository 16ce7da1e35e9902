/** Minimal cookie jar for sandbox tests: stores Set-Cookie values and replays them as a Cookie header. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  /** Records every Set-Cookie of a response (Max-Age=0 deletes). */
  store(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Builds a request carrying the jar's cookies. */
  request(url: string, init: RequestInit & {json?: unknown} = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', this.header());
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const {json: _json, ...rest} = init;
    void _json;
    return new Request(url, {...rest, headers, body});
  }
}
