/**
 * The contract has teeth: VTEX's specs declare no `required`, so a response that lost a field the kit reads
 * still matches the schema; the project's required paths (./required-paths.ts) must catch it.
 */
import {before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  contractErrors,
  cookieJarCaller,
  ORIGIN,
  requestContractErrors,
  type Json,
  type SandboxModule,
} from './harness.js';
import {missingPaths, missingRequired, OPERATION_KINDS, REQUIRED_PATHS} from './required-paths.js';

const ADD_ITEMS = {
  spec: 'Checkout',
  template: '/api/checkout/pub/orderForm/{orderFormId}/items',
  method: 'POST',
  status: 200,
} as const;

describe('required paths give the contract teeth', () => {
  let orderForm: Json;
  let search: Json;

  before(async () => {
    const mod = (await import('../../src/sandbox/index.js')) as unknown as SandboxModule;
    const call = cookieJarCaller(mod.createSandbox({allowedReturnOrigins: [ORIGIN]}));
    search = (await call('GET', '/api/intelligent-search/v1/product-search/?query=&page=1&count=4')).json;
    const sku = (search.products as Json[])
      .flatMap((p: Json) => p.items as Json[])
      .find((i: Json) => i.sellers[0]?.commertialOffer?.AvailableQuantity > 0);
    const cart = await call('GET', '/api/checkout/pub/orderForm');
    const added = await call('POST', `/api/checkout/pub/orderForm/${cart.json.orderFormId}/items`, {
      orderItems: [{id: sku.itemId, quantity: 1, seller: sku.sellers[0].sellerId}],
    });
    assert.equal(added.status, 200);
    orderForm = added.json;
  });

  it('the untouched sandbox orderForm with an item passes', () => {
    assert.ok(orderForm.items.length > 0 && orderForm.totalizers.length > 0);
    assert.deepEqual(contractErrors({...ADD_ITEMS, body: orderForm}).errors, []);
  });

  it('deleting items[].sellingPrice fails the contract, though the spec alone still passes', () => {
    const broken = structuredClone(orderForm);
    delete broken.items[0].sellingPrice;
    const {errors} = contractErrors({...ADD_ITEMS, body: broken});
    assert.deepEqual(errors, ['$.items[0].sellingPrice: is required by the kit but missing']);
    assert.deepEqual(
      missingRequired('orderForm', broken),
      errors,
      'the schema adds nothing: only required-paths',
    );
  });

  it('deleting totalizers (or nulling value) fails the contract', () => {
    const broken = structuredClone(orderForm);
    delete broken.totalizers;
    broken.value = null;
    const {errors} = contractErrors({...ADD_ITEMS, body: broken});
    assert.ok(errors.includes('$.totalizers: is required by the kit but missing'), errors.join('\n'));
    assert.ok(
      errors.some((e) => e.startsWith('$.value')),
      errors.join('\n'),
    );
  });

  it('deleting a search price fails the contract', () => {
    const broken = structuredClone(search);
    delete broken.products[0].items[0].sellers[0].commertialOffer.Price;
    const {errors} = contractErrors({
      spec: 'ISv1',
      template: '/product-search/{facets}',
      method: 'GET',
      status: 200,
      body: broken,
    });
    assert.deepEqual(errors, [
      '$.products[0].items[0].sellers[0].commertialOffer.Price: is required by the kit but missing',
    ]);
  });

  it('an empty {} is no longer an orderForm, a search result or a session', () => {
    for (const kind of ['orderForm', 'productSearch', 'session', 'omsOrder'] as const) {
      assert.ok(missingRequired(kind, {}).length > 0, kind);
    }
    assert.deepEqual(
      contractErrors({
        spec: 'Session',
        template: '/api/sessions',
        method: 'GET',
        status: 200,
        body: {},
      }).errors,
      ['$.namespaces: is required by the kit but missing'],
    );
  });

  it('path syntax: ? allows null, [] walks arrays, a null array element fails', () => {
    assert.deepEqual(missingPaths(['a?.b'], {a: null}), []);
    assert.deepEqual(missingPaths(['a.b'], {a: null}), ['$.a: is required by the kit but null']);
    assert.deepEqual(missingPaths(['a[].b?'], {a: [{b: null}, {}]}), [
      '$.a[1].b: is required by the kit but missing',
    ]);
    assert.deepEqual(missingPaths(['a[].b'], {a: {}}), ['$.a: is required by the kit to be an array']);
    assert.deepEqual(missingPaths(['a?[].b'], {a: [null]}), [
      '$.a[0]: expected an object holding "b", got null',
    ]);
    assert.deepEqual(missingPaths(['a[t=P].b'], {a: [{t: 'T'}, {t: 'P'}]}), [
      '$.a[1].b: is required by the kit but missing',
    ]);
    assert.throws(() => missingPaths(['a..b'], {}), /Bad required path/);
  });

  it('every kind is used by an operation, and every path parses', () => {
    const used = new Set(Object.values(OPERATION_KINDS));
    for (const [kind, paths] of Object.entries(REQUIRED_PATHS)) {
      assert.ok(used.has(kind as keyof typeof REQUIRED_PATHS), `${kind} is checked by no operation`);
      missingPaths(paths, {});
    }
  });
});

describe('request bodies have teeth too', () => {
  const transaction = {
    spec: 'Checkout',
    template: '/api/checkout/pub/orderForm/{orderFormId}/transaction',
    method: 'POST',
  } as const;
  const payments = {
    spec: 'PGW',
    template: '/api/payments/transactions/{transactionId}/payments',
    method: 'POST',
  } as const;
  const payment = {
    paymentSystem: 125,
    installments: 1,
    currencyCode: 'BRL',
    value: 1000,
    installmentsInterestRate: 0,
    installmentsValue: 1000,
    referenceValue: 1000,
    fields: {},
    transaction: {id: 'ABC', merchantName: 'sandbox'},
  };

  it('a transaction without value, or with a string value, fails', () => {
    const body = {referenceId: 'x', value: 1000, referenceValue: 1000, interestValue: 0};
    assert.deepEqual(requestContractErrors({...transaction, body}).errors, []);
    const {value: _value, ...noValue} = body;
    assert.deepEqual(requestContractErrors({...transaction, body: noValue}).errors, [
      '$.value: is required but missing',
    ]);
    assert.deepEqual(requestContractErrors({...transaction, body: {...body, value: '1000'}}).errors, [
      '$.value: expected integer, got string',
    ]);
  });

  it('a payments body without transaction fails; the named exceptions excuse only fields', () => {
    const ok = requestContractErrors({...payments, body: [payment]});
    assert.deepEqual(ok.errors, []);
    assert.ok(ok.excused > 0, 'fields: {} is excused by pgw-fields-empty-for-non-card');
    const {transaction: _t, ...noTransaction} = payment;
    assert.deepEqual(requestContractErrors({...payments, body: [noTransaction]}).errors, [
      '$[0].transaction: is required but missing',
    ]);
    assert.deepEqual(requestContractErrors({...payments, body: payment}).errors, [
      '$: expected array, got object',
    ]);
  });
});
