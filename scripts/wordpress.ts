/**
 * The WordPress plugin (integrations/wordpress) from the Custom Elements Manifest:
 * - `blocks/<name>/block.json`, one dynamic block per element (`vtex/<name>`): attribute names, types, enum
 *   values; `vtex/store` holds inner blocks;
 * - `includes/elements.php`: the same elements for the server (rendering, shortcodes) and the editor's
 *   inspector controls: attribute, block key, type, default, values, label and description, as translatable
 *   strings.
 * Both are committed; `test/node/wordpress.test.ts` fails when they differ from what the current
 * `custom-elements.json` gives. With `--zip`, also builds the release: the plugin with the kit's modular build
 * (`dist/loader.js` and the modules it loads) and compiled translations in `dist/vtex-elements-wordpress.zip`.
 *
 *   node --import tsx scripts/wordpress.ts           regenerate the committed files
 *   node --import tsx scripts/wordpress.ts --zip     … and the zip (after `vite build --outDir .tmp/wordpress-kit`)
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {crc32, deflateRawSync} from 'node:zlib';
import {elementsOf, type ElementInfo, type Manifest} from './editor-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PLUGIN_DIR = 'integrations/wordpress';
const SLUG = 'vtex-elements';

type BlockType = 'string' | 'number' | 'boolean';

export interface WpAttribute {
  /** The HTML attribute, e.g. `page-size`. */
  name: string;
  /** The block attribute (camelCase), e.g. `pageSize`. */
  key: string;
  type: BlockType;
  default?: string | number | boolean;
  values?: string[];
  label: string;
  description: string;
}

