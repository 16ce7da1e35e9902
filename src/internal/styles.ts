import {css} from 'lit';

/**
 * Host defaults shared by every element. Every token ends in a literal, so no theme file is required.
 * Global tokens: --vtex-color-accent, --vtex-color-accent-text, --vtex-color-text, --vtex-color-muted,
 * --vtex-color-surface, --vtex-color-border, --vtex-color-danger, --vtex-color-success, --vtex-radius,
 * --vtex-space, --vtex-font-family, --vtex-font-size, --vtex-color-scheme (`dark` for a dark theme: native controls follow).
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--vtex-font-family, inherit);
    font-size: var(--vtex-font-size, 1rem);
    line-height: 1.45;
    color: var(--vtex-color-text, #1f2328);
    color-scheme: var(--vtex-color-scheme, normal);
    --_accent: var(--vtex-color-accent, #0f5fd7);
    --_accent-text: var(--vtex-color-accent-text, #ffffff);
    --_text: var(--vtex-color-text, #1f2328);
    --_muted: var(--vtex-color-muted, #57606a);
    --_surface: var(--vtex-color-surface, #ffffff);
    --_border: var(--vtex-color-border, #c9d1d9);
    --_danger: var(--vtex-color-danger, #b42318);
    --_success: var(--vtex-color-success, #1a7f37);
    --_radius: var(--vtex-radius, 8px);
    --_space: var(--vtex-space, 1rem);
    --_sk: color-mix(in srgb, var(--_text) 9%, var(--_surface));
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea {
    background: var(--_surface);
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* Every control, and every heading focused by script, gets the themed ring (not the browser's 1 px one). */
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .state {
    padding: var(--_space);
    text-align: center;
    color: var(--_muted);
  }
  .error-text {
    color: var(--_danger);
  }
  .skeleton {
    background: linear-gradient(90deg, var(--_sk) 25%, var(--_surface) 50%, var(--_sk) 75%);
    background-size: 200% 100%;
    border-radius: var(--_radius);
    animation: vtex-shimmer 1.4s linear infinite;
  }
  @keyframes vtex-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
