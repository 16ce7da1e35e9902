/**
 * The sandbox's Checkout routes pinned exactly (src/sandbox/checkout/index.ts): the cart cookies, which methods and
 * paths each route answers, and every refusal of the item, coupon, attachment, simulation, postal-code, pickup-point
 * and profile routes with its status, VTEX code, message and `fields`, as ../shared/vtex/API.md describes them.
 * Written from the mutants the other sandbox files left alive; each test names the behaviour it holds.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ADDRESS, BASE, PROFILE, Shopper, makeSandbox} from './helpers/sandbox-fixtures.js';

const PUB = '/api/checkout/pub';
const OF = `${PUB}/orderForm`;

type Body = Record<string, any>;

async function cart(options: Parameters<typeof makeSandbox>[0] = {}) {
  const {sandbox, clock} = makeSandbox(options);
  const s = new Shopper(sandbox);
  const id = (await s.body('GET', OF)).body.orderFormId as string;
  return {sandbox, clock, s, id};
}

/** A refusal in VTEX's Checkout envelope, exactly. */
async function refused(
  res: Promise<{status: number; body: Body}>,
  status: number,
  code: string,
  message: string,
  fields: Record<string, string> = {},
): Promise<void> {
  const {status: got, body} = await res;
  assert.equal(got, status, `status of ${code}`);
  assert.deepEqual(body.error, {code, message, exception: null});
  assert.deepEqual(body.fields, fields);
  assert.match(body.operationId, /^[0-9a-f-]{36}$/);
}

const post = (s: Shopper, path: string, body?: unknown) => s.body('POST', path, body);
const items = (s: Shopper, id: string, orderItems: unknown) => post(s, `${OF}/${id}/items`, {orderItems});

async function notRouted(s: Shopper, method: string, path: string, body?: unknown): Promise<void> {
  const res = await s.call(method, path, body);
  assert.equal(res.status, 404, `${method} ${path}`);
  assert.match(await res.text(), /<title>404 Not Found<\/title>/);
}

