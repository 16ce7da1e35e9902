import {posix} from 'node:path';
import {decode, encode} from '@jridgewell/sourcemap-codec';
import type {Plugin} from 'vite';

/** What the transform needs of a bundled chunk. */
export interface ChunkInfo {
  fileName: string;
  code: string;
  /** Its static imports, as file names in the output. */
  imports: readonly string[];
}

/** An insertion into a chunk's code: `text` at `offset`. */
interface Edit {
  offset: number;
  text: string;
}

const DYNAMIC_IMPORT = /import\(`(\.{1,2}\/[^`$]+\.js)`\)/g;
const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\n?$/;

/**
 * Issue 16: no waterfall of downloads when a page loads the kit in pieces. A browser learns a module's imports only
 * once it has that module, so each level of imports costs a round trip. After bundling:
 * - each chunk also imports every chunk its imports import (`import"./x.js";`, appended: imports are hoisted, so
 *   the browser fetches them all at once, and evaluates them in the same order as before, each once);
 * - each `import()` of a chunk starts that chunk's own imports at the same time (those the importer does not have
 *   already), so a part loaded on demand arrives in one round trip, not one per level.
 *
 * Returns the edits per file (offsets into the code); `applyEdits` applies them to the code and its source map.
 */
export function flattenImports(chunks: readonly ChunkInfo[]): Map<string, Edit[]> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    for (const i of byName.get(file)?.imports ?? [])
      if (!seen.has(i)) {
        seen.add(i);
        closure(i, seen);
      }
    return seen;
  };
  const relative = (from: string, to: string) => {
    const r = posix.relative(posix.dirname(from), to);
    return r.startsWith('.') ? r : `./${r}`;
  };
  const edits = new Map<string, Edit[]>();
  for (const c of chunks) {
    const list: Edit[] = [];
    const has = closure(c.fileName);
    for (const m of c.code.matchAll(DYNAMIC_IMPORT)) {
      const target = posix.join(posix.dirname(c.fileName), m[1]!);
      if (!byName.has(target)) continue;
      const deps = [...closure(target)].filter((f) => f !== c.fileName && !has.has(f)).sort();
      if (!deps.length) continue;
      const urls = JSON.stringify(deps.map((d) => relative(c.fileName, d)));
      list.push({offset: m.index, text: `(${urls}.map(u=>import(u).catch(()=>0)),`});
      list.push({offset: m.index + m[0].length, text: ')'});
    }
    const indirect = [...has].filter((f) => !c.imports.includes(f)).sort();
    if (indirect.length) {
      const end = c.code.match(MAP_COMMENT)?.index ?? c.code.length;
      const text = indirect.map((f) => `import${JSON.stringify(relative(c.fileName, f))};`).join('');
      list.push({offset: end, text: c.code[end - 1] === '\n' || end === 0 ? text : `\n${text}`});
    }
    if (list.length) edits.set(c.fileName, list);
  }
  return edits;
}

/** Applies `edits` to `code` and shifts the generated columns of `mappings` (a source map's) to match. */
export function applyEdits(
  code: string,
  mappings: string,
  edits: readonly Edit[],
): {code: string; mappings: string} {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const decoded = decode(mappings);
  // Line and column of each edit in the original code.
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const where = (offset: number) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > offset) line--;
    return {line, column: offset - lineStarts[line]!};
  };
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += code.slice(at, e.offset) + e.text;
    at = e.offset;
  }
  out += code.slice(at);
  // Columns after an edit on its line move right by its length; an edit holding line breaks moves nothing here,
  // because the only one (the appended imports) comes after every mapped character.
  for (const e of [...sorted].reverse()) {
    if (e.text.includes('\n')) continue;
    const {line, column} = where(e.offset);
    for (const seg of decoded[line] ?? []) if (seg[0] >= column) seg[0] += e.text.length;
  }
  return {code: out, mappings: encode(decoded)};
}

/** The build step (both builds): see `flattenImports`. */
export function flattenImportsPlugin(): Plugin {
  return {
    name: 'vtex-flatten-imports',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      for (const [file, edits] of flattenImports(chunks)) {
        const chunk = bundle[file];
        if (chunk?.type !== 'chunk') continue;
        // The map is written from its asset when there is one (Rolldown), else from the chunk (Rollup).
        const asset = bundle[`${file}.map`];
        const written = asset?.type === 'asset' ? JSON.parse(String(asset.source)) : chunk.map;
        const result = applyEdits(chunk.code, written?.mappings ?? '', edits);
        chunk.code = result.code;
        if (written) written.mappings = result.mappings;
        if (chunk.map && chunk.map !== written) chunk.map.mappings = result.mappings;
        if (asset?.type === 'asset') asset.source = JSON.stringify(written);
      }
    },
  };
}
