// Mutation testing (issue 22): `npm run test:mutation`. Stryker mutates the code below and runs the Node
// test files that cover each mutant (the tap runner, one `node --import tsx` per test file). The README
// beside the incremental file gives the scores and how the floor is kept.

// Read by test/node/bridge.test.ts: its README-snippet test boots a child server (~7 s) whose code Stryker
// cannot see, so it is skipped under mutation; `npm run test:node` still runs it.
process.env.VTEX_MUTATION = '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/state/**/*.ts',
    'src/bridge/**/*.ts',
    'src/client/**/*.ts',
    // The sandbox's Checkout (test/node/sandbox-*.test.ts): the routes, the orderForm, the three-step placement,
    // the cart state and the fixtures.
    'src/sandbox/checkout/index.ts',
    'src/sandbox/checkout/orderform.ts',
    'src/sandbox/checkout/placement.ts',
    'src/sandbox/checkout/state.ts',
    'src/sandbox/checkout/data.ts',
    // Price and totals rendering (test/node/price-rendering.test.ts): the money formatting, the price block,
    // the cart's line prices and totals, the checkout's order summary and an order's lines. Line ranges keep
    // the rest of these template files (steppers, messages, forms) out until tests pin it.
    'src/i18n/format.ts:1-46',
    'src/elements/shared-catalog/price.ts',
    'src/elements/shared-catalog/offer.ts:108-121',
    'src/elements/cart/cart-parts.ts:81-89',
    'src/elements/cart/cart-parts.ts:112-127',
    'src/elements/cart/cart-parts.ts:219-243',
    'src/elements/checkout/summary.ts:13-63',
    'src/elements/order-history/order-parts.ts:5-21',
    'src/elements/order-history/order-detail.ts:217-231',
  ],
  ignoreStatic: true,
  testRunner: 'tap',
  tap: {
    testFiles: [
      'test/node/stores.test.ts',
      'test/node/actions.test.ts',
      'test/node/state-stores.test.ts',
      // The fast in-process bridge files first: a mutant's covering files run in this order and stop at the
      // first kill, so the slower server and property files only run for the mutants the others miss.
      'test/node/bridge-sensitive.test.ts',
      'test/node/bridge-routes.test.ts',
      'test/node/bridge-responses.test.ts',
      'test/node/bridge-units.test.ts',
      'test/node/bridge-mount.test.ts',
      'test/node/bridge-env.test.ts',
      'test/node/bridge.test.ts',
      'test/node/bridge.property.test.ts',
      'test/node/client.test.ts',
      'test/node/client-edges.test.ts',
      'test/node/http-edges.test.ts',
      'test/node/client-options.test.ts',
      'test/node/placement-edges.test.ts',
      // The sandbox's files, fastest first (each boots the sandbox in-process).
      'test/node/sandbox-checkout.test.ts',
      'test/node/sandbox-routes-edges.test.ts',
      'test/node/sandbox-orderform-edges.test.ts',
      'test/node/sandbox-placement.test.ts',
      'test/node/sandbox-placement-edges.test.ts',
      'test/node/placement-installments.test.ts',
      'test/node/sandbox-faults.test.ts',
      'test/node/sandbox-account.test.ts',
      'test/node/money.property.test.ts',
      'test/node/sandbox-limits.test.ts',
      'test/node/sandbox-fidelity.test.ts',
      'test/node/price-rendering.test.ts',
    ],
    nodeArgs: ['--test-reporter=tap', '--import', 'tsx', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html'],
  htmlReporter: {fileName: 'reports/mutation/index.html'},
  clearTextReporter: {allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true},
  thresholds: {high: 90, low: 75, break: 91}, // break: the measured total (91.56 %, with the sandbox's routes at 88 % and data.ts at 62 %), rounded down
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
};
