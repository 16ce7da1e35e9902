/**
 * One file per public event in src/events/ (name, detail type, event type, event-map entry), matching what the
 * elements document with `@fires` (custom-elements.json); each element's define.ts re-exports its events' types.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {ROOT, elements} from '../../scripts/registry.js';
import {ANALYTICS_EVENTS} from '../../src/analytics/events.js';

const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const eventType = (name: string) =>
  `Vtex${name
    .slice('vtex-'.length)
    .split('-')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('')}Event`;

/** tag → the events its JSDoc documents (`@fires`), from the manifest. */
function fired(): Map<string, string[]> {
  const manifest = JSON.parse(read('custom-elements.json')) as {
    modules: {declarations?: {tagName?: string; events?: {name: string}[]}[]}[];
  };
  const out = new Map<string, string[]>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (d.tagName)
      out.set(
        d.tagName,
        (d.events ?? []).map((e) => e.name),
      );
  }
  return out;
}

const eventFiles = readdirSync(resolve(ROOT, 'src/events'))
  .filter((f) => /^vtex-[\w-]+\.ts$/.test(f) && f !== 'vtex-event.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('src/events', () => {
  it('has one file per documented event, and no file for an event nothing fires', () => {
    const documented = new Set([...fired().values()].flat());
    assert.ok(documented.size >= 17, `${documented.size} documented events`);
    assert.deepEqual(eventFiles.toSorted(), [...documented].sort());
  });

  it('each file holds its detail type, its event type and its event-map entry', () => {
    for (const name of eventFiles) {
      const text = read(`src/events/${name}.ts`);
      const type = eventType(name);
      assert.match(text, /export (interface|type) \w+Detail\b/, `${name}: a detail type`);
      assert.match(text, new RegExp(`export type ${type} = VtexEvent<\\w+Detail>;`), `${name}: ${type}`);
      assert.match(
        text,
        new RegExp(`interface GlobalEventHandlersEventMap \\{\\n    '${name}': ${type};\\n  \\}`),
        `${name}: its GlobalEventHandlersEventMap entry`,
      );
    }
  });

  it('the index re-exports every event file', () => {
    const index = read('src/events/index.ts');
    for (const name of eventFiles) {
      assert.match(index, new RegExp(`from '\\./${name}\\.js';`), `src/events/index.ts has ${name}`);
    }
  });

  it("each element's define.ts re-exports the types of the events it fires, and declares no event map itself", () => {
    const byTag = fired();
    for (const n of elements()) {
      const define = read(`src/elements/${n}/define.ts`);
      const reexported = [
        ...define.matchAll(/^export type \{(\w+)\} from '\.\.\/\.\.\/events\/([\w-]+)\.js';$/gm),
      ];
      const events = byTag.get(`vtex-${n}`) ?? [];
      assert.deepEqual(
        reexported.map((m) => m[2]).sort(),
        events.toSorted(),
        `${n}/define.ts re-exports its events`,
      );
      for (const m of reexported) assert.equal(m[1], eventType(m[2]!));
      assert.doesNotMatch(
        define,
        /interface GlobalEventHandlersEventMap/,
        `${n}/define.ts leaves the event map to src/events`,
      );
    }
  });

  it('no module outside src/events adds to the event maps', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(resolve(ROOT, dir), {withFileTypes: true})) {
        const path = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.startsWith('src/events/')) {
          if (/interface (GlobalEventHandlers|HTMLElement)EventMap\b/.test(read(path))) offenders.push(path);
        }
      }
    };
    walk('src');
    assert.deepEqual(offenders, []);
  });

  it('analytics listens only to events that exist', () => {
    for (const name of ANALYTICS_EVENTS) assert.ok(eventFiles.includes(name), `${name} has its file`);
  });
});
