import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/product/define.js';

async function faults(config: Record<string, unknown> | null): Promise<void> {
  await fetch(
    '/_sandbox/faults',
    config
      ? {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(config)}
      : {method: 'DELETE'},
  );
}

const meta: Meta = {
  title: 'Catalog/Product',
  component: 'vtex-product',
  tags: ['autodocs'],
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
