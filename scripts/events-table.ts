/**
 * Prints the event contract of every element as a Markdown table, from custom-elements.json (which the
 * manifest analyzer builds from each element's `@fires name - when. detail: {…}` JSDoc). Paste the output
 * into stories/docs/events.mdx: `npm run analyze && node --import tsx scripts/events-table.ts`.
 * `--check FILE` exits non-zero when FILE does not contain the current table.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';

interface ManifestEvent {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  events?: ManifestEvent[];
}
interface Manifest {
  modules: {declarations?: Declaration[]}[];
}

export interface EventRow {
  element: string;
  event: string;
  when: string;
  detail: string;
  cancelable: boolean;
}

/** Splits "Cancelable. When it fires. detail: {…}" into its parts. */
export function parseEvent(tag: string, event: ManifestEvent): EventRow {
  const text = (event.description ?? '').replace(/\s+/g, ' ').trim();
  const at = text.search(/\bdetail:\s*/);
  const detail = at < 0 ? '' : text.slice(at).replace(/^detail:\s*/, '');
  let when = (at < 0 ? text : text.slice(0, at)).trim();
  const cancelable = /^cancelable\b/i.test(when);
  when = when.replace(/^cancelable\s*[.:]?\s*/i, '').trim();
  if (when) when = when[0]!.toUpperCase() + when.slice(1);
  return {element: tag, event: event.name, when, detail, cancelable};
}

export function eventRows(manifest: Manifest): EventRow[] {
  const rows: EventRow[] = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      for (const e of d.events ?? []) rows.push(parseEvent(d.tagName, e));
    }
  }
  return rows.sort((a, b) => a.element.localeCompare(b.element));
}

/** Escapes table pipes everywhere, and MDX's `{` and `<` outside code spans (`\{` is plain Markdown too). */
const cell = (s: string) =>
  s
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[{}<>]/g, (c) => `\\${c}`)))
    .join('')
    .replace(/\|/g, '\\|');
const code = (s: string) => (s ? `\`${s.replace(/\|/g, '\\|')}\`` : '—');

/** The table, valid as GitHub Markdown and as MDX. */
export function eventsTable(rows: EventRow[]): string {
  const lines = [
    '| Element | Event | When | `detail` | Cancelable |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| \`<${r.element}>\` | \`${r.event}\` | ${cell(r.when)} | ${code(r.detail)} | ${r.cancelable ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('events-table.ts')) {
  const root = resolve(import.meta.dirname, '..');
  const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const table = eventsTable(eventRows(manifest));
  const check = process.argv.indexOf('--check');
  if (check >= 0) {
    const file = process.argv[check + 1]!;
    if (!readFileSync(resolve(root, file), 'utf8').includes(table)) {
      console.error(`${file} does not contain the current events table: run scripts/events-table.ts`);
      process.exit(1);
    }
  } else {
    console.log(table);
  }
}
