import {VtexError} from './errors.js';

type Calls = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * An API namespace whose methods load their module on the first call (`import()`), so a page that only reads never
 * downloads the code of calls it does not make. A module an element imports itself is already in: the call then
 * waits a microtask. A module that fails to load rejects the call with a retryable network `VtexError`, and the next
 * call tries the download again.
 */
export function onDemand<T extends Calls>(load: () => Promise<T>, names: readonly (keyof T & string)[]): T {
  let api: Promise<T> | undefined;
  const get = () =>
    (api ??= load().catch((e: unknown) => {
      api = undefined;
      throw new VtexError({
        status: 0,
        code: 'MODULE_LOAD',
        kind: 'network',
        retryable: true,
        message: `Could not load the kit's code for this call: ${(e as Error)?.message ?? String(e)}`,
      });
    }));
  return Object.fromEntries(
    names.map((name) => [name, async (...args: never[]) => (await get())[name]!(...args)]),
  ) as T;
}
