/**
 * The bridge on Node ≥ 20: `node server.js` after bundling (see the Dockerfile). Variables: see the bridge
 * README; PORT and HOST choose the address. The test suite in test/runtimes runs this file in Node.
 */
import {createServer} from 'node:http';
import {bridgeOptionsFromEnv, createVtexBridge} from 'vtex-elements/bridge';
import {toRequest, writeResponse} from '../../src/server/node-adapter.js';

const bridge = createVtexBridge(bridgeOptionsFromEnv(process.env));

const server = createServer((req, res) => {
  bridge(toRequest(req))
    .then((response) => writeResponse(res, response, req.method))
    .catch(() => {
      if (!res.headersSent) res.writeHead(500, {'Content-Type': 'application/json; charset=utf-8'});
      res.end('{"error":{"code":"BRIDGE_INTERNAL","message":"Internal error","exception":null}}');
    });
});
server.listen(Number(process.env.PORT ?? 8787), process.env.HOST ?? '0.0.0.0', () => {
  const address = server.address();
  if (address && typeof address === 'object')
    console.log(`vtex bridge listening on http://${address.address}:${address.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
