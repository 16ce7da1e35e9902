import {readdirSync} from 'node:fs';
import path from 'node:path';
import type {Plugin} from 'vite';

export const LOCALES = ['en', 'pt-BR', 'es'] as const;
/** The module of one locale's packs, `virtual:vtex-elements/messages-<locale>` (its chunk: `cdn/messages-<locale>-<hash>.js`). */
const VIRTUAL = 'virtual:vtex-elements/messages-';
/** `import('./x.messages.pt-BR.js')`: an element's (or the common) language pack, loaded on demand (not a type). */
const PACK_IMPORT = /(?<!typeof\s+)import\((['"])(\.{1,2}\/[\w./-]+?\.(?:en|pt-BR|es))\.js\1\)/g;

/** Every language pack under `srcDir` (`*.messages.<locale>.ts`, `i18n/common.<locale>.ts`), by locale, sorted. */
export function findPacks(srcDir: string): Record<string, string[]> {
  const files = readdirSync(srcDir, {recursive: true, encoding: 'utf8'})
    .filter((f) => /(^|\/)(\w[\w-]*\.messages|common)\.(en|pt-BR|es)\.ts$/.test(f.split(path.sep).join('/')))
    .map((f) => path.join(srcDir, f))
    .sort();
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, files.filter((f) => f.endsWith(`.${locale}.ts`))]),
  );
}

/**
 * CDN build: one language file per locale. Each `import('./x.messages.pt-BR.js')` of the sources becomes an import
 * of one module holding every pt-BR pack (`{default: pack}` as before), so the whole kit fetches one file for its
 * language, compressed as a whole, instead of one per element. The modular build keeps a pack per element: a page
 * there downloads only the text of the elements it shows.
 */
export function localePacks(srcDir: string): Plugin {
  const packs = findPacks(srcDir);
  const keyOf = (file: string) => {
    const locale = LOCALES.find((l) => file.endsWith(`.${l}.ts`))!;
    const index = packs[locale]!.indexOf(file);
    return index < 0 ? undefined : {locale, name: `p${index}`};
  };
  return {
    name: 'vtex-locale-packs',
    enforce: 'pre',
    resolveId: (id) => (id.startsWith(VIRTUAL) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return null;
      const locale = id.slice(VIRTUAL.length + 1);
      return (packs[locale] ?? [])
        .map((file, i) => `export {default as p${i}} from ${JSON.stringify(file)};`)
        .join('\n');
    },
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts') || !code.includes('import(')) return null;
      let changed = false;
      const out = code.replace(PACK_IMPORT, (whole, _quote: string, rel: string) => {
        const key = keyOf(path.resolve(path.dirname(id), `${rel}.ts`));
        if (!key) return whole;
        changed = true;
        return `import(${JSON.stringify(VIRTUAL + key.locale)}).then((m) => ({default: m.${key.name}}))`;
      });
      return changed ? {code: out, map: null} : null;
    },
  };
}
