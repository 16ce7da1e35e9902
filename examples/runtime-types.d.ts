/**
 * The few Deno and Bun globals the examples use, for this repository's type-check only. In a project of your
 * own, Deno's and Bun's own types (`deno check`, `@types/bun`) take their place.
 */
type ServeHandler = (request: Request) => Response | Promise<Response>;

declare const Deno: {
  env: {get(name: string): string | undefined; toObject(): Record<string, string>};
  serve(
    options: {port?: number; hostname?: string; onListen?(address: {hostname: string; port: number}): void},
    handler: ServeHandler,
  ): unknown;
};

declare const Bun: {
  serve(options: {port?: number; hostname?: string; fetch: ServeHandler}): {hostname: string; port: number};
};
