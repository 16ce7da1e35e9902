/**
 * The bridge suite (suite.ts) on every runtime people deploy it to, each running its deployment from examples/
 * in front of a fake VTEX host on 127.0.0.1. BRIDGE_RUNTIMES=node,deno picks some.
 */
import {after, before, describe} from 'node:test';
import {startFakeUpstream, type FakeUpstream} from './fake-upstream.js';
import {RUNTIMES, runtimeVersion, startHost, type Host, type Runtime} from './hosts.js';
import {BRIDGE_ENV, bridgeSuite} from './suite.js';

const chosen = (process.env.BRIDGE_RUNTIMES ?? RUNTIMES.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const name of chosen) {
  if (!(RUNTIMES as readonly string[]).includes(name))
    throw new Error(`BRIDGE_RUNTIMES: unknown runtime "${name}" (known: ${RUNTIMES.join(', ')})`);
}

for (const runtime of chosen as Runtime[]) {
  describe(`bridge on ${runtime} ${runtimeVersion(runtime)}`, () => {
    let upstream: FakeUpstream;
    let host: Host;
    before(async () => {
      upstream = await startFakeUpstream();
      host = await startHost(runtime, {...BRIDGE_ENV, VTEX_UPSTREAM: upstream.origin});
    });
    after(async () => {
      await host?.stop();
      await upstream?.close();
    });
    bridgeSuite({origin: () => host.origin, upstream: () => upstream});
  });
}
