import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {decode} from '@jridgewell/sourcemap-codec';
import {applyEdits, flattenImports, type ChunkInfo} from '../../scripts/vite-flatten-imports.js';

/** A small output: an entry importing core and a chunk that imports two more; the chunk loads a part on demand. */
const CHUNKS: ChunkInfo[] = [
  {
    fileName: 'elements/cart.js',
    imports: ['chunks/core.js', 'chunks/cart.js'],
    code: 'import{t}from"../chunks/core.js";import{c}from"../chunks/cart.js";t(`vtex-cart`,c);\n//# sourceMappingURL=cart.js.map',
  },
  {
    fileName: 'chunks/cart.js',
    imports: ['chunks/core.js', 'chunks/postal.js', 'chunks/repeat.js'],
    code: 'import"./core.js";import"./postal.js";import"./repeat.js";var c=1,l=()=>import(`./detail.js`),m=()=>import(`./cart.messages.pt-BR.js`);export{c};',
  },
  {fileName: 'chunks/core.js', imports: [], code: 'export var t=1;'},
  {fileName: 'chunks/postal.js', imports: ['chunks/core.js'], code: 'import"./core.js";'},
  {fileName: 'chunks/repeat.js', imports: ['chunks/core.js'], code: 'import"./core.js";'},
  {
    fileName: 'chunks/detail.js',
    imports: ['chunks/core.js', 'chunks/money.js'],
    code: 'import"./core.js";import"./money.js";',
  },
  {fileName: 'chunks/money.js', imports: ['chunks/core.js', 'chunks/format.js'], code: ''},
  {fileName: 'chunks/format.js', imports: [], code: ''},
  {fileName: 'chunks/cart.messages.pt-BR.js', imports: [], code: 'export default{}'},
];

function flattened(file: string): string {
  const chunk = CHUNKS.find((c) => c.fileName === file)!;
  const edits = flattenImports(CHUNKS).get(file) ?? [];
  return applyEdits(chunk.code, '', edits).code;
}

describe('build: imports flattened (scripts/vite-flatten-imports.ts)', () => {
  it('an entry also imports what its imports import, after its own imports and before the source map comment', () => {
    assert.equal(
      flattened('elements/cart.js'),
      'import{t}from"../chunks/core.js";import{c}from"../chunks/cart.js";t(`vtex-cart`,c);\n' +
        'import"../chunks/postal.js";import"../chunks/repeat.js";\n//# sourceMappingURL=cart.js.map',
    );
  });

  it("an import() starts the part's own imports at once, except those the importer has already", () => {
    assert.equal(
      flattened('chunks/cart.js'),
      'import"./core.js";import"./postal.js";import"./repeat.js";var c=1,' +
        'l=()=>(["./format.js","./money.js"].map(u=>import(u).catch(()=>0)),import(`./detail.js`)),' +
        'm=()=>import(`./cart.messages.pt-BR.js`);export{c};',
    );
  });

  it('leaves alone a chunk whose imports are all direct and whose parts have nothing more to fetch', () => {
    const edits = flattenImports(CHUNKS);
    assert.deepEqual([...edits.keys()].sort(), ['chunks/cart.js', 'chunks/detail.js', 'elements/cart.js']);
    assert.equal(
      flattened('chunks/detail.js'),
      'import"./core.js";import"./money.js";\nimport"./format.js";',
    );
  });

  it('keeps the source map: columns after an insertion move by its length, earlier ones and other lines stay', () => {
    const code = 'a;import(`./x.js`);b;\nc;';
    // Segments: [generated column, source, line, column]: "a" at 0, "b" at 19, "c" on the next line at 0.
    const mappings = 'AAAA,mBAAC;AACD';
    const before = decode(mappings);
    assert.deepEqual(before, [
      [
        [0, 0, 0, 0],
        [19, 0, 0, 1],
      ],
      [[0, 0, 1, 0]],
    ]);
    const out = applyEdits(code, mappings, [
      {offset: 2, text: '(P,'},
      {offset: 18, text: ')'},
    ]);
    assert.equal(out.code, 'a;(P,import(`./x.js`));b;\nc;');
    assert.equal(out.code.indexOf('b;'), 23);
    assert.deepEqual(decode(out.mappings), [
      [
        [0, 0, 0, 0],
        [23, 0, 0, 1],
      ],
      [[0, 0, 1, 0]],
    ]);
  });
});
