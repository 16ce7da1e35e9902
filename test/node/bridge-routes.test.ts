/**
 * The allowlist's edges (src/bridge/routes.ts), called directly: each route's family and methods, the
 * variable segments' exact shapes (no prefix or suffix smuggled past an id), the free-text segment rules
 * and the raw-path checks a URL parser would otherwise normalise away.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isCleanPath, matchRoute} from '../../src/bridge/index.js';
import {isSafeTextSegment} from '../../src/bridge/routes.js';

const HEX = '0123456789abcdef0123456789abcdef';
const OF = `/api/checkout/pub/orderForm/${HEX}`;

describe('bridge routes: family and methods of each route', () => {
  it('maps a sample path of every route to its family and methods', () => {
    const table: [string, string, string[]][] = [
      ['/api/intelligent-search/v1/product-search/category-1/shoes', 'search', ['GET']],
      ['/api/intelligent-search/v1/facets/brand/acme', 'search', ['GET']],
      ['/api/intelligent-search/v1/products', 'search', ['GET']],
      ['/api/intelligent-search/v1/autocomplete-suggestions', 'search', ['GET']],
      ['/api/intelligent-search/v1/search-suggestions', 'search', ['GET']],
      ['/api/intelligent-search/v1/top-searches', 'search', ['GET']],
      ['/api/catalog_system/pub/category/tree/2', 'catalog', ['GET']],
      ['/api/catalog_system/pub/products/variations/12', 'catalog', ['GET']],
      ['/api/catalog_system/pub/products/search', 'catalog', ['GET']],
      ['/api/catalog_system/pub/products/search/shoes/p', 'catalog', ['GET']],
      ['/arquivos/ids/155-300-300/tenis.jpg', 'images', ['GET']],
      ['/arquivos/ids/155/tenis.jpg', 'images', ['GET']],
      ['/api/checkout/pub/orderForm', 'checkout', ['GET']],
      [OF, 'checkout', ['GET']],
      [`${OF}/items`, 'checkout', ['POST', 'PATCH']],
      [`${OF}/items/update`, 'checkout', ['POST']],
      [`${OF}/items/removeAll`, 'checkout', ['POST']],
      [`${OF}/coupons`, 'checkout', ['POST']],
      [`${OF}/attachments/clientProfileData`, 'checkout', ['POST']],
      [`${OF}/installments`, 'checkout', ['GET']],
      [`${OF}/messages/clear`, 'checkout', ['POST']],
      [`${OF}/transaction`, 'checkout', ['POST']],
      ['/api/checkout/pub/orderForms/simulation', 'checkout', ['POST']],
      ['/api/checkout/pub/postal-code/BRA/22250-040', 'checkout', ['GET']],
      ['/api/checkout/pub/pickup-points', 'checkout', ['GET']],
      ['/api/checkout/pub/profiles', 'checkout', ['GET']],
      ['/api/checkout/pub/gatewayCallback/1234567890123', 'checkout', ['POST']],
      [`/checkout/changeToAnonymousUser/${HEX}`, 'checkout', ['GET']],
      ['/api/payments/transactions/ABC123/payments', 'payments', ['POST']],
      ['/api/pub/transactions/ABC123/payments', 'payments', ['POST']],
      ['/api/oms/user/orders', 'oms', ['GET']],
      ['/api/oms/user/orders/v502556llux-01', 'oms', ['GET']],
      ['/api/oms/user/orders/v502556llux', 'oms', ['GET']],
      ['/api/sessions', 'session', ['GET', 'POST', 'PATCH']],
      ['/api/segments', 'session', ['GET']],
      ['/api/vtexid/pub/logout', 'vtexid', ['GET', 'POST']],
      ['/login', 'login', ['GET', 'POST']],
      ['/logout', 'login', ['GET']],
    ];
    for (const [path, family, methods] of table) {
      const m = matchRoute(path, methods[0]!);
      assert.equal(m?.route.family, family, path);
      assert.deepEqual(m.methods, methods, path);
      assert.equal(m.methodAllowed, true, path);
      assert.equal(matchRoute(path, 'DELETE')?.methodAllowed, false, path);
    }
  });
});

describe('bridge routes: variable segments match whole, never a prefix or suffix', () => {
  it('refuses ids with anything before or after the allowed shape', () => {
    for (const path of [
      `/api/checkout/pub/orderForm/x${HEX}`,
      `/api/checkout/pub/orderForm/${HEX}x`,
      `/checkout/changeToAnonymousUser/${HEX}0`,
      '/api/catalog_system/pub/category/tree/x2',
      '/api/catalog_system/pub/category/tree/2x',
      '/api/catalog_system/pub/category/tree/1234567890123',
      '/api/checkout/pub/gatewayCallback/a-b',
      '/api/checkout/pub/gatewayCallback/a.b',
      '/api/oms/user/orders/v1_01',
      '/api/oms/user/orders/_v1',
      '/api/oms/user/orders/v1-12345',
      '/api/checkout/pub/postal-code/BRAZ/22250-040',
      '/api/checkout/pub/postal-code/XBRA/22250-040',
      '/api/checkout/pub/postal-code/BR/22250-040',
      '/api/checkout/pub/postal-code/BRA/12345678901234567',
      '/api/checkout/pub/postal-code/BRA/_22250',
      '/api/checkout/pub/postal-code/BRA/22250_',
      '/arquivos/ids/155x/tenis.jpg',
      '/arquivos/ids/x155/tenis.jpg',
      '/arquivos/ids/155-300/tenis.jpg',
      '/arquivos/ids/155/.tenis.jpg',
      '/arquivos/ids/155/tenis%20azul.jpg',
      `${OF}/attachments/secretData`,
    ]) {
      assert.equal(matchRoute(path, 'GET'), undefined, path);
      assert.equal(matchRoute(path, 'POST'), undefined, path);
    }
    assert.equal(
      matchRoute('/api/checkout/pub/postal-code/BRA/1234567890123456', 'GET')?.route.family,
      'checkout',
    );
    assert.equal(matchRoute(`/arquivos/ids/155/${'a'.repeat(200)}`, 'GET')?.route.family, 'images');
    assert.equal(matchRoute(`/arquivos/ids/155/${'a'.repeat(201)}`, 'GET'), undefined);
  });

  it('takes 0 to 20 free-text segments after a search prefix, each safe, an empty one only last', () => {
    const search = '/api/intelligent-search/v1/product-search';
    const segs = (n: number) => Array.from({length: n}, (_, i) => `s${i}`).join('/');
    assert.equal(matchRoute(search, 'GET')?.route.family, 'search');
    assert.equal(matchRoute(`${search}/`, 'GET')?.route.family, 'search');
    assert.equal(matchRoute(`${search}/${segs(20)}`, 'GET')?.route.family, 'search');
    assert.equal(matchRoute(`${search}/${segs(19)}/`, 'GET')?.route.family, 'search');
    assert.equal(matchRoute(`${search}/${segs(21)}`, 'GET'), undefined);
    assert.equal(matchRoute(`${search}/${segs(20)}/`, 'GET'), undefined);
    assert.equal(
      matchRoute(`${search}/shoes/a%0ab`, 'GET'),
      undefined,
      'a control character in the last segment',
    );
    assert.equal(matchRoute(`${search}/a%0ab/shoes`, 'GET'), undefined);
    assert.equal(matchRoute(`/api/intelligent-search/v2/product-search/x`, 'GET'), undefined);
  });
});

describe('bridge routes: free-text segments', () => {
  it('accepts plain and percent-encoded text up to 200 characters', () => {
    for (const s of ['shoes', 'acme%20co', 'caf%C3%A9', '100%25', 'a'.repeat(200), 'a%252541']) {
      assert.equal(isSafeTextSegment(s), true, s);
    }
  });

  it('refuses empty, too long, dot segments, separators and control characters, however often encoded', () => {
    for (const s of [
      '',
      'a'.repeat(201),
      '.',
      '..',
      '%2e',
      '%2e%2e',
      '%252e%252e',
      'a%2fb',
      'a%252fb',
      'a%5cb',
      'a%00b',
      'a%0ab',
      'a%7f',
      '100%', // a raw "%" that is not an escape
      'a%2525252541', // still encoded after four rounds
    ]) {
      assert.equal(isSafeTextSegment(s), false, s);
    }
  });
});

describe('bridge routes: raw path checks', () => {
  it('refuses raw paths that smuggle separators, dot segments or a missing leading slash', () => {
    for (const p of [
      'api/sessions',
      '/a%2fb',
      '/a%2Fb',
      '/a%5cb',
      '/a%2eb',
      '/a%00b',
      '/a%252fb',
      '/a%25252eb',
      '/a\\b',
      '/a//b',
      '/a/./b',
      '/a/../b',
      '/a/.',
      '/..',
      `/${'a'.repeat(1024)}`,
    ]) {
      assert.equal(isCleanPath(p), false, p);
    }
    for (const p of ['/', '/a/b', '/a/.b/..c', '/a%20b', '/a%25b', `/${'a'.repeat(1023)}`]) {
      assert.equal(isCleanPath(p), true, p);
    }
  });

  it('finds no route for an unclean path even where the segments would match', () => {
    const search = '/api/intelligent-search/v1/product-search';
    const long = `${search}/${Array.from({length: 20}, () => 'x'.repeat(50)).join('/')}`;
    assert.ok(long.length > 1024);
    assert.equal(matchRoute(long, 'GET'), undefined);
    const exactly = `${search}/${'x'.repeat(1024 - search.length - 1)}`;
    assert.equal(exactly.length, 1024);
    assert.equal(matchRoute(exactly, 'GET'), undefined, 'over 200 characters in one segment');
    const fits = `${search}/${Array.from({length: 6}, () => 'x'.repeat(160)).join('/')}`;
    const pad = 1024 - fits.length;
    const at1024 = `${fits}/${'y'.repeat(pad - 1)}`;
    assert.equal(at1024.length, 1024);
    assert.equal(matchRoute(at1024, 'GET')?.route.family, 'search', 'a 1024-character path is clean');
    assert.equal(matchRoute(`${at1024}y`, 'GET'), undefined, 'a 1025-character path is not');
  });
});
