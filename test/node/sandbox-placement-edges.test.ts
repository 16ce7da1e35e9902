/**
 * The sandbox's three-step placement pinned exactly (src/sandbox/checkout/placement.ts; mutants that survived
 * the other sandbox files): every refusal of the transaction, of the payments and of the gatewayCallback with its
 * status, code, message and fields; the place-order answer and its cookies; card checks; the 5-minute window to
 * the millisecond; the replayed callback; the Pix payload and page; the OMS status timeline and its dates.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {reachedAt} from '../../src/sandbox/checkout/placement.js';
import type {Placement} from '../../src/sandbox/checkout/state.js';
import type {Sandbox, SandboxOptions} from '../../src/sandbox/sandbox.js';
import {ADDRESS, BASE, PROFILE, Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';

const OF = '/api/checkout/pub/orderForm';
const ACCOUNT = 'lojademo';
const VISA = 2;
const MASTERCARD = 4;
const PIX = 125;
const BOLETO = 6;
const WINDOW = 5 * 60_000;
const T0 = Date.UTC(2026, 0, 15, 12);
const iso = (ms: number) => new Date(ms).toISOString();

type Body = Record<string, any>;

/** A cart with SKU 1 × quantity, the profile, the Rio address (Normal delivery) and one payment. */
async function readyCart(
  options: {system?: number; quantity?: number; email?: string; sandbox?: SandboxOptions} = {},
) {
  const {sandbox, clock} = makeSandbox({account: ACCOUNT, ...options.sandbox});
  const s = new Shopper(sandbox);
  const id = (await s.body('GET', OF)).body.orderFormId as string;
  await s.body('POST', `${OF}/${id}/items`, {
    orderItems: [{id: '1', quantity: options.quantity ?? 1, seller: '1'}],
  });
  await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, {
    ...PROFILE,
    email: options.email ?? PROFILE.email,
  });
  const value = (await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]}))
    .body.value as number;
  await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
    payments: [{paymentSystem: options.system ?? VISA, value, referenceValue: value}],
  });
  return {sandbox, clock, s, id, value};
}

function transaction(s: Shopper, id: string, body: unknown) {
  return s.body('POST', `${OF}/${id}/transaction`, body);
}

async function place(s: Shopper, id: string, value: number): Promise<Body> {
  const r = await transaction(s, id, {referenceId: id, value, referenceValue: value, interestValue: 0});
  assert.equal(r.status, 200);
  return r.body;
}

const txOf = (placed: Body) => placed.transactionData.merchantTransactions[0].transactionId as string;

function card(number = '4111111111111111', extra: Record<string, unknown> = {}) {
  return {holderName: 'Ana Silva', cardNumber: number, validationCode: '123', dueDate: '12/30', ...extra};
}

/** One payment entry as step 2 sends it. */
function entry(placed: Body, system: number, value: number, fields: unknown = {}) {
  return {
    paymentSystem: system,
    installments: 1,
    currencyCode: 'BRL',
    value,
    installmentsInterestRate: 0,
    installmentsValue: value,
    referenceValue: value,
    fields,
    transaction: {id: txOf(placed), merchantName: ACCOUNT},
  };
}

async function pay(s: Shopper, placed: Body, body: unknown, query = `?orderId=${placed.orderGroup}`) {
  const res = await s.call('POST', `/api/payments/transactions/${txOf(placed)}/payments${query}`, body);
  const text = await res.text();
  return {status: res.status, body: text ? (JSON.parse(text) as Body) : null};
}

async function callback(s: Shopper, placed: Body, suffix = '') {
  const res = await s.call('POST', `/api/checkout/pub/gatewayCallback/${placed.orderGroup}${suffix}`);
  const text = await res.text();
  return {status: res.status, body: text ? (JSON.parse(text) as Body) : null};
}

/** Places, pays with `fields` and processes. */
async function buy(s: Shopper, id: string, value: number, system = VISA, fields: unknown = card()) {
  const placed = await place(s, id, value);
  assert.equal((await pay(s, placed, [entry(placed, system, value, fields)])).status, 201);
  return {placed, cb: await callback(s, placed)};
}

const omsErr = (code: string, message: string) => ({error: {code, message, exception: null}});

/** The Checkout error envelope, operationId aside. */
function checkoutErr(r: {status: number; body: Body}) {
  assert.match(r.body.operationId, /^[0-9a-f-]{36}$/);
  return [r.status, r.body.error.code, r.body.error.message, r.body.fields, r.body.error.exception];
}

async function login(sandbox: Sandbox, email: string): Promise<string> {
  const body = new URLSearchParams({email, code: '123456', returnUrl: '/account'});
  const res = await sandbox.fetch(
    new Request(`${BASE}/login`, {
      method: 'POST',
      body,
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    }),
  );
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`VtexIdclientAutCookie_${ACCOUNT}=`))!;
  return cookie.split(';')[0]!.split('=')[1]!;
}

async function omsOrder(sandbox: Sandbox, token: string, orderId: string): Promise<Body> {
  const res = await sandbox.fetch(
    new Request(`${BASE}/api/oms/user/orders/${orderId}`, {headers: {VtexIdclientAutCookie: token}}),
  );
  assert.equal(res.status, 200);
  return (await res.json()) as Body;
}

async function omsList(sandbox: Sandbox, token: string): Promise<Body[]> {
  const res = await sandbox.fetch(
    new Request(`${BASE}/api/oms/user/orders`, {headers: {VtexIdclientAutCookie: token}}),
  );
  return ((await res.json()) as {list: Body[]}).list;
}

const statuses = (sandbox: Sandbox) => sandbox.orders().map((o) => [o.status, o.visible, o.tags]);

