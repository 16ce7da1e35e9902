/**
 * `npm run bench`: writes BENCHMARKS.md.
 * - Bundle bytes (gzip -9, brotli 11) per entry point and for the whole kit (scripts/sizes.ts), next to
 *   Commerce Layer drop-in.js 2.27.0 and Shopify Buy Button 3.0.6 measured the same way (fetched with `npm pack`
 *   into .tmp/bench-cache/, never committed).
 * - In the system Chromium, the production CDN bundle (dist/vtex-elements.js) on the demo page against the
 *   sandbox with a fixed injected latency: API requests on load, script start → first products painted,
 *   48-card render, longest main-thread task while loading 1,000 products, CLS, click → badge update.
 * - Per page (scripts/pages.ts): every `.js` a pt-BR page fetches before any interaction, the peers in the same
 *   rows, with a chart (BENCHMARKS.svg).
 * Medians of several runs. `BENCH_RUNS=5` (default) and `BENCH_LATENCY=200` (ms) to change.
 * `BENCH_SIZES_ONLY=1` measures the bytes only and keeps the timings of the last full run (their section is copied
 * from BENCHMARKS.md, dated): timings taken on a busy machine mean nothing, bytes do not depend on it.
 */
import {execFileSync} from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, type Browser} from 'playwright-core';
import {generateSeed} from '../src/sandbox/catalog/index.js';
import type {ISProduct} from '../src/sandbox/catalog/types.js';
import {createDevStack, type DevStack} from '../src/server/dev-middleware.js';
import {startServer} from '../src/server/http-server.js';
// @ts-expect-error plain JS helper without types
import {CHROMIUM_ARGS, INSTALL_HINT, findChromium} from './chromium.js';
import {measurePages, pageCostsTable, pagesChart, pagesRoot, pagesTable, type PageSize} from './pages.js';
import {breakdown, budgetReport, kitSizes, sizeOf, type Size} from './sizes.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, '.tmp/bench-cache');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES_ONLY = process.env.BENCH_SIZES_ONLY === '1';
const LATENCY = Number(process.env.BENCH_LATENCY ?? 200);
const started = Date.now();
const log = (s: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${s}`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${Math.round(n)} ms`;

// ---------------------------------------------------------------------------------------------- sizes
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, {withFileTypes: true}).map((e) =>
      e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
    ),
  );

