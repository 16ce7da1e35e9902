import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import commonEs from '../../src/i18n/common.es.js';
import commonEn from '../../src/i18n/common.en.js';
import commonPtBR from '../../src/i18n/common.pt-BR.js';
import {
  discountPercent,
  errorMessage,
  formatCents,
  formatDecimal,
  plural,
  resolveLocale,
} from '../../src/i18n/index.js';

const commonMessages = {en: commonEn, 'pt-BR': commonPtBR, es: commonEs};
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('i18n: money', () => {
  const brl = {currencyCode: 'BRL', currencyFormatInfo: {currencyDecimalDigits: 2}};
  it('formats checkout cents and search decimals as BRL: R$ 1.234,56', () => {
    assert.equal(plain(formatCents(123456, brl, 'pt-BR')), 'R$ 1.234,56');
    assert.equal(plain(formatDecimal(1234.56, brl, 'pt-BR')), 'R$ 1.234,56');
  });
  it('shows the currency symbol in every language, not the ISO code (es: 59,90 R$, not 59,90 BRL)', () => {
    assert.equal(plain(formatDecimal(59.9, brl, 'es')), '59,90 R$');
    assert.equal(plain(formatCents(5990, brl, 'es')), '59,90 R$');
    assert.equal(plain(formatDecimal(59.9, brl, 'en')), 'R$59.90');
    assert.doesNotMatch(formatDecimal(1990, {currencyCode: 'MXN'}, 'es'), /MXN/);
  });
  it('formats USD for an English shopper', () => {
    assert.equal(formatCents(123456, {currencyCode: 'USD'}, 'en'), '$1,234.56');
    assert.equal(formatDecimal(19.9, {currencyCode: 'USD'}, 'en'), '$19.90');
  });
  it('formats a zero-decimal currency without decimals (VTEX still scales by 100)', () => {
    assert.equal(
      formatCents(123400, {currencyCode: 'JPY', currencyFormatInfo: {currencyDecimalDigits: 0}}, 'en'),
      '¥1,234',
    );
    assert.doesNotMatch(
      formatCents(990055, {currencyCode: 'CLP', currencyFormatInfo: {currencyDecimalDigits: 0}}, 'es'),
      /[.,]55|,00/,
    );
  });
  it('discount percentage', () => {
    assert.equal(discountPercent(100, 75), 25);
    assert.equal(discountPercent(19990, 19990), 0);
    assert.equal(discountPercent(0, 10), 0);
  });
});

describe('i18n: locale and messages', () => {
  it('resolves attribute, then [lang], then store culture, then en', () => {
    assert.equal(resolveLocale('es', 'pt-BR'), 'es');
    assert.equal(resolveLocale(undefined, 'pt-PT'), 'pt-BR');
    assert.equal(resolveLocale(null, 'fr', 'es-AR'), 'es');
    assert.equal(resolveLocale(undefined, 'de', null), 'en');
  });
  it('pt-BR and es define every message en does', () => {
    const keys = (o: object) => Object.keys(o).sort();
    assert.deepEqual(keys(commonMessages['pt-BR']), keys(commonMessages.en));
    assert.deepEqual(keys(commonMessages.es), keys(commonMessages.en));
  });
  it('plurals per language', () => {
    assert.equal(commonMessages.en.items(1), '1 item');
    assert.equal(commonMessages['pt-BR'].items(3), '3 itens');
    assert.equal(commonMessages['pt-BR'].items(0), '0 itens');
    assert.equal(commonMessages['pt-BR'].items(1), '1 item');
    assert.equal(commonMessages.es.items(2), '2 artículos');
    assert.equal(plural('en', 0, {one: 'a', other: 'b', zero: 'none'}), 'none');
  });
  it('turns client errors into shopper sentences', () => {
    const m = commonMessages.en;
    assert.equal(errorMessage({kind: 'network'}, m), m.errorNetwork);
    assert.equal(errorMessage({kind: 'timeout'}, m), m.errorTimeout);
    assert.equal(errorMessage({kind: 'http', status: 429}, m), m.errorRateLimited);
    assert.equal(
      errorMessage({kind: 'http', status: 500, message: 'NullReferenceException at …'}, m),
      m.errorGeneric,
    );
  });
});

describe('i18n: locale packs on demand', () => {
  it('falls back to en while a pack loads, then serves it, loading it once', async () => {
    const {defineMessages, pickMessages} = await import('../../src/i18n/messages.js');
    let loads = 0;
    const maps = defineMessages({
      en: {hi: 'Hello'},
      'pt-BR': async () => (loads++, {default: {hi: 'Olá'}}),
      es: {hi: 'Hola'},
    });
    let notified = 0;
    assert.equal(pickMessages(maps, 'pt-BR', () => notified++).hi, 'Hello');
    assert.equal(pickMessages(maps, 'pt-BR').hi, 'Hello');
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(notified, 1);
    assert.equal(pickMessages(maps, 'pt-BR').hi, 'Olá');
    assert.equal(pickMessages(maps, 'es').hi, 'Hola');
    assert.equal(loads, 1);
  });

  it("loads only the page's language: a pt-BR element never fetches the English pack", async () => {
    const {defineMessages, pendingPacks, pickMessages} = await import('../../src/i18n/messages.js');
    const loads: string[] = [];
    const pack = (locale: string, hi: string) => async () => (loads.push(locale), {default: {hi}});
    const maps = defineMessages({
      en: pack('en', 'Hello'),
      'pt-BR': pack('pt-BR', 'Olá'),
      es: pack('es', 'Hola'),
    });
    await pendingPacks(maps, 'pt-BR');
    assert.equal(pickMessages(maps, 'pt-BR').hi, 'Olá');
    assert.deepEqual(loads, ['pt-BR']);
    assert.equal(pendingPacks(maps, 'pt-BR'), undefined, 'nothing left to wait for');
  });

  it('falls back to English when a pack fails to load, and to blank text (never undefined) before any is in', async () => {
    const {defineMessages, pendingPacks, pickMessages} = await import('../../src/i18n/messages.js');
    const maps = defineMessages<{hi: string; n: (n: number) => string}>({
      en: async () => ({default: {hi: 'Hello', n: (n: number) => `${n} items`}}),
      'pt-BR': () => Promise.reject(new Error('chunk failed')),
      es: async () => ({default: {hi: 'Hola', n: (n: number) => `${n} artículos`}}),
    });
    const before = pickMessages(maps, 'es');
    assert.equal(`${before.hi}`, '');
    assert.equal(before.n(2), '');
    await pendingPacks(maps, 'pt-BR');
    assert.equal(pickMessages(maps, 'pt-BR').hi, 'Hello');
    assert.equal(pickMessages(maps, 'pt-BR').n(2), '2 items');
  });
});
