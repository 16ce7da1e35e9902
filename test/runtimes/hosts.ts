/**
 * Runs one of the deployments in examples/ on its runtime — Node, workerd (Cloudflare Workers), Deno or Bun,
 * each from node_modules — on a free port of 127.0.0.1. The example's entry is bundled with esbuild as it would
 * be for deployment, with `vtex-elements/bridge` resolved to this repository's source.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

export const RUNTIMES = ['node', 'workerd', 'deno', 'bun'] as const;
export type Runtime = (typeof RUNTIMES)[number];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

/** The deployment each runtime runs. */
export const EXAMPLES: Record<Runtime, string> = {
  node: 'examples/node/server.ts',
  workerd: 'examples/cloudflare-worker/worker.ts',
  deno: 'examples/deno/main.ts',
  bun: 'examples/bun/server.ts',
};

export interface Host {
  runtime: Runtime;
  version: string;
  /** `http://127.0.0.1:port`, the bridge's origin. */
  origin: string;
  /** Everything the process printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function runtimeVersion(runtime: Runtime): string {
  const command = runtime === 'node' ? process.execPath : bin(runtime);
  const out = spawnSync(command, ['--version'], {
    encoding: 'utf8',
    env: {...process.env, DENO_NO_UPDATE_CHECK: '1'},
  });
  if (out.status !== 0) throw new Error(`${runtime} --version failed: ${out.stderr || out.error}`);
  const first = out.stdout.split('\n')[0]!;
  return /v?\d+\.\d+\.\d+|\d{4}-\d{2}-\d{2}/.exec(first)?.[0] ?? first.trim();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as {port: number}).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function bundle(runtime: Runtime, dir: string): Promise<string> {
  const outfile = path.join(dir, runtime === 'node' ? 'bridge.mjs' : 'bridge.js');
  await build({
    entryPoints: [path.join(root, EXAMPLES[runtime])],
    bundle: true,
    format: 'esm',
    platform: runtime === 'node' ? 'node' : 'neutral',
    target: runtime === 'node' ? 'node20' : 'es2022',
    alias: {'vtex-elements/bridge': path.join(root, 'src/bridge/index.ts')},
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

function capnpString(s: string): string {
  return JSON.stringify(s);
}

/** workerd's own config: the Worker, its variables as text bindings, one HTTP socket, outbound to 127.0.0.1. */
function workerdConfig(script: string, port: number, env: Record<string, string>): string {
  const wrangler = readFileSync(path.join(root, 'examples/cloudflare-worker/wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(wrangler)?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  const bindings = Object.entries(env)
    .map(([name, value]) => `(name = ${capnpString(name)}, text = ${capnpString(value)})`)
    .join(', ');
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "bridge", worker = .bridge),
    (name = "net", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "bridge")],
);
const bridge :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ${capnpString(path.basename(script))})],
  compatibilityDate = ${capnpString(date)},
  bindings = [${bindings}],
  globalOutbound = "net",
);
`;
}

async function waitForHttp(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the bridge exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(`${origin}/_v/__ready`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the bridge did not answer on ${origin}:\n${output()}`);
}

/** Starts the example for `runtime` with the given bridge variables. */
export async function startHost(runtime: Runtime, env: Record<string, string>): Promise<Host> {
  const dir = mkdtempSync(path.join(tmpdir(), `vtex-bridge-${runtime}-`));
  const script = await bundle(runtime, dir);
  const port = await freePort();
  const processEnv = {
    ...process.env,
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DENO_NO_UPDATE_CHECK: '1',
  };
  let command: string;
  let args: string[];
  switch (runtime) {
    case 'node':
      [command, args] = [process.execPath, [script]];
      break;
    case 'deno':
      [command, args] = [bin('deno'), ['run', '--allow-net', '--allow-env', '--no-prompt', script]];
      break;
    case 'bun':
      [command, args] = [bin('bun'), ['run', script]];
      break;
    case 'workerd': {
      const config = path.join(dir, 'config.capnp');
      writeFileSync(config, workerdConfig(script, port, env));
      [command, args] = [bin('workerd'), ['serve', config, '--verbose']];
      break;
    }
  }
  // Its own process group, so stopping it also stops what a wrapper (deno's npm launcher) started.
  const child = spawn(command, args, {
    cwd: dir,
    env: processEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const output = () => log;
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await exited;
    }
    rmSync(dir, {recursive: true, force: true});
  };
  try {
    await waitForHttp(origin, child, output);
  } catch (e) {
    await stop();
    throw e;
  }
  return {runtime, version: runtimeVersion(runtime), origin, output, stop};
}
