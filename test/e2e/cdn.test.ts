/**
 * The built CDN bundle (dist/vtex-elements.js) and the autoloader (dist/loader.js) on plain HTML pages, in the
 * system Chromium, cross-origin: dist/ is served from one 127.0.0.1 port (a static server written here), the
 * bridge → sandbox from another (`startServer` + `createDevStack`, the page origin allowed). The pages only
 * have the one script tag and pasted `<vtex-*>` tags.
 *
 * Two ports on the same host are the same site, so the bridge's SameSite=Lax cookies (the cart, checkout
 * ownership) ride along on the page's credentialed cross-origin fetches.
 *
 * Checked: the whole journey (grid → add to cart → badge → cart drawer → checkout → order in the sandbox), with
 * and without a strict CSP (no violations), the script twice and loader + bundle together (no console error),
 * tags before the script and added later, and no request to anything but the page origin and the bridge.
 *
 * Builds first (`npm run build`) when dist/ is missing or older than src/ (SKIP_BUILD=1: use dist/ as is).
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {chromium, type Browser, type BrowserContext, type Locator, type Page} from 'playwright-core';
import {createDevStack, type DevStack} from '../../src/server/dev-middleware.js';
import {startServer, type RunningServer} from '../../src/server/http-server.js';
// @ts-expect-error plain JS helper without types
import {CHROMIUM_ARGS, INSTALL_HINT, findChromium} from '../../scripts/chromium.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const WAIT = 20_000;
const CPF = '529.982.247-25';
const POSTAL_CODE = '22250-040';
const CARD = '4111111111111111';

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return /\.(test|stories)\.ts$/.test(p) ? 0 : st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(path.join(p, n))));
}

function ensureBuilt(): void {
  const outputs = ['vtex-elements.js', 'loader.js', 'elements/cart.js'].map((f) => path.join(DIST, f));
  const built = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  const inputs = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'vite.config.ts')));
  if (built > 0 && (built >= inputs || process.env.SKIP_BUILD)) return;
  const r = spawnSync('npm', ['run', 'build'], {cwd: ROOT, encoding: 'utf8'});
  assert.equal(r.status, 0, `npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

type ScriptMode = 'cdn' | 'loader' | 'twice' | 'both';
/** The script tags of a page, as a CMS author pastes them. */
const SCRIPTS: Record<ScriptMode, string[]> = {
  cdn: ['/vtex-elements.js'],
  loader: ['/loader.js'],
  // The same URL twice is one module; a second URL (a cache-busting query) evaluates the bundle again.
  twice: ['/vtex-elements.js', '/vtex-elements.js', '/vtex-elements.js?v=2'],
  both: ['/loader.js', '/vtex-elements.js', '/loader.js?v=2'],
};

let bridgeOrigin = '';
/** The sandbox as VTEX's payment host: card data goes there, never through the bridge. */
let paymentsOrigin = '';

function shopPage(mode: ScriptMode): string {
  const scripts = SCRIPTS[mode].map((s) => `<script type="module" src="${s}"></script>`).join('\n    ');
  // The tags come before the script (at the end of <body>).
  return `<!doctype html>
<html lang="pt-BR">
  <head>
    <meta charset="utf-8" />
    <title>Blog</title>
  </head>
  <body>
    <header><a href="/">Blog</a> <vtex-cart-button></vtex-cart-button></header>
    <main>
      <h1>Novidades</h1>
      <vtex-store api="${bridgeOrigin}" account="sandbox" locale="pt-BR">
        <vtex-product-grid query="camiseta" page-size="8" show-facets></vtex-product-grid>
      </vtex-store>
    </main>
    <vtex-cart variant="drawer" checkout-url="checkout.html"></vtex-cart>
    ${scripts}
  </body>
</html>`;
}

function checkoutPage(mode: ScriptMode): string {
  const scripts = SCRIPTS[mode].map((s) => `<script type="module" src="${s}"></script>`).join('\n    ');
  return `<!doctype html>
<html lang="pt-BR">
  <head>
    <meta charset="utf-8" />
    <title>Checkout</title>
    ${scripts}
  </head>
  <body>
    <h1>Finalizar compra</h1>
    <vtex-store api="${bridgeOrigin}" payments-api="${paymentsOrigin}" account="sandbox" locale="pt-BR"><vtex-checkout></vtex-checkout></vtex-store>
  </body>
</html>`;
}

