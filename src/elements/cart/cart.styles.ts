import {css} from 'lit';

export const styles = css`
  :host {
    --_gap: var(--vtex-cart-gap, 1rem);
    --_drawer-width: var(--vtex-cart-drawer-width, 26rem);
    --_image: var(--vtex-cart-image-size, 4rem);
  }
  :host([variant='drawer']) {
    display: contents;
  }
  dialog {
    margin: 0 0 0 auto;
    width: min(100vw, var(--_drawer-width));
    max-width: 100vw;
    height: 100%;
    max-height: 100%;
    padding: 0;
    border: 0;
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--vtex-font-family, inherit);
    box-shadow: -4px 0 24px rgb(0 0 0 / 0.2);
    overflow-x: hidden;
  }
  dialog::backdrop {
    background: var(--vtex-cart-backdrop, rgb(0 0 0 / 0.45));
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    padding: 0.5rem var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.15em;
  }
  h3 {
    font-size: 1em;
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    padding: var(--_space);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  .line {
    display: grid;
    grid-template-columns: var(--_image) minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: start;
    padding-bottom: var(--_gap);
    border-bottom: 1px solid var(--_border);
  }
  .line[aria-busy='true'] .price {
    opacity: 0.55;
  }
  .line img,
  .line .ph {
    width: var(--_image);
    height: var(--_image);
    object-fit: contain;
    border-radius: var(--_radius);
    grid-row: span 3;
  }
  /* Long unbreakable names (SKU codes, URLs) wrap instead of widening the drawer. */
  .info {
    min-width: 0;
  }
  .name,
  [part~='variation'],
  .notes,
  .field-message {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: 600;
  }
  .muted,
  s {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .price {
    text-align: end;
    display: grid;
  }
  .controls {
    grid-column: 2 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .stepper {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .stepper button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 0;
    background: none;
    cursor: pointer;
  }
  .stepper button:disabled {
    opacity: 0.4;
    cursor: not-allowed;
  }
  .stepper input {
    width: 3.5rem;
    border: 0;
    text-align: center;
    -moz-appearance: textfield;
  }
  .stepper input::-webkit-inner-spin-button {
    -webkit-appearance: none;
  }
  .link {
    border: 0;
    background: none;
    padding: 0.5rem;
    min-height: 2.75rem;
    text-decoration: underline;
    cursor: pointer;
    color: var(--_text);
  }
  .notes {
    grid-column: 2 / -1;
    margin: 0;
    font-size: 0.875em;
  }
  .notes p {
    margin: 0;
  }
  .warning {
    color: var(--vtex-cart-warning-color, #8a5a00);
  }
  form,
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 10rem;
    font-size: 0.875em;
  }
  label input {
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 1rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-message {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
  }
  .success {
    color: var(--_success);
  }
  section {
    display: grid;
    gap: 0.5rem;
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dd {
    margin: 0;
    text-align: end;
  }
  .grand {
    font-weight: 700;
    font-size: 1.1em;
  }
  .options li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .confirm {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .checkout {
    width: 100%;
  }
  .skeleton.line-sk {
    height: calc(var(--_image) + var(--_gap));
  }
  .skeleton.totals-sk {
    height: 6rem;
  }
`;
