import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/cart/define.js';
import type {Guidance} from '../.storybook/guidance.js';

/** Sandbox helpers: every story starts from its own cart, filled through VTEX's Checkout API. */
interface Sku {
  id: string;
  seller: string;
  stock: number;
}

async function skus(): Promise<Sku[]> {
  const r = await fetch('/api/intelligent-search/v1/product-search/?count=50');
  const body = (await r.json()) as {
    products: {
      items: {itemId: string; sellers: {sellerId: string; commertialOffer: {AvailableQuantity: number}}[]}[];
    }[];
  };
  return body.products.flatMap((p) =>
    p.items.map((i) => ({
      id: i.itemId,
      seller: i.sellers[0]!.sellerId,
      stock: i.sellers[0]!.commertialOffer.AvailableQuantity,
    })),
  );
}

async function freshCart(): Promise<string> {
  const r = await fetch('/api/checkout/pub/orderForm?forceNewCart=true', {credentials: 'include'});
  return ((await r.json()) as {orderFormId: string}).orderFormId;
}

const post = (path: string, body: unknown) =>
  fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });

async function cartWith(
  pick: (all: Sku[]) => {sku: Sku; quantity: number}[],
  coupon?: string,
): Promise<void> {
  const id = await freshCart();
  const orderItems = pick(await skus()).map(({sku, quantity}) => ({
    id: sku.id,
    quantity,
    seller: sku.seller,
  }));
  for (const item of orderItems) await post(`/api/checkout/pub/orderForm/${id}/items`, {orderItems: [item]});
  if (coupon) await post(`/api/checkout/pub/orderForm/${id}/coupons`, {text: coupon});
}

const inStock = (all: Sku[]) => all.filter((s) => s.stock >= 10);

const faults = (config: Record<string, unknown>) => async () => {
  await freshCart();
  await post('/_sandbox/faults', config);
  return async () => {
    await fetch('/_sandbox/faults', {method: 'DELETE'});
  };
};

const guidance: Guidance = {
  do: [
    'Put one drawer cart on the page (`<vtex-cart variant="drawer">`) and open it from `<vtex-cart-button>`; without one, the button creates it on first click.',
    'Use `variant="inline"` on a cart page, and the drawer everywhere else.',
    'Place the drawer anywhere visible: it opens as a modal `<dialog>` in the browser’s top layer, so `overflow: hidden` or `transform` on its containers does not clip it.',
    'Fill the `empty` slot with a way back to shopping, such as a link to the catalog.',
    'Set `checkout-url` when your checkout is elsewhere; with `<vtex-checkout>` on the same page, Go to checkout scrolls to it instead.',
  ],
  dont: [
    'Don’t put the drawer cart inside anything hidden with `display: none` (a collapsed mobile menu): it opens invisible, and the page behind it goes inert.',
    'Don’t cancel `vtex-before-checkout` without taking the shopper somewhere: Go to checkout then does nothing.',
    'Don’t size the drawer with `width` on the element: in the drawer variant it has no box of its own. Use `--vtex-cart-drawer-width`.',
    'Don’t add a second cart just to show a count or a total elsewhere: use `<vtex-cart-button>` (the count) or the `vtex-cart-updated` event (its `value`).',
  ],
  content: [
    'Line names, variations and images come from the cart (the catalog); prices and totals are VTEX’s, in the store’s currency.',
    'The title, buttons, coupon and shipping messages are the kit’s, in the shopper’s language; VTEX’s messages (stock, price changes) are said in the shopper’s words when the kit knows them, as VTEX sends them otherwise.',
    '`country` (ISO 3166-1 alpha-3, such as `BRA`): the postal code format of the shipping estimate; default, the store’s country.',
    'The `empty` slot: one short sentence and a link, in the page’s language.',
  ],
  keyboard: [
    [
      'Tab / Shift + Tab',
      'Moves through the cart’s controls; in the drawer, focus wraps around and never leaves it.',
    ],
    ['Escape (drawer)', 'Closes the drawer; focus returns to what opened it, usually the cart button.'],
    [
      'Enter / Space (on − or +)',
      'One less or one more of that line; the line stays busy until VTEX confirms.',
    ],
    ['↑ / ↓ (in a quantity)', 'One more or one less.'],
    ['Enter (in a quantity)', 'Sets the typed quantity; 0 removes the line.'],
    ['Enter / Space (on Remove)', 'Removes the line; focus moves to the cart’s heading.'],
    [
      'Enter / Space (on Clear cart)',
      'Asks to confirm and focuses “Yes, clear cart”; Cancel returns focus to Clear cart.',
    ],
    ['Enter (in the coupon field)', 'Applies the coupon.'],
    ['Enter (in the postal code)', 'Estimates shipping.'],
    [
      'Enter (on Go to checkout)',
      'Goes to the checkout; with `<vtex-checkout>` on the page, closes the drawer and scrolls to it.',
    ],
  ],
};

const meta: Meta = {
  title: 'Cart/Cart',
  component: 'vtex-cart',
  tags: ['autodocs'],
  parameters: {guidance},
  args: {variant: 'inline'},
  render: (args) =>
    html`<vtex-cart
      variant=${args.variant as string}
      ?open=${Boolean(args.open)}
      checkout-url=${(args['checkout-url'] as string) ?? ''}
    ></vtex-cart>`,
};
export default meta;

type Story = StoryObj;

/** A cart with no items: its own state, and the `empty` slot for your content. */
export const Empty: Story = {
  loaders: [async () => ({cart: await freshCart()})],
};

/** Two lines: image, name, variation, unit and line totals, list price when discounted, stepper, remove. */
export const WithItems: Story = {
  loaders: [
    async () =>
      cartWith((all) => [
        {sku: inStock(all)[0]!, quantity: 2},
        {sku: inStock(all)[3]!, quantity: 1},
      ]),
  ],
};

/** The SUMMER10 coupon applied: the Discounts totalizer and the coupon's removal. */
export const WithCoupon: Story = {
  loaders: [
    async () =>
      cartWith(
        (all) => [
          {sku: inStock(all)[0]!, quantity: 2},
          {sku: inStock(all)[5]!, quantity: 1},
        ],
        'SUMMER10',
      ),
  ],
};

/** VTEX's messages next to their line: more than the stock allows (clamped) and a sold-out SKU. */
export const WithMessages: Story = {
  loaders: [
    async () =>
      cartWith((all) => {
        const low = all.find((s) => s.stock > 1 && s.stock < 10)!;
        const gone = all.find((s) => s.stock === 0)!;
        return [
          {sku: low, quantity: low.stock + 3},
          {sku: gone, quantity: 1},
        ];
      }),
  ],
};

/** The cart could not be loaded: a human sentence and a retry button. */
export const ErrorState: Story = {
  name: 'Error',
  beforeEach: faults({
    errorRate: 1,
    errorStatus: 400,
    routes: '/api/checkout/pub/orderForm',
    methods: ['GET'],
  }),
};

/** While the cart loads: a skeleton with the final layout's size. */
export const Loading: Story = {
  beforeEach: faults({latencyMs: 600_000, routes: '/api/checkout/pub/orderForm', methods: ['GET']}),
};

/** The minicart: a native modal dialog (Escape closes, focus returns to the opener). */
export const Drawer: Story = {
  args: {variant: 'drawer', open: true},
  loaders: WithItems.loaders,
};
