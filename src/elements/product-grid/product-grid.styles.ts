import {css} from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    --_gap: var(--vtex-product-grid-gap, 1rem);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    align-items: start;
  }
  .layout.with-facets {
    grid-template-columns: var(--vtex-product-grid-sidebar-width, 15rem) minmax(0, 1fr);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-end: var(--_gap);
    min-height: 2.75rem;
  }
  .count {
    /* Takes the free space: its text changing (loading → "N products") moves nothing else in the toolbar. */
    flex: 1 1 auto;
    margin: 0;
    color: var(--_muted);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  .sort select {
    min-height: 2.75rem;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .filters-button {
    display: none;
  }
  .grid {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--vtex-product-grid-card-min-width, 12rem)), 1fr)
    );
  }
  .grid.fixed {
    grid-template-columns: repeat(var(--_columns, 4), minmax(0, 1fr));
  }
  .grid > li {
    display: flex;
    min-width: 0;
  }
  /*
   * Past the first page (load-more, infinite), off-screen cards skip layout and paint, so a list grown to 1,000
   * products stays cheap to update; a card keeps its last rendered height once it has been on screen. (A class, not
   * :nth-child, which would restyle every following card on each insertion.)
   */
  .grid > li.later {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 24rem;
  }
  .grid > li > * {
    flex: 1;
  }
  .facet {
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .facet legend {
    padding: 0;
    width: 100%;
  }
  .facet-toggle {
    display: flex;
    justify-content: space-between;
    width: 100%;
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .facet-toggle::after {
    content: '−' / '';
  }
  .facet-toggle[aria-expanded='false']::after {
    content: '+' / '';
  }
  .facet-value {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2rem;
    cursor: pointer;
  }
  .facet-value input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .facet-name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .facet-count {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .link-button {
    background: none;
    border: 0;
    padding: 0.25rem 0;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: underline;
  }
  .clear {
    width: 100%;
    margin-block-end: 1rem;
  }
  .price-range {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin-block-start: 0.5rem;
  }
  .price-range input {
    width: 5.5rem;
    min-height: 2.75rem;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .facet-skeleton {
    height: 6rem;
    margin-block-end: 1rem;
  }
  .pagination,
  .more-bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 0.375rem;
    margin-block-start: calc(var(--_gap) * 1.5);
  }
  .more-bar {
    flex-direction: column;
  }
  .showing {
    margin: 0;
    color: var(--_muted);
  }
  .more-bar .error-text {
    margin: 0;
  }
  .page {
    min-width: 2.75rem;
  }
  .gap {
    padding: 0 0.25rem;
  }
  .sentinel {
    height: 1px;
    width: 100%;
  }
  .empty-title {
    font-size: 1.25em;
    color: var(--_text);
    margin-block-end: 0.25rem;
  }
  dialog {
    width: min(24rem, 100vw);
    max-width: 100vw;
    height: 100dvh;
    max-height: 100dvh;
    margin: 0 0 0 auto;
    padding: var(--_space);
    border: 0;
    background: var(--_surface);
    color: var(--_text);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .drawer-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    margin-block-end: 1rem;
  }
  .drawer-head h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .skip:not(:focus) {
    position: absolute;
    clip-path: inset(50%);
  }
  .show-results {
    width: 100%;
    position: sticky;
    bottom: 0;
  }
  @container (max-width: 48rem) {
    .layout.with-facets {
      grid-template-columns: minmax(0, 1fr);
    }
    .sidebar {
      display: none;
    }
    .filters-button {
      display: inline-flex;
    }
    .grid.fixed {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  /* A phone: two cards a row, the commerce norm (one would fill the screen). */
  @container (max-width: 30rem) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
`;
