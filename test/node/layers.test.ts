/**
 * The import graph of src/ (tests excluded; `import type` and `import()` count): no cycle between folders, and
 * dependencies point down the layers of CONTRIBUTING.md. A folder is `src/<dir>`, or `src/elements/<name>` for an
 * element; the files at the top of src/ are the entry points.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, relative, resolve} from 'node:path';
import {describe, it} from 'node:test';
import {ROOT} from '../../scripts/registry.js';

/**
 * Top to bottom: a folder may import folders below its own layer (and, for elements, other elements), never above.
 * Browser side and server side share only the bottom layer.
 */
export const LAYERS: string[][] = [
  ['entry', 'server'],
  ['elements'],
  ['internal'],
  ['controllers'],
  ['analytics'],
  ['events', 'context'],
  ['state', 'bridge', 'sandbox'],
  ['client'],
  ['i18n'],
  ['domain'],
];

const SRC = resolve(ROOT, 'src');

/** `src/<dir>`, `elements/<name>`, or `entry` for the files at the top of src/. */
export function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  if (parts.length === 1) return 'entry';
  return parts[0] === 'elements' ? `elements/${parts[1]}` : parts[0]!;
}

const layerOf = (folder: string): number => {
  const i = LAYERS.findIndex((l) => l.includes(folder.split('/')[0]!));
  assert.ok(i >= 0, `src/${folder} has no layer: add it to LAYERS (and to CONTRIBUTING.md)`);
  return i;
};

function sources(dir = SRC): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = resolve(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.ts$/.test(e.name) && !/\.(test|stories)\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Relative specifiers a module imports: static, type-only, re-exports and dynamic `import()`. */
export function specifiers(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]/g))
    out.push(m[1]!);
  for (const m of code.matchAll(/(?:^|[\s;])import\s*['"](\.[^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"](\.[^'"]+)['"]\s*\)/g))
    out.push(m[1]!);
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, resolve(base, 'index.ts'), base]) {
    if (existsSync(candidate) && candidate.startsWith(SRC) && candidate.endsWith('.ts')) return candidate;
  }
  return undefined;
}

/** folder → folder → the file-level imports behind that edge. */
export function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sources()) {
    const from = folderOf(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (!target) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${relative(ROOT, file)} → ${spec}`]);
    }
  }
  return graph;
}

/** Every cycle between folders, each as its path (first folder repeated at the end). */
export function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      const cycle = [...path.slice(at), node];
      const key = [...cycle.slice(0, -1)].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        found.push(cycle);
      }
      return;
    }
    if (path.length > 20) return;
    for (const next of graph.get(node)?.keys() ?? []) visit(next, [...path, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

describe('the import graph of src/', () => {
  const graph = folderGraph();

  it('is read: the elements reach the base element, the stores and the client', () => {
    assert.ok(graph.get('elements/cart')?.has('internal'));
    assert.ok(graph.get('controllers')?.has('state'));
    assert.ok(graph.get('state')?.has('client'));
    assert.ok(graph.get('elements/cart-button')?.has('elements/cart'), 'a dynamic import() counts');
  });

  it('has no cycle between folders', () => {
    assert.deepEqual(
      cycles(graph).map((c) => c.join(' → ')),
      [],
    );
  });

  it('points down the layers only', () => {
    const up: string[] = [];
    for (const [from, edges] of graph) {
      for (const [to, via] of edges) {
        const sameElementsLayer = from.startsWith('elements/') && to.startsWith('elements/');
        if (!sameElementsLayer && layerOf(to) <= layerOf(from)) up.push(`${from} → ${to}: ${via.join(', ')}`);
      }
    }
    assert.deepEqual(up, []);
  });

  it('catches a cycle and an import up a layer', () => {
    const bad = new Map([
      ['controllers', new Map([['internal', ['x']]])],
      ['internal', new Map([['controllers', ['y']]])],
    ]);
    assert.deepEqual(cycles(bad), [['controllers', 'internal', 'controllers']]);
    assert.ok(layerOf('client') > layerOf('elements/cart'));
    assert.deepEqual(
      specifiers(`import type {A} from '../a.js';\nexport * from './b.js';\nawait import('./c.js');`),
      ['../a.js', './b.js', './c.js'],
    );
  });
});

describe('the element files', () => {
  /** Every source file under src/elements (tests, stories and message packs aside), with its line count. */
  const files = (dir = resolve(SRC, 'elements')): [string, number][] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((e): [string, number][] => {
      const path = resolve(dir, e.name);
      if (e.isDirectory()) return files(path);
      if (!e.name.endsWith('.ts') || /\.(test|stories)\.ts$|\.messages\./.test(e.name)) return [];
      return [[relative(ROOT, path), readFileSync(path, 'utf8').split('\n').length - 1]];
    });

  it('are at most 500 lines each: a large element is split into modules beside it (issue 15)', () => {
    const all = files();
    assert.ok(
      all.some(([f, n]) => f === 'src/elements/checkout/checkout.ts' && n > 100),
      'reads the elements',
    );
    const long = all.filter(([, n]) => n > 500).map(([f, n]) => `${f}: ${n} lines`);
    assert.deepEqual(long, []);
  });
});
