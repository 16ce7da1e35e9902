import {minifyHTMLLiterals} from 'minify-html-literals';
import type {Plugin} from 'vite';

/**
 * Whitespace, comments and the leading zero of decimals (`0.5rem` → `.5rem`) out of a stylesheet, and nothing else. (clean-css, the library's default, does not know
 * `@container` and drops the wrapper while keeping its rules: the narrow layout then applied at every width.)
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/([\s:(,/-])0\.(\d)/g, '$1.$2')
    .trim();
}

/** Collapses whitespace and comments inside Lit's html`` and css`` templates of our sources at build time. */
export function minifyLiterals(): Plugin {
  return {
    name: 'vtex-minify-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = minifyHTMLLiterals(code, {fileName: id, minifyOptions: {minifyCSS: minifyCss}});
      return result ? {code: result.code, map: result.map?.toString() ?? null} : null;
    },
  };
}
