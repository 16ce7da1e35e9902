import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/login-button/define.js';
import {clearFaults, setFaults, signIn, signOut} from '../test/browser/sandbox.js';

/** Each story sets the sandbox's session first: signed out, signed in, or a slow/failing session route. */
const faults = (config: Parameters<typeof setFaults>[0]) => async () => {
  await signOut();
  await setFaults(config);
  return clearFaults;
};

const meta: Meta = {
  title: 'Account/Login button',
  component: 'vtex-login-button',
  tags: ['autodocs'],
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