describe('sandbox cart cookies and the orderForm route', () => {
  it('a new cart sets its id cookie and an empty ownership cookie, both HttpOnly, Secure, Lax, 30 days', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const res = await s.call('GET', OF);
    const id = ((await res.json()) as Body).orderFormId as string;
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.deepEqual(res.headers.getSetCookie(), [
      `checkout.vtex.com=__ofid=${id}; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax`,
      'CheckoutOrderFormOwnership=; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
    // The same cart again: the id cookie is renewed, the ownership cookie left alone.
    const again = await s.call('GET', OF);
    assert.equal(((await again.json()) as Body).orderFormId, id);
    assert.deepEqual(again.headers.getSetCookie(), [
      `checkout.vtex.com=__ofid=${id}; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax`,
    ]);
  });

  it('reads `__ofid=` and `_ofid=` in any case, ignores anything else, and POST answers like GET', async () => {
    const {sandbox, id} = await cart();
    const read = async (cookie: string, method = 'GET') => {
      const res = await sandbox.fetch(new Request(BASE + OF, {method, headers: {Cookie: cookie}}));
      return ((await res.json()) as Body).orderFormId as string;
    };
    assert.equal(await read(`checkout.vtex.com=__ofid=${id}`), id);
    assert.equal(await read(`checkout.vtex.com=_ofid=${id.toUpperCase()}`), id);
    assert.equal(await read(`checkout.vtex.com= __ofid=${id} `), id);
    assert.equal(await read(`checkout.vtex.com=__ofid=${id}`, 'POST'), id);
    for (const other of [
      `checkout.vtex.com=___ofid=${id}`,
      `checkout.vtex.com=__ofid=${id}0`,
      `x=__ofid=${id}`,
    ])
      assert.notEqual(await read(other), id, other);
    const fresh = await sandbox.fetch(
      new Request(`${BASE}${OF}?forceNewCart=true`, {headers: {Cookie: `checkout.vtex.com=__ofid=${id}`}}),
    );
    assert.notEqual(((await fresh.json()) as Body).orderFormId, id);
    assert.equal(fresh.headers.getSetCookie().length, 2, 'a forced new cart gets a new ownership cookie too');
  });

  it('serves a cart by id (any case) to GET and POST; unknown ids are ORD002; other methods are not routed', async () => {
    const {s, id} = await cart();
    assert.equal((await s.body('GET', `${OF}/${id.toUpperCase()}`)).body.orderFormId, id);
    assert.equal((await post(s, `${OF}/${id}`, {})).body.orderFormId, id);
    const unknown = 'f'.repeat(32);
    await refused(s.body('GET', `${OF}/${unknown}`), 400, 'ORD002', 'Invalid order form');
    await refused(post(s, `${OF}/${unknown}/items`, {orderItems: []}), 400, 'ORD002', 'Invalid order form');
    await refused(
      s.body('GET', `/checkout/changeToAnonymousUser/${unknown}`),
      400,
      'ORD002',
      'Invalid order form',
    );
    await notRouted(s, 'PUT', OF);
    await notRouted(s, 'DELETE', `${OF}/${id}`);
    await notRouted(s, 'GET', `${OF}/${id}/items`);
    await notRouted(s, 'PUT', `${OF}/${id}/items`, {orderItems: []});
    await notRouted(s, 'GET', `${OF}/${id}/attachments/clientProfileData`);
    await notRouted(s, 'POST', `${OF}/${id}/attachments`, {});
    await notRouted(s, 'POST', `${OF}/${id}/attachments/shippingData/x`, {});
    await notRouted(s, 'POST', `${OF}/${id}/installments`, {});
    await notRouted(s, 'POST', `${OF}/${id}/unknown`, {});
    await notRouted(s, 'GET', `${PUB}/orderForms/simulation`);
    await notRouted(s, 'POST', `${PUB}/orderForms/simulation/x`, {items: []});
    await notRouted(s, 'GET', `${PUB}/postal-code/BRA`);
    await notRouted(s, 'GET', `${PUB}/pickup-points/x`);
    await notRouted(s, 'POST', `${PUB}/profiles?email=ana@example.com`, {});
    await notRouted(s, 'GET', `${PUB}/other`);
    await notRouted(s, 'POST', `/checkout/changeToAnonymousUser/${id}`, {});
  });

  it('refuses a body that is not a JSON object with CHK0001; an empty body is an empty object', async () => {
    const {sandbox, s, id} = await cart();
    for (const raw of ['{', '[1]', '"x"', '3']) {
      const res = await sandbox.fetch(
        new Request(`${BASE}${OF}/${id}/coupons`, {
          method: 'POST',
          body: raw,
          headers: s.jar.request(BASE).headers,
        }),
      );
      await refused(
        res.json().then((body) => ({status: res.status, body: body as Body})),
        400,
        'CHK0001',
        'Invalid request body',
      );
    }
    await refused(post(s, `${OF}/${id}/coupons`), 400, 'CHK0103', 'Invalid coupon', {text: ''});
  });
});

describe('sandbox items', () => {
  it('refuses bad items with the code, message and field VTEX gives', async () => {
    const {s, id} = await cart();
    await refused(post(s, `${OF}/${id}/items`, {}), 400, 'CHK0022', 'orderItems is required');
    await refused(items(s, id, {}), 400, 'CHK0022', 'orderItems is required');
    await refused(items(s, id, ['1']), 400, 'CHK0022', 'Invalid item');
    await refused(items(s, id, [{quantity: 1}]), 400, 'CHK0022', 'Item  not found or invalid', {id: ''});
    await refused(items(s, id, [{id: '999', quantity: 1}]), 400, 'CHK0022', 'Item 999 not found or invalid', {
      id: '999',
    });
    for (const q of [0, -1, 1.5, 100_001, '2', null])
      await refused(items(s, id, [{id: '1', quantity: q}]), 400, 'CHK0023', 'Invalid quantity for item 1', {
        quantity: String(q),
      });
    await refused(
      items(s, id, [{id: '1', quantity: 1, seller: '2'}]),
      400,
      'CHK0024',
      'Invalid seller 2 for item 1',
      {
        seller: '2',
      },
    );
    await refused(
      items(s, id, [{id: '1', quantity: 1, seller: null}]),
      400,
      'CHK0024',
      'Invalid seller null for item 1',
      {
        seller: 'null',
      },
    );
    // One bad item refuses the whole request: nothing was added.
    await refused(
      items(s, id, [
        {id: '1', quantity: 1},
        {id: '999', quantity: 1},
      ]),
      400,
      'CHK0022',
      'Item 999 not found or invalid',
      {id: '999'},
    );
    assert.deepEqual((await s.body('GET', `${OF}/${id}`)).body.items, []);
  });

  it('takes numeric ids and sellers, merges a SKU into its line, and caps at the stock with one warning', async () => {
    const {s, id} = await cart();
    let of = (await items(s, id, [{id: 1, quantity: 2, seller: 1}])).body;
    assert.deepEqual(
      of.items.map((i: Body) => [i.id, i.quantity, i.seller]),
      [['1', 2, '1']],
    );
    of = (await items(s, id, [{id: '1', quantity: 3}])).body;
    assert.deepEqual(
      of.items.map((i: Body) => [i.id, i.quantity]),
      [['1', 5]],
    );
    assert.match(of.items[0].uniqueId, /^[0-9A-F]{32}$/);
    of = (await items(s, id, [{id: '2', quantity: 5}])).body;
    assert.deepEqual(
      of.items.map((i: Body) => [i.id, i.quantity]),
      [
        ['1', 5],
        ['2', 3],
      ],
    );
    const warning = {
      code: 'itemQuantityNotAvailable',
      text: 'A quantidade desejada para o item Product 2 Variant 2 não está disponível (máximo 3)',
      status: 'warning',
      fields: {itemIndex: '1', skuName: 'Product 2 Variant 2', quantity: '3'},
    };
    assert.deepEqual(of.messages, [warning]);
    of = (await items(s, id, [{id: '2', quantity: 1}])).body;
    assert.deepEqual(of.messages, [warning], 'the same message is not repeated');
    of = (await items(s, id, [{id: '1', quantity: 100_000}])).body;
    assert.equal(of.items[0].quantity, 50, '100 000 is allowed, then capped at the stock');
  });

  it('keeps a sold-out SKU at the quantity asked, with an error message', async () => {
    const {s, id} = await cart();
    const of = (await items(s, id, [{id: '3', quantity: 2}])).body;
    assert.deepEqual(
      of.items.map((i: Body) => [i.id, i.quantity]),
      [['3', 2]],
    );
    assert.deepEqual(of.messages, [
      {
        code: 'withoutStock',
        text: 'O item Product 3 Variant 3 não está disponível',
        status: 'error',
        fields: {itemIndex: '0', skuName: 'Product 3 Variant 3'},
      },
    ]);
  });

  it('updates by index, refusing the whole list on one bad entry; 0 removes; PATCH mixes updates and adds', async () => {
    const {s, id} = await cart();
    await items(s, id, [
      {id: '1', quantity: 1},
      {id: '2', quantity: 1},
    ]);
    const update = (orderItems: unknown) => post(s, `${OF}/${id}/items/update`, {orderItems});
    await refused(update(['x']), 400, 'CHK0041', 'Invalid item index');
    for (const index of [-1, 2, 0.5, '0', undefined])
      await refused(update([{index, quantity: 1}]), 400, 'CHK0041', `Invalid item index ${String(index)}`, {
        index: String(index),
      });
    for (const quantity of [-1, 1.5, 100_001, '1'])
      await refused(update([{index: 0, quantity}]), 400, 'CHK0023', `Invalid quantity ${String(quantity)}`, {
        quantity: String(quantity),
      });
    await refused(
      update([
        {index: 0, quantity: 7},
        {index: 5, quantity: 1},
      ]),
      400,
      'CHK0041',
      'Invalid item index 5',
      {
        index: '5',
      },
    );
    let of = (await s.body('GET', `${OF}/${id}`)).body;
    assert.deepEqual(
      of.items.map((i: Body) => i.quantity),
      [1, 1],
      'nothing applied from a refused list',
    );
    of = (await update([{index: 1, quantity: 100_000}])).body;
    assert.deepEqual(
      of.items.map((i: Body) => i.quantity),
      [1, 3],
    );
    of = (await update([{index: 0, quantity: 0}])).body;
    assert.deepEqual(
      of.items.map((i: Body) => i.id),
      ['2'],
    );
    of = (
      await s.body('PATCH', `${OF}/${id}/items`, {
        orderItems: [
          {index: 0, quantity: 2},
          {id: '1', quantity: 4},
        ],
      })
    ).body;
    assert.deepEqual(
      of.items.map((i: Body) => [i.id, i.quantity]),
      [
        ['2', 2],
        ['1', 4],
      ],
    );
    of = (await s.body('PATCH', `${OF}/${id}/items`, {orderItems: [{index: null, id: '1', quantity: 1}]}))
      .body;
    assert.deepEqual(
      of.items.map((i: Body) => [i.id, i.quantity]),
      [
        ['2', 2],
        ['1', 5],
      ],
      'index null adds',
    );
    await refused(
      s.body('PATCH', `${OF}/${id}/items`, {orderItems: [{index: 9, quantity: 1}]}),
      400,
      'CHK0041',
      'Invalid item index 9',
      {index: '9'},
    );
    // POST items with an index is an add: the index does not make it an update.
    await refused(items(s, id, [{index: 0, quantity: 1}]), 400, 'CHK0022', 'Item  not found or invalid', {
      id: '',
    });
    of = (await post(s, `${OF}/${id}/items/removeAll`, {})).body;
    assert.deepEqual(of.items, []);
  });
});

describe('sandbox coupons and messages', () => {
  it('an unknown code is a message, a known one (any case) replaces it, an empty text removes the coupon', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    const coupon = (text: unknown) => post(s, `${OF}/${id}/coupons`, {text});
    await refused(coupon(10), 400, 'CHK0103', 'Invalid coupon', {text: ''});
    let of = (await coupon(' nope ')).body;
    assert.deepEqual(of.messages, [
      {code: 'couponNotFound', text: 'O cupom nope é inválido', status: 'error', fields: {coupon: 'nope'}},
    ]);
    assert.equal(of.marketingData, null);
    of = (await coupon(' summer10 ')).body;
    assert.deepEqual(of.messages, []);
    assert.equal(of.marketingData.coupon, 'SUMMER10');
    assert.deepEqual(of.marketingData.marketingTags, []);
    of = (await coupon('')).body;
    assert.equal(of.marketingData.coupon, undefined, 'VTEX leaves a removed coupon out');
    assert.deepEqual(of.marketingData.marketingTags, []);
    of = (await coupon('nope')).body;
    of = (await post(s, `${OF}/${id}/messages/clear`, {})).body;
    assert.deepEqual(of.messages, []);
  });
});

