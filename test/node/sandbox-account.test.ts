import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ADDRESS, BASE, PROFILE, Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';
import type {Sandbox} from '../../src/sandbox/sandbox.js';

const OF = '/api/checkout/pub/orderForm';

async function login(
  sandbox: Sandbox,
  email: string,
  returnUrl = '/account',
): Promise<{res: Response; token: string}> {
  const body = new URLSearchParams({email, code: '123456', returnUrl});
  const res = await sandbox.fetch(
    new Request(`${BASE}/login`, {
      method: 'POST',
      body,
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    }),
  );
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('VtexIdclientAutCookie_sandbox='));
  return {res, token: cookie ? cookie.split(';')[0]!.split('=')[1]! : ''};
}

async function buy(sandbox: Sandbox, email: string, quantity = 1): Promise<string> {
  const s = new Shopper(sandbox);
  const id = (await s.body('GET', OF)).body.orderFormId;
  await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity, seller: '1'}]});
  await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, {...PROFILE, email});
  const value = (await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]}))
    .body.value;
  await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
    payments: [{paymentSystem: 2, value, referenceValue: value}],
  });
  const placed = (
    await s.body('POST', `${OF}/${id}/transaction`, {
      referenceId: id,
      value,
      referenceValue: value,
      interestValue: 0,
    })
  ).body;
  const tx = placed.transactionData.merchantTransactions[0].transactionId;
  const fields = {holderName: 'A', cardNumber: '4111111111111111', validationCode: '123', dueDate: '12/30'};
  await s.call('POST', `/api/payments/transactions/${tx}/payments?orderId=${placed.orderGroup}`, [
    {paymentSystem: 2, installments: 1, value, referenceValue: value, fields, transaction: {id: tx}},
  ]);
  assert.equal((await s.call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}`)).status, 204);
  return placed.orders[0].orderId;
}

function oms(sandbox: Sandbox, path: string, token?: string, viaCookie = false) {
  const headers: Record<string, string> = {};
  if (token && viaCookie) headers.Cookie = `VtexIdclientAutCookie_sandbox=${token}`;
  else if (token) headers.VtexIdclientAutCookie = token;
  return sandbox.fetch(new Request(BASE + path, {headers}));
}

describe('sandbox login', () => {
  it('serves a self-contained HTML login page with a no-JS form and the access code hint', async () => {
    const {sandbox} = makeSandbox();
    const res = await sandbox.fetch(new Request(`${BASE}/login?returnUrl=/cart`));
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /<form method="post" action="\/login">/);
    assert.match(page, /name="email"/);
    assert.doesNotMatch(page, /<script|https?:\/\//);
    const step2 = await sandbox.fetch(
      new Request(`${BASE}/login`, {
        method: 'POST',
        body: new URLSearchParams({email: 'ana@example.com', returnUrl: '/cart'}),
      }),
    );
    const html = await step2.text();
    assert.match(html, /123456/);
    assert.match(html, /name="code"/);
    const wrong = await sandbox.fetch(
      new Request(`${BASE}/login`, {
        method: 'POST',
        body: new URLSearchParams({email: 'ana@example.com', code: '000000'}),
      }),
    );
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.getSetCookie().length, 0);
  });

  it('sets the signed token cookie and redirects only to allowed return URLs', async () => {
    const {sandbox} = makeSandbox({allowedReturnOrigins: ['https://cms.example.com']});
    const same = await login(sandbox, 'ana@example.com', '/account?x=1');
    assert.equal(same.res.status, 303);
    assert.equal(same.res.headers.get('Location'), '/account?x=1');
    const cookie = same.res.headers
      .getSetCookie()
      .find((c) => c.startsWith('VtexIdclientAutCookie_sandbox='))!;
    for (const a of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=86400']) assert.ok(cookie.includes(a), a);
    assert.equal(same.token.split('.').length, 3);
    assert.equal(
      (await login(sandbox, 'ana@example.com', 'https://cms.example.com/p')).res.headers.get('Location'),
      'https://cms.example.com/p',
    );
    assert.equal(
      (await login(sandbox, 'ana@example.com', 'https://evil.example.net/p')).res.headers.get('Location'),
      '/',
    );
    assert.equal(
      (await login(sandbox, 'ana@example.com', '//evil.example.net/p')).res.headers.get('Location'),
      '/',
    );
    assert.equal(
      (await login(sandbox, 'ana@example.com', 'javascript:alert(1)')).res.headers.get('Location'),
      '/',
    );

    const validate = await sandbox.fetch(
      new Request(`${BASE}/api/vtexid/credential/validate`, {
        method: 'POST',
        body: JSON.stringify({token: same.token}),
      }),
    );
    assert.equal(((await validate.json()) as {user: string}).user, 'ana@example.com');
    const tampered = same.token.slice(0, -2) + (same.token.endsWith('AA') ? 'BB' : 'AA');
    const bad = await sandbox.fetch(
      new Request(`${BASE}/api/vtexid/credential/validate`, {
        method: 'POST',
        body: JSON.stringify({token: tampered}),
      }),
    );
    assert.equal(bad.status, 401);
    const out = await sandbox.fetch(new Request(`${BASE}/logout?returnUrl=/`));
    assert.equal(out.status, 303);
    assert.ok(
      out.headers
        .getSetCookie()
        .some((c) => c.startsWith('VtexIdclientAutCookie_sandbox=;') && c.includes('Max-Age=0')),
    );
  });

  it('runs the VTEX ID access-key flow', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const start = await s.body('GET', '/api/vtexid/pub/authentication/start?scope=sandbox');
    assert.ok(start.body.authenticationToken);
    assert.equal(
      (await s.call('POST', '/api/vtexid/pub/authentication/accesskey/send?email=bad')).status,
      400,
    );
    assert.equal(
      (await s.call('POST', '/api/vtexid/pub/authentication/accesskey/send?email=ana@example.com')).status,
      200,
    );
    const form = new FormData();
    form.set('login', 'ana@example.com');
    form.set('accessKey', '123456');
    const res = s.jar.store(
      await sandbox.fetch(
        new Request(`${BASE}/api/vtexid/pub/authentication/accesskey/validate`, {
          method: 'POST',
          body: form,
          headers: {Cookie: s.jar.header()},
        }),
      ),
    );
    const b = (await res.json()) as {
      authStatus: string;
      authCookie: {Name: string; Value: string};
      expiresIn: number;
    };
    assert.equal(b.authStatus, 'Success');
    assert.equal(b.authCookie.Name, 'VtexIdclientAutCookie_sandbox');
    const session = await s.body('GET', '/api/sessions?items=profile.isAuthenticated,profile.email');
    assert.equal(session.body.namespaces.profile.isAuthenticated.value, 'true');
    assert.equal(session.body.namespaces.profile.email.value, 'ana@example.com');
  });

  it('creates and patches sessions and reports segments', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const created = await s.body('POST', '/api/sessions', {
      public: {postalCode: {value: '22250-040'}, country: {value: 'BRA'}},
    });
    assert.equal(created.status, 201);
    assert.ok(created.body.sessionToken && created.body.segmentToken);
    await s.body('PATCH', '/api/sessions', {public: {utm_source: {value: 'news'}}});
    const got = await s.body('GET', '/api/sessions');
    assert.equal(got.body.namespaces.public.utm_source.value, 'news');
    assert.equal(got.body.namespaces.profile.isAuthenticated.value, 'false');
    assert.ok(got.body.namespaces.checkout.regionId.value);
    const seg = await s.body('GET', '/api/segments');
    assert.equal(seg.body.currencyCode, 'BRL');
    assert.equal(seg.body.utm_source, 'news');
  });
});

describe('sandbox OMS', () => {
  it('401 without a token, orders only for the token email, newest first, paging', async () => {
    const {sandbox, clock} = makeSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await buy(sandbox, 'ana@example.com', i + 1));
      clock.advance(1000);
    }
    const bobOrder = await buy(sandbox, 'bob@example.com');
    assert.equal((await oms(sandbox, '/api/oms/user/orders')).status, 401);
    const ana = (await login(sandbox, 'ana@example.com')).token;
    const bob = (await login(sandbox, 'bob@example.com')).token;
    const list = (await (await oms(sandbox, '/api/oms/user/orders?page=1&per_page=2', ana)).json()) as Record<
      string,
      any
    >;
    assert.deepEqual(list.paging, {total: 3, pages: 2, currentPage: 1, perPage: 2});
    assert.deepEqual(
      list.list.map((o: {orderId: string}) => o.orderId),
      [ids[2], ids[1]],
    );
    assert.equal(list.list[0].totalValue, 30000 + 1200);
    assert.equal(list.list[0].currencyCode, 'BRL');
    const page2 = (await (
      await oms(sandbox, '/api/oms/user/orders?page=2&per_page=2', ana, true)
    ).json()) as Record<string, any>;
    assert.deepEqual(
      page2.list.map((o: {orderId: string}) => o.orderId),
      [ids[0]],
    );
    assert.equal((await oms(sandbox, `/api/oms/user/orders/${bobOrder}`, ana)).status, 404);
    const mine = await oms(sandbox, `/api/oms/user/orders/${bobOrder}`, bob);
    assert.equal(mine.status, 200);
    const detail = (await mine.json()) as Record<string, any>;
    assert.equal(detail.orderId, bobOrder);
    assert.equal(detail.clientProfileData.email, 'bob@example.com');
    assert.equal(detail.storePreferencesData.currencyFormatInfo.CurrencyDecimalDigits, 2);
    assert.equal(detail.paymentData.transactions[0].payments[0].lastDigits, '1111');
  });

  it('advances statuses with the injected clock and expires tokens after 24 h', async () => {
    const {sandbox, clock} = makeSandbox();
    const id = await buy(sandbox, 'ana@example.com');
    const token = (await login(sandbox, 'ana@example.com')).token;
    const status = async () =>
      ((await (await oms(sandbox, `/api/oms/user/orders/${id}`, token)).json()) as {status: string}).status;
    assert.equal(await status(), 'payment-pending');
    clock.advance(60_000);
    assert.equal(await status(), 'payment-approved');
    clock.advance(60_000);
    assert.equal(await status(), 'ready-for-handling');
    clock.advance(8 * 60_000);
    assert.equal(await status(), 'handling');
    clock.advance(50 * 60_000);
    assert.equal(await status(), 'invoiced');
    clock.advance(24 * 3600_000);
    assert.equal((await oms(sandbox, '/api/oms/user/orders', token)).status, 401);
  });
});
