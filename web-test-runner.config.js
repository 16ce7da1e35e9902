import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {existsSync} from 'node:fs';
import {CHROMIUM_ARGS, findChromium} from './scripts/chromium.js';
import {summaryReporter} from './scripts/wtr-summary-reporter.js';

// The sandbox behind the bridge, on the test server's own origin (loaded when present).
const middleware = [];
if (existsSync('./src/server/dev-middleware.ts')) {
  const {createDevStack, wtrMiddleware} = await import('./src/server/dev-middleware.ts');
  middleware.push(wtrMiddleware(createDevStack({})));
}

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: {exportConditions: ['browser', 'development']},
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: {config: {timeout: 20_000}},
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: './tsconfig.json'})],
  middleware,
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: findChromium(), args: CHROMIUM_ARGS},
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
