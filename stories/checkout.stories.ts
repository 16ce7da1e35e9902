import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/elements/checkout/define.js';
import type {Guidance} from '../.storybook/guidance.js';

/** Sandbox helpers: every story starts from its own cart, prepared through VTEX's Checkout API. */
const OF = '/api/checkout/pub/orderForm';
const post = (path: string, body: unknown) =>
  fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });

async function cart(upTo: 'empty' | 'items' | 'profile' | 'shipping'): Promise<void> {
  await fetch('/_sandbox/faults', {method: 'DELETE'});
  const r = await fetch(`${OF}?forceNewCart=true`, {credentials: 'include'});
  const id = ((await r.json()) as {orderFormId: string}).orderFormId;
  if (upTo === 'empty') return;
  const search = await fetch('/api/intelligent-search/v1/product-search/?count=10');
  const products = ((await search.json()) as {products: {items: {itemId: string}[]}[]}).products;
  await post(`${OF}/${id}/items`, {
    orderItems: [{id: products[0]!.items[0]!.itemId, quantity: 2, seller: '1'}],
  });
  if (upTo === 'items') return;
  await post(`${OF}/${id}/attachments/clientProfileData`, {
    email: `ana.${Date.now()}@example.com`,
    firstName: 'Ana',
    lastName: 'Silva',
    documentType: 'cpf',
    document: '52998224725',
    phone: '+55 21 99999-0000',
  });
  if (upTo === 'profile') return;
  await post(`${OF}/${id}/attachments/shippingData`, {
    selectedAddresses: [
      {
        addressType: 'residential',
        receiverName: 'Ana Silva',
        postalCode: '22250-040',
        country: 'BRA',
        street: 'Praia de Botafogo',
        number: '300',
        neighborhood: 'Botafogo',
        city: 'Rio de Janeiro',
        state: 'RJ',
      },
    ],
  });
}

