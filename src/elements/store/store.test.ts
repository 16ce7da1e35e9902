import {expect, fixture, html} from '@open-wc/testing';
import {LitElement, html as litHtml} from 'lit';
import {CartController, SessionController, StoreController} from '../../controllers/store-controller.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {defineMessages} from '../../i18n/messages.js';
import {VtexStore} from './store.js';

const messages = defineMessages({en: {hello: 'Hello'}, 'pt-BR': {hello: 'Olá'}, es: {hello: 'Hola'}});

/** A minimal kit-style consumer, as elements use the controllers. */
class TestConsumer extends LitElement {
  locale?: string;
  readonly store = new StoreController(this);
  readonly cart = new CartController(this, {load: false});
  readonly session = new SessionController(this, {load: false});
  readonly i18n = new LocalizeController(this, messages, {store: this.store, cart: this.cart});
  override render() {
    return litHtml`${this.i18n.m.hello}`;
  }
}
customElements.define('test-consumer', TestConsumer);

const defineStore = () => {
  if (!customElements.get('vtex-store')) customElements.define('vtex-store', VtexStore);
};

describe('<vtex-store> provider', () => {
  it('provides one client, cart and session to nested elements', async () => {
    defineStore();
    const root = await fixture<HTMLElement>(
      html`<div>
        <vtex-store api="http://127.0.0.1:1" account="shop" locale="es"
          ><test-consumer></test-consumer>
          <div><test-consumer></test-consumer></div
        ></vtex-store>
      </div>`,
    );
    const [a, b] = root.querySelectorAll<TestConsumer>('test-consumer');
    const store = root.querySelector('vtex-store')!;
    expect(a!.store.client).to.equal(store.client);
    expect(a!.cart.store).to.equal(store.cart);
    expect(b!.cart.store).to.equal(store.cart);
    expect(a!.session.store).to.equal(store.session);
    expect(a!.store.client!.accountName).to.equal('shop');
    await a!.updateComplete;
    expect(a!.shadowRoot!.textContent).to.equal('Hola');
  });

  it('is a block in the page layout: in a constrained content column (a CMS theme) its content stays in the column', async () => {
    defineStore();
    const root = await fixture<HTMLElement>(
      html`<div class="content" style="width: 900px">
        <style>
          /* WordPress's constrained layout, as themes write it: direct children get the column's width. */
          .content > * {
            max-width: 400px;
            margin-inline: auto;
          }
        </style>
        <p>A paragraph of the post.</p>
        <vtex-store api="http://127.0.0.1:1" account="shop"><div class="wide">content</div></vtex-store>
      </div>`,
    );
    const column = root.querySelector('p')!.getBoundingClientRect();
    const inside = root.querySelector('.wide')!.getBoundingClientRect();
    expect(getComputedStyle(root.querySelector('vtex-store')!).display).to.equal('block');
    expect(inside.width, 'no wider than the column').to.equal(column.width);
    expect(inside.left, 'aligned with the column').to.equal(column.left);
  });

  it('can still be display: contents when the page says so (a wrapper inside a flex header)', async () => {
    defineStore();
    const root = await fixture<HTMLElement>(
      html`<nav style="display: flex; gap: 8px">
        <style>
          nav > vtex-store {
            display: contents;
          }
        </style>
        <span class="a">a</span>
        <vtex-store api="http://127.0.0.1:1" account="shop"><span class="b">b</span></vtex-store>
      </nav>`,
    );
    const a = root.querySelector('.a')!.getBoundingClientRect();
    const b = root.querySelector('.b')!.getBoundingClientRect();
    expect(b.left - a.right, 'b is a flex item of the nav, after the gap').to.equal(8);
  });

  it('serves elements outside any store from the first store on the page', async () => {
    defineStore();
    const root = await fixture<HTMLElement>(
      html`<div>
        <header><test-consumer id="outside"></test-consumer></header>
        <vtex-store api="http://127.0.0.1:1" account="first"
          ><test-consumer id="inside"></test-consumer
        ></vtex-store>
      </div>`,
    );
    const outside = root.querySelector<TestConsumer>('#outside')!;
    const inside = root.querySelector<TestConsumer>('#inside')!;
    expect(outside.cart.store).to.exist;
    expect(outside.cart.store).to.equal(inside.cart.store);
  });

  it('connects consumers that upgrade before the provider is defined', async () => {
    // A fresh tag name: the provider class is registered only after the consumers are in the DOM.
    const tag = 'vtex-store-late';
    const root = await fixture<HTMLElement>(
      html`<div>
        <test-consumer id="out"></test-consumer>
        <vtex-store-late api="http://127.0.0.1:1" account="late"
          ><test-consumer id="in"></test-consumer
        ></vtex-store-late>
      </div>`,
    );
    const inside = root.querySelector<TestConsumer>('#in')!;
    const outside = root.querySelector<TestConsumer>('#out')!;
    customElements.define(tag, class extends VtexStore {});
    const provider = root.querySelector(tag) as VtexStore;
    await provider.updateComplete;
    expect(inside.store.client?.accountName).to.equal('late');
    expect(inside.cart.store).to.equal(provider.cart);
    // Outside elements follow the page's default store (the first <vtex-store*> connected).
    expect(outside.cart.store).to.exist;
  });

  it('refuses app-key and app-token attributes with a console error naming the risk', async () => {
    defineStore();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<VtexStore>(
        html`<vtex-store
          api="http://127.0.0.1:1"
          account="shop"
          app-key="vtexappkey-x"
          app-token="SECRET"
        ></vtex-store>`,
      );
      expect(el.hasAttribute('app-key')).to.be.false;
      expect(el.hasAttribute('app-token')).to.be.false;
      expect(errors.length).to.equal(2);
      expect(errors[0]).to.match(/admin access/);
      expect(JSON.stringify(el.client)).to.not.include('SECRET');
    } finally {
      console.error = original;
    }
  });

  it('rebuilds and re-provides when the account changes', async () => {
    defineStore();
    const el = await fixture<VtexStore>(
      html`<vtex-store api="http://127.0.0.1:1" account="one"><test-consumer></test-consumer></vtex-store>`,
    );
    const consumer = el.querySelector<TestConsumer>('test-consumer')!;
    const before = consumer.cart.store;
    el.account = 'two';
    await el.updateComplete;
    expect(consumer.store.client?.accountName).to.equal('two');
    expect(consumer.cart.store).to.not.equal(before);
  });
});