/** Builds dist/ when it is missing or older than src/. */
function ensureBuild(): void {
  const bundle = path.join(ROOT, 'dist/vtex-elements.js');
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  log('dist/ missing or older than src/: npm run build');
  execFileSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'});
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    else if (/\.(m?js)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** `npm pack pkg@version` into the cache (once) and unpack it; returns the package folder. */
function fetchPackage(spec: string): string {
  const dir = path.join(CACHE, spec.replace(/[@/]/g, '_'));
  if (!existsSync(path.join(dir, 'package'))) {
    mkdirSync(dir, {recursive: true});
    const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {
      cwd: dir,
      encoding: 'utf8',
    });
    const tgz = out.trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
  }
  return path.join(dir, 'package');
}

interface SizeRow {
  name: string;
  size: Size;
  note?: string;
}

function competitorSizes(): SizeRow[] {
  const rows: SizeRow[] = [];
  try {
    const cl = fetchPackage('@commercelayer/drop-in.js@2.27.0');
    const files = jsFiles(path.join(cl, 'dist/drop-in'));
    rows.push({
      name: 'Commerce Layer drop-in.js 2.27.0 (all JS in dist/drop-in/)',
      size: sizeOf(files),
      note: `${files.length} files`,
    });
  } catch (e) {
    rows.push({
      name: 'Commerce Layer drop-in.js 2.27.0',
      size: {raw: NaN, gzip: NaN, brotli: NaN},
      note: `not measured: ${(e as Error).message.split('\n')[0]}`,
    });
  }
  try {
    const sb = fetchPackage('@shopify/buy-button-js@3.0.6');
    rows.push({
      name: 'Shopify Buy Button 3.0.6 (dist/buybutton.min.js)',
      size: sizeOf([path.join(sb, 'dist/buybutton.min.js')]),
    });
  } catch (e) {
    rows.push({
      name: 'Shopify Buy Button 3.0.6',
      size: {raw: NaN, gzip: NaN, brotli: NaN},
      note: `not measured: ${(e as Error).message.split('\n')[0]}`,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------- browser
function stack(latencyMs: number, products?: number): DevStack {
  let seed;
  if (products) {
    seed = generateSeed();
    const base = seed.products;
    const extra: ISProduct[] = [];
    for (let i = 0; seed.products.length + extra.length < products; i++) {
      const p = structuredClone(base[i % base.length]!) as ISProduct;
      const id = 10_000 + i;
      p.productId = String(id);
      p.productName = `${p.productName} ${id}`;
      p.linkText = `bench-${id}`;
      p.link = `/bench-${id}/p`;
      p.items = p.items.map((s, n) => ({
        ...s,
        itemId: String(id * 100 + n),
        images: s.images.map((img) => ({...img, imageId: String(id * 100 + n)})),
      }));
      extra.push(p);
    }
    seed.products.push(...extra);
  }
  return createDevStack({sandbox: {seed}, faults: latencyMs ? {latencyMs} : undefined});
}

/** A site root whose pages load the production CDN bundle (/public → dist/). */
function siteRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vtex-bench-'));
  symlinkSync(path.join(ROOT, 'dist'), path.join(root, 'public'));
  mkdirSync(path.join(root, 'demo'));
  cpSync(path.join(ROOT, 'demo/style.css'), path.join(root, 'demo/style.css'));
  const demo = readFileSync(path.join(ROOT, 'demo/index.html'), 'utf8').replace(
    /<script type="module" src="\/src\/define\.ts"><\/script>/,
    '<script type="module" src="/public/vtex-elements.js"></script>',
  );
  if (!demo.includes('/public/vtex-elements.js'))
    throw new Error('demo/index.html no longer loads /src/define.ts');
  writeFileSync(path.join(root, 'demo/index.html'), demo);
  const page = (grid: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script type="module" src="/public/vtex-elements.js"></script></head><body><vtex-cart-button></vtex-cart-button><vtex-store api="" account="sandbox" locale="en">${grid}</vtex-store></body></html>`;
  writeFileSync(
    path.join(root, 'demo/cards48.html'),
    page('<vtex-product-grid page-size="48"></vtex-product-grid>'),
  );
  writeFileSync(
    path.join(root, 'demo/many.html'),
    page('<vtex-product-grid page-size="100" pagination="load-more"></vtex-product-grid>'),
  );
  return root;
}

/** Installed before any page script: observers for long tasks, layout shifts, first card paint and badge. */
const PROBES = `
  globalThis.__name ??= (f) => f;
  window.__bench = {longtasks: [], cls: 0, firstCards: 0, cards48: 0};
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]); }).observe({type: 'longtask', buffered: true});
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; }).observe({type: 'layout-shift', buffered: true});
  const cards = () => document.querySelector('vtex-product-grid')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0;
  const tick = () => {
    const n = cards();
    if (n && !window.__bench.firstCards) requestAnimationFrame(() => (window.__bench.firstCards = performance.now()));
    if (n >= 48 && !window.__bench.cards48) requestAnimationFrame(() => (window.__bench.cards48 = performance.now()));
    if (!window.__bench.firstCards || !window.__bench.cards48) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

interface ApiCall {
  kind: string;
  url: string;
  start: number;
  end: number;
}

const kindOf = (url: string): string | undefined => {
  const p = new URL(url).pathname;
  if (p.startsWith('/api/checkout/pub/orderForm')) return 'orderForm';
  if (p.startsWith('/api/sessions')) return 'session';
  if (p.includes('/product-search')) return 'search';
  if (p.includes('/facets')) return 'facets';
  if (p.startsWith('/api/') || p.startsWith('/login') || p.startsWith('/checkout')) return 'other API';
  return undefined;
};

async function loadRun(
  browser: Browser,
  origin: string,
): Promise<{calls: ApiCall[]; firstProducts: number; cls: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  const calls = new Map<object, ApiCall>();
  const t0 = Date.now();
  page.on('request', (r) => {
    const kind = kindOf(r.url());
    if (kind) calls.set(r, {kind, url: r.url(), start: Date.now() - t0, end: Infinity});
  });
  page.on('requestfinished', (r) => {
    const c = calls.get(r);
    if (c) c.end = Date.now() - t0;
  });
  await page.goto(`${origin}/demo/index.html`);
  await page.waitForFunction(
    () => (window as unknown as {__bench: {firstCards: number}}).__bench.firstCards > 0,
    undefined,
    {timeout: 30_000},
  );
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => {
    const b = (window as unknown as {__bench: {firstCards: number; cls: number}}).__bench;
    const script = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/public/vtex-elements.js')) as PerformanceResourceTiming;
    return {firstProducts: b.firstCards - script.responseEnd, cls: b.cls};
  });
  await context.close();
  return {calls: [...calls.values()], ...r};
}

