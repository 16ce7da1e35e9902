import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/store/define.js';
import '../src/elements/product/define.js';
import '../src/elements/cart-button/define.js';
import '../src/elements/search-box/define.js';
import '../src/elements/product-grid/define.js';
import '../src/elements/cart/define.js';
import '../src/elements/checkout/define.js';

/**
 * `<vtex-store>` renders nothing of its own (`display: contents`): it gives the elements inside one client,
 * one cart and one session. Every other story is already wrapped in one by the Storybook decorator.
 */
const meta: Meta = {
  title: 'Store/Store',
  component: 'vtex-store',
  tags: ['autodocs'],
  args: {api: '', account: 'sandbox', locale: 'en', 'sales-channel': '1'},
  loaders: [async () => fetch('/_sandbox/faults', {method: 'DELETE'})],
  render: (args) =>
    html`<vtex-store
      api=${args.api as string}
      account=${args.account as string}
      locale=${args.locale as string}
      sales-channel=${args['sales-channel'] as string}
    >
      <vtex-cart-button></vtex-cart-button>
      <vtex-product slug="camiseta-basica-algodao"></vtex-product>
    </vtex-store>`,
};
export default meta;

type Story = StoryObj;

/** A cart button and a product sharing the store's cart: add the product and the badge counts it. */
export const Provider: Story = {};

/**
 * The whole journey on one canvas, sharing one cart: search (it drives the grid), pick a product from the grid or
 * the product page, add it, open the drawer cart from the header button, then check out below.
 */
export const Store: Story = {
  name: 'Store',
  parameters: {layout: 'fullscreen'},
  render: (args) =>
    html`<vtex-store
      api=${args.api as string}
      account=${args.account as string}
      locale=${args.locale as string}
      sales-channel=${args['sales-channel'] as string}
    >
      <header
        style="display:flex;gap:1rem;align-items:center;justify-content:space-between;padding-block-end:1rem;border-bottom:1px solid #d0d7de"
      >
        <strong style="font-size:1.25rem">Loja Sandbox</strong>
        <vtex-search-box for="store-grid" style="flex:1;max-width:28rem"></vtex-search-box>
        <vtex-cart-button for="store-cart"></vtex-cart-button>
      </header>
      <vtex-cart id="store-cart" variant="drawer"></vtex-cart>
      <h2>Featured</h2>
      <vtex-product slug="camiseta-basica-algodao"></vtex-product>
      <h2>Catalog</h2>
      <vtex-product-grid id="store-grid" page-size="8" show-sort></vtex-product-grid>
      <vtex-checkout></vtex-checkout>
    </vtex-store>`,
};
