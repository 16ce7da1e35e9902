/**
 * Editor autocomplete from the Custom Elements Manifest (`custom-elements.json`):
 * - `dist/vscode.html-custom-data.json` — VS Code HTML custom data (`html.customData`): tags with their
 *   description, attributes with description and, for string-literal unions, their values;
 * - `dist/web-types.json` — JetBrains web-types (plain HTML elements with attributes, events, slots and CSS
 *   parts/properties), referenced from package.json's `"web-types"`.
 *
 * Run by `npm run build` (after vite, which empties dist/). `node --import tsx scripts/editor-data.ts [out-dir]`.
 */
import {mkdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface CemType {
  text: string;
}
interface CemAttribute {
  name: string;
  type?: CemType;
  default?: string;
  description?: string;
  fieldName?: string;
  deprecated?: boolean | string;
}
interface CemNamed {
  name: string;
  description?: string;
  default?: string;
  type?: CemType;
}
interface CemDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  summary?: string;
  attributes?: CemAttribute[];
  events?: CemNamed[];
  slots?: CemNamed[];
  cssParts?: CemNamed[];
  cssProperties?: CemNamed[];
  deprecated?: boolean | string;
}
interface CemModule {
  path: string;
  declarations?: CemDeclaration[];
}
export interface Manifest {
  modules: CemModule[];
}

export interface ElementInfo {
  tag: string;
  className: string;
  module: string;
  description: string;
  attributes: {
    name: string;
    description: string;
    type: string;
    default?: string;
    values?: string[];
    boolean: boolean;
  }[];
  events: CemNamed[];
  slots: CemNamed[];
  cssParts: CemNamed[];
  cssProperties: CemNamed[];
}

/** `'a' | 'b'` → ['a', 'b']; undefined when the type is not a union of string literals (undefined allowed). */
export function literalValues(type: string): string[] | undefined {
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  if (!parts.length) return undefined;
  const values: string[] = [];
  for (const p of parts) {
    const m = /^(['"])(.*)\1$/.exec(p);
    if (!m) return undefined;
    values.push(m[2]!);
  }
  return values;
}

/** Resolves a type alias (`PaginationMode`) declared in the element's module to its text. */
function resolveAlias(type: string, modulePath: string, root: string): string {
  const name = type.replace(/\s*\|\s*undefined$/, '').trim();
  if (!/^[A-Z][A-Za-z0-9_]*$/.test(name)) return type;
  const file = path.join(root, modulePath);
  if (!existsSync(file)) return type;
  const source = readFileSync(file, 'utf8');
  const m = new RegExp(`type\\s+${name}\\s*=\\s*([^;]+);`).exec(source);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : type;
}

/** The custom elements of a manifest, sorted by tag. */
export function elementsOf(manifest: Manifest, root = ROOT): ElementInfo[] {
  const out: ElementInfo[] = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      out.push({
        tag: d.tagName,
        className: d.name,
        module: mod.path,
        description: (d.description || d.summary || '').trim(),
        attributes: (d.attributes ?? []).map((a) => {
          const raw = a.type?.text ?? 'string';
          const type = resolveAlias(raw, mod.path, root);
          return {
            name: a.name,
            description: (a.description ?? '').trim(),
            type,
            default: a.default,
            values: literalValues(type),
            boolean: type === 'boolean',
          };
        }),
        events: d.events ?? [],
        slots: d.slots ?? [],
        cssParts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

const unquote = (s: string | undefined) => s?.replace(/^(['"])(.*)\1$/, '$2');

function attrDescription(a: ElementInfo['attributes'][number]): string {
  const extra = [`Type: \`${a.type}\``, a.default !== undefined ? `default \`${unquote(a.default)}\`` : ''];
  return [a.description, extra.filter(Boolean).join(', ')].filter(Boolean).join('\n\n');
}

export function vscodeCustomData(elements: ElementInfo[], docsUrl?: string) {
  return {
    $schema:
      'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((e) => ({
      name: e.tag,
      description: [
        e.description,
        e.events.length ? `**Events:** ${e.events.map((v) => `\`${v.name}\``).join(', ')}` : '',
        e.slots.length ? `**Slots:** ${e.slots.map((s) => `\`${s.name || '(default)'}\``).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      attributes: e.attributes.map((a) => ({
        name: a.name,
        description: attrDescription(a),
        ...(a.values ? {values: a.values.map((name) => ({name}))} : a.boolean ? {valueSet: 'v'} : {}),
      })),
      ...(docsUrl ? {references: [{name: 'Documentation', url: `${docsUrl}#${e.tag}`}]} : {}),
    })),
  };
}

export function webTypes(elements: ElementInfo[], pkg: {name: string; version: string}) {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((e) => ({
          name: e.tag,
          description: e.description,
          // The class is exported by the package root; `vtex-elements/<name>` registers the tag.
          source: {module: pkg.name, symbol: e.className},
          attributes: e.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default !== undefined ? {default: unquote(a.default)} : {}),
            value: a.boolean
              ? {type: 'boolean', required: false}
              : {type: a.type.replace(/\s*\|\s*undefined$/, ''), kind: 'plain'},
            ...(a.values ? {values: a.values.map((name) => ({name}))} : {}),
          })),
          events: e.events.map((v) => ({name: v.name, description: v.description ?? ''})),
          slots: e.slots.map((s) => ({name: s.name, description: s.description ?? ''})),
          css: {
            parts: e.cssParts.map((p) => ({name: p.name, description: p.description ?? ''})),
            properties: e.cssProperties.map((p) => ({name: p.name, description: p.description ?? ''})),
          },
        })),
      },
    },
  };
}

export function generate(outDir = path.join(ROOT, 'dist'), root = ROOT): ElementInfo[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const elements = elementsOf(manifest, root);
  if (!elements.length)
    throw new Error('custom-elements.json lists no custom elements (run `npm run analyze`)');
  mkdirSync(outDir, {recursive: true});
  writeFileSync(
    path.join(outDir, 'vscode.html-custom-data.json'),
    JSON.stringify(vscodeCustomData(elements), null, 2) + '\n',
  );
  writeFileSync(path.join(outDir, 'web-types.json'), JSON.stringify(webTypes(elements, pkg), null, 2) + '\n');
  return elements;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const elements = generate(out);
  console.log(
    `editor data: ${elements.length} elements → dist/vscode.html-custom-data.json, dist/web-types.json`,
  );
}
