import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

// Layers that must stay free of the DOM and of Lit (ARCHITECTURE.md): client, state, i18n, bridge, sandbox.
const noDomLayers = [
  'src/domain/**/*.ts',
  'src/client/**/*.ts',
  'src/state/**/*.ts',
  'src/i18n/**/*.ts',
  'src/bridge/**/*.ts',
  'src/sandbox/**/*.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'node_modules/',
      'custom-elements.json',
      'public/',
      '.tmp/',
      'coverage/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: {lit, wc, 'lit-a11y': litA11y},
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'wc/guard-super-call': 'off',
      'no-restricted-syntax': [
        'error',
        {selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.'},
      ],
    },
  },
  {
    // Elements render and call the actions of src/state; the VTEX client is called only below them.
    files: ['src/elements/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.stories.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.'},
        {
          selector:
            'MemberExpression[property.name=/^(catalog|checkout|account|session)$/][object.name=/client$/i]',
          message: 'Elements do not call the VTEX client: call (or add) an action in src/state.',
        },
        {
          selector:
            "MemberExpression[property.name=/^(catalog|checkout|account|session)$/][object.property.name='client']",
          message: 'Elements do not call the VTEX client: call (or add) an action in src/state.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/state/cart-store.js'],
              importNames: ['inCartQueue'],
              message: "The cart's write queue is for the actions in src/state.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests walk untyped JSON from the API and use chai's property assertions.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off'},
  },
  {
    files: noDomLayers,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {group: ['lit', 'lit/*', '@lit/*'], message: 'This layer must not depend on Lit.'},
            {
              group: [
                '**/elements/**',
                '**/controllers/**',
                '**/context/**',
                '**/internal/**',
                '**/analytics/**',
              ],
              message: 'Dependencies point down only (test/node/layers.test.ts checks the whole graph).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bridge/**/*.ts', 'src/sandbox/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'http', 'path', 'crypto'],
              message: 'Fetch handlers run on edge runtimes and in Service Workers: no Node-only imports.',
            },
          ],
        },
      ],
    },
  },
);
