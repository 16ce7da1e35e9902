import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ADDRESS, BASE, PROFILE, Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';

const OF = '/api/checkout/pub/orderForm';

async function newCart() {
  const {sandbox} = makeSandbox();
  const s = new Shopper(sandbox);
  const {body} = await s.body('GET', OF);
  return {sandbox, s, id: body.orderFormId as string};
}

describe('sandbox checkout: cart lifecycle', () => {
  it('creates a cart, sets the cookie and returns the same cart on the next GET', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const first = await s.body('GET', OF);
    assert.equal(first.status, 200);
    assert.match(first.body.orderFormId, /^[0-9a-f]{32}$/);
    const setCookie = first.res.headers.getSetCookie().find((c) => c.startsWith('checkout.vtex.com='))!;
    assert.match(setCookie, new RegExp(`^checkout.vtex.com=__ofid=${first.body.orderFormId}`));
    for (const attr of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/'])
      assert.ok(setCookie.includes(attr), attr);
    const second = await s.body('GET', OF);
    assert.equal(second.body.orderFormId, first.body.orderFormId);
    assert.equal(first.body.storePreferencesData.currencyCode, 'BRL');
    assert.deepEqual(
      first.body.paymentData.paymentSystems.map((p: {groupName: string}) => p.groupName).sort(),
      [
        'bankInvoicePaymentGroup',
        'creditCardPaymentGroup',
        'creditCardPaymentGroup',
        'instantPaymentPaymentGroup',
      ],
    );
    const forced = await s.body('GET', `${OF}?forceNewCart=true`);
    assert.notEqual(forced.body.orderFormId, first.body.orderFormId);
  });

  it('accepts the single-underscore _ofid form of the cookie', async () => {
    const {sandbox, id} = await newCart();
    const res = await sandbox.fetch(
      new Request(BASE + OF, {headers: {Cookie: `checkout.vtex.com=_ofid=${id}`}}),
    );
    assert.equal(((await res.json()) as {orderFormId: string}).orderFormId, id);
  });

  it('adds, updates, removes and clears items with recomputed totals', async () => {
    const {s, id} = await newCart();
    let r = await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 2, seller: '1'}]});
    assert.equal(r.status, 200);
    assert.equal(r.body.items[0].quantity, 2);
    assert.equal(r.body.items[0].price, 10000);
    assert.equal(r.body.items[0].listPrice, 12000);
    assert.equal(r.body.items[0].priceDefinition.total, 20000);
    assert.deepEqual(r.body.totalizers, [{id: 'Items', name: 'Total dos Itens', value: 20000}]);
    assert.equal(r.body.value, 20000);
    assert.equal(r.body.itemMetadata.items[0].id, '1');

    r = await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '2', quantity: 1, seller: '1'}]});
    assert.equal(r.body.items.length, 2);
    assert.equal(r.body.value, 23333);

    r = await s.body('POST', `${OF}/${id}/items/update`, {orderItems: [{index: 0, quantity: 1}]});
    assert.equal(r.body.items[0].quantity, 1);
    assert.equal(r.body.value, 13333);

    r = await s.body('POST', `${OF}/${id}/items/update`, {orderItems: [{index: 0, quantity: 0}]});
    assert.equal(r.body.items.length, 1);
    assert.equal(r.body.items[0].id, '2');

    r = await s.body('PATCH', `${OF}/${id}/items`, {
      orderItems: [
        {index: 0, quantity: 2},
        {id: '1', quantity: 1, seller: '1'},
      ],
    });
    assert.deepEqual(
      r.body.items.map((i: {id: string; quantity: number}) => [i.id, i.quantity]),
      [
        ['2', 2],
        ['1', 1],
      ],
    );

    r = await s.body('POST', `${OF}/${id}/items/removeAll`, {});
    assert.equal(r.body.items.length, 0);
    assert.equal(r.body.value, 0);
  });

  it('splits sellingPrices when a discount does not divide evenly', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '2', quantity: 3, seller: '1'}]});
    const r = await s.body('POST', `${OF}/${id}/coupons`, {text: 'BLACKFRIDAY'});
    const item = r.body.items[0];
    assert.equal(item.priceDefinition.total, 9999 - 5000);
    const sum = item.priceDefinition.sellingPrices.reduce(
      (t: number, p: {value: number; quantity: number}) => t + p.value * p.quantity,
      0,
    );
    assert.equal(sum, item.priceDefinition.total);
  });

  it('clamps to stock with an itemQuantityNotAvailable message', async () => {
    const {s, id} = await newCart();
    const r = await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '2', quantity: 10, seller: '1'}]});
    assert.equal(r.body.items[0].quantity, 3);
    const msg = r.body.messages.find((m: {code: string}) => m.code === 'itemQuantityNotAvailable');
    assert.ok(msg);
    assert.equal(msg.status, 'warning');
    assert.equal(typeof msg.text, 'string');
    assert.equal(typeof msg.fields, 'object');
    const cleared = await s.body('POST', `${OF}/${id}/messages/clear`, {});
    assert.deepEqual(cleared.body.messages, []);
  });

  it('rejects unknown SKU, bad seller, bad quantity, bad index and unknown orderForm', async () => {
    const {s, id} = await newCart();
    const cases: [unknown, string][] = [
      [{orderItems: [{id: '999', quantity: 1, seller: '1'}]}, 'CHK0022'],
      [{orderItems: [{id: '1', quantity: 1, seller: '7'}]}, 'CHK0024'],
      [{orderItems: [{id: '1', quantity: -1, seller: '1'}]}, 'CHK0023'],
      [{orderItems: [{id: '1', quantity: 1.5, seller: '1'}]}, 'CHK0023'],
    ];
    for (const [body, code] of cases) {
      const r = await s.body('POST', `${OF}/${id}/items`, body);
      assert.equal(r.status, 400, code);
      assert.equal(r.body.error.code, code);
      assert.equal(r.body.error.exception, null);
      assert.equal(typeof r.body.operationId, 'string');
      assert.equal(typeof r.body.fields, 'object');
    }
    const bad = await s.body('POST', `${OF}/${id}/items/update`, {orderItems: [{index: 4, quantity: 1}]});
    assert.equal(bad.body.error.code, 'CHK0041');
    const unknown = await s.body('POST', `${OF}/${'0'.repeat(32)}/items`, {
      orderItems: [{id: '1', quantity: 1, seller: '1'}],
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'ORD002');
  });

  it('applies, rejects and removes coupons', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 2, seller: '1'}]});
    let r = await s.body('POST', `${OF}/${id}/coupons`, {text: 'SUMMER10'});
    assert.equal(r.body.marketingData.coupon, 'SUMMER10');
    assert.deepEqual(r.body.totalizers.find((t: {id: string}) => t.id === 'Discounts').value, -2000);
    assert.equal(r.body.value, 18000);
    assert.equal(r.body.items[0].priceTags[0].value, -2000);
    assert.equal(r.body.items[0].sellingPrice, 9000);

    r = await s.body('POST', `${OF}/${id}/coupons`, {text: 'NOPE'});
    assert.equal(r.status, 200);
    const msg = r.body.messages.find((m: {code: string}) => m.code === 'couponNotFound');
    assert.ok(msg && ['error', 'warning'].includes(msg.status));
    assert.equal(r.body.marketingData.coupon, 'SUMMER10');

    r = await s.body('POST', `${OF}/${id}/coupons`, {text: ''});
    // No coupon: the key is left out (Checkout types it as a non-nullable string).
    assert.equal('coupon' in r.body.marketingData, false);
    assert.equal(r.body.marketingData.coupon ?? null, null);
    assert.equal(r.body.value, 20000);
    assert.equal(
      r.body.totalizers.some((t: {id: string}) => t.id === 'Discounts'),
      false,
    );
  });

  it('free-shipping coupon zeroes the freight through Discounts', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
    await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
    const r = await s.body('POST', `${OF}/${id}/coupons`, {text: 'FRETEGRATIS'});
    const shipping = r.body.totalizers.find((t: {id: string}) => t.id === 'Shipping').value;
    assert.ok(shipping > 0);
    assert.equal(r.body.totalizers.find((t: {id: string}) => t.id === 'Discounts').value, -shipping);
    assert.equal(r.body.value, 10000);
  });

  it('simulates with a pickup SLA and reports undeliverable postal codes', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const ok = await s.body('POST', '/api/checkout/pub/orderForms/simulation?sc=1', {
      items: [{id: '1', quantity: 1, seller: '1'}],
      country: 'BRA',
      postalCode: '22250-040',
    });
    assert.equal(ok.status, 200);
    const slas = ok.body.logisticsInfo[0].slas;
    assert.ok(slas.length >= 3);
    assert.ok(slas.some((x: {deliveryChannel: string}) => x.deliveryChannel === 'pickup-in-point'));
    assert.ok(ok.body.pickupPoints.length > 0);
    assert.equal(ok.body.items[0].price, 10000);
    const none = await s.body('POST', '/api/checkout/pub/orderForms/simulation', {
      items: [{id: '1', quantity: 1, seller: '1'}],
      country: 'BRA',
      postalCode: '99999-999',
    });
    assert.deepEqual(none.body.logisticsInfo[0].slas, []);
    assert.ok(none.body.messages.length > 0);
  });

  it('serves postal codes, pickup points and masked profiles', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const pc = await s.body('GET', '/api/checkout/pub/postal-code/BRA/22250040');
    assert.equal(pc.body.city, 'Rio de Janeiro');
    assert.equal((await s.body('GET', '/api/checkout/pub/postal-code/USA/10001')).body.state, 'NY');
    assert.equal((await s.call('GET', '/api/checkout/pub/postal-code/BRA/11111111')).status, 404);
    const pp = await s.body('GET', '/api/checkout/pub/pickup-points?postalCode=22250-040&countryCode=BRA');
    assert.ok(pp.body.items[0].pickupPoint.id);
    const prof = await s.body('GET', '/api/checkout/pub/profiles?email=clark.kent@example.com');
    assert.equal(prof.body.isComplete, true);
    assert.match(prof.body.userProfile.firstName, /^Cla\*+$/);
    const unknown = await s.body('GET', '/api/checkout/pub/profiles?email=nobody@example.com');
    assert.equal(unknown.body.userProfile, null);
  });
});

