/**
 * Placement's answers pinned exactly (src/client/placement.ts; mutants that survived test/node/client.test.ts):
 * the gatewayCallback failure it throws, every shape of a 428 redirect body (which links are kept, how an app's
 * payload is read) and every place-order response shape, with the exact error when one is unusable.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {VtexError} from '../../src/client/errors.js';
import {Http} from '../../src/client/http.js';
import {gatewayCallback, parsePlacedTransaction} from '../../src/client/placement.js';

const PATH = '/api/checkout/pub/gatewayCallback/G1';

/** An Http over a fake fetch that answers `reply()` and records what was asked. */
function http(reply: () => Response) {
  const calls: {url: string; method: string | undefined}[] = [];
  const h = new Http({
    api: '',
    fetch: async (url, init) => {
      calls.push({url, method: init?.method});
      return reply();
    },
  });
  return {h, calls};
}

const jsonReply = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});

/** A 428 with `body`: what gatewayCallback makes of it. */
const redirect = (body: unknown) => gatewayCallback(http(() => jsonReply(body, 428)).h, PATH, {});

/** The redirect link gatewayCallback keeps for `link`. */
async function linkFor(link: unknown): Promise<string | null> {
  const result = await redirect({RedirectResponseCollection: [{redirectUrl: link}]});
  assert.equal(result.status, 'action-required');
  return (result as {redirectUrl: string | null}).redirectUrl;
}

/** The app gatewayCallback reads from a single-app collection. */
async function appFor(app: unknown) {
  const result = await redirect({paymentAuthorizationAppCollection: [app]});
  assert.equal(result.status, 'action-required');
  return (result as {app: unknown}).app;
}

/** Every observable part of an error, for one deepEqual. */
const shape = (e: unknown) => {
  assert.ok(e instanceof VtexError);
  return {
    name: e.name,
    status: e.status,
    code: e.code,
    message: e.message,
    retryable: e.retryable,
    kind: e.kind,
    operationId: e.operationId,
    fields: e.fields,
    retryAfter: e.retryAfter,
  };
};

async function rejection(p: Promise<unknown>): Promise<ReturnType<typeof shape>> {
  try {
    await p;
  } catch (e) {
    return shape(e);
  }
  assert.fail('expected a rejection');
}

function thrown(f: () => unknown): ReturnType<typeof shape> {
  try {
    f();
  } catch (e) {
    return shape(e);
  }
  assert.fail('expected a throw');
}

describe('gatewayCallback: approved, and the failure it throws', () => {
  it('POSTs once to the path; 200 and 204 are approved', async () => {
    for (const status of [200, 204]) {
      const {h, calls} = http(() => new Response(null, {status}));
      assert.deepEqual(await gatewayCallback(h, PATH, {}), {status: 'approved'});
      assert.deepEqual(calls, [{url: PATH, method: 'POST'}]);
    }
  });

  it('a 500 is PAYMENT_DENIED, not retryable, keeping the message, operationId and VTEX code', async () => {
    const {h, calls} = http(() =>
      jsonReply(
        {operationId: 'op-1', error: {code: '001', message: 'Not authorized'}, fields: {card: 'bad'}},
        500,
      ),
    );
    assert.deepEqual(await rejection(gatewayCallback(h, PATH, {})), {
      name: 'VtexError',
      status: 500,
      code: 'PAYMENT_DENIED',
      message: 'Not authorized',
      retryable: false,
      kind: 'http',
      operationId: 'op-1',
      fields: {vtexCode: '001'},
      retryAfter: undefined,
    });
    assert.equal(calls.length, 1, 'a denied payment is not sent again');
  });

  it('any other status keeps the VTEX code, and is not retryable even when the status would be', async () => {
    const {h} = http(() => jsonReply({error: {code: 'CHK0042', message: 'Busy'}, operationId: 'op-2'}, 503));
    assert.deepEqual(await rejection(gatewayCallback(h, PATH, {})), {
      name: 'VtexError',
      status: 503,
      code: 'CHK0042',
      message: 'Busy',
      retryable: false,
      kind: 'http',
      operationId: 'op-2',
      fields: {vtexCode: 'CHK0042'},
      retryAfter: undefined,
    });
    const bare = http(() => new Response('', {status: 400}));
    assert.deepEqual(await rejection(gatewayCallback(bare.h, PATH, {})), {
      name: 'VtexError',
      status: 400,
      code: 'HTTP_400',
      message: 'Request failed with status 400',
      retryable: false,
      kind: 'http',
      operationId: undefined,
      fields: {vtexCode: 'HTTP_400'},
      retryAfter: undefined,
    });
  });

  it('an empty 500 is still PAYMENT_DENIED, with the status code as VTEX code', async () => {
    const {h} = http(() => new Response(null, {status: 500}));
    assert.deepEqual(await rejection(gatewayCallback(h, PATH, {})), {
      name: 'VtexError',
      status: 500,
      code: 'PAYMENT_DENIED',
      message: 'Request failed with status 500',
      retryable: false,
      kind: 'http',
      operationId: undefined,
      fields: {vtexCode: 'HTTP_500'},
      retryAfter: undefined,
    });
  });

  it('a body that cannot be read counts as empty', async () => {
    const broken = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new Error('connection reset'));
          },
        }),
        {status: 502},
      );
    const {h} = http(broken);
    assert.deepEqual(await rejection(gatewayCallback(h, PATH, {})), {
      name: 'VtexError',
      status: 502,
      code: 'HTTP_502',
      message: 'Request failed with status 502',
      retryable: false,
      kind: 'http',
      operationId: undefined,
      fields: {vtexCode: 'HTTP_502'},
      retryAfter: undefined,
    });
  });

  it('a 428 that is not JSON is a bad response; an empty one asks for an action with nothing to show', async () => {
    const {h} = http(() => new Response('<html>', {status: 428}));
    assert.deepEqual(await rejection(gatewayCallback(h, PATH, {})), {
      name: 'VtexError',
      status: 428,
      code: 'BAD_RESPONSE',
      message: 'The store answered with something that is not JSON',
      retryable: false,
      kind: 'bad-response',
      operationId: undefined,
      fields: undefined,
      retryAfter: undefined,
    });
    const empty = http(() => new Response(null, {status: 428}));
    assert.deepEqual(await gatewayCallback(empty.h, PATH, {}), {
      status: 'action-required',
      redirectUrl: null,
      app: null,
    });
  });
});

