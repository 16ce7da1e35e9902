/** Small text and number helpers shared by the catalog modules (no runtime-specific APIs). */

const foldCache = new Map<string, string>();

/** Lower case, accents removed: "Café Orgânico" → "cafe organico". Short strings are memoised. */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (text.length <= 64 && foldCache.size < 50_000) foldCache.set(text, folded);
  return folded;
}

/** Folded words (letters and digits only). */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** VTEX-like slug: "Camiseta Básica & Cia" → "camiseta-basica-cia". */
export function slugify(text: string): string {
  return words(text).join('-');
}

/** Removes tags and decodes the few entities our HTML descriptions use, for indexing only. */
export function stripHtml(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 32-bit FNV-1a hash of a string. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Decimal currency units → integer cents. */
export function toCents(value: number): number {
  return Math.round(value * 100);
}

/** Rounds to 2 decimals (currency). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const brl = new Intl.NumberFormat('pt-BR', {style: 'currency', currency: 'BRL'});

/** "R$ 1.234,56", as Catalog's `*Formated` fields. */
export function formatBrl(cents: number): string {
  return brl.format(cents / 100).replace(/\u00a0/g, ' ');
}
