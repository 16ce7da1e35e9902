/**
 * The whole shopper journey on the demo CMS page (demo/index.html → checkout.html → account.html): search, filter,
 * product, cart, coupon, shipping, checkout, order, sign-in, order history, buy again. journey.test.ts runs it
 * against the sandbox behind the bridge; real-account.test.ts through the bridge in real-account mode in front
 * of a VTEX-like host.
 */
import assert from 'node:assert/strict';
import type {Page} from 'playwright-core';
import {WAIT, requireElement, serverCart, uniqueEmail, type Driver, type Mode} from './harness.js';

/** Where the demo runs, and the orders its sandbox holds. */
export interface JourneyTarget {
  origin: string;
  orders(): readonly {orderId: string}[];
}

/** Every step of the journey, in order: each one's page is checked by axe-core. */
export const JOURNEY_STEPS = [
  'demo page loads',
  'search',
  'filter by brand facet',
  'open the product',
  'pick a SKU',
  'add to cart',
  'open cart and change quantity',
  'coupon SUMMER10',
  'shipping estimate',
  'go to checkout',
  'checkout: identification',
  'checkout: address',
  'checkout: delivery',
  'checkout: payment',
  'place the order',
  'sign in on the sandbox login page',
  'order history shows the order',
  'buy again',
] as const;

const CPF = '529.982.247-25';
const CARD = '4111111111111111';
const PRODUCT = 'Camiseta Básica Algodão';

const visible = (loc: ReturnType<Page['locator']>, timeout = WAIT) =>
  loc.first().waitFor({state: 'visible', timeout});

