import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {minifyCss} from '../../scripts/vite-minify-literals.js';

describe('build: CSS inside css`` templates', () => {
  it('keeps at-rule wrappers (@container, @media, @keyframes) and their conditions', () => {
    const css = `
      /* wide */
      .layout.with-facets { grid-template-columns: 15rem minmax(0, 1fr); }
      @container (max-width: 48rem) {
        .layout.with-facets { grid-template-columns: minmax(0, 1fr); }
        .sidebar { display: none; }
      }
      @keyframes shimmer { to { background-position: -200% 0; } }
      @media (prefers-reduced-motion: reduce) { .skeleton { animation: none; } }
      .grid > li:nth-child(n + 49) { content-visibility: auto; }
      div :focus-visible { outline: 2px solid; }
      :host([hidden]) .a :is(.b, .c)::after { content: 'x'; }`;
    assert.equal(
      minifyCss(css),
      '.layout.with-facets{grid-template-columns:15rem minmax(0,1fr)}' +
        '@container (max-width:48rem){.layout.with-facets{grid-template-columns:minmax(0,1fr)}.sidebar{display:none}}' +
        '@keyframes shimmer{to{background-position:-200% 0}}' +
        '@media (prefers-reduced-motion:reduce){.skeleton{animation:none}}' +
        '.grid>li:nth-child(n + 49){content-visibility:auto}' +
        'div :focus-visible{outline:2px solid}' +
        ":host([hidden]) .a :is(.b,.c)::after{content:'x'}",
    );
  });

  it('drops the leading zero of decimals, and only that', () => {
    assert.equal(
      minifyCss(
        '.a { margin: 0.5rem -0.25em; opacity: 0.6; width: 10.5rem; background: rgb(0 0 0 / 0.45); }',
      ),
      '.a{margin:.5rem -.25em;opacity:.6;width:10.5rem;background:rgb(0 0 0 / .45)}',
    );
    assert.equal(minifyCss(".b{flex:0 0 auto;content:'v0.5'}"), ".b{flex:0 0 auto;content:'v0.5'}");
  });
});
