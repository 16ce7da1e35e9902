import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {AutocompleteResult, ProductSearchResult} from '../../client/types.js';
import {clearFaults, setFaults} from '../../../test/browser/sandbox.js';
import '../store/define.js';
import '../product-grid/define.js';
import './define.js';
import type {VtexSearchBox} from './search-box.js';
import {sr} from '../../../test/browser/harness.js';

const IS = '/api/intelligent-search/v1';

async function mount(): Promise<{box: VtexSearchBox; root: HTMLElement}> {
  const root = await fixture<HTMLElement>(
    `<div style="width: 900px"><vtex-store api="" account="sandbox" locale="en"><vtex-search-box for="grid"></vtex-search-box><vtex-product-grid id="grid" page-size="6"></vtex-product-grid></vtex-store></div>`,
  );
  const box = root.querySelector('vtex-search-box')!;
  await box.updateComplete;
  return {box, root};
}

const input = (box: VtexSearchBox) => sr(box).querySelector<HTMLInputElement>('[part~="input"]')!;
const optionTexts = (box: VtexSearchBox) =>
  [...sr(box).querySelectorAll('[role="option"] .option-name')].map((o) => o.textContent!.trim());
const open = (box: VtexSearchBox) =>
  waitUntil(() => input(box).getAttribute('aria-expanded') === 'true', 'suggestions did not open', {
    timeout: 5000,
  });

/** Records the requests the page makes (the client calls globalThis.fetch at request time). */
function recordFetch() {
  const calls: {url: string; signal?: AbortSignal | null}[] = [];
  const original = window.fetch;
  window.fetch = (i: RequestInfo | URL, init?: RequestInit) => {
    calls.push({url: String(i), signal: init?.signal});
    return original(i, init);
  };
  return {calls, restore: () => (window.fetch = original)};
}

