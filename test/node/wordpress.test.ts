/**
 * The WordPress plugin's generated files match `custom-elements.json` as it is now (a stale block fails here:
 * run `npm run build:wordpress`), every element has a block and a shortcode, its strings are translated into
 * pt_BR and es_ES, and the release zip is a plugin WordPress can unpack. The plugin itself runs on a real
 * WordPress in `npm run test:wordpress`.
 */
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {inflateRawSync} from 'node:zlib';
import {describe, it} from 'node:test';
import {
  PLUGIN_DIR,
  buildZip,
  compileMo,
  generatedFiles,
  orphanBlocks,
  parsePo,
  phpStrings,
  wpElements,
} from '../../scripts/wordpress.js';
import type {Manifest} from '../../scripts/editor-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLUGIN = path.join(ROOT, PLUGIN_DIR);
const manifest = () => JSON.parse(readFileSync(path.join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;

describe('WordPress plugin: generated from custom-elements.json', () => {
  it('block.json files and includes/elements.php are up to date (else: npm run build:wordpress)', () => {
    const files = generatedFiles();
    const stale = [...files]
      .filter(([file, content]) => {
        const full = path.join(ROOT, file);
        return !existsSync(full) || readFileSync(full, 'utf8') !== content;
      })
      .map(([file]) => file);
    const orphans = orphanBlocks(files);
    assert.deepEqual(
      [...stale, ...orphans],
      [],
      `stale WordPress blocks: run \`npm run build:wordpress\` (or only \`node --import tsx scripts/wordpress.ts\`) and commit ${PLUGIN_DIR} (${[...stale, ...orphans].join(', ')})`,
    );
  });

  it('gives every element in the manifest a block with each of its attributes', () => {
    const tags = manifest()
      .modules.flatMap((m) => (m.declarations ?? []) as {tagName?: string; attributes?: {name: string}[]}[])
      .filter((d) => d.tagName);
    assert.ok(tags.length >= 9, 'the manifest lists the kit elements');
    for (const d of tags) {
      const name = d.tagName!.replace(/^vtex-/, '');
      const block = JSON.parse(readFileSync(path.join(PLUGIN, 'blocks', name, 'block.json'), 'utf8'));
      assert.equal(block.name, `vtex/${name}`);
      assert.deepEqual(block.supports.align, ['wide', 'full']);
      for (const a of d.attributes ?? []) {
        const key = a.name.replace(/-([a-z0-9])/g, (_: string, c: string) => c.toUpperCase());
        assert.ok(block.attributes[key], `vtex/${name} has ${a.name} as ${key}`);
      }
    }
  });

  it('follows a change to the manifest: a new attribute, its type, default, values and description', () => {
    const m = manifest();
    const grid = m.modules
      .flatMap((mod) => (mod.declarations ?? []) as {tagName?: string; attributes?: unknown[]}[])
      .find((d) => d.tagName === 'vtex-product-grid')!;
    grid.attributes!.push({
      name: 'card-density',
      type: {text: "'comfortable' | 'compact' | undefined"},
      default: "'comfortable'",
      description: 'How much room a card takes, e.g. `compact`.',
    });
    const e = wpElements(m).find((x) => x.tag === 'vtex-product-grid')!;
    assert.deepEqual(
      e.attributes.find((a) => a.name === 'card-density'),
      {
        name: 'card-density',
        key: 'cardDensity',
        type: 'string',
        default: 'comfortable',
        values: ['comfortable', 'compact'],
        label: 'Card density',
        description: 'How much room a card takes, e.g. compact.',
      },
    );
    const pageSize = e.attributes.find((a) => a.name === 'page-size')!;
    assert.equal(pageSize.type, 'number');
    assert.equal(typeof pageSize.default, 'number');
  });
});

describe('WordPress plugin: translations', () => {
  const sources = readdirSync(path.join(PLUGIN, 'includes'))
    .filter((f) => f.endsWith('.php'))
    .map((f) => ({file: f, text: readFileSync(path.join(PLUGIN, 'includes', f), 'utf8')}));
  const handWritten = sources.filter((s) => s.file !== 'elements.php').flatMap((s) => phpStrings(s.text));
  const elements = wpElements(manifest());
  const titles = elements.map((e) => e.title);
  const labels = elements.flatMap((e) => e.attributes.map((a) => a.label));

  for (const locale of ['pt_BR', 'es_ES']) {
    it(`${locale}: every string of the plugin and every block title is translated; labels too`, (t) => {
      const po = parsePo(readFileSync(path.join(PLUGIN, 'languages', `vtex-elements-${locale}.po`), 'utf8'));
      const missing = [...new Set([...handWritten, ...titles])].filter((s) => !po.get(s));
      assert.ok(handWritten.length > 30, 'the settings page strings are found');
      assert.deepEqual(missing, [], `add these to languages/vtex-elements-${locale}.po`);
      const untranslatedLabels = [...new Set(labels)].filter((s) => !po.get(s));
      // A label the kit adds later shows in English until translated; say so without failing someone else's change.
      if (untranslatedLabels.length)
        t.diagnostic(`labels still in English: ${untranslatedLabels.join(', ')}`);
    });
  }

  it('compiles PO files into MO files WordPress reads (magic, counts, sorted ids)', () => {
    const mo = compileMo(
      new Map([
        ['', 'Content-Type: text/plain; charset=UTF-8\n'],
        ['Store', 'Loja'],
        ['Bridge URL', 'URL da bridge'],
        ['Untranslated', ''],
      ]),
    );
    assert.equal(mo.readUInt32LE(0), 0x950412de);
    assert.equal(mo.readUInt32LE(8), 3, 'empty translations are left out');
    const origins = mo.readUInt32LE(12);
    const translations = mo.readUInt32LE(16);
    const read = (table: number, i: number) => {
      const len = mo.readUInt32LE(table + i * 8);
      const at = mo.readUInt32LE(table + i * 8 + 4);
      return mo.subarray(at, at + len).toString('utf8');
    };
    assert.deepEqual([read(origins, 1), read(translations, 1)], ['Bridge URL', 'URL da bridge']);
    assert.deepEqual([read(origins, 2), read(translations, 2)], ['Store', 'Loja']);
  });
});

describe('WordPress plugin: the release zip', () => {
  it('holds the plugin in one vtex-elements/ folder with its blocks, MO files and the kit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtex-wp-zip-'));
    try {
      const kit = path.join(dir, 'kit');
      mkdirSync(path.join(kit, 'elements'), {recursive: true});
      mkdirSync(path.join(kit, 'chunks'));
      writeFileSync(path.join(kit, 'loader.js'), 'export {};');
      writeFileSync(path.join(kit, 'elements/cart.js'), 'export {};');
      writeFileSync(path.join(kit, 'chunks/core-x.js'), 'export {};');
      const out = buildZip(ROOT, kit, path.join(dir, 'plugin.zip'));
      const entries = unzip(readFileSync(out));
      const names = [...entries.keys()];
      assert.ok(
        names.every((n) => n.startsWith('vtex-elements/')),
        'one top-level folder',
      );
      for (const f of [
        'vtex-elements/vtex-elements.php',
        'vtex-elements/readme.txt',
        'vtex-elements/blocks/product-grid/block.json',
        'vtex-elements/includes/elements.php',
        'vtex-elements/languages/vtex-elements-pt_BR.mo',
        'vtex-elements/languages/vtex-elements-es_ES.mo',
        'vtex-elements/assets/editor.js',
        'vtex-elements/assets/kit/loader.js',
        'vtex-elements/assets/kit/elements/cart.js',
        'vtex-elements/assets/kit/chunks/core-x.js',
      ])
        assert.ok(names.includes(f), `${f} is in the zip`);
      assert.match(entries.get('vtex-elements/vtex-elements.php')!, /Plugin Name:\s+VTEX Elements/);
      assert.match(entries.get('vtex-elements/vtex-elements.php')!, /Requires at least:\s+6\.1/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

/** Reads a zip's entries (deflated or stored) from its central directory. */
function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    out.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLen + extra + comment;
  }
  return out;
}
