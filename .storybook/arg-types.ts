/**
 * Storybook controls from custom-elements.json, one per attribute, with the widget its type calls for: a select
 * for a union of string literals (`'inline' | 'drawer'`), a toggle for a boolean, a number field for a number, a
 * text field for a string. Events, slots, CSS parts and custom properties are listed without a control.
 */
import type {ArgTypes} from '@storybook/web-components-vite';

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: {text: string};
}
interface Declaration {
  tagName?: string;
  description?: string;
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
export interface Manifest {
  modules: {declarations?: Declaration[]}[];
}

/** The control for a manifest type text. */
export function controlOf(typeText = 'string'): {
  type: Record<string, unknown>;
  control: Record<string, unknown>;
} {
  const parts = typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  const literals = parts.filter((p) => /^'[^']*'$/.test(p)).map((p) => p.slice(1, -1));
  if (literals.length && literals.length === parts.length) {
    return {
      type: {name: 'enum', value: literals},
      control: {type: literals.length <= 3 ? 'radio' : 'select'},
    };
  }
  if (parts.length === 1 && parts[0] === 'boolean')
    return {type: {name: 'boolean'}, control: {type: 'boolean'}};
  if (parts.length === 1 && parts[0] === 'number') return {type: {name: 'number'}, control: {type: 'number'}};
  return {type: {name: 'string'}, control: {type: 'text'}};
}

export function argTypesFor(manifest: Manifest, tag: string): ArgTypes {
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!decl) return {};
  const out: ArgTypes = {};
  for (const a of decl.attributes ?? []) {
    const {type, control} = controlOf(a.type?.text);
    out[a.name] = {
      name: a.name,
      description: a.description,
      type: type as never,
      control: control as never,
      table: {
        category: 'attributes',
        type: {summary: a.type?.text ?? 'string'},
        defaultValue: a.default === undefined ? undefined : {summary: a.default},
      },
    };
  }
  const listed = (items: Item[] | undefined, category: string) => {
    for (const i of items ?? []) {
      out[`${category}:${i.name}`] = {
        name: i.name,
        description: i.description,
        control: false,
        table: {category, defaultValue: i.default === undefined ? undefined : {summary: i.default}},
      };
    }
  };
  listed(decl.events, 'events');
  listed(decl.slots, 'slots');
  listed(decl.cssParts, 'css shadow parts');
  listed(decl.cssProperties, 'css custom properties');
  return out;
}
