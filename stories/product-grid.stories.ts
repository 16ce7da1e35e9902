import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/product-grid/define.js';
import type {Guidance} from '../.storybook/guidance.js';

/** Sandbox faults are page-wide: every story sets (or clears) them before it renders. */
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
    'Set the merchant’s scope with attributes (`category="apparel/shirts"`, `brand`, `collection`, `facets`) and let shoppers narrow it with `show-facets`: their filters come on top of yours, and yours are not offered for removal.',
    'Turn on `sync-url` on a search or category page (one grid per page): back/forward, reload and shared links keep the query, filters, sort and page.',
    'Give the grid the main column: below 48rem of its own width the facet sidebar becomes a Filters button with a drawer, and a fixed `columns` drops to 2.',
    'Give it an `id` that names the list (`category-shirts`): analytics report it as the list in `vtex-products-viewed`.',
  ],
  dont: [
    'Don’t set `query` from your own script while a `<vtex-search-box for>` drives the same grid: every new query clears the shopper’s filters and goes back to page 1.',
    'Don’t use `pagination="infinite"` above content shoppers need (a footer with contacts, policies): pages keep loading as the end comes into view. Prefer `pages` or `load-more` there.',
    'Don’t leave `structured-data` on when the page already prints its own `ItemList` JSON-LD: set `structured-data="off"` so search engines see one list.',
    'Don’t rely on `columns` for phones: it is the number of columns on wide layouts only.',
  ],
  content: [
    'Card names, brands, images, prices, installments and stock come from the catalog: change them in VTEX, not on the page.',
    'Filter groups and values are the store’s facets, named as in the VTEX admin; counts come from the search.',
    'The result count, sort names, “Load more”, page labels, empty and error messages are the kit’s, in the shopper’s language.',
    'Prices use the store’s currency and the shopper’s locale.',
    '`product-url`: your product page, with `{slug}` and `{id}` replaced (default `?product={slug}`, which `<vtex-product slug-param="product">` reads).',
  ],
  keyboard: [
    [
      'Tab / Shift + Tab',
      'Moves through the filters, the sort menu, each card’s name link, swatches and Add to cart, then the page buttons.',
    ],
    ['Space (on a filter)', 'Turns the filter on or off; the results reload.'],
    ['Enter (in a price field)', 'Applies the minimum and maximum price.'],
    ['↑ / ↓ (on the sort menu)', 'The browser’s own select keys choose a sort order; the results reload.'],
    ['Enter (on a product name)', 'Opens the product page.'],
    ['Enter / Space (on a swatch)', 'Shows that variation on the card: its image, price and stock.'],
    ['Enter / Space (on Add to cart)', 'Adds the card’s variation to the cart; the result is announced.'],
    ['Enter / Space (on a page button)', 'Loads that page; focus moves to its first product.'],
    ['Enter / Space (on Load more)', 'Adds the next page below; focus moves to the first new product.'],
    ['Enter / Space (on Filters)', 'Narrow layouts: opens the filter drawer.'],
    ['Escape (in the filter drawer)', 'Closes the drawer; focus returns to the Filters button.'],
  ],
};

const meta: Meta = {
  title: 'Catalog/Product grid',
  component: 'vtex-product-grid',
  tags: ['autodocs'],
  parameters: {guidance},
  args: {
    query: '',
    category: 'apparel',
    pagination: 'pages',
    'page-size': 12,
    'show-facets': true,
    'show-sort': true,
  },
  loaders: [async () => faults(null)],
  render: (args) =>
    html`<vtex-product-grid
      query=${ifDefined(args.query || undefined)}
      category=${ifDefined(args.category || undefined)}
      collection=${ifDefined(args.collection || undefined)}
      brand=${ifDefined(args.brand || undefined)}
      sort=${ifDefined(args.sort || undefined)}
      pagination=${args.pagination}
      page-size=${args['page-size']}
      columns=${ifDefined(args.columns || undefined)}
      ?show-facets=${args['show-facets']}
      ?show-sort=${args['show-sort']}
    ></vtex-product-grid>`,
};
export default meta;

type Story = StoryObj;

/** A category listing with the facet sidebar, sort and numbered pages. */
export const Category: Story = {};

/** Full-text search results. */
export const Search: Story = {args: {query: 'camiseta', category: ''}};

/** A merchant's collection (`collection="137"`, Summer) in four fixed columns, no sidebar. */
export const Collection: Story = {args: {category: '', collection: '137', columns: 4, 'show-facets': false}};

/** "Load more" pagination. */
export const LoadMore: Story = {args: {pagination: 'load-more'}};

/** Infinite scroll (with the load-more button as a fallback). */
export const Infinite: Story = {args: {pagination: 'infinite', 'page-size': 8}};

/** Skeleton cards while the search answers (the sandbox is slowed down). */
export const Loading: Story = {
  loaders: [async () => faults({latencyMs: 120_000, routes: '/api/intelligent-search'})],
};

/** No products for the query. */
export const Empty: Story = {args: {query: 'xyzzyplugh', category: ''}};

/** The search failed: a sentence and a retry button. */
export const ErrorState: Story = {
  loaders: [async () => faults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search'})],
};

/** A phone: the facets move into a filter drawer. */
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 380px">${meta.render!(args, {} as never)}</div>`,
};

/** "Load more" whose next page failed: the shown cards stay, a sentence and a retry take the button's place. */
export const LoadMoreFailed: Story = {
  args: {pagination: 'load-more', 'page-size': 7},
  play: async ({canvasElement}) => {
    const button = async () => {
      for (let i = 0; i < 200; i++) {
        const b = canvasElement
          .querySelector('vtex-product-grid')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="load-more"]:not([disabled])');
        if (b) return b;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no "Load more" button');
    };
    const loadMore = await button();
    await faults({errorRate: 1, errorStatus: 500, routes: '/api/intelligent-search'});
    loadMore.click();
  },
};

/** A page past the last one (a stale link, `page="999"`): it says so and offers the first page. */
export const PagePastTheLast: Story = {
  render: (args) =>
    html`<vtex-product-grid
      category=${args.category}
      page="999"
      page-size=${args['page-size']}
    ></vtex-product-grid>`,
};
