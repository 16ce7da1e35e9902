import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/login-button/define.js';
import {clearFaults, setFaults, signIn, signOut} from '../test/browser/sandbox.js';
import type {Guidance} from '../.storybook/guidance.js';

/** Each story sets the sandbox's session first: signed out, signed in, or a slow/failing session route. */
const faults = (config: Parameters<typeof setFaults>[0]) => async () => {
  await signOut();
  await setFaults(config);
  return clearFaults;
};

const guidance: Guidance = {
  do: [
    'Put it in the site header next to `<vtex-cart-button>`, and set `orders-url` so the menu offers “My orders”.',
    'Let VTEX’s own login page sign shoppers in: the kit never asks for a password. Set `login-url` (here or on `<vtex-store>`) only when that page is served elsewhere than `api`.',
    'Cancel `vtex-before-login` only when you open login your own way (a modal, an app route).',
    'Keep the header steady with `--vtex-login-button-width` (default 8rem): loading, Sign in and the signed-in name take the same width.',
  ],
  dont: [
    'Don’t build a sign-in form around it or ask for passwords on the page.',
    'Don’t place it inside a container with `overflow: hidden`: the account menu opens below the button and gets clipped.',
    'Don’t rely on it to show a full name: it shows the first name (or the e-mail when VTEX has none), cut to the button’s width.',
  ],
  content: [
    '“Sign in”, “My orders”, “Sign out” and the button’s accessible name (“Account menu for Ana”) are the kit’s, in the shopper’s language.',
    '`orders-url`: the page with `<vtex-order-history>`; without it the menu has only “Sign out”.',
  ],
  keyboard: [
    ['Enter (on Sign in)', 'Goes to VTEX’s login page; the shopper comes back to this page.'],
    ['Enter / Space (on the account button)', 'Opens or closes the menu.'],
    ['↓ (on the account button)', 'Opens the menu and focuses its first item.'],
    ['↑ (on the account button)', 'Opens the menu and focuses its last item.'],
    ['↓ / ↑ (in the menu)', 'Next or previous item, wrapping around.'],
    ['Home / End (in the menu)', 'First or last item.'],
    ['Escape', 'Closes the menu; from an item, focus goes back to the account button.'],
    ['Tab / Shift + Tab (in the menu)', 'Moves between the items; leaving the menu closes it.'],
    ['Enter / Space (on Sign out)', 'Signs out at VTEX; focus moves to Sign in.'],
  ],
};

const meta: Meta = {
  title: 'Account/Login button',
  component: 'vtex-login-button',
  tags: ['autodocs'],
  parameters: {guidance},
  args: {'orders-url': '/account/orders', 'login-url': ''},
  render: (args) =>
    html`<vtex-login-button
      orders-url=${(args['orders-url'] as string) || ''}
      login-url=${(args['login-url'] as string) || ''}
    ></vtex-login-button>`,
};
export default meta;

type Story = StoryObj;

/** A link to VTEX's own login page (the sandbox serves one: any e-mail, access code 123456), returning here. */
export const SignedOut: Story = {
  name: 'Signed out',
  loaders: [async () => signOut()],
};

/** The shopper's name or e-mail opens a menu: "My orders" (`orders-url`) and "Sign out". */
export const SignedIn: Story = {
  name: 'Signed in',
  loaders: [async () => signIn('ana.silva@example.com')],
};

/** While the session loads: a placeholder that keeps the button's width. */
export const Loading: Story = {
  beforeEach: faults({latencyMs: 600_000, routes: '/api/sessions'}),
};

/** The session could not be read: a sentence and a retry button. */
export const ErrorState: Story = {
  name: 'Error',
  beforeEach: faults({errorRate: 1, errorStatus: 503, routes: '/api/sessions'}),
};
