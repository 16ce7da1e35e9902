import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ADDRESS, BASE, PROFILE, Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';

const OF = '/api/checkout/pub/orderForm';
const VISA = 2;
const PIX = 125;
const BOLETO = 6;

async function readyCart(paymentSystem = VISA, installments = 1) {
  const {sandbox, clock} = makeSandbox();
  const s = new Shopper(sandbox);
  const id = (await s.body('GET', OF)).body.orderFormId as string;
  await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 2, seller: '1'}]});
  await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, PROFILE);
  await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
  const of = await s.body('GET', `${OF}/${id}`);
  const value = of.body.value as number;
  await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
    payments: [{paymentSystem, installments, value, referenceValue: value}],
  });
  return {sandbox, clock, s, id, value};
}

async function place(s: Shopper, id: string, value: number) {
  return s.body('POST', `${OF}/${id}/transaction`, {
    referenceId: id,
    value,
    referenceValue: value,
    interestValue: 0,
  });
}

function card(number: string) {
  return {
    holderName: 'Ana Silva',
    cardNumber: number,
    validationCode: '123',
    dueDate: '12/30',
    document: '',
    accountId: '',
    address: null,
    callbackUrl: '',
  };
}

async function pay(
  s: Shopper,
  placed: Record<string, any>,
  system: number,
  value: number,
  fields: unknown = {},
  installments = 1,
) {
  const tx = placed.transactionData.merchantTransactions[0];
  return s.call(
    'POST',
    `/api/payments/transactions/${tx.transactionId}/payments?an=sandbox&orderId=${placed.orderGroup}`,
    [
      {
        paymentSystem: system,
        installments,
        currencyCode: 'BRL',
        value,
        installmentsInterestRate: 0,
        installmentsValue: Math.floor(value / installments),
        referenceValue: value,
        fields,
        transaction: {id: tx.transactionId, merchantName: tx.merchantName},
      },
    ],
  );
}

