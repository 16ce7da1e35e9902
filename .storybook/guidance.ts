/**
 * Usage guidance on each element's docs page (Polaris and Spectrum are the models): do and don't, content rules
 * and a keyboard table. Each story file sets it on its meta as `parameters: {guidance}`; the docs template
 * (element-docs.mdx) renders it with the block below. Text in `backticks` is shown as code.
 */
import {useOf} from '@storybook/addon-docs/blocks';
import {createElement as h, type CSSProperties, type ReactNode} from 'react';

export interface Guidance {
  /** 3–5 things to do, specific to the element. */
  do: string[];
  /** 3–5 things to avoid, each with the reason. */
  dont: string[];
  /** What text and attributes the author controls, and how to write them. */
  content: string[];
  /** Keys → what happens, as the element actually behaves (its code and its tests). */
  keyboard: [keys: string, action: string][];
}

/** `code` spans in a sentence. */
function rich(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 ? h('code', {key: i}, part) : part));
}

/** "Shift + Tab" → <kbd>Shift</kbd> + <kbd>Tab</kbd>; "↑ / ↓" → <kbd>↑</kbd> / <kbd>↓</kbd>; "(…)" stays text. */
function keys(text: string): ReactNode[] {
  const [combo = '', context] = text.split(/ (?=\()/);
  const parts = combo
    .split(/( \+ | \/ )/)
    .map((part, i) => (i % 2 ? part : h('kbd', {key: i, style: kbd}, part)));
  return context ? [...parts, ' ', h('span', {key: 'context', style: muted}, context)] : parts;
}

const columns: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
  gap: '0 2rem',
};
const column = (colour: string): CSSProperties => ({borderTop: `4px solid ${colour}`, marginTop: '1rem'});
const mark: CSSProperties = {marginInlineEnd: '0.4em'};
const kbd: CSSProperties = {
  display: 'inline-block',
  padding: '0 0.45em',
  border: '1px solid #d0d7de',
  borderBottomWidth: 2,
  borderRadius: 4,
  background: '#f6f8fa',
  color: '#1f2328',
  font: 'inherit',
  fontSize: '0.9em',
  lineHeight: 1.6,
  whiteSpace: 'nowrap',
};
const muted: CSSProperties = {color: '#57606a'};
const left: CSSProperties = {textAlign: 'left'};
const rowHeader: CSSProperties = {textAlign: 'left', fontWeight: 'normal', minWidth: '12rem'};

function list(items: string[]): ReactNode {
  return h(
    'ul',
    null,
    items.map((item, i) => h('li', {key: i}, ...rich(item))),
  );
}

/** Renders the meta's `parameters.guidance`; nothing when the element has none. */
export function GuidanceBlock(): ReactNode {
  const {preparedMeta} = useOf('meta', ['meta']);
  const g = preparedMeta.parameters.guidance as Guidance | undefined;
  if (!g) return null;
  const tag = String(preparedMeta.component ?? preparedMeta.title);
  return h(
    'div',
    {className: 'vtex-guidance'},
    h('h2', {id: 'usage'}, 'Usage'),
    h(
      'div',
      {style: columns},
      h(
        'section',
        {'aria-labelledby': 'usage-do', style: column('#1a7f37')},
        h(
          'h3',
          {id: 'usage-do'},
          h('span', {'aria-hidden': true, style: {...mark, color: '#1a7f37'}}, '✓'),
          'Do',
        ),
        list(g.do),
      ),
      h(
        'section',
        {'aria-labelledby': 'usage-dont', style: column('#cf222e')},
        h(
          'h3',
          {id: 'usage-dont'},
          h('span', {'aria-hidden': true, style: {...mark, color: '#cf222e'}}, '✕'),
          "Don't",
        ),
        list(g.dont),
      ),
    ),
    h(
      'section',
      {'aria-labelledby': 'usage-content'},
      h('h3', {id: 'usage-content'}, 'Content'),
      list(g.content),
    ),
    h(
      'section',
      {'aria-labelledby': 'usage-keyboard'},
      h('h2', {id: 'usage-keyboard'}, 'Keyboard'),
      h(
        'table',
        null,
        h(
          'caption',
          {style: {...left, ...muted, paddingBlock: '0.5rem'}},
          `Keys that `,
          h('code', null, `<${tag}>`),
          ` responds to, and what they do`,
        ),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', {scope: 'col', style: left}, 'Key'),
            h('th', {scope: 'col', style: left}, 'What happens'),
          ),
        ),
        h(
          'tbody',
          null,
          g.keyboard.map(([k, action], i) =>
            h(
              'tr',
              {key: i},
              h('th', {scope: 'row', style: rowHeader}, ...keys(k)),
              h('td', null, ...rich(action)),
            ),
          ),
        ),
      ),
    ),
  );
}
