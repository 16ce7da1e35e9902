/**
 * Image URLs in VTEX payloads are absolute (`https://{account}.vteximg.com.br/arquivos/ids/…`). A source that
 * answers root-relative ones (a sandbox, a proxy) is resolved against the bridge the kit talks to, so a card
 * on a CMS page on another origin still loads its picture.
 */

/** The keys VTEX writes image URLs under: search items, orderForm lines and itemMetadata, OMS orders. */
const IMAGE_KEYS = new Set(['imageUrl', 'ImageUrl']);
const MAX_DEPTH = 12;

/**
 * `url` when it is absolute; a root-relative `/arquivos/…` becomes `{api}/arquivos/…` (the bridge serves
 * VTEX's paths under its own base path, so `api` is a prefix, not a URL to resolve against).
 */
export function resolveAgainstApi(url: string, api: string): string {
  if (!api || !url.startsWith('/') || url.startsWith('//')) return url;
  return api.replace(/\/+$/, '') + url;
}

/** Resolves, in place, every root-relative image URL of a freshly parsed payload; returns it. */
export function resolveImageUrls<T>(data: T, api: string): T {
  if (!api) return data;
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) walk(x, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'string') {
        if (IMAGE_KEYS.has(key)) record[key] = resolveAgainstApi(value, api);
      } else walk(value, depth + 1);
    }
  };
  walk(data, 0);
  return data;
}
