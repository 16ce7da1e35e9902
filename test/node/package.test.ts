/**
 * The npm package as a consumer gets it: every `exports` target exists after a build; `npm pack` ships them
 * (and nothing from src/ or the tests); the packed `bridge` and `sandbox` run in Node; a TypeScript consumer
 * type-checks against the packed `.d.ts` (tag and event maps); the editor data lists every tag and attribute.
 *
 * Builds first (`npm run build`) only when dist/ is missing or older than its inputs (SKIP_BUILD=1: use dist/
 * as it is, unless missing).
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {
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
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {elements} from '../../scripts/registry.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ELEMENTS = elements();

type ExportTarget = string | {types?: string; default?: string; import?: string};
interface PackageJson {
  name: string;
  version: string;
  exports: Record<string, ExportTarget>;
  types?: string;
  files?: string[];
  customElements?: string;
  'web-types'?: string;
  sideEffects?: string[] | boolean;
  dependencies?: Record<string, string>;
}

const pkg = (): PackageJson =>
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Newest mtime under `p` (files only), skipping tests and stories. */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return /\.(test|stories)\.ts$/.test(p) ? 0 : st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(path.join(p, n))));
}

/** Oldest of the build's outputs (0 when one is missing). */
function oldestOutput(): number {
  const outputs = [
    'dist/index.js',
    'dist/define.js',
    'dist/loader.js',
    'dist/bridge.js',
    'dist/sandbox.js',
    'dist/vtex-elements.js',
    'dist/types/index.d.ts',
    'dist/types/bridge/index.d.ts',
    'dist/web-types.json',
    'dist/vscode.html-custom-data.json',
  ].map((f) => path.join(ROOT, f));
  return Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
}

function ensureBuilt(): void {
  const inputs = Math.max(
    newest(path.join(ROOT, 'src')),
    ...[
      'package.json',
      'vite.config.ts',
      'tsconfig.json',
      'tsconfig.server.json',
      'tsconfig.build.json',
      'tsconfig.build.server.json',
      'custom-elements.json',
      'scripts/editor-data.ts',
    ].map((f) => newest(path.join(ROOT, f))),
  );
  // SKIP_BUILD=1: test the dist/ that is there (CI steps that just built it).
  if (oldestOutput() >= inputs || (process.env.SKIP_BUILD && oldestOutput() > 0)) return;
  const r = spawnSync('npm', ['run', 'build'], {cwd: ROOT, encoding: 'utf8'});
  assert.equal(r.status, 0, `npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The `exports` entries with the element pattern (`./*`) expanded to one entry per element of the registry. */
function expanded(exp: Record<string, ExportTarget>): [string, ExportTarget][] {
  return Object.entries(exp).flatMap(([subpath, t]): [string, ExportTarget][] =>
    subpath.includes('*')
      ? ELEMENTS.map((e) => [
          subpath.replace('*', e),
          typeof t === 'string'
            ? t.replace('*', e)
            : Object.fromEntries(Object.entries(t).map(([c, f]) => [c, (f as string).replaceAll('*', e)])),
        ])
      : [[subpath, t]],
  );
}

/** Every file an `exports` entry points at, with the condition it is for. */
function targets(exp: Record<string, ExportTarget>): {subpath: string; condition: string; file: string}[] {
  return expanded(exp).flatMap(([subpath, t]) =>
    typeof t === 'string'
      ? [{subpath, condition: 'default', file: t}]
      : Object.entries(t).map(([condition, file]) => ({subpath, condition, file: file as string})),
  );
}

let tmp: string;
let packed: string; // the extracted tarball (node_modules/vtex-elements of the consumer project)
let consumer: string;
let packedFiles: string[];

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'vtex-elements-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const info = JSON.parse(out.slice(out.indexOf('['))) as {filename: string; files: {path: string}[]}[];
  packedFiles = info[0]!.files.map((f) => f.path);
  const tgz = path.join(tmp, path.basename(info[0]!.filename));
  // A consumer project: the tarball installed as node_modules/vtex-elements; its runtime dependencies (and
  // TypeScript's view of them) borrowed from this repository's node_modules.
  consumer = path.join(tmp, 'consumer');
  packed = path.join(consumer, 'node_modules/vtex-elements');
  mkdirSync(packed, {recursive: true});
  execFileSync('tar', ['-xzf', tgz, '-C', packed, '--strip-components=1']);
  for (const dep of ['lit', 'lit-html', 'lit-element', '@lit', 'dompurify', '@types']) {
    const from = path.join(ROOT, 'node_modules', dep);
    if (existsSync(from)) symlinkSync(from, path.join(consumer, 'node_modules', dep), 'dir');
  }
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({name: 'consumer', private: true, type: 'module', dependencies: {'vtex-elements': '*'}}),
  );
});

