import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/cart-button/define.js';
import '../src/elements/search-box/define.js';
import {clearFaults, freshCart, setFaults} from '../test/browser/sandbox.js';

/**
 * States the element stories do not show: the cart button while the cart loads, and the search box's
 * suggestion list (open with results, open with none, failed).
 */
const meta: Meta = {
  title: 'More states',
};
export default meta;

type Story = StoryObj;

/** Types into the search box's input as a shopper would (the list opens on input). */
async function typeQuery(root: HTMLElement, text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const input = root.querySelector('vtex-search-box')?.shadowRoot?.querySelector('input');
    if (input) {
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `<vtex-cart-button>` while the cart loads: no badge, and the label says the cart is loading. */
export const CartButtonLoading: Story = {
  name: 'Cart button: loading',
  render: () => html`<vtex-cart-button></vtex-cart-button>`,
  beforeEach: async () => {
    await freshCart();
    await setFaults({latencyMs: 600_000, routes: '/api/checkout/pub/orderForm', methods: ['GET']});
    return clearFaults;
  },
};

/** `<vtex-search-box>` after typing "cam": search terms and products in a listbox (arrow keys move). */
export const SearchSuggestions: Story = {
  name: 'Search box: suggestions',
  loaders: [async () => clearFaults()],
  render: () => html`<vtex-search-box action=""></vtex-search-box>`,
  play: ({canvasElement}) => typeQuery(canvasElement, 'cam'),
};

/** `<vtex-search-box>` when nothing matches: the list stays closed; screen readers hear "no suggestions". */
export const SearchNoSuggestions: Story = {
  name: 'Search box: no suggestions',
  loaders: [async () => clearFaults()],
  render: () => html`<vtex-search-box action=""></vtex-search-box>`,
  play: ({canvasElement}) => typeQuery(canvasElement, 'xyzzyplugh'),
};

/** `<vtex-search-box>` when suggestions fail: the field keeps working, a `vtex-error` is fired. */
export const SearchSuggestionsError: Story = {
  name: 'Search box: suggestions error',
  render: () => html`<vtex-search-box action=""></vtex-search-box>`,
  beforeEach: async () => {
    await setFaults({errorRate: 1, errorStatus: 503, routes: '/api/intelligent-search'});
    return clearFaults;
  },
  play: ({canvasElement}) => typeQuery(canvasElement, 'cam'),
};