describe('gatewayCallback 428: the redirect body', () => {
  it("VTEX's Pix answer: the first link and the first app, payload as sent", async () => {
    assert.deepEqual(
      await redirect({
        RedirectResponseCollection: [
          {redirectUrl: 'https://pix.example.com/pay?id=1'},
          {redirectUrl: '/second'},
        ],
        paymentAuthorizationAppCollection: [
          {appName: 'vtex.pix-payment', appPayload: {code: '000201', expiresAt: '2026-01-15T12:30:00Z'}},
          {appName: 'second', appPayload: {}},
        ],
      }),
      {
        status: 'action-required',
        redirectUrl: 'https://pix.example.com/pay?id=1',
        app: {appName: 'vtex.pix-payment', payload: {code: '000201', expiresAt: '2026-01-15T12:30:00Z'}},
      },
    );
  });

  it('collections that are not arrays count as empty', async () => {
    assert.deepEqual(
      await redirect({
        RedirectResponseCollection: {redirectUrl: 'https://pix.example.com/pay'},
        paymentAuthorizationAppCollection: {appName: 'vtex.pix-payment', appPayload: {code: 'x'}},
      }),
      {status: 'action-required', redirectUrl: null, app: null},
    );
    assert.deepEqual(
      await redirect({
        RedirectResponseCollection: 'https://pix.example.com/pay',
        paymentAuthorizationAppCollection: 'pix',
      }),
      {status: 'action-required', redirectUrl: null, app: null},
    );
  });

  it('entries that are not objects (null, text, numbers) are skipped', async () => {
    assert.deepEqual(
      await redirect({
        RedirectResponseCollection: [
          null,
          'https://evil.example.com/',
          7,
          {redirectUrl: 'https://pix.example.com/a'},
        ],
        paymentAuthorizationAppCollection: [
          null,
          'vtex.pix-payment',
          7,
          {appName: 'real', appPayload: {code: 'c'}},
        ],
      }),
      {
        status: 'action-required',
        redirectUrl: 'https://pix.example.com/a',
        app: {appName: 'real', payload: {code: 'c'}},
      },
    );
    assert.deepEqual(
      await redirect({
        RedirectResponseCollection: [null, 'x'],
        paymentAuthorizationAppCollection: [null, 'x'],
      }),
      {status: 'action-required', redirectUrl: null, app: null},
    );
  });

  it('a body that is not an object asks for an action with nothing to show', async () => {
    for (const body of [null, 'pix', 428, [{redirectUrl: 'https://pix.example.com/'}]]) {
      assert.deepEqual(await redirect(body), {status: 'action-required', redirectUrl: null, app: null});
    }
  });

  it('no app: app is null, whatever the link', async () => {
    assert.deepEqual(
      await redirect({
        RedirectResponseCollection: [{redirectUrl: '/pay'}],
        paymentAuthorizationAppCollection: [],
      }),
      {status: 'action-required', redirectUrl: '/pay', app: null},
    );
  });

  it('appPayload: an object as is, a JSON object string parsed, anything else empty', async () => {
    assert.deepEqual(await appFor({appName: 'a', appPayload: {code: 'x', n: 1}}), {
      appName: 'a',
      payload: {code: 'x', n: 1},
    });
    assert.deepEqual(await appFor({appName: 'a', appPayload: '{"code":"x","nested":{"n":1}}'}), {
      appName: 'a',
      payload: {code: 'x', nested: {n: 1}},
    });
    for (const appPayload of [
      '42',
      'null',
      '"text"',
      'true',
      'not json',
      '{"code":',
      '',
      42,
      true,
      null,
      undefined,
    ]) {
      assert.deepEqual(
        await appFor({appName: 'a', appPayload}),
        {appName: 'a', payload: {}},
        String(appPayload),
      );
    }
  });

  it('appPayload: an array (sent as is or as JSON) is kept as the payload', async () => {
    // Arrays are objects to the parser: pinned as it is, not as the `Record` type promises.
    assert.deepEqual(await appFor({appName: 'a', appPayload: '[1,2]'}), {appName: 'a', payload: [1, 2]});
    assert.deepEqual(await appFor({appName: 'a', appPayload: ['x']}), {appName: 'a', payload: ['x']});
  });

  it("appName: missing, empty or not text is ''", async () => {
    for (const app of [
      {appPayload: {code: 'x'}},
      {appName: '', appPayload: {code: 'x'}},
      {appName: 7, appPayload: {code: 'x'}},
    ]) {
      assert.deepEqual(await appFor(app), {appName: '', payload: {code: 'x'}});
    }
    assert.deepEqual(await appFor({}), {appName: '', payload: {}});
  });

  it('redirectUrl: http(s) links kept (normalized), same-origin paths kept as they are', async () => {
    assert.equal(await linkFor('https://pix.example.com/pay?id=1'), 'https://pix.example.com/pay?id=1');
    assert.equal(await linkFor('https://Pix.Example.com'), 'https://pix.example.com/');
    assert.equal(await linkFor('HTTP://pix.example.com:80/a b'), 'http://pix.example.com/a%20b');
    assert.equal(await linkFor('/x'), '/x');
    assert.equal(await linkFor('/'), '/');
    assert.equal(await linkFor('/_sandbox/pix/1C6D?a=1#b'), '/_sandbox/pix/1C6D?a=1#b');
  });

  it('redirectUrl: other origins through a path, script and other schemes are refused', async () => {
    for (const link of [
      '//evil.com',
      '//evil.com/pix',
      '/\\evil.com',
      // Browsers drop tabs and line breaks from a URL: these are //evil.com and /\evil.com to them.
      '/\t/evil.com',
      '/\n/evil.com',
      '/\r\\evil.com',
      '/\t\t//evil.com',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example.com/a',
      'pix/relative',
      'https://',
      '',
      7,
      null,
    ]) {
      assert.equal(await linkFor(link), null, String(link));
    }
  });

  it('redirectUrl: only the first redirect counts, even without a link', async () => {
    assert.deepEqual(
      await redirect({RedirectResponseCollection: [{}, {redirectUrl: 'https://pix.example.com/'}]}),
      {status: 'action-required', redirectUrl: null, app: null},
    );
  });
});