describe('sandbox client profile', () => {
  const attach = (s: Shopper, id: string, body: Body) =>
    post(s, `${OF}/${id}/attachments/clientProfileData`, body);

  it('refuses each invalid field with ORD007 naming it', async () => {
    const {s, id} = await cart();
    const bad = (over: Body, field: string, message: string, value: string) =>
      refused(attach(s, id, {...PROFILE, ...over}), 400, 'ORD007', message, {[field]: value});
    await bad({email: 'ana@'}, 'email', 'Invalid email', 'ana@');
    await bad({email: 'a b@example.com'}, 'email', 'Invalid email', 'a b@example.com');
    await bad({email: 'ana@example.c'}, 'email', 'Invalid email', 'ana@example.c');
    const long = `${'a'.repeat(243)}@example.com`;
    await bad({email: long}, 'email', 'Invalid email', long);
    await bad({firstName: ' '}, 'firstName', 'Invalid first name', ' ');
    await bad({firstName: 'x'.repeat(101)}, 'firstName', 'Invalid first name', 'x'.repeat(101));
    await bad({lastName: undefined}, 'lastName', 'Invalid last name', '');
    await bad({lastName: 'y'.repeat(101)}, 'lastName', 'Invalid last name', 'y'.repeat(101));
    await bad({document: ' '}, 'document', 'Document required', ' ');
    await bad({document: '111.111.111-11'}, 'document', 'Invalid CPF', '111.111.111-11');
    await bad({documentType: 'CPF', document: '123'}, 'document', 'Invalid CPF', '123');
    await bad({phone: 'call me'}, 'phone', 'Invalid phone', 'call me');
    await bad({phone: '1234567'}, 'phone', 'Invalid phone', '1234567');
    await bad({isCorporate: true}, 'corporateName', 'Corporate name required', '');
    await bad(
      {isCorporate: true, corporateName: 'ACME'},
      'corporateDocument',
      'Corporate document required',
      '',
    );
  });

  it('keeps what it was sent, cleaned: trimmed names, CPF digits, a passport as typed, no empty phone', async () => {
    const {s, id} = await cart();
    let of = (await attach(s, id, {...PROFILE, email: ' ana@example.com ', firstName: ' Ana ', phone: ''}))
      .body;
    assert.deepEqual(
      [
        of.clientProfileData.email,
        of.clientProfileData.firstName,
        of.clientProfileData.document,
        of.clientProfileData.phone,
      ],
      ['ana@example.com', 'Ana', '52998224725', null],
    );
    of = (
      await attach(s, id, {
        ...PROFILE,
        documentType: 'passport',
        document: 'AB-123 456',
        phone: '(21) 99999-0000',
        isCorporate: true,
        corporateName: 'ACME',
        corporateDocument: '11.222.333/0001-81',
        tradeName: 7,
      })
    ).body;
    const p = of.clientProfileData;
    assert.deepEqual(
      [p.documentType, p.document, p.phone, p.isCorporate, p.corporateName, p.corporateDocument, p.tradeName],
      ['passport', 'AB-123 456', '(21) 99999-0000', true, 'ACME', '11.222.333/0001-81', '7'],
    );
    of = (await attach(s, id, {...PROFILE, isCorporate: 'yes'})).body;
    assert.equal(of.clientProfileData.isCorporate, false, 'only `true` is corporate');
  });

  it('sets a fresh ownership cookie on each attach; a signed-in shopper cannot attach another e-mail', async () => {
    const {sandbox, s, id} = await cart();
    const res = await s.call('POST', `${OF}/${id}/attachments/clientProfileData`, PROFILE);
    const [cookie] = res.headers.getSetCookie();
    assert.match(
      cookie!,
      /^CheckoutOrderFormOwnership=[0-9a-f]{64}; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const login = await sandbox.fetch(
      new Request(`${BASE}/login`, {
        method: 'POST',
        body: new URLSearchParams({email: 'bia@example.com', code: '123456', returnUrl: '/'}),
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      }),
    );
    s.jar.store(login);
    await refused(attach(s, id, PROFILE), 400, 'CHK0109', 'The email belongs to another user', {
      email: 'ana@example.com',
    });
    const own = await attach(s, id, {...PROFILE, email: 'BIA@example.com'});
    assert.equal(own.status, 200, 'the same e-mail in another case is the shopper');
  });
});

describe('sandbox shipping data', () => {
  const ship = (s: Shopper, id: string, body: Body) => post(s, `${OF}/${id}/attachments/shippingData`, body);
  const at = (over: Body) => ({selectedAddresses: [{...ADDRESS, ...over}]});

  it('refuses each invalid address with the code VTEX gives', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    await refused(ship(s, id, {selectedAddresses: ['x']}), 400, 'ORD006', 'Invalid address', {address: ''});
    await refused(ship(s, id, at({country: 'ARG'})), 400, 'ORD026', 'Invalid country code ARG', {
      country: 'ARG',
    });
    await refused(ship(s, id, at({country: undefined})), 400, 'ORD026', 'Invalid country code ', {
      country: '',
    });
    await refused(
      ship(s, id, at({postalCode: ' '})),
      400,
      'CHK0119',
      'Address needs a postal code or geocoordinates',
      {
        postalCode: '',
      },
    );
    await refused(ship(s, id, at({postalCode: '2225'})), 400, 'ORD001', 'Invalid postal code 2225', {
      postalCode: '2225',
    });
    await refused(ship(s, id, at({addressType: 'moon'})), 400, 'ORD006', 'Invalid addressType', {
      addressType: 'moon',
    });
    for (const f of [
      'receiverName',
      'city',
      'state',
      'street',
      'number',
      'neighborhood',
      'complement',
      'reference',
    ]) {
      await refused(ship(s, id, at({[f]: true})), 400, 'ORD006', `Invalid field ${f}`, {[f]: 'true'});
      await refused(ship(s, id, at({[f]: 'z'.repeat(201)})), 400, 'ORD006', `Invalid field ${f}`, {
        [f]: 'z'.repeat(201),
      });
    }
    assert.equal(
      (await ship(s, id, at({street: 'z'.repeat(200), number: 300, complement: null}))).status,
      200,
    );
    await refused(ship(s, id, {logisticsInfo: {}}), 400, 'CHK0041', 'Invalid logisticsInfo');
    await refused(ship(s, id, {logisticsInfo: [1]}), 400, 'CHK0041', 'Invalid logisticsInfo');
    for (const itemIndex of [-1, 1, 0.5, '0'])
      await refused(
        ship(s, id, {logisticsInfo: [{itemIndex, selectedSla: 'Normal'}]}),
        400,
        'CHK0041',
        `Invalid item index ${String(itemIndex)}`,
        {
          itemIndex: String(itemIndex),
        },
      );
  });

  it('fills a known postal code, keeps what the shopper typed, takes their coordinates and address id', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    let a = (
      await ship(s, id, {
        address: {
          country: 'bra',
          postalCode: '22250040',
          city: '',
          number: 12,
          addressId: 'home',
          isDisposable: false,
        },
      })
    ).body.shippingData.address;
    assert.deepEqual(
      [
        a.addressType,
        a.country,
        a.postalCode,
        a.city,
        a.state,
        a.street,
        a.neighborhood,
        a.number,
        a.addressId,
        a.isDisposable,
        a.geoCoordinates,
        a.receiverName,
        a.complement,
      ],
      [
        'residential',
        'BRA',
        '22250-040',
        'Rio de Janeiro',
        'RJ',
        'Praia de Botafogo',
        'Botafogo',
        '12',
        'home',
        false,
        [-43.1822, -22.9468],
        null,
        null,
      ],
    );
    a = (
      await ship(s, id, at({postalCode: '01310-100', city: 'São Paulo', geoCoordinates: [-46.6, -23.5, 1]}))
    ).body.shippingData.address;
    // Three numbers are not a point: the known postal code's coordinates stand.
    assert.deepEqual(
      [a.postalCode, a.city, a.street, a.geoCoordinates],
      ['01310-100', 'São Paulo', 'Praia de Botafogo', [-46.6544, -23.5646]],
    );
    assert.match(a.addressId, /^[0-9a-f]{32}$/);
    assert.equal(a.isDisposable, true);
    a = (await ship(s, id, at({postalCode: '01310-100', street: '', geoCoordinates: [-46.6, 'x', -23.5]})))
      .body.shippingData.address;
    assert.deepEqual(
      [a.street, a.geoCoordinates],
      ['Avenida Paulista', [-46.6, -23.5]],
      'empty: the known street',
    );
  });

  it('takes the delivery address from a list that starts with a pickup point', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    const pickup = {...ADDRESS, addressType: 'pickup', postalCode: '01310-100'};
    const a = (await ship(s, id, {selectedAddresses: [pickup, {...ADDRESS, addressType: 'commercial'}]})).body
      .shippingData.address;
    assert.deepEqual([a.addressType, a.postalCode], ['commercial', '22250-040']);
  });

  it('a new postal code resets the chosen delivery; the same one keeps it; a chosen null keeps it too', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    const sla = (of: Body) => of.shippingData.logisticsInfo[0].selectedSla;
    let of = (await ship(s, id, {...at({}), logisticsInfo: [{itemIndex: 0, selectedSla: 'Expressa'}]})).body;
    assert.equal(sla(of), 'Expressa');
    of = (await ship(s, id, at({street: 'Outra'}))).body;
    assert.equal(sla(of), 'Expressa', 'same postal code');
    of = (await ship(s, id, {logisticsInfo: [{itemIndex: 0, selectedSla: null}]})).body;
    assert.equal(sla(of), 'Expressa');
    of = (await ship(s, id, at({postalCode: '01310-100'}))).body;
    assert.equal(sla(of), 'Normal', 'reset, then the cheapest chosen again');
  });

  it('says when nothing can be delivered to the postal code', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    const of = (await ship(s, id, at({postalCode: '99999-999'}))).body;
    assert.deepEqual(of.messages, [
      {
        code: 'cannotBeDelivered',
        text: 'Os itens não podem ser entregues para o CEP 99999-999',
        status: 'error',
        fields: {postalCode: '99999-999'},
      },
    ]);
    const empty = await cart();
    assert.deepEqual(
      (await ship(empty.s, empty.id, at({postalCode: '99999-999'}))).body.messages,
      [],
      'no items, no message',
    );
  });

  it('rotates the ownership cookie only for the tab that holds it', async () => {
    const {sandbox, s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    await post(s, `${OF}/${id}/attachments/clientProfileData`, PROFILE);
    const mine = await s.call('POST', `${OF}/${id}/attachments/shippingData`, at({}));
    assert.match(mine.headers.getSetCookie()[0] ?? '', /^CheckoutOrderFormOwnership=[0-9a-f]{64};/);
    const other = new Shopper(sandbox);
    other.jar.store(new Response(null, {headers: {'Set-Cookie': `checkout.vtex.com=__ofid=${id}; Path=/`}}));
    const theirs = await other.call('POST', `${OF}/${id}/attachments/shippingData`, at({}));
    assert.equal(theirs.status, 200);
    assert.deepEqual(theirs.headers.getSetCookie(), []);
  });
});

