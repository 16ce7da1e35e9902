/**
 * Contract test for issue 21: the routes a production headless VTEX client calls that one of VTEX's
 * OpenAPI files documents (Checkout customData, Catalog sales channel and brand list, Session Manager
 * POST/PATCH, Intelligent Search product-search with from/to), validated against those specs. The rows
 * no spec documents (pagetype, by-linkid, catalog-count) are covered by test/node/sandbox-fidelity.test.ts.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {conforms, cookieJarCaller, exceptionSummary, ORIGIN, type SandboxModule} from './harness.js';

let call: ReturnType<typeof cookieJarCaller>;

describe('sandbox fidelity routes conform to VTEX OpenAPI response schemas', () => {
  let orderFormId = '';

  before(async () => {
    const mod = (await import('../../src/sandbox/index.js')) as unknown as SandboxModule;
    call = cookieJarCaller(mod.createSandbox({allowedReturnOrigins: [ORIGIN]}));
  });

  after(() => {
    console.log(`spec exceptions — ${exceptionSummary()}`);
  });

  it('POST orderForm (get-or-create) answers the orderForm GET documents', async (t) => {
    const r = await call('POST', '/api/checkout/pub/orderForm', {});
    assert.equal(r.status, 200, r.text.slice(0, 300));
    orderFormId = r.json.orderFormId;
    // No spec documents POST here; VTEX answers the same orderForm as Checkout#CreateANewCart.
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm',
      method: 'GET',
      status: 200,
      body: r.json,
    });
    const refreshed = await call(
      'POST',
      `/api/checkout/pub/orderForm/${orderFormId}?refreshOutdatedData=true`,
      {},
    );
    assert.equal(refreshed.status, 200);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}',
      method: 'GET',
      status: 200,
      body: refreshed.json,
    });
  });

  it('customData: set one field, set several, remove one', async (t) => {
    const base = `/api/checkout/pub/orderForm/${orderFormId}/customData`;
    const one = await call('PUT', `${base}/faststore/cartEtag`, {value: 'etag-1'});
    assert.equal(one.status, 200, one.text.slice(0, 300));
    assert.deepEqual(one.json.customData.customApps, [
      {id: 'faststore', major: 1, fields: {cartEtag: 'etag-1'}},
    ]);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/customData/{appId}/{appFieldName}',
      method: 'PUT',
      status: 200,
      body: one.json,
    });
    const many = await call('PUT', `${base}/gift`, {message: 'Parabéns', wrap: 'yes'});
    assert.equal(many.status, 200, many.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/customData/{appId}',
      method: 'PUT',
      status: 200,
      body: many.json,
    });
    const removed = await call('DELETE', `${base}/gift/wrap`);
    assert.equal(removed.status, 200, removed.text.slice(0, 300));
    assert.deepEqual(removed.json.customData.customApps[1].fields, {message: 'Parabéns'});
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/customData/{appId}/{appFieldName}',
      method: 'DELETE',
      status: 200,
      body: removed.json,
    });
  });

  it('sales channel by id', async (t) => {
    const r = await call('GET', '/api/catalog_system/pub/saleschannel/1');
    assert.equal(r.status, 200, r.text.slice(0, 300));
    conforms(t, {
      spec: 'Catalog',
      template: '/api/catalog_system/pub/saleschannel/{salesChannelId}',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });

  it('brand list (the public route answers the shape of Catalog#BrandList)', async (t) => {
    const r = await call('GET', '/api/catalog_system/pub/brand/list');
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.ok(r.json.length > 0);
    // The Catalog spec documents the list under /pvt/; the storefront's /pub/ route answers the same array.
    conforms(t, {
      spec: 'Catalog',
      template: '/api/catalog_system/pvt/brand/list',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });

  it('sessions: POST and PATCH with ?items= answer the namespaces and the tokens', async (t) => {
    const created = await call('POST', '/api/sessions?items=profile.id,store.channel,store.cultureInfo', {});
    assert.equal(created.status, 201, created.text.slice(0, 300));
    assert.equal(created.json.namespaces.store.channel.value, '1');
    conforms(t, {
      spec: 'Session',
      template: '/api/sessions',
      method: 'POST',
      status: 201,
      body: created.json,
    });
    const patched = await call('PATCH', '/api/sessions?items=public.country', {
      public: {country: {value: 'BRA'}},
    });
    assert.equal(patched.status, 200, patched.text.slice(0, 300));
    assert.equal(patched.json.namespaces.public.country.value, 'BRA');
    conforms(t, {
      spec: 'Session',
      template: '/api/sessions',
      method: 'PATCH',
      status: 200,
      body: patched.json,
    });
  });

  it('IS v1 product-search with from/to', async (t) => {
    const r = await call('GET', '/api/intelligent-search/v1/product-search/?from=12&to=23&locale=pt-BR');
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.equal(r.json.products.length, 12);
    conforms(t, {
      spec: 'ISv1',
      template: '/product-search/{facets}',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });
});