async function cardsRun(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  await page.goto(`${origin}/demo/cards48.html`);
  await page.waitForFunction(
    () => (window as unknown as {__bench: {cards48: number}}).__bench.cards48 > 0,
    undefined,
    {timeout: 30_000},
  );
  const t = await page.evaluate(() => {
    const b = (window as unknown as {__bench: {cards48: number}}).__bench;
    const search = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/product-search')) as PerformanceResourceTiming[];
    return b.cards48 - Math.max(...search.map((s) => s.responseEnd));
  });
  await context.close();
  return t;
}

async function manyRun(
  browser: Browser,
  origin: string,
): Promise<{longest: number; pageLoad: number; count: number; total: number; stalled: boolean}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  await page.goto(`${origin}/demo/many.html`);
  const grid = page.locator('vtex-product-grid');
  // Counted in the page directly: a Playwright locator query over 1,000 shadow cards is itself a long task.
  const count = () =>
    page.evaluate(
      () =>
        document.querySelector('vtex-product-grid')?.shadowRoot?.querySelectorAll('[part~="card"]').length ??
        0,
    );
  await page.waitForFunction(
    () => (window as unknown as {__bench: {firstCards: number}}).__bench.firstCards > 0,
    undefined,
    {timeout: 30_000},
  );
  const start = Date.now();
  const firstClick = await page.evaluate(() => performance.now());
  // A run where "Load more" gives no new cards within 30 s is counted as stalled (reported, not fatal).
  let stalled = false;
  for (let i = 0; i < 20 && (await count()) < 1000; i++) {
    const before = await count();
    try {
      await grid.locator('[part~="load-more"]').click({timeout: 30_000});
      // Polled every 100 ms, not every frame: the probe's own querySelectorAll must not add to the tasks measured.
      // The page must be whole (the grid not busy): cards appear in batches, and counting a page still being
      // revealed would click "Load more" again, or look for it after the last page, where it is gone.
      await page.waitForFunction(
        (n) => {
          const root = document.querySelector('vtex-product-grid')?.shadowRoot;
          return (
            (root?.querySelectorAll('[part~="card"]').length ?? 0) > n &&
            root?.querySelector('.grid')?.getAttribute('aria-busy') === 'false'
          );
        },
        before,
        {timeout: 30_000, polling: 100},
      );
    } catch (e) {
      log(`1,000-product run stalled at ${before} cards: ${String(e).split('\n')[0]}`);
      stalled = true;
      break;
    }
  }
  const total = Date.now() - start;
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(
    () => (window as unknown as {__bench: {longtasks: [number, number][]}}).__bench.longtasks,
  );
  const n = await count();
  await context.close();
  const longestOf = (xs: [number, number][]) => Math.max(0, ...xs.map(([, d]) => d));
  return {
    longest: longestOf(tasks.filter(([t]) => t >= firstClick)),
    pageLoad: longestOf(tasks.filter(([t]) => t < firstClick)),
    count: n,
    total,
    stalled,
  };
}

/**
 * The listing page with the loader (the drawer cart's code loads on first open), every request (scripts too) at the
 * bench's RTT through Chromium's network emulation: click on the cart button → first feedback painted (the button
 * busy, or the drawer already open) and → the drawer open with its contents.
 */