describe('sandbox placement, step 1: the transaction', () => {
  it('refuses each unmet precondition in turn with its exact status, code, message and fields', async () => {
    const {sandbox} = makeSandbox({account: ACCOUNT});
    const s = new Shopper(sandbox);
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    const ok = {referenceId: id, value: 11000, referenceValue: 11000, interestValue: 0};
    const refusal = async (body: unknown) => checkoutErr(await transaction(s, id, body));
    const REQUIRED = [400, 'CHK0016', 'value, referenceValue and interestValue are required', {}, null];

    assert.deepEqual(await refusal({value: 1}), [
      400,
      'ORD002',
      'Invalid order form: referenceId must be the orderFormId',
      {referenceId: ''},
      null,
    ]);
    assert.deepEqual((await refusal({...ok, referenceId: 'f'.repeat(32)})).slice(0, 4), [
      400,
      'ORD002',
      'Invalid order form: referenceId must be the orderFormId',
      {referenceId: 'f'.repeat(32)},
    ]);
    assert.deepEqual(await refusal({...ok, value: undefined}), REQUIRED);
    assert.deepEqual(await refusal({...ok, referenceValue: '11000'}), REQUIRED);
    assert.deepEqual(await refusal({...ok, interestValue: null}), REQUIRED);
    // JSON has no Infinity, but 1e999 parses to it: not a usable amount.
    const infinite = await sandbox.fetch(
      s.jar.request(`${BASE}${OF}/${id}/transaction`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: `{"referenceId":"${id}","value":1e999,"referenceValue":11000,"interestValue":0}`,
      }),
    );
    assert.deepEqual(checkoutErr({status: infinite.status, body: (await infinite.json()) as Body}), REQUIRED);

    assert.deepEqual(await refusal(ok), [500, 'ORD005', 'The order has no items', {}, null]);
    // One sold-out line is enough to refuse the order.
    await s.body('POST', `${OF}/${id}/items`, {
      orderItems: [
        {id: '1', quantity: 1, seller: '1'},
        {id: '3', quantity: 1, seller: '1'},
      ],
    });
    assert.deepEqual(await refusal(ok), [400, 'ORD023', 'The order has unavailable items', {}, null]);
    await s.body('POST', `${OF}/${id}/items/update`, {orderItems: [{index: 1, quantity: 0}]});
    assert.deepEqual(await refusal(ok), [
      400,
      'ORD007',
      'Client profile data is required',
      {email: ''},
      null,
    ]);
    await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, PROFILE);
    assert.deepEqual(await refusal(ok), [400, 'CHK0175', 'Shipping data is required', {}, null]);
    await s.body('POST', `${OF}/${id}/attachments/shippingData`, {
      selectedAddresses: [{...ADDRESS, postalCode: '99999-999'}],
    });
    assert.deepEqual(await refusal(ok), [
      400,
      'CHK0257',
      'No SLA selected for item 0',
      {itemIndex: '0'},
      null,
    ]);
    await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
    const MISMATCH = 'value must equal referenceValue plus interestValue';
    assert.deepEqual(await refusal({...ok, value: 11001}), [
      400,
      'CHK0016',
      MISMATCH,
      {value: '11001', referenceValue: '11000'},
      null,
    ]);
    // The sandbox's installments carry no interest: a consistent sum with interest is still refused.
    assert.deepEqual(await refusal({...ok, value: 11100, interestValue: 100}), [
      400,
      'CHK0016',
      MISMATCH,
      {value: '11100', referenceValue: '11000'},
      null,
    ]);
    assert.deepEqual(await refusal({...ok, value: 10999, referenceValue: 10999}), [
      400,
      'ORD022',
      'The cart data is outdated: referenceValue differs from the cart value',
      {referenceValue: '10999'},
      null,
    ]);
    const PAYMENT = 'The payment value differs from the order value';
    assert.deepEqual(await refusal(ok), [400, 'ORD009', PAYMENT, {value: '0'}, null]);
    await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [
        {paymentSystem: VISA, value: 6000, referenceValue: 6000},
        {paymentSystem: BOLETO, value: 4000, referenceValue: 4000},
      ],
    });
    assert.deepEqual(await refusal(ok), [400, 'ORD009', PAYMENT, {value: '10000'}, null]);
    await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [
        {paymentSystem: VISA, value: 6000, referenceValue: 6000},
        {paymentSystem: BOLETO, value: 5000, referenceValue: 5000},
      ],
    });
    // Now it places, with both payments; nothing was created by the refusals.
    assert.deepEqual(sandbox.orders(), []);
    const placed = await place(s, id, 11000);
    assert.deepEqual(
      placed.merchantTransactions[0].payments.map((p: Body) => [p.paymentSystem, p.value]),
      [
        [VISA, 6000],
        [BOLETO, 5000],
      ],
    );
    assert.equal(sandbox.orders().length, 1);
  });

  it('accepts the orderFormId in upper case as referenceId', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const r = await transaction(s, id, {
      referenceId: id.toUpperCase(),
      value,
      referenceValue: value,
      interestValue: 0,
    });
    assert.equal(r.status, 200);
    assert.deepEqual(
      sandbox.orders().map((o) => o.orderFormId),
      [id],
    );
  });

  it('answers the spec shape: transaction data, the order as placed, and the two placement cookies', async () => {
    const {sandbox, s, id} = await readyCart({quantity: 2});
    const withCoupon = await s.body('POST', `${OF}/${id}/coupons`, {text: 'SUMMER10'});
    const value = withCoupon.body.value as number;
    assert.equal(value, 19100);
    const r = await transaction(s, id, {referenceId: id, value, referenceValue: value, interestValue: 0});
    const b = r.body;
    const group = b.orderGroup as string;
    const tx = txOf(b);
    assert.match(group, /^\d{13}$/);
    assert.match(tx, /^[0-9A-F]{32}$/);
    const txPayments = [
      {
        paymentSystem: VISA,
        bin: null,
        accountId: null,
        tokenId: null,
        value,
        referenceValue: value,
        giftCardRedemptionCode: null,
        giftCardProvider: null,
        giftCardId: null,
      },
    ];
    const merchantTransactions = [
      {id: 'LOJADEMO', transactionId: tx, merchantName: ACCOUNT, payments: txPayments},
    ];
    assert.deepEqual(
      {...b, orders: undefined},
      {
        orderForm: null,
        transactionData: {
          merchantTransactions,
          receiverUri: `${BASE}/split/${group}/payments`,
          gatewayCallbackTemplatePath: `/checkout/gatewayCallback/${group}/{messageCode}`,
        },
        orders: undefined,
        orderGroup: group,
        merchantTransactions,
      },
    );
    const o = b.orders[0];
    assert.equal(b.orders.length, 1);
    assert.match(o.followUpEmail, /^[0-9a-f]{32}@ct\.vtex\.com\.br$/);
    const created = iso(T0);
    assert.deepEqual(
      {...o, items: undefined, shippingData: undefined, itemMetadata: undefined, followUpEmail: undefined},
      {
        orderId: `${group}-01`,
        orderGroup: group,
        state: 'order-created',
        isCheckedIn: false,
        sellerOrderId: `00-${group}-01`,
        storeId: null,
        checkedInPickupPointId: null,
        value: 19100,
        items: undefined,
        sellers: [{id: '1', name: ACCOUNT, logo: null}],
        totals: [
          {id: 'Items', name: 'Total dos Itens', value: 20000},
          {id: 'Discounts', name: 'Total dos Descontos', value: -2000},
          {id: 'Shipping', name: 'Total do Frete', value: 1100},
          {id: 'Tax', name: 'Total da Taxa', value: 0},
        ],
        clientProfileData: {
          email: PROFILE.email,
          firstName: 'Ana',
          lastName: 'Silva',
          document: '52998224725',
          documentType: 'cpf',
          phone: '+5521999990000',
          corporateName: null,
          tradeName: null,
          corporateDocument: null,
          stateInscription: null,
          corporatePhone: null,
          isCorporate: false,
          profileCompleteOnLoading: false,
          profileErrorOnLoading: false,
          customerClass: null,
        },
        ratesAndBenefitsData: {
          attachmentId: 'ratesAndBenefitsData',
          rateAndBenefitsIdentifiers: [],
          teaser: [],
        },
        shippingData: undefined,
        paymentData: {
          attachmentId: 'paymentData',
          transactionId: tx,
          payments: txPayments,
          giftCards: [],
          transactions: [{isActive: true, transactionId: tx, merchantName: ACCOUNT, payments: txPayments}],
          merchantName: ACCOUNT,
        },
        clientPreferencesData: {
          attachmentId: 'clientPreferencesData',
          locale: 'pt-BR',
          optinNewsLetter: null,
        },
        commercialConditionData: null,
        giftRegistryData: null,
        marketingData: {
          coupon: 'SUMMER10',
          utmSource: null,
          utmMedium: null,
          utmCampaign: null,
          utmipage: null,
          utmiPart: null,
          utmiCampaign: null,
          marketingTags: [],
        },
        storePreferencesData: withCoupon.body.storePreferencesData,
        openTextField: null,
        invoiceData: null,
        itemMetadata: undefined,
        taxData: null,
        customData: null,
        hooksData: null,
        changeData: null,
        subscriptionData: null,
        salesChannel: '1',
        followUpEmail: undefined,
        creationDate: created,
        lastChange: created,
        timeZoneCreationDate: created,
        timeZoneLastChange: created,
        isCompleted: false,
        hostName: ACCOUNT,
        merchantName: null,
        userType: null,
        roundingError: 0,
        allowEdition: false,
        allowCancellation: false,
        isUserDataVisible: true,
        allowChangeSeller: false,
        orderFormCreationDate: created,
      },
    );
    assert.deepEqual(o.items, withCoupon.body.items);
    assert.deepEqual(o.itemMetadata, withCoupon.body.itemMetadata);
    const {address} = withCoupon.body.shippingData;
    assert.deepEqual(o.shippingData, {
      attachmentId: 'shippingData',
      ...(await s.body('GET', `${OF}/${id}`)).body.shippingData,
    });
    assert.equal(o.shippingData.address.addressId, address.addressId);

    const cookies = r.res.headers.getSetCookie();
    assert.equal(cookies.length, 2);
    assert.match(
      cookies[0]!,
      /^Vtex_CHKO_Auth=[0-9a-f]{64}; Max-Age=300; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    assert.match(
      cookies[1]!,
      /^CheckoutDataAccess=[0-9a-f]{64}; Max-Age=300; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    assert.notEqual(s.jar.get('Vtex_CHKO_Auth'), s.jar.get('CheckoutDataAccess'));

    assert.deepEqual(sandbox.orders(), [
      {
        orderId: `${group}-01`,
        orderGroup: group,
        sequence: '500001',
        orderFormId: id,
        email: PROFILE.email,
        clientName: 'Ana Silva',
        value: 19100,
        totalItems: 2,
        status: 'order-created',
        visible: false,
        tags: [],
        creationDate: created,
        paymentNames: 'Visa',
      },
    ]);
    // The next placement takes the next sequence number.
    const again = await place(s, id, value);
    assert.deepEqual(
      sandbox.orders().map((x) => [x.orderGroup, x.sequence]),
      [
        [group, '500001'],
        [again.orderGroup, '500002'],
      ],
    );
  });

  it('a free-shipping order totals the freight and its discount apart', async () => {
    const {s, id} = await readyCart();
    const value = (await s.body('POST', `${OF}/${id}/coupons`, {text: 'FRETEGRATIS'})).body.value as number;
    assert.equal(value, 10000);
    const placed = await place(s, id, value);
    assert.deepEqual(placed.orders[0].totals, [
      {id: 'Items', name: 'Total dos Itens', value: 10000},
      {id: 'Discounts', name: 'Total dos Descontos', value: -1000},
      {id: 'Shipping', name: 'Total do Frete', value: 1000},
      {id: 'Tax', name: 'Total da Taxa', value: 0},
    ]);
  });

  it('the order as placed carries the full profile of a known shopper, never the masked one', async () => {
    const {sandbox} = makeSandbox({account: ACCOUNT});
    const s = new Shopper(sandbox);
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
    await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, {
      ...PROFILE,
      email: 'clark.kent@example.com',
      firstName: 'Clark',
      lastName: 'Kent',
    });
    await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
    await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [{paymentSystem: VISA, value: 11000, referenceValue: 11000}],
    });
    // A stranger's tab cannot see the profile, yet the order placed from the owner's tab has it all.
    s.jar.cookies.delete('CheckoutOrderFormOwnership');
    const placed = await place(s, id, 11000);
    const o = placed.orders[0];
    assert.deepEqual(
      [o.clientProfileData.email, o.clientProfileData.firstName, o.shippingData.address.street],
      ['clark.kent@example.com', 'Clark', 'Praia de Botafogo'],
    );
  });

  it('a new attempt supersedes only the unfinished attempts of the same cart', async () => {
    const a = await readyCart();
    const first = await place(a.s, a.id, a.value);
    // A declined attempt is over: it stays declined, not incomplete, when the shopper retries.
    assert.equal(
      (await pay(a.s, first, [entry(first, VISA, a.value, card('4000000000000002'))])).status,
      201,
    );
    assert.equal((await callback(a.s, first)).status, 500);
    const second = await place(a.s, a.id, a.value);
    assert.deepEqual(statuses(a.sandbox), [
      ['canceled', false, []],
      ['order-created', false, []],
    ]);
    const third = await place(a.s, a.id, a.value);
    assert.deepEqual(
      a.sandbox.orders().map((o) => [o.orderGroup, o.status, o.tags]),
      [
        [first.orderGroup, 'canceled', []],
        [second.orderGroup, 'canceled', ['incomplete']],
        [third.orderGroup, 'order-created', []],
      ],
    );

    // Another shopper placing their own cart in the same sandbox does not touch this one.
    const other = new Shopper(a.sandbox);
    const oid = (await other.body('GET', OF)).body.orderFormId as string;
    await other.body('POST', `${OF}/${oid}/items`, {orderItems: [{id: '2', quantity: 1, seller: '1'}]});
    await other.body('POST', `${OF}/${oid}/attachments/clientProfileData`, PROFILE);
    const ov = (
      await other.body('POST', `${OF}/${oid}/attachments/shippingData`, {selectedAddresses: [ADDRESS]})
    ).body.value as number;
    await other.body('POST', `${OF}/${oid}/attachments/paymentData`, {
      payments: [{paymentSystem: BOLETO, value: ov, referenceValue: ov}],
    });
    await place(other, oid, ov);
    assert.equal((await pay(a.s, third, [entry(third, VISA, a.value, card())])).status, 201);
    assert.equal((await callback(a.s, third)).status, 204);
  });
});

