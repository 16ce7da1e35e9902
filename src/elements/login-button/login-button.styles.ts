import {css} from 'lit';

export const styles = css`
  /*
   * One fixed box from the first render: the loading placeholder, the sign-in link and the account button all
   * take --vtex-login-button-width × 2.75rem, so the header does not shift when the session arrives.
   */
  :host {
    display: inline-block;
    position: relative;
    vertical-align: middle;
    min-inline-size: var(--_width);
    min-block-size: 2.75rem;
    --_width: var(--vtex-login-button-width, 8rem);
  }
  .skeleton,
  [part~='link'],
  [part~='trigger'] {
    inline-size: var(--_width);
    block-size: 2.75rem;
    vertical-align: middle;
  }
  .skeleton {
    display: inline-block;
  }
  [part~='link'],
  [part~='trigger'] {
    padding-inline: 0.75em;
    white-space: nowrap;
  }
  .wrap {
    vertical-align: middle;
  }
  .error {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    flex-wrap: wrap;
  }
  .wrap {
    position: relative;
    display: inline-block;
  }
  .name {
    min-width: 0;
    max-width: 14em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .caret {
    width: 0.5em;
    height: 0.5em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  [aria-expanded='true'] .caret {
    transform: translateY(25%) rotate(-135deg);
  }
`;