describe('sandbox placement', () => {
  it('places, pays with the approved card and processes: order in OMS, cart finished', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    assert.equal(placed.status, 200);
    const b = placed.body;
    assert.equal(b.orderForm, null);
    assert.equal(b.orders[0].orderId, `${b.orderGroup}-01`);
    assert.equal(b.orders[0].state, 'order-created');
    assert.equal(b.orders[0].value, value);
    assert.equal(
      b.transactionData.merchantTransactions[0].transactionId,
      b.merchantTransactions[0].transactionId,
    );
    assert.match(b.transactionData.merchantTransactions[0].transactionId, /^[0-9A-F]{32}$/);
    assert.ok(b.transactionData.gatewayCallbackTemplatePath.includes(b.orderGroup));
    assert.ok(s.jar.get('Vtex_CHKO_Auth') && s.jar.get('CheckoutDataAccess'));

    const paid = await pay(s, b, VISA, value, card('4111111111111111'));
    assert.equal(paid.status, 201);
    assert.equal(await paid.text(), '');
    const cb = await s.call('POST', `/api/checkout/pub/gatewayCallback/${b.orderGroup}`);
    assert.equal(cb.status, 204);
    const again = await s.call('POST', `/api/checkout/pub/gatewayCallback/${b.orderGroup}`);
    assert.equal(again.status, 204);
    assert.deepEqual(
      sandbox.orders().map((o) => [o.orderId, o.visible, o.status]),
      [[b.orders[0].orderId, true, 'payment-pending']],
      'the callback replayed answers the same order',
    );

    const fresh = await s.body('GET', OF);
    assert.notEqual(fresh.body.orderFormId, id);
    assert.equal(fresh.body.items.length, 0);
    const old = await s.body('POST', `${OF}/${id}/items`, {
      orderItems: [{id: '1', quantity: 1, seller: '1'}],
    });
    assert.equal(old.body.error.code, 'ORD002');
  });

  it('a second placement on the same cart while the first is unfinished leaves exactly one live order', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const first = (await place(s, id, value)).body;
    const firstCookies = new Map(s.jar.cookies); // the first tab's placement cookies
    assert.equal((await pay(s, first, VISA, value, card('4111111111111111'))).status, 201);
    // The shopper places again before the first attempt's gatewayCallback (a second tab, a retried click).
    const second = (await place(s, id, value)).body;
    assert.notEqual(second.orderGroup, first.orderGroup);
    assert.equal((await pay(s, second, VISA, value, card('4111111111111111'))).status, 201);
    assert.equal(
      (await s.call('POST', `/api/checkout/pub/gatewayCallback/${second.orderGroup}`)).status,
      204,
    );
    // The first attempt, finished late by the tab that holds its cookies, can no longer become an order.
    for (const [k, v] of firstCookies) s.jar.cookies.set(k, v);
    const late = await s.call('POST', `/api/checkout/pub/gatewayCallback/${first.orderGroup}`);
    assert.equal(late.status, 500);
    assert.match(((await late.json()) as {error: {message: string}}).error.message, /canceled/);
    const live = sandbox.orders().filter((o) => o.status !== 'canceled');
    assert.deepEqual(
      live.map((o) => o.orderGroup),
      [second.orderGroup],
    );
    assert.deepEqual(
      sandbox.orders().map((o) => [o.orderGroup, o.status, o.visible]),
      [
        [first.orderGroup, 'canceled', false],
        [second.orderGroup, 'payment-pending', true],
      ],
    );
  });

  it('a payment sent late for a superseded placement is refused', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const first = (await place(s, id, value)).body;
    const firstCookies = new Map(s.jar.cookies);
    const second = (await place(s, id, value)).body;
    assert.equal((await pay(s, first, VISA, value, card('4111111111111111'))).status, 400);
    assert.equal((await pay(s, second, VISA, value, card('4111111111111111'))).status, 201);
    assert.equal(
      (await s.call('POST', `/api/checkout/pub/gatewayCallback/${second.orderGroup}`)).status,
      204,
    );
    for (const [k, v] of firstCookies) s.jar.cookies.set(k, v);
    assert.equal((await s.call('POST', `/api/checkout/pub/gatewayCallback/${first.orderGroup}`)).status, 500);
    assert.deepEqual(
      sandbox
        .orders()
        .filter((o) => o.status !== 'canceled')
        .map((o) => o.orderGroup),
      [second.orderGroup],
    );
  });

  it('validates the transaction body and cart state', async () => {
    const {s, id, value} = await readyCart();
    const mismatch = await s.body('POST', `${OF}/${id}/transaction`, {
      referenceId: id,
      value: value + 1,
      referenceValue: value,
      interestValue: 0,
    });
    assert.equal(mismatch.body.error.code, 'CHK0016');
    const {sandbox} = makeSandbox();
    const e = new Shopper(sandbox);
    const eid = (await e.body('GET', OF)).body.orderFormId;
    assert.equal((await place(e, eid, 0)).body.error.code, 'ORD005');
    await e.body('POST', `${OF}/${eid}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
    await e.body('POST', `${OF}/${eid}/attachments/clientProfileData`, PROFILE);
    assert.equal((await place(e, eid, 10000)).body.error.code, 'CHK0175');
    await e.body('POST', `${OF}/${eid}/attachments/shippingData`, {
      selectedAddresses: [{...ADDRESS, postalCode: '99999-999'}],
    });
    assert.equal((await place(e, eid, 10000)).body.error.code, 'CHK0257');
    await e.body('POST', `${OF}/${eid}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
    await e.body('POST', `${OF}/${eid}/attachments/paymentData`, {
      payments: [{paymentSystem: 2, value: 500, referenceValue: 500}],
    });
    const v = (await e.body('GET', `${OF}/${eid}`)).body.value;
    // the single payment follows the cart value; force a mismatch with two payments
    await e.body('POST', `${OF}/${eid}/attachments/paymentData`, {
      payments: [
        {paymentSystem: 2, value: 500, referenceValue: 500},
        {paymentSystem: 6, value: 500, referenceValue: 500},
      ],
    });
    assert.equal((await place(e, eid, v)).body.error.code, 'ORD009');
  });

  it('declined card: 500 with code 001, cart intact, retry succeeds with one visible order', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const first = await place(s, id, value);
    assert.equal((await pay(s, first.body, VISA, value, card('4000000000000002'))).status, 201);
    const cb = await s.call('POST', `/api/checkout/pub/gatewayCallback/${first.body.orderGroup}`);
    assert.equal(cb.status, 500);
    const err = (await cb.json()) as {operationId: string; error: {code: string; message: string}};
    assert.equal(err.error.code, '001');
    assert.equal(typeof err.operationId, 'string');
    const cart = await s.body('GET', OF);
    assert.equal(cart.body.orderFormId, id);
    assert.equal(cart.body.items.length, 1);

    const second = await place(s, id, value);
    assert.notEqual(second.body.orderGroup, first.body.orderGroup);
    assert.equal((await pay(s, second.body, VISA, value, card('4111111111111111'))).status, 201);
    assert.equal(
      (await s.call('POST', `/api/checkout/pub/gatewayCallback/${second.body.orderGroup}`)).status,
      204,
    );
    const orders = sandbox.orders();
    assert.equal(orders.length, 2);
    assert.deepEqual(
      orders.map((o) => o.visible),
      [false, true],
    );
    assert.equal(orders[0]!.status, 'canceled');
  });

  it('validates payment bodies: amounts, Luhn, card fields, unknown transaction', async () => {
    const {s, id, value} = await readyCart();
    const placed = (await place(s, id, value)).body;
    assert.equal((await pay(s, placed, VISA, value - 1, card('4111111111111111'))).status, 400);
    assert.equal((await pay(s, placed, VISA, value, card('4111111111111112'))).status, 400);
    assert.equal(
      (await pay(s, placed, VISA, value, {...card('4111111111111111'), validationCode: 'x'})).status,
      400,
    );
    assert.equal(
      (await pay(s, placed, VISA, value, {...card('4111111111111111'), dueDate: '01/20'})).status,
      400,
    );
    const unknown = await s.call('POST', `/api/pub/transactions/${'A'.repeat(32)}/payments?orderId=x`, []);
    assert.equal(unknown.status, 404);
    // the vtexpayments-style route works too
    const tx = placed.transactionData.merchantTransactions[0].transactionId;
    const ok = await s.call('POST', `/api/pub/transactions/${tx}/payments?orderId=${placed.orderGroup}`, [
      {
        paymentSystem: VISA,
        installments: 1,
        value,
        referenceValue: value,
        fields: card('4111111111111111'),
        transaction: {id: tx},
      },
    ]);
    assert.equal(ok.status, 201);
  });

  it('Pix answers 428 with the payment app payload and stays payment-pending', async () => {
    const {sandbox, s, id, value} = await readyCart(PIX);
    const placed = (await place(s, id, value)).body;
    assert.equal((await pay(s, placed, PIX, value)).status, 201);
    const cb = await s.call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}`);
    assert.equal(cb.status, 428);
    const body = (await cb.json()) as Record<string, any>;
    assert.ok(body.RedirectResponseCollection[0].redirectUrl);
    assert.equal(body.paymentAuthorizationAppCollection[0].appName, 'vtex.pix-payment');
    assert.equal(
      body.paymentAuthorizationAppCollection[0].appPayload.transactionId,
      placed.transactionData.merchantTransactions[0].transactionId,
    );
    assert.equal(sandbox.orders()[0]!.status, 'payment-pending');
    // The redirectUrl opens a page: the amount, the copy-and-paste code, the expiry, all as text.
    const url = body.RedirectResponseCollection[0].redirectUrl as string;
    const page = await s.call('GET', url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
    const html = await page.text();
    assert.ok(html.includes(body.paymentAuthorizationAppCollection[0].appPayload.code), 'the Pix code');
    assert.ok(html.includes(placed.orderGroup), 'the order');
    assert.match(html, /R\$\s?\d/, 'the amount in reais');
    assert.doesNotMatch(html, /<script/i);
    assert.equal(
      (await s.call('GET', `/_sandbox/pix/${'0'.repeat(32)}`)).status,
      404,
      'an unknown transaction',
    );
  });

  it('a card payment has no Pix page', async () => {
    const {s, id, value} = await readyCart(VISA);
    const placed = (await place(s, id, value)).body;
    const tid = placed.transactionData.merchantTransactions[0].transactionId as string;
    assert.equal((await s.call('GET', `/_sandbox/pix/${tid}`)).status, 404);
  });

  it('Boleto is accepted as pending (204)', async () => {
    const {sandbox, s, id, value} = await readyCart(BOLETO);
    const placed = (await place(s, id, value)).body;
    assert.equal((await pay(s, placed, BOLETO, value)).status, 201);
    assert.equal(
      (await s.call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}`)).status,
      204,
    );
    assert.equal(sandbox.orders()[0]!.status, 'payment-pending');
    assert.equal(sandbox.orders()[0]!.visible, true);
  });

  it('refuses gatewayCallback without the placement cookies', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const placed = (await place(s, id, value)).body;
    await pay(s, placed, VISA, value, card('4111111111111111'));
    const res = await sandbox.fetch(
      new Request(`${BASE}/api/checkout/pub/gatewayCallback/${placed.orderGroup}`, {method: 'POST'}),
    );
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as {error: {code: string}}).error.code, 'CHK003');
    assert.equal(sandbox.orders()[0]!.visible, false);
  });

  it('cancels after the 5-minute window: incomplete, error callback, no duplicate order', async () => {
    const {sandbox, clock, s, id, value} = await readyCart();
    const placed = (await place(s, id, value)).body;
    await pay(s, placed, VISA, value, card('4111111111111111'));
    clock.advance(5 * 60_000 + 1);
    const cb = await s.call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}`);
    assert.equal(cb.status, 500);
    const orders = sandbox.orders();
    assert.equal(orders.length, 1);
    assert.equal(orders[0]!.status, 'canceled');
    assert.deepEqual(orders[0]!.tags, ['incomplete']);
    assert.equal(orders[0]!.visible, false);
    assert.equal(
      (await s.call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}`)).status,
      500,
    );
    assert.equal(sandbox.orders().length, 1);
    // the cart survives so the shopper can try again
    assert.equal((await s.body('GET', OF)).body.orderFormId, id);
  });
});