describe('sandbox payment, marketing, preferences and unknown attachments', () => {
  it('refuses payments without a list, an object or a reference value', async () => {
    const {s, id} = await cart();
    const pay = (body: Body) => post(s, `${OF}/${id}/attachments/paymentData`, body);
    await refused(pay({}), 400, 'ORD020', 'Payment data required', {payments: ''});
    await refused(pay({payments: [1]}), 400, 'ORD020', 'Invalid payment');
    await refused(
      pay({payments: [{paymentSystem: 2, referenceValue: '10'}]}),
      400,
      'ORD020',
      'Payment referenceValue is required',
      {
        referenceValue: '',
      },
    );
    const of = (await pay({payments: [{paymentSystem: 999, referenceValue: 0}]})).body;
    assert.deepEqual(of.messages, [
      {
        code: 'unavailableSelectedPayment',
        text: 'Payment system 999 is not available',
        status: 'warning',
        fields: {paymentSystem: '999'},
      },
    ]);
    assert.deepEqual(of.paymentData.payments, []);
  });

  it('marketing data keeps earlier values, takes `utmiPage`, and refuses bad tags', async () => {
    const {s, id} = await cart();
    const mk = (body: Body) => post(s, `${OF}/${id}/attachments/marketingData`, body);
    for (const marketingTags of ['a', [1], Array.from({length: 51}, () => 't')])
      await refused(mk({marketingTags}), 400, 'ORD006', 'Invalid marketingTags', {marketingTags: ''});
    let m = (
      await mk({utmSource: 'news', utmiPage: 'home', marketingTags: Array.from({length: 50}, () => 't')})
    ).body.marketingData;
    assert.deepEqual(
      [m.utmSource, m.utmipage, m.marketingTags.length, m.coupon],
      ['news', 'home', 50, undefined],
    );
    m = (await mk({utmMedium: 'mail', utmipage: 'p2', coupon: 'blackfriday'})).body.marketingData;
    assert.deepEqual(
      [m.utmSource, m.utmMedium, m.utmipage, m.marketingTags.length, m.coupon],
      ['news', 'mail', 'p2', 50, 'BLACKFRIDAY'],
    );
    m = (await mk({coupon: 5})).body.marketingData;
    assert.equal(m.coupon, 'BLACKFRIDAY', 'a coupon that is not text is ignored');
  });

  it('takes the newsletter opt-in only as a boolean, and names an unknown attachment', async () => {
    const {s, id} = await cart();
    const pref = (body: Body) => post(s, `${OF}/${id}/attachments/clientPreferencesData`, body);
    assert.equal((await pref({optinNewsLetter: true})).body.clientPreferencesData.optinNewsLetter, true);
    assert.equal((await pref({optinNewsLetter: 'false'})).body.clientPreferencesData.optinNewsLetter, true);
    assert.equal((await pref({optinNewsLetter: false})).body.clientPreferencesData.optinNewsLetter, false);
    await refused(
      post(s, `${OF}/${id}/attachments/giftRegistryData`, {}),
      400,
      'CHK0001',
      'Unknown attachment giftRegistryData',
    );
  });
});

