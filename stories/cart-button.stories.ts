import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/cart-button/define.js';
import type {Guidance} from '../.storybook/guidance.js';

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

const guidance: Guidance = {
  do: [
    'Put one in the site header, next to `<vtex-login-button>`, with one `<vtex-cart variant="drawer">` on the page (or none: the button creates it).',
    'With several drawer carts on a page, name the one to open with `for="cart-id"`.',
    'Slot your own icon as an inline SVG with `aria-hidden="true"`: the kit names the button (“Cart, 3 items”).',
    'Use `count="lines"` where shoppers buy in bulk: the badge then counts products, not units (1, not 48).',
  ],
  dont: [
    'Don’t put text in the slot for screen readers: the button’s label replaces its content.',
    'Don’t wrap it in a link or another button: it is a button already.',
    'Don’t leave the button inside a menu that hides itself on click without a drawer cart outside that menu: the drawer it creates sits next to the button and would be hidden with it.',
    'Don’t shrink it below a comfortable touch target: `--vtex-cart-button-size` defaults to 2.75rem (44px).',
  ],
  content: [
    'The label (“Cart, 3 items”, “Cart, 0 items”) is the kit’s, in the shopper’s language; you write no text.',
    'The badge counts items (or lines with `count="lines"`), hides when the cart is empty and shows “99+” past 99.',
    '`checkout-url`: used only by a drawer the button creates; a drawer already on the page keeps its own.',
  ],
  keyboard: [
    [
      'Enter / Space',
      'Opens the drawer cart and moves focus into it; when the drawer closes, focus comes back to the button.',
    ],
    ['Tab', 'One stop, like any button.'],
  ],
};

const meta: Meta = {
  title: 'Cart/Cart button',
  component: 'vtex-cart-button',
  tags: ['autodocs'],
  parameters: {guidance},
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