async function drawerRun(browser: Browser, origin: string): Promise<{feedback: number; open: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.goto(`${origin}/demo/listing.html`);
  const button = page.locator('vtex-cart-button').getByRole('button', {name: /^Carrinho, /});
  await button.waitFor({timeout: 30_000});
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const w = window as unknown as {__click: number; __feedback: number; __open: number};
    document.addEventListener('click', () => (w.__click = performance.now()), {capture: true});
    const b = document.querySelector('vtex-cart-button')!.shadowRoot!.querySelector('button')!;
    const poll = () => {
      const dialog = document.querySelector('vtex-cart')?.shadowRoot?.querySelector('dialog');
      const open = !!dialog?.open && !!dialog.querySelector('[part~="empty"], [part~="line"]');
      if (w.__click && !w.__feedback && (b.getAttribute('aria-busy') === 'true' || dialog?.open))
        requestAnimationFrame(() => (w.__feedback = performance.now()));
      if (w.__click && open) requestAnimationFrame(() => (w.__open = performance.now()));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  await button.click();
  await page.waitForFunction(() => (window as unknown as {__open: number}).__open > 0, undefined, {
    timeout: 30_000,
  });
  const t = await page.evaluate(() => {
    const w = window as unknown as {__click: number; __feedback: number; __open: number};
    return {feedback: w.__feedback - w.__click, open: w.__open - w.__click};
  });
  await context.close();
  return t;
}

async function badgeRun(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  await page.goto(`${origin}/demo/index.html`);
  const add = page
    .locator('vtex-product-grid')
    .getByRole('button', {name: /^Adicionar ao carrinho|^Add to cart/})
    .first();
  await add.waitFor({timeout: 30_000});
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const w = window as unknown as {__click: number; __badge: number};
    document.addEventListener('click', () => (w.__click = performance.now()), {capture: true});
    const root = document.querySelector('vtex-cart-button')!.shadowRoot!;
    new MutationObserver(() => {
      if (!w.__badge && root.querySelector('[part~="badge"]'))
        requestAnimationFrame(() => (w.__badge = performance.now()));
    }).observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
  });
  await add.click();
  await page.waitForFunction(() => (window as unknown as {__badge: number}).__badge > 0, undefined, {
    timeout: 30_000,
  });
  const t = await page.evaluate(() => {
    const w = window as unknown as {__click: number; __badge: number};
    return w.__badge - w.__click;
  });
  await context.close();
  return t;
}

// ---------------------------------------------------------------------------------------------- main
ensureBuild();
const kit = kitSizes();
const parts = breakdown();
log('kit sizes measured; fetching competitors with npm pack');
const others = competitorSizes();