describe('sandbox checkout: attachments', () => {
  it('validates clientProfileData (email, names, CPF) with ORD007', async () => {
    const {s, id} = await newCart();
    const bad: [Record<string, unknown>, string][] = [
      [{...PROFILE, email: 'not-an-email'}, 'email'],
      [{...PROFILE, firstName: ''}, 'firstName'],
      [{...PROFILE, lastName: ''}, 'lastName'],
      [{...PROFILE, document: '111.111.111-11'}, 'document'],
      [{...PROFILE, document: '529.982.247-24'}, 'document'],
    ];
    for (const [body, field] of bad) {
      const r = await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, body);
      assert.equal(r.status, 400, field);
      assert.equal(r.body.error.code, 'ORD007');
      assert.ok(field in r.body.fields, field);
    }
    const ok = await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, PROFILE);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.clientProfileData.email, PROFILE.email);
    assert.ok(
      ok.res.headers.getSetCookie().some((c) => c.startsWith('CheckoutOrderFormOwnership=') && c.length > 40),
    );
  });

  it('masks a known complete profile without the ownership cookie', async () => {
    const {sandbox, s, id} = await newCart();
    const clark = {...PROFILE, email: 'clark.kent@example.com', firstName: 'Clark', lastName: 'Kent'};
    const own = await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, clark);
    assert.equal(own.body.clientProfileData.firstName, 'Clark');
    const mine = await s.body('GET', `${OF}/${id}`);
    assert.equal(mine.body.clientProfileData.firstName, 'Clark');
    const stranger = await sandbox.fetch(new Request(`${BASE}${OF}/${id}`));
    const body = (await stranger.json()) as {
      clientProfileData: {firstName: string; email: string};
      canEditData: boolean;
    };
    assert.match(body.clientProfileData.firstName, /^Cla\*+$/);
    assert.notEqual(body.clientProfileData.email, 'clark.kent@example.com');
    assert.equal(body.canEditData, false);
  });

  it('validates shippingData and auto-selects the cheapest delivery SLA', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
    const badPostal = await s.body('POST', `${OF}/${id}/attachments/shippingData`, {
      selectedAddresses: [{...ADDRESS, postalCode: '12'}],
    });
    assert.equal(badPostal.body.error.code, 'ORD001');
    const badField = await s.body('POST', `${OF}/${id}/attachments/shippingData`, {
      selectedAddresses: [{...ADDRESS, addressType: 'spaceship'}],
    });
    assert.equal(badField.body.error.code, 'ORD006');
    const ok = await s.body('POST', `${OF}/${id}/attachments/shippingData`, {selectedAddresses: [ADDRESS]});
    assert.equal(ok.status, 200);
    const li = ok.body.shippingData.logisticsInfo[0];
    assert.equal(li.selectedSla, 'Normal');
    assert.equal(li.selectedDeliveryChannel, 'delivery');
    assert.equal(ok.body.totalizers.find((t: {id: string}) => t.id === 'Shipping').value, 1000);
    assert.equal(ok.body.value, 11000);
    const badIndex = await s.body('POST', `${OF}/${id}/attachments/shippingData`, {
      logisticsInfo: [{itemIndex: 3, selectedSla: 'Normal'}],
    });
    assert.equal(badIndex.body.error.code, 'CHK0041');
    const badSla = await s.body('POST', `${OF}/${id}/attachments/shippingData`, {
      logisticsInfo: [{itemIndex: 0, selectedSla: 'Teleport'}],
    });
    assert.equal(badSla.body.error.code, 'CHK0171');
    const pickup = await s.body('POST', `${OF}/${id}/attachments/shippingData`, {
      logisticsInfo: [
        {itemIndex: 0, selectedSla: 'Retirada (LOJA-RJ)', selectedDeliveryChannel: 'pickup-in-point'},
      ],
    });
    assert.equal(pickup.body.shippingData.logisticsInfo[0].selectedDeliveryChannel, 'pickup-in-point');
    assert.equal(pickup.body.value, 10000);
  });

  it('attaches paymentData, requires referenceValue, serves installments and marketingData', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
    const missing = await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [{paymentSystem: 2, value: 10000}],
    });
    assert.equal(missing.body.error.code, 'ORD020');
    const ok = await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [{paymentSystem: 2, installments: 3, value: 10000, referenceValue: 10000}],
    });
    assert.equal(ok.body.paymentData.payments[0].installments, 3);
    assert.equal(ok.body.paymentData.payments[0].referenceValue, 10000);
    const inst = await s.body('GET', `${OF}/${id}/installments?paymentSystem=2`);
    assert.equal(inst.body.value, 10000);
    assert.ok(inst.body.installments.length >= 2);
    assert.equal(inst.body.installments[0].total, 10000);
    const mk = await s.body('POST', `${OF}/${id}/attachments/marketingData`, {
      utmSource: 'news',
      marketingTags: ['a'],
    });
    assert.equal(mk.body.marketingData.utmSource, 'news');
  });

  it('applies 20 concurrent updates in arrival order', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/items`, {orderItems: [{id: '1', quantity: 1, seller: '1'}]});
    const pending = Array.from({length: 20}, (_, i) =>
      s
        .call('POST', `${OF}/${id}/items/update`, {orderItems: [{index: 0, quantity: i + 1}]})
        .then(async (r) => {
          const b = (await r.json()) as {items: {quantity: number}[]};
          return b.items[0]!.quantity;
        }),
    );
    const seen = await Promise.all(pending);
    assert.deepEqual(
      seen,
      Array.from({length: 20}, (_, i) => i + 1),
    );
    const final = await s.body('GET', `${OF}/${id}`);
    assert.equal(final.body.items[0].quantity, 20);
  });

  it('changeToAnonymousUser removes personal data', async () => {
    const {s, id} = await newCart();
    await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, PROFILE);
    const r = await s.body('GET', `/checkout/changeToAnonymousUser/${id}`);
    assert.equal(r.body.clientProfileData, null);
  });

  it('answers unknown routes with the HTML 404 and delegates catalog routes', async () => {
    const {sandbox} = makeSandbox();
    const res = await sandbox.fetch(new Request(`${BASE}/api/nope`));
    assert.equal(res.status, 404);
    assert.match(res.headers.get('Content-Type') ?? '', /text\/html/);
    assert.match(await res.text(), /<h1>404 Not Found<\/h1>/);
    const cat = await sandbox.fetch(new Request(`${BASE}/api/catalog_system/pub/fake`));
    assert.equal(cat.status, 200);
  });
});