describe('sandbox custom data', () => {
  it('refuses bad app and field names, empty sets and non-text values; DELETE removes one field', async () => {
    const {s, id} = await cart();
    const put = (path: string, body: unknown) => s.body('PUT', `${OF}/${id}/customData/${path}`, body);
    await refused(put('bad app', {value: 'x'}), 400, 'CHK0001', 'Invalid custom data app or field name', {
      appId: 'bad app',
      field: '',
    });
    await refused(
      put('app/bad%20field', {value: 'x'}),
      400,
      'CHK0001',
      'Invalid custom data app or field name',
      {
        appId: 'app',
        field: 'bad field',
      },
    );
    await refused(put('app', {}), 400, 'CHK0001', 'Custom data needs at least one field', {appId: 'app'});
    await refused(put('app', {'a b': 'x'}), 400, 'CHK0001', 'Invalid custom field a b');
    await refused(put('app/f', {value: 1}), 400, 'CHK0001', 'The value of f must be a string', {f: ''});
    await refused(
      put('app/f', {value: 'v'.repeat(10_001)}),
      400,
      'CHK0001',
      'The value of f must be a string',
      {f: ''},
    );
    assert.equal((await put('app/f', {value: 'v'.repeat(10_000)})).status, 200);
    let apps = (await put('app', {g: 'two', h: 'three'})).body.customData.customApps;
    assert.deepEqual(
      apps.map((a: Body) => [a.id, Object.keys(a.fields).sort()]),
      [['app', ['f', 'g', 'h']]],
    );
    apps = (await s.body('DELETE', `${OF}/${id}/customData/app/g`)).body.customData.customApps;
    assert.deepEqual(Object.keys(apps[0].fields).sort(), ['f', 'h']);
    await notRouted(s, 'DELETE', `${OF}/${id}/customData/app`);
    await notRouted(s, 'POST', `${OF}/${id}/customData/app/f`, {value: 'x'});
    await notRouted(s, 'PUT', `${OF}/${id}/customData/app/f/x`, {value: 'x'});
  });
});

