import {css} from 'lit';

export const styles = css`
  :host {
    --_gap: var(--vtex-order-history-gap, 1rem);
    --_thumb: var(--vtex-order-history-thumb-size, 3rem);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    margin-block-end: var(--_gap);
  }
  h3 {
    font-size: 1.05em;
  }
  h2:focus {
    outline: none;
  }
  .muted {
    color: var(--_muted);
  }
  .skeletons {
    display: grid;
    gap: var(--_gap);
  }
  .skeletons > .row {
    height: 6rem;
  }
  .skeletons > .detail {
    height: 20rem;
  }
  .orders,
  .items,
  .thumbs {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .orders {
    display: grid;
    gap: var(--_gap);
  }
  .order {
    display: grid;
    gap: 0.5rem;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .order-head,
  .order-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .status {
    font-weight: 600;
    color: var(--_accent);
  }
  .status.is-done {
    color: var(--_success);
  }
  .status.is-stopped {
    color: var(--_danger);
  }
  .thumbs {
    display: flex;
    gap: 0.25rem;
    align-items: center;
    min-height: var(--_thumb);
    flex: 1 1 auto;
  }
  .thumbs img,
  .thumb {
    display: block;
    width: var(--_thumb);
    height: var(--_thumb);
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_border);
  }
  .more {
    padding-inline: 0.25rem;
    color: var(--_muted);
  }
  nav {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 1rem;
    margin-block-start: var(--_gap);
  }
  .detail {
    display: grid;
    gap: var(--_gap);
  }
  .detail h2 {
    margin: 0;
  }
  .back {
    justify-self: start;
  }
  .signed-out {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
  }
`;
