import {css} from 'lit';

/** The price block, the brand line and the chosen or unavailable option, shared by the grid and the product page. */
export const catalogStyles = css`
  .price {
    min-height: 3.2em;
  }
  .price-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
  }
  .selling-price {
    font-weight: 700;
    font-size: var(--vtex-price-size, 1.125em);
    color: var(--vtex-price-color, var(--_text));
  }
  .list-price {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .discount {
    font-size: 0.75em;
    font-weight: 700;
    padding: 0.1em 0.4em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--vtex-discount-background, #fde8e7);
    color: var(--vtex-discount-color, #8a1c13);
  }
  .installments {
    min-height: 1.45em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .brand {
    margin: 0;
    min-height: 1.45em;
    font-size: 0.875em;
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .option input:checked + span {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  @media (forced-colors: active) {
    /* Colour alone marks nothing there: the chosen value gets a thicker border. */
    .option input:checked + span {
      border-width: 3px;
    }
  }
  .option[data-unavailable] span {
    text-decoration: line-through;
    color: var(--_muted);
  }
`;
