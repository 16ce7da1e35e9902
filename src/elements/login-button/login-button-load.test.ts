import {expect, fixture, waitUntil} from '@open-wc/testing';
import {signIn, signOut} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import './define.js';
import type {VtexLoginButton} from './login-button.js';
import {part, requestedModules} from '../../../test/browser/harness.js';

// Its own file: every test file gets a fresh page, so no other test has loaded the account menu's code yet.

const menuRequests = () => requestedModules(/\/account-menu\.ts/);

const mount = async () =>
  (
    await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"><vtex-login-button orders-url="/orders"></vtex-login-button></vtex-store></div>`,
    )
  ).querySelector<VtexLoginButton>('vtex-login-button')!;

describe('<vtex-login-button> account menu', () => {
  after(() => signOut());

  it('a signed-out visitor never downloads the account menu; a signed-in shopper gets it, and it works at once', async () => {
    await signOut();
    const out = await mount();
    await waitUntil(() => part(out, 'link'), 'sign-in link', {timeout: 5000});
    // Pointing at and focusing the link is not a reason to fetch the menu either.
    part(out, 'link')!.focus();
    await new Promise((r) => setTimeout(r, 300));
    expect(menuRequests(), 'requested while signed out').to.deep.equal([]);

    await signIn(`menu.load.${Date.now()}@example.com`);
    const inside = await mount();
    await waitUntil(() => part(inside, 'menu'), 'the menu', {timeout: 5000});
    expect(menuRequests().length).to.equal(1);
    const trigger = part<HTMLButtonElement>(inside, 'trigger')!;
    expect(trigger.getAttribute('aria-controls')).to.equal('menu');
    trigger.click();
    await inside.updateComplete;
    expect(part(inside, 'menu')!.hidden).to.equal(false);
    expect(part(inside, 'menu')!.textContent).to.contain('Sign out');
    expect(getComputedStyle(part(inside, 'menu')!).position).to.equal(
      'absolute',
      'the menu styles came with it',
    );
  });
});