describe('sandbox placement, step 2: the payments', () => {
  it('refuses unusable payment bodies with the OMS error envelope', async () => {
    const {s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    const good = entry(placed, VISA, value, card());
    const cases: [unknown, number, Body][] = [
      [{}, 400, omsErr('MissingRequestData', 'Body must be an array')],
      [[], 400, omsErr('1', 'Payments do not match the transaction')],
      [[good, good], 400, omsErr('1', 'Payments do not match the transaction')],
      [['visa'], 400, omsErr('MissingRequestData', 'Invalid payment 0')],
      [
        [{...good, paymentSystem: MASTERCARD}],
        400,
        omsErr('1', 'paymentSystem of payment 0 differs from the placed order'),
      ],
      [[{...good, value: value - 1}], 400, omsErr('1', 'value of payment 0 differs from the placed order')],
      [
        [{...good, referenceValue: value + 1}],
        400,
        omsErr('1', 'referenceValue of payment 0 differs from the placed order'),
      ],
      [
        [{...good, installments: 2}],
        400,
        omsErr('1', 'installments of payment 0 differs from the placed order'),
      ],
      [[{...good, currencyCode: 'USD'}], 400, omsErr('1', 'currencyCode of payment 0 must be BRL')],
      [
        [{...good, transaction: {id: 'A'.repeat(32)}}],
        400,
        omsErr('1', 'transaction.id of payment 0 does not match'),
      ],
    ];
    for (const [body, status, expected] of cases) {
      assert.deepEqual(
        await pay(s, placed, body),
        {status, body: expected},
        JSON.stringify(body).slice(0, 80),
      );
    }
    const badJson = await s.sandbox.fetch(
      new Request(`${BASE}/api/payments/transactions/${txOf(placed)}/payments`, {method: 'POST', body: '[{'}),
    );
    assert.equal(badJson.status, 400);
    assert.deepEqual(await badJson.json(), omsErr('MissingRequestData', 'Body must be an array'));
    // The paymentSystem may come as a string; currencyCode and transaction.id may be left out or in lower case.
    const {currencyCode: _c, ...noCurrency} = good;
    for (const body of [
      [{...good, paymentSystem: String(VISA)}],
      [noCurrency],
      [{...good, transaction: {id: txOf(placed).toLowerCase()}}],
      [{...good, transaction: {merchantName: ACCOUNT}}],
      [{...good, transaction: 'x'}],
    ]) {
      assert.deepEqual(
        await pay(s, placed, body),
        {status: 201, body: null},
        JSON.stringify(body).slice(0, 80),
      );
    }
  });

  it('checks the card: brand pattern and Luhn, holder, security code and expiry (month included)', async () => {
    const {s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    const tryCard = async (fields: unknown) => pay(s, placed, [entry(placed, VISA, value, fields)]);
    const refused: [unknown, string][] = [
      [card('5555555555554444'), 'Invalid card number for Visa'],
      [card('4111111111111112'), 'Invalid card number for Visa'],
      [card('411111111111111'), 'Invalid card number for Visa'],
      [{...card(), cardNumber: undefined}, 'Invalid card number for Visa'],
      [undefined, 'Invalid card number for Visa'],
      [card(undefined, {holderName: '   '}), 'holderName is required'],
      [card(undefined, {holderName: undefined}), 'holderName is required'],
      [card(undefined, {validationCode: '12'}), 'Invalid validationCode'],
      [card(undefined, {validationCode: '12345'}), 'Invalid validationCode'],
      [card(undefined, {validationCode: undefined}), 'Invalid validationCode'],
      [card(undefined, {dueDate: '12/25'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '12/2025'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '13/30'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '00/30'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '12/030'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '123/30'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '12-30'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: 'x12/30'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: '12/30x'}), 'Invalid or expired dueDate'],
      [card(undefined, {dueDate: undefined}), 'Invalid or expired dueDate'],
    ];
    for (const [fields, message] of refused) {
      assert.deepEqual(
        await tryCard(fields),
        {status: 400, body: omsErr('1', message)},
        JSON.stringify(fields),
      );
    }
    // The clock is 15 January 2026: a card valid through January 2026 is still good.
    for (const fields of [
      card('4111 1111-1111 1111'),
      card(undefined, {validationCode: '1234'}),
      card(undefined, {validationCode: 123}),
      card(undefined, {dueDate: '01/26'}),
      card(undefined, {dueDate: ' 1/2026 '}),
      card(undefined, {dueDate: '12/99'}),
    ]) {
      assert.deepEqual(await tryCard(fields), {status: 201, body: null}, JSON.stringify(fields));
    }
  });

  it('a card valid through January is refused from the first millisecond of February', async () => {
    const february = Date.UTC(2026, 1, 1);
    const {s, id, value} = await readyCart({sandbox: {now: () => february}});
    const placed = await place(s, id, value);
    const tryDue = async (dueDate: string) =>
      pay(s, placed, [entry(placed, VISA, value, card(undefined, {dueDate}))]);
    assert.deepEqual(await tryDue('01/26'), {status: 400, body: omsErr('1', 'Invalid or expired dueDate')});
    assert.deepEqual(await tryDue('02/26'), {status: 201, body: null});
  });

  it('accepts Mastercard numbers on Mastercard, Visa numbers on Visa only', async () => {
    const {s, id, value} = await readyCart({system: MASTERCARD});
    const placed = await place(s, id, value);
    const tryCard = async (n: string) =>
      (await pay(s, placed, [entry(placed, MASTERCARD, value, card(n))])).body;
    assert.deepEqual(await tryCard('4111111111111111'), omsErr('1', 'Invalid card number for Mastercard'));
    assert.equal(await tryCard('5555555555554444'), null);
  });

  it('records the card’s holder, its first six and last four digits', async () => {
    const a = await readyCart();
    const {placed} = await buy(
      a.s,
      a.id,
      a.value,
      VISA,
      card('4111 1111 1111 1111', {holderName: ' Ana S '}),
    );
    const token = await login(a.sandbox, PROFILE.email);
    const payment = (await omsOrder(a.sandbox, token, placed.orders[0].orderId)).paymentData.transactions[0]
      .payments[0];
    assert.match(payment.id, /^[0-9A-F]{32}$/);
    assert.deepEqual(
      [payment.cardHolder, payment.firstDigits, payment.lastDigits, payment.group],
      ['Ana S', '411111', '1111', 'creditCard'],
    );
  });

  it('answers on the three payment routes, by transaction id in any case or by order group', async () => {
    const {s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    const body = [entry(placed, VISA, value, card())];
    const tx = txOf(placed);
    for (const path of [
      `/api/payments/transactions/${tx.toLowerCase()}/payments?an=${ACCOUNT}&orderId=${placed.orderGroup}`,
      `/api/pub/transactions/${tx}/payments?orderId=${placed.orderGroup}-01`,
      `/api/pub/transactions/${tx}/payments`,
      `/split/${placed.orderGroup}/payments`,
    ]) {
      assert.equal((await s.call('POST', path, body)).status, 201, path);
    }
    assert.deepEqual(await pay(s, placed, body, `?orderId=${placed.orderGroup}-02`), {
      status: 400,
      body: omsErr('1', 'orderId does not match the transaction'),
    });
    const unknown = await s.call('POST', `/split/1234567890123/payments`, body);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), omsErr('1', 'Transaction not found'));
    const get = await s.call('GET', `/split/${placed.orderGroup}/payments`);
    assert.equal(get.status, 404);
    assert.match(await get.text(), /<h1>404 Not Found<\/h1>/);
  });

  it('takes payments until the fifth minute ends, and none once the order is processed', async () => {
    const {s, clock, id, value} = await readyCart();
    const placed = await place(s, id, value);
    const body = [entry(placed, VISA, value, card())];
    clock.advance(WINDOW);
    assert.deepEqual(await pay(s, placed, body), {status: 201, body: null});
    assert.equal((await callback(s, placed)).status, 204);
    assert.deepEqual(await pay(s, placed, body), {
      status: 400,
      body: omsErr('1', 'Transaction already processed'),
    });

    const late = await readyCart();
    const lp = await place(late.s, late.id, late.value);
    late.clock.advance(WINDOW + 1);
    assert.deepEqual(await pay(late.s, lp, [entry(lp, VISA, late.value, card())]), {
      status: 400,
      body: omsErr('1', 'Transaction canceled: the 5-minute window elapsed'),
    });
  });
});

describe('sandbox placement: routes', () => {
  it('serves the payment and callback routes only on their exact paths', async () => {
    const {s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    const tx = txOf(placed);
    const g = placed.orderGroup as string;
    const body = [entry(placed, VISA, value, card())];
    for (const path of [
      `/v1/api/pub/transactions/${tx}/payments`,
      `/api/pub/transactions/${tx}/payments/x`,
      `/v1/split/${g}/payments`,
      `/split/${g}/payments/x`,
      `/v1/api/checkout/pub/gatewayCallback/${g}`,
      `/api/checkout/pub/gatewayCallback/${g}/Success/x`,
    ]) {
      const res = await s.call('POST', path, body);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type')!, /text\/html/, path);
    }
    assert.deepEqual(statuses(s.sandbox), [['order-created', false, []]]);
  });
});

describe('sandbox placement, step 3: the gatewayCallback', () => {
  const DENIED = [
    403,
    'CHK003',
    'Access denied: the order placement cookies are missing or invalid',
    {},
    null,
  ];

  it('refuses a callback without both placement cookies, or for an unknown order group', async () => {
    const {sandbox, s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    await pay(s, placed, [entry(placed, VISA, value, card())]);
    const chko = s.jar.get('Vtex_CHKO_Auth')!;
    const access = s.jar.get('CheckoutDataAccess')!;
    const withCookie = async (cookie: string, group = placed.orderGroup) => {
      const res = await sandbox.fetch(
        new Request(`${BASE}/api/checkout/pub/gatewayCallback/${group}`, {
          method: 'POST',
          headers: {Cookie: cookie},
        }),
      );
      return checkoutErr({status: res.status, body: (await res.json()) as Body});
    };
    assert.deepEqual(await withCookie(`Vtex_CHKO_Auth=${chko}`), DENIED);
    assert.deepEqual(await withCookie(`CheckoutDataAccess=${access}`), DENIED);
    assert.deepEqual(await withCookie(`Vtex_CHKO_Auth=${access}; CheckoutDataAccess=${access}`), DENIED);
    assert.deepEqual(await withCookie(`Vtex_CHKO_Auth=${chko}; CheckoutDataAccess=${chko}`), DENIED);
    assert.deepEqual(
      await withCookie(`Vtex_CHKO_Auth=${chko}; CheckoutDataAccess=${access}`, '1234567890123'),
      DENIED,
    );
    assert.deepEqual(statuses(sandbox), [['order-created', false, []]]);
    // The right cookies, with a message code in the path as the template allows.
    assert.deepEqual(await callback(s, placed, '/Success'), {status: 204, body: null});
  });

  it('a callback before the payments, or after the window, is a 500 with code 001 and the reason', async () => {
    const {sandbox, clock, s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    const early = await callback(s, placed);
    assert.equal(early.status, 500);
    assert.match(early.body!.operationId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(early.body!.error, {
      code: '001',
      message: 'Payment data was not received for this transaction',
      exception: null,
    });
    assert.deepEqual(statuses(sandbox), [['order-created', false, []]]);
    await pay(s, placed, [entry(placed, VISA, value, card())]);
    clock.advance(WINDOW + 1);
    const late = await callback(s, placed);
    assert.deepEqual(
      [late.status, late.body!.error],
      [
        500,
        {
          code: '001',
          message: 'The order was canceled: payment was not completed within 5 minutes (incomplete)',
          exception: null,
        },
      ],
    );
    assert.deepEqual(statuses(sandbox), [['canceled', false, ['incomplete']]]);
  });

  it('a callback at exactly five minutes still completes the order', async () => {
    const {sandbox, clock, s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    await pay(s, placed, [entry(placed, VISA, value, card())]);
    clock.advance(WINDOW);
    assert.deepEqual(statuses(sandbox), [['order-created', false, []]]);
    assert.equal((await callback(s, placed)).status, 204);
    assert.deepEqual(statuses(sandbox), [['payment-pending', true, []]]);
  });

  it('a declined card: the same 500 on every replay, the cart still open, the shopper not registered', async () => {
    const {sandbox, clock, s, id, value} = await readyCart();
    const {placed, cb} = await buy(s, id, value, VISA, card('4000000000000002'));
    const DECLINED = {
      code: '001',
      message: 'Seu pagamento não foi autorizado. (sandbox: card declined)',
      exception: null,
    };
    assert.deepEqual([cb.status, cb.body!.error], [500, DECLINED]);
    assert.deepEqual(statuses(sandbox), [['canceled', false, []]]);
    clock.advance(WINDOW + 1);
    const again = await callback(s, placed);
    assert.deepEqual([again.status, again.body!.error], [500, DECLINED]);
    assert.equal((await s.body('GET', `${OF}/${id}`)).body.orderFormId, id);
    const fresh = new Shopper(sandbox);
    const fid = (await fresh.body('GET', OF)).body.orderFormId as string;
    const r = await fresh.body('POST', `${OF}/${fid}/attachments/clientProfileData`, PROFILE);
    assert.equal(r.body.userProfileId, null);
  });

  it('an approved order finishes the cart and makes the shopper known: masked for others from then on', async () => {
    const {sandbox, s, id, value} = await readyCart({email: 'a@Example.com'});
    const {cb} = await buy(s, id, value);
    assert.deepEqual(cb, {status: 204, body: null});
    const gone = await s.body('GET', `${OF}/${id}`);
    assert.deepEqual([gone.status, gone.body.error.code], [400, 'ORD002']);
    // Someone else types the same email in a new cart.
    const other = new Shopper(sandbox);
    const oid = (await other.body('GET', OF)).body.orderFormId as string;
    await other.body('POST', `${OF}/${oid}/attachments/clientProfileData`, {
      ...PROFILE,
      email: 'A@example.com',
    });
    const seen = (await (await sandbox.fetch(new Request(`${BASE}${OF}/${oid}`))).json()) as Body;
    assert.match(seen.userProfileId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(
      [
        seen.clientProfileData.email,
        seen.clientProfileData.firstName,
        seen.clientProfileData.profileCompleteOnLoading,
      ],
      ['A*@example.com', '***', true],
    );
  });

  it('a cart forgotten before the callback: the order still completes and the shopper becomes known', async () => {
    const {sandbox, s, id, value} = await readyCart({sandbox: {limits: {carts: 1}}});
    const placed = await place(s, id, value);
    await pay(s, placed, [entry(placed, VISA, value, card())]);
    // Another visitor's new cart pushes this one out of the sandbox's memory.
    await new Shopper(sandbox).body('GET', OF);
    assert.deepEqual(await callback(s, placed), {status: 204, body: null});
    assert.deepEqual(statuses(sandbox), [['payment-pending', true, []]]);
    const known = await s.body('GET', `/api/checkout/pub/profiles?email=${PROFILE.email}`);
    assert.equal(known.body.isComplete, true);
    assert.deepEqual(
      [known.body.userProfile.email, known.body.userProfile.firstName, known.body.userProfile.lastName],
      [PROFILE.email, 'Ana', 'Sil**'],
    );
  });

  it('a shopper who was already known keeps their profile id after buying', async () => {
    const {sandbox, s, id, value} = await readyCart({email: 'clark.kent@example.com'});
    assert.equal((await buy(s, id, value)).cb.status, 204);
    const other = new Shopper(sandbox);
    const oid = (await other.body('GET', OF)).body.orderFormId as string;
    const r = await other.body('POST', `${OF}/${oid}/attachments/clientProfileData`, {
      ...PROFILE,
      email: 'clark.kent@example.com',
    });
    assert.equal(r.body.userProfileId, '8b0c9a52-6f1d-4c0e-9d0b-3f2f9b6a7c11');
  });

  it('Pix: 428 with the redirect and the payment app payload, replayed unchanged; the order waits for payment', async () => {
    const {sandbox, clock, s, id, value} = await readyCart({system: PIX});
    const placed = await place(s, id, value);
    assert.equal((await pay(s, placed, [entry(placed, PIX, value)])).status, 201);
    clock.advance(30_000);
    const cb = await callback(s, placed);
    const tx = txOf(placed);
    const token = await login(sandbox, PROFILE.email);
    const paymentId = (await omsOrder(sandbox, token, placed.orders[0].orderId)).paymentData.transactions[0]
      .payments[0].id as string;
    const code =
      '00020126580014br.gov.bcb.pix0136' +
      tx.toLowerCase() +
      '5204000053039865802BR5913SANDBOX6009SAO PAULO62070503***6304ABCD';
    const expected = {
      RedirectResponseCollection: [{redirectUrl: `/_sandbox/pix/${tx}`}],
      paymentAuthorizationAppCollection: [
        {
          appName: 'vtex.pix-payment',
          appPayload: {code, expiresAt: iso(T0 + 30_000 + 30 * 60_000), paymentId, transactionId: tx},
        },
      ],
    };
    assert.deepEqual(cb, {status: 428, body: expected});
    clock.advance(2 * 3600_000);
    assert.deepEqual(await callback(s, placed), {status: 428, body: expected});
    assert.deepEqual(statuses(sandbox), [['payment-pending', true, []]]);
    assert.deepEqual((await s.body('GET', `${OF}/${id}`)).body.error.code, 'ORD002');
  });

  it('the Pix page shows the order, the amount in the store currency, the code and its expiry', async () => {
    const {s, clock, id, value} = await readyCart({system: PIX});
    const placed = await place(s, id, value);
    await pay(s, placed, [entry(placed, PIX, value)]);
    clock.advance(60_000);
    await callback(s, placed);
    const tx = txOf(placed);
    const page = await s.call('GET', `/_sandbox/pix/${tx.toLowerCase()}`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal(
      page.headers.get('content-security-policy'),
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    // (ICU versions differ on the kind of space in amounts and times: any one is fine.)
    const html = (await page.text()).replace(/[\u00a0\u202f]/g, ' ');
    const code = `00020126580014br.gov.bcb.pix0136${tx.toLowerCase()}5204000053039865802BR5913SANDBOX6009SAO PAULO62070503***6304ABCD`;
    assert.equal(
      html,
      '<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
        '<title>Pagamento Pix</title><style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}' +
        'textarea{width:100%;box-sizing:border-box;font:0.9rem ui-monospace,monospace;padding:.5rem}.hint{background:#fff7d6;padding:.5rem;border-radius:4px}</style></head><body>' +
        `<h1>Pagamento Pix</h1><p>Pedido <strong>${placed.orderGroup}</strong> · <strong>R$ 110,00</strong></p>` +
        `<label for="code">Pix copia e cola</label><textarea id="code" rows="5" readonly>${code}</textarea>` +
        '<p>Válido até 15/01/2026, 12:31 (UTC).</p>' +
        '<p class="hint">Sandbox: nenhum pagamento é feito; o pedido fica aguardando pagamento.</p></body></html>',
    );
  });

  it('the Pix page follows the store’s locale and currency', async () => {
    const {s, clock, id, value} = await readyCart({
      system: PIX,
      sandbox: {store: {locale: 'en-US', currencyCode: 'USD'}},
    });
    const placed = await place(s, id, value);
    await pay(s, placed, [{...entry(placed, PIX, value), currencyCode: 'USD'}]);
    clock.advance(60_000);
    await callback(s, placed);
    const html = (await (await s.call('GET', `/_sandbox/pix/${txOf(placed)}`)).text()).replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    assert.ok(html.includes(`<strong>$110.00</strong>`), html);
    assert.ok(html.includes('<p>Válido até 1/15/26, 12:31 PM (UTC).</p>'), html);
  });

  it('the Pix page falls back to Brazilian formats when the store names no locale', async () => {
    const {s, clock, id, value} = await readyCart({system: PIX, sandbox: {store: {locale: ''}}});
    const placed = await place(s, id, value);
    await pay(s, placed, [entry(placed, PIX, value)]);
    clock.advance(60_000);
    await callback(s, placed);
    const html = (await (await s.call('GET', `/_sandbox/pix/${txOf(placed)}`)).text()).replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    assert.ok(html.includes('<strong>R$ 110,00</strong>'), html);
    assert.ok(html.includes('<p>Válido até 15/01/2026, 12:31 (UTC).</p>'), html);
  });

  it('a card and Pix split: the Pix payload names the Pix payment', async () => {
    const {sandbox, s, id} = await readyCart();
    await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [
        {paymentSystem: VISA, value: 6000, referenceValue: 6000},
        {paymentSystem: PIX, value: 5000, referenceValue: 5000},
      ],
    });
    const placed = await place(s, id, 11000);
    const paid = await pay(s, placed, [entry(placed, VISA, 6000, card()), entry(placed, PIX, 5000)]);
    assert.equal(paid.status, 201);
    const cb = await callback(s, placed);
    assert.equal(cb.status, 428);
    const token = await login(sandbox, PROFILE.email);
    const ids = (
      await omsOrder(sandbox, token, placed.orders[0].orderId)
    ).paymentData.transactions[0].payments.map((p: Body) => p.id);
    assert.equal(cb.body!.paymentAuthorizationAppCollection[0].appPayload.paymentId, ids[1]);
    assert.notEqual(ids[0], ids[1]);
  });

  it('no Pix page before the callback, nor for a card or a Boleto order', async () => {
    const pix = await readyCart({system: PIX});
    const placed = await place(pix.s, pix.id, pix.value);
    await pay(pix.s, placed, [entry(placed, PIX, pix.value)]);
    assert.equal((await pix.s.call('GET', `/_sandbox/pix/${txOf(placed)}`)).status, 404);
    const boleto = await readyCart({system: BOLETO});
    const b = await buy(boleto.s, boleto.id, boleto.value, BOLETO, {});
    assert.equal(b.cb.status, 204);
    assert.equal((await boleto.s.call('GET', `/_sandbox/pix/${txOf(b.placed)}`)).status, 404);
  });
});

describe('sandbox placement: the OMS status timeline', () => {
  it('counts from the callback, not from the placement, and dates authorization and invoice from it', async () => {
    const {sandbox, clock, s, id, value} = await readyCart();
    const placed = await place(s, id, value);
    await pay(s, placed, [entry(placed, VISA, value, card())]);
    clock.advance(50_000);
    assert.equal((await callback(s, placed)).status, 204);
    const processed = T0 + 50_000;
    const token = await login(sandbox, PROFILE.email);
    const orderId = placed.orders[0].orderId as string;
    const at = async () => {
      const d = await omsOrder(sandbox, token, orderId);
      const l = (await omsList(sandbox, token))[0]!;
      return [d.status, d.authorizedDate, d.invoicedDate, l.authorizedDate];
    };
    clock.advance(59_999);
    assert.deepEqual(await at(), ['payment-pending', null, null, null]);
    clock.advance(1);
    const authorized = iso(processed + 60_000);
    assert.deepEqual(await at(), ['payment-approved', authorized, null, authorized]);
    // A replayed callback answers the same and does not restart the timeline.
    assert.deepEqual(await callback(s, placed), {status: 204, body: null});
    assert.deepEqual(await at(), ['payment-approved', authorized, null, authorized]);
    clock.advance(59 * 60_000 - 1);
    assert.deepEqual(await at(), ['handling', authorized, null, authorized]);
    clock.advance(1);
    const invoiced = iso(processed + 60 * 60_000);
    assert.deepEqual(await at(), ['invoiced', authorized, invoiced, authorized]);
    assert.deepEqual(statuses(sandbox), [['invoiced', true, []]]);
  });

  it('Boleto stays payment-pending and visible, never authorized, long after the window', async () => {
    const {sandbox, clock, s, id, value} = await readyCart({system: BOLETO});
    const {placed, cb} = await buy(s, id, value, BOLETO, {});
    assert.equal(cb.status, 204);
    clock.advance(3 * 3600_000);
    assert.deepEqual(statuses(sandbox), [['payment-pending', true, []]]);
    const token = await login(sandbox, PROFILE.email);
    const d = await omsOrder(sandbox, token, placed.orders[0].orderId);
    assert.deepEqual([d.status, d.authorizedDate, d.invoicedDate], ['payment-pending', null, null]);
    const payment = d.paymentData.transactions[0].payments[0];
    assert.deepEqual(
      [payment.group, payment.cardHolder, payment.firstDigits, payment.lastDigits],
      ['bankInvoice', null, null, null],
    );
    assert.equal((await omsList(sandbox, token))[0]!.authorizedDate, null);
  });
});

describe('sandbox placement: reachedAt', () => {
  it('dates a status from the callback, and not at all before it', () => {
    const placement = {processedAt: undefined} as unknown as Placement;
    assert.equal(reachedAt(placement, 'invoiced'), undefined);
    assert.equal(reachedAt({...placement, processedAt: 1_000}, 'handling'), 1_000 + 10 * 60_000);
    assert.equal(reachedAt({...placement, processedAt: 1_000}, 'canceled'), undefined);
  });
});
