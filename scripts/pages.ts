/**
 * What a shopper's browser downloads per page (issue 16): the production build embedded the way a CMS author does
 * it (the loader plus tags, on a pt-BR page), loaded in Chromium against the sandbox. Every `.js` file fetched
 * before any interaction counts, each compressed on its own (gzip -9), as a browser fetches them. The whole kit is
 * every element on one page with `vtex-elements.js`. The peers load their whole bundle on every page.
 *
 * `npm run size` (`pages.ts --check`) fails when a page is over its CI ceiling (`size-limits.json` → `pages`).
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {chromium, type Browser} from 'playwright-core';
import {createDevStack} from '../src/server/dev-middleware.js';
import {startServer} from '../src/server/http-server.js';
// @ts-expect-error plain JS helper without types
import {CHROMIUM_ARGS, INSTALL_HINT, findChromium} from './chromium.js';
import {sourceOfEachChar} from './sizes.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const kB = 1024;

export interface PageSpec {
  name: string;
  /** What the page holds, for the table. */
  holds: string;
  /** Issue 16's target, gzip bytes. */
  target: number;
  script: 'loader.js' | 'vtex-elements.js';
  body: string;
}

const STORE = '<vtex-store api="" account="sandbox" locale="pt-BR">';
const HEADER =
  '<header><vtex-login-button></vtex-login-button><vtex-cart-button checkout-url="/checkout.html"></vtex-cart-button></header>';
const DRAWER = '<vtex-cart variant="drawer" checkout-url="/checkout.html"></vtex-cart>';
const GRID =
  '<vtex-search-box for="grid" product-url="/product.html?product={slug}"></vtex-search-box><vtex-product-grid id="grid" product-url="/product.html?product={slug}" page-size="12" show-facets show-sort pagination="pages"></vtex-product-grid>';
const PRODUCT = '<vtex-product slug="camiseta-basica-algodao"></vtex-product>';

export const PAGES: PageSpec[] = [
  {
    name: 'header',
    holds: '`<vtex-login-button>`, `<vtex-cart-button>`',
    target: 12 * kB,
    script: 'loader.js',
    body: `${HEADER}${STORE}</vtex-store>`,
  },
  {
    name: 'listing',
    holds: 'header, search box, grid with facets and sort, drawer cart',
    target: 30 * kB,
    script: 'loader.js',
    body: `${HEADER}${STORE}${GRID}</vtex-store>${DRAWER}`,
  },
  {
    name: 'product',
    holds: 'header, `<vtex-product>` (merchant HTML description), drawer cart',
    target: 30 * kB,
    script: 'loader.js',
    body: `${HEADER}${STORE}${PRODUCT}</vtex-store>${DRAWER}`,
  },
  {
    name: 'checkout',
    holds: 'header, `<vtex-checkout>`, drawer cart',
    target: 35 * kB,
    script: 'loader.js',
    body: `${HEADER}${STORE}<vtex-checkout></vtex-checkout></vtex-store>${DRAWER}`,
  },
  {
    name: 'account',
    holds: 'header, `<vtex-order-history>`, drawer cart',
    target: 28 * kB,
    script: 'loader.js',
    body: `${HEADER}${STORE}<vtex-order-history></vtex-order-history></vtex-store>${DRAWER}`,
  },
  {
    name: 'whole kit',
    holds: 'every element on one page, with `vtex-elements.js`',
    target: 47 * kB,
    script: 'vtex-elements.js',
    body: `${HEADER}${STORE}${GRID}${PRODUCT}<vtex-checkout></vtex-checkout><vtex-order-history></vtex-order-history></vtex-store>${DRAWER}`,
  },
];

/** What each page downloaded when issue 16 was filed (commit 4e2d3ea, measured the same way), gzip kB. */
export const BEFORE: Record<string, number> = {
  header: 22.8,
  listing: 50.2,
  product: 53.3,
  checkout: 48.3,
  account: 41.3,
  'whole kit': 76.0,
};

export interface PageSize {
  page: PageSpec;
  /** Each `.js` file fetched before any interaction: dist-relative path → gzip -9 bytes. */
  files: Map<string, number>;
  gzip: number;
}

const html = (p: PageSpec) =>
  `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>${p.name}</title>` +
  `<script type="module" src="/public/${p.script}"></script></head><body>${p.body}</body></html>`;

const file = (name: string) => `${name.replace(/\s+/g, '-')}.html`;

/** A site root serving dist/ at /public and one HTML file per page. */
export function pagesRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vtex-pages-'));
  symlinkSync(DIST, path.join(root, 'public'));
  mkdirSync(path.join(root, 'demo'));
  for (const p of PAGES) writeFileSync(path.join(root, 'demo', file(p.name)), html(p));
  return root;
}

const gz = (f: string) => gzipSync(readFileSync(f), {level: 9}).length;

