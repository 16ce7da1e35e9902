/** The CDN build's one-file-per-locale transform (scripts/vite-locale-packs.ts). */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, it} from 'node:test';
import {findPacks, localePacks} from '../../scripts/vite-locale-packs.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const plugin = localePacks(SRC);
type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (name: 'resolveId' | 'load' | 'transform', ...args: unknown[]) =>
  (plugin[name] as Hook).call({}, ...args);

describe('language packs in one file per locale (CDN build)', () => {
  it('finds every pack of the sources, the same ones in each locale', () => {
    const packs = findPacks(SRC);
    const names = (locale: string) =>
      packs[locale]!.map((f) => path.relative(SRC, f).replace(`.${locale}.ts`, ''));
    assert.ok(names('en').includes('i18n/common'));
    assert.ok(names('en').includes('elements/cart-button/cart-button.messages'));
    assert.ok(names('en').includes('elements/order-history/order-detail.messages'));
    assert.equal(names('en').length, 11);
    assert.deepEqual(names('pt-BR'), names('en'));
    assert.deepEqual(names('es'), names('en'));
  });

  it("rewrites a pack's import() to its locale's module, keeping `{default}`; leaves types and other imports", () => {
    const file = path.join(SRC, 'elements/cart-button/cart-button.messages.ts');
    const index = findPacks(SRC)['pt-BR']!.indexOf(
      path.join(SRC, 'elements/cart-button/cart-button.messages.pt-BR.ts'),
    );
    const code = [
      "export type M = typeof import('./cart-button.messages.en.js').default;",
      "const pt = () => import('./cart-button.messages.pt-BR.js');",
      'const open = () => import("../cart/define.js");',
      "const common = () => import('../../i18n/common.es.js');",
    ].join('\n');
    const out = (call('transform', code, file) as {code: string}).code.split('\n');
    assert.equal(out[0], "export type M = typeof import('./cart-button.messages.en.js').default;");
    assert.equal(
      out[1],
      `const pt = () => import("virtual:vtex-elements/messages-pt-BR").then((m) => ({default: m.p${index}}));`,
    );
    assert.equal(out[2], 'const open = () => import("../cart/define.js");');
    assert.match(
      out[3]!,
      /^const common = \(\) => import\("virtual:vtex-elements\/messages-es"\)\.then\(\(m\) => \(\{default: m\.p\d+\}\)\);$/,
    );
    assert.equal(
      call('transform', "import('./x.messages.pt-BR.js')", '/elsewhere/x.ts'),
      null,
      'outside src/',
    );
    assert.equal(call('transform', "import('./nope.messages.pt-BR.js')", file), null, 'not a pack');
  });

  it("serves each locale's module: every pack of that locale, by index", async () => {
    const id = call('resolveId', 'virtual:vtex-elements/messages-es') as string;
    assert.equal(id, '\0virtual:vtex-elements/messages-es');
    assert.equal(call('resolveId', './other.js'), null);
    const lines = (call('load', id) as string).split('\n');
    const es = findPacks(SRC).es!;
    assert.deepEqual(
      lines,
      es.map((f, i) => `export {default as p${i}} from ${JSON.stringify(f)};`),
    );
    assert.equal(call('load', '/src/x.ts'), null);
  });
});
