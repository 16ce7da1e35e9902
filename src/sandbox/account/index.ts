/**
 * Login / VTEX ID / Session Manager routes of the sandbox: a self-contained login page, the access-key API
 * subset, credential validation, logout, sessions and segments.
 */
import {cookieOrderFormId} from '../checkout/index.js';
import {BoundedMap, type SandboxLimits} from '../bounded-map.js';
import type {SandboxContext} from '../checkout/state.js';
import {
  BAD_JSON,
  escapeHtml,
  html,
  isRecord,
  json,
  randomHex,
  readJson,
  requestCookies,
  serializeCookie,
  toBase64Url,
  utf8,
  uuid,
  type Handler,
} from '../http.js';
import {TOKEN_TTL_SECONDS, type TokenService} from './token.js';

/** The access code every sandbox login accepts. */
export const SANDBOX_ACCESS_CODE = '123456';
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export interface AccountOptions {
  allowedReturnOrigins: string[];
  tokens: TokenService;
  limits: SandboxLimits;
}

export interface Account {
  handle: Handler;
  identify(request: Request): Promise<string | undefined>;
}

export function createAccount(ctx: SandboxContext, options: AccountOptions): Account {
  const {tokens} = options;
  const cookieName = `VtexIdclientAutCookie_${ctx.account}`;
  const accountId = `sandbox-${ctx.account}`;
  const userIds = new BoundedMap<string, string>(options.limits.shoppers);
  /** VTEX ID authenticationToken → email the access key was sent to */
  const authFlows = new BoundedMap<string, {email?: string}>(options.limits.sessions);
  const sessions = new BoundedMap<string, {public: Record<string, {value: string}>}>(options.limits.sessions);

  const userIdFor = (email: string) => {
    const key = email.toLowerCase();
    if (!userIds.has(key)) userIds.set(key, uuid());
    return userIds.get(key)!;
  };

  async function identify(request: Request): Promise<string | undefined> {
    const cookies = requestCookies(request);
    const token =
      request.headers.get('VtexIdclientAutCookie') ??
      cookies[cookieName] ??
      cookies.VtexIdclientAutCookie ??
      undefined;
    return (await tokens.verify(token))?.sub;
  }

  function safeReturnUrl(request: Request, raw: string | null): string {
    if (!raw) return '/';
    const origin = new URL(request.url).origin;
    try {
      const target = new URL(raw, origin);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return '/';
      if (target.origin === origin) return target.pathname + target.search + target.hash;
      if (options.allowedReturnOrigins.includes(target.origin)) return target.href;
    } catch {
      /* fall through */
    }
    return '/';
  }

  function authCookies(token: string): string[] {
    const opts = {maxAge: TOKEN_TTL_SECONDS, httpOnly: true, secure: true, sameSite: 'Lax' as const};
    return [
      serializeCookie(cookieName, token, opts),
      serializeCookie(`VtexIdclientAutCookie_${accountId}`, token, opts),
    ];
  }

  function clearCookies(): string[] {
    const opts = {maxAge: 0, httpOnly: true, secure: true, sameSite: 'Lax' as const};
    return [
      serializeCookie(cookieName, '', opts),
      serializeCookie(`VtexIdclientAutCookie_${accountId}`, '', opts),
    ];
  }

  function page(title: string, body: string, status = 200): Response {
    return html(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1f1f1f}` +
        `label{display:block;margin:1rem 0 .25rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}` +
        `button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;background:#0f5fd7;color:#fff;border:0;border-radius:4px}` +
        `.hint{background:#fff7d6;padding:.5rem;border-radius:4px}.error{color:#b00020}</style></head><body>` +
        `<h1>${escapeHtml(title)}</h1>${body}</body></html>`,
      status,
      {'Cache-Control': 'no-store'},
    );
  }

  function loginForm(returnUrl: string, email?: string, error?: string): Response {
    const ret = `<input type="hidden" name="returnUrl" value="${escapeHtml(returnUrl)}">`;
    const err = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
    if (!email) {
      return page(
        `Sign in to ${ctx.account}`,
        `${err}<form method="post" action="/login">${ret}<label for="email">E-mail</label>` +
          `<input id="email" name="email" type="email" autocomplete="email" required autofocus>` +
          `<button type="submit">Send access code</button></form>`,
        error ? 400 : 200,
      );
    }
    return page(
      `Enter your access code`,
      `${err}<p>We sent an access code to <strong>${escapeHtml(email)}</strong>.</p>` +
        `<p class="hint">Sandbox: use <strong>${SANDBOX_ACCESS_CODE}</strong>.</p>` +
        `<form method="post" action="/login">${ret}<input type="hidden" name="email" value="${escapeHtml(email)}">` +
        `<label for="code">Access code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required autofocus>` +
        `<button type="submit">Sign in</button></form>`,
      error ? 401 : 200,
    );
  }

  async function formOrJson(request: Request): Promise<Record<string, string>> {
    const type = request.headers.get('Content-Type') ?? '';
    const out: Record<string, string> = {};
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
      try {
        const fd = await request.formData();
        fd.forEach((v, k) => {
          if (typeof v === 'string') out[k] = v;
        });
      } catch {
        /* empty */
      }
      return out;
    }
    const b = await readJson(request);
    if (b !== BAD_JSON && isRecord(b))
      for (const [k, v] of Object.entries(b)) if (typeof v === 'string') out[k] = v;
    return out;
  }

  async function loginPost(request: Request): Promise<Response> {
    const form = await formOrJson(request);
    const returnUrl = safeReturnUrl(request, form.returnUrl ?? null);
    const email = (form.email ?? '').trim();
    if (!EMAIL_RE.test(email)) return loginForm(returnUrl, undefined, 'Please enter a valid e-mail address.');
    if (form.code === undefined) return loginForm(returnUrl, email);
    if (form.code.trim() !== SANDBOX_ACCESS_CODE) return loginForm(returnUrl, email, 'Wrong access code.');
    const token = await tokens.sign(email, userIdFor(email));
    const headers = new Headers({Location: returnUrl, 'Cache-Control': 'no-store'});
    for (const c of authCookies(token)) headers.append('Set-Cookie', c);
    return new Response(null, {status: 303, headers});
  }

  function logout(request: Request, url: URL): Response {
    const headers = new Headers({'Cache-Control': 'no-store'});
    for (const c of clearCookies()) headers.append('Set-Cookie', c);
    const ret = url.searchParams.get('returnUrl');
    if (ret !== null || url.pathname === '/logout') {
      headers.set('Location', safeReturnUrl(request, ret));
      return new Response(null, {status: 303, headers});
    }
    return new Response(null, {status: 200, headers});
  }

  function sessionId(request: Request): string | undefined {
    const id = requestCookies(request).vtex_session;
    return id && sessions.has(id) ? id : undefined;
  }

  function regionId(pub: Record<string, {value: string}>): string | null {
    const postal = pub.postalCode?.value;
    const country = pub.country?.value;
    if (!postal || !country) return null;
    return `v2.${toBase64Url(utf8(`${country}:${postal.replace(/\D/g, '')}`)).toUpperCase()}`;
  }

  function segment(pub: Record<string, {value: string}>) {
    return {
      campaigns: null,
      channel: '1',
      priceTables: null,
      regionId: regionId(pub),
      utm_campaign: pub.utm_campaign?.value ?? null,
      utm_source: pub.utm_source?.value ?? null,
      utmi_campaign: pub.utmi_campaign?.value ?? null,
      currencyCode: ctx.store.currencyCode,
      currencySymbol: ctx.store.currencySymbol,
      countryCode: ctx.store.countryCode,
      cultureInfo: ctx.store.locale,
      channelPrivacy: 'public',
    };
  }

  function sessionCookies(id: string, pub: Record<string, {value: string}>): string[] {
    const seg = toBase64Url(utf8(JSON.stringify(segment(pub))));
    return [
      serializeCookie('vtex_session', id, {httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 86_400}),
      serializeCookie('vtex_segment', seg, {httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 86_400}),
    ];
  }

  async function sessionWrite(request: Request, url: URL, create: boolean): Promise<Response> {
    const b = await readJson(request);
    if (b === BAD_JSON || (b !== undefined && !isRecord(b))) return json({message: 'Invalid body'}, 400);
    let id = sessionId(request);
    if (!create && !id) return json({message: 'Session not found'}, 400);
    if (!id || create) {
      const prev = id ? sessions.get(id)!.public : {};
      id = uuid();
      sessions.set(id, {public: {...prev}});
    }
    const s = sessions.get(id)!;
    const pub = isRecord(b) && isRecord(b.public) ? b.public : {};
    for (const [k, v] of Object.entries(pub)) {
      if (isRecord(v) && (typeof v.value === 'string' || typeof v.value === 'number'))
        s.public[k] = {value: String(v.value)};
    }
    url.searchParams.forEach((v, k) => {
      if (k !== 'items') s.public[k] = {value: v};
    });
    const headers = new Headers();
    for (const c of sessionCookies(id, s.public)) headers.append('Set-Cookie', c);
    const segmentToken = toBase64Url(utf8(JSON.stringify(segment(s.public))));
    // Production clients read the session back from this reply (`?items=profile.id,store.channel,…`).
    const namespaces = await namespacesOf(request, id, url.searchParams.get('items'));
    return json({id, namespaces, sessionToken: id, segmentToken}, create ? 201 : 200, headers);
  }

  type Namespaces = Record<string, Record<string, {value: string; keepAlive?: boolean}>>;

  /** The session's namespaces, limited to `items` (`ns.key`, `ns.*` or `*`; all when absent). */
  async function namespacesOf(request: Request, id: string, items: string | null): Promise<Namespaces> {
    const s = sessions.get(id)!;
    const email = await identify(request);
    const profile = email ? ctx.state.profiles.get(email) : undefined;
    const v = (value: string) => ({value});
    const namespaces: Namespaces = {
      account: {id: {value: accountId, keepAlive: true}, accountName: v(ctx.account)},
      store: {
        channel: v('1'),
        countryCode: v(ctx.store.countryCode),
        cultureInfo: v(ctx.store.locale),
        currencyCode: v(ctx.store.currencyCode),
        currencySymbol: v(ctx.store.currencySymbol),
        channelPrivacy: v('public'),
      },
      public: {...s.public},
      checkout: {},
      profile: {isAuthenticated: v(String(!!email))},
      authentication: {},
    };
    const cartId = cookieOrderFormId(request);
    if (cartId) namespaces.checkout!.cartId = v(cartId);
    const region = regionId(s.public);
    if (region) namespaces.checkout!.regionId = v(region);
    if (email) {
      const userId = userIdFor(email);
      Object.assign(namespaces.profile!, {email: v(email), id: v(userId)});
      if (profile)
        Object.assign(namespaces.profile!, {firstName: v(profile.firstName), lastName: v(profile.lastName)});
      namespaces.authentication = {storeUserId: v(userId), storeUserEmail: v(email)};
    }
    if (!items || items === '*') return namespaces;
    const filtered: Namespaces = {};
    for (const w of items.split(',').map((x) => x.trim())) {
      const [ns, key] = w.split('.');
      if (!ns || !namespaces[ns]) continue;
      filtered[ns] ??= {};
      if (key === '*' || key === undefined) Object.assign(filtered[ns]!, namespaces[ns]);
      else if (namespaces[ns]![key]) filtered[ns]![key] = namespaces[ns]![key]!;
    }
    return filtered;
  }

  async function sessionGet(request: Request, url: URL): Promise<Response> {
    let id = sessionId(request);
    const headers = new Headers();
    if (!id) {
      id = uuid();
      sessions.set(id, {public: {}});
      for (const c of sessionCookies(id, {})) headers.append('Set-Cookie', c);
    }
    const namespaces = await namespacesOf(request, id, url.searchParams.get('items'));
    return json({id, namespaces}, 200, headers);
  }

  const handle: Handler = async (request, url) => {
    const p = url.pathname;
    const m = request.method;
    if (p === '/login' && m === 'GET') {
      return loginForm(safeReturnUrl(request, url.searchParams.get('returnUrl')));
    }
    if (p === '/login' && m === 'POST') return loginPost(request);
    if ((p === '/logout' || p === '/api/vtexid/pub/logout') && (m === 'GET' || m === 'POST'))
      return logout(request, url);
    if (p === '/api/vtexid/pub/authentication/start' && m === 'GET') {
      const authenticationToken = randomHex(64).toUpperCase();
      authFlows.set(authenticationToken, {});
      const email = await identify(request);
      const headers = new Headers();
      headers.append(
        'Set-Cookie',
        serializeCookie('_vss', authenticationToken, {httpOnly: true, secure: true, sameSite: 'Lax'}),
      );
      return json(
        {
          authenticationToken,
          oauthProviders: [],
          showClassicAuthentication: false,
          showAccessKeyAuthentication: true,
          showPasskeyAuthentication: false,
          authCookie: null,
          isAuthenticated: !!email,
          selectedProvider: null,
          samlProviders: [],
        },
        200,
        headers,
      );
    }
    if (p === '/api/vtexid/pub/authentication/accesskey/send' && m === 'POST') {
      const form = await formOrJson(request);
      const token = form.authenticationToken ?? requestCookies(request)._vss;
      const flow = token ? authFlows.get(token) : undefined;
      if (!flow) return json({authStatus: 'InvalidToken'}, 400);
      const email = (url.searchParams.get('email') ?? form.email ?? '').trim();
      if (!EMAIL_RE.test(email)) return json({authStatus: 'InvalidEmail'}, 400);
      flow.email = email.toLowerCase();
      return new Response(null, {status: 200});
    }
    if (p === '/api/vtexid/pub/authentication/accesskey/validate' && m === 'POST') {
      const form = await formOrJson(request);
      const token = form.authenticationToken ?? requestCookies(request)._vss;
      const flow = token ? authFlows.get(token) : undefined;
      if (!flow) return json({authStatus: 'InvalidToken'}, 400);
      const login = (form.login ?? form.email ?? '').trim().toLowerCase();
      if (!flow.email || login !== flow.email || form.accessKey?.trim() !== SANDBOX_ACCESS_CODE) {
        return json({authStatus: 'WrongCredentials', promptMFA: false, lastAttemptAvailable: null});
      }
      authFlows.delete(token!);
      const userId = userIdFor(login);
      const jwt = await tokens.sign(login, userId);
      const headers = new Headers();
      for (const c of authCookies(jwt)) headers.append('Set-Cookie', c);
      return json(
        {
          authStatus: 'Success',
          promptMFA: false,
          lastAttemptAvailable: null,
          clientToken: null,
          authCookie: {Name: cookieName, Value: jwt},
          accountAuthCookie: {Name: `VtexIdclientAutCookie_${accountId}`, Value: jwt},
          expiresIn: TOKEN_TTL_SECONDS - 1,
          userId,
          phoneNumber: null,
          scope: null,
        },
        200,
        headers,
      );
    }
    if (p === '/api/vtexid/credential/validate' && m === 'POST') {
      const b = await readJson(request);
      const token = isRecord(b) && typeof b.token === 'string' ? b.token : undefined;
      const claims = await tokens.verify(token);
      if (!claims) return json({authStatus: 'WrongCredentials'}, 401);
      return json({
        authStatus: 'Success',
        id: claims.userId,
        user: claims.sub,
        account: ctx.account,
        audience: claims.audience,
        tokenType: 'user',
      });
    }
    if (p === '/api/sessions') {
      if (m === 'GET') return sessionGet(request, url);
      if (m === 'POST') return sessionWrite(request, url, true);
      if (m === 'PATCH') return sessionWrite(request, url, false);
      return undefined;
    }
    if (p === '/api/segments' && m === 'GET') {
      const id = sessionId(request);
      return json(segment(id ? sessions.get(id)!.public : {}));
    }
    return undefined;
  };

  return {handle, identify};
}