const executablePath = findChromium() as string | undefined;
if (!executablePath) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`);
const browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS});
const root = siteRoot();
const pagesSite = pagesRoot();
const servers = await Promise.all([
  startServer({stack: stack(LATENCY), root, port: 0, onError: () => {}}),
  startServer({stack: stack(LATENCY, 1050), root, port: 0, onError: () => {}}),
  startServer({stack: stack(0), root: pagesSite, port: 0, onError: () => {}}),
]);
const [main, big, pagesServer] = servers as [
  Awaited<ReturnType<typeof startServer>>,
  Awaited<ReturnType<typeof startServer>>,
  Awaited<ReturnType<typeof startServer>>,
];

const loads: Awaited<ReturnType<typeof loadRun>>[] = [];
const cards: number[] = [];
const badges: number[] = [];
const drawers: Awaited<ReturnType<typeof drawerRun>>[] = [];
const many: Awaited<ReturnType<typeof manyRun>>[] = [];
let chromiumVersion = '';
let pages: PageSize[] = [];
/** Ends the browser runs after the page sizes (`BENCH_SIZES_ONLY=1`). */
class SizesOnly extends Error {}
try {
  pages = await measurePages(browser, pagesServer.origin);
  log('per-page sizes measured');
  if (SIZES_ONLY) throw new SizesOnly();
  await loadRun(browser, main.origin); // warm-up (bundle and images into the server's and OS caches)
  for (let i = 0; i < RUNS; i++) loads.push(await loadRun(browser, main.origin));
  log('load runs done');
  for (let i = 0; i < RUNS; i++) cards.push(await cardsRun(browser, main.origin));
  for (let i = 0; i < RUNS; i++) badges.push(await badgeRun(browser, main.origin));
  for (let i = 0; i < RUNS; i++) drawers.push(await drawerRun(browser, pagesServer.origin));
  log('cards and badge runs done');
  for (let i = 0; i < Math.max(1, Math.min(5, RUNS)); i++) many.push(await manyRun(browser, big.origin));
  log('1,000-product runs done');
} catch (e) {
  if (!(e instanceof SizesOnly)) throw e;
} finally {
  chromiumVersion = browser.version();
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
  rmSync(root, {recursive: true, force: true});
  rmSync(pagesSite, {recursive: true, force: true});
}

const verdict = (ok: boolean) => (ok ? 'meets' : '**misses**');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);

const sizeTable = [
  '| bundle | raw | gzip | brotli | note |',
  '|---|---:|---:|---:|---|',
  ...kit.rows.map(
    (r) =>
      `| vtex-elements: ${r.name} | ${kb(r.size.raw)} | ${kb(r.size.gzip)} | ${kb(r.size.brotli)} | ${r.added ? `+${kb(r.added.gzip)} gzip over the core` : ''} |`,
  ),
  ...others.map(
    (r) => `| ${r.name} | ${kb(r.size.raw)} | ${kb(r.size.gzip)} | ${kb(r.size.brotli)} | ${r.note ?? ''} |`,
  ),
].join('\n');

const budgetTable = [
  '| budget (issue 8) | measured gzip | target | CI ceiling | verdict |',
  '|---|---:|---:|---:|---|',
  ...budgetReport(kit).map(
    (b) =>
      `| ${b.what} | ${kb(b.gzip)} | ≤ ${kb(b.target)} | ${kb(b.limit)} | ${b.meetsTarget ? 'meets' : '**over target**'} |`,
  ),
].join('\n');

const partsTable = [
  '| part of vtex-elements.js | gzip it costs | share |',
  '|---|---:|---:|',
  ...parts.map(
    (p) => `| ${p.part} | ${kb(p.gzip)} | ${((100 * p.gzip) / kit.rows[0]!.size.gzip).toFixed(0)} % |`,
  ),
].join('\n');

const peers = others
  .filter((r) => Number.isFinite(r.size.gzip))
  .map((r) => ({name: r.name.replace(/ \(.*$/, '').replace(/ [\d.]+$/, ''), gzip: r.size.gzip}));
const pageTable = pagesTable(pages, peers);
writeFileSync(path.join(ROOT, 'BENCHMARKS.svg'), pagesChart(pages, peers));

/** The timings section, from this run's browser runs. */
function browserSection(): string {
  // API requests on load: counts per kind (median over runs), duplicates, waterfall.
  const kinds = ['orderForm', 'session', 'search', 'facets', 'other API'];
  const perKind = Object.fromEntries(
    kinds.map((k) => [k, median(loads.map((l) => l.calls.filter((c) => c.kind === k).length))]),
  );
  const dupRuns = loads.filter((l) => new Set(l.calls.map((c) => c.url)).size !== l.calls.length).length;
  const waterfallRuns = loads.filter((l) => {
    const search = l.calls.filter((c) => c.kind === 'search');
    const firstResponse = Math.min(...l.calls.map((c) => c.end));
    return !search.length || Math.min(...search.map((c) => c.start)) > firstResponse;
  }).length;
  const sample = loads[0]!.calls.map(
    (c) => `${c.kind} ${new URL(c.url).pathname}${new URL(c.url).search.slice(0, 60)}`,
  );
  const firstProducts = median(loads.map((l) => l.firstProducts));
  const cls = median(loads.map((l) => l.cls));
  const card48 = median(cards);
  const badge = median(badges);
  const drawerFeedback = median(drawers.map((d) => d.feedback));
  const drawerOpen = median(drawers.map((d) => d.open));
  const longest = median(many.map((m) => m.longest));
  const pageLoadTask = median(many.map((m) => m.pageLoad));
  const finished = many.filter((m) => !m.stalled);
  const loaded = Math.min(...(finished.length ? finished : many).map((m) => m.count));
  const stalls = many.filter((m) => m.stalled).length;
  return `## In the browser

