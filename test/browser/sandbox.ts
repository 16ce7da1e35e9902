/**
 * Browser-test helpers that talk to the sandbox served on the test server's own origin (through the bridge,
 * as a page would). Control routes live under /_sandbox and are only mounted by the dev/test servers.
 */

/** Starts every test with an empty cart of its own: VTEX's `forceNewCart` resets the checkout cookie. */
export async function freshCart(): Promise<string> {
  const r = await fetch('/api/checkout/pub/orderForm?forceNewCart=true', {credentials: 'include'});
  if (!r.ok) throw new Error(`freshCart: ${r.status}`);
  return ((await r.json()) as {orderFormId: string}).orderFormId;
}

/** The cart as the server sees it now. */
export async function serverCart(): Promise<{orderFormId: string; items: {id: string; quantity: number; uniqueId: string}[]; value: number; marketingData: {coupon: string | null} | null}> {
  const r = await fetch('/api/checkout/pub/orderForm', {credentials: 'include'});
  return r.json();
}

export interface Faults {
  latencyMs?: number | [number, number];
  errorRate?: number;
  errorStatus?: number;
  routes?: string;
  methods?: string[];
  timeoutRate?: number;
  malformedJsonRate?: number;
  rateLimitRate?: number;
}

export async function setFaults(faults: Faults): Promise<void> {
  const r = await fetch('/_sandbox/faults', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(faults)});
  if (!r.ok) throw new Error(`setFaults: ${r.status}`);
}

export async function clearFaults(): Promise<void> {
  await fetch('/_sandbox/faults', {method: 'DELETE'});
}

export async function sandboxOrders(): Promise<{orderId: string; orderGroup: string; status: string; value: number; clientProfileData?: {email?: string}}[]> {
  const r = await fetch('/_sandbox/orders');
  return r.json();
}

/** Advances the sandbox's clock (the 5-minute placement window, order statuses). */
export async function advanceClock(ms: number): Promise<void> {
  await fetch('/_sandbox/clock', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({advanceMs: ms})});
}