const EMPTY = 'Unexpected place-order response: empty response';
const MISSING = 'Unexpected place-order response: missing orderGroup or transaction';
const badPlacement = (message: string) => ({
  name: 'VtexError',
  status: 200,
  code: 'BAD_PLACEMENT_RESPONSE',
  message,
  retryable: false,
  kind: 'bad-response',
  operationId: undefined,
  fields: undefined,
  retryAfter: undefined,
});

describe('parsePlacedTransaction: refusals', () => {
  it('a reply that is not an object is an empty response', () => {
    for (const raw of [null, undefined, '', 'ok', 0, 42, true]) {
      assert.deepEqual(
        thrown(() => parsePlacedTransaction(raw)),
        badPlacement(EMPTY),
        String(raw),
      );
    }
  });

  it('an array is an object with nothing in it: missing orderGroup or transaction', () => {
    assert.deepEqual(
      thrown(() => parsePlacedTransaction([])),
      badPlacement(MISSING),
    );
    assert.deepEqual(
      thrown(() =>
        parsePlacedTransaction([
          {orderGroup: 'G', merchantTransactions: [{transactionId: 'T', merchantName: 'm'}]},
        ]),
      ),
      badPlacement(MISSING),
    );
  });

  it('each of orderGroup, transactionId and merchantName missing alone is refused', () => {
    const tx = {transactionId: 'TX1', merchantName: 'mystore'};
    const cases = [
      {merchantTransactions: [tx]},
      {orderGroup: '', merchantTransactions: [tx]},
      {orderGroup: 7, merchantTransactions: [tx]},
      {orderGroup: 'G1', merchantTransactions: [{merchantName: 'mystore'}]},
      {orderGroup: 'G1', id: '', merchantTransactions: [{transactionId: '', merchantName: 'mystore'}]},
      {orderGroup: 'G1', merchantTransactions: [{transactionId: 'TX1'}]},
      {orderGroup: 'G1', id: 'TX1', merchantTransactions: [{transactionId: 'TX1', merchantName: ''}]},
      {orderGroup: 'G1', id: 'TX1', merchantTransactions: []},
      {orderGroup: 'G1', id: 'TX1', merchantTransactions: [null, 'mystore']},
      {orderForm: null},
    ];
    for (const raw of cases) {
      assert.deepEqual(
        thrown(() => parsePlacedTransaction(raw)),
        badPlacement(MISSING),
        JSON.stringify(raw),
      );
    }
  });
});

