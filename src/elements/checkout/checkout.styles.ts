import {css} from 'lit';

export const styles = css`
  :host {
    --_gap: var(--vtex-checkout-gap, 1rem);
    max-width: var(--vtex-checkout-max-width, 68rem);
    container-type: inline-size;
  }
  /* The order summary: a bar that opens above the steps, beside them from 50rem. */
  .layout {
    display: grid;
    gap: var(--_gap);
    align-items: start;
  }
  .order-summary,
  .sum-body {
    display: grid;
    gap: 0.75rem;
  }
  .sum-head,
  .order-summary:not(.open) .sum-body {
    display: none;
  }
  .sum-bar {
    display: flex;
    justify-content: space-between;
    gap: var(--_gap);
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  /* A chevron the eye sees and a screen reader skips (aria-expanded says it). */
  .sum-bar span:first-child::after {
    content: ' ▾' / '';
  }
  .open .sum-bar span:first-child::after {
    content: ' ▴' / '';
  }
  .items img {
    flex: none;
    border-radius: var(--_radius);
    object-fit: cover;
  }
  @container (min-width: 50rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) 20rem;
    }
    .order-summary {
      grid-column: 2;
      grid-row: 1;
      position: sticky;
      top: var(--_gap);
    }
    .sum-head,
    .order-summary:not(.open) .sum-body {
      display: grid;
    }
    .sum-bar {
      display: none;
    }
  }
  h2,
  h3,
  h4 {
    margin: 0;
  }
  .title {
    font-size: 1.4em;
    margin-bottom: var(--_gap);
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
    margin-top: var(--_gap);
  }
  ol.steps,
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  section,
  aside {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  section.todo {
    color: var(--_muted);
  }
  /* Forced colours flatten the muted text: the current step keeps a thicker border, not colour alone. */
  @media (forced-colors: active) {
    section.current {
      border-width: 3px;
    }
  }
  .step-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_gap);
  }
  form,
  [part~='form'] {
    display: grid;
    gap: 0.75rem;
    margin-top: var(--_gap);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5rem;
    padding: 0;
  }
  .row,
  .grid {
    display: grid;
    gap: 0.5rem 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    align-items: start;
  }
  .row.postal {
    grid-template-columns: 1fr auto;
    align-items: center;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  input:not([type='radio']),
  select {
    min-height: 2.75rem;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    margin: 0;
    font-size: 0.875em;
    min-height: 1.25em;
  }
  .field-error:empty {
    min-height: 0;
  }
  .option {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    padding: 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
  }
  .option input {
    margin-top: 0.3em;
  }
  .option-body {
    display: grid;
  }
  .option-name {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
  }
  .notice {
    color: var(--_success);
  }
  /* Always in the page (a live region is heard when its text changes), without room while silent. */
  .notice:empty {
    margin: 0;
  }
  .link {
    border: 0;
    background: none;
    padding: 0.25rem;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .summary p,
  .confirmation p {
    margin: 0.2rem 0;
  }
  .summary {
    margin-top: 0.5rem;
  }
  ul.items li,
  .totals div {
    display: flex;
    justify-content: space-between;
    gap: var(--_gap);
  }
  /* Long unbreakable item names wrap; the amount keeps its width. */
  ul.items li > span:first-of-type,
  .option-body,
  .option-name,
  .summary p {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  ul.items li > span:first-of-type {
    flex: 1;
  }
  ul.items li > :last-child {
    flex-shrink: 0;
    white-space: nowrap;
  }
  .totals {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  dd {
    margin: 0;
  }
  .total {
    font-weight: 700;
  }
  .facts div {
    display: flex;
    gap: 0.5rem;
  }
  .facts dt::after {
    content: ':';
  }
  .pix {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px dashed var(--_accent);
    border-radius: var(--_radius);
    margin-top: var(--_gap);
  }
  .place {
    width: 100%;
  }
  .sk {
    height: 4rem;
    margin-bottom: var(--_gap);
  }
  #form-error:empty {
    display: none;
  }
`;