/** Loads `spec` in a fresh context, waits until the network is idle, and sums the scripts it fetched. */
export async function measurePage(browser: Browser, origin: string, spec: PageSpec): Promise<PageSize> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const files = new Map<string, number>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/public/') && u.pathname.endsWith('.js')) {
      const rel = u.pathname.slice('/public/'.length);
      if (!files.has(rel)) files.set(rel, gz(path.join(DIST, rel)));
    }
  });
  await page.goto(`${origin}/demo/${file(spec.name)}`);
  await page.waitForLoadState('networkidle');
  // Idle-time work (prefetches scheduled with requestIdleCallback) counts too: wait for a quiet second.
  let before = -1;
  while (before !== files.size) {
    before = files.size;
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
  }
  await context.close();
  return {page: spec, files, gzip: [...files.values()].reduce((a, b) => a + b, 0)};
}

export async function measurePages(browser: Browser, origin: string): Promise<PageSize[]> {
  const out: PageSize[] = [];
  for (const p of PAGES) out.push(await measurePage(browser, origin, p));
  return out;
}

/** CI ceilings per page, gzip kB (size-limits.json → pages). */
export const pageLimits = (): Record<string, number> =>
  (
    JSON.parse(readFileSync(path.join(ROOT, 'size-limits.json'), 'utf8')) as {
      pages: Record<string, number>;
    }
  ).pages;

export interface Peer {
  name: string;
  gzip: number;
}

const kb1 = (n: number) => `${(n / kB).toFixed(1)} kB`;

/** The per-page table of BENCHMARKS.md and the README: the peers' whole bundle in every row. */
export function pagesTable(sizes: PageSize[], peers: Peer[]): string {
  const limits = pageLimits();
  return [
    `| page | holds | issue 16 filed | now | target | CI ceiling | ${peers.map((p) => p.name).join(' | ')} |`,
    `|---|---|---:|---:|---:|---:|${peers.map(() => '---:|').join('')}`,
    ...sizes.map((s) => {
      const verdict = s.gzip <= s.page.target ? 'meets' : '**over**';
      const limit = limits[s.page.name];
      return `| ${s.page.name} | ${s.page.holds} | ${BEFORE[s.page.name]?.toFixed(1) ?? '–'} kB | ${kb1(s.gzip)} (${s.files.size} files) | ≤ ${kb1(s.page.target)} — ${verdict} | ${limit === undefined ? '–' : `${limit.toFixed(1)} kB`} | ${peers.map((p) => kb1(p.gzip)).join(' | ')} |`;
    }),
  ].join('\n');
}

/**
 * What a page's bytes pay for, per file from its source map: each group costs the gzip bytes its file loses without
 * that group's code. "Per-file overhead" is the rest: what the files lose by being compressed apart (each restarts
 * gzip's dictionary) plus the bundler's glue between modules.
 */
