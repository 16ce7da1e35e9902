import type {StorybookConfig} from '@storybook/web-components-vite';
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
};

export default config;
