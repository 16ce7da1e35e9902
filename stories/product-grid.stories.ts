import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/product-grid/define.js';

/** Sandbox faults are page-wide: every story sets (or clears) them before it renders. */
async function faults(config: Record<string, unknown> | null): Promise<void> {
  await fetch(
    '/_sandbox/faults',
    config
      ? {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(config)}
      : {method: 'DELETE'},
  );
}

const meta: Meta = {
  title: 'Catalog/Product grid',
  component: 'vtex-product-grid',
  tags: ['autodocs'],
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
