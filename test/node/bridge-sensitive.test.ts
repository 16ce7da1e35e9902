/**
 * The bridge's security promise in detail (src/bridge/sensitive.ts): which payments bodies count as card
 * data (422 before VTEX is called) and which pass untouched, and exactly what token scrubbing removes from a
 * shopper's answers and what it leaves alone. Called in-process (a Fetch handler), no server needed.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexBridge} from '../../src/bridge/index.js';

const PAYMENTS =
  'https://shop.example/api/payments/transactions/ABCDEF0123456789ABCDEF0123456789/payments?orderId=v1';

/** A bridge whose upstream records each body it receives and answers `{}`. */
function paymentsBridge() {
  const forwarded: string[] = [];
  const bridge = createVtexBridge({
    upstream: async (req) => {
      forwarded.push(await req.text());
      return new Response('{}', {headers: {'Content-Type': 'application/json'}});
    },
    account: 'mystore',
    allowedOrigins: [],
    logger: {warn() {}},
  });
  const post = (body: unknown) =>
    bridge(
      new Request(PAYMENTS, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body),
      }),
    );
  return {post, forwarded};
}

const payment = (fields: Record<string, unknown>) => [
  {paymentSystem: '2', value: 100, referenceValue: 100, installments: 1, fields},
];

async function assertRefused(res: Response, field: string): Promise<void> {
  assert.equal(res.status, 422, field);
  const body = (await res.json()) as {error: {code: string; message: string}};
  assert.equal(body.error.code, 'BRIDGE_CARD_DATA');
  assert.equal(
    body.error.message,
    `Card data (${field}) must go straight to VTEX's payment host, never through the bridge: set payments-api on <vtex-store>`,
  );
}

/** `levels` arrays around a string: the string sits at depth `levels`. */
const nested = (levels: number): unknown => (levels === 0 ? 'x' : [nested(levels - 1)]);

describe('bridge: card data refused (sensitive.ts)', () => {
  it('refuses each card field name, whatever its case, and names it', async () => {
    const {post, forwarded} = paymentsBridge();
    for (const name of [
      'cardNumber',
      'validationCode',
      'holderName',
      'dueDate',
      'cvv',
      'cvc',
      'cvv2',
      'securityCode',
      'cardHolder',
      'expirationDate',
      'pan',
      'CVV',
      'CardNumber',
    ]) {
      await assertRefused(await post(payment({[name]: 'abc'})), name);
    }
    assert.deepEqual(forwarded, [], 'nothing reached VTEX');
  });

  it('lets card field names through when they carry no value (null or empty)', async () => {
    const {post, forwarded} = paymentsBridge();
    for (const fields of [{cardNumber: null}, {validationCode: ''}, {holderName: null, dueDate: ''}]) {
      const res = await post(payment(fields));
      assert.equal(res.status, 200, JSON.stringify(fields));
    }
    assert.deepEqual(
      forwarded.map((b) => JSON.parse(b)),
      [payment({cardNumber: null}), payment({validationCode: ''}), payment({holderName: null, dueDate: ''})],
    );
  });

  it('refuses a string anywhere that reads as a card number: 13 to 19 digits, spaces or dashes, Luhn-valid', async () => {
    const {post, forwarded} = paymentsBridge();
    for (const value of [
      '5555555555554444', // doubled digits above 9 (Luhn's minus-nine step)
      '5555 5555 5555 4444',
      '5555-5555-5555-4444',
      '4111111111119', // 13 digits
      '4111111111111111110', // 19 digits
    ]) {
      await assertRefused(await post(payment({note: value})), 'card number');
      await assertRefused(
        await post([{paymentSystem: '2', merchantSellerPayments: [{id: value}]}]),
        'card number',
      );
    }
    assert.deepEqual(forwarded, []);
  });

  it('passes strings that only resemble a card number', async () => {
    const {post, forwarded} = paymentsBridge();
    const values = [
      '4111111111111112', // fails Luhn
      '5555555555554443',
      '4111 1111 1117', // Luhn-valid but 12 digits
      '0000 0000 0000',
      '41111111111111111115', // Luhn-valid but 20 digits
      'A411111111111111', // Luhn-valid with the letter's code, but not all digits
      '411111111111111E',
      'ref 5555 5555 5555 4444',
    ];
    for (const value of values) {
      const res = await post(payment({note: value}));
      assert.equal(res.status, 200, value);
    }
    assert.deepEqual(
      forwarded.map((b) => (JSON.parse(b) as {fields: {note: string}}[])[0]!.fields.note),
      values,
    );
  });

  it('walks nulls, numbers and booleans without tripping, and refuses nesting deeper than 32 levels', async () => {
    const {post, forwarded} = paymentsBridge();
    const plain = [{paymentSystem: '125', fields: null, merchantSellerPayments: null, value: 0, isPix: true}];
    assert.equal((await post(plain)).status, 200);
    assert.equal((await post(nested(32))).status, 200, 'a value at depth 32 is still read');
    await assertRefused(await post(nested(33)), 'nesting');
    await assertRefused(await post([{fields: nested(40)}]), 'nesting');
    assert.deepEqual(
      forwarded.map((b) => JSON.parse(b)),
      [plain, nested(32)],
    );
  });
});

