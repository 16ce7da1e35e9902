import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {clearFaults, freshCart, setFaults} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import type {VtexStore} from '../store/store.js';
import type {VtexCartButton} from './cart-button.js';
import {$} from '../../../test/browser/harness.js';

async function firstSkus(n: number): Promise<{id: string; seller: string}[]> {
  const r = await fetch('/api/intelligent-search/v1/product-search/?count=20');
  const body = (await r.json()) as {
    products: {
      items: {itemId: string; sellers: {sellerId: string; commertialOffer: {AvailableQuantity: number}}[]}[];
    }[];
  };
  return body.products
    .flatMap((p) => p.items)
    .filter((i) => i.sellers[0]!.commertialOffer.AvailableQuantity >= 10)
    .slice(0, n)
    .map((i) => ({id: i.itemId, seller: i.sellers[0]!.sellerId}));
}

describe('<vtex-cart-button>', () => {
  it('counts items or lines in the badge and the label, inside or outside <vtex-store>', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<div>
        <header><vtex-cart-button id="out"></vtex-cart-button></header>
        <vtex-store api="" account="sandbox" locale="en"
          ><vtex-cart-button id="in" count="lines"></vtex-cart-button
        ></vtex-store>
      </div>`,
    );
    const out = root.querySelector<VtexCartButton>('#out')!;
    const inside = root.querySelector<VtexCartButton>('#in')!;
    const store = root.querySelector<VtexStore>('vtex-store')!;
    await waitUntil(() => store.cart?.state.status === 'ready', 'loaded', {timeout: 15_000});
    await out.updateComplete;
    expect($(out, 'button')!.getAttribute('aria-label')).to.equal('Cart, 0 items');
    expect($(out, '[part~="badge"]')).to.not.exist;
    await expect(out).to.be.accessible();
    const [a, b] = await firstSkus(2);
    await store.cart!.addItems([
      {id: a!.id, quantity: 2, seller: a!.seller},
      {id: b!.id, quantity: 1, seller: b!.seller},
    ]);
    await out.updateComplete;
    await inside.updateComplete;
    expect($(out, 'button')!.getAttribute('aria-label')).to.equal('Cart, 3 items');
    expect($(out, '[part~="badge"]')!.textContent).to.equal('3');
    expect($(inside, 'button')!.getAttribute('aria-label')).to.equal('Cart, 2 items');
    expect($(inside, '[part~="badge"]')!.textContent).to.equal('2');
    expect($(out, '[part~="button"]')).to.exist;
    expect($(out, '[part~="icon"]')).to.exist;
    await expect(out).to.be.accessible();
  });

  it('shows that the cart could not be loaded, and counts again once it loads', async () => {
    await freshCart();
    await setFaults({errorRate: 1, errorStatus: 503, routes: '/api/checkout/pub/orderForm'});
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="" account="sandbox" locale="pt-BR"><vtex-cart-button></vtex-cart-button></vtex-store>
      </div>`,
    );
    const button = root.querySelector<VtexCartButton>('vtex-cart-button')!;
    const store = root.querySelector<VtexStore>('vtex-store')!;
    await waitUntil(() => store.cart?.state.status === 'error', 'the load failed', {timeout: 15_000});
    await button.updateComplete;
    expect($(button, 'button')!.getAttribute('aria-label')).to.equal('Carrinho indisponível');
    const badge = $(button, '[part~="badge"]')!;
    expect(badge.textContent!.trim()).to.equal('!');
    await expect(button).to.be.accessible();
    await clearFaults();
    await store.cart!.load({force: true});
    await button.updateComplete;
    expect($(button, 'button')!.getAttribute('aria-label')).to.equal('Carrinho, 0 itens');
    expect($(button, '[part~="badge"]')).to.equal(null);
  });

  it('opens the drawer named by for, else the first drawer, else one it creates next to itself', async () => {
    await freshCart();
    const root = await fixture<HTMLElement>(
      html`<div style="--vtex-color-surface: rgb(1, 2, 3)">
        <vtex-store api="" account="sandbox" locale="pt-BR">
          <vtex-cart-button for="second"></vtex-cart-button>
          <vtex-cart variant="drawer" id="first"></vtex-cart>
          <vtex-cart variant="drawer" id="second"></vtex-cart>
        </vtex-store>
      </div>`,
    );
    const button = root.querySelector('vtex-cart-button')!;
    await waitUntil(
      () => root.querySelector<VtexStore>('vtex-store')!.cart?.state.status === 'ready',
      'loaded',
      {timeout: 15_000},
    );
    button.checkoutUrl = '/shop/checkout.html';
    // The pt-BR pack loads on demand.
    await waitUntil(
      () => $(button, 'button')?.getAttribute('aria-label') === 'Carrinho, 0 itens',
      'pt-BR label',
    );
    expect((await button.openCart()).id).to.equal('second');
    root.querySelector<HTMLElement & {hide(): void}>('#second')!.hide();
    button.for = undefined;
    expect((await button.openCart()).id).to.equal('first');
    root.querySelector<HTMLElement & {hide(): void}>('#first')!.hide();
    for (const d of root.querySelectorAll('vtex-cart')) d.remove();
    const created = await button.openCart();
    try {
      expect(created.previousElementSibling, 'next to the button').to.equal(button);
      expect(created.variant).to.equal('drawer');
      expect(created.checkoutUrl, "the created drawer gets the button's checkout-url").to.equal(
        '/shop/checkout.html',
      );
      await created.updateComplete;
      await waitUntil(() => created.shadowRoot!.querySelector('dialog')?.open, 'created drawer open');
      expect(
        getComputedStyle(created.shadowRoot!.querySelector('dialog')!).backgroundColor,
        "the wrapper's theme",
      ).to.equal('rgb(1, 2, 3)');
    } finally {
      created.hide();
      await created.updateComplete;
      created.remove();
    }
  });
});