after(() => {
  if (tmp) rmSync(tmp, {recursive: true, force: true});
});

describe('package.json exports', () => {
  it('has the kit, define, every element, loader, bridge, sandbox, the manifest and package.json', () => {
    const exp = Object.fromEntries(expanded(pkg().exports));
    const expected = [
      '.',
      './define',
      ...ELEMENTS.map((e) => `./${e}`),
      './loader',
      './bridge',
      './sandbox',
      './custom-elements.json',
      './package.json',
    ];
    for (const subpath of expected) assert.ok(exp[subpath], `exports has "${subpath}"`);
    for (const [subpath, t] of Object.entries(exp)) {
      if (subpath.endsWith('.json')) continue;
      assert.ok(typeof t === 'object' && t.types && t.default, `"${subpath}" has types and default`);
      assert.equal(
        Object.keys(t)[0],
        'types',
        `"${subpath}": "types" comes first (TypeScript reads in order)`,
      );
    }
    for (const e of ELEMENTS) {
      const t = exp[`./${e}`] as {types: string; default: string};
      assert.equal(t.default, `./dist/elements/${e}.js`);
      assert.equal(
        t.types,
        `./dist/types/elements/${e}/define.d.ts`,
        `./${e} types carry its define's augmentations`,
      );
    }
  });

  it('every exports target exists after the build', () => {
    const missing = targets(pkg().exports).filter((t) => !existsSync(path.join(ROOT, t.file)));
    assert.deepEqual(missing, [], 'missing targets');
  });

  it('each element module registers its tag; side-effect modules are declared', () => {
    const p = pkg();
    for (const e of ELEMENTS) {
      const js = readFileSync(path.join(ROOT, `dist/elements/${e}.js`), 'utf8');
      assert.match(js, new RegExp(`[\`'"]vtex-${e}[\`'"]`), `dist/elements/${e}.js defines <vtex-${e}>`);
    }
    assert.ok(Array.isArray(p.sideEffects));
    for (const f of [
      './dist/define.js',
      './dist/elements/*.js',
      './dist/loader.js',
      './dist/vtex-elements.js',
      './dist/chunks/*.js',
    ])
      assert.ok((p.sideEffects as string[]).includes(f), `sideEffects lists ${f}`);
    assert.equal(p.customElements, 'custom-elements.json');
    assert.equal(p['web-types'], './dist/web-types.json');
  });

  it("no download waterfall: an element's entry imports every chunk it needs, and import() starts a part's chunks", () => {
    // What each built file imports statically (its import declarations, in the minified output).
    const importsOf = (file: string): string[] =>
      [
        ...readFileSync(path.join(ROOT, 'dist', file), 'utf8').matchAll(/import(?:\{[^}]*\}from)?"([^"]+)"/g),
      ].map((m) => path.posix.join(path.posix.dirname(file), m[1]!));
    const closure = (file: string, seen = new Set<string>()): Set<string> => {
      for (const i of importsOf(file))
        if (!seen.has(i)) {
          seen.add(i);
          closure(i, seen);
        }
      return seen;
    };
    for (const e of ELEMENTS) {
      const entry = `elements/${e}.js`;
      assert.deepEqual(
        [...closure(entry)].sort(),
        [...new Set(importsOf(entry))].sort(),
        `${entry} imports its whole closure itself, so all of it downloads at once`,
      );
    }
    // The drawer cart, opened from the cart button: its entry and the entry's chunks start together.
    const button = importsOf('elements/cart-button.js').find((f) => /^chunks\/cart-button-/.test(f))!;
    const code = readFileSync(path.join(ROOT, 'dist', button), 'utf8');
    const call =
      /\((\[[^\]]*\])\.map\(u=>import\(u\)\.catch\(\(\)=>0\)\),import\(`\.\.\/elements\/cart\.js`\)\)/.exec(
        code,
      );
    assert.ok(call, "the cart button starts the cart's chunks with its import()");
    const started = (JSON.parse(call[1]!) as string[]).map((u) => path.posix.join('chunks', u));
    const have = closure(button);
    assert.deepEqual(
      started.sort(),
      [...closure('elements/cart.js')].filter((f) => !have.has(f) && f !== button).sort(),
    );
  });

  it('the CDN build has one language file per locale, holding every pack, and no pack per element', () => {
    const cdn = readdirSync(path.join(ROOT, 'dist/cdn')).filter((f) => f.endsWith('.js'));
    assert.deepEqual(
      cdn.filter((f) => /^(\w[\w-]*\.messages|common)\.(en|pt-BR|es)-[\w-]+\.js$/.test(f)),
      [],
      'no per-element pack in dist/cdn',
    );
    const files = ['en', 'pt-BR', 'es'].map((l) => cdn.filter((f) => f.startsWith(`messages-${l}-`)));
    assert.deepEqual(
      files.map((f) => f.length),
      [1, 1, 1],
    );
    const ptBR = readFileSync(path.join(ROOT, 'dist/cdn', files[1]![0]!), 'utf8');
    // The header's, the checkout's and the common strings, in one file.
    for (const text of ['Carrinho indisponível', 'Finalizar compra', 'Tentar novamente'])
      assert.ok(ptBR.includes(text), `messages-pt-BR has "${text}"`);
    const bundle = readFileSync(path.join(ROOT, 'dist/vtex-elements.js'), 'utf8');
    assert.ok(bundle.includes(`import(\`./cdn/${files[1]![0]!}\`)`), 'the bundle loads it on demand');
  });
});

