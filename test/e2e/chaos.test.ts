/**
 * Chaos cases from the shopper's side (issue 19 "Shopper polish"), in the system Chromium against the demo
 * server started in this process (bridge → sandbox), on the demo pages in pt-BR:
 * - a lost reply to an add (the sandbox applies the add, the reply body is garbled): the card says "added",
 *   the badge and the server agree on one unit, and the next press makes two, never three;
 * - a stale line note: a failed quantity update shows the line's error; the next change that goes through
 *   takes it away, and the quantity on screen is the server's;
 * - two tabs on one cart (same cookies, BroadcastChannel): the order placed in tab A is the only live order,
 *   and tab B says an order was just placed from this cart in another tab (with a link to the orders), not just
 *   "your cart is empty"; a tab B that never heard (no BroadcastChannel) and presses "Finalizar pedido" too
 *   makes no second order and is told the cart was already ordered, not asked to try again.
 * Screenshots go to test/e2e/artifacts/chaos/.
 */
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {
  ARTIFACTS,
  WAIT,
  launchBrowser,
  newContext,
  requireElement,
  serverCart,
  startDemo,
  uniqueEmail,
  watchConsole,
  type Demo,
} from './harness.js';

let demo: Demo;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  demo?.stack.sandbox.faults.clear();
  await browser?.close();
  await demo?.close();
});

/** The card the cases add: the first product of the demo listing, in stock. */
const PRODUCT_ID = '1';
const PRODUCT = 'Camiseta Básica Algodão';
const DESKTOP = {viewport: {width: 1280, height: 900}, locale: 'pt-BR'} as const;

const visible = (loc: Locator, timeout = WAIT) => loc.first().waitFor({state: 'visible', timeout});
const shot = (page: Page, name: string) => {
  mkdirSync(path.join(ARTIFACTS, 'chaos'), {recursive: true});
  return page.screenshot({path: path.join(ARTIFACTS, 'chaos', `${name}.png`), fullPage: true});
};
const units = (cart: {items: {quantity: number}[]}) => cart.items.reduce((n, i) => n + i.quantity, 0);
const badge = (page: Page, label: RegExp) =>
  page.locator('vtex-cart-button').getByRole('button', {name: label});

/** Waits until the sandbox cart (a fresh GET through the bridge, with the page's cookies) holds `n` units. */
async function serverHolds(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    async (want) => {
      const r = await fetch('/api/checkout/pub/orderForm', {credentials: 'include'});
      const of = (await r.json()) as {items: {quantity: number}[]};
      return of.items.reduce((s, i) => s + i.quantity, 0) === want;
    },
    n,
    {timeout: WAIT, polling: 250},
  );
}

/** Adds the demo product from the listing (no faults) and waits for the badge to say so. */
async function addFromListing(page: Page): Promise<void> {
  await page.goto(`${demo.origin}/`);
  const grid = await requireElement(page, 'vtex-product-grid', 'add to cart from the listing');
  const add = grid
    .locator(`[part~="card"][data-product-id="${PRODUCT_ID}"]`)
    .getByRole('button', {name: /^Adicionar ao carrinho/});
  await visible(add);
  await add.click();
  await visible(badge(page, /^Carrinho, 1 item\b/));
}

