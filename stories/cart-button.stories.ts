import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/cart-button/define.js';

async function fill(quantities: number[]): Promise<void> {
  const fresh = await fetch('/api/checkout/pub/orderForm?forceNewCart=true', {credentials: 'include'});
  const {orderFormId} = (await fresh.json()) as {orderFormId: string};
  const r = await fetch('/api/intelligent-search/v1/product-search/?count=20');
  const body = (await r.json()) as {
    products: {
      items: {itemId: string; sellers: {sellerId: string; commertialOffer: {AvailableQuantity: number}}[]}[];
    }[];
  };
  const skus = body.products
    .flatMap((p) => p.items)
    .filter((i) => i.sellers[0]!.commertialOffer.AvailableQuantity >= 10);
  const orderItems = quantities.map((quantity, n) => ({
    id: skus[n]!.itemId,
    quantity,
    seller: skus[n]!.sellers[0]!.sellerId,
  }));
  if (orderItems.length) {
    await fetch(`/api/checkout/pub/orderForm/${orderFormId}/items`, {
      method: 'POST',
      credentials: 'include',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({orderItems}),
    });
  }
}

const meta: Meta = {
  title: 'Cart/Cart button',
  component: 'vtex-cart-button',
  tags: ['autodocs'],
  args: {count: 'items'},
  render: (args) =>
    html`<vtex-cart-button count=${args.count as string}></vtex-cart-button>
      <vtex-cart variant="drawer"></vtex-cart>`,
};
export default meta;

type Story = StoryObj;

/** No items: no badge; the label still says "Cart, 0 items". */
export const Empty: Story = {loaders: [async () => fill([])]};

/** Three items in two lines; the badge counts quantities. Click to open the drawer. */
export const WithItems: Story = {loaders: [async () => fill([2, 1])]};

/** The same cart counting lines instead (`count="lines"`). */
export const CountingLines: Story = {args: {count: 'lines'}, loaders: [async () => fill([2, 1])]};
