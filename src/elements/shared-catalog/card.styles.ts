import {css} from 'lit';

/** Product cards, their swatches and skeleton cards: the grid's only (the product page does not download them). */
export const cardStyles = css`
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    min-width: 0;
    padding: var(--vtex-product-card-padding, 0.75rem);
    border: 1px solid var(--vtex-product-card-border, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .media {
    position: relative;
    aspect-ratio: var(--vtex-product-image-ratio, 1 / 1);
    overflow: hidden;
    border-radius: calc(var(--_radius) / 2);
    background: #f3f4f6;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--vtex-product-image-fit, cover);
  }
  .badge {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-start: 0.5rem;
    padding: 0.15em 0.5em;
    border-radius: calc(var(--_radius) / 2);
    background: rgb(31 35 40 / 0.85);
    color: #fff;
    font-size: 0.75em;
    font-weight: 700;
  }
  .name {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    line-height: 1.3;
    min-height: 2.6em;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .card-link {
    color: inherit;
    text-decoration: none;
  }
  .card-link::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .card-link:hover {
    text-decoration: underline;
  }
  /* Swatches wrap onto more lines rather than clipping labels (5+ colours, long names). */
  .swatches {
    position: relative;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    min-height: 2rem;
    align-items: center;
  }
  .swatch {
    max-width: 100%;
    overflow-wrap: anywhere;
    min-width: 2rem;
    min-height: 2rem;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    font-size: 0.8125em;
    cursor: pointer;
  }
  .swatch[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  @media (forced-colors: active) {
    /* Colour alone marks nothing there: the chosen value gets a thicker border. */
    .swatch[aria-pressed='true'] {
      border-width: 3px;
    }
  }
  .swatch[data-unavailable] {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .swatch:disabled {
    opacity: 0.4;
    cursor: not-allowed;
  }
  .swatch:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  .more {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  /*
   * Fixed reservations, so a skeleton card and a loaded card have the same box whatever the prices and the
   * label length: the price block holds two price lines (list + selling price wrap in narrow cards) and the
   * installments; the button holds a label on one or two lines.
   */
  .card .price {
    min-height: 4.8em;
  }
  .card .add {
    position: relative;
    z-index: 1;
    width: 100%;
    min-height: 3rem;
    padding-block: 0.25rem;
    line-height: 1.15;
    margin-top: auto;
  }
  .card-status {
    margin: 0;
    min-height: 1.3em;
    font-size: 0.8125em;
    line-height: 1.3;
  }
  .skeleton-card .line {
    display: block;
    height: 0.9em;
    margin-block: 0.2em;
    width: 90%;
  }
  .skeleton-card .line.short {
    width: 55%;
  }
  .skeleton-card .add {
    border: 0;
  }
`;
