import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createSandbox} from '../../src/sandbox/index.js';
import {Shopper} from './helpers/sandbox-fixtures.js';

describe('sandbox with the real catalog', () => {
  it('adds a seeded SKU to the cart with prices in cents', async () => {
    const sandbox = createSandbox();
    const s = new Shopper(sandbox);
    const search = await s.body('GET', '/api/intelligent-search/v1/product-search/?count=5');
    assert.equal(search.status, 200);
    const product = search.body.products.find(
      (p: any) => p.items[0]?.sellers[0]?.commertialOffer.AvailableQuantity > 0,
    );
    assert.ok(product, 'an available product');
    const item = product.items[0];
    const offer = item.sellers[0].commertialOffer;
    const id = (await s.body('GET', '/api/checkout/pub/orderForm')).body.orderFormId;
    const r = await s.body('POST', `/api/checkout/pub/orderForm/${id}/items`, {
      orderItems: [{id: item.itemId, quantity: 1, seller: item.sellers[0].sellerId}],
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.items[0].price, Math.round(offer.Price * 100));
    assert.equal(r.body.value, Math.round(offer.Price * 100));
  });
});
