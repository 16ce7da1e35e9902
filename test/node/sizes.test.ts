import assert from 'node:assert/strict';
import {test} from 'node:test';
import {build} from 'esbuild';
import {exemptFromWholeKit, sourceOfEachChar} from '../../scripts/sizes.js';

test('the source map attribution gives each generated character the source it came from', async () => {
  const files: Record<string, string> = {
    'entry.ts': `import {alpha} from './a'; import {beta} from './b'; console.log(alpha(), beta());`,
    'a.ts': `export const alpha = () => 'ALPHA-' + 'x'.repeat(40);`,
    'b.ts': `export function beta() { return ['BETA', 'BETA', 'BETA'].join('|'); }`,
  };
  const out = await build({
    stdin: {contents: files['entry.ts']!, resolveDir: '/virtual', sourcefile: 'entry.ts', loader: 'ts'},
    bundle: true,
    minify: true,
    format: 'esm',
    sourcemap: 'external',
    outfile: '/virtual/out.js',
    write: false,
    plugins: [
      {
        name: 'virtual',
        setup(b) {
          b.onResolve({filter: /^\.\//}, (a) => ({path: `${a.path.slice(2)}.ts`, namespace: 'v'}));
          b.onLoad({filter: /.*/, namespace: 'v'}, (a) => ({contents: files[a.path], loader: 'ts'}));
        },
      },
    ],
  });
  const code = out.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const map = JSON.parse(out.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as {
    sources: string[];
    mappings: string;
  };
  const owner = sourceOfEachChar(code, map.mappings);
  assert.equal(owner.length, code.length);
  const from = (needle: string) => map.sources[owner[code.indexOf(needle)]!];
  assert.match(from('ALPHA-')!, /a\.ts$/);
  assert.match(from('BETA')!, /b\.ts$/);
  assert.match(from('console.log')!, /entry\.ts$/);
});

test('only the sanitizer and the language packs are exempt from the whole-kit budget', () => {
  assert.ok(exemptFromWholeKit('/dist/cdn/purify.es-CRJ3nKE9.js'));
  assert.ok(exemptFromWholeKit('/dist/cdn/checkout.messages.pt-BR-JsIr1P1v.js'));
  assert.ok(exemptFromWholeKit('/dist/cdn/cart.messages.es-CqT_CCjh.js'));
  assert.ok(exemptFromWholeKit('/dist/cdn/cart.messages.en-CqT_CCjh.js'));
  assert.ok(exemptFromWholeKit('/dist/cdn/common.pt-BR-CqT_CCjh.js'));
  assert.ok(exemptFromWholeKit('/dist/cdn/messages-pt-BR-YgW3KPaZ.js'));
  assert.ok(exemptFromWholeKit('/dist/cdn/messages-es-D530ZLQj.js'));
  assert.ok(!exemptFromWholeKit('/dist/cdn/messages-DGWfIr63.js'));
  assert.ok(!exemptFromWholeKit('/dist/cdn/analytics-BUrbKIaK.js'));
  assert.ok(!exemptFromWholeKit('/dist/cdn/catalog.messages-DGWfIr63.js'));
  assert.ok(!exemptFromWholeKit('/dist/cdn/checkout.messages.pt-BR-JsIr1P1v.js.map'));
});
