import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/store/define.js';
import '../src/elements/product/define.js';
import '../src/elements/cart-button/define.js';

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
