import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PAGES, pageLimits, pagesChart, pagesTable, type PageSize} from '../../scripts/pages.js';

const sizes: PageSize[] = PAGES.map((page, i) => ({
  page,
  files: new Map([['loader.js', 500]]),
  gzip: (10 + 10 * i) * 1024,
}));
const peers = [
  {name: 'Commerce Layer drop-in.js', gzip: 47 * 1024},
  {name: 'Shopify Buy Button', gzip: 57.7 * 1024},
];

test('every page of issue 16 has a CI ceiling', () => {
  assert.deepEqual(PAGES.map((p) => p.name).sort(), Object.keys(pageLimits()).sort());
});

test("the per-page table puts the peers' whole bundle in every row and says which pages meet their target", () => {
  const rows = pagesTable(sizes, peers).split('\n').slice(2);
  assert.equal(rows.length, PAGES.length);
  for (const r of rows) assert.match(r, /\| 47\.0 kB \| 57\.7 kB \|$/);
  assert.match(rows[0]!, /^\| header \|.*\| 10\.0 kB \(1 files\) \| ≤ 12\.0 kB — meets \|/);
  assert.match(rows[1]!, /^\| listing \|.*\| 20\.0 kB .*\| ≤ 30\.0 kB — meets \|/);
  assert.match(rows[5]!, /^\| whole kit \|.*\| 60\.0 kB .*\| ≤ 47\.0 kB — \*\*over\*\* \|/);
});

test('the chart has a bar per page and a line per peer', () => {
  const svg = pagesChart(sizes, peers);
  assert.match(svg, /^<svg /);
  assert.equal(svg.match(/<title>now: /g)?.length, PAGES.length);
  assert.equal(svg.match(/stroke-dasharray/g)?.length, peers.length);
  assert.match(svg, /Shopify Buy Button 57\.7 kB/);
});
