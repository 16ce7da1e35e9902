/**
 * What `createVtexClient` accepts (src/client/create.ts) and how payload image URLs are resolved
 * (src/client/urls.ts), pinned exactly: app keys refused under every option name that means one and only those,
 * in `headers` too; the account name rule; the defaults; the walk over a payload and where it stops.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexClient, type VtexClientOptions} from '../../src/client/create.js';
import {VtexError} from '../../src/client/errors.js';
import {resolveImageUrls} from '../../src/client/urls.js';
import {json, recordingFetch} from './helpers/recording-fetch.js';

const API = 'https://bridge.example.com/_v';
const base = {api: API, account: 'mystore'};

const refusal = (header: string) => ({
  name: 'VtexError',
  status: 0,
  code: 'APP_KEY_REFUSED',
  kind: 'config',
  retryable: false,
  message: `createVtexClient: refusing to send ${header}. VTEX app keys and tokens grant admin access to the store and must never reach a browser; keep them on your server (the bridge).`,
});

/** What createVtexClient throws for `options`, in one comparable shape. */
function thrown(options: Record<string, unknown>) {
  try {
    createVtexClient(options as unknown as VtexClientOptions);
  } catch (e) {
    if (e instanceof VtexError)
      return {
        name: e.name,
        status: e.status,
        code: e.code,
        kind: e.kind,
        retryable: e.retryable,
        message: e.message,
      };
    if (e instanceof TypeError) return {name: 'TypeError', message: e.message};
    throw e;
  }
  assert.fail(`expected ${JSON.stringify(options)} to be refused`);
}

const badAccount = (got: string) => ({
  name: 'TypeError',
  message: `createVtexClient: "account" must be a VTEX account name, got ${got}`,
});

describe('createVtexClient: app keys are refused', () => {
  it('under every option name that means an app key or token, in any case', () => {
    for (const name of [
      'appKey',
      'app-key',
      'appkey',
      'APPKEY',
      'appToken',
      'app-token',
      'AppToken',
      'x-vtex-api-appkey',
      'X-VTEX-API-AppKey',
      'x-vtex-api-apptoken',
      'X-VTEX-API-AppToken',
    ]) {
      // Whatever the option's name, the message names the header it would have become.
      assert.deepEqual(thrown({...base, [name]: 'vtexappkey-secret'}), refusal('X-VTEX-API-AppKey'), name);
    }
  });

  it('an app key option is refused before the account is checked', () => {
    assert.deepEqual(thrown({api: API, account: '-bad', appKey: 'k'}), refusal('X-VTEX-API-AppKey'));
  });

  it('but not under names that only start or end with those words', () => {
    for (const name of [
      'myappkey',
      'appkeyx',
      'myAppToken',
      'appTokens',
      'app--key',
      'xappkey',
      'x-vtex-api-appkeys',
      'my-x-vtex-api-apptoken',
      'x-vtex-api-app',
      'app',
    ]) {
      const client = createVtexClient({...base, [name]: 'value'});
      assert.equal(client.accountName, 'mystore', name);
    }
  });

  it('in options.headers, naming the header as given', () => {
    assert.deepEqual(
      thrown({...base, headers: {'X-VTEX-API-AppToken': 't'}}),
      refusal('X-VTEX-API-AppToken'),
    );
    assert.deepEqual(
      thrown({...base, headers: {Accept: 'application/json', 'x-vtex-api-appkey': 'k'}}),
      refusal('x-vtex-api-appkey'),
    );
    assert.equal(
      createVtexClient({...base, headers: {Accept: 'application/json', 'X-VTEX-API-AppKeyId': 'k'}})
        .accountName,
      'mystore',
    );
  });
});

describe('createVtexClient: the account name', () => {
  it('refuses anything but letters, digits and inner dashes, with the value in the message', () => {
    assert.deepEqual(thrown({api: API}), badAccount('undefined'));
    assert.deepEqual(thrown({api: API, account: 42}), badAccount('42'));
    assert.deepEqual(thrown({api: API, account: null}), badAccount('null'));
    assert.deepEqual(thrown({api: API, account: ['mystore']}), badAccount('["mystore"]'));
    assert.deepEqual(thrown({api: API, account: ''}), badAccount('""'));
    assert.deepEqual(thrown({api: API, account: '-store'}), badAccount('"-store"'));
    assert.deepEqual(thrown({api: API, account: 'my.store'}), badAccount('"my.store"'));
    assert.deepEqual(thrown({api: API, account: 'store.'}), badAccount('"store."'));
    assert.deepEqual(thrown({api: API, account: 'my_store'}), badAccount('"my_store"'));
    assert.deepEqual(thrown({api: API, account: ' store'}), badAccount('" store"'));
    assert.deepEqual(thrown({api: API, account: 'store\n'}), badAccount('"store\\n"'));
  });

  it('accepts store-1, a single character and capitals', () => {
    for (const account of ['store-1', 'a', '1', 'MyStore']) {
      assert.equal(createVtexClient({api: API, account}).accountName, account);
    }
  });
});

