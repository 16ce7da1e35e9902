/**
 * Contract test: drives the sandbox (`createSandbox().fetch`, no HTTP) through the shopper journey and
 * validates each response body against VTEX's own response schema for that path + method + status, from
 * the official OpenAPI files in ../shared/vtex/openapi. Known errors in VTEX's specs (API.md §11) are
 * named exceptions in ./harness.ts; anything else is a failure.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  conforms,
  cookieJarCaller,
  exceptionSummary,
  ORIGIN,
  spec,
  type Json,
  type SandboxModule,
} from './harness.js';
import {validate, type Schema} from './schema.js';

let call: ReturnType<typeof cookieJarCaller>;

describe('sandbox conforms to VTEX OpenAPI response schemas', () => {
  let orderFormId = '';
  let item: {itemId: string; sellerId: string; productId: string} | undefined;
  let orderId = '';

  before(async () => {
    const mod = (await import('../../src/sandbox/index.js')) as unknown as SandboxModule;
    call = cookieJarCaller(mod.createSandbox({allowedReturnOrigins: [ORIGIN]}));
  });

  after(() => {
    console.log(`spec exceptions — ${exceptionSummary()}`);
  });

  it('IS v1 product-search', async (t) => {
    const r = await call(
      'GET',
      '/api/intelligent-search/v1/product-search/?query=&page=1&count=12&locale=pt-BR',
    );
    assert.equal(r.status, 200);
    assert.ok(r.json.products.length > 0);
    conforms(t, {
      spec: 'ISv1',
      template: '/product-search/{facets}',
      method: 'GET',
      status: 200,
      body: r.json,
    });
    for (const p of r.json.products as Json[]) {
      for (const i of p.items as Json[]) {
        const s = i.sellers?.[0];
        if (!item && s?.commertialOffer?.AvailableQuantity > 0)
          item = {itemId: i.itemId, sellerId: s.sellerId, productId: p.productId};
      }
    }
    assert.ok(item, 'an available SKU');
  });

  it('IS v1 facets', async (t) => {
    const r = await call('GET', '/api/intelligent-search/v1/facets/?query=&locale=pt-BR');
    assert.equal(r.status, 200);
    conforms(t, {spec: 'ISv1', template: '/facets/{facets}', method: 'GET', status: 200, body: r.json});
  });

  it('IS v1 products (PDP)', async (t) => {
    const r = await call('GET', `/api/intelligent-search/v1/products?field=id&value=${item!.productId}&sc=1`);
    assert.equal(r.status, 200);
    conforms(t, {spec: 'ISv1', template: '/products', method: 'GET', status: 200, body: r.json});
  });

  it('IS v1 autocomplete-suggestions', async (t) => {
    const r = await call('GET', '/api/intelligent-search/v1/autocomplete-suggestions?query=ca&locale=pt-BR');
    assert.equal(r.status, 200);
    conforms(t, {
      spec: 'ISv1',
      template: '/autocomplete-suggestions',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });

  it('catalog category tree and product variations', async (t) => {
    const tree = await call('GET', '/api/catalog_system/pub/category/tree/2');
    assert.equal(tree.status, 200);
    conforms(t, {
      spec: 'Catalog',
      template: '/api/catalog_system/pub/category/tree/{categoryLevels}',
      method: 'GET',
      status: 200,
      body: tree.json,
    });
    const v = await call('GET', `/api/catalog_system/pub/products/variations/${item!.productId}`);
    assert.equal(v.status, 200);
    conforms(t, {
      spec: 'Catalog',
      template: '/api/catalog_system/pub/products/variations/{productId}',
      method: 'GET',
      status: 200,
      body: v.json,
    });
  });

  it('orderForm get-or-create', async (t) => {
    const r = await call('GET', '/api/checkout/pub/orderForm');
    assert.equal(r.status, 200);
    orderFormId = r.json.orderFormId;
    assert.match(orderFormId, /^[0-9a-f]{32}$/);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm',
      method: 'GET',
      status: 200,
      body: r.json,
    });
    const byId = await call('GET', `/api/checkout/pub/orderForm/${orderFormId}`);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}',
      method: 'GET',
      status: 200,
      body: byId.json,
    });
  });

  it('orderForm add items', async (t) => {
    const r = await call('POST', `/api/checkout/pub/orderForm/${orderFormId}/items?sc=1`, {
      orderItems: [{id: item!.itemId, quantity: 2, seller: item!.sellerId}],
    });
    assert.equal(r.status, 200);
    assert.equal(r.json.items.length, 1);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/items',
      method: 'POST',
      status: 200,
      body: r.json,
    });
  });

  it('orderForm update items', async (t) => {
    const r = await call('POST', `/api/checkout/pub/orderForm/${orderFormId}/items/update`, {
      orderItems: [{index: 0, quantity: 1}],
    });
    assert.equal(r.status, 200);
    assert.equal(r.json.items[0].quantity, 1);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/items/update',
      method: 'POST',
      status: 200,
      body: r.json,
    });
  });

  it('orderForm coupon (valid, then invalid: a 200 with messages)', async (t) => {
    const bad = await call('POST', `/api/checkout/pub/orderForm/${orderFormId}/coupons`, {
      text: 'NOPE-NOT-A-COUPON',
    });
    assert.equal(bad.status, 200);
    assert.ok(bad.json.messages.length > 0, 'an invalid coupon yields a message');
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/coupons',
      method: 'POST',
      status: 200,
      body: bad.json,
    });
    const r = await call('POST', `/api/checkout/pub/orderForm/${orderFormId}/coupons`, {text: 'SUMMER10'});
    assert.equal(r.status, 200);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/coupons',
      method: 'POST',
      status: 200,
      body: r.json,
    });
    const cleared = await call('POST', `/api/checkout/pub/orderForm/${orderFormId}/messages/clear`, {});
    assert.equal(cleared.status, 200);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/messages/clear',
      method: 'POST',
      status: 200,
      body: cleared.json,
    });
  });

  it('cart simulation', async (t) => {
    const r = await call('POST', '/api/checkout/pub/orderForms/simulation?sc=1', {
      items: [{id: item!.itemId, quantity: 1, seller: item!.sellerId}],
      country: 'BRA',
      postalCode: '22250-040',
    });
    assert.equal(r.status, 200);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForms/simulation',
      method: 'POST',
      status: 200,
      body: r.json,
    });
  });

  it('orderForm attachments: clientProfileData, shippingData, paymentData, marketingData', async (t) => {
    const base = `/api/checkout/pub/orderForm/${orderFormId}/attachments`;
    const profile = await call('POST', `${base}/clientProfileData`, {
      email: 'contract.shopper@example.com',
      firstName: 'Ana',
      lastName: 'Souza',
      document: '52998224725',
      documentType: 'cpf',
      phone: '+5521999999999',
      isCorporate: false,
    });
    assert.equal(profile.status, 200, profile.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: `/api/checkout/pub/orderForm/{orderFormId}/attachments/clientProfileData`,
      method: 'POST',
      status: 200,
      body: profile.json,
    });

    const shipping = await call('POST', `${base}/shippingData`, {
      clearAddressIfPostalCodeNotFound: false,
      selectedAddresses: [
        {
          addressType: 'residential',
          receiverName: 'Ana Souza',
          postalCode: '22250-040',
          city: 'Rio de Janeiro',
          state: 'RJ',
          country: 'BRA',
          street: 'Praia de Botafogo',
          number: '300',
          neighborhood: 'Botafogo',
          complement: null,
          reference: null,
          geoCoordinates: [],
        },
      ],
    });
    assert.equal(shipping.status, 200, shipping.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: `/api/checkout/pub/orderForm/{orderFormId}/attachments/shippingData`,
      method: 'POST',
      status: 200,
      body: shipping.json,
    });
    const sla = shipping.json.shippingData.logisticsInfo[0]?.slas?.[0]?.id;
    if (sla) {
      const chosen = await call('POST', `${base}/shippingData`, {
        selectedAddresses: shipping.json.shippingData.selectedAddresses,
        logisticsInfo: [{itemIndex: 0, selectedSla: sla, selectedDeliveryChannel: 'delivery'}],
      });
      assert.equal(chosen.status, 200, chosen.text.slice(0, 300));
      conforms(t, {
        spec: 'Checkout',
        template: `/api/checkout/pub/orderForm/{orderFormId}/attachments/shippingData`,
        method: 'POST',
        status: 200,
        body: chosen.json,
      });
    }

    const current = await call('GET', `/api/checkout/pub/orderForm/${orderFormId}`);
    const value = current.json.value as number;
    const payment = await call('POST', `${base}/paymentData`, {
      payments: [{paymentSystem: '2', installments: 1, value, referenceValue: value}],
    });
    assert.equal(payment.status, 200, payment.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: `/api/checkout/pub/orderForm/{orderFormId}/attachments/paymentData`,
      method: 'POST',
      status: 200,
      body: payment.json,
    });

    const marketing = await call('POST', `${base}/marketingData`, {
      utmSource: 'contract',
      marketingTags: ['test'],
    });
    assert.equal(marketing.status, 200, marketing.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: `/api/checkout/pub/orderForm/{orderFormId}/attachments/marketingData`,
      method: 'POST',
      status: 200,
      body: marketing.json,
    });
  });

  it('orderForm installments', async (t) => {
    const r = await call('GET', `/api/checkout/pub/orderForm/${orderFormId}/installments?paymentSystem=2`);
    assert.equal(r.status, 200);
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/installments',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });

  it('place order (transaction)', async (t) => {
    const current = await call('GET', `/api/checkout/pub/orderForm/${orderFormId}`);
    const value = current.json.value as number;
    const r = await call('POST', `/api/checkout/pub/orderForm/${orderFormId}/transaction`, {
      referenceId: orderFormId,
      savePersonalData: false,
      optinNewsLetter: false,
      value,
      referenceValue: value,
      interestValue: 0,
    });
    assert.equal(r.status, 200, r.text.slice(0, 400));
    const orders = (r.json.orders ?? []) as {orderId: string}[];
    orderId = orders[0]?.orderId ?? '';
    assert.match(orderId, /-\d{2}$/);
    // Steps 2 and 3 (payments, gatewayCallback) so the order becomes visible in OMS; not schema-checked here.
    const tid = r.json.transactionData?.merchantTransactions?.[0]?.transactionId as string;
    const orderGroup = (r.json.orderGroup ?? orderId.replace(/-\d{2}$/, '')) as string;
    const pay = await call('POST', `/api/payments/transactions/${tid}/payments?orderId=${orderGroup}`, [
      {
        paymentSystem: 2,
        installments: 1,
        currencyCode: 'BRL',
        value,
        referenceValue: value,
        installmentsInterestRate: 0,
        installmentsValue: value,
        fields: {
          holderName: 'Ana Souza',
          cardNumber: '4111111111111111',
          validationCode: '123',
          dueDate: '12/35',
        },
        transaction: {id: tid, merchantName: 'sandbox'},
      },
    ]);
    assert.equal(pay.status, 201, pay.text.slice(0, 300));
    const cb = await call('POST', `/api/checkout/pub/gatewayCallback/${orderGroup}`);
    assert.ok(
      cb.status === 200 || cb.status === 204,
      `gatewayCallback ${cb.status} ${cb.text.slice(0, 200)}`,
    );
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/orderForm/{orderFormId}/transaction',
      method: 'POST',
      status: 200,
      body: r.json,
    });
  });

  it('sessions and segments', async (t) => {
    const created = await call('POST', '/api/sessions', {
      public: {country: {value: 'BRA'}, postalCode: {value: '22250-040'}},
    });
    assert.equal(created.status, 201, created.text.slice(0, 300));
    conforms(t, {
      spec: 'Session',
      template: '/api/sessions',
      method: 'POST',
      status: 201,
      body: created.json,
    });
    const got = await call('GET', '/api/sessions?items=*');
    assert.equal(got.status, 200);
    conforms(t, {spec: 'Session', template: '/api/sessions', method: 'GET', status: 200, body: got.json});
    const seg = await call('GET', '/api/segments');
    assert.equal(seg.status, 200);
    conforms(t, {spec: 'Session', template: '/api/segments', method: 'GET', status: 200, body: seg.json});
  });

  it('OMS user orders list and detail (after login)', async (t) => {
    const login = await call(
      'POST',
      '/login',
      `email=${encodeURIComponent('contract.shopper@example.com')}&code=123456&returnUrl=%2F`,
      {'Content-Type': 'application/x-www-form-urlencoded'},
    );
    assert.equal(login.status, 303);
    const list = await call('GET', '/api/oms/user/orders?page=1&per_page=15');
    assert.equal(list.status, 200, list.text.slice(0, 300));
    assert.ok(
      list.json.list.some((o: {orderId: string}) => o.orderId === orderId),
      'the placed order is listed',
    );
    conforms(t, {spec: 'OMS', template: '/api/oms/user/orders', method: 'GET', status: 200, body: list.json});
    const detail = await call('GET', `/api/oms/user/orders/${orderId}`);
    assert.equal(detail.status, 200, detail.text.slice(0, 300));
    conforms(t, {
      spec: 'OMS',
      template: '/api/oms/user/orders/{orderId}',
      method: 'GET',
      status: 200,
      body: detail.json,
    });
  });
  it('postal-code autofill', async (t) => {
    const r = await call('GET', '/api/checkout/pub/postal-code/BRA/22250-040');
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.equal(r.json.city, 'Rio de Janeiro');
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/postal-code/{countryCode}/{postalCode}',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });

  it('pickup points near a postal code', async (t) => {
    const r = await call('GET', '/api/checkout/pub/pickup-points?postalCode=22250-040&countryCode=BRA');
    assert.equal(r.status, 200, r.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/pickup-points',
      method: 'GET',
      status: 200,
      body: r.json,
    });
  });

  it('profiles by email (logged in: unmasked; anonymous: masked)', async (t) => {
    const mine = await call(
      'GET',
      `/api/checkout/pub/profiles?email=${encodeURIComponent('contract.shopper@example.com')}`,
    );
    assert.equal(mine.status, 200, mine.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/profiles',
      method: 'GET',
      status: 200,
      body: mine.json,
    });
    const known = await call(
      'GET',
      `/api/checkout/pub/profiles?email=${encodeURIComponent('clark.kent@example.com')}`,
    );
    assert.equal(known.status, 200, known.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/profiles',
      method: 'GET',
      status: 200,
      body: known.json,
    });
  });

  /** A fresh cart with one item, profile, address and the given payment system, placed (step 1). */
  async function placeNewCart(paymentSystem: number) {
    const fresh = await call('GET', '/api/checkout/pub/orderForm?forceNewCart=true');
    assert.equal(fresh.status, 200);
    const id = fresh.json.orderFormId as string;
    const base = `/api/checkout/pub/orderForm/${id}`;
    await call('POST', `${base}/items`, {
      orderItems: [{id: item!.itemId, quantity: 1, seller: item!.sellerId}],
    });
    await call('POST', `${base}/attachments/clientProfileData`, {
      email: 'contract.shopper@example.com',
      firstName: 'Ana',
      lastName: 'Souza',
      document: '52998224725',
      documentType: 'cpf',
      phone: '+5521999999999',
      isCorporate: false,
    });
    const shipped = await call('POST', `${base}/attachments/shippingData`, {
      selectedAddresses: [
        {
          addressType: 'residential',
          receiverName: 'Ana Souza',
          postalCode: '22250-040',
          city: 'Rio de Janeiro',
          state: 'RJ',
          country: 'BRA',
          street: 'Praia de Botafogo',
          number: '300',
          neighborhood: 'Botafogo',
          complement: 'Apto 101',
          geoCoordinates: [],
        },
      ],
    });
    const value = shipped.json.value as number;
    await call('POST', `${base}/attachments/paymentData`, {
      payments: [{paymentSystem: String(paymentSystem), installments: 1, value, referenceValue: value}],
    });
    const placed = await call('POST', `${base}/transaction`, {
      referenceId: id,
      value,
      referenceValue: value,
      interestValue: 0,
    });
    assert.equal(placed.status, 200, placed.text.slice(0, 300));
    const orderId = placed.json.orders[0].orderId as string;
    return {
      id,
      value,
      orderId,
      tid: placed.json.transactionData.merchantTransactions[0].transactionId as string,
      orderGroup: (placed.json.orderGroup ?? orderId.replace(/-\d{2}$/, '')) as string,
    };
  }

  it('changeToAnonymousUser', async (t) => {
    const fresh = await call('GET', '/api/checkout/pub/orderForm?forceNewCart=true');
    const id = fresh.json.orderFormId as string;
    await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/clientProfileData`, {
      email: 'contract.shopper@example.com',
      firstName: 'Ana',
      lastName: 'Souza',
      document: '52998224725',
      documentType: 'cpf',
      phone: '+5521999999999',
      isCorporate: false,
    });
    const r = await call('GET', `/checkout/changeToAnonymousUser/${id}`);
    assert.equal(r.status, 200, r.text.slice(0, 300));
    // The spec declares this 200 as `text/plain` with schema {type: object} (example `{}`), not JSON.
    const doc = spec('Checkout');
    const op = doc.paths['/checkout/changeToAnonymousUser/{orderFormId}']!.get!;
    const plain = (op.responses!['200'] as {content: Record<string, {schema: Schema}>}).content[
      'text/plain'
    ]!;
    const errors = validate(doc, plain.schema, r.json);
    assert.deepEqual(
      errors.map((e) => `${e.path}: ${e.message}`),
      [],
      'GET /checkout/changeToAnonymousUser/{orderFormId} 200 does not match VTEX---Checkout-API.json',
    );
    t.diagnostic(`body ${r.text.slice(0, 60)}…`);
  });

  it('gatewayCallback 428 (Pix redirect) and the pending order in OMS', async (t) => {
    const o = await placeNewCart(125);
    const pay = await call('POST', `/api/payments/transactions/${o.tid}/payments?orderId=${o.orderGroup}`, [
      {
        paymentSystem: 125,
        installments: 1,
        currencyCode: 'BRL',
        value: o.value,
        referenceValue: o.value,
        installmentsInterestRate: 0,
        installmentsValue: o.value,
        fields: {},
        transaction: {id: o.tid, merchantName: 'sandbox'},
      },
    ]);
    assert.equal(pay.status, 201, pay.text.slice(0, 300));
    const cb = await call('POST', `/api/checkout/pub/gatewayCallback/${o.orderGroup}`);
    assert.equal(cb.status, 428, cb.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/gatewayCallback/{orderGroup}',
      method: 'POST',
      status: 428,
      body: cb.json,
    });
    const detail = await call('GET', `/api/oms/user/orders/${o.orderId}`);
    assert.equal(detail.status, 200, detail.text.slice(0, 300));
    assert.equal(detail.json.status, 'payment-pending');
    conforms(t, {
      spec: 'OMS',
      template: '/api/oms/user/orders/{orderId}',
      method: 'GET',
      status: 200,
      body: detail.json,
    });
  });

  it('gatewayCallback 500 (declined card)', async (t) => {
    const o = await placeNewCart(2);
    const pay = await call('POST', `/api/payments/transactions/${o.tid}/payments?orderId=${o.orderGroup}`, [
      {
        paymentSystem: 2,
        installments: 1,
        currencyCode: 'BRL',
        value: o.value,
        referenceValue: o.value,
        installmentsInterestRate: 0,
        installmentsValue: o.value,
        fields: {
          holderName: 'Ana Souza',
          cardNumber: '4000000000000002',
          validationCode: '123',
          dueDate: '12/35',
        },
        transaction: {id: o.tid, merchantName: 'sandbox'},
      },
    ]);
    assert.equal(pay.status, 201, pay.text.slice(0, 300));
    const cb = await call('POST', `/api/checkout/pub/gatewayCallback/${o.orderGroup}`);
    assert.equal(cb.status, 500, cb.text.slice(0, 300));
    conforms(t, {
      spec: 'Checkout',
      template: '/api/checkout/pub/gatewayCallback/{orderGroup}',
      method: 'POST',
      status: 500,
      body: cb.json,
    });
  });

  it('Checkout error envelope (ORD002 400): no schema in the spec, checked against API.md §9', async () => {
    // The Checkout spec declares no 4xx response schema; the envelope is the one documented in API.md §9.
    const r = await call('GET', `/api/checkout/pub/orderForm/${'0'.repeat(32)}/installments?paymentSystem=2`);
    const bad = await call('POST', `/api/checkout/pub/orderForm/${'0'.repeat(32)}/items`, {
      orderItems: [{id: item!.itemId, quantity: 1, seller: item!.sellerId}],
    });
    for (const e of [r, bad]) {
      assert.equal(e.status, 400, e.text.slice(0, 300));
      assert.deepEqual(Object.keys(e.json).sort(), ['error', 'fields', 'operationId']);
      assert.equal(e.json.error.code, 'ORD002');
      assert.equal(typeof e.json.error.message, 'string');
      assert.ok('exception' in e.json.error);
      assert.equal(typeof e.json.fields, 'object');
      assert.match(e.json.operationId, /^[0-9a-f-]{36}$/);
    }
  });
});
