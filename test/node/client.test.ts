import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {createVtexClient, VtexError} from '../../src/client/index.js';
import {parsePlacedTransaction} from '../../src/client/placement.js';
import {errorFromResponse} from '../../src/client/errors.js';
import {json, recordingFetch} from './helpers/recording-fetch.js';

const API = 'https://bridge.example.com/_v';
const orderForm = {orderFormId: 'a'.repeat(32), items: [], messages: [], totalizers: [], value: 0};

const client = (handler: Parameters<typeof recordingFetch>[0], extra = {}) => {
  const rec = recordingFetch(handler);
  return {
    ...rec,
    client: createVtexClient({
      api: API,
      account: 'mystore',
      salesChannel: '2',
      locale: 'en-US',
      fetch: rec.fetch,
      backoffMs: 1,
      ...extra,
    }),
  };
};

describe('client: request shapes match API.md', () => {
  it('catalog.search builds the IS v1 URL with facets path, 1-based page, count, sort, sc, locale', async () => {
    const {client: c, calls} = client(() => json({products: [], recordsFiltered: 0}));
    await c.catalog.search({
      query: ' camiseta ',
      facets: [
        {key: 'category-1', value: 'apparel'},
        {key: 'brand', value: 'açme co'},
      ],
      page: 2,
      count: 12,
      sort: 'price:asc',
    });
    const u = new URL(calls[0]!.url);
    assert.equal(
      u.origin + u.pathname,
      `${API}/api/intelligent-search/v1/product-search/category-1/apparel/brand/a%C3%A7me%20co`,
    );
    assert.deepEqual(Object.fromEntries(u.searchParams), {
      query: 'camiseta',
      sc: '2',
      locale: 'en-US',
      page: '2',
      count: '12',
      sort: 'price:asc',
    });
    assert.equal(calls[0]!.method, 'GET');
    assert.equal(calls[0]!.credentials, 'include');
    assert.equal(calls[0]!.headers.accept, 'application/json');
  });

  it('catalog.facets, product by slug and id, autocomplete', async () => {
    const {client: c, calls} = client(() => json({}));
    await c.catalog.facets({facets: 'category-1/apparel'});
    await c.catalog.product({slug: 'blue-shirt'});
    await c.catalog.product({id: '42'});
    await c.catalog.autocomplete('cam');
    const paths = calls.map((r) => new URL(r.url));
    assert.equal(paths[0]!.pathname, '/_v/api/intelligent-search/v1/facets/category-1/apparel');
    assert.equal(paths[1]!.pathname, '/_v/api/intelligent-search/v1/products');
    assert.deepEqual(Object.fromEntries(paths[1]!.searchParams), {
      sc: '2',
      locale: 'en-US',
      field: 'slug',
      value: 'blue-shirt',
    });
    assert.equal(paths[2]!.searchParams.get('field'), 'id');
    assert.equal(paths[3]!.pathname, '/_v/api/intelligent-search/v1/autocomplete-suggestions');
    assert.equal(paths[3]!.searchParams.get('query'), 'cam');
  });

  it('checkout mutations post VTEX bodies to the orderForm routes', async () => {
    const {client: c, calls} = client(() => json(orderForm));
    const id = 'f'.repeat(32);
    await c.checkout.getOrderForm();
    await c.checkout.addItems(id, [{id: '1', quantity: 2, seller: '1'}]);
    await c.checkout.updateItems(id, [{index: 0, quantity: 0}]);
    await c.checkout.removeAllItems(id);
    await c.checkout.addCoupon(id, 'SUMMER10');
    await c.checkout.attachClientProfile(id, {
      email: 'a@b.co',
      firstName: 'A',
      lastName: 'B',
      documentType: 'cpf',
      document: '52998224725',
    });
    await c.checkout.attachShippingData(id, {logisticsInfo: [{itemIndex: 0, selectedSla: 'Normal'}]});
    await c.checkout.attachPaymentData(id, {
      payments: [{paymentSystem: 2, installments: 1, value: 100, referenceValue: 100}],
    });
    await c.checkout.installments(id, 2);
    const got = calls.map((r) => [r.method, new URL(r.url).pathname + new URL(r.url).search, r.body]);
    const base = '/_v/api/checkout/pub';
    assert.deepEqual(got, [
      ['GET', `${base}/orderForm?sc=2`, undefined],
      ['POST', `${base}/orderForm/${id}/items`, {orderItems: [{id: '1', quantity: 2, seller: '1'}]}],
      ['POST', `${base}/orderForm/${id}/items/update`, {orderItems: [{index: 0, quantity: 0}]}],
      ['POST', `${base}/orderForm/${id}/items/removeAll`, {}],
      ['POST', `${base}/orderForm/${id}/coupons`, {text: 'SUMMER10'}],
      [
        'POST',
        `${base}/orderForm/${id}/attachments/clientProfileData`,
        {email: 'a@b.co', firstName: 'A', lastName: 'B', documentType: 'cpf', document: '52998224725'},
      ],
      [
        'POST',
        `${base}/orderForm/${id}/attachments/shippingData`,
        {logisticsInfo: [{itemIndex: 0, selectedSla: 'Normal'}]},
      ],
      [
        'POST',
        `${base}/orderForm/${id}/attachments/paymentData`,
        {payments: [{paymentSystem: 2, installments: 1, value: 100, referenceValue: 100}]},
      ],
      ['GET', `${base}/orderForm/${id}/installments?paymentSystem=2`, undefined],
    ]);
    assert.equal(calls[1]!.headers['content-type'], 'application/json');
  });

  it('simulation, postal code, forceNewCart, refreshOutdatedData', async () => {
    const {client: c, calls} = client(() => json({}));
    await c.checkout.simulate({
      items: [{id: '1', quantity: 1, seller: '1'}],
      postalCode: '22250-040',
      country: 'BRA',
    });
    await c.checkout.addressByPostalCode('BRA', '22250-040');
    await c.checkout.getOrderForm({forceNewCart: true});
    await c.checkout.getOrderFormById('f'.repeat(32), {refreshOutdatedData: true});
    const urls = calls.map((r) => new URL(r.url));
    assert.equal(urls[0]!.pathname, '/_v/api/checkout/pub/orderForms/simulation');
    assert.equal(urls[0]!.searchParams.get('sc'), '2');
    assert.deepEqual(calls[0]!.body, {
      items: [{id: '1', quantity: 1, seller: '1'}],
      postalCode: '22250-040',
      country: 'BRA',
    });
    assert.equal(urls[1]!.pathname, '/_v/api/checkout/pub/postal-code/BRA/22250-040');
    assert.equal(urls[2]!.searchParams.get('forceNewCart'), 'true');
    assert.equal(urls[3]!.searchParams.get('refreshOutdatedData'), 'true');
  });

  it('places an order in 3 steps: transaction, payments (both URL forms), gatewayCallback', async () => {
    const placed = JSON.parse(
      readFileSync(new URL('../fixtures/vtex/place-order.response.json', import.meta.url), 'utf8'),
    );
    const {client: c, calls} = client((r) => {
      if (r.url.includes('/transaction')) return json(placed);
      if (r.url.includes('/payments')) return new Response(null, {status: 201});
      return new Response(null, {status: 204});
    });
    const id = 'f'.repeat(32);
    const tx = await c.checkout.placeOrder(id, {value: 1000, referenceValue: 1000, interestValue: 0});
    assert.deepEqual(calls[0]!.body, {
      referenceId: id,
      savePersonalData: false,
      optinNewsLetter: false,
      value: 1000,
      referenceValue: 1000,
      interestValue: 0,
    });
    assert.equal(tx.orderGroup, placed.orders[0].orderGroup);
    assert.equal(tx.transactionId, placed.transactionData.merchantTransactions[0].transactionId);
    const payment = {
      paymentSystem: 2,
      installments: 1,
      currencyCode: 'BRL',
      value: 1000,
      installmentsInterestRate: 0,
      installmentsValue: 1000,
      referenceValue: 1000,
      fields: {cardNumber: '4111111111111111'},
      transaction: {id: tx.transactionId, merchantName: tx.merchantName},
    };
    await c.checkout.sendPayments(tx.transactionId, tx.orderGroup, [payment]);
    await c.checkout.sendPayments(tx.transactionId, tx.orderGroup, [payment], {form: 'pub'});
    // Card data goes straight to VTEX's payment host, without cookies, never to the bridge (`api`).
    const v = new URL(calls[1]!.url);
    assert.equal(v.origin, 'https://api.vtexvault.com');
    assert.equal(v.pathname, `/api/payments/transactions/${tx.transactionId}/payments`);
    assert.deepEqual(Object.fromEntries(v.searchParams), {an: 'mystore', orderId: tx.orderGroup});
    assert.deepEqual(calls[1]!.body, [payment]);
    assert.equal(calls[1]!.credentials, 'omit');
    const p = new URL(calls[2]!.url);
    assert.equal(p.origin, 'https://api.vtexvault.com');
    assert.equal(p.pathname, `/api/pub/transactions/${tx.transactionId}/payments`);
    assert.equal(calls[2]!.credentials, 'omit');
    assert.ok(
      calls
        .filter((c) => JSON.stringify(c.body ?? '').includes('4111111111111111'))
        .every((c) => !c.url.startsWith(API)),
      'no card number to the bridge',
    );
    assert.deepEqual(Object.fromEntries(p.searchParams), {orderId: tx.orderGroup});
    assert.deepEqual(await c.checkout.gatewayCallback(tx.orderGroup), {status: 'approved'});
    assert.equal(new URL(calls[3]!.url).pathname, `/_v/api/checkout/pub/gatewayCallback/${tx.orderGroup}`);
    assert.equal(calls[3]!.method, 'POST');
  });

  it('keeps only http(s) payment redirect links (a javascript: URL is never linked)', async () => {
    for (const [link, expected] of [
      ['javascript:alert(document.cookie)', null],
      ['data:text/html,<script>alert(1)</script>', null],
      ['//evil.example/pix', null],
      ['https://pix.example.com/pay?id=1', 'https://pix.example.com/pay?id=1'],
    ] as const) {
      const {client: c} = client(() =>
        json({RedirectResponseCollection: [{redirectUrl: link}], paymentAuthorizationAppCollection: []}, 428),
      );
      const result = await c.checkout.gatewayCallback('G1');
      assert.equal(result.status, 'action-required');
      assert.equal((result as {redirectUrl: string | null}).redirectUrl, expected, link);
    }
  });

  it('parses every place-order response shape (API.md §11.1)', () => {
    const flat = {
      id: 'TX1',
      orderGroup: 'G1',
      merchantTransactions: [{transactionId: 'TX1', merchantName: 'mystore'}],
    };
    assert.deepEqual(parsePlacedTransaction(flat), {
      orderGroup: 'G1',
      transactionId: 'TX1',
      merchantName: 'mystore',
      orders: [],
      receiverUri: undefined,
    });
    const bff = {
      orders: [
        {
          orderGroup: 'G2',
          orderId: 'G2-01',
          transactionData: {
            merchantTransactions: [{transactionId: 'TX2', merchantName: 'm'}],
            receiverUri: 'r',
          },
        },
      ],
    };
    const parsed = parsePlacedTransaction(bff);
    assert.equal(parsed.orderGroup, 'G2');
    assert.equal(parsed.transactionId, 'TX2');
    assert.equal(parsed.receiverUri, 'r');
    assert.throws(
      () => parsePlacedTransaction({orderForm: null}),
      (e: VtexError) => e.code === 'BAD_PLACEMENT_RESPONSE',
    );
  });

  it('gatewayCallback: 200 approved, 428 action required (Pix), 500 denied', async () => {
    const r428 = JSON.parse(
      readFileSync(new URL('../fixtures/vtex/gateway-callback.428.json', import.meta.url), 'utf8'),
    );
    const r500 = JSON.parse(
      readFileSync(new URL('../fixtures/vtex/gateway-callback.500.json', import.meta.url), 'utf8'),
    );
    const replies = [new Response(null, {status: 200}), json(r428, 428), json(r500, 500)];
    const {client: c, calls} = client(() => replies.shift()!);
    assert.deepEqual(await c.checkout.gatewayCallback('G'), {status: 'approved'});
    const pix = await c.checkout.gatewayCallback('G');
    assert.equal(pix.status, 'action-required');
    assert.ok(pix.status === 'action-required' && (pix.redirectUrl !== null || pix.app !== null));
    await assert.rejects(
      c.checkout.gatewayCallback('G'),
      (e: VtexError) => e.code === 'PAYMENT_DENIED' && e.status === 500 && !e.retryable,
    );
    assert.equal(calls.length, 3, 'a denied payment is not retried');
  });

  it('account orders (paged) and detail, session, logout', async () => {
    const {client: c, calls} = client(() =>
      json({
        id: 's',
        namespaces: {
          profile: {isAuthenticated: {value: 'true'}, email: {value: 'ana@example.com'}},
          store: {cultureInfo: {value: 'pt-BR'}},
        },
      }),
    );
    await c.account.orders({page: 3, perPage: 5});
    await c.account.order('v123-01');
    const s = await c.session.get();
    await c.session.logout();
    const urls = calls.map((r) => new URL(r.url));
    assert.equal(urls[0]!.pathname, '/_v/api/oms/user/orders');
    assert.deepEqual(Object.fromEntries(urls[0]!.searchParams), {page: '3', per_page: '5'});
    assert.equal(urls[1]!.pathname, '/_v/api/oms/user/orders/v123-01');
    assert.equal(urls[2]!.pathname, '/_v/api/sessions');
    assert.match(urls[2]!.searchParams.get('items')!, /profile\.isAuthenticated/);
    assert.deepEqual(s, {
      signedIn: true,
      email: 'ana@example.com',
      firstName: null,
      lastName: null,
      cultureInfo: 'pt-BR',
      currencyCode: null,
    });
    assert.equal(urls[3]!.pathname, '/_v/api/vtexid/pub/logout');
    assert.equal(
      c.session.loginUrl('https://cms.example.com/p?a=1'),
      `${API}/login?returnUrl=https%3A%2F%2Fcms.example.com%2Fp%3Fa%3D1`,
    );
  });
});