/** A bridge in front of an upstream that answers `body` on /api/sessions (a scrubbed family). */
function sessionsBridge(
  body: string,
  headers: Record<string, string> = {'Content-Type': 'application/json'},
) {
  const bridge = createVtexBridge({
    upstream: async () => new Response(body, {headers}),
    account: 'mystore',
    allowedOrigins: [],
    logger: {warn() {}},
  });
  return async (cookie?: string) => {
    const res = await bridge(
      new Request('https://shop.example/api/sessions?items=*', {headers: cookie ? {Cookie: cookie} : {}}),
    );
    assert.equal(res.status, 200);
    return res.text();
  };
}

describe('bridge: token scrubbing (sensitive.ts)', () => {
  it('nulls login tokens in JSON wherever they sit and keeps every other field as it was', async () => {
    const upstream = {
      authStatus: 'Success',
      authCookie: {Name: 'VtexIdclientAutCookie_mystore', Value: 'minted-token-value-1'},
      accountAuthCookie: null,
      token: 'opaque-token-2',
      UserToken: 'opaque-token-3',
      items: [
        {idToken: 'opaque-token-4', name: 'kept', authCookie: {value: 'minted-token-value-5', expires: 1}},
        [{accessToken: 'opaque-token-6'}, 'plain', 7, null, false],
      ],
      tokenType: 'Bearer',
      continuationToken: 'page-2',
      authCookieSettings: {Value: 'not a token holder'},
      refreshToken: null,
      nested: {deeper: {refreshToken: 'opaque-token-7', count: 3, ok: true}},
      empty: {},
      list: [],
    };
    const get = sessionsBridge(JSON.stringify(upstream));
    assert.deepEqual(JSON.parse(await get()), {
      authStatus: 'Success',
      authCookie: {Name: 'VtexIdclientAutCookie_mystore', Value: null},
      accountAuthCookie: null,
      token: null,
      UserToken: null,
      items: [
        {idToken: null, name: 'kept', authCookie: {value: null, expires: 1}},
        [{accessToken: null}, 'plain', 7, null, false],
      ],
      tokenType: 'Bearer',
      continuationToken: 'page-2',
      authCookieSettings: {Value: 'not a token holder'},
      refreshToken: null,
      nested: {deeper: {refreshToken: null, count: 3, ok: true}},
      empty: {},
      list: [],
    });
  });

  it('scrubs down to 64 levels of nesting', async () => {
    let doc: unknown = {authCookie: {Name: 'n', Value: 'deep-token-value'}, token: 'deep-token-2'};
    let expected: unknown = {authCookie: {Name: 'n', Value: null}, token: null};
    for (let i = 0; i < 64; i++) {
      doc = {level: doc};
      expected = {level: expected};
    }
    assert.deepEqual(JSON.parse(await sessionsBridge(JSON.stringify(doc))()), expected);
  });

  it('sends a body that is not JSON by its content type byte for byte', async () => {
    for (const [body, type] of [
      ['{ "note": "spaced as sent" }', 'text/plain'],
      ['<html><body>token: 1</body></html>', 'text/html; charset=utf-8'],
      ['{"broken": ', 'application/json'],
    ] as const) {
      assert.equal(await sessionsBridge(body, {'Content-Type': type})(), body);
    }
    assert.equal(await sessionsBridge('{ "a": 1 }', {})(), '{ "a": 1 }', 'no content type at all');
  });

  it('removes the login and refresh cookie values (8 characters and up) from any body, and nothing else', async () => {
    const ofid = '0123456789abcdef0123456789abcdef';
    const text = `login=abcdefgh; refresh=vid-refresh-1; cart=${ofid}; other=other-cookie-value`;
    const get = sessionsBridge(text, {'Content-Type': 'text/plain'});
    assert.equal(
      await get(
        `VtexIdclientAutCookie_mystore=abcdefgh; vid_rt=vid-refresh-1; checkout.vtex.com=__ofid=${ofid}; other=other-cookie-value`,
      ),
      `login=; refresh=; cart=${ofid}; other=other-cookie-value`,
    );
    const json = sessionsBridge(JSON.stringify({echo: 'xyz-abcdefgh-xyz', quantity: 1}));
    assert.equal(
      await json('VtexIdclientAutCookie_mystore=abcdefgh'),
      JSON.stringify({echo: 'xyz--xyz', quantity: 1}),
    );
    assert.equal(
      await json('VtexIdclientAutCookie_mystore=1; vid_rt=abcdefg'),
      JSON.stringify({echo: 'xyz-abcdefgh-xyz', quantity: 1}),
      'values shorter than 8 characters are left alone: removing them would corrupt the body',
    );
  });

  it('removes a login token VTEX sets in the same answer', async () => {
    const bridge = createVtexBridge({
      upstream: async () =>
        new Response(JSON.stringify({echo: 'fresh-token-123', other: 'other-value-123'}), {
          headers: [
            ['Content-Type', 'application/json'],
            ['Set-Cookie', 'VtexIdclientAutCookie_mystore=fresh-token-123; Path=/; HttpOnly'],
            ['Set-Cookie', 'checkout.vtex.com=other-value-123; Path=/; HttpOnly'],
          ],
        }),
      account: 'mystore',
      allowedOrigins: [],
      logger: {warn() {}},
    });
    const res = await bridge(new Request('https://shop.example/api/sessions'));
    assert.deepEqual(await res.json(), {echo: '', other: 'other-value-123'});
  });
});
