import {minifyHTMLLiterals} from 'minify-html-literals';
import type {Plugin} from 'vite';

/** Collapses whitespace and comments inside Lit's html`` and css`` templates of our sources at build time. */
export function minifyLiterals(): Plugin {
  return {
    name: 'vtex-minify-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = minifyHTMLLiterals(code, {fileName: id});
      return result ? {code: result.code, map: result.map?.toString() ?? null} : null;
    },
  };
}
