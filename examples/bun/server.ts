/**
 * The bridge on Bun: `bun server.ts` (after `bun add vtex-elements`). Variables: see the bridge README; PORT
 * and HOST choose the address. The test suite in test/runtimes runs this file in Bun.
 */
import {bridgeOptionsFromEnv, createVtexBridge} from 'vtex-elements/bridge';

const bridge = createVtexBridge(bridgeOptionsFromEnv(process.env));

const server = Bun.serve({
  port: Number(process.env.PORT ?? 8787),
  hostname: process.env.HOST ?? '0.0.0.0',
  fetch: (request) => bridge(request),
});
console.log(`vtex bridge listening on http://${server.hostname}:${server.port}`);
