import {expect, fixture, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import {LocalizeController} from '../controllers/localize-controller.js';
import {PACK_WAIT_MS, defineMessages, pendingPacks} from '../i18n/messages.js';
import {defineElement} from './define.js';
import {VtexElement} from './vtex-element.js';

type Pack = {default: {hello: string}};

/** A kit-style element whose pt-BR pack comes from `ptBR` (as an on-demand chunk does). */
function packElement(ptBR: () => Promise<Pack>) {
  const messages = defineMessages({en: {hello: 'Hello'}, 'pt-BR': ptBR, es: {hello: 'Hola'}});
  return class extends VtexElement {
    static override messages = messages;
    readonly i18n = new LocalizeController(this, messages);
    override render() {
      return html`<p>${this.i18n.m.hello}</p>`;
    }
  };
}

/** Its pt-BR pack arrives after `delay` ms. */
const slowPackElement = (delay: number) =>
  packElement(
    () => new Promise<Pack>((resolve) => setTimeout(() => resolve({default: {hello: 'Olá'}}), delay)),
  );

/** Every text the element's shadow root ever showed, from its creation on. */
function texts(el: Element): string[] {
  const seen: string[] = [];
  const record = () => {
    const t = el.shadowRoot?.textContent?.trim();
    if (t && seen[seen.length - 1] !== t) seen.push(t);
  };
  new MutationObserver(record).observe(el.shadowRoot!, {childList: true, subtree: true, characterData: true});
  record();
  return seen;
}

let n = 0;

describe('VtexElement: locale packs loaded on demand', () => {
  it('a pt-BR element renders in Portuguese once its pack is in, never English first', async () => {
    const tag = `test-slow-pack-${n++}`;
    customElements.define(tag, slowPackElement(150));
    const host = await fixture<HTMLElement>(`<div lang="pt-BR"></div>`);
    const el = document.createElement(tag);
    host.append(el);
    const seen = texts(el);
    await (el as VtexElement).updateComplete;
    expect(el.shadowRoot!.textContent!.trim()).to.equal('Olá');
    expect(seen).to.deep.equal(['Olá']);
  });

  it('a tag already in a pt-BR page is defined only once its pack is in', async () => {
    const tag = `test-slow-pack-${n++}`;
    await fixture(`<div lang="pt-BR"><${tag}></${tag}></div>`);
    defineElement(tag, slowPackElement(150));
    expect(customElements.get(tag), 'defined before its pack').to.be.undefined;
    await customElements.whenDefined(tag);
    const el = document.querySelector(tag) as VtexElement;
    const seen = texts(el);
    await el.updateComplete;
    expect(seen).to.deep.equal(['Olá']);
  });

  it('while a tag waits for its pack, each of its elements already in the page gets to prefetch its data', async () => {
    const tag = `test-slow-pack-${n++}`;
    const host = await fixture(`<div lang="pt-BR"><${tag} id="a"></${tag}><${tag} id="b"></${tag}></div>`);
    const prefetched: string[] = [];
    const ctor = class extends slowPackElement(150) {
      static override prefetch(el: Element): void {
        prefetched.push(`${el.id} ${customElements.get(tag) ? 'defined' : 'waiting'}`);
      }
    };
    defineElement(tag, ctor);
    expect(prefetched).to.deep.equal(['a waiting', 'b waiting']);
    await customElements.whenDefined(tag);

    // Not waiting (an English page whose packs are in): nothing to prefetch, the element fetches as it renders.
    await pendingPacks(undefined, 'en');
    const english = `test-slow-pack-${n++}`;
    host.insertAdjacentHTML('beforeend', `<div lang="en"><${english}></${english}></div>`);
    defineElement(
      english,
      class extends ctor {
        static override prefetch(): void {
          prefetched.push('english');
        }
      },
    );
    expect(prefetched).to.have.length(2);
  });

  it("a tag outside any store waits for the language of the store that serves it (the page's first)", async () => {
    const tag = `test-slow-pack-${n++}`;
    await fixture(
      `<div lang="en"><header><${tag}></${tag}></header><vtex-store locale="pt-BR" account="x"></vtex-store></div>`,
    );
    defineElement(tag, slowPackElement(150));
    expect(customElements.get(tag), 'defined before the store language pack').to.be.undefined;
    await customElements.whenDefined(tag);
  });

  it('English is a pack on demand too: an English page waits for it, never showing blank text', async () => {
    const tag = `test-english-pack-${n++}`;
    let loads = 0;
    const messages = defineMessages({
      en: () =>
        new Promise<Pack>((resolve) =>
          setTimeout(() => (loads++, resolve({default: {hello: 'Hello'}})), 150),
        ),
      'pt-BR': () => Promise.reject(new Error('a pt-BR pack on an English page')),
      es: () => Promise.reject(new Error('an es pack on an English page')),
    });
    await fixture(`<div lang="en"><${tag}></${tag}></div>`);
    defineElement(
      tag,
      class extends VtexElement {
        static override messages = messages;
        readonly i18n = new LocalizeController(this, messages);
        override render() {
          return html`<p>${this.i18n.m.hello}</p>`;
        }
      },
    );
    expect(customElements.get(tag), 'defined before its English pack').to.be.undefined;
    await customElements.whenDefined(tag);
    const el = document.querySelector(tag) as VtexElement;
    const seen = texts(el);
    await el.updateComplete;
    expect(seen).to.deep.equal(['Hello']);
    expect(loads).to.equal(1);
  });

  it('an English page whose packs are in is not held back, and a pack that fails to load leaves English', async () => {
    await pendingPacks(undefined, 'en');
    const tag = `test-slow-pack-${n++}`;
    await fixture(`<div lang="en"><${tag}></${tag}></div>`);
    defineElement(tag, slowPackElement(10_000));
    expect(customElements.get(tag), 'defined at once').to.exist;

    const failing = `test-failing-pack-${n++}`;
    customElements.define(
      failing,
      packElement(() => Promise.reject(new Error('chunk failed'))),
    );
    const el = await fixture<VtexElement>(`<${failing} locale="pt-BR"></${failing}>`);
    await waitUntil(() => el.shadowRoot!.textContent!.trim() === 'Hello', 'no English fallback');
  });

  it('a pack request that hangs holds neither the definition nor the render for more than PACK_WAIT_MS', async () => {
    const tag = `test-hung-pack-${n++}`;
    const Hung = packElement(() => new Promise<Pack>(() => undefined));
    await fixture(`<div lang="pt-BR"><${tag}></${tag}></div>`);
    const started = performance.now();
    defineElement(tag, Hung);
    await customElements.whenDefined(tag);
    const el = document.querySelector(tag) as VtexElement;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.trim()).to.equal('Hello');
    expect(performance.now() - started, 'it waited for the pack first').to.be.at.least(PACK_WAIT_MS - 50);
  });
});
