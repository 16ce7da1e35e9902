import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/store/define.js';
import '../src/elements/product/define.js';
import '../src/elements/cart-button/define.js';
import '../src/elements/search-box/define.js';
import '../src/elements/product-grid/define.js';
import '../src/elements/cart/define.js';
import '../src/elements/checkout/define.js';
import type {Guidance} from '../.storybook/guidance.js';

/**
 * `<vtex-store>` is a plain block around the elements inside (it draws nothing): it gives them one client,
 * one cart and one session. Every other story is already wrapped in one by the Storybook decorator.
 */
const guidance: Guidance = {
  do: [
    'Wrap the kit elements of a page in one `<vtex-store>`, or put one early in the page: the first store is also the default for kit elements outside any store, so a header cart button and a grid in the main column share one cart.',
    'Set `account` (required: your VTEX account name) and `api`, the URL of your bridge; leave `api` empty when the bridge is served from the page’s own origin.',
    'Set `locale` here once: every element inside speaks it unless it has a `locale` of its own.',
    'Set theme tokens (`--vtex-color-accent`, `--vtex-radius`…) on the store or any ancestor: they inherit through it to every element inside.',
  ],
  dont: [
    'Don’t put VTEX app keys or tokens on the page (`app-key`, `app-token`): anyone can read them. The store removes such attributes and logs an error; keys belong in the bridge.',
    'Don’t use several stores for one shop on a page: each builds its own client, cart and session, so two parts of the page would each load and show their own cart.',
    'Don’t size or space the store itself (`width`, `padding`, `margin`, a background): it renders as `display: contents` and has no box. Put a wrapper element around it.',
  ],
  content: [
    'The store shows nothing of its own: everything inside it (kit elements, your own HTML) renders as if it were not there.',
    '`locale`: `en`, `pt-BR` or `es` (`pt-PT`, `es-MX`… map to the nearest); without it, elements follow the page’s `lang`, then the shopper’s culture in VTEX, then English.',
    '`currency`: an ISO 4217 code (`BRL`) for search prices before the cart has loaded; after that the cart’s currency wins. Authors never format prices: the kit does, from the store’s currency and the shopper’s locale.',
    '`sales-channel`: the VTEX trade policy (default `1`); prices and stock follow it.',
    '`analytics`: empty (the default) loads no analytics code; `ga4` and `vtex-pixel` send the kit’s events, never names, e-mails, documents, addresses or card data.',
  ],
  keyboard: [
    ['Tab', 'No stop of its own: focus moves straight to the elements and content inside the store.'],
  ],
};

const meta: Meta = {
  title: 'Store/Store',
  component: 'vtex-store',
  tags: ['autodocs'],
  parameters: {guidance},
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
