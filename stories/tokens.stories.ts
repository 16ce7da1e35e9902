import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import {styleMap} from 'lit/directives/style-map.js';
import {hostStyles} from '../src/internal/styles.js';
import '../src/elements/product/define.js';
import '../src/elements/cart-button/define.js';
import '../src/elements/login-button/define.js';
import '../src/elements/search-box/define.js';

interface Token {
  name: string;
  /** The literal the kit falls back to when the page sets nothing. */
  value: string;
}

/**
 * Every `--vtex-*` token a stylesheet reads, with its default: `var(--vtex-x, default)`, the default read up to its
 * matching parenthesis (`rgb(0 0 0 / 0.45)` stays whole). The tokens come from the kit's own CSS, so this page
 * cannot drift from it.
 */
function tokensOf(cssText: string): Token[] {
  const out = new Map<string, string>();
  for (const m of cssText.matchAll(/var\(\s*(--vtex-[\w-]+)\s*,/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < cssText.length && depth > 0; i++) {
      if (cssText[i] === '(') depth++;
      else if (cssText[i] === ')') depth--;
    }
    if (!out.has(m[1]!)) out.set(m[1]!, cssText.slice(start, i - 1).trim());
  }
  return [...out].map(([name, value]) => ({name, value}));
}

const GLOBAL = tokensOf(hostStyles.cssText);
/** The kit's private aliases of the global tokens (`--_accent: var(--vtex-color-accent, …)`), shown by their public name. */
const ALIASES = new Map(
  [...hostStyles.cssText.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*(--vtex-[\w-]+)/g)].map((m) => [m[1]!, m[2]!]),
);
const publicName = (value: string) =>
  value.replace(/var\((--_[\w-]+)\)/g, (all, alias: string) =>
    ALIASES.has(alias) ? `var(${ALIASES.get(alias)})` : all,
  );
const isColor = (t: Token) => t.name.startsWith('--vtex-color-');
const arg = (t: Token) => t.name.slice('--vtex-'.length);

const ELEMENTS = [
  'vtex-product-grid',
  'vtex-product',
  'vtex-search-box',
  'vtex-cart',
  'vtex-cart-button',
  'vtex-checkout',
  'vtex-login-button',
  'vtex-order-history',
];

/** Each element's own tokens (those not global), from its registered class's styles. */
function elementTokens(): {tag: string; tokens: Token[]}[] {
  const global = new Set(GLOBAL.map((t) => t.name));
  return ELEMENTS.map((tag) => {
    const cls = customElements.get(tag) as unknown as {elementStyles?: {cssText?: string}[]} | undefined;
    const css = (cls?.elementStyles ?? []).map((s) => s.cssText ?? '').join('\n');
    return {
      tag,
      tokens: tokensOf(css)
        .filter((t) => !global.has(t.name))
        .map((t) => ({...t, value: publicName(t.value)})),
    };
  }).filter((e) => e.tokens.length);
}

const page = `
  .tb { display: grid; gap: 1.5rem; max-width: 64rem; }
  .tb h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
  .tb code { font-size: .85em; }
  .swatches { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem; list-style: none; padding: 0; margin: 0; }
  .swatch { display: flex; gap: .75rem; align-items: center; }
  .chip { inline-size: 2.5rem; block-size: 2.5rem; border-radius: 6px; border: 1px solid #8c959f; flex: none; }
  .scale { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
  .box { background: #ddf4ff; border: 1px solid #54aeff; }
  .preview { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; align-items: start;
    padding: 1rem; border: 1px dashed #8c959f; border-radius: 8px; background: var(--vtex-color-surface, #fff); }
  .header { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
  table { border-collapse: collapse; font-size: .9rem; }
  th, td { text-align: start; padding: .25rem .75rem .25rem 0; border-bottom: 1px solid #d0d7de; vertical-align: top; }
`;

/**
 * The kit's design tokens, seen: colour swatches, the radius and spacing scale and type, each with its name and
 * default, above a live preview of real elements. Change a token in the Controls panel and the swatches and the
 * elements change with it; copy the CSS below the preview into the page's stylesheet.
 */
