export const LOCALES = ['en', 'pt-BR', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps any BCP-47 tag to a supported locale, or undefined when none matches. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace('_', '-');
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** Locale order: the element's attribute, the nearest `[lang]`, the store's culture, then `en`. */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    const m = matchLocale(c);
    if (m) return m;
  }
  return 'en';
}