describe('parsePlacedTransaction: the three documented shapes', () => {
  it("the spec's {orderForm: null, transactionData, orders[]}", () => {
    const order = {orderId: 'G1-01', orderGroup: 'G1', value: 21100};
    assert.deepEqual(
      parsePlacedTransaction({
        orderForm: null,
        transactionData: {
          merchantTransactions: [{id: 'SANDBOX', transactionId: 'TX1', merchantName: 'sandbox'}],
          receiverUri: 'https://r.example.com/split/G1/payments',
        },
        orders: [order],
      }),
      {
        orderGroup: 'G1',
        transactionId: 'TX1',
        merchantName: 'sandbox',
        orders: [order],
        receiverUri: 'https://r.example.com/split/G1/payments',
      },
    );
  });

  it("the guide's flat object with orderGroup and merchantTransactions", () => {
    assert.deepEqual(
      parsePlacedTransaction({
        id: 'TX-raw',
        orderGroup: 'G2',
        merchantTransactions: [{transactionId: 'TX2', merchantName: 'mystore'}],
        receiverUri: 'https://r.example.com/flat',
      }),
      {
        orderGroup: 'G2',
        transactionId: 'TX2',
        merchantName: 'mystore',
        orders: [],
        receiverUri: 'https://r.example.com/flat',
      },
    );
  });

  it("the BFF sample's orders[0].transactionData", () => {
    const order = {
      orderGroup: 'G3',
      orderId: 'G3-01',
      transactionData: {
        merchantTransactions: [{transactionId: 'TX3', merchantName: 'm3'}],
        receiverUri: 'r3',
      },
    };
    const second = {orderGroup: 'G3', orderId: 'G3-02'};
    assert.deepEqual(parsePlacedTransaction({orders: [order, second]}), {
      orderGroup: 'G3',
      transactionId: 'TX3',
      merchantName: 'm3',
      orders: [order, second],
      receiverUri: 'r3',
    });
  });

  it("top-level transactionData wins over the first order's; top-level orderGroup over the order's", () => {
    const order = {
      orderGroup: 'G-order',
      transactionData: {
        merchantTransactions: [{transactionId: 'TX-order', merchantName: 'mo'}],
        receiverUri: 'ro',
      },
    };
    assert.deepEqual(
      parsePlacedTransaction({
        orderGroup: 'G-top',
        transactionData: {
          merchantTransactions: [{transactionId: 'TX-top', merchantName: 'mt'}],
          receiverUri: 'rt',
        },
        orders: [order],
      }),
      {orderGroup: 'G-top', transactionId: 'TX-top', merchantName: 'mt', orders: [order], receiverUri: 'rt'},
    );
  });
});

