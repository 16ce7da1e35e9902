import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {clearFaults, setFaults, signIn, signOut, SANDBOX_LOGIN_CODE} from '../../../test/browser/sandbox.js';
import '../../define.js';
import type {VtexStore} from '../store/store.js';
import type {VtexLoginButton} from './login-button.js';
import {part} from '../../../test/browser/harness.js';

const email = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;

async function mount(attrs = '', storeAttrs = ''): Promise<{store: VtexStore; button: VtexLoginButton}> {
  const root = await fixture<HTMLElement>(
    `<div><vtex-store api="" account="sandbox" locale="en" ${storeAttrs}><vtex-login-button ${attrs}></vtex-login-button></vtex-store></div>`,
  );
  const store = root.querySelector('vtex-store')!;
  const button = root.querySelector('vtex-login-button')!;
  return {store, button};
}

async function ready(button: VtexLoginButton, name: string, timeout = 5000): Promise<HTMLElement> {
  await waitUntil(() => part(button, name), `part ${name} never rendered`, {timeout});
  return part(button, name)!;
}

describe('<vtex-login-button>', () => {
  beforeEach(async () => {
    await clearFaults();
    await signOut();
  });
  after(async () => {
    await clearFaults();
    await signOut();
  });

  it('reserves its width while the session loads', async () => {
    await setFaults({latencyMs: 800, routes: '/api/sessions'});
    const {button} = await mount();
    // Its first render waits for its language pack (on demand, English too), not for the session.
    const skeleton = await ready(button, 'skeleton');
    expect(skeleton.getBoundingClientRect().width).to.be.greaterThan(50);
    expect(skeleton.textContent).to.contain('Checking your sign-in');
    await expect(button).to.be.accessible();
    await ready(button, 'link');
  });

  it('signed out: a link to the login page that returns to this page', async () => {
    const {button} = await mount();
    const a = (await ready(button, 'link')) as HTMLAnchorElement;
    expect(a.tagName).to.equal('A');
    expect(a.textContent!.trim()).to.equal('Sign in');
    expect(a.getAttribute('href')).to.equal(`/login?returnUrl=${encodeURIComponent(location.href)}`);
    expect(button.shadowRoot!.querySelector('input[type=password]')).to.equal(null);
    await expect(button).to.be.accessible();
  });

  it('the login URL comes from login-url on the button, else on <vtex-store>', async () => {
    const {button} = await mount('login-url="https://shop.example.com/"');
    await ready(button, 'link');
    expect(part(button, 'link')!.getAttribute('href')).to.equal(
      `https://shop.example.com/login?returnUrl=${encodeURIComponent(location.href)}`,
    );
    const second = await mount('', 'login-url="https://store.example.com"');
    await ready(second.button, 'link');
    expect(part(second.button, 'link')!.getAttribute('href')).to.equal(
      `https://store.example.com/login?returnUrl=${encodeURIComponent(location.href)}`,
    );
  });

  it('vtex-before-login is cancelable: the page can open login its own way', async () => {
    const {button} = await mount();
    await ready(button, 'link');
    const heard = oneEvent(document, 'vtex-before-login');
    let navigatedAway = true;
    document.addEventListener('vtex-before-login', (e) => e.preventDefault(), {once: true});
    document.addEventListener('click', (e) => (navigatedAway = !e.defaultPrevented), {once: true});
    part(button, 'link')!.click();
    const e = await heard;
    expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
    expect(e.detail.loginUrl).to.equal(`/login?returnUrl=${encodeURIComponent(location.href)}`);
    expect(e.detail.returnUrl).to.equal(location.href);
    expect(navigatedAway).to.equal(false);
  });

  it('signs in through the sandbox login page, comes back to this page, and shows the shopper', async () => {
    const {store, button} = await mount();
    await ready(button, 'link');
    const href = (part(button, 'link') as HTMLAnchorElement).href;
    // The login page, as the shopper's browser would load and submit it.
    const page = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
    const form = page.querySelector('form')!;
    const fields = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    const who = email('login');
    fields.set('email', who);
    const step2 = new DOMParser().parseFromString(
      await (await fetch(form.action, {method: 'POST', body: fields})).text(),
      'text/html',
    );
    const codeForm = step2.querySelector('form')!;
    const codeFields = new URLSearchParams(new FormData(codeForm) as unknown as Record<string, string>);
    codeFields.set('code', SANDBOX_LOGIN_CODE);
    const back = await fetch(codeForm.action, {method: 'POST', body: codeFields, credentials: 'include'});
    expect(back.redirected).to.equal(true);
    expect(back.url).to.equal(location.href.split('#')[0]);

    const changed = oneEvent(button, 'vtex-session-changed');
    await store.session!.load({force: true});
    const e = await changed;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail).to.deep.equal({signedIn: true, email: who});
    const trigger = await ready(button, 'trigger');
    expect(trigger.textContent).to.contain(who);
    await expect(button).to.be.accessible();
  });

  it('notices a sign-in made elsewhere when the page becomes visible again', async () => {
    const {button} = await mount();
    await ready(button, 'link');
    const who = email('visible');
    await signIn(who);
    const changed = oneEvent(document, 'vtex-session-changed');
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await changed).detail).to.deep.equal({signedIn: true, email: who});
    expect((await ready(button, 'trigger')).textContent).to.contain(who);
  });

  it('signed in: a disclosure menu with My orders and Sign out, keyboard operable', async () => {
    const who = email('menu');
    await signIn(who);
    const {button} = await mount('orders-url="/account/orders"');
    const trigger = (await ready(button, 'trigger')) as HTMLButtonElement;
    const menu = await ready(button, 'menu'); // its code loads once the shopper is known to be signed in
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(trigger.getAttribute('aria-controls')).to.equal(menu.id);
    expect(menu.hidden).to.equal(true);
    await expect(button).to.be.accessible();

    trigger.click();
    await button.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.hidden).to.equal(false);
    const items = [...button.shadowRoot!.querySelectorAll<HTMLElement>('[part~="menu-item"]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['My orders', 'Sign out']);
    expect(items[0]!.getAttribute('href')).to.equal('/account/orders');
    await expect(button).to.be.accessible();

    // Keyboard: Escape closes and returns focus; ArrowDown opens on the first item and moves through the menu.
    await sendKeys({press: 'Escape'});
    trigger.focus();
    await sendKeys({press: 'Escape'});
    await button.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({press: 'ArrowDown'});
    await button.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(button.shadowRoot!.activeElement === items[0]).to.equal(true);
    await sendKeys({press: 'ArrowDown'});
    expect(button.shadowRoot!.activeElement === items[1]).to.equal(true);
    await sendKeys({press: 'ArrowDown'});
    expect(button.shadowRoot!.activeElement === items[0]).to.equal(true);
    await sendKeys({press: 'ArrowUp'});
    expect(button.shadowRoot!.activeElement === items[1]).to.equal(true);
    await sendKeys({press: 'Escape'});
    await button.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(button.shadowRoot!.activeElement === trigger).to.equal(true);

    // A click elsewhere closes it.
    trigger.click();
    await button.updateComplete;
    document.body.click();
    await button.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
  });

  it('hides "My orders" without orders-url', async () => {
    await signIn(email('noorders'));
    const {button} = await mount();
    await ready(button, 'menu');
    (await ready(button, 'trigger')).click();
    await button.updateComplete;
    const items = [...button.shadowRoot!.querySelectorAll('[part~="menu-item"]')].map((i) =>
      i.textContent!.trim(),
    );
    expect(items).to.deep.equal(['Sign out']);
  });

  it('signs out at VTEX: the session is cleared, the cart re-read, and focus stays on the button', async () => {
    const who = email('out');
    await signIn(who);
    const {store, button} = await mount();
    await store.cart!.load();
    await ready(button, 'menu'); // its code loads once the shopper is known to be signed in
    (await ready(button, 'trigger')).click();
    await button.updateComplete;
    const cartLoads: string[] = [];
    const unsubscribe = store.cart!.subscribe((s) => cartLoads.push(s.status));
    const changed = oneEvent(button, 'vtex-session-changed');
    const signOutItem = [...button.shadowRoot!.querySelectorAll<HTMLElement>('[part~="menu-item"]')].pop()!;
    signOutItem.focus();
    signOutItem.click();
    expect((await changed).detail).to.deep.equal({signedIn: false});
    const link = await ready(button, 'link');
    await waitUntil(
      () => button.shadowRoot!.activeElement === link,
      'focus did not move to the sign-in link',
    );
    expect(store.session!.state.session!.signedIn).to.equal(false);
    // The server agrees: the login cookie is gone.
    const raw = await (
      await fetch('/api/sessions?items=profile.isAuthenticated,profile.email', {credentials: 'include'})
    ).json();
    expect(raw.namespaces.profile.isAuthenticated.value).to.equal('false');
    await waitUntil(() => cartLoads.length > 0, 'the cart was not re-read after signing out');
    unsubscribe();
    await expect(button).to.be.accessible();
  });

  it('shows an error with a retry when the session cannot be read', async () => {
    await setFaults({errorRate: 1, errorStatus: 503, routes: '/api/sessions'});
    const {button} = await mount();
    const error = await ready(button, 'error', 15_000);
    expect(error.textContent).to.contain('could not check');
    await expect(button).to.be.accessible();
    await clearFaults();
    error.querySelector('button')!.click();
    await ready(button, 'link');
  });
});
