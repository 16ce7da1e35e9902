/**
 * The client's network address, handed from a server adapter to the bridge out of band (never as a header a
 * client could send). The Node adapter records the socket's address here; edge runtimes use the bridge's
 * `clientIpHeader` option to name the header their platform overwrites.
 */
const addresses = new WeakMap<Request, string>();

/** Records the address the connection came from (called by server adapters). */
export function setClientAddress(request: Request, address: string): void {
  addresses.set(request, address);
}

/** The address an adapter recorded for this request, if any. */
export function clientAddress(request: Request): string | undefined {
  return addresses.get(request);
}
