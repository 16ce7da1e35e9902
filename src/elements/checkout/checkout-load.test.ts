import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {VtexStore} from '../store/store.js';
import {freshCart} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import type {VtexCheckout} from './checkout.js';
import {$, checkout, requestedModules} from '../../../test/browser/harness.js';

// Its own file: every test file gets a fresh page, so no other test has loaded the later steps' code yet.

const laterStepRequests = () => requestedModules(/\/(later-steps|shipping-step|payment-step|card)\.ts/);

describe('<vtex-checkout> first screen', () => {
  it('loads the shipping and payment steps on the first focus, not with the identification step', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="en"><vtex-checkout></vtex-checkout></vtex-store>
      </div>`,
    );
    const store = root.querySelector<VtexStore>('vtex-store')!;
    const co = root.querySelector<VtexCheckout>('vtex-checkout')!;
    await waitUntil(() => store.cart?.state.status === 'ready', 'cart loaded', {timeout: 15_000});
    const r = await fetch('/api/intelligent-search/v1/product-search/?count=1');
    const sku = ((await r.json()) as {products: {items: {itemId: string}[]}[]}).products[0]!.items[0]!.itemId;
    await store.cart!.addItems([{id: sku, quantity: 1, seller: '1'}]);
    await waitUntil(() => checkout.current(co).includes('step-profile'), 'profile step', {timeout: 10_000});
    await co.updateComplete;
    expect(laterStepRequests(), 'requested before any interaction').to.deep.equal([]);

    $<HTMLInputElement>(co, '[name="email"]')!.focus();
    await waitUntil(() => laterStepRequests().length >= 4, 'later steps requested on focus', {
      timeout: 10_000,
    });

    // Reached afterwards, the shipping step renders its form at once (its code is in).
    checkout.typeProfile(co, 'ana.first-screen@example.com');
    await checkout.submit(co);
    await checkout.waitStep(co, 'step-shipping');
    expect($(co, 'section.current [name="postalCode"]')).to.exist;
  });
});
