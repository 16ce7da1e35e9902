import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BoundedMap} from '../../src/sandbox/bounded-map.js';
import {createSandbox} from '../../src/sandbox/index.js';
import {Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';

const OF = '/api/checkout/pub/orderForm';

describe('BoundedMap', () => {
  it('keeps at most its limit, forgetting the least recently used first', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    assert.equal(m.get('a'), 1); // a is now the most recently used
    m.set('c', 3);
    assert.deepEqual([...m.keys()], ['a', 'c']);
    m.set('a', 10); // an update is a use too
    m.set('d', 4);
    assert.deepEqual(
      [...m.entries()],
      [
        ['a', 10],
        ['d', 4],
      ],
    );
    assert.equal(m.get('b'), undefined);
    assert.equal(m.size, 2);
  });
});

describe('sandbox memory is bounded', () => {
  it('forgets the least recently used cart past its limit; the others keep their items', async () => {
    const {sandbox} = makeSandbox({limits: {carts: 2}});
    const shoppers = [new Shopper(sandbox), new Shopper(sandbox), new Shopper(sandbox)];
    const ids: string[] = [];
    for (const s of shoppers) {
      const id = (await s.body('GET', OF)).body.orderFormId as string;
      await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
      ids.push(id);
    }
    const first = await shoppers[0]!.body('POST', `${OF}/${ids[0]}/items`, {
      orderItems: [{id: '1', quantity: 1, seller: '1'}],
    });
    assert.equal(first.status, 400, 'the oldest cart is gone');
    assert.equal(first.body.error.code, 'ORD002');
    for (const i of [1, 2]) {
      const {status, body} = await shoppers[i]!.body('GET', `${OF}/${ids[i]}`);
      assert.equal(status, 200);
      assert.equal(body.items.length, 1, `cart ${i} kept its line`);
    }
    const fresh = await shoppers[0]!.body('GET', OF);
    assert.notEqual(fresh.body.orderFormId, ids[0], 'the forgotten shopper gets a new, empty cart');
    assert.equal(fresh.body.items.length, 0);
  });

  it('forgets the least recently used session past its limit', async () => {
    const {sandbox} = makeSandbox({limits: {sessions: 2}});
    const shoppers = [new Shopper(sandbox), new Shopper(sandbox), new Shopper(sandbox)];
    const ids: string[] = [];
    for (const s of shoppers) {
      const r = await s.body('POST', '/api/sessions', {public: {country: {value: 'BRA'}}});
      assert.ok(r.status < 300, `session created (${r.status})`);
      ids.push(s.jar.get('vtex_session')!);
    }
    assert.equal(new Set(ids).size, 3);
    const again = await shoppers[0]!.body('GET', '/api/sessions?items=public.country');
    assert.equal(again.status, 200);
    assert.notEqual(
      shoppers[0]!.jar.get('vtex_session'),
      ids[0],
      'the oldest session was forgotten: a new one',
    );
    await shoppers[2]!.body('GET', '/api/sessions?items=public.country');
    assert.equal(shoppers[2]!.jar.get('vtex_session'), ids[2], 'a recent session is kept');
  });

  it('keeps a thousand distinct searches at most for the top-searches list', async () => {
    const sandbox = createSandbox();
    const IS = 'http://127.0.0.1/api/intelligent-search/v1';
    const search = (term: string) =>
      sandbox.fetch(new Request(`${IS}/product-search/?query=${term}&count=1`));
    const top = async () => {
      const res = await sandbox.fetch(new Request(`${IS}/top-searches`));
      assert.equal(res.status, 200);
      return ((await res.json()) as {searches: {term: string}[]}).searches.map((s) => s.term);
    };
    for (let i = 0; i < 3; i++) await search('first');
    assert.equal((await top())[0], 'first', 'searched most, listed first');
    for (let i = 0; i < 1_000; i++) await search(`term${i}`);
    assert.ok(!(await top()).includes('first'), 'the least recently searched term was forgotten');
  });
});
