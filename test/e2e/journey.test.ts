/**
 * The whole shopper journey on the demo CMS page (demo/index.html → checkout.html → account.html), in the system
 * Chromium against the demo server started in this process (bridge → sandbox): desktop, phone (390×844) and
 * keyboard only. Screenshots of every step go to test/e2e/artifacts/<mode>/; axe-core (WCAG 2.2 AA) runs on
 * every step and its violations are one test per run.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'playwright-core';
import {
  ARTIFACTS,
  Driver,
  VIEWPORTS,
  formatViolations,
  launchBrowser,
  newContext,
  startDemo,
  type Demo,
} from './harness.js';
import {JOURNEY_STEPS, journey} from './shopper-journey.js';

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

for (const mode of ['desktop', 'phone', 'keyboard'] as const) {
  describe(`shopper journey (${mode})`, () => {
    let d: Driver | undefined;
    it('searches, filters, buys, signs in, sees the order and buys again', async () => {
      const context = await newContext(browser, {...VIEWPORTS[mode], locale: 'pt-BR'});
      try {
        d = new Driver(await context.newPage(), mode, path.join(ARTIFACTS, mode));
        const from = process.env.E2E_FROM;
        if (from && process.env.CI)
          throw new Error(`E2E_FROM="${from}" would skip journey steps; it is for local debugging, never CI`);
        if (from) {
          // Local debugging only: start mid-journey with M / Preto in the cart.
          d.skipUntil = from;
          await d.page.goto(`${demo.origin}/`);
          await d.page.evaluate(async () => {
            const of = await (await fetch('/api/checkout/pub/orderForm', {credentials: 'include'})).json();
            await fetch(`/api/checkout/pub/orderForm/${of.orderFormId}/items`, {
              method: 'POST',
              credentials: 'include',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({orderItems: [{id: '104', quantity: 1, seller: '1'}]}),
            });
          });
          await d.page.reload();
        }
        await journey({origin: demo.origin, orders: () => demo.stack.sandbox.orders()}, mode, d);
        assert.deepEqual(d.consoleErrors, [], 'no console errors');
      } finally {
        await context.close();
      }
    });
    it('axe-core (WCAG 2.2 AA): no violations on any step', () => {
      assert.ok(d, 'the journey ran');
      // A journey that stopped early (or skipped steps) checked fewer pages: that is not a pass.
      assert.deepEqual(
        d.checked,
        [...JOURNEY_STEPS],
        `axe checked ${d.checked.length} of ${JOURNEY_STEPS.length} pages`,
      );
      assert.equal(d.violations.length, 0, `axe violations:\n${formatViolations(d.violations)}`);
    });
  });
}