describe('client: errors', () => {
  it('maps each VTEX error body shape to VtexError', () => {
    const checkout = errorFromResponse(
      400,
      JSON.stringify({
        fields: {},
        error: {code: 'ORD002', message: 'Carrinho inválido', exception: null},
        operationId: 'op-1',
      }),
    );
    assert.deepEqual(
      [checkout.status, checkout.code, checkout.message, checkout.retryable, checkout.operationId],
      [400, 'ORD002', 'Carrinho inválido', false, 'op-1'],
    );
    const is = errorFromResponse(
      400,
      JSON.stringify({
        status: 400,
        code: 'RESOLVER_WARNING',
        name: 'ResolverWarning',
        level: 'warn',
        response: {data: 'Unsupported sort null'},
      }),
    );
    assert.deepEqual([is.code, is.message], ['RESOLVER_WARNING', 'Unsupported sort null']);
    const oms = errorFromResponse(
      403,
      JSON.stringify({error: {code: 'OMS003', message: 'Order not found', exception: null}}),
    );
    assert.deepEqual([oms.code, oms.message], ['OMS003', 'Order not found']);
    const vtexid = errorFromResponse(401, JSON.stringify({authStatus: 'WrongCredentials'}));
    assert.equal(vtexid.code, 'WrongCredentials');
    const problem = errorFromResponse(
      404,
      JSON.stringify({type: 'x', title: 'Not Found', status: 404, traceId: 't'}),
    );
    assert.deepEqual([problem.code, problem.message], ['HTTP_404', 'Not Found']);
    const html = errorFromResponse(404, '<h1>404 Not Found</h1>');
    assert.deepEqual([html.code, html.message], ['HTTP_404', 'Request failed with status 404']);
    const limited = errorFromResponse(429, '', '3');
    assert.deepEqual([limited.retryable, limited.retryAfter], [true, 3]);
    assert.equal(errorFromResponse(503, '').retryable, true);
  });

  it('retries idempotent GETs on network errors, 429 and 5xx, then succeeds', async () => {
    const replies: (Response | Error)[] = [new TypeError('fetch failed'), json({}, 503), json(orderForm)];
    const {client: c, calls} = client(() => replies.shift()!, {retries: 2});
    const of = await c.checkout.getOrderForm();
    assert.equal(of.orderFormId, orderForm.orderFormId);
    assert.equal(calls.length, 3);
  });

  it('gives up after the retry budget with the last error', async () => {
    const {client: c, calls} = client(() => json({error: {code: 'X', message: 'busy'}}, 429), {retries: 2});
    await assert.rejects(
      c.catalog.search(),
      (e: VtexError) => e instanceof VtexError && e.status === 429 && e.retryable,
    );
    assert.equal(calls.length, 3);
  });

  it('never retries a mutation, even on a retryable failure', async () => {
    const {client: c, calls} = client(() => json({error: {code: 'X', message: 'down'}}, 503));
    await assert.rejects(
      c.checkout.addItems('f'.repeat(32), [{id: '1', quantity: 1, seller: '1'}]),
      (e: VtexError) => e.status === 503,
    );
    const net = client(() => new TypeError('fetch failed'));
    await assert.rejects(
      net.client.checkout.updateItems('f'.repeat(32), [{index: 0, quantity: 2}]),
      (e: VtexError) => e.kind === 'network',
    );
    assert.equal(calls.length, 1);
    assert.equal(net.calls.length, 1);
  });

  it('does not retry 4xx on GET', async () => {
    const {client: c, calls} = client(() => json({error: {code: 'ORD002', message: 'bad'}}, 400));
    await assert.rejects(c.checkout.getOrderFormById('x'), (e: VtexError) => e.code === 'ORD002');
    assert.equal(calls.length, 1);
  });

  it('aborts: a signal aborted mid-request rejects with kind "aborted" and is not retried', async () => {
    const controller = new AbortController();
    const {client: c, calls} = client(async () => {
      controller.abort();
      return json({});
    });
    await assert.rejects(
      c.catalog.search({signal: controller.signal}),
      (e: VtexError) => e.kind === 'aborted',
    );
    assert.equal(calls.length, 1);
    const pre = new AbortController();
    pre.abort();
    const second = client(() => json({}));
    await assert.rejects(
      second.client.catalog.search({signal: pre.signal}),
      (e: VtexError) => e.kind === 'aborted',
    );
    assert.equal(second.calls.length, 0, 'an already aborted signal sends nothing');
  });

  it('times out with a retryable timeout error, once: a GET that timed out is not sent again', async () => {
    const {client: c, calls} = client(() => new Promise<Response>(() => {}), {timeoutMs: 20, retries: 2});
    await assert.rejects(c.checkout.getOrderForm(), (e: VtexError) => e.kind === 'timeout' && e.retryable);
    // Each retry would wait the whole timeout again: the shopper hears about it after one, and may retry.
    assert.equal(calls.length, 1);
  });

  it('a read gives up after 15 s, a write waits its whole 45 s (the default timeouts)', async (t) => {
    t.mock.timers.enable({apis: ['setTimeout']});
    const {client: c, calls} = client(() => new Promise<Response>(() => {}), {retries: 0});
    const outcome = (p: Promise<unknown>) => {
      const seen = {kind: 'pending'};
      p.catch((e: VtexError) => (seen.kind = e.kind));
      return seen;
    };
    const read = outcome(c.catalog.search({}));
    const write = outcome(c.checkout.addItems('x'.repeat(32), [{id: '1', quantity: 1, seller: '1'}]));
    const after = async (ms: number) => {
      t.mock.timers.tick(ms);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    };
    // The write's code loads on its first call (a real import): the clocks start when both requests are out.
    for (let i = 0; calls.length < 2 && i < 10_000; i++) await new Promise((r) => setImmediate(r));
    assert.equal(calls.length, 2);
    await after(14_999);
    assert.deepEqual([read.kind, write.kind], ['pending', 'pending']);
    await after(1);
    assert.deepEqual([read.kind, write.kind], ['timeout', 'pending']);
    await after(29_999);
    assert.equal(write.kind, 'pending');
    await after(1);
    assert.equal(write.kind, 'timeout');
  });

  it('malformed JSON becomes a bad-response error', async () => {
    const {client: c} = client(() => new Response('{"orderFormId": ', {status: 200}));
    await assert.rejects(c.checkout.getOrderForm(), (e: VtexError) => e.code === 'BAD_RESPONSE');
  });

  it('refuses app keys and tokens in any form', () => {
    const {fetch} = recordingFetch(() => json({}));
    for (const extra of [
      {appKey: 'k'},
      {appToken: 't'},
      {'X-VTEX-API-AppKey': 'k'},
      {headers: {'x-vtex-api-apptoken': 't'}},
    ]) {
      assert.throws(
        () => createVtexClient({api: API, account: 'mystore', fetch, ...extra}),
        (e: VtexError) => e.code === 'APP_KEY_REFUSED' && /never reach a browser/.test(e.message),
      );
    }
  });

  it('rejects a malformed account name', () => {
    assert.throws(() => createVtexClient({api: API, account: 'my store/../x'}), TypeError);
  });
});