export const COST_GROUPS: [string, RegExp][] = [
  ['Lit, @lit/context', /node_modules\//],
  ['language packs (pt-BR)', /\.messages\.(en|es|pt-BR)\.ts$|\/i18n\/common\.[\w-]+\.ts$/],
  ['styles', /styles\.ts$/],
  [
    'core: client, stores, provider, i18n, controllers, base element',
    /\/src\/(client|state|context|i18n|controllers|internal|events|analytics|domain)\/|\/elements\/store\//,
  ],
  ['loader and tag definitions', /\/src\/(loader|define|cdn)\.ts$|\/elements\/[\w-]+\/define\.ts$/],
  ["the page's elements: logic and templates", /\/src\/elements\//],
];

function costOfFile(file: string): number[] {
  const code = readFileSync(file, 'utf8');
  const full = gzipSync(code, {level: 9}).length;
  let map: {sources: string[]; mappings: string};
  try {
    map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as typeof map;
  } catch {
    return COST_GROUPS.map(() => 0);
  }
  const owner = sourceOfEachChar(code, map.mappings);
  const groupOf = map.sources.map((src) => COST_GROUPS.findIndex(([, re]) => re.test(src)));
  return COST_GROUPS.map((_, g) => {
    let rest = '';
    for (let i = 0; i < code.length; i++) if (owner[i]! < 0 || groupOf[owner[i]!] !== g) rest += code[i];
    return full - gzipSync(rest, {level: 9}).length;
  });
}

/** Per page: gzip bytes per cost group (summed over its files) and the per-file overhead. */
export function pageCosts(
  sizes: PageSize[],
): {page: string; groups: number[]; overhead: number; total: number}[] {
  const cache = new Map<string, number[]>();
  return sizes.map((s) => {
    const groups = COST_GROUPS.map(() => 0);
    for (const f of s.files.keys()) {
      let c = cache.get(f);
      if (!c) cache.set(f, (c = costOfFile(path.join(DIST, f))));
      c.forEach((n, g) => (groups[g] += n));
    }
    const overhead = s.gzip - groups.reduce((a, b) => a + b, 0);
    return {page: s.page.name, groups, overhead, total: s.gzip};
  });
}

/** The table of `pageCosts`, with what each page is over its target. */
export function pageCostsTable(sizes: PageSize[]): string {
  const rows = pageCosts(sizes);
  return [
    `| page | ${COST_GROUPS.map(([g]) => g).join(' | ')} | per-file overhead | total | over target by |`,
    `|---|${COST_GROUPS.map(() => '---:|').join('')}---:|---:|---:|`,
    ...rows.map((r, i) => {
      const over = r.total - sizes[i]!.page.target;
      return `| ${r.page} | ${r.groups.map(kb1).join(' | ')} | ${kb1(r.overhead)} | ${kb1(r.total)} | ${over > 0 ? kb1(over) : 'meets'} |`;
    }),
  ].join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A bar chart (SVG) of the same rows: now, before, the target, and each peer's whole bundle as a line. */
export function pagesChart(sizes: PageSize[], peers: Peer[]): string {
  const W = 760;
  const left = 90;
  const right = 20;
  const row = 34;
  const top = 30;
  const max =
    Math.max(
      ...sizes.map((s) => Math.max(s.gzip, (BEFORE[s.page.name] ?? 0) * kB)),
      ...peers.map((p) => p.gzip),
    ) * 1.05;
  const x = (bytes: number) => left + ((W - left - right) * bytes) / max;
  const H = top + row * sizes.length + 50;
  const colours = ['#b42318', '#6e40c9'];
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${left}" y="18" font-weight="600">JavaScript before any interaction, gzip -9 (pt-BR page, loader + tags)</text>`,
  ];
  sizes.forEach((s, i) => {
    const y = top + i * row;
    const before = (BEFORE[s.page.name] ?? 0) * kB;
    out.push(
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(s.page.name)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${x(before) - left}" height="8" fill="#c9d1d9"><title>issue 16 filed: ${kb1(before)}</title></rect>`,
      `<rect x="${left}" y="${y + 12}" width="${x(s.gzip) - left}" height="14" fill="${s.gzip <= s.page.target ? '#1a7f37' : '#0f5fd7'}"><title>now: ${kb1(s.gzip)}</title></rect>`,
      `<text x="${x(s.gzip) + 4}" y="${y + 24}">${kb1(s.gzip)}</text>`,
      `<line x1="${x(s.page.target)}" x2="${x(s.page.target)}" y1="${y + 2}" y2="${y + 30}" stroke="#1f2328" stroke-width="2"><title>target ${kb1(s.page.target)}</title></line>`,
    );
  });
  const bottom = top + row * sizes.length;
  peers.forEach((p, i) => {
    out.push(
      `<line x1="${x(p.gzip)}" x2="${x(p.gzip)}" y1="${top}" y2="${bottom}" stroke="${colours[i % 2]}" stroke-dasharray="4 3"/>`,
      `<text x="${x(p.gzip)}" y="${bottom + 14 + 13 * i}" text-anchor="middle" fill="${colours[i % 2]}">${esc(p.name)} ${kb1(p.gzip)} (every page)</text>`,
    );
  });
  out.push(
    `<text x="${left}" y="${H - 6}" fill="#57606a">grey: when issue 16 was filed · bar: now (green meets the target) · black tick: target</text>`,
    '</svg>',
  );
  return out.join('\n') + '\n';
}

/** Measures every page in Chromium (latency 0: sizes only). */
export async function runPages(): Promise<PageSize[]> {
  const executablePath = findChromium() as string | undefined;
  if (!executablePath) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  const browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS});
  const root = pagesRoot();
  const server = await startServer({stack: createDevStack({}), root, port: 0, onError: () => {}});
  try {
    return await measurePages(browser, server.origin);
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const limits = pageLimits();
  const sizes = await runPages();
  let over = 0;
  for (const s of sizes) {
    const limit = limits[s.page.name];
    const verdict =
      limit === undefined
        ? 'no ceiling  '
        : s.gzip > limit * kB
          ? 'OVER CEILING'
          : s.gzip > s.page.target
            ? 'over target '
            : 'ok          ';
    if (limit !== undefined && s.gzip > limit * kB) over++;
    console.log(
      `${verdict} ${s.page.name.padEnd(10)} ${(s.gzip / kB).toFixed(1).padStart(5)} kB gzip in ${s.files.size} files (target ${(s.page.target / kB).toFixed(0)} kB, CI ceiling ${limit ?? '–'} kB)`,
    );
    if (process.argv.includes('--files'))
      for (const [f, n] of s.files) console.log(`    ${f.padEnd(56)} ${(n / kB).toFixed(1).padStart(5)} kB`);
  }
  if (process.argv.includes('--check') && over) {
    console.log(`${over} page ceiling(s) exceeded`);
    process.exit(1);
  }
}
