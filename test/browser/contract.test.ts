/**
 * The element contract, run against every element of the registry (src/registry.ts) in each state the sandbox can
 * put it in without a script (a fresh cart and session; every request failing): it passes axe, it renders documented
 * parts (custom-elements.json), its events bubble and cross shadow roots, and its controls are keyboard reachable.
 */
import {expect, fixture, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import {ELEMENTS} from '../../src/registry.js';
import {$$, sr} from './harness.js';
import {clearFaults, freshCart, putInCart, setFaults, signOut, singleSkuProduct} from './sandbox.js';

type Rendered = HTMLElement & {updateComplete: Promise<unknown>};

/** tag → its documented parts (custom-elements.json, served beside the tests). */
const documentedParts = new Map<string, string[]>();
async function readManifest(): Promise<void> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: {declarations?: {tagName?: string; cssParts?: {name: string}[]}[]}[];
  };
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (d.tagName)
      documentedParts.set(
        d.tagName,
        (d.cssParts ?? []).map((p) => p.name),
      );
  }
}

/** Attributes an element cannot render without (everything else mounts bare). */
async function requiredAttributes(name: string): Promise<Record<string, string>> {
  if (name === 'product') return {slug: (await singleSkuProduct()).product.linkText};
  return {};
}

const STATES: {name: string; setUp(): Promise<void>}[] = [
  {name: 'a fresh cart and session', setUp: async () => {}},
  {name: 'every request failing', setUp: () => setFaults({errorRate: 1, errorStatus: 503})},
  {name: 'a line in the cart', setUp: async () => putInCart((await singleSkuProduct()).sku, 1)},
];

async function mount(name: string): Promise<Rendered> {
  const attrs = Object.entries(await requiredAttributes(name))
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
  const root = await fixture<HTMLElement>(
    `<div><button>before</button><vtex-store api="" account="sandbox" locale="en"><vtex-${name}${attrs}></vtex-${name}></vtex-store></div>`,
  );
  const el = root.querySelector<Rendered>(`vtex-${name}`)!;
  await waitUntil(() => customElements.get(`vtex-${name}`), `<vtex-${name}> defined`, {timeout: 15_000});
  await el.updateComplete;
  // Loaded: no skeleton left (an element that loads nothing never shows one).
  await waitUntil(() => !sr(el).querySelector('[part~="skeleton"]'), `<vtex-${name}> loaded`, {
    timeout: 15_000,
  });
  await el.updateComplete;
  return el;
}

/** Controls a shopper operates, as rendered and enabled. */
const controls = (el: Element) =>
  $$(el, 'button, a[href], input, select, textarea, summary').filter(
    (c) => !(c as HTMLButtonElement).disabled && c.getClientRects().length > 0 && !c.closest('[inert]'),
  );

const elements = ELEMENTS.filter((name) => name !== 'store');

afterEach(async () => {
  await clearFaults();
});

describe('every element keeps the element contract', () => {
  before(async () => {
    await readManifest();
    await signOut();
  });

  it('covers every element of the registry but the provider', () => {
    expect(elements.length).to.equal(ELEMENTS.length - 1);
    for (const name of elements) expect(documentedParts.get(`vtex-${name}`), name).to.not.equal(undefined);
  });

  for (const name of elements) {
    for (const state of STATES) {
      describe(`<vtex-${name}>, ${state.name}`, () => {
        let el: Rendered;
        beforeEach(async () => {
          await freshCart();
          await state.setUp();
          el = await mount(name);
        });

        it('passes axe', async () => {
          await expect(el).to.be.accessible();
        });

        it('renders documented parts', () => {
          const documented = documentedParts.get(`vtex-${name}`)!;
          const rendered = new Set(
            $$(el, '[part]').flatMap((n) => n.getAttribute('part')!.split(/\s+/).filter(Boolean)),
          );
          expect(
            [...rendered].filter((p) => documented.includes(p)),
            `parts of <vtex-${name}>: ${[...rendered].join(', ')}`,
          ).to.not.be.empty;
        });

        it('fires events that bubble and cross shadow roots', async () => {
          const seen: Event[] = [];
          const on = (e: Event) => seen.push(e);
          document.addEventListener('vtex-contract-probe', on);
          try {
            (el as unknown as {emit(type: string, detail: unknown): boolean}).emit('vtex-contract-probe', {
              ok: true,
            });
          } finally {
            document.removeEventListener('vtex-contract-probe', on);
          }
          expect(seen).to.have.length(1);
          expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
          expect(Object.isFrozen((seen[0] as CustomEvent).detail)).to.equal(true);
        });

        it("shows the theme's focus ring on every control Tab reaches", async () => {
          const tabbable = controls(el).filter((c) => c.tabIndex >= 0);
          el.parentElement!.parentElement!.querySelector('button')!.focus();
          const seen: string[] = [];
          for (let i = 0; i < Math.min(tabbable.length, 15); i++) {
            await sendKeys({press: 'Tab'});
            const active = sr(el).activeElement as HTMLElement | null;
            if (!active) break;
            const box = active.getBoundingClientRect();
            if (box.width < 4 || box.height < 4) continue; // visually hidden: its label shows the ring
            const s = getComputedStyle(active);
            const what = `${active.localName}[part=${active.getAttribute('part') ?? ''}]`;
            seen.push(what);
            expect(s.outlineStyle, what).to.equal('solid');
            expect(parseFloat(s.outlineWidth), what).to.be.at.least(2);
            expect(s.outlineColor, what).to.equal('rgb(15, 95, 215)');
          }
          expect(seen.length, 'checked every visible control Tab reached').to.equal(
            tabbable.slice(0, 15).filter((c) => {
              const r = c.getBoundingClientRect();
              return r.width >= 4 && r.height >= 4;
            }).length,
          );
        });

        it('is keyboard reachable: Tab from the page enters its controls', async () => {
          const tabbable = controls(el).filter((c) => c.tabIndex >= 0);
          if (!tabbable.length) return; // nothing to operate in this state
          el.parentElement!.parentElement!.querySelector('button')!.focus();
          await sendKeys({press: 'Tab'});
          expect(sr(el).activeElement, `Tab from the page's button lands in <vtex-${name}>`).to.not.equal(
            null,
          );
        });
      });
    }
  }
});
