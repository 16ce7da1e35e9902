import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/search-box/define.js';
import '../src/elements/product-grid/define.js';

const meta: Meta = {
  title: 'Catalog/Search box',
  component: 'vtex-search-box',
  tags: ['autodocs'],
  loaders: [async () => fetch('/_sandbox/faults', {method: 'DELETE'})],
  render: () => html`<vtex-search-box action="" value=""></vtex-search-box>`,
};
export default meta;

type Story = StoryObj;

/** Empty. Type two letters ("cam", "cafe") to see term and product suggestions. */
export const Default: Story = {};

/** Pre-filled, so the suggestions open on focus. */
export const WithText: Story = {render: () => html`<vtex-search-box value="camiseta"></vtex-search-box>`};

/** Driving a grid on the same page (`for="grid"`): submitting sets the grid's query. */
export const DrivesGrid: Story = {
  render: () =>
    html`<vtex-search-box for="story-grid"></vtex-search-box>
      <div style="height: 1rem"></div>
      <vtex-product-grid id="story-grid" query="camiseta" page-size="8" show-sort></vtex-product-grid>`,
};
