/**
 * The demo store (`npm start`) as a visitor sees it, in the system Chromium: every page loads without a 404 (the
 * favicon included), its own text is in its language (pt-BR, as its `lang` says), and the checkout page names
 * itself once.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'playwright-core';
import {WAIT, launchBrowser, newContext, startDemo, type Demo} from './harness.js';

const PAGES = [
  '/',
  '/demo/product.html?product=camiseta-basica-algodao',
  '/demo/checkout.html',
  '/demo/account.html',
];

/** Words of English text that Portuguese text does not have. */
const ENGLISH =
  /\b(the|and|this|with|your|any|is|of|to|in|sign|orders?|history|placed|approved|postal|date|demo)\b/i;

let demo: Demo;
let browser: Browser;
before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

describe('demo pages', () => {
  for (const url of PAGES) {
    it(`${url}: no 404 (favicon included), its own text in pt-BR`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const missing: string[] = [];
      page.on('response', (r) => {
        if (r.status() === 404) missing.push(r.url());
      });
      await page.goto(demo.origin + url);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(missing, [], 'every request of the page is answered');
      assert.equal(await page.locator('link[rel="icon"]').count(), 1, 'the page names its icon');
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      // The linked icon, and /favicon.ico that browsers ask for on pages without a link.
      for (const href of [icon!, '/favicon.ico']) {
        const answer = await page.request.get(new URL(href, demo.origin).href);
        assert.equal(answer.status(), 200, href);
        assert.match(answer.headers()['content-type'] ?? '', /^image\//, href);
      }

      assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR');
      // The page's own text: light DOM only (the kit's elements speak the store's language themselves), no code.
      const text = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        body.querySelectorAll('code, script, style').forEach((n) => n.remove());
        return `${document.title}\n${body.textContent ?? ''}`.replace(/\s+/g, ' ');
      });
      const english = text.split(/(?<=[.!?·—])\s+/).filter((sentence) => ENGLISH.test(sentence));
      assert.deepEqual(english, [], 'no English sentences on a pt-BR page');
      await context.close();
    });
  }

  it('in forced colours the chosen variant, the cart badge and the current checkout step still show (not by colour alone)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.emulateMedia({forcedColors: 'active'});
    await page.goto(`${demo.origin}/demo/product.html?product=camiseta-basica-algodao`);
    const chosen = page.locator('vtex-product .option input:checked + span').first();
    await chosen.waitFor({timeout: WAIT});
    const other = page.locator('vtex-product .option input:not(:checked) + span').first();
    const width = (l: typeof chosen) => l.evaluate((e) => parseFloat(getComputedStyle(e).borderTopWidth));
    assert.ok((await width(chosen)) >= (await width(other)) + 2, 'the chosen value has a thicker border');
    await page.locator('vtex-product [part~="add-to-cart"]').click();
    const badge = page.locator('vtex-cart-button [part~="badge"]').first();
    await badge.waitFor({timeout: WAIT});
    const border = await badge.evaluate((e) => {
      const s = getComputedStyle(e);
      return {style: s.borderTopStyle, width: parseFloat(s.borderTopWidth)};
    });
    assert.equal(border.style, 'solid', 'the badge keeps its circle');
    assert.ok(border.width >= 1);
    await page.goto(`${demo.origin}/demo/checkout.html`);
    const current = page.locator('vtex-checkout section[aria-current="step"]');
    await current.waitFor({timeout: WAIT});
    const todo = page.locator('vtex-checkout section:not([aria-current])').first();
    assert.ok((await width(current)) >= (await width(todo)) + 2, 'the current step has a thicker border');
    await context.close();
  });

  it('the checkout page says "Finalizar compra" once', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${demo.origin}/demo/checkout.html`);
    const checkout = page.locator('vtex-checkout');
    await checkout.locator('[part="title"]').waitFor({state: 'attached', timeout: WAIT});
    const headings = page.getByRole('heading', {name: 'Finalizar compra', exact: true});
    assert.equal(await headings.count(), 1, 'one heading names the page');
    const visibleTexts = await page
      .getByText('Finalizar compra', {exact: true})
      .evaluateAll(
        (els) =>
          els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length).length,
      );
    assert.equal(visibleTexts, 1, 'the words appear once on the page');
    await context.close();
  });
});