The production CDN bundle (\`dist/vtex-elements.js\`) on the demo page (\`demo/index.html\`: store, search box, grid
with facets, login button, cart button, drawer cart) against the in-process sandbox behind the bridge, with a fixed
injected latency of **${LATENCY} ms** per API request (the "RTT" below). Medians of ${RUNS} runs (1,000 products:
${many.length} runs), after one warm-up load.

| metric | result | target |
|---|---|---|
| API requests on load: orderForm | ${perKind.orderForm} | 1 — ${verdict(perKind.orderForm === 1)} |
| API requests on load: session | ${perKind.session} | 1 — ${verdict(perKind.session === 1)} |
| API requests on load: search (product-search) | ${perKind.search} | 1 — ${verdict(perKind.search === 1)} |
| API requests on load: facets / other | ${perKind.facets} / ${perKind['other API']} | (facets sidebar) |
| runs with a duplicate API request | ${dupRuns} of ${RUNS} | 0 — ${verdict(dupRuns === 0)} |
| runs where the search started after another API response (waterfall) | ${waterfallRuns} of ${RUNS} | 0 — ${verdict(waterfallRuns === 0)} |
| script loaded → first products painted | ${ms(firstProducts)} (${rtt(firstProducts)}) | ≤ 1 RTT + 50 ms (${LATENCY + 50} ms) — ${verdict(firstProducts <= LATENCY + 50)} |
| render of 48 cards (search response → 48 cards painted) | ${ms(card48)} | — |
| runs where "Load more" stalled (no new cards within 30 s) | ${stalls} of ${many.length} | 0 — ${verdict(stalls === 0)} |
| longest main-thread task while loading ${loaded.toLocaleString('en')} products (load more, 100 per page, from the first click) | ${longest ? ms(longest) : 'none ≥ 50 ms'} | < 50 ms — ${verdict(longest < 50)} |
| longest main-thread task of that page's load (script evaluation, first 100 placeholders) | ${pageLoadTask ? ms(pageLoadTask) : 'none ≥ 50 ms'} | — |
| cumulative layout shift of the demo page | ${cls.toFixed(3)} | 0 — ${verdict(cls === 0)} |
| click → cart badge updated | ${ms(badge)} (${rtt(badge)}) | — |
| listing page with the loader, every request at ${LATENCY} ms: click on the cart button → first feedback painted (busy button or open drawer) | ${ms(drawerFeedback)} | one frame |
| the same click → drawer open with its contents (its code loads on first open unless hover or focus preloaded it) | ${ms(drawerOpen)} (${rtt(drawerOpen)}) | — |

API requests of one load (run 1):

${sample.map((s) => `- ${s}`).join('\n')}

Raw samples: first products ${loads.map((l) => Math.round(l.firstProducts)).join(', ')} ms; 48 cards ${cards.map(Math.round).join(', ')} ms;
badge ${badges.map(Math.round).join(', ')} ms; drawer feedback ${drawers.map((d) => Math.round(d.feedback)).join(', ')} ms, open ${drawers.map((d) => Math.round(d.open)).join(', ')} ms; longest task ${many.map((m) => Math.round(m.longest)).join(', ')} ms, page load ${many.map((m) => Math.round(m.pageLoad)).join(', ')} ms (0 = none ≥ 50 ms);
1,000 products loaded in ${many.map((m) => (m.stalled ? `stalled at ${m.count} cards` : `${Math.round(m.total)} ms`)).join(', ')}; CLS ${loads.map((l) => l.cls.toFixed(3)).join(', ')}.

Long tasks come from the Long Tasks API (it reports tasks of 50 ms or more). "Script loaded" is the
\`responseEnd\` of \`vtex-elements.js\`; "painted" is the animation frame after the first card is in the DOM.
`;
}