export interface WpElement {
  /** `product-grid` */
  name: string;
  tag: string;
  title: string;
  description: string;
  container: boolean;
  attributes: WpAttribute[];
}

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const sentence = (s: string) => {
  const words = s
    .split('-')
    .map((w) => (['url', 'id', 'api'].includes(w) ? w.toUpperCase() : w))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
/** Markdown code spans and links as plain text (the editor shows descriptions as text). */
const plain = (s: string) =>
  s
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

function blockType(type: string): BlockType {
  const t = type.replace(/\s*\|\s*(undefined|null)/g, '').trim();
  if (t === 'boolean') return 'boolean';
  if (t === 'number') return 'number';
  return 'string';
}

function parseDefault(raw: string | undefined, type: BlockType): WpAttribute['default'] {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (type === 'boolean') return text === 'true';
  if (type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  const m = /^(['"`])(.*)\1$/s.exec(text);
  return m ? m[2] : undefined;
}

/** The plugin's view of the manifest's elements, in the manifest's (tag) order. */
export function wpElements(manifest: Manifest, root = ROOT): WpElement[] {
  return elementsOf(manifest, root).map((e: ElementInfo) => {
    const name = e.tag.replace(/^vtex-/, '');
    return {
      name,
      tag: e.tag,
      title: sentence(name),
      description: summaryOf(manifest, e.tag) || plain(e.description.split(/\n\s*\n/)[0] ?? ''),
      container: e.tag === 'vtex-store',
      attributes: e.attributes.map((a) => {
        const type = blockType(a.type);
        const def = parseDefault(a.default, type);
        return {
          name: a.name,
          key: camel(a.name),
          type,
          ...(def !== undefined ? {default: def} : {}),
          ...(a.values ? {values: a.values} : {}),
          label: sentence(a.name),
          description: plain(a.description),
        };
      }),
    };
  });
}

function summaryOf(manifest: Manifest, tag: string): string {
  for (const m of manifest.modules)
    for (const d of (m.declarations ?? []) as {tagName?: string; summary?: string}[])
      if (d.tagName === tag && d.summary) return plain(d.summary);
  return '';
}

export function blockJson(e: WpElement): string {
  const attributes: Record<string, {type: BlockType; enum?: string[]}> = {};
  for (const a of e.attributes) attributes[a.key] = {type: a.type, ...(a.values ? {enum: a.values} : {})};
  // The tag's HTML id (a search box's `for` names a grid by it); not an element attribute, so not in the manifest.
  if (!e.container) attributes.elementId = {type: 'string'};
  const json = {
    $schema: 'https://schemas.wp.org/trunk/block.json',
    apiVersion: 2,
    name: `vtex/${e.name}`,
    title: e.title,
    category: 'vtex-elements',
    icon: e.container ? 'store' : 'cart',
    description: e.description,
    keywords: ['vtex', 'store', e.name.replace(/-/g, ' ')],
    textdomain: SLUG,
    attributes,
    supports: {align: ['wide', 'full'], html: false},
    editorScript: 'vtex-elements-editor',
    editorStyle: 'vtex-elements-editor',
  };
  return JSON.stringify(json, null, 2) + '\n';
}

const php = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const phpValue = (v: string | number | boolean) =>
  typeof v === 'string' ? php(v) : typeof v === 'boolean' ? String(v) : String(v);
const t = (s: string) => `__( ${php(s)}, 'vtex-elements' )`;

export function elementsPhp(elements: WpElement[]): string {
  const out = [
    '<?php',
    '/**',
    ' * GENERATED by `npm run build:wordpress` from custom-elements.json: do not edit.',
    " * The kit's elements as blocks and shortcodes see them.",
    ' *',
    ' * @package VtexElements',
    ' */',
    '',
    "defined( 'ABSPATH' ) || exit;",
    '',
    '/**',
    ' * The elements, keyed by name (`product-grid`), with their attributes and translated labels.',
    ' *',
    ' * @return array<string, array<string, mixed>>',
    ' */',
    'function vtex_elements_definitions() {',
    '\treturn array(',
  ];
  for (const e of elements) {
    out.push(`\t\t${php(e.name)} => array(`);
    out.push(`\t\t\t'tag'         => ${php(e.tag)},`);
    out.push(`\t\t\t'title'       => ${t(e.title)},`);
    out.push(`\t\t\t'description' => ${t(e.description)},`);
    out.push(`\t\t\t'container'   => ${e.container},`);
    out.push(`\t\t\t'attributes'  => array(`);
    for (const a of e.attributes) {
      out.push(`\t\t\t\tarray(`);
      out.push(`\t\t\t\t\t'name'        => ${php(a.name)},`);
      out.push(`\t\t\t\t\t'key'         => ${php(a.key)},`);
      out.push(`\t\t\t\t\t'type'        => ${php(a.type)},`);
      if (a.default !== undefined) out.push(`\t\t\t\t\t'default'     => ${phpValue(a.default)},`);
      if (a.values) out.push(`\t\t\t\t\t'values'      => array( ${a.values.map(php).join(', ')} ),`);
      out.push(`\t\t\t\t\t'label'       => ${t(a.label)},`);
      out.push(`\t\t\t\t\t'description' => ${t(a.description)},`);
      out.push(`\t\t\t\t),`);
    }
    out.push(`\t\t\t),`);
    out.push(`\t\t),`);
  }
  out.push('\t);', '}', '');
  return out.join('\n');
}

/** Every generated file, path relative to the repository → content. */
export function generatedFiles(root = ROOT): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const elements = wpElements(manifest, root);
  if (!elements.length)
    throw new Error('custom-elements.json lists no custom elements (run `npm run analyze`)');
  const files = new Map<string, string>();
  for (const e of elements) files.set(`${PLUGIN_DIR}/blocks/${e.name}/block.json`, blockJson(e));
  files.set(`${PLUGIN_DIR}/includes/elements.php`, elementsPhp(elements));
  return files;
}

/** Generated files that exist but are no longer generated (an element that was removed). */
export function orphanBlocks(files: Map<string, string>, root = ROOT): string[] {
  const dir = path.join(root, PLUGIN_DIR, 'blocks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => `${PLUGIN_DIR}/blocks/${name}/block.json`)
    .filter((f) => existsSync(path.join(root, f)) && !files.has(f));
}

export function writeGenerated(root = ROOT): string[] {
  const files = generatedFiles(root);
  for (const orphan of orphanBlocks(files, root))
    rmSync(path.dirname(path.join(root, orphan)), {recursive: true});
  const changed: string[] = [];
  for (const [file, content] of files) {
    const full = path.join(root, file);
    if (existsSync(full) && readFileSync(full, 'utf8') === content) continue;
    mkdirSync(path.dirname(full), {recursive: true});
    writeFileSync(full, content);
    changed.push(file);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------- translations

/** Unescapes a PO string body (`"…"` without the quotes). */
const poUnescape = (s: string) =>
  s.replace(/\\(["\\nt])/g, (_, c: string) => ({n: '\n', t: '\t', '"': '"', '\\': '\\'})[c]!);

/** msgid → msgstr of a PO file (singular entries; the header has msgid ""). */
export function parsePo(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  let id: string | undefined;
  let str: string | undefined;
  let field: 'id' | 'str' | undefined;
  const flush = () => {
    if (id !== undefined && str !== undefined) entries.set(id, str);
    id = str = field = undefined;
  };
  for (const line of text.split('\n')) {
    const l = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^msgid "(.*)"$/.exec(l))) {
      flush();
      id = poUnescape(m[1]!);
      field = 'id';
    } else if ((m = /^msgstr "(.*)"$/.exec(l))) {
      str = poUnescape(m[1]!);
      field = 'str';
    } else if ((m = /^"(.*)"$/.exec(l))) {
      if (field === 'id') id += poUnescape(m[1]!);
      else if (field === 'str') str += poUnescape(m[1]!);
    } else if (!l || l.startsWith('#')) {
      if (field === 'str') flush();
    }
  }
  flush();
  return entries;
}

/** A GNU MO file (what WordPress's `load_plugin_textdomain` reads) from PO entries; empty msgstr left out. */
export function compileMo(entries: Map<string, string>): Buffer {
  const pairs = [...entries].filter(([id, s]) => id === '' || s !== '').sort(([a], [b]) => (a < b ? -1 : 1));
  const ids = pairs.map(([id]) => Buffer.from(id, 'utf8'));
  const strs = pairs.map(([, s]) => Buffer.from(s, 'utf8'));
  const n = pairs.length;
  const headerSize = 28;
  const tablesEnd = headerSize + n * 16;
  let offset = tablesEnd;
  const idTable = Buffer.alloc(n * 8);
  const strTable = Buffer.alloc(n * 8);
  ids.forEach((b, i) => {
    idTable.writeUInt32LE(b.length, i * 8);
    idTable.writeUInt32LE(offset, i * 8 + 4);
    offset += b.length + 1;
  });
  strs.forEach((b, i) => {
    strTable.writeUInt32LE(b.length, i * 8);
    strTable.writeUInt32LE(offset, i * 8 + 4);
    offset += b.length + 1;
  });
  const header = Buffer.alloc(headerSize);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(n, 8);
  header.writeUInt32LE(headerSize, 12);
  header.writeUInt32LE(headerSize + n * 8, 16);
  header.writeUInt32LE(0, 20);
  header.writeUInt32LE(tablesEnd, 24);
  const nul = Buffer.alloc(1);
  return Buffer.concat([
    header,
    idTable,
    strTable,
    ...ids.flatMap((b) => [b, nul]),
    ...strs.flatMap((b) => [b, nul]),
  ]);
}

/** The strings the plugin's PHP passes to `__()`, `esc_html__()` and the like (text domain vtex-elements). */
export function phpStrings(source: string): string[] {
  const re =
    /\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'vtex-elements'\s*\)/g;
  const out: string[] = [];
  for (const m of source.matchAll(re)) out.push(m[1]!.replace(/\\(['\\])/g, '$1'));
  return out;
}

// ----------------------------------------------------------------------------------------------------- zip

function zip(files: {name: string; data: Buffer}[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, so the same inputs give the same bytes.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = deflateRawSync(f.data, {level: 9});
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt16LE(dosTime, 12);
    head.writeUInt16LE(dosDate, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(data.length, 20);
    head.writeUInt32LE(f.data.length, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(0, 30);
    head.writeUInt32LE(0, 34);
    head.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    head.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(head, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

/** Where `npm run build:wordpress` has Vite write the kit's modular build for the plugin. */
export const KIT_DIR = '.tmp/wordpress-kit';

/** The kit files the plugin ships: the loader and every module it can import (no source maps). */
function kitFiles(dist: string): string[] {
  if (!existsSync(path.join(dist, 'loader.js')))
    throw new Error(
      `${dist}/loader.js is missing: run \`vite build --outDir ${KIT_DIR}\` first (npm run build:wordpress does)`,
    );
  return [
    path.join(dist, 'loader.js'),
    ...walk(path.join(dist, 'elements')),
    ...walk(path.join(dist, 'chunks')),
  ].filter((f) => f.endsWith('.js'));
}

export function buildZip(
  root = ROOT,
  kit = path.join(root, KIT_DIR),
  out = path.join(root, 'dist', `${SLUG}-wordpress.zip`),
): string {
  const plugin = path.join(root, PLUGIN_DIR);
  const files: {name: string; data: Buffer}[] = [];
  for (const full of walk(plugin)) {
    const rel = path.relative(plugin, full).split(path.sep).join('/');
    if (rel.startsWith('assets/kit/') || rel.endsWith('.mo')) continue;
    files.push({name: `${SLUG}/${rel}`, data: readFileSync(full)});
    if (rel.endsWith('.po'))
      files.push({
        name: `${SLUG}/${rel.replace(/\.po$/, '.mo')}`,
        data: compileMo(parsePo(readFileSync(full, 'utf8'))),
      });
  }
  for (const full of kitFiles(kit))
    files.push({
      name: `${SLUG}/assets/kit/${path.relative(kit, full).split(path.sep).join('/')}`,
      data: readFileSync(full),
    });
  mkdirSync(path.dirname(out), {recursive: true});
  writeFileSync(out, zip(files));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const changed = writeGenerated();
  console.log(
    changed.length ? `wordpress: regenerated ${changed.join(', ')}` : 'wordpress: blocks are up to date',
  );
  if (process.argv.includes('--zip')) {
    const out = buildZip();
    console.log(`wordpress: ${path.relative(ROOT, out)} (${(statSync(out).size / 1024).toFixed(1)} kB)`);
  }
}
