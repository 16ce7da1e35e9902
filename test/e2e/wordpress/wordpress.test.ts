/**
 * The WordPress plugin on a real WordPress 6.1 (Debian's packages, Twenty Twenty-Three), in the system Chromium:
 * installed from its zip through Plugins → Add New → Upload, settings saved through the settings page, posts
 * written by an Author (no unfiltered_html) with blocks and with shortcodes, read by a visitor: products render,
 * add to cart goes through the bridge (the WordPress origin allowed), blocks stay in the content column, hostile
 * attribute values are escaped, and the kit loads once and only where an element is.
 *
 * `npm run test:wordpress` builds the zip first (`npm run build:wordpress`). KEEP_WORDPRESS=1 keeps the temp dir.
 */
import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {ARTIFACTS, ROOT, WAIT, launchBrowser, newContext, startDemo, type Demo} from '../harness.js';
import {startWordPress, type WordPress} from './server.js';

const ZIP = path.join(ROOT, 'dist/vtex-elements-wordpress.zip');
const SHOTS = path.join(ARTIFACTS, 'wordpress');
const XSS = '"><script>alert(1)</script>';
const ANGLE = 'Busque > 2 itens';

let wp: WordPress;
let demo: Demo;
let browser: Browser;
let admin: BrowserContext;
const dialogs: string[] = [];

const visible = (loc: Locator, timeout = WAIT) => loc.first().waitFor({state: 'visible', timeout});
const shot = (page: Page, name: string) =>
  page.screenshot({path: path.join(SHOTS, `${name}.png`), fullPage: true});

async function logIn(context: BrowserContext, user: string, password: string): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${wp.origin}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return page;
}

