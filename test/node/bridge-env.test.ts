import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bridgeOptionsFromEnv} from '../../src/bridge/index.js';

describe('bridge: options from environment variables', () => {
  it('reads every variable, with defaults for the optional ones', () => {
    assert.deepEqual(bridgeOptionsFromEnv({VTEX_ACCOUNT: 'mystore'}), {
      upstream: 'https://mystore.vtexcommercestable.com.br',
      account: 'mystore',
      allowedOrigins: [],
      basePath: '/_v',
      maxBodyBytes: 65536,
      timeoutMs: 45000,
      rateLimit: {max: 300, windowMs: 60000},
      cookieDomain: undefined,
      secureCookies: false,
    });
    const o = bridgeOptionsFromEnv({
      VTEX_ACCOUNT: 'mystore',
      VTEX_UPSTREAM: 'http://127.0.0.1:9000',
      ALLOWED_ORIGINS: ' https://a.example , https://b.example,',
      BRIDGE_BASE_PATH: '/api',
      BRIDGE_RATE_LIMIT_MAX: '0',
      BRIDGE_MAX_BODY_BYTES: '1024',
      BRIDGE_TIMEOUT_MS: '5000',
      BRIDGE_COOKIE_DOMAIN: '.mystore.com',
      BRIDGE_SECURE_COOKIES: 'true',
      UNRELATED: 1,
    });
    assert.equal(o.upstream, 'http://127.0.0.1:9000');
    assert.deepEqual(o.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(o.rateLimit, undefined, '0 turns the built-in limit off');
    assert.equal(o.maxBodyBytes, 1024);
    assert.equal(o.cookieDomain, '.mystore.com');
    assert.equal(o.secureCookies, true);
  });

  it('names the variable that is missing or malformed', () => {
    assert.throws(() => bridgeOptionsFromEnv({}), /VTEX_ACCOUNT/);
    assert.throws(() => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'my store'}), /account/i);
    assert.throws(() => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'a', VTEX_UPSTREAM: 'ftp://x'}), /VTEX_UPSTREAM/);
    assert.throws(() => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'a', VTEX_UPSTREAM: 'nope'}), /VTEX_UPSTREAM/);
    assert.throws(
      () => bridgeOptionsFromEnv({VTEX_ACCOUNT: 'a', BRIDGE_TIMEOUT_MS: '2s'}),
      /BRIDGE_TIMEOUT_MS/,
    );
  });
});