describe('createVtexClient: defaults', () => {
  it("locale pt-BR and sales channel '1' when none is given, and they reach search", async () => {
    const rec = recordingFetch(() => json({}));
    const client = createVtexClient({...base, fetch: rec.fetch});
    assert.equal(client.locale, 'pt-BR');
    assert.equal(client.salesChannel, '1');
    assert.equal(client.api, API);
    await client.catalog.product({slug: 'shirt'});
    assert.deepEqual(Object.fromEntries(new URL(rec.calls[0]!.url).searchParams), {
      sc: '1',
      locale: 'pt-BR',
      field: 'slug',
      value: 'shirt',
    });
  });

  it('a given locale and sales channel are kept', () => {
    const client = createVtexClient({...base, locale: 'es-AR', salesChannel: '3'});
    assert.equal(client.locale, 'es-AR');
    assert.equal(client.salesChannel, '3');
  });
});

describe('resolveImageUrls', () => {
  const BRIDGE = 'https://b.example.com/_v/';

  it('without a bridge, returns the very data it was given, untouched', () => {
    const data = {imageUrl: '/a.jpg', items: [{ImageUrl: '/b.jpg'}]};
    assert.equal(resolveImageUrls(data, ''), data);
    assert.deepEqual(data, {imageUrl: '/a.jpg', items: [{ImageUrl: '/b.jpg'}]});
  });

  it('resolves in place through arrays of arrays and objects of objects', () => {
    const data = [
      {imageUrl: '/a.jpg'},
      [[{ImageUrl: '/b.jpg', detailUrl: '/p'}]],
      {
        items: [{imageUrl: 'https://cdn.example.com/c.jpg'}],
        itemMetadata: {items: [{imageUrl: '//cdn/d.jpg'}, {imageUrl: '/e.jpg'}]},
      },
    ];
    assert.equal(resolveImageUrls(data, BRIDGE), data);
    assert.deepEqual(data, [
      {imageUrl: 'https://b.example.com/_v/a.jpg'},
      [[{ImageUrl: 'https://b.example.com/_v/b.jpg', detailUrl: '/p'}]],
      {
        items: [{imageUrl: 'https://cdn.example.com/c.jpg'}],
        itemMetadata: {items: [{imageUrl: '//cdn/d.jpg'}, {imageUrl: 'https://b.example.com/_v/e.jpg'}]},
      },
    ]);
  });

  it('passes over nulls, numbers and booleans, under image keys too', () => {
    const data = {
      imageUrl: null,
      ImageUrl: 3,
      other: null,
      flag: true,
      items: [null, 1, {imageUrl: '/x.jpg'}],
    };
    assert.equal(resolveImageUrls(data, BRIDGE), data);
    assert.deepEqual(data, {
      imageUrl: null,
      ImageUrl: 3,
      other: null,
      flag: true,
      items: [null, 1, {imageUrl: 'https://b.example.com/_v/x.jpg'}],
    });
    assert.equal(resolveImageUrls(null, BRIDGE), null);
    assert.equal(resolveImageUrls('/a.jpg', BRIDGE), '/a.jpg');
  });

  it('stops below 12 levels, mixing arrays and objects', () => {
    const build = (levels: number) => {
      const leaf = {imageUrl: '/deep.jpg'};
      let node: unknown = leaf;
      for (let i = 0; i < levels; i++) node = i % 2 ? [node] : {child: node};
      return {node, leaf};
    };
    const at12 = build(12);
    resolveImageUrls(at12.node, BRIDGE);
    assert.equal(at12.leaf.imageUrl, 'https://b.example.com/_v/deep.jpg');
    const at13 = build(13);
    resolveImageUrls(at13.node, BRIDGE);
    assert.equal(at13.leaf.imageUrl, '/deep.jpg');
  });
});
