import type {FetchLike} from '../../../src/client/http.js';

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: string | undefined;
}

type Reply = Response | (() => Response | Promise<Response>) | Error;

/** A fetch that records every request and answers from a script (or a handler), without globals. */
export function recordingFetch(handler: (req: Recorded, n: number) => Reply | Promise<Reply>) {
  const calls: Recorded[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const rec: Recorded = {
      url: input,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      credentials: init.credentials,
    };
    calls.push(rec);
    if (init.signal?.aborted) throw init.signal.reason ?? new DOMException('aborted', 'AbortError');
    const signal = init.signal;
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason), {once: true}),
    );
    const reply = await (signal
      ? Promise.race([handler(rec, calls.length), aborted])
      : handler(rec, calls.length));
    if (reply instanceof Error) throw reply;
    const response = typeof reply === 'function' ? await reply() : reply;
    if (init.signal) {
      // Let an abort during the reply win, as a real fetch would.
      await new Promise((r) => setTimeout(r, 0));
      if (init.signal.aborted) throw init.signal.reason;
    }
    return response;
  };
  return {fetch, calls};
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json', ...headers},
  });
