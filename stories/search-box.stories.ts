import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/search-box/define.js';
import '../src/elements/product-grid/define.js';
import type {Guidance} from '../.storybook/guidance.js';

const guidance: Guidance = {
  do: [
    'Connect it: `for="grid-id"` sets the query of a `<vtex-product-grid>` on the same page; without `for`, `action="/search"` opens `/search?q=…`.',
    'Set `product-url` to your product page (`/p/{slug}`, `/product?slug={slug}`) so a product suggestion opens the right page; listen to `vtex-product-selected` to route in-app instead.',
    'Give it room in the header: the suggestions popup is as wide as the element and shows an image, a name and a price per product.',
    'Keep the suggestions above the page’s own layers: raise `--vtex-search-box-z-index` (default 20) if a sticky header or banner covers them.',
  ],
  dont: [
    'Don’t place it inside a container with `overflow: hidden`: the suggestions popup is positioned inside the element and gets clipped.',
    'Don’t set `min-chars` below 2 or `debounce` near 0: almost every keystroke becomes a request to Intelligent Search.',
    'Don’t point `for` at an id that is not a `<vtex-product-grid>` in the same document (or shadow root) without an `action` as well: the search then goes nowhere.',
    'Don’t put instructions the shopper needs while typing in `placeholder`: it disappears at the first keystroke.',
  ],
  content: [
    'The input’s label, the Search button, the group names (“Searches”, “Products”) and the result announcements are the kit’s, in the shopper’s language.',
    '`placeholder`: a short hint in the page’s language, such as “Search shirts, mugs…”. It is not translated; without it, a localized “Search products” is shown.',
    '`value`: the text the box starts with, such as the current query on a results page.',
    'Suggestions are what Intelligent Search returns: search terms, then up to `product-count` products (default 4) with image, name and price in the store’s currency.',
  ],
  keyboard: [
    [
      '↓ (in the input)',
      'Opens the suggestions and highlights the next one; from the last it goes back to the first.',
    ],
    ['↑ (in the input)', 'Highlights the previous suggestion; from none, the last one.'],
    [
      'Enter (in the input)',
      'With a suggestion highlighted: a search term runs that search, a product opens its page. Otherwise: searches for the typed text.',
    ],
    ['Escape (in the input)', 'Closes the suggestions; when none are shown, clears the text.'],
    ['Tab', 'Moves to the Search button and closes the suggestions (they are never a tab stop).'],
    ['Enter / Space (on Search)', 'Searches for the typed text.'],
  ],
};

const meta: Meta = {
  title: 'Catalog/Search box',
  component: 'vtex-search-box',
  tags: ['autodocs'],
  parameters: {guidance},
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
