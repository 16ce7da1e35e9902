/**
 * `custom-elements.json` lists the public API only: Storybook's API tables and controls, editor autocomplete and
 * the events table read it, so a private field there becomes a "control" a designer can set. `npm test` runs
 * `npm run analyze` first, so this checks what the analyzer and our plugins (`scripts/cem-plugins.mjs`) produce.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  default?: string;
  fieldName?: string;
  type?: {text: string};
  inheritedFrom?: {name: string};
}
interface Declaration {
  name: string;
  tagName?: string;
  members?: Item[];
  attributes?: Item[];
}
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'custom-elements.json'), 'utf8')) as {
  modules: {path: string; declarations?: Declaration[]}[];
};
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName));
const element = (tag: string) => elements.find((e) => e.tagName === tag)!;
const names = (tag: string) => (element(tag).members ?? []).map((m) => m.name).sort();

describe('custom-elements.json', () => {
  it('lists the nine elements', () => {
    assert.equal(elements.length, 9, elements.map((e) => e.tagName).join(', '));
  });

  it('has no #private, private or protected member on any element', () => {
    const leaks = elements.flatMap((e) =>
      (e.members ?? [])
        .filter((m) => m.name.startsWith('#') || m.privacy === 'private' || m.privacy === 'protected')
        .map((m) => `${e.tagName}: ${m.name} (${m.privacy ?? 'public'})`),
    );
    assert.deepEqual(leaks, []);
  });

  it('has no member whose JSDoc says @internal (checkout state, controllers)', () => {
    for (const hidden of ['step', 'done', 'errors', 'busy', 'confirmation']) {
      assert.ok(!names('vtex-checkout').includes(hidden), `vtex-checkout lists ${hidden}`);
    }
  });

  it('shows no implementation as a default value (a Task, a controller, a function)', () => {
    const code = elements.flatMap((e) =>
      [...(e.members ?? []), ...(e.attributes ?? [])]
        .filter((m) => m.default && /\bnew \w|=>|\bfunction\b/.test(m.default))
        .map((m) => `${e.tagName}: ${m.name} = ${m.default!.slice(0, 40)}`),
    );
    assert.deepEqual(code, []);
  });

  it('keeps the public API: attributes, properties and methods', () => {
    assert.deepEqual(names('vtex-checkout'), ['locale', 'ordersUrl']);
    assert.deepEqual(names('vtex-cart'), [
      'checkoutUrl',
      'country',
      'hide',
      'locale',
      'open',
      'show',
      'variant',
    ]);
    const attrs = (element('vtex-product-grid').attributes ?? []).map((a) => a.name);
    for (const a of ['query', 'category', 'page-size', 'pagination', 'show-facets', 'sync-url', 'locale']) {
      assert.ok(attrs.includes(a), `vtex-product-grid lacks ${a}`);
    }
  });

  it('spells out a union type behind an alias, so tools can offer its values', () => {
    const pagination = element('vtex-product-grid').attributes!.find((a) => a.name === 'pagination')!;
    assert.equal(pagination.type?.text, "'pages' | 'load-more' | 'infinite'");
  });
});
