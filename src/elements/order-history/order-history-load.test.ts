import {expect, fixture, waitUntil} from '@open-wc/testing';
import {freshCart, placeTestOrder, signIn, signOut} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import type {VtexOrderHistory} from './order-history.js';
import {$, requestedModules} from '../../../test/browser/harness.js';

// Its own file: every test file gets a fresh page, so no other test has loaded the detail view's code yet.

const detailRequests = () => requestedModules(/\/order-detail\.ts/);

describe('<vtex-order-history> list', () => {
  after(() => signOut());

  it("loads an order's detail view on the first focus, not with the list", async () => {
    const shopper = `lee.${Date.now()}@example.com`;
    const order = await placeTestOrder(shopper, [{id: '101', quantity: 1}]);
    await freshCart();
    await signIn(shopper);
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"><vtex-order-history></vtex-order-history></vtex-store></div>`,
    );
    const el = root.querySelector<VtexOrderHistory>('vtex-order-history')!;
    await waitUntil(() => $(el, '[part~="details-button"]'), 'the list', {timeout: 10_000});
    expect(detailRequests(), 'requested with the list').to.deep.equal([]);

    const button = $(el, `[data-order="${order.orderId}"]`)!;
    button.focus();
    await waitUntil(() => detailRequests().length === 1, 'detail code requested on focus', {timeout: 10_000});

    button.click();
    await waitUntil(() => $(el, '[part~="items"]'), 'the detail', {timeout: 10_000});
    expect($(el, '[part~="buy-again"]')).to.exist;
  });
});
