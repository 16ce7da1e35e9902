/**
 * The bridge as a Cloudflare Worker. Configure it in wrangler.toml ([vars]) and deploy with `npx wrangler deploy`.
 * The test suite in test/runtimes runs this file in workerd, Cloudflare's runtime.
 */
import {bridgeOptionsFromEnv, createVtexBridge} from 'vtex-elements/bridge';

type Handler = (request: Request) => Promise<Response>;
let bridge: Handler | undefined;

export default {
  fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    // One bridge per isolate, built from the Worker's variables on its first request.
    bridge ??= createVtexBridge(bridgeOptionsFromEnv(env));
    return bridge(request);
  },
};
