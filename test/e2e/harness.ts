/**
 * Shared pieces of the end-to-end suites: the in-process demo server (bridge → sandbox), the system Chromium
 * through playwright-core, screenshots and axe-core (WCAG 2.2 AA) on every step, console-error capture, a
 * keyboard-only driver, and a clear failure when an element has not landed yet.
 */
import {mkdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium, type Browser, type BrowserContextOptions, type Locator, type Page} from 'playwright-core';
import {createDevStack, type DevStack, type DevStackOptions} from '../../src/server/dev-middleware.js';
import {startServer, type RunningServer} from '../../src/server/http-server.js';
import type {CreateSandboxOptions} from '../../src/sandbox/index.js';
// @ts-expect-error plain JS helper without types
import {CHROMIUM_ARGS, INSTALL_HINT, findChromium} from '../../scripts/chromium.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test/e2e/artifacts');
export const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Generous waits: the server bundles sources on first request, and fault runs add seconds of latency. */
export const WAIT = 20_000;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium() as string | undefined;
  if (!executablePath) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  return chromium.launch({executablePath, args: CHROMIUM_ARGS, headless: true});
}

/**
 * tsx compiles this file with esbuild's keepNames, so functions passed to `page.evaluate` may call `__name`,
 * which the page does not have: define it (a no-op) in every page.
 */
export const KEEP_NAMES = 'globalThis.__name ??= (f) => f;';

export async function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(KEEP_NAMES);
  return context;
}

export interface Demo extends RunningServer {
  stack: DevStack;
}

/** The demo server on a free port, in this process. */
export async function startDemo(
  options: {stack?: DevStack; root?: string; dev?: DevStackOptions} = {},
): Promise<Demo> {
  const stack = options.stack ?? createDevStack(options.dev);
  const running = await startServer({stack, root: options.root ?? ROOT, port: 0, onError: () => {}});
  return {...running, stack};
}

/** A dev stack over a sandbox with extra options (a catalog seed, store preferences), quiet and observable. */
export function customStack(
  sandboxOptions: CreateSandboxOptions,
  options: {allowedOrigins?: string[]; onUpstream?: (request: Request) => void; maxBodyBytes?: number} = {},
): DevStack {
  return createDevStack({...options, sandbox: sandboxOptions, logger: {warn: () => {}}});
}

export interface Violation {
  step: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  html: string;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (WCAG 2.0–2.2 A/AA) on the whole page, shadow roots included, or on what `include` selects. */
export async function axe(page: Page, step: string, include?: string): Promise<Violation[]> {
  await page.evaluate(KEEP_NAMES);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({path: AXE_PATH});
  const run = {tags: AXE_TAGS, include: include ?? null};
  const result = await page.evaluate(async ({tags, include}) => {
    const w = window as unknown as {
      axe: {run(ctx: unknown, opts: unknown): Promise<{violations: unknown[]}>};
    };
    const violations = (
      await w.axe.run(include ?? document, {
        runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations'],
      })
    ).violations as {id: string; impact: string; help: string; nodes: {target: unknown[]; html: string}[]}[];
    // An open modal <dialog> (in any shadow root) makes the rest of the page inert: axe still measures the
    // dimmed content behind the backdrop (colour contrast), which no user can perceive or reach. Drop those.
    const dialogs: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'dialog' && el.matches(':modal')) dialogs.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const resolve = (target: unknown[]): Element | null => {
      let root: Document | ShadowRoot = document;
      let el: Element | null = null;
      for (const part of target) {
        const sels = Array.isArray(part) ? part : [part];
        for (const sel of sels) {
          el = root.querySelector(String(sel));
          if (!el) return null;
          if (el.shadowRoot) root = el.shadowRoot;
        }
      }
      return el;
    };
    const inside = (el: Element, container: Element) => {
      for (let n: Node | null = el; n; n = n instanceof ShadowRoot ? n.host : n.parentNode)
        if (n === container) return true;
      return false;
    };
    return violations
      .map((v) => ({
        ...v,
        nodes: v.nodes.filter((n) => {
          if (!dialogs.length) return true;
          const el = resolve(n.target);
          return !el || dialogs.some((d) => inside(el, d));
        }),
      }))
      .filter((v) => v.nodes.length);
  }, run);
  return result.flatMap((v) =>
    v.nodes.map((n) => ({
      step,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
      html: n.html.slice(0, 200),
    })),
  );
}

export function formatViolations(vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `  [${v.step}] ${v.rule} (${v.impact}): ${v.help}\n      at ${v.targets.join(', ')}\n      ${v.html}`,
    )
    .join('\n');
}

/** Console errors and uncaught exceptions of a page (the favicon 404 of the demo server excepted). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location()?.url ?? '';
    if (/favicon\.ico/.test(url) || (/Failed to load resource/.test(m.text()) && /favicon/.test(url))) return;
    errors.push(`${m.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

/** Fails with a message naming the element when it is not defined or not on the page. */
export async function requireElement(page: Page, tag: string, why: string): Promise<Locator> {
  const defined = await page
    .waitForFunction((t) => !!customElements.get(t), tag, {timeout: WAIT})
    .then(() => true)
    .catch(() => false);
  const onPage = await page.locator(tag).count();
  if (!defined || !onPage) {
    throw new Error(
      `<${tag}> is needed to ${why}, but ${[
        !onPage && `it is not on ${page.url()}`,
        !defined && 'it is not registered (has it landed in src/define.ts?)',
      ]
        .filter(Boolean)
        .join(' and ')}`,
    );
  }
  return page.locator(tag).first();
}