describe('parsePlacedTransaction: odd parts', () => {
  it('a transactionData that is not an object falls through to the first order, then to the reply', () => {
    const order = {
      orderGroup: 'G4',
      transactionData: {
        merchantTransactions: [{transactionId: 'TX4', merchantName: 'm4'}],
        receiverUri: 'r4',
      },
    };
    assert.deepEqual(parsePlacedTransaction({transactionData: 'oops', orders: [order]}), {
      orderGroup: 'G4',
      transactionId: 'TX4',
      merchantName: 'm4',
      orders: [order],
      receiverUri: 'r4',
    });
    const flatOrder = {orderGroup: 'G5', transactionData: 'oops'};
    assert.deepEqual(
      parsePlacedTransaction({
        transactionData: null,
        orders: [flatOrder],
        merchantTransactions: [{transactionId: 'TX5', merchantName: 'm5'}],
        receiverUri: 'r5',
      }),
      {orderGroup: 'G5', transactionId: 'TX5', merchantName: 'm5', orders: [flatOrder], receiverUri: 'r5'},
    );
  });

  it("merchantTransactions: the transactionData's, else the reply's, skipping entries that are not objects", () => {
    assert.deepEqual(
      parsePlacedTransaction({
        orderGroup: 'G6',
        transactionData: {merchantTransactions: 'none', receiverUri: 'r6'},
        merchantTransactions: [
          null,
          'TX-text',
          7,
          {transactionId: 'TX6', merchantName: 'm6'},
          {transactionId: 'TX-2nd', merchantName: 'm'},
        ],
      }),
      {orderGroup: 'G6', transactionId: 'TX6', merchantName: 'm6', orders: [], receiverUri: 'r6'},
    );
    assert.deepEqual(
      parsePlacedTransaction({
        orderGroup: 'G7',
        transactionData: {merchantTransactions: [{transactionId: 'TX7', merchantName: 'm7'}]},
        merchantTransactions: [{transactionId: 'TX-raw', merchantName: 'm-raw'}],
      }),
      {orderGroup: 'G7', transactionId: 'TX7', merchantName: 'm7', orders: [], receiverUri: undefined},
    );
  });

  it("transactionId falls back to the reply's id when the transaction has none", () => {
    assert.deepEqual(
      parsePlacedTransaction({id: 'TX-raw', orderGroup: 'G8', merchantTransactions: [{merchantName: 'm8'}]}),
      {orderGroup: 'G8', transactionId: 'TX-raw', merchantName: 'm8', orders: [], receiverUri: undefined},
    );
    assert.deepEqual(
      parsePlacedTransaction({
        id: 'TX-raw',
        orderGroup: 'G8',
        merchantTransactions: [{transactionId: '', merchantName: 'm8'}],
      }),
      {orderGroup: 'G8', transactionId: 'TX-raw', merchantName: 'm8', orders: [], receiverUri: undefined},
    );
    assert.deepEqual(
      parsePlacedTransaction({
        id: 'TX-raw',
        orderGroup: 'G8',
        merchantTransactions: [{transactionId: 'TX8', merchantName: 'm8'}],
      }),
      {orderGroup: 'G8', transactionId: 'TX8', merchantName: 'm8', orders: [], receiverUri: undefined},
    );
  });

  it('orders keeps only objects, and the first object is the first order', () => {
    const order = {
      orderGroup: 'G9',
      transactionData: {merchantTransactions: [{transactionId: 'TX9', merchantName: 'm9'}]},
    };
    assert.deepEqual(parsePlacedTransaction({orders: [null, 'G-text', 9, order]}), {
      orderGroup: 'G9',
      transactionId: 'TX9',
      merchantName: 'm9',
      orders: [order],
      receiverUri: undefined,
    });
    assert.deepEqual(
      parsePlacedTransaction({
        orderGroup: 'G10',
        orders: {orderGroup: 'G-obj'},
        merchantTransactions: [{transactionId: 'TX10', merchantName: 'm10'}],
      }),
      {orderGroup: 'G10', transactionId: 'TX10', merchantName: 'm10', orders: [], receiverUri: undefined},
    );
  });

  it('receiverUri that is empty or not text is left out', () => {
    for (const receiverUri of ['', 7, null]) {
      assert.deepEqual(
        parsePlacedTransaction({
          orderGroup: 'G11',
          merchantTransactions: [{transactionId: 'TX11', merchantName: 'm11'}],
          receiverUri,
        }),
        {orderGroup: 'G11', transactionId: 'TX11', merchantName: 'm11', orders: [], receiverUri: undefined},
      );
    }
  });
});
