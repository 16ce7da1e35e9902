import {ContextEvent} from '@lit/context';
import type {VtexClient} from '../client/index.js';
import {clientContext} from '../context/index.js';

interface Started {
  client: VtexClient;
  key: string;
  reply: Promise<unknown>;
}

/** Requests started for elements while their tag waited for its language pack (`VtexElement.prefetch`). */
const started = new WeakMap<Element, Map<string, Started>>();

/** The client of the store serving `el`, asked through context (works before `el` is upgraded). */
export function clientFor(el: Element): VtexClient | undefined {
  let client: VtexClient | undefined;
  el.dispatchEvent(new ContextEvent(clientContext, el, (c) => (client = c)));
  return client;
}

/** Keeps a request started for `el` (what it asks is `key`) until the element takes it. */
export function start(
  el: Element,
  client: VtexClient,
  kind: string,
  key: string,
  reply: Promise<unknown>,
): void {
  reply.catch(() => undefined); // never taken: not an unhandled rejection
  let kinds = started.get(el);
  if (!kinds) started.set(el, (kinds = new Map()));
  kinds.set(kind, {client, key, reply});
}

/** The request started for `el`, once: the element's first call of this kind gets it if it asks the same. */
export function take<T>(el: Element, client: VtexClient, kind: string, key: string): Promise<T> | undefined {
  const kinds = started.get(el);
  const s = kinds?.get(kind);
  if (!s || s.client !== client) return undefined;
  kinds!.delete(kind);
  return s.key === key ? (s.reply as Promise<T>) : undefined;
}
