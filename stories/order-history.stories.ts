import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import '../src/elements/order-history/define.js';
import type {Guidance} from '../.storybook/guidance.js';
import {
  advanceClock,
  clearFaults,
  freshCart,
  placeTestOrder,
  setFaults,
  signIn,
  signOut,
} from '../test/browser/sandbox.js';

/**
 * Every story prepares the sandbox through VTEX's own APIs: it signs a shopper in (the sandbox's login form) and
 * places orders (cart → attachments → transaction → payments → gatewayCallback).
 */
const shopper = (name: string) => `${name}.${Date.now()}@example.com`;

async function withOrders(count: number): Promise<{email: string; orderIds: string[]}> {
  await signOut();
  const email = shopper('ana.silva');
  const orderIds: string[] = [];
  const skus = [
    [{id: '101', quantity: 2}],
    [
      {id: '102', quantity: 1},
      {id: '104', quantity: 1},
    ],
    [{id: '105', quantity: 3}],
  ];
  for (let i = 0; i < count; i++)
    orderIds.push((await placeTestOrder(email, skus[i % skus.length]!)).orderId);
  await freshCart();
  await signIn(email);
  return {email, orderIds};
}

const guidance: Guidance = {
  do: [
    'Put it on an account page and link to that page with `orders-url` on `<vtex-login-button>` and `<vtex-checkout>`.',
    'Leave it on the page for signed-out shoppers: it explains and offers a sign-in button itself.',
    'Keep `page-size` modest (default 10): each listed order costs one more request for its thumbnails.',
    'Set `order-id` to open one order directly, for example with an order number your page reads from its own URL.',
  ],
  dont: [
    'Don’t add another sign-in button next to it for signed-out shoppers: it already shows one.',
    'Don’t expect the browser’s Back button to leave an order’s detail: opening an order does not change the URL. Use “Back to my orders”, or push a URL yourself on `vtex-order-selected`.',
    'Don’t put it in a narrow sidebar or the drawer cart: an order’s detail has items, totals, address, payment and a progress bar that need the main column.',
  ],
  content: [
    'The heading (“My orders”), statuses, progress steps (“Order placed”, “Payment approved”, “Preparing”, “Shipped”) and buttons are the kit’s, in the shopper’s language.',
    'Dates are in the shopper’s locale; totals in each order’s own currency.',
    'Item names and images are those of the order (what was bought then), not today’s catalog.',
  ],
  keyboard: [
    ['Tab / Shift + Tab', 'Moves through each order’s View details, then Previous page and Next page.'],
    ['Enter / Space (on View details)', 'Opens that order; focus moves to its heading.'],
    [
      'Enter / Space (on Back to my orders)',
      'Shows the list again; focus returns to that order’s View details.',
    ],
    ['Enter / Space (on Previous or Next page)', 'Shows that page; focus moves to the My orders heading.'],
    [
      'Enter / Space (on Buy again)',
      'Adds the order’s available items to the cart; the result is announced.',
    ],
  ],
};

const meta: Meta = {
  title: 'Account/Order history',
  component: 'vtex-order-history',
  tags: ['autodocs'],
  parameters: {guidance},
  args: {'page-size': 5},
  render: (args, {loaded}) =>
    html`<vtex-order-history
      page-size=${args['page-size'] as number}
      order-id=${(loaded.orderId as string | undefined) ?? (args['order-id'] as string | undefined) ?? nothing}
    ></vtex-order-history>`,
};
export default meta;

type Story = StoryObj;

/** Signed out: an explanation and the login button. */
export const SignedOut: Story = {
  name: 'Signed out',
  loaders: [async () => signOut()],
};

/** A signed-in shopper who never bought anything. */
export const EmptyHistory: Story = {
  name: 'Empty history',
  loaders: [
    async () => {
      await signOut();
      await signIn(shopper('new.shopper'));
    },
  ],
};

/** Seven orders, newest first, five per page; statuses advance with the sandbox's clock (here +15 minutes). */
export const List: Story = {
  loaders: [
    async () => {
      const {orderIds} = await withOrders(7);
      await advanceClock(15 * 60_000);
      return {orderIds};
    },
  ],
};

/** One order: items, totals, address, delivery progress, payment and "Buy again". */
export const Detail: Story = {
  loaders: [
    async () => {
      const {orderIds} = await withOrders(2);
      await advanceClock(3 * 60_000);
      return {orderId: orderIds[1]};
    },
  ],
};

/** An order id from another shopper (or a typo): not found, never someone else's data. */
export const NotFound: Story = {
  name: 'Not found',
  loaders: [
    async () => {
      await withOrders(0);
      return {orderId: '0000000000000-01'};
    },
  ],
};

/** The user token expired (24 h later): the element shows the signed-out state and the login button, not an error. */
export const ExpiredSession: Story = {
  name: 'Expired session',
  loaders: [
    async () => {
      await withOrders(1);
      await advanceClock(25 * 60 * 60_000);
    },
  ],
};

/** While orders load: skeletons with the list's size. */
export const Loading: Story = {
  loaders: [async () => withOrders(1)],
  beforeEach: async () => {
    await setFaults({latencyMs: 600_000, routes: '/api/oms'});
    return clearFaults;
  },
};

/** OMS failed: a sentence and a retry button. */
export const ErrorState: Story = {
  name: 'Error',
  loaders: [async () => withOrders(1)],
  beforeEach: async () => {
    await setFaults({errorRate: 1, errorStatus: 503, routes: '/api/oms'});
    return clearFaults;
  },
};
