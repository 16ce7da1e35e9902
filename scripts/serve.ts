/**
 * `npm start`: the demo pages, the kit's sources, and the bridge with the sandbox behind it, on one origin.
 *
 *   PORT=5173                      port on 127.0.0.1 (0 = any free port)
 *   ALLOWED_ORIGINS=a,b            extra page origins allowed to call the bridge (CMS pages elsewhere)
 *   VTEX_ACCOUNT=mystore           forward to https://mystore.vtexcommercestable.com.br instead of the sandbox
 *   VTEX_UPSTREAM=http://127.0.0.1:9000   with VTEX_ACCOUNT: forward there instead (a VTEX-like test host)
 *   VTEX_PAYMENTS_API=http://127.0.0.1:9000  with VTEX_ACCOUNT: the payment host the pages name (default VTEX's)
 *   PAYMENTS_PORT=0                port of the sandbox's payment host (its own origin; 0 = any free port)
 *   ALLOWED_HOSTS=a,b              Host names served besides loopback ones (localhost, 127.x.x.x, [::1])
 *   SANDBOX_LATENCY=300|100-800    SANDBOX_ERROR_RATE=0.3  SANDBOX_ERROR_STATUS=503  SANDBOX_TIMEOUT_RATE=0.1
 *   SANDBOX_RATE_LIMIT_RATE=0.1    SANDBOX_MALFORMED_RATE=0.1  SANDBOX_FAULT_ROUTES=/api/checkout  SANDBOX_SEED=1
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {createDevStack, faultsFromEnv} from '../src/server/dev-middleware.js';
import {startServer} from '../src/server/http-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

function fail(message: string): never {
  console.error(`vtex-elements demo: ${message}`);
  process.exit(1);
}

const port = Number(env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT must be a port number, got "${env.PORT}"`);
const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

let stack;
try {
  stack = createDevStack({
    allowedOrigins,
    vtexAccount: env.VTEX_ACCOUNT || undefined,
    vtexUpstream: env.VTEX_UPSTREAM || undefined,
    paymentsApi: env.VTEX_PAYMENTS_API || undefined,
    allowedHosts: (env.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    faults: faultsFromEnv(env),
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

const paymentsPort = Number(env.PAYMENTS_PORT ?? 0);
if (!Number.isInteger(paymentsPort) || paymentsPort < 0 || paymentsPort > 65535)
  fail(`PAYMENTS_PORT must be a port number, got "${env.PAYMENTS_PORT}"`);
const running = await startServer({stack, root, port, paymentsPort}).catch((e: NodeJS.ErrnoException) =>
  fail(e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT=…)` : e.message),
);
const upstream = stack.upstream === 'sandbox' ? 'sandbox (in-process)' : stack.upstream;
console.log(`vtex-elements demo: ${running.origin}/`);
console.log(`  upstream: ${upstream}; account: ${stack.account}`);
const paymentHost = running.paymentsOrigin ?? stack.paymentsApi;
if (paymentHost) console.log(`  payment host (card data, never through the bridge): ${paymentHost}`);
if (allowedOrigins.length) console.log(`  allowed origins: ${allowedOrigins.join(', ')}`);
if (stack.sandbox.faults.config)
  console.log(`  sandbox faults: ${JSON.stringify(stack.sandbox.faults.config)}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void running.close().then(() => process.exit(0));
  });
}