describe('<vtex-search-box>', () => {
  afterEach(() => clearFaults());

  it('is a labelled combobox; typing shows term and product suggestions from the API; accessible', async () => {
    const {box} = await mount();
    const el = input(box);
    expect(el.getAttribute('role')).to.equal('combobox');
    expect(el.getAttribute('aria-expanded')).to.equal('false');
    expect(sr(box).getElementById(el.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal(
      'listbox',
    );
    await expect(box).to.be.accessible();
    el.focus();
    await sendKeys({type: 'cam'});
    await open(box);
    const auto: AutocompleteResult = await (
      await fetch(`${IS}/autocomplete-suggestions?query=cam&locale=en`)
    ).json();
    const products: ProductSearchResult = await (
      await fetch(`${IS}/product-search/?query=cam&count=4&page=1`)
    ).json();
    expect(optionTexts(box)).to.deep.equal([
      ...auto.searches.map((s) => s.term).slice(0, 6),
      ...products.products.map((p) => p.productName),
    ]);
    for (const part of ['form', 'input', 'submit', 'listbox', 'option'])
      expect(sr(box).querySelector(`[part~="${part}"]`), part).to.exist;
    await expect(box).to.be.accessible();
  });

  it('debounces typing and aborts superseded requests', async () => {
    const {box} = await mount();
    const rec = recordFetch();
    try {
      input(box).focus();
      await sendKeys({type: 'camis'});
      await open(box);
      const auto = rec.calls.filter((c) => c.url.includes('autocomplete-suggestions'));
      expect(auto.length).to.equal(1);
      expect(auto[0]!.url).to.include('query=camis');
      // A slow answer superseded by more typing is aborted.
      await setFaults({latencyMs: 1500, routes: '/api/intelligent-search/v1/autocomplete'});
      await sendKeys({type: 'e'});
      await waitUntil(() => rec.calls.some((c) => c.url.includes('query=camise&')), 'request for camise');
      await clearFaults();
      await sendKeys({type: 't'});
      await waitUntil(() => rec.calls.some((c) => c.url.includes('query=camiset&')), 'request for camiset');
      const superseded = rec.calls.find(
        (c) => c.url.includes('autocomplete') && c.url.includes('query=camise&'),
      )!;
      expect(superseded.signal?.aborted).to.be.true;
    } finally {
      rec.restore();
    }
  });

  it('keyboard only: type, pick a suggestion with arrows and Enter; the grid searches it', async () => {
    const {box, root} = await mount();
    const grid = root.querySelector('vtex-product-grid')!;
    input(box).focus();
    await sendKeys({type: 'camisa'});
    await open(box);
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await box.updateComplete;
    const active = sr(box).querySelector('[role="option"][aria-selected="true"]')!;
    expect(input(box).getAttribute('aria-activedescendant')).to.equal(active.id);
    const term = active.textContent!.trim();
    const submitted = oneEvent(box, 'vtex-search-submitted');
    await sendKeys({press: 'Enter'});
    const ev = await submitted;
    expect(ev.bubbles && ev.composed && ev.cancelable).to.be.true;
    expect(ev.detail.query).to.equal(term);
    expect(grid.query).to.equal(term);
    expect(input(box).value).to.equal(term);
    expect(input(box).getAttribute('aria-expanded')).to.equal('false');
    const expected: ProductSearchResult = await (
      await fetch(`${IS}/product-search/?query=${encodeURIComponent(term)}&count=6&page=1`)
    ).json();
    await waitUntil(
      () =>
        [...grid.shadowRoot!.querySelectorAll('[part~="card-name"]')]
          .map((n) => n.textContent!.trim())
          .join('|') === expected.products.map((p) => p.productName).join('|'),
      'grid shows the search',
      {timeout: 10_000},
    );
  });

  it('Enter without a highlighted suggestion submits the typed text; Escape closes', async () => {
    const {box, root} = await mount();
    input(box).focus();
    await sendKeys({type: 'cafe'});
    await open(box);
    await sendKeys({press: 'Escape'});
    await box.updateComplete;
    expect(input(box).getAttribute('aria-expanded')).to.equal('false');
    // Tab to the Search button closes the suggestions too, and the list is not a tab stop after it.
    await sendKeys({press: 'ArrowDown'});
    await open(box);
    await sendKeys({press: 'Tab'});
    await box.updateComplete;
    expect(sr(box).activeElement).to.equal(sr(box).querySelector('[part~="submit"]'));
    expect(input(box).getAttribute('aria-expanded')).to.equal('false');
    expect(sr(box).querySelector('[part~="listbox"]')!.hasAttribute('hidden')).to.be.true;
    input(box).focus();
    const submitted = oneEvent(box, 'vtex-search-submitted');
    await sendKeys({press: 'Enter'});
    expect((await submitted).detail.query).to.equal('cafe');
    expect(root.querySelector('vtex-product-grid')!.query).to.equal('cafe');
  });

  it('choosing a product suggestion fires a cancelable vtex-product-selected', async () => {
    const {box} = await mount();
    input(box).focus();
    await sendKeys({type: 'camiseta basica'});
    await open(box);
    const product = [...sr(box).querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
      o.querySelector('img'),
    )!;
    let detail: unknown;
    box.addEventListener('vtex-product-selected', (e) => {
      detail = e.detail;
      e.preventDefault();
    });
    const before = location.href;
    product.click();
    expect(detail).to.deep.include({url: `?product=${(detail as {product: {slug: string}}).product.slug}`});
    expect((detail as {product: {name: string}}).product.name).to.equal(
      product.querySelector('.option-name')!.textContent!.trim(),
    );
    expect(location.href).to.equal(before);
  });

  it('a canceled vtex-search-submitted leaves the grid alone', async () => {
    const {box, root} = await mount();
    box.addEventListener('vtex-search-submitted', (e) => e.preventDefault());
    input(box).focus();
    await sendKeys({type: 'mesa'});
    await sendKeys({press: 'Enter'});
    expect(root.querySelector('vtex-product-grid')!.query).to.equal('');
  });

  it('speaks es', async () => {
    const root = await fixture<HTMLElement>(
      `<div><vtex-store api="" account="sandbox" locale="es"><vtex-search-box></vtex-search-box></vtex-store></div>`,
    );
    const box = root.querySelector('vtex-search-box')!;
    await box.updateComplete;
    expect(sr(box).querySelector('[part~="submit"]')!.textContent!.trim()).to.equal('Buscar');
    expect(input(box).placeholder).to.equal('Buscar productos');
  });
});
