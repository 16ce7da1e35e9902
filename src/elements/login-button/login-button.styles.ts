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
  ul {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    top: calc(100% + 0.25rem);
    min-width: var(--vtex-login-button-menu-width, 12rem);
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  [part~='menu-item'] {
    display: block;
    width: 100%;
    padding: 0.6em 0.8em;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    color: var(--_text);
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  [part~='menu-item']:hover,
  [part~='menu-item']:focus-visible {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  p {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
  }
`;