/** A REST call as the page's logged-in user (cookie + nonce). */
async function rest<T>(page: Page, route: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({route, body}) => {
      const nonce = await (await fetch('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
      const [path, query] = route.split('?');
      const r = await fetch(`/?rest_route=${encodeURIComponent(path!)}${query ? `&${query}` : ''}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {'content-type': 'application/json', 'x-wp-nonce': nonce},
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {status: r.status, json: await r.json()};
    },
    {route, body},
  );
  if (result.status >= 300) throw new Error(`REST ${route}: ${result.status} ${JSON.stringify(result.json)}`);
  return result.json as T;
}

/** A visitor's page (no WordPress login), with dialogs recorded. */
async function visit(url: string): Promise<{page: Page; context: BrowserContext}> {
  const context = await newContext(browser, {viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return {page, context};
}

/** The cart the bridge holds for this browser (cross-origin, with its cookies). */
const bridgeCart = (page: Page) =>
  page.evaluate(async (api) => {
    const r = await fetch(`${api}/api/checkout/pub/orderForm`, {credentials: 'include'});
    return (await r.json()) as {items: {quantity: number}[]};
  }, demo.origin);

async function addFirstProduct(page: Page, grid: Locator): Promise<void> {
  const add = grid.getByRole('button', {name: /^Adicionar ao carrinho/}).first();
  await visible(add);
  await add.click();
  await visible(page.locator('vtex-cart-button').getByRole('button', {name: /Carrinho, 1 item\b/}));
  const cart = await bridgeCart(page);
  assert.equal(
    cart.items.reduce((n, i) => n + i.quantity, 0),
    1,
    'the cart behind the bridge holds the product',
  );
}

/** The grid sits in the post's content column: no wider than a paragraph of the post, and aligned with it. */
async function assertInColumn(target: Locator, paragraph: Locator, what: string) {
  const box = (await target.boundingBox())!;
  const column = (await paragraph.boundingBox())!;
  assert.ok(
    column.width < 1000,
    `the theme has a content column narrower than the window (${column.width}px)`,
  );
  assert.ok(
    box.width <= column.width + 1 && Math.abs(box.x - column.x) <= 1,
    `${what} stays in the content column: ${Math.round(box.x)}+${Math.round(box.width)}px vs the column's ${Math.round(column.x)}+${Math.round(column.width)}px`,
  );
}

/** No dialog opened and no script element carries the payload. */
async function assertNoPayload(page: Page) {
  assert.equal(
    await page
      .locator('script')
      .evaluateAll((s) => s.filter((x) => x.textContent?.includes('alert(1)')).length),
    0,
    'no script element carries the payload',
  );
  assert.deepEqual(dialogs, [], 'no script ran from an attribute');
}

const kitScripts = (page: Page) =>
  page.locator('script[type="module"][src*="vtex-elements/assets/kit/loader.js"]').count();

/** PHP warnings or errors raised by the plugin's own files. */
const pluginErrors = () =>
  wp
    .errors()
    .split('\n')
    .filter((l) => /plugins\/vtex-elements\//.test(l));

describe('WordPress plugin on a real WordPress', {timeout: 300_000}, () => {
  let blocksUrl = '';
  let blocksId = 0;
  let hostileUrl = '';
  let shortcodesUrl = '';
  let author: BrowserContext;

  before(async () => {
    mkdirSync(SHOTS, {recursive: true});
    wp = await startWordPress();
    // Lets the test ask for the plugin's strings in another language (the site has no core language packs).
    writeFileSync(
      path.join(wp.contentDir, 'mu-plugins/e2e-locale.php'),
      `<?php
if ( isset( $_GET['e2e_locale'] ) ) {
	$vtex_e2e_locale = preg_replace( '/[^A-Za-z_]/', '', (string) $_GET['e2e_locale'] );
	add_filter( 'plugin_locale', function ( $locale, $domain ) use ( $vtex_e2e_locale ) {
		return 'vtex-elements' === $domain ? $vtex_e2e_locale : $locale;
	}, 10, 2 );
}
`,
    );
    demo = await startDemo({dev: {allowedOrigins: [wp.origin], logger: {warn: () => {}}}});
    browser = await launchBrowser();
    admin = await newContext(browser, {viewport: {width: 1280, height: 900}});
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await wp?.stop();
  });

  it('installs from the zip through Plugins → Add New → Upload, and activates', async () => {
    const page = await logIn(admin, wp.adminUser, wp.adminPassword);
    await page.goto(`${wp.origin}/wp-admin/plugin-install.php?tab=upload`);
    await page.setInputFiles('#pluginzip', ZIP);
    await Promise.all([page.waitForLoadState('load'), page.click('#install-plugin-submit')]);
    await visible(page.getByText('Plugin installed successfully.'));
    await page.getByRole('link', {name: 'Activate Plugin'}).click();
    await visible(page.getByText('Plugin activated.'));
    const row = page.locator('tr[data-slug="vtex-elements"]');
    assert.equal(
      await row.getAttribute('class').then((c) => /\bactive\b/.test(c ?? '')),
      true,
      'the plugin is active',
    );
    await shot(page, '01-activated');
    await page.close();
  });

  it('saves its settings (sanitized), in English, Portuguese and Spanish', async () => {
    const page = await admin.newPage();
    await page.goto(`${wp.origin}/wp-admin/options-general.php?page=vtex-elements`);
    await page.getByLabel('Bridge URL').fill(demo.origin);
    await page.getByLabel('VTEX account').fill('Sand box!');
    await page.getByLabel('Language').selectOption('pt-BR');
    await page.getByLabel('Currency').fill('brl');
    await page.getByRole('button', {name: 'Save Changes'}).click();
    await visible(page.getByText('Settings saved.'));
    assert.equal(await page.getByLabel('Bridge URL').inputValue(), demo.origin);
    assert.equal(await page.getByLabel('VTEX account').inputValue(), 'sandbox', 'the account is sanitized');
    assert.equal(await page.getByLabel('Currency').inputValue(), 'BRL');
    assert.equal(await page.getByLabel('Language').inputValue(), 'pt-BR');
    await shot(page, '02-settings');

    await page.goto(`${wp.origin}/wp-admin/options-general.php?page=vtex-elements&e2e_locale=pt_BR`);
    await visible(page.getByLabel('Conta VTEX'));
    await visible(page.getByText('Usar a paleta e as fontes do tema (theme.json) na loja'));
    await page.goto(`${wp.origin}/wp-admin/options-general.php?page=vtex-elements&e2e_locale=es_MX`);
    await visible(page.getByLabel('Cuenta de VTEX'));
    await page.close();
  });

  it('lets an Author (no unfiltered_html) publish a post with blocks and one with shortcodes', async () => {
    const page = await admin.newPage();
    await page.goto(`${wp.origin}/wp-admin/`);
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    await rest(page, '/wp/v2/users', {
      username: 'autora',
      email: 'autora@example.com',
      password,
      roles: ['author'],
    });
    await page.close();

    author = await newContext(browser, {viewport: {width: 1280, height: 900}});
    const authorPage = await logIn(author, 'autora', password);
    const me = await rest<{capabilities?: Record<string, boolean>}>(
      authorPage,
      '/wp/v2/users/me?context=edit',
    );
    assert.ok(!me.capabilities?.unfiltered_html, 'an Author may not post unfiltered HTML');

    // What the block editor writes: attributes as JSON in the block comment, with <, >, " and & escaped.
    const attrs = (o: Record<string, unknown>) =>
      JSON.stringify(o)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\\"/g, '\\u0022');
    const blocks = [
      `<!-- wp:paragraph --><p id="vtex-before">Nossa vitrine, escolhida para você.</p><!-- /wp:paragraph -->`,
      `<!-- wp:vtex/search-box ${attrs({placeholder: ANGLE, for: 'grid'})} /-->`,
      `<!-- wp:vtex/search-box ${attrs({placeholder: XSS, elementId: 'hostile'})} /-->`,
      `<!-- wp:vtex/product-grid ${attrs({elementId: 'grid', pageSize: 4, query: 'camiseta'})} /-->`,
      `<!-- wp:vtex/cart-button /-->`,
      `<!-- wp:vtex/store ${attrs({locale: 'pt-BR'})} --><!-- wp:vtex/product-grid ${attrs({elementId: 'in-store', pageSize: 2})} /--><!-- /wp:vtex/store -->`,
      `<!-- wp:paragraph --><p id="vtex-after">Frete grátis acima de R$ 200.</p><!-- /wp:paragraph -->`,
    ].join('\n\n');
    const post = await rest<{link: string; id: number}>(authorPage, '/wp/v2/posts', {
      title: 'Vitrine em blocos',
      status: 'publish',
      content: blocks,
    });
    const saved = await rest<{content: {raw: string}}>(authorPage, `/wp/v2/posts/${post.id}?context=edit`);
    assert.match(saved.content.raw, /<!-- wp:vtex\/product-grid \{/, 'the blocks survive kses for an Author');
    blocksUrl = post.link;
    blocksId = post.id;

    const shortcodes = await rest<{link: string}>(authorPage, '/wp/v2/posts', {
      title: 'Vitrine com shortcodes',
      status: 'publish',
      content: [
        '<p id="vtex-before">Nossa vitrine, escolhida para você.</p>',
        '[vtex_search_box for="grid2" placeholder="Buscar na loja"]',
        '[vtex_product_grid id="grid2" page_size="4" query="camiseta" show_sort]',
        '[vtex_cart_button]',
      ].join('\n\n'),
    });
    shortcodesUrl = shortcodes.link;
    await authorPage.close();

    // An administrator may store any attribute value: the full payload reaches the server renderer.
    const adminPage = await admin.newPage();
    await adminPage.goto(`${wp.origin}/wp-admin/`);
    const hostile = await rest<{link: string}>(adminPage, '/wp/v2/posts', {
      title: 'Atributos hostis',
      status: 'publish',
      content: [
        `<!-- wp:vtex/search-box ${attrs({placeholder: XSS, elementId: 'hostile'})} /-->`,
        `<!-- wp:vtex/search-box ${attrs({placeholder: ANGLE, elementId: 'angle'})} /-->`,
        `<!-- wp:vtex/product-grid ${attrs({pageSize: 2, productUrl: '?p=1&a>b={slug}'})} /-->`,
        `<!-- wp:paragraph --><p id="vtex-after">Fim.</p><!-- /wp:paragraph -->`,
      ].join('\n\n'),
    });
    hostileUrl = hostile.link;
    await adminPage.close();
  });

  it('escapes every attribute: an administrator\'s "><script> and > stay text, and nothing after them breaks', async () => {
    const {page, context} = await visit(hostileUrl);
    const hostile = page.locator('vtex-search-box#hostile');
    await visible(hostile.getByRole('combobox'));
    assert.equal(await hostile.getAttribute('placeholder'), XSS, 'the value arrives whole, as text');
    assert.equal(await hostile.getByRole('combobox').getAttribute('placeholder'), XSS);
    assert.equal(await page.locator('vtex-search-box#angle').getAttribute('placeholder'), ANGLE);
    assert.equal(await page.locator('vtex-product-grid').getAttribute('product-url'), '?p=1&a>b={slug}');
    await visible(page.locator('vtex-product-grid').getByRole('button', {name: /^Adicionar ao carrinho/}));
    await visible(page.locator('#vtex-after'));
    await assertNoPayload(page);
    await shot(page, '03-hostile-post');
    await context.close();
  });

  it('the blocks post: products, add to cart through the bridge, the content column, escaped attributes', async () => {
    const {page, context} = await visit(blocksUrl);
    const grid = page.locator('vtex-product-grid#grid');
    await visible(grid.getByRole('button', {name: /^Adicionar ao carrinho/}));
    await shot(page, '03-blocks-post');

    // `>` in an attribute breaks nothing after it; the hostile value is text in the attribute, not a script.
    const angle = page.locator('vtex-search-box').first();
    assert.equal(await angle.getAttribute('placeholder'), ANGLE);
    assert.equal(await angle.getAttribute('for'), 'grid');
    // WordPress's kses strips the tags from an Author's block attributes; what is left arrives whole, as text.
    const hostile = page.locator('vtex-search-box#hostile');
    assert.equal(await hostile.getAttribute('placeholder'), '">alert(1)');
    await assertNoPayload(page);
    await visible(page.locator('#vtex-after'));
    assert.equal(
      await page.locator('vtex-product-grid').count(),
      2,
      'every block after the hostile ones is there',
    );

    // Loaded once; the page's store comes from the settings; the store block has its own.
    assert.equal(await kitScripts(page), 1, 'one script for the kit');
    const pageStore = page.locator('vtex-store[data-vtex-elements-page-store]');
    assert.equal(await pageStore.getAttribute('api'), demo.origin);
    assert.equal(await pageStore.getAttribute('account'), 'sandbox');
    assert.equal(await pageStore.getAttribute('currency'), 'BRL');
    await visible(
      page
        .locator('vtex-store.wp-block-vtex-store vtex-product-grid')
        .getByRole('button', {name: /^Adicionar/}),
    );

    // Blocks and the store block stay in the column the post's paragraphs use.
    const paragraph = page.locator('#vtex-before');
    await assertInColumn(grid, paragraph, 'the grid block');
    await assertInColumn(page.locator('vtex-cart-button'), paragraph, 'the cart button block');
    await assertInColumn(
      page.locator('vtex-store.wp-block-vtex-store vtex-product-grid'),
      paragraph,
      'a grid in a store block',
    );

    // The theme's palette: Twenty Twenty-Three's buttons are lime (1.2:1 on white, too light for the links and
    // outlines the accent also colours), so the accent is its dark green, with its white on it.
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--vtex-color-accent').trim(),
    );
    assert.equal(accent.toLowerCase(), '#345c00', "the theme's secondary colour");
    const add = grid.getByRole('button', {name: /^Adicionar ao carrinho/}).first();
    const colours = await add.evaluate((b) => [
      getComputedStyle(b).backgroundColor,
      getComputedStyle(b).color,
    ]);
    assert.deepEqual(
      colours,
      ['rgb(52, 92, 0)', 'rgb(255, 255, 255)'],
      'the add button takes the theme colours',
    );

    await addFirstProduct(page, grid);
    await shot(page, '04-blocks-added');
    await context.close();
  });

  it('the shortcodes post: products and add to cart', async () => {
    const {page, context} = await visit(shortcodesUrl);
    const grid = page.locator('vtex-product-grid#grid2');
    await visible(grid.getByRole('button', {name: /^Adicionar ao carrinho/}));
    assert.equal(await page.locator('vtex-search-box').getAttribute('placeholder'), 'Buscar na loja');
    assert.equal(await grid.getAttribute('show-sort'), '');
    assert.equal(await kitScripts(page), 1);
    await assertInColumn(grid, page.locator('#vtex-before'), 'the grid shortcode');
    await addFirstProduct(page, grid);
    await shot(page, '05-shortcodes-added');
    await context.close();
  });

  it('the editor shows the live element in the block (as the Author)', async () => {
    const page = await author.newPage();
    await page.goto(`${wp.origin}/wp-admin/post.php?post=${blocksId}&action=edit`);
    const preview = page.locator('.vtex-elements-preview vtex-product-grid').first();
    // The preview is inert (its links must not leave the editor), so it is out of the accessibility tree.
    await visible(preview.locator('button', {hasText: 'Adicionar ao carrinho'}), 60_000);
    // An Author's `>` was stored by WordPress's kses as `&gt;`; the preview shows what the page will show.
    assert.equal(
      await page.locator('.vtex-elements-preview vtex-search-box').first().getAttribute('placeholder'),
      ANGLE,
    );
    await shot(page, '06-editor');
    await page.close();
  });

  it('a page without an element loads nothing, and the theme colours can be turned off', async () => {
    const hello = await visit(`${wp.origin}/?p=1`);
    assert.equal(await kitScripts(hello.page), 0, 'no kit on a page without an element');
    assert.equal(await hello.page.locator('vtex-store, #vtex-elements-css').count(), 0);
    await hello.context.close();

    const page = await admin.newPage();
    await page.goto(`${wp.origin}/wp-admin/options-general.php?page=vtex-elements`);
    await page.getByLabel("Use the theme's palette and fonts (theme.json) for the store").uncheck();
    await page.getByRole('button', {name: 'Save Changes'}).click();
    await visible(page.getByText('Settings saved.'));
    await page.close();
    const {page: post, context} = await visit(shortcodesUrl);
    const accent = await post.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--vtex-color-accent').trim(),
    );
    assert.equal(accent, '', 'no theme tokens when turned off');
    await context.close();
    assert.deepEqual(pluginErrors(), [], 'no PHP warning from the plugin');
  });
});