export type Mode = 'desktop' | 'phone' | 'keyboard';

export const VIEWPORTS: Record<Mode, BrowserContextOptions> = {
  desktop: {viewport: {width: 1280, height: 900}},
  phone: {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true, deviceScaleFactor: 2},
  keyboard: {viewport: {width: 1280, height: 900}},
};

/** True when `el` is the deepest focused element (through shadow roots). */
const isFocused = (loc: Locator) =>
  loc.evaluate((el) => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a === el;
  });

const describeFocus = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a
      ? `${a.localName}${a.id ? '#' + a.id : ''} "${(a.textContent ?? '').trim().slice(0, 40)}"`
      : 'nothing';
  });

/**
 * Drives one journey either with the mouse/touch (`desktop`, `phone`) or with the keyboard only (Tab, Enter,
 * Space, arrows — and typing into fields).
 */
export class Driver {
  readonly violations: Violation[] = [];
  /** The steps whose page axe-core checked, in order. */
  readonly checked: string[] = [];
  readonly consoleErrors: string[];
  #n = 0;
  constructor(
    readonly page: Page,
    readonly mode: Mode,
    readonly artifactsDir: string,
    readonly runAxe = true,
  ) {
    this.consoleErrors = watchConsole(page);
    rmSync(artifactsDir, {recursive: true, force: true});
    mkdirSync(artifactsDir, {recursive: true});
  }

  get keyboard(): boolean {
    return this.mode === 'keyboard';
  }

  /** Debugging aid (E2E_FROM="step name"): steps before it are not run. Refused in CI (`CI` set). */
  skipUntil?: string;

  /** One journey step: the action, then a screenshot and an axe run. */
  async step(name: string, fn: () => Promise<void>): Promise<void> {
    const n = String(++this.#n).padStart(2, '0');
    if (this.skipUntil && process.env.CI)
      throw new Error(`E2E_FROM/skipUntil ("${this.skipUntil}") skips journey steps: never in CI`);
    if (this.skipUntil && this.skipUntil !== name) return;
    this.skipUntil = undefined;
    const file = path.join(this.artifactsDir, `${n}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    try {
      await fn();
    } catch (e) {
      await this.page
        .screenshot({path: file.replace(/\.png$/, '-FAILED.png'), fullPage: true})
        .catch(() => {});
      const err = e as Error;
      err.message = `step "${name}" (${this.mode}): ${err.message}`;
      throw err;
    }
    await this.page.screenshot({path: file, fullPage: true});
    if (this.runAxe) {
      this.violations.push(...(await axe(this.page, `${this.mode}/${n} ${name}`)));
      this.checked.push(name);
    }
  }

  /** Tabs (forward) until `target` has focus. */
  async tabTo(target: Locator, max = 250): Promise<void> {
    await target.waitFor({state: 'visible', timeout: WAIT});
    for (let i = 0; i < max; i++) {
      if (await isFocused(target)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`keyboard: Tab never reached ${target} (focus is on ${await describeFocus(this.page)})`);
  }

  async click(target: Locator): Promise<void> {
    if (!this.keyboard) {
      if (this.mode === 'phone') await target.tap({timeout: WAIT});
      else await target.click({timeout: WAIT});
      return;
    }
    await this.tabTo(target);
    await this.page.keyboard.press('Enter');
  }

  /** Activates a button with Space (keyboard mode) — the other key a keyboard user presses. */
  async press(target: Locator): Promise<void> {
    if (!this.keyboard) return this.click(target);
    await this.tabTo(target);
    await this.page.keyboard.press('Space');
  }

  async fill(target: Locator, text: string): Promise<void> {
    if (!this.keyboard) {
      await target.fill(text, {timeout: WAIT});
      return;
    }
    await this.tabTo(target);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async check(target: Locator): Promise<void> {
    if (!this.keyboard) {
      if (this.mode === 'phone') await target.tap({timeout: WAIT});
      else await target.check({timeout: WAIT});
      return;
    }
    const type = await target.evaluate((el) => (el as HTMLInputElement).type);
    if (type !== 'radio') {
      await this.tabTo(target);
      if (!(await target.isChecked())) await this.page.keyboard.press('Space');
      return;
    }
    // A radio group takes one Tab stop; arrows move the choice.
    await target.waitFor({state: 'visible', timeout: WAIT});
    const name = await target.evaluate((el) => (el as HTMLInputElement).name);
    for (let i = 0; i < 250; i++) {
      const onGroup = await this.page.evaluate((n) => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a instanceof HTMLInputElement && a.type === 'radio' && a.name === n;
      }, name);
      if (onGroup) break;
      await this.page.keyboard.press('Tab');
    }
    for (let i = 0; i < 30 && !(await target.isChecked()); i++) {
      if (await isFocused(target)) {
        await this.page.keyboard.press('Space');
        break;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    if (!(await target.isChecked())) throw new Error(`keyboard: arrows never checked ${target}`);
  }
}

export const uniqueEmail = (tag: string) =>
  `e2e.${tag}.${Math.random().toString(36).slice(2, 8)}@example.com`;

/** The cart the sandbox holds for this browser context (read through the bridge with the page's cookies). */
export async function serverCart(page: Page): Promise<{
  orderFormId: string;
  items: {id: string; quantity: number; name: string; skuName?: string}[];
  value: number;
  marketingData: {coupon?: string | null} | null;
}> {
  return page.evaluate(async () => {
    const r = await fetch('/api/checkout/pub/orderForm', {credentials: 'include'});
    return r.json();
  });
}
