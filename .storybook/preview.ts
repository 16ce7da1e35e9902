import {setCustomElementsManifest, type Preview} from '@storybook/web-components-vite';
import {html} from 'lit';
import manifest from '../custom-elements.json';
import '../src/define.js';
import {argTypesFor, type Manifest} from './arg-types.js';
import {sandboxReady} from './sandbox-worker.js';
// @ts-expect-error Storybook compiles the MDX template; TypeScript has no module type for it.
import ElementDocs from './element-docs.mdx';

setCustomElementsManifest(manifest);

const themes: Record<string, string> = {
  light: '',
  dark: [
    '--vtex-color-text: #e6edf3',
    '--vtex-color-muted: #9da7b3',
    '--vtex-color-surface: #161b22',
    '--vtex-color-border: #3d444d',
    '--vtex-color-accent: #4493f8',
    '--vtex-color-accent-text: #0d1117',
    '--vtex-color-danger: #ff7b72',
    '--vtex-color-success: #3fb950',
    '--vtex-search-box-active: #1f2a37',
    '--vtex-cart-warning-color: #d29922',
    '--vtex-color-scheme: dark',
    'background: #0d1117',
    'color: #e6edf3',
  ].join(';'),
  brand: ['--vtex-color-accent: #b3261e', '--vtex-radius: 2px', '--vtex-font-family: Georgia, serif'].join(
    ';',
  ),
};

const PAGE = [
  'margin: 0',
  'font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'line-height: 1.5',
  'background: #fff',
  'color: #1f2328',
  'min-height: 100vh',
].join(';');

const preview: Preview = {
  loaders: [async () => ({sandbox: await sandboxReady})],
  globalTypes: {
    locale: {
      description: 'Shopper language',
      toolbar: {title: 'Locale', icon: 'globe', items: ['en', 'pt-BR', 'es'], dynamicTitle: true},
    },
    theme: {
      description: 'Design tokens (--vtex-*)',
      toolbar: {title: 'Theme', icon: 'paintbrush', items: Object.keys(themes), dynamicTitle: true},
    },
  },
  initialGlobals: {locale: 'en', theme: 'light'},
  decorators: [
    (story, {globals}) => {
      // The whole canvas is the page: a neutral sans-serif, like a CMS theme, and the theme's tokens on <body>
      // so a dark theme has no white frame.
      document.body.setAttribute('style', `${PAGE};${themes[globals.theme as string] ?? ''}`);
      return html`<div style="padding:1rem">
        <vtex-store api="" account="sandbox" locale=${globals.locale as string}>${story()}</vtex-store>
      </div>`;
    },
  ],
  parameters: {
    options: {storySort: {order: ['Docs', '*', 'More states']}},
    controls: {expanded: true},
    docs: {
      page: ElementDocs,
      extractArgTypes: (tag: string) => argTypesFor(manifest as unknown as Manifest, tag),
    },
    a11y: {test: 'error'},
  },
};

export default preview;
