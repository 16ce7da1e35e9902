/**
 * Step 2 of the placement repeats every money field VTEX stored at step 1 (API.md §6.5), the installment figures
 * included: the sandbox refuses any that differ, and the kit sends the orderForm's own, whose rounding may differ
 * from a sum the kit would make itself by a cent.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createVtexClient} from '../../src/client/index.js';
import {APPROVED_CARD, createPaymentHost, createSandbox} from '../../src/sandbox/index.js';
import {addSku} from '../../src/state/cart-actions.js';
import {CartStore} from '../../src/state/cart-store.js';
import {searchProducts} from '../../src/state/catalog.js';
import {placeOrder} from '../../src/state/place-order.js';
import {CookieJar} from './helpers/cookie-jar.js';
import {ADDRESS, BASE, PROFILE} from './helpers/sandbox-fixtures.js';

const PAY = 'http://payments.test';
const VISA = 2;
const CARD = {holderName: 'ANA SILVA', cardNumber: APPROVED_CARD, validationCode: '123', dueDate: '12/30'};

/** A shopper's page on a fresh sandbox, recording the payment bodies it sends. */
function page() {
  const sandbox = createSandbox();
  const jar = new CookieJar();
  const payments = createPaymentHost(sandbox);
  const sent: unknown[] = [];
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    if (url.origin === PAY) {
      sent.push(JSON.parse(String(init.body)));
      return payments(new Request(input, init));
    }
    return jar.store(await sandbox.fetch(jar.request(input, init)));
  };
  const client = createVtexClient({api: BASE, account: 'sandbox', fetch, paymentsApi: PAY, retries: 0});
  return {client, cart: new CartStore(client, {sync: false}), sent};
}

/** A cart with a delivery address whose value is odd, so that halving it leaves a cent. */
async function oddCart() {
  const p = page();
  const {products} = await searchProducts(p.client, {count: 50});
  await p.cart.attachClientProfile(PROFILE);
  for (const product of products)
    for (const sku of product.items) {
      const seller = sku.sellers.find((s) => s.commertialOffer.AvailableQuantity > 0);
      if (!seller) continue;
      await p.cart.clear();
      await addSku(p.cart, {id: sku.itemId, seller: seller.sellerId, quantity: 1});
      const of = await p.cart.attachShippingData({selectedAddresses: [ADDRESS]});
      if (of.value % 2 === 1) return {...p, value: of.value};
    }
  throw new Error('no SKU gives an odd cart value in the sandbox');
}

describe('placement: the installment figures of step 2', () => {
  it("the kit sends the orderForm's installment value (VTEX's rounding), and the sandbox accepts the placement", async () => {
    const p = await oddCart();
    const result = await placeOrder(p.cart, {
      paymentSystem: VISA,
      group: 'creditCardPaymentGroup',
      installments: 2,
      interest: 0,
      card: CARD,
    });
    assert.deepEqual(result.callback, {status: 'approved'});
    const stored = result.orderForm.paymentData!.payments[0]!;
    assert.equal(
      stored.installmentsValue,
      Math.floor(p.value / 2),
      "the sandbox stores VTEX's rounding down",
    );
    assert.notEqual(stored.installmentsValue, Math.round(p.value / 2), 'an odd value: rounding would differ');
    const [body] = p.sent as [{installmentsValue: number; installmentsInterestRate: number; value: number}[]];
    assert.deepEqual(
      body.map((b) => [b.value, b.installmentsValue, b.installmentsInterestRate]),
      [[p.value, stored.installmentsValue, 0]],
    );
  });

  it('the sandbox refuses a payment whose installment value or interest rate differs from step 1', async () => {
    const p = await oddCart();
    const of = await p.cart.attachPaymentData({
      payments: [
        {
          paymentSystem: VISA,
          installments: 2,
          value: p.value,
          referenceValue: p.value,
          group: 'creditCardPaymentGroup',
        },
      ],
    });
    const placed = await p.client.checkout.placeOrder(of.orderFormId, {
      value: p.value,
      referenceValue: p.value,
      interestValue: 0,
    });
    const stored = of.paymentData!.payments[0]!.installmentsValue!;
    const payment = (change: Record<string, number>) => [
      {
        paymentSystem: VISA,
        installments: 2,
        currencyCode: 'BRL',
        value: p.value,
        referenceValue: p.value,
        installmentsInterestRate: 0,
        installmentsValue: stored,
        fields: CARD,
        transaction: {id: placed.transactionId, merchantName: placed.merchantName},
        ...change,
      },
    ];
    for (const [field, wrong] of [
      ['installmentsValue', stored + 1],
      ['installmentsInterestRate', 1],
    ] as const) {
      await assert.rejects(
        p.client.checkout.sendPayments(placed.transactionId, placed.orderGroup, payment({[field]: wrong})),
        (e: {status: number; message: string}) => {
          assert.equal(e.status, 400);
          assert.equal(e.message, `${field} of payment 0 differs from the placed order`);
          return true;
        },
      );
    }
    await p.client.checkout.sendPayments(placed.transactionId, placed.orderGroup, payment({}));
    assert.deepEqual(await p.client.checkout.gatewayCallback(placed.orderGroup), {status: 'approved'});
  });
});