describe('sandbox installments, simulation, postal codes, pickup points and profiles', () => {
  it('lists installments for a payment system over the cart value; an unknown system is CHK0116', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    await refused(
      s.body('GET', `${OF}/${id}/installments?paymentSystem=999`),
      400,
      'CHK0116',
      'Invalid payment system',
    );
    await refused(s.body('GET', `${OF}/${id}/installments`), 400, 'CHK0116', 'Invalid payment system');
    const body = (await s.body('GET', `${OF}/${id}/installments?paymentSystem=2`)).body;
    assert.deepEqual(
      [
        body.paymentSystem,
        body.bin,
        body.paymentName,
        body.paymentGroupName,
        body.value,
        body.installments.length,
      ],
      [2, null, 'Visa', 'creditCardPaymentGroup', 10000, 6],
    );
    assert.deepEqual(body.installments[2], {
      count: 3,
      hasInterestRate: false,
      interestRate: 0,
      value: 3333,
      total: 10000,
      sellerMerchantInstallments: [
        {id: 'SANDBOX', count: 3, hasInterestRate: false, interestRate: 0, value: 3333, total: 10000},
      ],
    });
  });

  it('simulates: unknown SKUs, stock caps, sold-out lines, undeliverable codes and the totals', async () => {
    const {sandbox, clock} = makeSandbox();
    const s = new Shopper(sandbox);
    const sim = (body: unknown) => post(s, `${PUB}/orderForms/simulation`, body);
    await refused(sim({}), 400, 'CHK0022', 'items is required');
    const r = (
      await sim({
        items: [
          'x',
          {id: '999', quantity: 1},
          {id: 1, quantity: 2.7},
          {id: '2', quantity: 5},
          {id: '3', quantity: 4},
          {id: '1', quantity: -3},
        ],
      })
    ).body;
    assert.deepEqual(
      r.items.map((i: Body) => [i.id, i.requestIndex, i.quantity, i.availability, i.priceDefinition.total]),
      [
        ['1', 2, 2, 'available', 20000],
        ['2', 3, 3, 'available', 9999],
        ['3', 4, 4, 'withoutStock', 0],
        ['1', 5, 1, 'available', 10000],
      ],
    );
    assert.deepEqual(r.messages, [
      {code: 'ORD027', text: 'Item 999 não encontrado', status: 'error', fields: {id: '999'}},
      {
        code: 'itemQuantityNotAvailable',
        text: 'A quantidade desejada para o item Product 2 Variant 2 não está disponível',
        status: 'warning',
        fields: {skuName: 'Product 2 Variant 2'},
      },
    ]);
    assert.deepEqual(r.totals, [{id: 'Items', name: 'Total dos Itens', value: 39999}]);
    assert.deepEqual([r.country, r.postalCode, r.geoCoordinates, r.pickupPoints], ['BRA', null, [], []]);
    assert.deepEqual(
      r.logisticsInfo.map((l: Body) => [l.itemIndex, l.quantity, l.slas.length]),
      [
        [0, 2, 0],
        [1, 3, 0],
        [2, 4, 0],
        [3, 1, 0],
      ],
    );
    assert.equal(r.items[0].priceValidUntil, new Date(clock.now() + 365 * 86_400_000).toISOString());
    assert.deepEqual(
      r.paymentData.installmentOptions.map((o: Body) => o.value),
      Array(r.paymentData.installmentOptions.length).fill(39999),
    );
    const far = (
      await sim({
        items: [
          {id: '1', quantity: 1},
          {id: '3', quantity: 1},
        ],
        country: 'bra',
        postalCode: '99999-999',
        geoCoordinates: [1, 2],
      })
    ).body;
    assert.deepEqual(
      far.items.map((i: Body) => i.availability),
      ['cannotBeDelivered', 'withoutStock'],
    );
    assert.deepEqual(
      [far.country, far.postalCode, far.geoCoordinates, far.pickupPoints],
      ['BRA', '99999-999', [1, 2], []],
    );
    assert.deepEqual(far.messages.at(-1), {
      code: 'cannotBeDelivered',
      text: 'Os itens não podem ser entregues para o CEP 99999-999',
      status: 'error',
      fields: {postalCode: '99999-999'},
    });
    const near = (await sim({items: [{id: '1', quantity: 1}], postalCode: '22250-040'})).body;
    assert.equal(near.items[0].availability, 'available');
    assert.deepEqual(near.messages, []);
    assert.deepEqual(
      near.pickupPoints.map((p: Body) => p.id),
      ['1_LOJA-RJ', '1_LOJA-SP'],
    );
    assert.deepEqual(near.logisticsInfo[0].deliveryChannels, [{id: 'delivery'}, {id: 'pickup-in-point'}]);
  });

  it('looks up postal codes in any case and says which one it does not know', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    assert.equal((await s.body('GET', `${PUB}/postal-code/bra/22250-040`)).body.city, 'Rio de Janeiro');
    await refused(
      s.body('GET', `${PUB}/postal-code/BRA/11111111`),
      404,
      'ORD001',
      'Postal code 11111111 not found',
    );
  });

  it('lists pickup points near a valid Brazilian code or coordinates, with empty strings where VTEX has them', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    const near = (await s.body('GET', `${PUB}/pickup-points?postalCode=22250-040`)).body;
    assert.deepEqual(near.paging, {page: 1, pageSize: 30, total: 2, pages: 1});
    assert.deepEqual(
      near.items.map((i: Body) => i.distance),
      [5, 12],
    );
    assert.deepEqual(
      near.items.map((i: Body) => [
        i.pickupPoint.id,
        i.pickupPoint.address.receiverName,
        typeof i.pickupPoint.address.reference,
      ]),
      [
        ['1_LOJA-RJ', '', 'string'],
        ['1_LOJA-SP', '', 'string'],
      ],
    );
    assert.equal(
      (await s.body('GET', `${PUB}/pickup-points?geoCoordinates=-43.1;-22.9&countryCode=bra`)).body.items
        .length,
      2,
    );
    for (const q of ['postalCode=2225', 'countryCode=USA&postalCode=10001', '']) {
      const none = (await s.body('GET', `${PUB}/pickup-points?${q}`)).body;
      assert.deepEqual(none, {paging: {page: 1, pageSize: 30, total: 0, pages: 0}, items: []}, q);
    }
  });

  it('answers profiles: refuses a bad e-mail, masks a known one for strangers, shows it to its owner', async () => {
    const {sandbox} = makeSandbox();
    const s = new Shopper(sandbox);
    await refused(s.body('GET', `${PUB}/profiles?email=nope`), 400, 'ORD007', 'Invalid email', {
      email: 'nope',
    });
    await refused(s.body('GET', `${PUB}/profiles`), 400, 'ORD007', 'Invalid email', {email: ''});
    assert.deepEqual((await s.body('GET', `${PUB}/profiles?email=nobody@example.com`)).body, {
      userProfileId: null,
      profileProvider: 'VTEX',
      availableAccounts: [],
      availableAddresses: [],
      userProfile: null,
      isComplete: false,
    });
    const masked = (await s.body('GET', `${PUB}/profiles?email=%20CLARK.KENT@example.com%20`)).body;
    assert.deepEqual(
      [
        masked.userProfile.firstName,
        masked.userProfile.lastName,
        masked.userProfile.document,
        masked.userProfile.phone,
        masked.isComplete,
      ],
      ['Cla**', 'Ken*', '***********', '+55***********', true],
    );
    const login = await sandbox.fetch(
      new Request(`${BASE}/login`, {
        method: 'POST',
        body: new URLSearchParams({email: 'clark.kent@example.com', code: '123456', returnUrl: '/'}),
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      }),
    );
    s.jar.store(login);
    const own = (await s.body('GET', `${PUB}/profiles?email=clark.kent@example.com`)).body.userProfile;
    assert.deepEqual(
      [own.firstName, own.lastName, own.document, own.phone],
      ['Clark', 'Kent', '52998224725', '+5521998765432'],
    );
  });

  it('changeToAnonymousUser forgets the shopper, the address, the payments and the chosen delivery', async () => {
    const {s, id} = await cart();
    await items(s, id, [{id: '1', quantity: 1}]);
    await post(s, `${OF}/${id}/attachments/clientProfileData`, PROFILE);
    await post(s, `${OF}/${id}/attachments/shippingData`, {
      selectedAddresses: [ADDRESS],
      logisticsInfo: [{itemIndex: 0, selectedSla: 'Expressa'}],
    });
    await post(s, `${OF}/${id}/attachments/paymentData`, {payments: [{paymentSystem: 2, referenceValue: 1}]});
    const of = (await s.body('GET', `/checkout/changeToAnonymousUser/${id}`)).body;
    assert.equal(of.clientProfileData, null);
    assert.equal(of.shippingData.address, null);
    assert.equal(of.shippingData.logisticsInfo[0].selectedSla, null);
    assert.deepEqual(of.paymentData.payments, []);
    assert.deepEqual(
      of.items.map((i: Body) => i.quantity),
      [1],
    );
  });
});