describe('npm pack', () => {
  it('ships every exports target, the types, the editor data and no sources or tests', () => {
    const files = new Set(packedFiles);
    const missing = targets(pkg().exports)
      .map((t) => path.posix.normalize(t.file))
      .filter((f) => !files.has(f));
    assert.deepEqual(missing, [], 'exports targets missing from the tarball');
    for (const f of [
      'custom-elements.json',
      'dist/web-types.json',
      'dist/vscode.html-custom-data.json',
      'dist/vtex-elements.js',
    ])
      assert.ok(files.has(f), `tarball has ${f}`);
    const stray = packedFiles.filter(
      (f) => /^(src|test|stories|storybook-static|demo|scripts)\//.test(f) || /\.test\.(d\.)?[jt]s$/.test(f),
    );
    assert.deepEqual(stray, [], 'no sources, tests or demos in the tarball');
  });

  it('every relative import of the packed .d.ts files resolves', () => {
    const bad: string[] = [];
    for (const f of packedFiles.filter((f) => f.endsWith('.d.ts'))) {
      const text = readFileSync(path.join(packed, f), 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s+['"](\.[^'"]+)['"]/g)) {
        const target = path.join(path.dirname(path.join(packed, f)), m[1]!.replace(/\.js$/, '.d.ts'));
        if (!existsSync(target)) bad.push(`${f} → ${m[1]}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});

describe('packed bridge and sandbox in Node', () => {
  it('import by package name; a sandbox behind a bridge serves a product', () => {
    const script = `
      import {createSandbox, APPROVED_CARD} from 'vtex-elements/sandbox';
      import {createVtexBridge, matchRoute} from 'vtex-elements/bridge';
      const sandbox = createSandbox({account: 'sandbox'});
      const bridge = createVtexBridge({upstream: (r) => sandbox.fetch(r), account: sandbox.account, allowedOrigins: ['https://cms.example.com'], logger: {warn() {}}});
      const res = await bridge(new Request('http://127.0.0.1:9/api/catalog_system/pub/products/search?ft=camiseta', {headers: {Origin: 'https://cms.example.com'}}));
      const products = await res.json();
      const of = await bridge(new Request('http://127.0.0.1:9/api/checkout/pub/orderForm'));
      console.log(JSON.stringify({
        status: res.status,
        cors: res.headers.get('access-control-allow-origin'),
        count: products.length,
        name: products[0]?.productName,
        orderForm: of.status,
        cookie: of.headers.getSetCookie().some((c) => c.startsWith('checkout.vtex.com=')),
        card: typeof APPROVED_CARD,
        route: typeof matchRoute,
      }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumer,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    assert.ok(out.status === 200 || out.status === 206, `search status ${String(out.status)}`);
    assert.equal(out.cors, 'https://cms.example.com');
    assert.ok((out.count as number) > 0, 'the search found products');
    assert.match(String(out.name), /Camiseta/i);
    assert.equal(out.orderForm, 200);
    assert.equal(out.cookie, true, 'the bridge sets the orderForm cookie');
    assert.equal(out.route, 'function');
  });

  it('resolves every exports subpath by package name', () => {
    const script = `
      const pkg = (await import('vtex-elements/package.json', {with: {type: 'json'}})).default;
      const elements = ${JSON.stringify(ELEMENTS)};
      const out = {};
      const keys = Object.keys(pkg.exports).flatMap((k) => (k.includes('*') ? elements.map((e) => k.replace('*', e)) : [k]));
      for (const k of keys) out[k] = import.meta.resolve(k === '.' ? 'vtex-elements' : 'vtex-elements/' + k.slice(2));
      console.log(JSON.stringify(out));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumer,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, string>;
    for (const e of ELEMENTS) assert.ok(out[`./${e}`], `vtex-elements/${e} resolves`);
    for (const [k, url] of Object.entries(out)) assert.ok(existsSync(fileURLToPath(url)), `${k} → ${url}`);
  });
});

function tsc(dir: string, files: Record<string, string>, compilerOptions: Record<string, unknown>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        ...compilerOptions,
      },
      files: Object.keys(files),
    }),
  );
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    cwd: dir,
    encoding: 'utf8',
  });
}

describe('packed types', () => {
  it('a browser consumer: tag map, event map, element classes', () => {
    const r = tsc(
      consumer,
      {
        'browser.ts': `
import 'vtex-elements/define';
import 'vtex-elements/product-grid';
import {VtexCart, VtexStore, type OrderPlacedDetail} from 'vtex-elements';

const cart = document.querySelector('vtex-cart');
const typed: VtexCart | null = cart;
typed?.show?.();
// @ts-expect-error not a VtexCart member: the tag map must not be 'any'
cart?.notAMember;
const store: VtexStore = document.createElement('vtex-store');
store.api = 'https://bridge.example.com';
document.addEventListener('vtex-order-placed', (e) => {
  const group: string = e.detail.orderGroup;
  const detail: OrderPlacedDetail = e.detail;
  console.log(group, detail);
});
document.querySelector('vtex-product-grid')?.addEventListener('vtex-item-added', (e) => console.log(e.detail));
// @ts-expect-error the event detail is typed
document.addEventListener('vtex-order-placed', (e) => e.detail.notAField.toFixed());
`,
      },
      {lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: []},
    );
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  });

  it('an element entry alone brings its tag and events', () => {
    const r = tsc(
      consumer,
      {
        'one.ts': `
import 'vtex-elements/checkout';
import type {VtexCheckout} from 'vtex-elements';
// Not contextually typed (querySelector<E> would infer E from an annotation): the tag map must give it.
const co = document.querySelector('vtex-checkout');
const typed: VtexCheckout | null = co;
void typed;
// @ts-expect-error not a member
co?.notAMember;
addEventListener('vtex-order-placed', (e) => e.detail.orderGroup.toUpperCase());
`,
      },
      {lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: []},
    );
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  });

  it('a Node consumer (no DOM lib) of bridge and sandbox', () => {
    const r = tsc(
      consumer,
      {
        'server.ts': `
import {createVtexBridge, type VtexBridgeOptions} from 'vtex-elements/bridge';
import {createSandbox, type Sandbox} from 'vtex-elements/sandbox';
const sandbox: Sandbox = createSandbox({account: 'sandbox'});
const options: VtexBridgeOptions = {upstream: (r) => sandbox.fetch(r), account: 'sandbox', allowedOrigins: []};
const handler: (r: Request) => Promise<Response> = createVtexBridge(options);
void handler;
`,
      },
      {lib: ['ES2023'], types: ['node'], typeRoots: [path.join(ROOT, 'node_modules/@types')]},
    );
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  });
});

describe('editor data', () => {
  interface Tag {
    name: string;
    description: string;
    attributes: {name: string; description: string; values?: {name: string}[]}[];
  }
  interface WebElement {
    name: string;
    description: string;
    attributes: {name: string}[];
    events: {name: string}[];
  }
  const manifestElements = () => {
    const m = JSON.parse(readFileSync(path.join(packed, 'custom-elements.json'), 'utf8')) as {
      modules: {
        declarations?: {tagName?: string; attributes?: {name: string}[]; events?: {name: string}[]}[];
      }[];
    };
    return m.modules.flatMap((x) => x.declarations ?? []).filter((d) => d.tagName);
  };

  it('the VS Code custom data has every tag and its attributes, enum values included', () => {
    const data = JSON.parse(readFileSync(path.join(packed, 'dist/vscode.html-custom-data.json'), 'utf8')) as {
      version: number;
      tags: Tag[];
    };
    assert.equal(data.version, 1.1);
    const els = manifestElements();
    assert.deepEqual(data.tags.map((t) => t.name).sort(), ELEMENTS.map((e) => `vtex-${e}`).sort());
    for (const d of els) {
      const tag = data.tags.find((t) => t.name === d.tagName)!;
      assert.ok(tag.description.length > 20, `${d.tagName} has a description`);
      assert.deepEqual(
        tag.attributes.map((a) => a.name).sort(),
        (d.attributes ?? []).map((a) => a.name).sort(),
        `${d.tagName} attributes`,
      );
      for (const a of tag.attributes) assert.ok(a.description, `${d.tagName}[${a.name}] has a description`);
    }
    const values = (tag: string, attr: string) =>
      data.tags
        .find((t) => t.name === tag)!
        .attributes.find((a) => a.name === attr)!
        .values?.map((v) => v.name);
    assert.deepEqual(values('vtex-cart', 'variant'), ['inline', 'drawer']);
    assert.deepEqual(values('vtex-product-grid', 'pagination'), ['pages', 'load-more', 'infinite']);
    assert.deepEqual(values('vtex-cart-button', 'count'), ['items', 'lines']);
  });

  it('the web-types (referenced from package.json) have every element, attribute and event', () => {
    const p = JSON.parse(readFileSync(path.join(packed, 'package.json'), 'utf8')) as PackageJson;
    const wt = JSON.parse(readFileSync(path.join(packed, p['web-types']!), 'utf8')) as {
      name: string;
      version: string;
      contributions: {html: {elements: WebElement[]}};
    };
    assert.equal(wt.name, 'vtex-elements');
    assert.equal(wt.version, p.version);
    const els = manifestElements();
    assert.equal(wt.contributions.html.elements.length, ELEMENTS.length);
    for (const d of els) {
      const el = wt.contributions.html.elements.find((e) => e.name === d.tagName);
      assert.ok(el, `${d.tagName} in web-types`);
      assert.deepEqual(
        el.attributes.map((a) => a.name).sort(),
        (d.attributes ?? []).map((a) => a.name).sort(),
      );
      assert.deepEqual(el.events.map((e) => e.name).sort(), (d.events ?? []).map((e) => e.name).sort());
    }
    const checkout = wt.contributions.html.elements.find((e) => e.name === 'vtex-checkout')!;
    assert.ok(checkout.events.some((e) => e.name === 'vtex-order-placed'));
  });
});
