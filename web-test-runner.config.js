import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {existsSync} from 'node:fs';
import {CHROMIUM_ARGS, findChromium} from './scripts/chromium.js';
import {summaryReporter} from './scripts/wtr-summary-reporter.js';

// The sandbox behind the bridge, on the test server's own origin (loaded when present).
const middleware = [];
const plugins = [esbuildPlugin({ts: true, target: 'es2022', tsconfig: './tsconfig.json'})];
if (existsSync('./src/server/dev-middleware.ts')) {
  const {createDevStack, wtrMiddleware} = await import('./src/server/dev-middleware.ts');
  const {createNodeServer} = await import('./src/server/node-adapter.ts');
  const stack = createDevStack({});
  middleware.push(wtrMiddleware(stack));
  // The sandbox as VTEX's payment host, on an origin of its own: card data never goes through the bridge.
  const payments = createNodeServer(stack.payments);
  await new Promise((resolve) => payments.listen(0, '127.0.0.1', resolve));
  payments.unref();
  const paymentsApi = `http://127.0.0.1:${payments.address().port}`;
  // The order list names every shopper, so it is never served over HTTP: tests read it in-process.
  plugins.push({
    name: 'vtex-sandbox-commands',
    executeCommand({command}) {
      if (command === 'sandbox-orders') return stack.sandbox.orders();
      if (command === 'sandbox-payments-api') return paymentsApi;
      return undefined;
    },
  });
}

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: {exportConditions: ['browser', 'development']},
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: {config: {timeout: 20_000}},
  plugins,
  middleware,
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: findChromium(), args: CHROMIUM_ARGS},
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