// ---------------------------------------------------------------------------------------------------------------
describe('chaos: a lost reply to an add', () => {
  it('the add went through but its reply was garbled: the card says added, badge 1, server 1; the next press makes 2', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const errors = watchConsole(page);
    // Every reply to an add (POST …/orderForm/{id}/items), as the browser received it.
    const replies: Promise<string>[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && /\/orderForm\/[^/]+\/items$/.test(new URL(r.url()).pathname))
        replies.push(r.text().catch((e: Error) => `<no body: ${e.message}>`));
    });
    try {
      await page.goto(`${demo.origin}/`);
      const grid = await requireElement(page, 'vtex-product-grid', 'add to cart from the listing');
      const card = grid.locator(`[part~="card"][data-product-id="${PRODUCT_ID}"]`);
      await visible(card.getByRole('link', {name: PRODUCT}));
      const add = card.getByRole('button', {name: /^Adicionar ao carrinho/});
      await visible(add);
      await requireElement(page, 'vtex-cart-button', 'show the cart badge');
      await visible(badge(page, /^Carrinho, 0 itens/));

      // Every text the card's status line shows, in order (the "added" note goes away after a few seconds),
      // and every vtex-item-added the page hears.
      await page.evaluate((id) => {
        const w = window as unknown as {__statuses: string[]; __added: number};
        const root = document.querySelector('vtex-product-grid')!.shadowRoot!;
        const read = () =>
          root
            .querySelector(`[part~="card"][data-product-id="${id}"] [part~="card-status"]`)
            ?.textContent?.trim() ?? '';
        w.__statuses = [];
        w.__added = 0;
        let last = read();
        new MutationObserver(() => {
          const now = read();
          if (now !== last) w.__statuses.push((last = now));
        }).observe(root, {subtree: true, childList: true, characterData: true});
        window.addEventListener('vtex-item-added', () => w.__added++);
      }, PRODUCT_ID);
      const statuses = () => page.evaluate(() => (window as unknown as {__statuses: string[]}).__statuses);
      const itemAdded = () => page.evaluate(() => (window as unknown as {__added: number}).__added);
      /** Waits for the card's status line to say a final word (added, or a failure), then returns what it said. */
      const settled = async (): Promise<string[]> => {
        await page.waitForFunction(
          () =>
            (window as unknown as {__statuses: string[]}).__statuses.some(
              (t) => t !== '' && !/Adicionando/.test(t),
            ),
          undefined,
          {timeout: WAIT},
        );
        return statuses();
      };

      // The sandbox applies the add, then the reply body is cut in half (status 200, broken JSON).
      demo.stack.sandbox.faults.set({
        routes: '/api/checkout/pub/orderForm/*/items',
        methods: ['POST'],
        malformedJsonRate: 1,
        seed: 19,
      });
      await add.click();
      const first = await settled();
      await shot(page, 'lost-reply-add');
      const status = card.locator('[part~="card-status"]');
      assert.ok(
        !first.some((t) => /Não foi possível adicionar/.test(t)),
        `the card never said the add failed: ${JSON.stringify(first)}`,
      );
      assert.equal(
        await card.getByText(/Não foi possível adicionar/).count(),
        0,
        'no error text on the card',
      );
      assert.equal(
        await status.evaluate((el) => el.classList.contains('error-text')),
        false,
        'the status line is not in its error style',
      );
      assert.ok(
        first.includes('Adicionado ao carrinho'),
        `the card said it was added: ${JSON.stringify(first)}`,
      );
      await visible(badge(page, /^Carrinho, 1 item\b/));
      const bodies = await Promise.all(replies);
      assert.equal(bodies.length, 1, 'one add was sent');
      assert.throws(
        () => JSON.parse(bodies[0]!),
        `the reply the browser got was garbled (the fault fired): ${bodies[0]!.slice(0, 80)}…`,
      );
      let server = await serverCart(page);
      assert.equal(
        units(server),
        1,
        `the sandbox cart holds exactly 1 unit: ${JSON.stringify(server.items)}`,
      );
      assert.equal(await itemAdded(), 1, 'vtex-item-added fired once');

      // Faults off, the shopper presses once more: 2, never an extra.
      demo.stack.sandbox.faults.clear();
      await page.evaluate(() => ((window as unknown as {__statuses: string[]}).__statuses = []));
      await card.getByRole('button', {name: /^Adicionar ao carrinho/}).click();
      const second = await settled();
      assert.ok(
        second.includes('Adicionado ao carrinho') && !second.some((t) => /Não foi possível/.test(t)),
        `the second press was added: ${JSON.stringify(second)}`,
      );
      await visible(badge(page, /^Carrinho, 2 itens/));
      await serverHolds(page, 2);
      server = await serverCart(page);
      assert.deepEqual(
        server.items.map((i) => i.quantity),
        [2],
        `one line of 2 units: ${JSON.stringify(server.items)}`,
      );
      assert.equal(
        (await Promise.all(replies)).length,
        2,
        'two presses, two adds sent: the kit never re-sent one',
      );
      assert.equal(await itemAdded(), 2, 'vtex-item-added fired once per press');
      await visible(badge(page, /^Carrinho, 2 itens/));
      await shot(page, 'lost-reply-second-add');
      assert.deepEqual(
        errors.filter((e) => e.startsWith('uncaught')),
        [],
        'no uncaught exception',
      );
    } finally {
      demo.stack.sandbox.faults.clear();
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('chaos: a stale line note', () => {
  it('a failed quantity update shows the line error; the next change that goes through removes it, screen = server', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    try {
      await addFromListing(page);
      await page.locator('vtex-cart-button').getByRole('button').click();
      const cart = await requireElement(page, 'vtex-cart', 'change quantities');
      await visible(cart.getByRole('dialog'));
      const line = cart.locator('[part~="line"]').first();
      const increase = cart.getByRole('button', {name: new RegExp(`^Aumentar a quantidade de ${PRODUCT}`)});
      const lineError = line.getByText(/Não conseguimos atualizar este item/);
      /** The line on screen: quantity field, busy, and the notes under it. */
      const onScreen = () =>
        line.evaluate((li) => ({
          quantity: Number(li.querySelector<HTMLInputElement>('[part~="quantity"]')?.value),
          busy: li.getAttribute('aria-busy') === 'true',
          notes: li.querySelector('[part~="line-messages"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        }));
      /** Waits until the line shows `n` and is not busy. */
      const shows = (n: number) =>
        page.waitForFunction(
          (want) => {
            const li = document.querySelector('vtex-cart')!.shadowRoot!.querySelector('[part~="line"]');
            return (
              li?.getAttribute('aria-busy') === 'false' &&
              li.querySelector<HTMLInputElement>('[part~="quantity"]')?.value === String(want)
            );
          },
          n,
          {timeout: WAIT},
        );

      // 1 → 2 goes through.
      await increase.click();
      await shows(2);
      await serverHolds(page, 2);
      assert.equal(await lineError.count(), 0, 'no line error after a change that went through');

      // 2 → 3 fails (503): the line says so and shows what the store has.
      demo.stack.sandbox.faults.set({
        routes: '/api/checkout/pub/orderForm/*/items/update',
        methods: ['POST'],
        errorRate: 1,
        errorStatus: 503,
        seed: 19,
      });
      await increase.click();
      await visible(lineError);
      await shows(2);
      await shot(page, 'stale-note-failed');
      let server = await serverCart(page);
      assert.deepEqual(
        server.items.map((i) => i.quantity),
        [2],
        'the failed update did not apply on the server',
      );
      assert.equal((await onScreen()).quantity, 2, 'the line shows the quantity the store has');
      assert.ok(await lineError.isVisible(), 'the line error is still shown once the cart was read again');

      // Faults off, the shopper changes the quantity again: 2 → 3 goes through, the note is gone.
      demo.stack.sandbox.faults.clear();
      await increase.click();
      await shows(3);
      await serverHolds(page, 3);
      await visible(badge(page, /^Carrinho, 3 itens/));
      server = await serverCart(page);
      const screen = await onScreen();
      await shot(page, 'stale-note-cleared');
      assert.equal(await lineError.count(), 0, `the line error is gone: notes "${screen.notes}"`);
      assert.ok(!/Não conseguimos/.test(screen.notes), `no stale note under the line: "${screen.notes}"`);
      assert.deepEqual(
        [screen.quantity],
        server.items.map((i) => i.quantity),
        'the quantity on screen is the server quantity',
      );
      assert.equal(screen.quantity, 3);
    } finally {
      demo.stack.sandbox.faults.clear();
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
/** Takes the checkout from whatever step it opened on to the review step (the "Finalizar pedido" button). */
async function toReview(page: Page, email: string): Promise<Locator> {
  const co = await requireElement(page, 'vtex-checkout', 'check out');
  const current = co.locator('[part~="step"][aria-current="step"]');
  const stepNow = async () => {
    await visible(current);
    return ((await current.getAttribute('part')) ?? '').replace(/^.*\bstep-(\w+).*$/, '$1');
  };
  const leaves = (from: string) =>
    page.waitForFunction(
      (prev) =>
        document
          .querySelector('vtex-checkout')
          ?.shadowRoot?.querySelector('[part~="step"][aria-current="step"]')
          ?.getAttribute('part')
          ?.includes(`step-${prev}`) === false,
      from,
      {timeout: WAIT},
    );
  for (let i = 0; i < 5; i++) {
    const step = await stepNow();
    if (step === 'review') {
      await visible(co.getByRole('button', {name: 'Finalizar pedido'}));
      return co;
    }
    if (step === 'profile') {
      await co.getByRole('textbox', {name: 'E-mail'}).fill(email);
      await co.getByRole('textbox', {name: 'Nome', exact: true}).fill('Ana');
      await co.getByRole('textbox', {name: 'Sobrenome'}).fill('Silva');
      await co.getByRole('textbox', {name: 'CPF'}).fill('529.982.247-25');
      await co.getByRole('textbox', {name: 'Telefone'}).fill('21 99999-0000');
    } else if (step === 'shipping') {
      await co.getByRole('textbox', {name: 'CEP'}).fill('22250-040');
      await co.getByRole('textbox', {name: 'CEP'}).press('Tab');
      await page.waitForFunction(
        () =>
          document
            .querySelector('vtex-checkout')
            ?.shadowRoot?.querySelector<HTMLInputElement>('[name="city"]')?.value === 'Rio de Janeiro',
        undefined,
        {timeout: WAIT},
      );
      await co.getByRole('textbox', {name: 'Número'}).fill('300');
      const normal = co.getByRole('radio', {name: /Normal/}).first();
      await visible(normal);
      await normal.check();
    } else if (step === 'payment') {
      await co.getByRole('radio', {name: /Cartão de crédito/}).check();
      await co.getByRole('textbox', {name: 'Número do cartão'}).fill('4111111111111111');
      await co.getByRole('textbox', {name: 'Nome impresso no cartão'}).fill('ANA SILVA');
      await co.getByRole('textbox', {name: /Validade/}).fill('12/35');
      await co.getByRole('textbox', {name: /Código de segurança/}).fill('123');
    } else throw new Error(`unexpected checkout step "${step}"`);
    await co.getByRole('button', {name: 'Continuar'}).click();
    await leaves(step);
  }
  throw new Error('the checkout never reached the review step');
}

/** Live orders (not canceled) the sandbox holds for `email`, and all of them for messages. */
function liveOrders(email: string) {
  const orders = demo.stack.sandbox.orders().filter((o) => (o as {email?: string}).email === email);
  return {
    live: orders.filter((o) => o.status !== 'canceled'),
    all: JSON.stringify(orders.map((o) => [o.orderId, o.status])),
  };
}

/**
 * Two tabs of one browser context (same cookies, so the same cart) on the demo checkout, an item in the cart,
 * both taken to the review step by the same shopper. `deafB`: tab B has no BroadcastChannel (it never hears
 * from tab A, like a tab that missed the news).
 */
async function twoTabsAtReview(
  context: BrowserContext,
  email: string,
  deafB = false,
): Promise<{a: Page; b: Page; coA: Locator; coB: Locator}> {
  const a = await context.newPage();
  await addFromListing(a);
  await a.goto(`${demo.origin}/demo/checkout.html`);
  const b = await context.newPage();
  if (deafB) await b.addInitScript('delete globalThis.BroadcastChannel;');
  await b.goto(`${demo.origin}/demo/checkout.html`);
  const coA = await toReview(a, email);
  const coB = await toReview(b, email);
  await visible(coA.getByRole('button', {name: 'Finalizar pedido'}));
  return {a, b, coA, coB};
}

/** Places the order in tab A and waits for its confirmation. */
async function placeInA(coA: Locator): Promise<void> {
  await coA.getByRole('button', {name: 'Finalizar pedido'}).click();
  await visible(coA.getByText(/Obrigado! Seu pedido foi realizado/), WAIT * 2);
}

describe('chaos: two tabs, one cart', () => {
  const contexts: BrowserContext[] = [];
  let tabB: Page | undefined;
  let placed = false;
  after(async () => {
    for (const c of contexts) await c.close();
  });

  it('an order placed in tab A is the only live order; tab B says it was placed in another tab', async () => {
    const context = await newContext(browser, DESKTOP);
    contexts.push(context);
    const email = uniqueEmail('two-tabs');
    const {a, b, coA, coB} = await twoTabsAtReview(context, email);
    tabB = b;
    await shot(b, 'two-tabs-b-review');

    await placeInA(coA);
    await shot(a, 'two-tabs-a-placed');
    const {live, all} = liveOrders(email);
    assert.equal(live.length, 1, `exactly one live order: ${all}`);

    // Tab B, on its review step a moment ago, hears of the order.
    await visible(coB.getByText(/Um pedido acabou de ser feito com este carrinho em outra aba/));
    await visible(badge(b, /^Carrinho, 0 itens/));
    await shot(b, 'two-tabs-b-told');
    const text = ((await coB.locator('[part~="empty"]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    assert.ok(!/Seu carrinho está vazio/.test(text), `tab B does not just say the cart is empty: "${text}"`);
    assert.ok(
      text.includes(live[0]!.orderGroup),
      `tab B names the order (${live[0]!.orderGroup}): "${text}"`,
    );
    // Nothing left to press in B: its review gave way to the message.
    assert.equal(
      await coB.getByRole('button', {name: 'Finalizar pedido'}).count(),
      0,
      'tab B offers no second "Finalizar pedido"',
    );
    placed = true;
    assert.equal(liveOrders(email).live.length, 1, 'still exactly one live order');
  });

  it("tab B's message links to the shopper's orders", async () => {
    assert.ok(placed && tabB, 'the order was placed in tab A and tab B told');
    const co = await requireElement(tabB, 'vtex-checkout', 'say where the order went');
    const message = co.locator('[part~="empty"]');
    const link = message.getByRole('link');
    assert.equal(
      await link.count(),
      1,
      `a link to the orders in "${((await message.textContent()) ?? '').replace(/\s+/g, ' ').trim()}" (<vtex-checkout orders-url> on demo/checkout.html: "${await tabB.locator('vtex-checkout').getAttribute('orders-url')}")`,
    );
    assert.match((await link.textContent()) ?? '', /pedidos/i);
    const href = await link.getAttribute('href');
    assert.ok(href, 'the link has an href');
    const res = await tabB.request.get(new URL(href, tabB.url()).href);
    assert.equal(res.status(), 200, `the orders page ${href} exists`);
  });

  it('tab B missed the news (no BroadcastChannel) and presses "Finalizar pedido" too: one order, and B is told, not asked to retry', async () => {
    const context = await newContext(browser, DESKTOP);
    contexts.push(context);
    const email = uniqueEmail('deaf-tab');
    const {b, coA, coB} = await twoTabsAtReview(context, email, true);
    await placeInA(coA);
    assert.equal(liveOrders(email).live.length, 1, `one live order after tab A: ${liveOrders(email).all}`);

    // B heard nothing: it still shows its review. The shopper presses there too.
    const placeB = coB.getByRole('button', {name: 'Finalizar pedido'});
    await visible(placeB);
    await placeB.click();
    // Settled: B says something about the placement (an error, the other tab's order, a confirmation).
    const said = coB
      .getByText(/Obrigado! Seu pedido foi realizado/)
      .or(coB.locator('[part~="form-error"]').filter({hasText: /\S/}))
      .or(coB.locator('[part~="empty"]'));
    await visible(said, WAIT * 2);
    await shot(b, 'deaf-tab-b-pressed');
    const {live, all} = liveOrders(email);
    assert.equal(live.length, 1, `still exactly one live order: ${all}`);
    assert.equal(
      await coB.getByText(/Obrigado! Seu pedido foi realizado/).count(),
      0,
      'tab B does not confirm a second order',
    );
    const formError = (await coB.locator('[part~="form-error"]').count())
      ? ((await coB.locator('[part~="form-error"]').textContent()) ?? '').trim()
      : '';
    const empty = (await coB.locator('[part~="empty"]').count())
      ? ((await coB.locator('[part~="empty"]').textContent()) ?? '').replace(/\s+/g, ' ').trim()
      : '';
    const told = `${formError} ${empty}`;
    // The cart B shows was ordered: "try again" (a retry that can never succeed) over items that are gone is not
    // an answer. B should say an order was already placed from this cart.
    assert.match(
      told,
      /Um pedido acabou de ser feito com este carrinho|pedido já foi (feito|realizado)/,
      `tab B says the cart was already ordered; it says "${told.trim()}" and still offers "Finalizar pedido" ${await placeB.count()}×`,
    );
    assert.equal(await placeB.count(), 0, 'tab B no longer offers "Finalizar pedido" for the ordered cart');
  });
});