/** The timings section of the last full run, from BENCHMARKS.md, saying so (`BENCH_SIZES_ONLY=1`). */
function keptTimings(): string {
  const before = readFileSync(path.join(ROOT, 'BENCHMARKS.md'), 'utf8');
  const at = before.indexOf('## In the browser');
  if (at < 0) return '## In the browser\n\nNo timings yet: run `npm run bench` without `BENCH_SIZES_ONLY`.\n';
  const kept = before.slice(at).replace(/^_Timings from the full run of .*_\n\n/m, '');
  const when = /^Generated by .* on (\d{4}-\d{2}-\d{2})/m.exec(before)?.[1] ?? 'an earlier date';
  const from = /^_Timings from the full run of (\d{4}-\d{2}-\d{2})/m.exec(before)?.[1] ?? when;
  return kept.replace(
    '## In the browser\n',
    `## In the browser\n\n_Timings from the full run of ${from}: the sizes above were measured later with \`BENCH_SIZES_ONLY=1\`, the bytes only (timings on a busy machine mean nothing)._\n`,
  );
}

const rtt = (t: number) => `${(t / LATENCY).toFixed(1)}× RTT`;
const md = `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.ts) on ${date}.

Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()};
Node ${process.version}; Chromium ${chromiumVersion} (headless, \`${CHROMIUM_ARGS.join(' ')}\`).

## What a page downloads

The production build embedded the way a CMS author does it (\`loader.js\` plus tags, on a \`lang="pt-BR"\` page)
loaded in Chromium against the sandbox: every \`.js\` file the page fetches before any interaction (until the
network has been idle for a second), each compressed on its own with gzip -9. The whole kit is every element on one
page with \`vtex-elements.js\`. The peers load their whole bundle on every page, so it is in every row. CI fails
over a page's ceiling (\`size-limits.json\` → \`pages\`, checked by \`npm run size\` in Chromium).

${pageTable}

![Bytes per page, now and when issue 16 was filed, against the targets and the peers](BENCHMARKS.svg)

What each page's bytes pay for (from the source maps: a group costs what its files lose without its code; the
per-file overhead is what the files lose by being compressed apart, plus the bundler's glue):

${pageCostsTable(pages)}

Files per page (gzip -9 each):

${pages.map((p) => `- ${p.page.name}: ${[...p.files].map(([f, n]) => `\`${f.replace(/^((?:chunks|cdn)\/.+)-[\w-]{8}\.js$/, '$1.js')}\` ${kb(n)}`).join(', ')}`).join('\n')}

## Bundle size

Each file compressed on its own (gzip level 9, brotli quality 11), summed over the entry's static import closure
(as a browser fetches them). Competitors are their npm packages, fetched with \`npm pack\` at bench time and
measured the same way.

${sizeTable}

### Per entry point (issue 8's budgets, superseded by the per-page targets above)

"Adds" is what an element loads on top of the core every element shares (Lit, client, stores, provider, i18n).
The CI ceilings (\`size-limits.json\`, checked by \`npm run size\`) keep the kit from growing while it is above a target.
"Whole kit" here is \`vtex-elements.js\` plus every file it may load on demand (analytics, the placement and
confirmation, "buy again"), which no page fetches before an interaction: code moved out of the first load into such a
file makes every page lighter and this sum a little heavier (a file compressed on its own loses what it shared).

${budgetTable}

### Where the whole kit's bytes go

What each part costs: the gzip bytes \`vtex-elements.js\` loses when that part's code is left out (from its source
map; the parts compress together, so they add up to a little less than the bundle).

${partsTable}

${SIZES_ONLY ? keptTimings() : browserSection()}`;
writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), md);
// The README carries the budgets table too, between its markers.
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const marked = /(<!-- budgets:start -->\n)[\s\S]*?(<!-- budgets:end -->)/;
if (marked.test(readme))
  writeFileSync(
    path.join(ROOT, 'README.md'),
    readme.replace(
      marked,
      (_, start: string, end: string) => `${start}${pageTable}\n\n_Measured ${date}._\n${end}`,
    ),
  );
log(`BENCHMARKS.md written in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(md);
