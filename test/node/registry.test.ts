/**
 * One list of elements: the folders `src/elements/<name>/define.ts`. Every list derived from them (the define entry,
 * the loader's tags, the build entries, the package exports, the type build, the size parts) matches the folders,
 * and every element has what a new one needs (its tag registered and typed, a story, a manifest entry).
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {
  PROVIDER,
  ROOT,
  elementClass,
  elements,
  generated,
  sharedFolders,
  stale,
} from '../../scripts/registry.js';
import {PARTS} from '../../scripts/sizes.js';
import {ELEMENTS} from '../../src/registry.js';

const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const names = elements();

describe('the element registry', () => {
  it('finds the elements by their folders, the provider first', () => {
    assert.ok(names.length >= 9, `${names.length} element folders`);
    assert.equal(names[0], PROVIDER);
    for (const n of names) assert.ok(existsSync(resolve(ROOT, `src/elements/${n}/define.ts`)));
    assert.ok(!names.includes('shared-catalog'), 'a folder without define.ts is shared code, not an element');
  });

  it('the generated modules are fresh (`npm run registry` rewrites them)', async () => {
    assert.deepEqual(await stale(), []);
    assert.deepEqual([...ELEMENTS], names, 'src/registry.ts lists the folders');
    const define = read('src/define.ts');
    assert.deepEqual(
      [...define.matchAll(/^import '\.\/elements\/([\w-]+)\/define\.js';$/gm)].map((m) => m[1]),
      names,
      'src/define.ts imports every define.ts, the provider first',
    );
  });

  it('a new folder changes every generated list', async () => {
    const files = await generated([...names, 'wishlist'], (n) =>
      n === 'wishlist' ? {className: 'VtexWishlist', module: './wishlist.js'} : elementClass(n),
    );
    assert.match(files['src/define.ts']!, /import '\.\/elements\/wishlist\/define\.js';/);
    assert.match(files['src/registry.ts']!, /'wishlist'/);
    assert.match(
      files['src/element-classes.ts']!,
      /export \{VtexWishlist\} from '\.\/elements\/wishlist\/wishlist\.js';/,
    );
  });

  it('src/index.ts exports every element class through the generated module', () => {
    assert.match(read('src/index.ts'), /^export \* from '\.\/element-classes\.js';$/m);
    for (const n of names) assert.ok(elementClass(n).className.startsWith('Vtex'));
  });

  it('each define.ts registers vtex-<name> and types it in HTMLElementTagNameMap', () => {
    for (const n of names) {
      const text = read(`src/elements/${n}/define.ts`);
      assert.match(text, new RegExp(`defineElement\\('vtex-${n}', `), `${n}/define.ts registers <vtex-${n}>`);
      assert.match(text, new RegExp(`'vtex-${n}': Vtex\\w+;`), `${n}/define.ts adds its tag to the tag map`);
    }
  });

  it('the loader and the CDN entry read their tags from the registry', () => {
    for (const entry of ['src/loader.ts', 'src/cdn.ts']) {
      assert.match(read(entry), /import \{ELEMENTS(, type ElementName)?\} from '\.\/registry\.js';/, entry);
      assert.match(read(entry), /autoload\(ELEMENTS, /, entry);
    }
    assert.doesNotMatch(read('src/loader.ts'), /'(cart|checkout|product-grid)'/, 'no tag list of its own');
    assert.doesNotMatch(
      read('src/internal/autoload.ts'),
      /'(checkout|product-grid)'/,
      'no tag list of its own',
    );
  });

  it('vtex-elements.js (src/cdn.ts) holds every element, in the file or on demand', () => {
    const cdn = read('src/cdn.ts');
    for (const n of names) {
      const eager = cdn.includes(`import './elements/${n}/define.js';`);
      const lazy = cdn.includes(`import('./elements/${n}/define.js')`);
      assert.ok(eager !== lazy, `<vtex-${n}>: ${eager ? 'both in the file and on demand' : 'missing'}`);
    }
  });

  it('package.json exports every element through one subpath pattern', () => {
    const pkg = JSON.parse(read('package.json')) as {exports: Record<string, unknown>};
    assert.deepEqual(pkg.exports['./*'], {
      types: './dist/types/elements/*/define.d.ts',
      default: './dist/elements/*.js',
    });
    for (const n of names) assert.equal(pkg.exports[`./${n}`], undefined, `no hand-kept "./${n}"`);
  });

  it('the type build and the bundle take every define.ts by a glob', () => {
    const tsconfig = JSON.parse(read('tsconfig.build.json')) as {include?: string[]; files?: string[]};
    assert.ok(tsconfig.include?.includes('src/elements/*/define.ts'));
    assert.equal(tsconfig.files, undefined, 'no hand-kept file list');
    assert.match(read('vite.config.ts'), /elements as registry\} from '\.\/scripts\/registry\.js'/);
  });

  it('the size report has one part per element and per shared folder', () => {
    for (const n of [...names.filter((x) => x !== PROVIDER), ...sharedFolders()]) {
      const part = PARTS.find(([, re]) => re.test(`/src/elements/${n}/${n}.ts`));
      assert.equal(part?.[0], `${n}: logic and templates`, `src/elements/${n} is its own part`);
    }
    const store = PARTS.find(([, re]) => re.test(`/src/elements/${PROVIDER}/${PROVIDER}.ts`));
    assert.match(store![0], /<vtex-store>/);
  });

  it('every element has a story and a manifest entry', () => {
    const manifest = JSON.parse(read('custom-elements.json')) as {
      modules: {declarations?: {tagName?: string}[]}[];
    };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName);
    for (const n of names) {
      const story = `stories/${n}.stories.ts`;
      assert.ok(existsSync(resolve(ROOT, story)), `${story} exists`);
      assert.match(read(story), new RegExp(`component: 'vtex-${n}'`), `${story} documents <vtex-${n}>`);
      assert.ok(tags.includes(`vtex-${n}`), `custom-elements.json has <vtex-${n}>`);
    }
  });
});