describe('client: root-relative image URLs resolve against api (issue 19)', () => {
  it('search, orderForm and order images point at the bridge; absolute ones are kept', async () => {
    const {client: c} = client((req) =>
      req.url.includes('/product-search/')
        ? json({
            products: [
              {
                items: [
                  {
                    images: [
                      {imageUrl: '/arquivos/ids/150101/camiseta.svg'},
                      {imageUrl: 'https://mystore.vteximg.com.br/arquivos/ids/9/x.jpg'},
                    ],
                  },
                ],
              },
            ],
            recordsFiltered: 1,
          })
        : json({
            ...orderForm,
            items: [{id: '101', imageUrl: '/arquivos/ids/150101-55-55/camiseta.svg'}],
            itemMetadata: {items: [{id: '101', imageUrl: '//cdn.example.net/a.jpg'}]},
          }),
    );
    const found = await c.catalog.search({query: 'camiseta'});
    const images = found.products[0]!.items[0]!.images.map((i) => i.imageUrl);
    assert.deepEqual(images, [
      `${API}/arquivos/ids/150101/camiseta.svg`,
      'https://mystore.vteximg.com.br/arquivos/ids/9/x.jpg',
    ]);
    const of = await c.checkout.getOrderForm();
    assert.equal(of.items[0]!.imageUrl, `${API}/arquivos/ids/150101-55-55/camiseta.svg`);
    assert.equal(of.itemMetadata!.items[0]!.imageUrl, '//cdn.example.net/a.jpg');
  });

  it('with api "" (same origin) the URLs stay root-relative, which the page resolves itself', async () => {
    const {client: c} = client(
      () =>
        json({products: [{items: [{images: [{imageUrl: '/arquivos/ids/1/a.svg'}]}]}], recordsFiltered: 1}),
      {api: ''},
    );
    const found = await c.catalog.search({});
    assert.equal(found.products[0]!.items[0]!.images[0]!.imageUrl, '/arquivos/ids/1/a.svg');
  });
});
