// The client's small pieces, pinned exactly (issue 22: mutants that survived test/node/client.test.ts): error
// bodies of every shape, the session's fields and URLs, image URLs resolved against the bridge, facet paths.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {facetsPath, parseFacetsPath} from '../../src/client/catalog.js';
import {createVtexClient} from '../../src/client/create.js';
import {errorFromResponse, isVtexError, VtexError} from '../../src/client/errors.js';
import {normalizeSession} from '../../src/client/session.js';
import {resolveAgainstApi, resolveImageUrls} from '../../src/client/urls.js';
import {json, recordingFetch} from './helpers/recording-fetch.js';

const API = 'https://bridge.example.com/_v/';

describe('client errors: every body shape', () => {
  it('VtexError names itself, defaults to an http failure and is recognised', () => {
    const e = new VtexError({status: 400, code: 'X', message: 'm', retryable: false});
    assert.equal(e.name, 'VtexError');
    assert.equal(e.kind, 'http');
    assert.equal(isVtexError(e), true);
    assert.equal(isVtexError(new Error('m')), false);
    assert.equal(
      new VtexError({status: 0, code: 'X', message: 'm', retryable: true, kind: 'network'}).kind,
      'network',
    );
  });

  it('a string `error` is the message; an empty one is not (it was: a blank message)', () => {
    assert.equal(errorFromResponse(400, JSON.stringify({error: 'Bad thing'})).message, 'Bad thing');
    assert.equal(
      errorFromResponse(400, JSON.stringify({error: ''})).message,
      'Request failed with status 400',
    );
    assert.equal(errorFromResponse(400, JSON.stringify({error: {code: '', message: ''}})).code, 'HTTP_400');
  });

  it('keeps `fields` only when it names at least one field', () => {
    assert.deepEqual(errorFromResponse(400, JSON.stringify({fields: {email: 'bad'}})).fields, {email: 'bad'});
    assert.equal(errorFromResponse(400, JSON.stringify({fields: {}})).fields, undefined);
    assert.equal(errorFromResponse(400, JSON.stringify({fields: 'email'})).fields, undefined);
    assert.equal(errorFromResponse(400, JSON.stringify({fields: null})).fields, undefined);
  });

  it('VTEX ID authStatus is the code and the message only when nothing else says more', () => {
    const plain = errorFromResponse(401, JSON.stringify({authStatus: 'InvalidToken'}));
    assert.deepEqual([plain.code, plain.message], ['InvalidToken', 'InvalidToken']);
    const said = errorFromResponse(
      401,
      JSON.stringify({authStatus: 'InvalidToken', error: 'Expired session'}),
    );
    assert.deepEqual([said.code, said.message], ['InvalidToken', 'Expired session']);
    const coded = errorFromResponse(
      401,
      JSON.stringify({error: {code: 'CHK01'}, authStatus: 'InvalidToken'}),
    );
    assert.deepEqual([coded.code, coded.message], ['CHK01', 'Request failed with status 401']);
  });

  it('a numeric `code` becomes text; null and absent codes fall back to the status', () => {
    assert.equal(errorFromResponse(404, JSON.stringify({code: 404})).code, '404');
    assert.equal(errorFromResponse(404, JSON.stringify({code: 0})).code, '0');
    assert.equal(errorFromResponse(404, JSON.stringify({code: null})).code, 'HTTP_404');
    assert.equal(errorFromResponse(404, JSON.stringify({})).code, 'HTTP_404');
  });

  it("Intelligent Search's response.data is the message, after error.message and before message", () => {
    assert.equal(
      errorFromResponse(400, JSON.stringify({response: {data: 'bad facet'}, message: 'x'})).message,
      'bad facet',
    );
    assert.equal(errorFromResponse(400, JSON.stringify({response: {data: 0}})).message, '0');
    assert.equal(errorFromResponse(400, JSON.stringify({response: {}, message: 'plain'})).message, 'plain');
    assert.equal(
      errorFromResponse(400, JSON.stringify({error: {message: 'first'}, response: {data: 'second'}})).message,
      'first',
    );
    assert.equal(errorFromResponse(400, JSON.stringify({Message: 'Capital'})).message, 'Capital');
  });

  it('a text body is the message (200 characters at most), an HTML one is not', () => {
    assert.equal(errorFromResponse(502, 'upstream down').message, 'upstream down');
    assert.equal(errorFromResponse(502, 'x'.repeat(300)).message, 'x'.repeat(200));
    assert.equal(
      errorFromResponse(502, '  \n<html><body>Bad gateway</body></html>').message,
      'Request failed with status 502',
    );
    assert.equal(errorFromResponse(502, 'not json {').message, 'not json {');
    assert.equal(errorFromResponse(502, '').message, 'Request failed with status 502');
    assert.equal(errorFromResponse(502, 'null').message, 'Request failed with status 502');
    assert.equal(errorFromResponse(502, '42').message, 'Request failed with status 502');
    assert.equal(errorFromResponse(502, JSON.stringify('Quoted text')).message, 'Quoted text');
    assert.equal(errorFromResponse(502, JSON.stringify('y'.repeat(300))).message, 'y'.repeat(200));
    assert.equal(errorFromResponse(502, JSON.stringify('')).message, 'Request failed with status 502');
  });

  it('Retry-After in seconds only', () => {
    assert.equal(errorFromResponse(429, '', '7').retryAfter, 7);
    assert.equal(errorFromResponse(429, '', 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfter, undefined);
    assert.equal(errorFromResponse(429, '', null).retryAfter, undefined);
  });
});

describe('client session', () => {
  it('asks VTEX for exactly the six session fields it reads, and reads each from its namespace', async () => {
    const {fetch, calls} = recordingFetch(() =>
      json({
        namespaces: {
          profile: {
            isAuthenticated: {value: 'true'},
            email: {value: 'ana@example.com'},
            firstName: {value: 'Ana'},
            lastName: {value: 'Silva'},
          },
          store: {cultureInfo: {value: 'pt-BR'}, currencyCode: {value: 'BRL'}},
        },
      }),
    );
    const c = createVtexClient({api: API, account: 'mystore', fetch});
    const s = await c.session.get();
    assert.deepEqual(s, {
      signedIn: true,
      email: 'ana@example.com',
      firstName: 'Ana',
      lastName: 'Silva',
      cultureInfo: 'pt-BR',
      currencyCode: 'BRL',
    });
    const url = new URL(calls[0]!.url);
    assert.equal(url.pathname, '/_v/api/sessions');
    assert.equal(
      url.searchParams.get('items'),
      'profile.isAuthenticated,profile.email,profile.firstName,profile.lastName,store.cultureInfo,store.currencyCode',
    );
  });

  it('an empty or missing session is a signed-out shopper with no fields', () => {
    const none = {
      signedIn: false,
      email: null,
      firstName: null,
      lastName: null,
      cultureInfo: null,
      currencyCode: null,
    };
    assert.deepEqual(normalizeSession(undefined), none);
    assert.deepEqual(normalizeSession({} as never), none);
    assert.deepEqual(normalizeSession({namespaces: {profile: {email: {value: ''}}}} as never), none);
  });

  it('the login URL drops trailing slashes of the store; logout names the account', async () => {
    const {fetch, calls} = recordingFetch(() => new Response(null, {status: 204}));
    const c = createVtexClient({api: API, account: 'mystore', fetch});
    assert.equal(
      c.session.loginUrl('https://shop.example.com/p?a=1', 'https://store.example.com///'),
      'https://store.example.com/login?returnUrl=https%3A%2F%2Fshop.example.com%2Fp%3Fa%3D1',
    );
    assert.equal(c.session.loginUrl('/x'), 'https://bridge.example.com/_v/login?returnUrl=%2Fx');
    await c.session.logout();
    const url = new URL(calls[0]!.url);
    assert.equal(url.pathname, '/_v/api/vtexid/pub/logout');
    assert.equal(url.searchParams.get('scope'), 'mystore');
  });
});

describe('client image URLs', () => {
  it('resolves root-relative image URLs against the bridge, leaves absolute and protocol-relative ones', () => {
    assert.equal(
      resolveAgainstApi('/arquivos/1.jpg', 'https://b.example.com/_v//'),
      'https://b.example.com/_v/arquivos/1.jpg',
    );
    assert.equal(
      resolveAgainstApi('https://x.vteximg.com.br/1.jpg', 'https://b.example.com'),
      'https://x.vteximg.com.br/1.jpg',
    );
    assert.equal(
      resolveAgainstApi('//cdn.example.com/1.jpg', 'https://b.example.com'),
      '//cdn.example.com/1.jpg',
    );
    assert.equal(resolveAgainstApi('/arquivos/1.jpg', ''), '/arquivos/1.jpg');
  });

  it('walks objects and arrays, only under imageUrl and ImageUrl keys', () => {
    const data = {
      imageUrl: '/a.jpg',
      items: [{ImageUrl: '/b.jpg', url: '/not-an-image'}, [{imageUrl: '/c.jpg'}]],
      name: '/just-text',
    };
    const out = resolveImageUrls(data, 'https://b.example.com');
    assert.equal(out, data, 'in place');
    assert.deepEqual(out, {
      imageUrl: 'https://b.example.com/a.jpg',
      items: [
        {ImageUrl: 'https://b.example.com/b.jpg', url: '/not-an-image'},
        [{imageUrl: 'https://b.example.com/c.jpg'}],
      ],
      name: '/just-text',
    });
    const same = {imageUrl: '/a.jpg'};
    assert.deepEqual(
      resolveImageUrls(same, ''),
      {imageUrl: '/a.jpg'},
      'no bridge: nothing to resolve against',
    );
  });

  it('resolves down to 12 levels of nesting and leaves anything deeper as it came', () => {
    const nested = (levels: number, wrap: (inner: unknown) => unknown) => {
      const leaf = {imageUrl: '/deep.jpg'};
      let node: unknown = leaf;
      for (let i = 0; i < levels; i++) node = wrap(node);
      return {node, leaf};
    };
    for (const wrap of [(x: unknown) => ({x}), (x: unknown) => [x]]) {
      const at12 = nested(12, wrap);
      resolveImageUrls(at12.node, 'https://b.example.com');
      assert.equal(at12.leaf.imageUrl, 'https://b.example.com/deep.jpg');
      const at13 = nested(13, wrap);
      resolveImageUrls(at13.node, 'https://b.example.com');
      assert.equal(at13.leaf.imageUrl, '/deep.jpg');
    }
  });
});

describe('client facet paths', () => {
  it('builds paths from pairs and cleans raw ones', () => {
    assert.equal(facetsPath(undefined), '');
    assert.equal(facetsPath(''), '');
    assert.equal(facetsPath([]), '');
    assert.equal(
      facetsPath([
        {key: 'brand', value: 'Acme & Co'},
        {key: 'c', value: 'a/b'},
      ]),
      'brand/Acme%20%26%20Co/c/a%2Fb',
    );
    assert.equal(facetsPath('/category-1//apparel/brand/acme%20co/'), 'category-1/apparel/brand/acme%20co');
    assert.equal(facetsPath('brand/100%'), 'brand/100%25', 'a stray % is encoded, not an error');
  });

  it('reads pairs back, ignoring an odd trailing segment and keeping malformed escapes as typed', () => {
    assert.deepEqual(parseFacetsPath('brand/acme%20co/category-1/apparel'), [
      {key: 'brand', value: 'acme co'},
      {key: 'category-1', value: 'apparel'},
    ]);
    assert.deepEqual(parseFacetsPath('/brand//acme/extra'), [{key: 'brand', value: 'acme'}]);
    assert.deepEqual(parseFacetsPath('brand/100%'), [{key: 'brand', value: '100%'}]);
    assert.deepEqual(parseFacetsPath(''), []);
    assert.deepEqual(parseFacetsPath('single'), []);
  });
});
