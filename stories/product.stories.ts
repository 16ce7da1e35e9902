import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/product/define.js';
import type {Guidance} from '../.storybook/guidance.js';

async function faults(config: Record<string, unknown> | null): Promise<void> {
  await fetch(
    '/_sandbox/faults',
    config
      ? {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(config)}
      : {method: 'DELETE'},
  );
}

const guidance: Guidance = {
  do: [
    'On a product page, use `slug-param="product"`: the product comes from the page URL (`?product=…`, the grid’s default card link) and follows back/forward, with no script.',
    'Make it the page’s main content: the product name is the page’s `<h1>` and Description and Specifications are `<h2>`s.',
    'Write descriptions in VTEX as plain, semantic HTML (paragraphs, lists, headings): scripts, event handlers, styles, forms and frames are removed before they are shown.',
    'Write each image’s label in VTEX as its alternative text: it becomes the main image’s `alt`, with the product name as fallback.',
  ],
  dont: [
    'Don’t put it where the page already has an `<h1>` (under a CMS post title, for example) without checking the heading outline.',
    'Don’t use several `<vtex-product>` to list products: each loads its own product and writes its own Product JSON-LD. Use `<vtex-product-grid>`.',
    'Don’t set `slug` and `product-id` to different products: `slug` wins, and `product-id` is used only without it.',
    'Don’t leave `structured-data` on when the page prints its own Product JSON-LD: set `structured-data="off"`.',
  ],
  content: [
    'Name, brand, images, description and specifications come from the catalog.',
    'Variation groups (“Size”, “Colour”) and their values are the SKU specifications in VTEX; each group’s legend reads “Size: M”. Values out of stock are shown but cannot be chosen.',
    'Price, list price, discount and installments are formatted from the store’s currency and the shopper’s locale.',
    'The `not-found` slot replaces the not-found message: write it in the page’s language, with a way back to the catalog.',
  ],
  keyboard: [
    [
      'Tab / Shift + Tab',
      'Moves through the thumbnails, each variation group (one stop per group), the quantity and Add to cart.',
    ],
    ['Enter / Space (on a thumbnail)', 'Shows that image large.'],
    [
      '← / → / ↑ / ↓ (in a variation group)',
      'Chooses the previous or next value; values out of stock are skipped. Price, images and stock follow.',
    ],
    ['↑ / ↓ (in the quantity)', 'One more or one less, between 1 and the stock (at most 99).'],
    [
      'Enter / Space (on Add to cart)',
      'Adds the chosen variation and quantity to the cart; the result is announced.',
    ],
  ],
};

const meta: Meta = {
  title: 'Catalog/Product',
  component: 'vtex-product',
  tags: ['autodocs'],
  parameters: {guidance},
  args: {slug: 'camiseta-basica-algodao'},
  loaders: [async () => faults(null)],
  render: (args) =>
    html`<vtex-product
      slug=${ifDefined(args.slug || undefined)}
      product-id=${ifDefined(args['product-id'] || undefined)}
    ></vtex-product>`,
};
export default meta;

type Story = StoryObj;

/** Size × Color with one out-of-stock combination (G / Preto), list price and discount. */
export const WithVariations: Story = {};

/** A single SKU. */
export const SingleSku: Story = {args: {slug: '', 'product-id': '2'}};

/** Every SKU out of stock. */
export const OutOfStock: Story = {args: {slug: 'tenis-de-corrida-esgotado'}};

/** A long name and 12x installments. */
export const LongName: Story = {args: {slug: '', 'product-id': '4'}};

/** A description carrying `<img onerror>` and `<script>`: rendered inert by DOMPurify. */
export const UnsafeDescription: Story = {args: {slug: '', 'product-id': '5'}};

/** Loading skeleton. */
export const Loading: Story = {
  loaders: [async () => faults({latencyMs: 120_000, routes: '/api/intelligent-search'})],
};

/** Unknown slug: the friendly not-found state. */
export const NotFound: Story = {args: {slug: 'no-such-product'}};

/** The catalog failed: error with retry. */
export const ErrorState: Story = {
  args: {slug: 'caneca-teste-de-sanitizacao'},
  loaders: [async () => faults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search'})],
};