/** Pages at /p/<mode>/<csp|open>/<shop|checkout>.html; everything else from dist/. */
function startStatic(): Promise<{server: Server; origin: string}> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('Cache-Control', 'no-cache');
    const page = /^\/p\/(cdn|loader|twice|both)\/(csp|open)\/(shop|checkout)\.html$/.exec(url.pathname);
    if (page) {
      const [, mode, csp, name] = page as unknown as [string, ScriptMode, string, string];
      if (csp === 'csp')
        res.setHeader(
          'Content-Security-Policy',
          `default-src 'self'; script-src 'self'; connect-src ${bridgeOrigin} ${paymentsOrigin}; img-src ${bridgeOrigin} data:; style-src 'self'`,
        );
      res.setHeader('Content-Type', MIME['.html']!);
      res.end(name === 'shop' ? shopPage(mode) : checkoutPage(mode));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.statusCode = 204;
      res.end();
      return;
    }
    const file = path.resolve(DIST, '.' + path.posix.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('Not Found');
      return;
    }
    res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`}),
    ),
  );
}

let browser: Browser;
let dist: {server: Server; origin: string};
let bridge: RunningServer;
let stack: DevStack;

before(async () => {
  ensureBuilt();
  dist = await startStatic();
  // The stack needs the bridge's own origin (absolute image URLs) and the page origin (CORS, return URLs).
  const lazy = {
    handle: (r: Request) => stack.handle(r),
    allowsHost: (host: string) => stack.allowsHost(host),
    payments: (r: Request) => stack.payments!(r),
  } as DevStack;
  bridge = await startServer({stack: lazy, root: ROOT, port: 0, onError: () => {}});
  stack = createDevStack({allowedOrigins: [dist.origin], baseUrl: bridge.origin});
  bridgeOrigin = bridge.origin;
  paymentsOrigin = bridge.paymentsOrigin ?? '';
  assert.notEqual(new URL(dist.origin).port, new URL(bridge.origin).port);
  const executablePath = findChromium() as string | undefined;
  if (!executablePath) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS as string[], headless: true});
});

after(async () => {
  await browser?.close();
  await bridge?.close();
  await new Promise<void>((done) => {
    if (!dist) return done();
    dist.server.close(() => done());
    dist.server.closeAllConnections();
  });
});

/** CSP violations reported in the page (recorded from the first script on). */
const RECORD_CSP = `
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    globalThis.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
`;

interface Watched {
  page: Page;
  context: BrowserContext;
  errors: string[];
  requests: string[];
  csp: () => Promise<string[]>;
}

async function open(): Promise<Watched> {
  const context = await browser.newContext({locale: 'pt-BR', viewport: {width: 1280, height: 900}});
  await context.addInitScript(RECORD_CSP);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const cspConsole: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // CSP refusals are reported by their own assertion.
    (/Content Security Policy/.test(m.text()) ? cspConsole : errors).push(
      `${m.text()} (${m.location()?.url ?? ''})`,
    );
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const csp = async () => [
    ...(((await page.evaluate('globalThis.__cspViolations').catch(() => [])) as string[] | undefined) ?? []),
    ...cspConsole,
  ];
  return {page, context, errors, requests, csp};
}

/** Requests to anything but the page origin, the bridge and the payment host (data: URLs excepted). */
const foreign = (requests: string[]) =>
  requests.filter(
    (u) =>
      !u.startsWith('data:') && ![dist.origin, bridge.origin, paymentsOrigin].includes(new URL(u).origin),
  );

const visible = (loc: Locator, timeout = WAIT) => loc.first().waitFor({state: 'visible', timeout});

/**
 * Polls an expression with `page.evaluate` (CDP, exempt from the page's CSP — `waitForFunction` evaluates its
 * predicate with eval, which a strict CSP refuses).
 */
async function until(page: Page, expression: string, what: string, timeout = WAIT): Promise<unknown> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(expression).catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const defined = (page: Page, tags: string[]) =>
  until(
    page,
    `${JSON.stringify(tags)}.every((t) => !!customElements.get(t))`,
    `${tags.join(', ')} to be defined`,
  );

async function journey(w: Watched, mode: ScriptMode, csp: boolean): Promise<void> {
  const {page} = w;
  const base = `${dist.origin}/p/${mode}/${csp ? 'csp' : 'open'}`;
  const email = `cdn.${mode}.${csp ? 'csp' : 'open'}.${Math.random().toString(36).slice(2, 8)}@example.com`;

  await page.goto(`${base}/shop.html`);
  await defined(page, ['vtex-store', 'vtex-product-grid', 'vtex-cart-button']);
  assert.equal(
    await page.evaluate(`!!customElements.get('vtex-cart')`),
    false,
    'the closed drawer cart loads on its first open',
  );

  // The grid renders products from the bridge on the other port.
  const grid = page.locator('vtex-product-grid');
  await visible(grid.locator('[part~="card-link"]'));
  assert.ok((await grid.locator('[part~="card-link"]').count()) > 0, 'the grid shows products');
  // The production CSS keeps its container queries: on a wide page, the filters beside a grid of several columns.
  const layout = (await page.evaluate(`(() => {
    const sr = document.querySelector('vtex-product-grid').shadowRoot;
    return {
      sidebar: getComputedStyle(sr.querySelector('[part~="facets"]')).display,
      columns: getComputedStyle(sr.querySelector('[part~="grid"]')).gridTemplateColumns.split(' ').length,
    };
  })()`)) as {sidebar: string; columns: number};
  assert.notEqual(layout.sidebar, 'none', 'the filter sidebar shows on a wide page');
  assert.ok(layout.columns >= 3, `a grid of several columns on a wide page (got ${layout.columns})`);
  const images = grid.locator('img');
  if (await images.count()) assert.ok((await images.first().getAttribute('src'))?.startsWith(bridge.origin));

  // Add to cart from a card: the badge updates.
  const badge = page.locator('vtex-cart-button');
  await visible(badge.getByRole('button', {name: /Carrinho, 0 itens/}));
  // The first card that can be added (one SKU, in stock).
  const index = (await until(
    page,
    `(() => {
      const cards = [...document.querySelector('vtex-product-grid').shadowRoot.querySelectorAll('article')];
      const i = cards.findIndex((c) => c.querySelector('button[part~="add-to-cart"]:not([disabled])'));
      return i + 1;
    })()`,
    'an addable card',
  )) as number;
  const card = grid.locator('article').nth(index - 1);
  const name = ((await card.locator('[part~="card-link"]').textContent()) ?? '').trim();
  assert.ok(name, 'the card has a product name');
  await card.locator('button[part~="add-to-cart"]').click({timeout: WAIT});
  await visible(badge.getByRole('button', {name: /Carrinho, 1 item\b/}));

  // The cart drawer shows the item.
  await badge.getByRole('button', {name: /Carrinho/}).click();
  const cart = page.locator('vtex-cart');
  await visible(cart.getByText(name));

  // Checkout on another page of the CMS.
  await cart.getByRole('link', {name: 'Finalizar compra'}).click();
  await page.waitForURL(/checkout\.html/, {timeout: WAIT});
  await defined(page, ['vtex-checkout']);
  const co = page.locator('vtex-checkout');
  await visible(co.getByRole('textbox', {name: 'E-mail'}));
  await co.getByRole('textbox', {name: 'E-mail'}).fill(email);
  await co.getByRole('textbox', {name: 'Nome', exact: true}).fill('Ana');
  await co.getByRole('textbox', {name: 'Sobrenome'}).fill('Silva');
  await co.getByRole('textbox', {name: 'CPF'}).fill(CPF);
  await co.getByRole('textbox', {name: 'Telefone'}).fill('21 99999-0000');
  await co.getByRole('button', {name: 'Continuar'}).click();
  await visible(co.getByRole('textbox', {name: 'CEP'}));
  await co.getByRole('textbox', {name: 'CEP'}).fill(POSTAL_CODE);
  await page.keyboard.press('Tab');
  await until(
    page,
    `document.querySelector('vtex-checkout')?.shadowRoot?.querySelector('[name="city"]')?.value === 'Rio de Janeiro'`,
    'the address autofill',
  );
  await co.getByRole('textbox', {name: 'Número'}).fill('300');
  const normal = co.getByRole('radio', {name: /Normal/}).first();
  await visible(normal);
  await normal.check();
  await co.getByRole('button', {name: 'Continuar'}).click();
  await visible(co.getByRole('radio', {name: /Cartão de crédito/}));
  await co.getByRole('radio', {name: /Cartão de crédito/}).check();
  await co.getByRole('textbox', {name: 'Número do cartão'}).fill(CARD);
  await co.getByRole('textbox', {name: 'Nome impresso no cartão'}).fill('ANA SILVA');
  await co.getByRole('textbox', {name: /Validade/}).fill('12/35');
  await co.getByRole('textbox', {name: /Código de segurança/}).fill('123');
  await co.getByRole('button', {name: 'Continuar'}).click();
  await visible(co.getByRole('button', {name: 'Finalizar pedido'}));
  await co.getByRole('button', {name: 'Finalizar pedido'}).click();
  await visible(co.getByText(/Obrigado! Seu pedido foi realizado/), WAIT * 2);

  // The order exists in the sandbox behind the bridge.
  const orders = stack.sandbox.orders().filter((o) => (o as {email?: string}).email === email);
  assert.equal(orders.length, 1, `one order for ${email}`);
  await visible(co.getByText(orders[0]!.orderId));
}

for (const mode of ['cdn', 'loader'] as const) {
  for (const csp of [false, true]) {
    describe(`${mode === 'cdn' ? 'CDN bundle' : 'loader'}${csp ? ' under a strict CSP' : ''}, cross-origin bridge`, () => {
      let violations: string[] | undefined;
      it('grid → add to cart → badge → cart → checkout → order in the sandbox; no errors, no foreign requests', async () => {
        const w = await open();
        try {
          await journey(w, mode, csp);
          violations = await w.csp();
          assert.deepEqual(w.errors, [], 'no console errors');
          assert.deepEqual(
            foreign(w.requests),
            [],
            'requests only to the page origin, the bridge and the payment host',
          );
          const payments = w.requests.filter((u) => /\/api\/payments\/transactions\/[^/]+\/payments/.test(u));
          assert.deepEqual(
            payments.map((u) => new URL(u).origin),
            [paymentsOrigin],
            'the card payment went once, to the payment host, never to the bridge',
          );
          assert.ok(
            w.requests.some((u) => u.startsWith(bridge.origin)),
            'the page talked to the bridge',
          );
          const scripts = w.requests.filter((u) => u.startsWith(dist.origin) && /\.js(\?|$)/.test(u));
          if (mode === 'loader') {
            assert.ok(
              !scripts.some((u) => u.includes('vtex-elements.js')),
              'the loader does not pull the bundle',
            );
            assert.ok(
              scripts.some((u) => u.includes('/elements/product-grid.js')),
              'loaded per-element modules',
            );
            assert.ok(
              !scripts.some((u) => u.includes('/elements/order-history.js')),
              'only the tags on the page',
            );
          } else {
            assert.ok(!scripts.some((u) => u.includes('/elements/')), 'the bundle needs no element modules');
          }
        } finally {
          violations ??= await w.csp().catch(() => undefined);
          await w.context.close();
        }
      });
      if (csp)
        it('no CSP violations (securitypolicyviolation events, CSP console reports)', () => {
          assert.ok(violations, 'the journey ran');
          assert.deepEqual(violations, [], 'CSP violations');
        });
    });
  }
}

describe('including the kit more than once', () => {
  for (const mode of ['twice', 'both'] as const) {
    it(`${mode === 'twice' ? 'the bundle twice' : 'loader + bundle'}: every tag defined, no console error`, async () => {
      const w = await open();
      try {
        await w.page.goto(`${dist.origin}/p/${mode}/open/shop.html`);
        await defined(w.page, ['vtex-store', 'vtex-product-grid', 'vtex-cart-button']);
        await visible(w.page.locator('vtex-product-grid').locator('[part~="card-link"]'));
        await visible(w.page.locator('vtex-cart-button').getByRole('button', {name: /Carrinho, 0 itens/}));
        // Let the late scripts (and the loader's element modules) finish.
        await w.page.waitForLoadState('networkidle');
        assert.deepEqual(w.errors, [], 'no console errors');
        assert.deepEqual(foreign(w.requests), []);
      } finally {
        await w.context.close();
      }
    });
  }
});

describe('loader: tags before the script and added later', () => {
  it('defines the tags already in the page and those inserted afterwards, loading only what is used', async () => {
    const w = await open();
    try {
      await w.page.goto(`${dist.origin}/p/loader/open/shop.html`);
      await defined(w.page, ['vtex-store', 'vtex-product-grid', 'vtex-cart-button']);
      await w.page.waitForLoadState('networkidle');
      const before = (await w.page.evaluate(
        `['vtex-login-button', 'vtex-order-history', 'vtex-search-box', 'vtex-product', 'vtex-cart'].map((t) => !!customElements.get(t))`,
      )) as boolean[];
      assert.deepEqual(
        before,
        [false, false, false, false, false],
        'tags not on the page, and the closed drawer cart, are not loaded',
      );
      // A drawer that gets `open` loads and opens.
      await w.page.evaluate(`document.querySelector('vtex-cart').setAttribute('open', '')`);
      await defined(w.page, ['vtex-cart']);
      await visible(w.page.locator('vtex-cart').getByRole('dialog'));
      // A CMS widget inserts more tags later (nested inside a new subtree, and one at the top level).
      await w.page.evaluate(`(() => {
        const div = document.createElement('div');
        div.innerHTML = '<section><vtex-search-box></vtex-search-box><vtex-login-button></vtex-login-button></section>';
        document.querySelector('vtex-store').append(div);
        document.body.append(document.createElement('vtex-product'));
      })()`);
      await defined(w.page, ['vtex-search-box', 'vtex-login-button', 'vtex-product']);
      await visible(
        w.page
          .locator('vtex-login-button')
          .getByRole('link', {name: 'Entrar'})
          .or(w.page.locator('vtex-login-button').getByRole('button', {name: 'Entrar'})),
      );
      assert.equal(await w.page.evaluate(`!!customElements.get('vtex-order-history')`), false);
      await w.page.waitForLoadState('networkidle');
      assert.deepEqual(w.errors, [], 'no console errors');
      assert.deepEqual(foreign(w.requests), []);
    } finally {
      await w.context.close();
    }
  });
});
