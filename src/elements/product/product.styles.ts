import {css} from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .pdp {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  @container (max-width: 40rem) {
    .pdp {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .main-image {
    aspect-ratio: var(--vtex-product-image-ratio, 1 / 1);
    border-radius: var(--_radius);
    overflow: hidden;
    background: #f3f4f6;
  }
  .main-image img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--vtex-product-image-fit, contain);
  }
  .thumbs {
    display: flex;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
    flex-wrap: wrap;
  }
  .thumb {
    width: 4rem;
    height: 4rem;
    padding: 0;
    border: 2px solid transparent;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    cursor: pointer;
    overflow: hidden;
  }
  .thumb[aria-pressed='true'] {
    border-color: var(--_accent);
  }
  .thumb img {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }
  h1 {
    margin: 0 0 0.25rem;
    font-size: var(--vtex-product-title-size, 1.75rem);
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  .brand {
    margin: 0 0 1rem;
    color: var(--_muted);
  }
  .info > * + * {
    margin-block-start: 1rem;
  }
  .axis {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .axis legend {
    font-weight: 600;
    padding: 0 0 0.375rem;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .option {
    position: relative;
  }
  .option input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .option span {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
  .option input:disabled + span {
    opacity: 0.4;
    cursor: not-allowed;
  }
  .option input:focus-visible + span {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .buy {
    display: flex;
    gap: 0.5rem;
    align-items: end;
    flex-wrap: wrap;
  }
  .qty {
    display: flex;
    flex-direction: column;
    font-size: 0.875em;
  }
  .qty input {
    width: 5rem;
    min-height: 2.75rem;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .buy .add {
    flex: 1;
    min-width: 12rem;
  }
  .status {
    margin: 0;
    min-height: 1.45em;
  }
  .description :where(img, video) {
    max-width: 100%;
    height: auto;
  }
  h2 {
    font-size: 1.125rem;
    margin: 1.5rem 0 0.5rem;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .sk-title {
    height: 2rem;
    width: 80%;
  }
  .sk-line {
    height: 1rem;
    width: 50%;
  }
  .sk-button {
    height: 2.75rem;
  }
`;