const meta: Meta = {
  title: 'Docs/Theme builder',
  parameters: {layout: 'padded', controls: {expanded: true}},
  args: Object.fromEntries(GLOBAL.map((t) => [arg(t), t.value])),
  argTypes: Object.fromEntries(
    GLOBAL.map((t) => [
      arg(t),
      {
        name: t.name,
        description: `Default \`${t.value}\``,
        control: isColor(t) ? {type: 'color'} : {type: 'text'},
        table: {category: isColor(t) ? 'Colour' : 'Shape and type'},
      },
    ]),
  ),
};
export default meta;

type Story = StoryObj;

export const Tokens: Story = {
  render: (args) => {
    const style: Record<string, string> = {};
    for (const t of GLOBAL) {
      const v = String(args[arg(t)] ?? '').trim();
      if (v && v !== t.value) style[t.name] = v;
    }
    const changed = Object.entries(style);
    const swatch = (t: Token) =>
      html`<li class="swatch">
        <span class="chip" style="background: var(${t.name}, ${t.value})"></span>
        <span
          ><code>${t.name}</code><br /><small>default <code>${t.value}</code></small></span
        >
      </li>`;
    return html`<style>
        ${page}
      </style>
      <div class="tb" style=${styleMap(style)} data-testid="theme-builder">
        <section aria-labelledby="tb-colours">
          <h2 id="tb-colours">Colour</h2>
          <ul class="swatches">
            ${GLOBAL.filter(isColor).map(swatch)}
          </ul>
        </section>
        <section aria-labelledby="tb-shape">
          <h2 id="tb-shape">Radius, spacing and type</h2>
          <div class="scale">
            <div>
              <div
                class="box"
                style="inline-size:4rem;block-size:4rem;border-radius:var(--vtex-radius, 8px)"
              ></div>
              <small><code>--vtex-radius</code></small>
            </div>
            <div>
              <div class="box" style="padding:var(--vtex-space, 1rem)">
                <div class="box" style="inline-size:1rem;block-size:1rem"></div>
              </div>
              <small><code>--vtex-space</code></small>
            </div>
            <p
              style="font-family:var(--vtex-font-family, inherit);font-size:var(--vtex-font-size, 1rem);margin:0"
            >
              Camiseta básica — R$ 59,90<br /><small
                ><code>--vtex-font-family</code>, <code>--vtex-font-size</code></small
              >
            </p>
          </div>
        </section>
        <section aria-labelledby="tb-preview">
          <h2 id="tb-preview">Live preview</h2>
          <div class="preview">
            <div class="header">
              <vtex-search-box></vtex-search-box>
              <vtex-cart-button></vtex-cart-button>
              <vtex-login-button></vtex-login-button>
            </div>
            <vtex-product slug="camiseta-basica-algodao"></vtex-product>
          </div>
          ${
            changed.length
              ? html`<p>Your theme, for the page's stylesheet:</p>
                  <pre><code>:root {
${changed.map(([k, v]) => `  ${k}: ${v};\n`).join('')}}</code></pre>`
              : html`<p>Change a token in the Controls panel to see it here, with the CSS to copy.</p>`
          }
        </section>
        <section aria-labelledby="tb-elements">
          <h2 id="tb-elements">Element tokens</h2>
          <table>
            <caption style="text-align:start;caption-side:top">
              Tokens each element adds, with their defaults
            </caption>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Token</th>
                <th scope="col">Default</th>
              </tr>
            </thead>
            <tbody>
              ${elementTokens().map(({tag, tokens}) =>
                tokens.map(
                  (t, i) =>
                    html`<tr>
                      ${i === 0 ? html`<th scope="row" rowspan=${tokens.length}><code>&lt;${tag}&gt;</code></th>` : nothing}
                      <td><code>${t.name}</code></td>
                      <td><code>${t.value}</code></td>
                    </tr>`,
                ),
              )}
            </tbody>
          </table>
        </section>
      </div>`;
  },
};
