/**
 * Bundle sizes from dist/ (run `npm run build` first): gzip and brotli per entry point with its static
 * import closure, the whole CDN kit, and the budgets of issue 8. `--check` exits non-zero over budget.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const DIST = resolve(import.meta.dirname, '../dist');

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export const measure = (buf: Buffer): Size => ({
  raw: buf.length,
  gzip: gzipSync(buf, {level: 9}).length,
  brotli: brotliCompressSync(buf, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
});

/** Files statically imported by `file`, transitively (dynamic `import()` is on demand, so excluded). */
export function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(file), m[1]!), seen);
  }
  return seen;
}

/** Sizes of a set of files, each compressed separately (as a browser fetches them). */
export function sizeOf(files: Iterable<string>): Size {
  const total = {raw: 0, gzip: 0, brotli: 0};
  for (const f of files) {
    const s = measure(readFileSync(f));
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return total;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export function kitSizes() {
  if (!existsSync(join(DIST, 'vtex-elements.js')))
    throw new Error('dist/ is missing: run `npm run build` first.');
  const elementFiles = readdirSync(join(DIST, 'elements')).filter((f) => f.endsWith('.js'));
  const core = closure(join(DIST, 'elements/store.js'));
  const rows: {name: string; files: Set<string>; size: Size; added?: Size}[] = [];
  const whole = closure(join(DIST, 'vtex-elements.js'));
  rows.push({name: 'vtex-elements.js (CDN, every element + Lit)', files: whole, size: sizeOf(whole)});
  const loader = closure(join(DIST, 'loader.js'));
  rows.push({name: 'loader.js', files: loader, size: sizeOf(loader)});
  for (const f of elementFiles) {
    const files = closure(join(DIST, 'elements', f));
    const added = new Set([...files].filter((x) => !core.has(x)));
    rows.push({name: `elements/${f}`, files, size: sizeOf(files), added: sizeOf(added)});
  }
  const header = new Set([
    ...loader,
    ...closure(join(DIST, 'elements/store.js')),
    ...closure(join(DIST, 'elements/login-button.js')),
    ...closure(join(DIST, 'elements/cart-button.js')),
  ]);
  rows.push({
    name: 'page with <vtex-login-button> + <vtex-cart-button> (loader)',
    files: header,
    size: sizeOf(header),
  });
  const cdnDir = join(DIST, 'cdn');
  const lazyOnly = existsSync(cdnDir)
    ? readdirSync(cdnDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(cdnDir, f))
    : [];
  return {
    rows,
    core: sizeOf(core),
    whole: sizeOf(whole),
    loader: sizeOf(loader),
    header: sizeOf(header),
    lazyOnly: sizeOf(lazyOnly),
  };
}

/** The issue's targets (gzip bytes). */
export const BUDGETS = {whole: 30 * 1024, loader: 2 * 1024, header: 12 * 1024, element: 10 * 1024};

/**
 * Ceilings CI enforces today (gzip kB, in size-limits.json): the measured sizes plus a little room, so the
 * kit cannot grow unnoticed while it is still above the targets. Lower them as the kit shrinks.
 */
const LIMITS = JSON.parse(readFileSync(resolve(import.meta.dirname, '../size-limits.json'), 'utf8')) as {
  whole: number;
  loader: number;
  header: number;
  element: number;
};

export function budgetReport(
  s: ReturnType<typeof kitSizes>,
): {what: string; gzip: number; target: number; limit: number; meetsTarget: boolean; withinLimit: boolean}[] {
  const row = (what: string, gzip: number, target: number, limitKb: number) => ({
    what,
    gzip,
    target,
    limit: limitKb * 1024,
    meetsTarget: gzip <= target,
    withinLimit: gzip <= limitKb * 1024,
  });
  const out = [
    row('whole kit', s.whole.gzip, BUDGETS.whole, LIMITS.whole),
    row('loader', s.loader.gzip, BUDGETS.loader, LIMITS.loader),
    row('login + cart button page', s.header.gzip, BUDGETS.header, LIMITS.header),
  ];
  for (const r of s.rows) {
    if (r.added && !r.name.endsWith('store.js')) {
      out.push(row(`${r.name} adds`, r.added.gzip, BUDGETS.element, LIMITS.element));
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = kitSizes();
  for (const r of s.rows) {
    console.log(
      `${r.name.padEnd(64)} ${kb(r.size.gzip).padStart(9)} gzip ${kb(r.size.brotli).padStart(9)} br${r.added ? `  (+${kb(r.added.gzip)} over the core)` : ''}`,
    );
  }
  console.log(`on demand in the CDN build (sanitizer, pt-BR/es packs): ${kb(s.lazyOnly.gzip)} gzip`);
  let overLimit = 0;
  for (const b of budgetReport(s)) {
    const verdict = b.meetsTarget ? 'ok          ' : b.withinLimit ? 'over target ' : 'OVER CEILING';
    console.log(
      `${verdict} ${b.what}: ${kb(b.gzip)} gzip (target ${kb(b.target)}, CI ceiling ${kb(b.limit)})`,
    );
    if (!b.withinLimit) overLimit++;
  }
  if (process.argv.includes('--check') && overLimit) {
    console.log(`${overLimit} size ceiling(s) exceeded`);
    process.exit(1);
  }
}