/** Waits for something inside the checkout's shadow root. */
async function find<T extends HTMLElement>(root: HTMLElement, selector: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const el = root.querySelector('vtex-checkout')?.shadowRoot?.querySelector<T>(selector);
    if (el) return el;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not found: ${selector}`);
}

async function type(root: HTMLElement, name: string, value: string): Promise<void> {
  const input = await find<HTMLInputElement>(root, `[name="${name}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

async function pay(root: HTMLElement, kind: 'card' | 'pix', number = '4111111111111111'): Promise<void> {
  const radios = [] as HTMLInputElement[];
  await find(root, 'input[name="payment"]');
  radios.push(
    ...root
      .querySelector('vtex-checkout')!
      .shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="payment"]'),
  );
  radios
    .find((r) =>
      (kind === 'pix' ? /pix/i : /card|cartão|tarjeta/i).test(r.closest('label')!.textContent ?? ''),
    )!
    .click();
  if (kind === 'card') {
    await type(root, 'cardNumber', number);
    await type(root, 'holderName', 'Ana Silva');
    await type(root, 'expiry', '12/35');
    await type(root, 'cvv', '123');
  }
  (await find(root, '[part~="continue"]')).click();
  await find(root, '[part~="place-order"]');
}

async function place(root: HTMLElement, until: string): Promise<void> {
  (await find(root, '[part~="place-order"]')).click();
  await find(root, until);
}

const guidance: Guidance = {
  do: [
    'Give it a page of its own (or the end of a one-page store), in the main column: it is a full-page flow with its own headings and focus moves.',
    'Set `orders-url` to the page with `<vtex-order-history>`: the confirmation links to it.',
    'On a one-page store, give it `tabindex="-1"`, so that Go to checkout in the cart can move keyboard focus to it.',
    'Listen to `vtex-order-placed` for conversion tracking: it fires once per order and never carries card data.',
  ],
  dont: [
    'Don’t put it in the drawer cart or a modal: steps, errors and the confirmation need the page.',
    'Don’t put two checkouts on a page: both would edit the same cart.',
    'Don’t load third-party scripts (chat widgets, session recorders) on the checkout page: card numbers are typed there.',
    'Don’t copy or rewrite its validation messages in the page: each field already says what is wrong, in the shopper’s language.',
  ],
  content: [
    'Step names, field labels, hints, errors and the confirmation are the kit’s, in the shopper’s language; the document asked for (CPF in Brazil, else DNI or passport) and the postal code format follow the store’s country.',
    'Delivery options, payment methods, installments and totals come from VTEX, in the store’s currency.',
    'The `empty` slot: what an empty cart shows instead of the steps, such as a link back to the catalog.',
  ],
  keyboard: [
    [
      'Tab / Shift + Tab',
      'Moves through the Edit buttons of completed steps and the open step’s fields, then Continue.',
    ],
    [
      'Enter (in a field)',
      'Continues: the step is checked and the next one opens, with focus on its heading. With a wrong field, focus moves to the first wrong field and its message is read.',
    ],
    ['Enter (in the postal code)', 'Looks up the address for that postal code instead of continuing.'],
    ['← / → / ↑ / ↓ (in delivery or payment options)', 'Chooses another option.'],
    ['Enter / Space (on Edit)', 'Reopens that completed step; focus moves to its heading.'],
    ['Enter / Space (on Place order)', 'Places the order: one order, however often it is pressed.'],
    ['Enter / Space (on Copy code)', 'Pix confirmation: copies the Pix code.'],
  ],
};

const meta: Meta = {
  title: 'Checkout/Checkout',
  component: 'vtex-checkout',
  tags: ['autodocs'],
  parameters: {guidance},
  args: {'orders-url': '/account/orders'},
  render: (args) => html`<vtex-checkout orders-url=${(args['orders-url'] as string) ?? ''}></vtex-checkout>`,
};
export default meta;

type Story = StoryObj;

/** Step 1 — identification: e-mail first (a returning shopper's data is used), name, CPF, phone. */
export const Identification: Story = {loaders: [() => cart('items')]};

/** Field-level messages before any request: an invalid e-mail and a CPF with wrong check digits. */
export const ValidationErrors: Story = {
  loaders: [() => cart('items')],
  play: async ({canvasElement}) => {
    await type(canvasElement, 'email', 'ana@');
    await type(canvasElement, 'document', '123.456.789-00');
    (await find(canvasElement, '[part~="continue"]')).click();
  },
};

/** Step 2 — shipping: address by postal code, delivery options and pickup points per package. */
export const Shipping: Story = {loaders: [() => cart('profile')]};

/** Step 3 — payment: the store's payment systems, installments and the card form. */
export const Payment: Story = {loaders: [() => cart('shipping')]};

/**
 * Step 4 — review and place: the total and the "Place order" button, the order summary beside (items and totals; it
 * says so when the total changes here). Card data only in memory.
 */
export const Review: Story = {
  loaders: [() => cart('shipping')],
  play: ({canvasElement}) => pay(canvasElement, 'card'),
};

/** Step 5 — confirmation of an approved card order: order group and ids, items, address, payment. */
export const Confirmation: Story = {
  loaders: [() => cart('shipping')],
  play: async ({canvasElement}) => {
    await pay(canvasElement, 'card');
    await place(canvasElement, '[part~="confirmation"]');
  },
};

/** A Pix order: VTEX answers 428; the confirmation shows the Pix code and how to pay. */
export const PixConfirmation: Story = {
  loaders: [() => cart('shipping')],
  play: async ({canvasElement}) => {
    await pay(canvasElement, 'pix');
    await place(canvasElement, '[part~="pix"]');
  },
};

/** The declined test card: a clear message and the card form reopened for another try. */
export const Declined: Story = {
  loaders: [() => cart('shipping')],
  play: async ({canvasElement}) => {
    await pay(canvasElement, 'card', '4000000000000002');
    await place(canvasElement, 'input[name="cardNumber"]');
  },
};

/** On a phone the order summary is a bar with the total above the steps; it opens (opened here). */
export const SummaryOnAPhone: Story = {
  name: 'Summary on a phone',
  loaders: [() => cart('shipping')],
  render: (args) =>
    html`<div style="max-width: 24rem">
      <vtex-checkout orders-url=${(args['orders-url'] as string) ?? ''}></vtex-checkout>
    </div>`,
  play: async ({canvasElement}) => (await find(canvasElement, '[part~="summary-toggle"]')).click(),
};

/** An empty cart: its own state, and the `empty` slot for your content. */
export const Empty: Story = {loaders: [() => cart('empty')]};

/** The cart could not be loaded: a human sentence and a retry button. */
export const LoadError: Story = {
  name: 'Error',
  beforeEach: async () => {
    await cart('empty');
    await post('/_sandbox/faults', {
      errorRate: 1,
      errorStatus: 400,
      routes: '/api/checkout/pub/orderForm',
      methods: ['GET'],
    });
    return async () => {
      await fetch('/_sandbox/faults', {method: 'DELETE'});
    };
  },
};

/** While the cart loads: a skeleton with reserved size. */
export const Loading: Story = {
  beforeEach: async () => {
    await post('/_sandbox/faults', {
      latencyMs: 600_000,
      routes: '/api/checkout/pub/orderForm',
      methods: ['GET'],
    });
    return async () => {
      await fetch('/_sandbox/faults', {method: 'DELETE'});
    };
  },
};
