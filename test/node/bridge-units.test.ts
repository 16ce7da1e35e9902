/**
 * The bridge's building blocks in exact detail (issue 22): options from the environment (env.ts), the
 * rate limiter's refill and its pruning of idle clients (rate-limit.ts), and cookie parsing, filtering and
 * Set-Cookie rewriting (cookies.ts). Pure functions; a clock is injected, nothing waits.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bridgeOptionsFromEnv} from '../../src/bridge/index.js';
import {createRateLimiter} from '../../src/bridge/rate-limit.js';
import {
  filterCookieHeader,
  isKnownCookie,
  parseCookieHeader,
  rewriteSetCookie,
  type RewriteOptions,
} from '../../src/bridge/cookies.js';

describe('bridge units: options from the environment', () => {
  it('trims every value and reads each variable under its own name', () => {
    assert.deepEqual(
      bridgeOptionsFromEnv({
        VTEX_ACCOUNT: '  mystore ',
        VTEX_UPSTREAM: ' http://localhost:3000 ',
        ALLOWED_ORIGINS: '  ',
        BRIDGE_BASE_PATH: ' /api ',
        BRIDGE_RATE_LIMIT_MAX: ' 10 ',
        BRIDGE_RATE_LIMIT_WINDOW_MS: '1000',
        BRIDGE_MAX_BODY_BYTES: '0',
        BRIDGE_TIMEOUT_MS: '7',
        BRIDGE_COOKIE_DOMAIN: ' .mystore.com ',
        BRIDGE_SECURE_COOKIES: ' true ',
      }),
      {
        upstream: 'http://localhost:3000',
        account: 'mystore',
        allowedOrigins: [],
        basePath: '/api',
        maxBodyBytes: 0,
        timeoutMs: 7,
        rateLimit: {max: 10, windowMs: 1000},
        cookieDomain: '.mystore.com',
        secureCookies: true,
      },
    );
  });

  it('treats blank values as unset', () => {
    const o = bridgeOptionsFromEnv({
      VTEX_ACCOUNT: 'mystore',
      BRIDGE_BASE_PATH: '   ',
      BRIDGE_COOKIE_DOMAIN: ' ',
    });
    assert.equal(o.basePath, '/_v');
    assert.equal(o.cookieDomain, undefined);
  });

  it('refuses negative and fractional counts and non-http upstreams, naming the variable and the value', () => {
    assert.throws(() => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'mystore', BRIDGE_TIMEOUT_MS: '-1'}), {
      name: 'TypeError',
      message: 'BRIDGE_TIMEOUT_MS must be a whole number, got "-1"',
    });
    assert.throws(() => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'mystore', BRIDGE_MAX_BODY_BYTES: '1.5'}), {
      name: 'TypeError',
      message: 'BRIDGE_MAX_BODY_BYTES must be a whole number, got "1.5"',
    });
    assert.throws(() => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'mystore', VTEX_UPSTREAM: 'ftp://x.example'}), {
      name: 'TypeError',
      message: 'VTEX_UPSTREAM must be an http(s) URL, got "ftp://x.example"',
    });
    assert.equal(
      bridgeOptionsFromEnv({VTEX_ACCOUNT: 'mystore', VTEX_UPSTREAM: 'https://x.example'}).upstream,
      'https://x.example',
    );
  });
});

describe('bridge units: rate limiter', () => {
  it('refuses a window or a budget that cannot work', () => {
    const message = 'rateLimit needs windowMs > 0 and max >= 1';
    for (const o of [
      {windowMs: 0, max: 1},
      {windowMs: 1000, max: 0.5},
      {windowMs: Number.NaN, max: 1},
    ]) {
      assert.throws(() => createRateLimiter(o), {name: 'TypeError', message}, JSON.stringify(o));
    }
    assert.equal(createRateLimiter({windowMs: 1, max: 1}).take('a'), 0);
  });

  it('refills continuously and says how long until the next token', () => {
    let now = 0;
    const limiter = createRateLimiter({windowMs: 1000, max: 2}, () => now);
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a'), 500);
    now = 100; // 0.2 of a token back
    assert.equal(limiter.take('a'), 400);
    assert.equal(limiter.take('b'), 0, 'each client has its own bucket');
    now = 600;
    assert.equal(limiter.take('a'), 0);
  });

  it('forgets refilled clients first, then the oldest, once 10 000 clients are tracked', () => {
    let now = 0;
    const limiter = createRateLimiter({windowMs: 1000, max: 1}, () => now);
    for (let i = 0; i < 10_000; i++) assert.equal(limiter.take(`k${i}`), 0);
    now = 1000;
    // The older half comes back and empties its bucket again; the newer half stays idle and refills.
    for (let i = 0; i < 5000; i++) assert.equal(limiter.take(`k${i}`), 0);
    assert.equal(limiter.take('new-1'), 0); // the 10 001st client: the refilled half is dropped
    assert.equal(limiter.take('k0'), 1000, 'a client still waiting is kept');
    assert.equal(limiter.take('k4999'), 1000);

    // All 10 000 waiting: the oldest are dropped down to 5 000.
    let t = 5000;
    now = t;
    const fresh = createRateLimiter({windowMs: 1000, max: 1}, () => now);
    for (let i = 0; i < 10_000; i++) fresh.take(`c${i}`);
    t += 1; // not refilled yet
    now = t;
    assert.equal(fresh.take('c-new'), 0);
    assert.equal(fresh.take('c5000'), 999, 'the newer half is kept');
    assert.equal(fresh.take('c4999'), 0, 'the older half was dropped: a fresh bucket');
  });

  it('does not prune below 10 000 clients', () => {
    const limiter = createRateLimiter({windowMs: 1000, max: 1}, () => 0);
    for (let i = 0; i < 9_999; i++) limiter.take(`k${i}`);
    assert.equal(limiter.take('k-last'), 0);
    assert.equal(limiter.take('k0'), 1000, 'still tracked');
  });
});

describe('bridge units: cookies', () => {
  it('knows the fixed VTEX cookies, the login cookie and the account-id login cookies', () => {
    for (const name of [
      'checkout.vtex.com',
      'CheckoutOrderFormOwnership',
      'Vtex_CHKO_Auth',
      'CheckoutDataAccess',
      'vid_rt',
      '_vss',
      'vtex_session',
      'vtex_segment',
      'VtexIdclientAutCookie_mystore',
      'VtexIdclientAutCookie_0123abcd-4567-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123ABCD456789ABCDEF0123456789AB',
    ]) {
      assert.equal(isKnownCookie(name, 'mystore'), true, name);
    }
    for (const name of [
      'janus_sid',
      'VtexIdclientAutCookie_other',
      'VtexIdclientAutCookie_',
      'x0123abcd-4567-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89ab-cdef-0123456789abc',
      'VtexIdclientAutCookie_x0123abcd-4567-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd--4567-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abc-4567-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-456-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89a-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89ab-cde-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89ab-cdef-0123456789a',
      'VtexIdclientAutCookie_0123abcg-4567-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-456g-89ab-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89ag-cdef-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89ab-cdeg-0123456789ab',
      'VtexIdclientAutCookie_0123abcd-4567-89ab-cdef-0123456789ag',
      'vtex_session_VtexIdclientAutCookie_0123abcd-4567-89ab-cdef-0123456789ab',
    ]) {
      assert.equal(isKnownCookie(name, 'mystore'), false, name);
    }
  });

  it('parses a Cookie header into trimmed raw pairs, skipping nameless parts', () => {
    assert.deepEqual(parseCookieHeader(' a = 1 ; =x; b=; flag; c=d=e ;; '), [
      {name: 'a', value: '1'},
      {name: 'b', value: ''},
      {name: 'c', value: 'd=e'},
    ]);
    assert.deepEqual(parseCookieHeader('  =x'), []);
    assert.deepEqual(parseCookieHeader(null), []);
  });

  it('forwards only known cookies, first occurrence, values up to 8 KiB', () => {
    const long = 'x'.repeat(8192);
    assert.equal(
      filterCookieHeader(
        `janus_sid=1; vid_rt=${long}; checkout.vtex.com=__ofid=abc; vid_rt=second; _vss=${long}y`,
        'mystore',
      ),
      `vid_rt=${long}; checkout.vtex.com=__ofid=abc`,
    );
    assert.equal(filterCookieHeader('janus_sid=1', 'mystore'), undefined);
  });

  const opts = (o: Partial<RewriteOptions> = {}): RewriteOptions => ({
    account: 'mystore',
    secure: false,
    crossSite: false,
    basePath: '',
    ...o,
  });

  it('rewrites Set-Cookie attributes exactly: kept, dropped and decided by the bridge', () => {
    assert.equal(
      rewriteSetCookie(
        ' vid_rt = r=1 ; Max-Age = -5 ;;Expires=Wed, 01 Jan 2031 00:00:00 GMT; path=/api/vtexid; Domain=.vtex.com; Secure; SameSite=STRICT; Priority=High',
        opts(),
      ),
      'vid_rt=r=1; Max-Age=-5; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Path=/api/vtexid; HttpOnly; SameSite=Strict',
    );
    assert.equal(
      rewriteSetCookie('_vss=1; Max-Age=1x; Max-Age; Expires=; Path=relative; SameSite', opts()),
      '_vss=1; Path=/; HttpOnly; SameSite=Lax',
    );
    assert.equal(rewriteSetCookie('_vss=1; max-age=x10', opts()), '_vss=1; Path=/; HttpOnly; SameSite=Lax');
    assert.equal(rewriteSetCookie('_vss=1; expires', opts()), '_vss=1; Path=/; HttpOnly; SameSite=Lax');
  });

  it('moves paths under the mount path and sets Domain, Secure and SameSite from the options', () => {
    assert.equal(
      rewriteSetCookie(
        '_vss=1; Path=/',
        opts({basePath: '/_v', cookieDomain: '.shop.example', secure: true, crossSite: true}),
      ),
      '_vss=1; Domain=.shop.example; Path=/_v; HttpOnly; Secure; SameSite=None',
    );
    assert.equal(
      rewriteSetCookie('_vss=1; Path=/x', opts({basePath: '/_v', crossSite: true})),
      '_vss=1; Path=/_v/x; HttpOnly; SameSite=Lax',
    );
  });

  it('drops unknown and nameless cookies', () => {
    assert.equal(rewriteSetCookie('janus_sid=1; Path=/', opts()), undefined);
    assert.equal(rewriteSetCookie('=1; Path=/', opts()), undefined);
    assert.equal(rewriteSetCookie('vid_rt', opts()), undefined);
  });
});
