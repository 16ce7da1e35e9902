import {css} from 'lit';

export const styles = css`
  :host {
    position: relative;
  }
  form {
    display: flex;
    gap: 0.375rem;
  }
  input {
    flex: 1;
    min-width: 0;
    min-height: 2.75rem;
    padding: 0 0.75em;
    border: 1px solid var(--vtex-search-box-border, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [role='listbox'] {
    position: absolute;
    z-index: var(--vtex-search-box-z-index, 20);
    inset-inline: 0;
    top: calc(100% + 0.25rem);
    max-height: var(--vtex-search-box-max-height, 24rem);
    overflow: auto;
    margin: 0;
    padding: 0.25rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  .group-label {
    margin: 0.25rem 0.5rem;
    font-size: 0.75em;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--_muted);
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--vtex-search-box-active, #e8f0fe);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  [role='option'] img {
    width: 2.5rem;
    height: 2.5rem;
    object-fit: cover;
    border-radius: 4px;
    flex: none;
  }
  .option-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .option-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .option-price {
    font-size: 0.8125em;
    color: var(--_muted);
  }
`;
