import {expect, fixture, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../store/define.js';
import './define.js';
import type {VtexSearchBox} from './search-box.js';
import {$, requestedModules} from '../../../test/browser/harness.js';

// Its own file: every test file gets a fresh page, so no other test has loaded the suggestions' code yet.

const suggestionRequests = () => requestedModules(/\/search-box\/suggestions\.ts/);

describe('<vtex-search-box> at rest', () => {
  it('loads its suggestions on the first focus, not with the box; they then work as usual', async () => {
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="en"><vtex-search-box action="/search"></vtex-search-box></vtex-store></div>`,
    );
    const box = root.querySelector<VtexSearchBox>('vtex-search-box')!;
    await waitUntil(() => $(box, '[part~="input"]'), 'the box', {timeout: 10_000});
    const input = $<HTMLInputElement>(box, '[part~="input"]')!;
    expect(input.getAttribute('aria-controls')).to.equal('listbox');
    expect($(box, '#listbox')!.getAttribute('role')).to.equal('listbox');
    expect(suggestionRequests(), 'requested with the box').to.deep.equal([]);

    input.focus();
    await waitUntil(() => suggestionRequests().length === 1, 'suggestions requested on focus', {
      timeout: 10_000,
    });
    await sendKeys({type: 'cam'});
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'suggestions shown', {
      timeout: 10_000,
    });
    expect(box.shadowRoot!.querySelectorAll('[role="option"]').length).to.be.greaterThan(0);
    expect(suggestionRequests()).to.have.length(1);
  });
});
