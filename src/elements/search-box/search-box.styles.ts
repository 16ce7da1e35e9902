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
`;
