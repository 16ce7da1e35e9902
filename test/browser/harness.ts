/**
 * What browser tests of elements share: shadow-DOM queries, typing as a shopper does, and drivers for the checkout
 * and the cart (the steps a shopper takes; the assertions stay in the tests). Pair with `./sandbox.ts` (the sandbox
 * state).
 */
import {waitUntil} from '@open-wc/testing';
import type {OrderForm} from '../../src/client/types.js';
import {inCartQueue, type CartStore} from '../../src/state/cart-store.js';

/** An element Lit renders (`updateComplete` resolves once it has). */
type Rendered = Element & {updateComplete: Promise<unknown>};

/** A valid CPF (the checkout's Brazilian document). */
export const CPF = '529.982.247-25';

/** Shows `orderForm` as the cart's truth (in the cart's queue), for tests that need data the sandbox cannot make. */
export const showOrderForm = (cart: CartStore, orderForm: OrderForm): Promise<void> =>
  inCartQueue(cart, 'test', async (_id, apply) => apply(orderForm));

export const sr = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [
  ...sr(el).querySelectorAll<T>(sel),
];
/** The first node of `el`'s shadow DOM carrying the part `name`. */
export const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  $<T>(el, `[part~="${name}"]`);

/** Visible text of the shadow root, whitespace collapsed. */
export const text = (el: Element): string => (sr(el).textContent ?? '').replace(/\s+/g, ' ');

/** Types `value` into the field named `name` in `el`'s shadow DOM: an `input` event (and `change` when asked). */
export function type(el: Element, name: string, value: string, change = false): void {
  const field = $<HTMLInputElement>(el, `[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  if (change) field.dispatchEvent(new Event('change', {bubbles: true, composed: true}));
}

/** `<vtex-checkout>` as a shopper drives it. */
export const checkout = {
  /** The open step's part (`step-profile`, `step-shipping`, …) or `confirmation`; '' when none. */
  current(co: Element): string {
    return (
      $(co, 'section.current')?.getAttribute('part') ??
      $(co, '[part~="confirmation"]')?.getAttribute('part') ??
      ''
    );
  },

  /** Presses the open step's "Continue". */
  async submit(co: Rendered): Promise<void> {
    $(co, '[part~="continue"]')!.click();
    await co.updateComplete;
  },

  /**
   * Waits until `step` (a part, e.g. `step-payment`) is the open one and usable: its code has loaded (the shipping
   * and payment steps load on demand) and its form is rendered.
   */
  async waitStep(co: Rendered, step: string): Promise<void> {
    await waitUntil(
      () => checkout.current(co).includes(step) && !$(co, 'section.current [aria-busy="true"]'),
      `step ${step} (now ${checkout.current(co)}: ${text(co).slice(0, 300)})`,
      {timeout: 15_000},
    );
    await co.updateComplete;
  },

  /** Types the identification step's fields (a valid profile unless told otherwise). */
  typeProfile(co: Element, email: string, document = CPF): void {
    type(co, 'email', email);
    type(co, 'firstName', 'Ana');
    type(co, 'lastName', 'Silva');
    type(co, 'document', document);
    type(co, 'phone', '+55 21 99999-0000');
  },

  /** Picks the payment method whose label matches. */
  async choosePayment(co: Rendered, label: RegExp): Promise<void> {
    const radio = $$<HTMLInputElement>(co, 'input[name="payment"]').find((r) =>
      label.test(r.closest('label')!.textContent ?? ''),
    )!;
    radio.click();
    await co.updateComplete;
  },

  /** Presses "Place order". */
  async place(co: Rendered): Promise<void> {
    $(co, '[part~="place-order"]')!.click();
    await co.updateComplete;
  },
};

/** The cart store `<vtex-store>` gives an element (undefined outside a store). */
interface CartState {
  status: string;
  busy: number;
  pendingQuantities: Record<string, unknown>;
}
const storeCart = (el: Element) =>
  (el.closest('vtex-store') as (Element & {cart?: {state: CartState}}) | null)?.cart;

/** `<vtex-cart>` as a shopper sees it. */
export const cart = {
  /** Resolves when the store has answered everything and the element shows it. */
  async settled(el: Rendered): Promise<void> {
    const store = storeCart(el);
    await waitUntil(
      () =>
        store &&
        store.state.status === 'ready' &&
        store.state.busy === 0 &&
        !Object.keys(store.state.pendingQuantities).length,
      'cart settled',
      {timeout: 15_000},
    );
    await el.updateComplete;
  },

  /** What the element shows per line: SKU id → the quantity in its input. */
  shown(el: Element, of: {items: readonly {uniqueId: string; id: string}[]}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const li of $$(el, '[part~="line"]')) {
      const item = of.items.find((i) => i.uniqueId === li.dataset.uniqueId)!;
      out[item.id] = Number(li.querySelector<HTMLInputElement>('[part~="quantity"]')!.value);
    }
    return out;
  },
};

/**
 * The modules whose URL matches `pattern` that the page has requested so far (the dev server serves each source
 * module on its own), for tests that check a part loads on demand. Run them in a file of their own: a fresh page.
 */
export const requestedModules = (pattern: RegExp): string[] =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => pattern.test(url));
