/**
 * Bundle sizes from dist/ (run `npm run build` first): gzip and brotli per entry point with its static
 * import closure, the whole CDN kit, and the budgets of issue 8. `--check` exits non-zero over budget.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {PROVIDER, elements, sharedFolders} from './registry.js';

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

/**
 * The chunks that load on demand outside the whole kit: the HTML sanitizer and the language packs (every locale,
 * English too since issue 16: a page fetches only its own; the CDN build has one per locale, `messages-<locale>`).
 */
export const exemptFromWholeKit = (file: string): boolean =>
  /\/purify\.[\w.-]*\.js$|((\.messages|\/common)\.|\/messages-)(en|pt-BR|es)-[\w-]+\.js$/.test(file);

export function kitSizes() {
  if (!existsSync(join(DIST, 'vtex-elements.js')))
    throw new Error('dist/ is missing: run `npm run build` first.');
  const elementFiles = readdirSync(join(DIST, 'elements')).filter((f) => f.endsWith('.js'));
  const core = closure(join(DIST, 'elements/store.js'));
  const rows: {name: string; files: Set<string>; size: Size; added?: Size}[] = [];
  const bundle = closure(join(DIST, 'vtex-elements.js'));
  rows.push({name: 'vtex-elements.js (CDN, every element + Lit)', files: bundle, size: sizeOf(bundle)});
  // The issue lets only the HTML sanitizer and the pt-BR/es packs load on demand outside the whole kit: any other
  // on-demand chunk of the CDN build (analytics, loaded when `analytics` is set) counts in it.
  const cdnDir = join(DIST, 'cdn');
  const cdnChunks = existsSync(cdnDir)
    ? readdirSync(cdnDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(cdnDir, f))
    : [];
  const onDemand = new Set(cdnChunks.filter((f) => !exemptFromWholeKit(f)));
  if (onDemand.size) {
    rows.push({
      name: `cdn/${[...onDemand]
        .map((f) =>
          f
            .split('/')
            .pop()!
            .replace(/-[\w-]+\.js$/, ''),
        )
        .join(', ')} (CDN, on demand)`,
      files: onDemand,
      size: sizeOf(onDemand),
    });
  }
  const whole = new Set([...bundle, ...onDemand]);
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
  const lazyOnly = cdnChunks.filter(exemptFromWholeKit);
  return {
    rows,
    core: sizeOf(core),
    whole: sizeOf(whole),
    loader: sizeOf(loader),
    header: sizeOf(header),
    lazyOnly: sizeOf(lazyOnly),
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** For each character of a generated file, the index of the source it came from (-1: none), from its source map. */
export function sourceOfEachChar(code: string, mappings: string): Int32Array {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split('\n');
  let source = 0;
  let offset = 0;
  mappings.split(';').forEach((lineMap, li) => {
    const line = lines[li] ?? '';
    let col = 0;
    const segments = lineMap
      .split(',')
      .filter(Boolean)
      .map((seg) => {
        const out: number[] = [];
        let value = 0;
        let shift = 0;
        for (const c of seg) {
          const d = B64.indexOf(c);
          value += (d & 31) << shift;
          if (d & 32) shift += 5;
          else {
            out.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        return out;
      });
    segments.forEach((seg, i) => {
      col += seg[0]!;
      if (seg.length > 1) source += seg[1]!;
      const end = i + 1 < segments.length ? col + segments[i + 1]![0]! : line.length;
      owner.fill(seg.length > 1 ? source : -1, offset + col, offset + end);
    });
    offset += line.length + 1;
  });
  return owner;
}

/**
 * What each part of the whole kit costs: the gzip bytes the bundle loses when that part's code is left out. Past the
 * shared layers, one part per element folder and per shared folder under src/elements (from the registry).
 */
export const PARTS: [string, RegExp][] = [
  ['Lit, @lit/context', /node_modules\//],
  ['English messages (every element)', /\.messages\.ts$|\/i18n\/messages\.ts$/],
  ['styles (every element)', /styles\.ts$/],
  [
    `client, stores, \`<vtex-${PROVIDER}>\``,
    new RegExp(`/src/(client|state|context)/|/elements/${PROVIDER}/`),
  ],
  ['i18n, controllers, base element, events', /\/src\/(i18n|controllers|internal|events|analytics\/events)/],
  ...[...elements().filter((name) => name !== PROVIDER), ...sharedFolders()].map((name): [string, RegExp] => [
    `${name}: logic and templates`,
    new RegExp(`/elements/${name}/`),
  ]),
];

export function breakdown(file = join(DIST, 'vtex-elements.js')): {part: string; gzip: number}[] {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as {sources: string[]; mappings: string};
  const owner = sourceOfEachChar(code, map.mappings);
  const full = measure(Buffer.from(code)).gzip;
  const partOf = map.sources.map((src) => PARTS.findIndex(([, re]) => re.test(src)));
  return PARTS.map(([part], p) => {
    let rest = '';
    let from = 0;
    for (let i = 0; i <= code.length; i++) {
      const mine = i < code.length && owner[i]! >= 0 && partOf[owner[i]!] === p;
      if (mine && from >= 0) {
        rest += code.slice(from, i);
        from = -1;
      } else if (!mine && from < 0) from = i;
    }
    if (from >= 0) rest += code.slice(from);
    return {part, gzip: full - measure(Buffer.from(rest)).gzip};
  });
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
  for (const p of breakdown()) console.log(`  ${p.part.padEnd(62)} ${kb(p.gzip).padStart(9)} gzip`);
  console.log(
    `exempt from the whole kit (sanitizer, pt-BR/es packs, on demand): ${kb(s.lazyOnly.gzip)} gzip`,
  );
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
