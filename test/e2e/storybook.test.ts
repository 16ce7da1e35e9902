/**
 * The static Storybook works: `storybook-static/` (built first when missing or older than the stories) is served
 * from a tiny static server; a sample story per element reaches its ready state (text from the sandbox running
 * in the page through MSW) and every docs page renders, with no console errors and no page errors; then every
 * story renders with no page error, and axe-core (WCAG 2.2 AA) runs on every story and docs page.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Browser, Page} from 'playwright-core';
import {
  ROOT,
  WAIT,
  axe,
  formatViolations,
  launchBrowser,
  newContext,
  watchConsole,
  type Violation,
} from './harness.js';

const STATIC = path.join(ROOT, 'storybook-static');

/** Newest modification time under a directory (files only). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) t = Math.max(t, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return t;
}

function buildIfStale(): void {
  const index = path.join(STATIC, 'index.json');
  const sources = Math.max(...['stories', '.storybook', 'src'].map((d) => newest(path.join(ROOT, d))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build-storybook'], {cwd: ROOT, stdio: 'inherit'});
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves storybook-static/ on 127.0.0.1 and a free port. */
async function serveStatic(): Promise<{server: Server; url: string}> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(STATIC, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(STATIC + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream'});
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`};
}

interface Sample {
  id: string;
  /** A shadow-piercing selector and the text it must show when the story is ready. */
  ready: string;
  text: RegExp;
  /** At least this many matches (default 1). */
  count?: number;
}

/** One ready-state story per element (and the states the owners' files miss). */
const SAMPLES: Sample[] = [
  {id: 'store-store--store', ready: 'vtex-product-grid [part~="card"]', text: /\d/, count: 2},
  {id: 'store-store--provider', ready: 'vtex-product [part~="name"]', text: /Camiseta/i},
  {id: 'catalog-search-box--default', ready: 'vtex-search-box [part~="submit"]', text: /\S/},
  {id: 'more-states--search-suggestions', ready: 'vtex-search-box [role="option"]', text: /\S/},
  {id: 'catalog-product-grid--category', ready: 'vtex-product-grid [part~="card"]', text: /\d/, count: 2},
  {id: 'catalog-product--with-variations', ready: 'vtex-product [part~="name"]', text: /Camiseta/i},
  {id: 'cart-cart--with-items', ready: 'vtex-cart [part~="line"] [part~="name"]', text: /\S/, count: 2},
  {id: 'cart-cart-button--with-items', ready: 'vtex-cart-button [part~="badge"]', text: /^\s*3\s*$/},
  {id: 'checkout-checkout--identification', ready: 'vtex-checkout [part~="continue"]', text: /\S/},
  {id: 'checkout-checkout--confirmation', ready: 'vtex-checkout [part~="confirmation"]', text: /\d{5,}/},
  {id: 'account-login-button--signed-in', ready: 'vtex-login-button [part~="trigger"]', text: /ana/i},
  {id: 'account-order-history--list', ready: 'vtex-order-history [part~="order"]', text: /\S/, count: 5},
];

let docsPages: string[] = [];
let browser: Browser;
let server: Server;
let base = '';
const violations: Violation[] = [];
/** Violations in Storybook's own UI (args tables, source blocks): reported, not the kit's to fix. */
const storybookUi: Violation[] = [];

/** axe, once Storybook's a11y addon (which puts its own axe on `window`) has finished its run. */
async function axeWhenIdle(page: Page, step: string, include?: string): Promise<Violation[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await axe(page, step, include);
    } catch (e) {
      if (attempt > 40 || !/already running/.test(String(e))) throw e;
      await page.waitForTimeout(250);
    }
  }
}

describe('static Storybook', {timeout: 600_000}, () => {
  before(async () => {
    buildIfStale();
    const index = JSON.parse(readFileSync(path.join(STATIC, 'index.json'), 'utf8')) as {
      entries: Record<string, {type: string; importPath: string}>;
    };
    docsPages = Object.entries(index.entries)
      .filter(([, e]) => e.type === 'docs')
      .map(([id]) => id);
    for (const s of SAMPLES) assert.ok(index.entries[s.id], `story ${s.id} is in the built Storybook`);
    ({server, url: base} = await serveStatic());
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (violations.length) console.log(`axe (WCAG 2.2 AA) violations:\n${formatViolations(violations)}`);
    if (storybookUi.length)
      console.log(`axe, Storybook's own UI (not failing):\n${formatViolations(storybookUi)}`);
  });

  for (const sample of SAMPLES) {
    it(`story ${sample.id} renders its ready state without console errors`, async () => {
      const context = await newContext(browser, {viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      const errors = watchConsole(page);
      try {
        await page.goto(`${base}/iframe.html?id=${sample.id}&viewMode=story`);
        const ready = page.locator(sample.ready).filter({hasText: sample.text});
        await ready.nth((sample.count ?? 1) - 1).waitFor({state: 'visible', timeout: WAIT * 2});
        // The play function (if any) has finished once Storybook reports the story rendered.
        await page.waitForFunction(
          () => !document.body.classList.contains('sb-show-preparing-story'),
          undefined,
          {timeout: WAIT},
        );
        violations.push(...(await axeWhenIdle(page, sample.id)));
        assert.deepEqual(errors, [], `console or page errors in ${sample.id}`);
      } finally {
        await context.close();
      }
    });
  }

  it('Markdown tables render as tables (GFM), not as pipes', async () => {
    for (const id of [
      'docs-introduction--docs',
      'docs-theming--docs',
      'docs-events--docs',
      'docs-deploying-the-bridge--docs',
    ]) {
      const context = await newContext(browser);
      const page = await context.newPage();
      try {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
        await page.locator('#storybook-docs h1').first().waitFor({state: 'visible', timeout: WAIT});
        const tables = await page.locator('#storybook-docs table:not(.docblock-argstable)').count();
        assert.ok(tables > 0, `${id} has a <table>`);
        const text = await page.locator('#storybook-docs').innerText();
        assert.doesNotMatch(text, /\|\s*-{3,}\s*\|/, `${id} shows a raw Markdown table`);
      } finally {
        await context.close();
      }
    }
  });

  it("each element's docs page has usage guidance: Do, Don't, Content and a keyboard table", async () => {
    const elements = docsPages.filter((id) => !id.startsWith('docs-'));
    assert.ok(elements.length >= 9, `element docs pages found: ${elements.join(', ')}`);
    for (const id of elements) {
      const context = await newContext(browser);
      const page = await context.newPage();
      try {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
        const docs = page.locator('#storybook-docs');
        await docs.getByRole('heading', {name: 'Keyboard', exact: true}).waitFor({timeout: WAIT});
        for (const name of ['Usage', 'Do', "Don't", 'Content'])
          assert.equal(
            await docs.getByRole('heading', {name, exact: true}).count(),
            1,
            `${id}: a "${name}" heading`,
          );
        for (const name of ['Do', "Don't"]) {
          const items = await docs.getByRole('region', {name, exact: true}).getByRole('listitem').count();
          assert.ok(items >= 3 && items <= 5, `${id}: 3–5 "${name}" items, found ${items}`);
        }
        const content = await docs
          .getByRole('region', {name: 'Content', exact: true})
          .getByRole('listitem')
          .count();
        assert.ok(content >= 1, `${id}: content rules`);
        // A real table: named by its caption, column headers, and one row header (the keys) per row.
        const table = docs.getByRole('table', {name: /responds to/});
        assert.equal(await table.count(), 1, `${id}: one keyboard table with a caption`);
        assert.deepEqual(await table.locator('thead th[scope="col"]').allInnerTexts(), [
          'Key',
          'What happens',
        ]);
        const rows = table.locator('tbody tr');
        const n = await rows.count();
        assert.ok(n >= 1, `${id}: the keyboard table has rows`);
        assert.equal(await rows.locator('th[scope="row"] kbd').first().count(), 1, `${id}: keys in <kbd>`);
        assert.equal(await table.locator('tbody th[scope="row"]').count(), n, `${id}: a row header per row`);
        for (const cell of await table.locator('tbody td').allInnerTexts())
          assert.match(cell, /\w{3}/, `${id}: every key says what happens`);
        assert.doesNotMatch(await docs.locator('.vtex-guidance').innerText(), /`/, `${id}: no raw Markdown`);
        // The block is the kit's own docs: its violations count (Storybook's UI around it is reported apart).
        violations.push(...(await axeWhenIdle(page, `${id} guidance`, '#storybook-docs .vtex-guidance')));
      } finally {
        await context.close();
      }
    }
  });

  it('element controls match their types: a radio for a union, a toggle for a boolean, text for a string', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/iframe.html?id=cart-cart--docs&viewMode=docs`);
      const table = page.locator('#storybook-docs .docblock-argstable').first();
      await table.waitFor({timeout: WAIT});
      const row = (name: string) =>
        table.locator('tr', {has: page.locator(`td:first-child >> text="${name}"`)});
      assert.equal(
        await row('variant').locator('input[type=radio]').count(),
        2,
        'variant: a radio per value',
      );
      assert.equal(
        await row('open')
          .locator('input[type=checkbox]')
          .or(row('open').getByRole('button', {name: 'Set boolean'}))
          .count(),
        1,
        'open: a toggle',
      );
      assert.equal(
        await row('checkout-url')
          .locator('textarea, input[type=text]')
          .or(row('checkout-url').getByRole('button', {name: 'Set string'}))
          .count(),
        1,
        'checkout-url: text',
      );
      assert.equal(await table.locator('text=/Set object/').count(), 0, 'no "Set object" control');
      assert.equal(await table.locator('td:first-child', {hasText: /^#/}).count(), 0, 'no #private member');
    } finally {
      await context.close();
    }
  });

  it('the theme builder shows every global token as a swatch or scale, and a token change restyles the elements', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      const story = `${base}/iframe.html?id=docs-theme-builder--tokens&viewMode=story`;
      await page.goto(`${story}&args=color-accent:!hex(b3261e);radius:0px`);
      const builder = page.locator('[data-testid="theme-builder"]');
      await builder.waitFor({timeout: WAIT});
      assert.ok((await builder.locator('.swatch').count()) >= 8, 'a swatch per colour token');
      assert.ok((await builder.locator('tbody tr').count()) >= 10, 'the element tokens, from the elements');
      const add = page.locator('vtex-product [part~="add-to-cart"]');
      await add.waitFor({timeout: WAIT});
      const look = await add.evaluate((b) => {
        const s = getComputedStyle(b);
        return {background: s.backgroundColor, radius: s.borderTopLeftRadius};
      });
      assert.equal(look.background, 'rgb(179, 38, 30)', 'the accent reaches the product');
      assert.equal(look.radius, '0px', 'the radius reaches the product');
      assert.match(
        await builder.locator('pre').innerText(),
        /--vtex-color-accent: #b3261e;/,
        'the CSS to copy',
      );
      await page.goto(story);
      await add.waitFor({timeout: WAIT});
      assert.equal(
        await add.evaluate((b) => getComputedStyle(b).backgroundColor),
        'rgb(15, 95, 215)',
        'the defaults without a change',
      );
    } finally {
      await context.close();
    }
  });

  it('every docs page (MDX and per element) renders without console errors', async () => {
    assert.ok(docsPages.length >= 16, `docs pages found: ${docsPages.join(', ')}`);
    for (const id of docsPages) {
      const context = await newContext(browser);
      const page = await context.newPage();
      const errors = watchConsole(page);
      try {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
        await page.locator('#storybook-docs h1').first().waitFor({state: 'visible', timeout: WAIT});
        if (!id.startsWith('docs-')) {
          // An element's page: its primary story renders (a kit element with a shadow root) above the API tables.
          await page.waitForFunction(
            () => !!document.querySelector('#storybook-docs [id^="story--"] *'),
            undefined,
            {
              timeout: WAIT,
            },
          );
          await page.locator('#storybook-docs .docblock-argstable').first().waitFor({timeout: WAIT});
        }
        for (const v of await axeWhenIdle(page, id)) {
          (id.startsWith('docs-') || v.targets.some((t) => t.includes('vtex-'))
            ? violations
            : storybookUi
          ).push(v);
        }
        assert.deepEqual(errors, [], `console or page errors in ${id}`);
      } finally {
        await context.close();
      }
    }
  });

  it('every story (each state of each element) renders with no page error and passes axe', async () => {
    const index = JSON.parse(readFileSync(path.join(STATIC, 'index.json'), 'utf8')) as {
      entries: Record<string, {type: string}>;
    };
    const stories = Object.entries(index.entries)
      .filter(([, e]) => e.type === 'story')
      .map(([id]) => id);
    assert.ok(stories.length >= 50, `stories found: ${stories.length}`);
    const failures: string[] = [];
    for (const id of stories) {
      // A fresh context per story: the in-page sandbox (MSW) keeps its cart and session per origin and context.
      const context = await newContext(browser, {viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      const uncaught: string[] = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      try {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
        await page.waitForFunction(
          () =>
            !document.body.classList.contains('sb-show-preparing-story') &&
            !!document.querySelector('#storybook-root *'),
          undefined,
          {timeout: WAIT},
        );
        // Every kit element in the story defined and rendered (loading stories stay in their loading state).
        await page.evaluate(`Promise.all(
            [...document.querySelectorAll('#storybook-root *')]
              .filter((el) => el.localName.startsWith('vtex-'))
              .map((el) => customElements.whenDefined(el.localName).then(() => el.updateComplete)),
          )`);
        await page.waitForTimeout(300);
        violations.push(...(await axeWhenIdle(page, id)));
        if (uncaught.length) failures.push(`${id}: ${uncaught.join('; ')}`);
      } catch (e) {
        failures.push(`${id}: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(failures, [], 'every story renders');
  });

  it('axe finds no WCAG 2.2 AA violation in the stories and docs pages', () => {
    assert.equal(violations.length, 0, formatViolations(violations));
  });
});
