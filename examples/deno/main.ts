/**
 * The bridge on Deno or Deno Deploy: `deno run --allow-net --allow-env main.ts` (deno.json maps the import).
 * Variables: see the bridge README. PORT and HOST choose the address (Deno Deploy picks its own).
 * The test suite in test/runtimes runs this file in Deno.
 */
import {bridgeOptionsFromEnv, createVtexBridge} from 'vtex-elements/bridge';

const bridge = createVtexBridge(bridgeOptionsFromEnv(Deno.env.toObject()));

Deno.serve(
  {
    port: Number(Deno.env.get('PORT') ?? 8000),
    hostname: Deno.env.get('HOST') ?? '0.0.0.0',
    onListen: ({hostname, port}) => console.log(`vtex bridge listening on http://${hostname}:${port}`),
  },
  (request) => bridge(request),
);
