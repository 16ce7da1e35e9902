import type {StorybookConfig} from '@storybook/web-components-vite';
import {fileURLToPath} from 'node:url';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: [
    // GitHub-flavoured Markdown in MDX: the token, parts and event tables render as tables, not pipes.
    {
      name: '@storybook/addon-docs',
      options: {mdxPluginOptions: {mdxCompileOptions: {remarkPlugins: [remarkGfm]}}},
    },
    '@storybook/addon-a11y',
  ],
  framework: {name: '@storybook/web-components-vite', options: {}},
  staticDirs: ['../public'],
  core: {disableTelemetry: true, disableWhatsNewNotifications: true},
  // Stories share test/browser/sandbox.ts with the browser tests; web-test-runner's server commands exist only
  // under the test runner, so Storybook gets a stand-in that says so.
  viteFinal: (vite) => {
    const stub = {
      find: '@web/test-runner-commands',
      replacement: fileURLToPath(new URL('./no-test-runner.ts', import.meta.url)),
    };
    const alias = vite.resolve?.alias;
    const aliases = Array.isArray(alias)
      ? [...alias, stub]
      : [...Object.entries(alias ?? {}).map(([find, replacement]) => ({find, replacement})), stub];
    return {...vite, resolve: {...vite.resolve, alias: aliases}};
  },
};

export default config;