export async function journey(
  target: JourneyTarget,
  mode: Mode,
  d: Driver,
): Promise<{email: string; orderId: string}> {
  const page = d.page;
  const email = uniqueEmail(mode);
  let orderId = '';

  await d.step('demo page loads', async () => {
    await page.goto(`${target.origin}/`);
    const cartButton = await requireElement(page, 'vtex-cart-button', 'show the cart badge');
    await visible(cartButton.getByRole('button', {name: /Carrinho, 0 itens|Cart, 0 items/}));
  });

  await d.step('search', async () => {
    const box = await requireElement(page, 'vtex-search-box', 'search the catalog');
    const grid = await requireElement(page, 'vtex-product-grid', 'list the search results');
    const input = box.getByRole('combobox').or(box.getByRole('searchbox')).first();
    await d.fill(input, 'camiseta');
    await page.keyboard.press('Enter');
    await visible(grid.getByRole('link', {name: PRODUCT}));
    await visible(grid.getByRole('status').filter({hasText: /\d+ produtos?/}));
  });

  await d.step('filter by brand facet', async () => {
    const grid = await requireElement(page, 'vtex-product-grid', 'filter by a facet');
    if (mode === 'phone') await d.click(grid.getByRole('button', {name: /^Filtros/}));
    const aurora = grid.getByRole('checkbox', {name: /Aurora/}).first();
    await d.check(aurora);
    if (mode === 'phone')
      await d.click(grid.getByRole('button', {name: /Ver resultados|Show results/}).first());
    await assert.doesNotReject(() => visible(grid.getByRole('link', {name: PRODUCT})));
    // Every card left is an Aurora product.
    await page.waitForFunction(
      () => {
        const g = document.querySelector('vtex-product-grid')?.shadowRoot;
        const brands = [...(g?.querySelectorAll('[part~="card-brand"]') ?? [])].map((b) =>
          b.textContent?.trim(),
        );
        return brands.length > 0 && brands.every((b) => b === 'Aurora');
      },
      undefined,
      {timeout: WAIT},
    );
  });

  await d.step('open the product', async () => {
    const grid = await requireElement(page, 'vtex-product-grid', 'open a product');
    await d.click(grid.getByRole('link', {name: PRODUCT}).first());
    const product = await requireElement(page, 'vtex-product', 'show the product page opened from a card');
    await visible(product.getByRole('heading', {name: PRODUCT, level: 1}));
  });

  await d.step('pick a SKU', async () => {
    const product = await requireElement(page, 'vtex-product', 'pick a SKU');
    await d.check(product.getByRole('radio', {name: 'M', exact: true}));
    await d.check(product.getByRole('radio', {name: 'Preto', exact: true}));
    await visible(product.getByRole('group', {name: /Tamanho: M/}));
    await visible(product.getByRole('group', {name: /Cor: Preto/}));
  });

  await d.step('add to cart', async () => {
    const product = await requireElement(page, 'vtex-product', 'add to cart');
    await d.press(product.getByRole('button', {name: /Adicionar ao carrinho|Add to cart/}));
    const badge = await requireElement(page, 'vtex-cart-button', 'show the badge');
    await visible(badge.getByRole('button', {name: /Carrinho, 1 item\b/}));
    const cart = await serverCart(page);
    assert.deepEqual(
      cart.items.map((i) => [i.id, i.quantity]),
      [['104', 1]],
      'the sandbox cart holds one M / Preto',
    );
  });

  await d.step('open cart and change quantity', async () => {
    const button = await requireElement(page, 'vtex-cart-button', 'open the cart');
    await d.click(button.getByRole('button', {name: /Carrinho/}));
    const cart = await requireElement(page, 'vtex-cart', 'change quantities');
    await d.click(cart.getByRole('button', {name: new RegExp(`Aumentar a quantidade de ${PRODUCT}`)}));
    await visible(button.getByRole('button', {name: /Carrinho, 2 itens/}));
    await page.waitForFunction(
      async () => {
        const r = await fetch('/api/checkout/pub/orderForm', {credentials: 'include'});
        return ((await r.json()) as {items: {quantity: number}[]}).items[0]?.quantity === 2;
      },
      undefined,
      {timeout: WAIT, polling: 250},
    );
  });

  await d.step('coupon SUMMER10', async () => {
    const cart = await requireElement(page, 'vtex-cart', 'apply a coupon');
    await d.fill(cart.getByRole('textbox', {name: /Cupom de desconto/}), 'SUMMER10');
    await d.click(cart.getByRole('button', {name: 'Aplicar'}));
    await visible(cart.getByText(/Cupom SUMMER10 aplicado/));
    assert.equal((await serverCart(page)).marketingData?.coupon, 'SUMMER10');
  });

  await d.step('shipping estimate', async () => {
    const cart = await requireElement(page, 'vtex-cart', 'estimate shipping');
    await d.fill(cart.getByRole('textbox', {name: 'CEP'}), '22250-040');
    await d.click(cart.getByRole('button', {name: 'Calcular'}));
    await visible(cart.getByText(/Normal/));
    await visible(cart.getByText(/Expressa/));
  });

  await d.step('go to checkout', async () => {
    const cart = await requireElement(page, 'vtex-cart', 'go to checkout');
    await d.click(cart.getByRole('link', {name: 'Finalizar compra'}));
    await page.waitForLoadState('domcontentloaded');
    const co = await requireElement(page, 'vtex-checkout', 'check out (the cart link must lead to it)');
    await visible(co.getByRole('textbox', {name: 'E-mail'}));
  });

  await d.step('checkout: identification', async () => {
    const co = await requireElement(page, 'vtex-checkout', 'identify the shopper');
    await d.fill(co.getByRole('textbox', {name: 'E-mail'}), email);
    await d.fill(co.getByRole('textbox', {name: 'Nome', exact: true}), 'Ana');
    await d.fill(co.getByRole('textbox', {name: 'Sobrenome'}), 'Silva');
    await d.fill(co.getByRole('textbox', {name: 'CPF'}), CPF);
    await d.fill(co.getByRole('textbox', {name: 'Telefone'}), '21 99999-0000');
    await d.click(co.getByRole('button', {name: 'Continuar'}));
    await visible(co.getByRole('textbox', {name: 'CEP'}));
  });

  await d.step('checkout: address', async () => {
    const co = await requireElement(page, 'vtex-checkout', 'take the address');
    await d.fill(co.getByRole('textbox', {name: 'CEP'}), '22250-040');
    await page.keyboard.press('Tab');
    await page.waitForFunction(
      () => {
        const c = document
          .querySelector('vtex-checkout')
          ?.shadowRoot?.querySelector<HTMLInputElement>('[name="city"]');
        return c?.value === 'Rio de Janeiro';
      },
      undefined,
      {timeout: WAIT},
    );
    await d.fill(co.getByRole('textbox', {name: 'Número'}), '300');
  });

  await d.step('checkout: delivery', async () => {
    const co = await requireElement(page, 'vtex-checkout', 'choose delivery');
    const normal = co.getByRole('radio', {name: /Normal/}).first();
    await visible(normal);
    await d.check(normal);
    await d.click(co.getByRole('button', {name: 'Continuar'}));
    await visible(co.getByRole('radio', {name: /Cartão de crédito/}));
  });

  await d.step('checkout: payment', async () => {
    const co = await requireElement(page, 'vtex-checkout', 'take payment');
    await d.check(co.getByRole('radio', {name: /Cartão de crédito/}));
    await d.fill(co.getByRole('textbox', {name: 'Número do cartão'}), CARD);
    await d.fill(co.getByRole('textbox', {name: 'Nome impresso no cartão'}), 'ANA SILVA');
    await d.fill(co.getByRole('textbox', {name: /Validade/}), '12/35');
    await d.fill(co.getByRole('textbox', {name: /Código de segurança/}), '123');
    await d.click(co.getByRole('button', {name: 'Continuar'}));
    await visible(co.getByRole('button', {name: 'Finalizar pedido'}));
  });

  await d.step('place the order', async () => {
    const co = await requireElement(page, 'vtex-checkout', 'place the order');
    await d.click(co.getByRole('button', {name: 'Finalizar pedido'}));
    await visible(co.getByText(/Obrigado! Seu pedido foi realizado/), WAIT * 2);
    const orders = target.orders().filter((o) => (o as {email?: string}).email === email);
    assert.equal(orders.length, 1, `exactly one order for ${email}: ${JSON.stringify(orders)}`);
    orderId = orders[0]!.orderId;
    await visible(co.getByText(orderId));
    const badge = await requireElement(page, 'vtex-cart-button', 'show the emptied cart');
    await visible(badge.getByRole('button', {name: /Carrinho, 0 itens/}));
  });

  await d.step('sign in on the sandbox login page', async () => {
    const login = await requireElement(page, 'vtex-login-button', 'sign in');
    await d.click(
      login
        .getByRole('link', {name: 'Entrar'})
        .or(login.getByRole('button', {name: 'Entrar'}))
        .first(),
    );
    await page.waitForURL(/\/login/, {timeout: WAIT});
    await d.fill(page.getByRole('textbox', {name: 'E-mail'}), email);
    await d.click(page.getByRole('button', {name: /Send access code/}));
    await d.fill(page.getByRole('textbox', {name: 'Access code'}), '123456');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), {timeout: WAIT});
    const back = await requireElement(page, 'vtex-login-button', 'show the signed-in shopper');
    await visible(back.getByRole('button', {name: /Menu da conta/}));
  });

  await d.step('order history shows the order', async () => {
    await d.click(page.getByRole('navigation').getByRole('link', {name: 'Minha conta'}));
    await page.waitForURL(/account/, {timeout: WAIT});
    const history = await requireElement(page, 'vtex-order-history', 'list the orders');
    await visible(history.getByRole('heading', {name: `Pedido ${orderId}`}));
  });

  await d.step('buy again', async () => {
    const history = await requireElement(page, 'vtex-order-history', 'buy again');
    await d.click(
      history
        .getByRole('button', {name: `Ver detalhes do pedido ${orderId}`})
        .or(history.getByRole('link', {name: `Ver detalhes do pedido ${orderId}`}))
        .first(),
    );
    await d.click(history.getByRole('button', {name: 'Comprar novamente'}));
    await visible(history.getByText(/adicionad[oa]s? ao carrinho/));
    const badge = await requireElement(page, 'vtex-cart-button', 'show the re-ordered items');
    await visible(badge.getByRole('button', {name: /Carrinho, 2 itens/}));
    const cart = await serverCart(page);
    assert.deepEqual(
      cart.items.map((i) => [i.id, i.quantity]),
      [['104', 2]],
    );
  });

  return {email, orderId};
}
