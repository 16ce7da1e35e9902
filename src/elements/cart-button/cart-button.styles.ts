import {css} from 'lit';

export const styles = css`
  /* One fixed box from the first render (loading included), so the header does not shift. */
  :host {
    display: inline-block;
    vertical-align: middle;
    --_size: var(--vtex-cart-button-size, 2.75rem);
  }
  .button {
    position: relative;
    min-inline-size: var(--_size);
    block-size: var(--_size);
    padding-inline: 0.5em;
  }
  /* Clicked while the drawer's code loads: the first feedback, at once. */
  .button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  svg {
    width: var(--vtex-cart-button-icon-size, 1.5rem);
    height: var(--vtex-cart-button-icon-size, 1.5rem);
  }
  .badge {
    position: absolute;
    top: -0.4rem;
    right: -0.4rem;
    min-width: 1.35rem;
    height: 1.35rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--vtex-cart-button-badge-background, var(--_accent));
    color: var(--vtex-cart-button-badge-color, var(--_accent-text));
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.35rem;
    text-align: center;
  }
  @media (forced-colors: active) {
    /* The system colours drop the background: a border keeps the badge a circle. */
    .badge {
      border: 1px solid;
    }
  }
`;
