import {expect} from '@open-wc/testing';
import {cardBrand, dueDate, formatCardNumber, isCardNumber, isCvv, isExpiry, luhn} from './card.js';
import {isCpf, isDocument, isEmail, isPhone} from './validators.js';
import {isPostalCode} from '../../internal/postal.js';

describe('checkout validators', () => {
  it('checks e-mail addresses', () => {
    expect(isEmail('ana.silva+shop@example.com.br')).to.be.true;
    for (const bad of [
      '',
      'ana',
      'ana@',
      '@example.com',
      'ana@example',
      'ana silva@example.com',
      'ana@exa mple.com',
    ])
      expect(isEmail(bad), bad).to.be.false;
  });

  it('checks CPF check digits, with or without punctuation', () => {
    expect(isCpf('529.982.247-25')).to.be.true;
    expect(isCpf('52998224725')).to.be.true;
    expect(isCpf('529.982.247-24')).to.be.false;
    expect(isCpf('123.456.789-00')).to.be.false;
    expect(isCpf('111.111.111-11')).to.be.false;
    expect(isCpf('5299822472')).to.be.false;
    expect(isCpf('529a982b247c25')).to.be.false;
    expect(isDocument('cpf', '529.982.247-25')).to.be.true;
    expect(isDocument('passport', 'AB123456')).to.be.true;
    expect(isDocument('dni', '12')).to.be.false;
  });

  it('checks phones and postal codes per country', () => {
    expect(isPhone('+55 21 99999-0000')).to.be.true;
    expect(isPhone('(21) 9999-0000')).to.be.true;
    expect(isPhone('12345')).to.be.false;
    expect(isPhone('call me')).to.be.false;
    expect(isPostalCode('BRA', '22250-040')).to.be.true;
    expect(isPostalCode('BRA', '22250040')).to.be.true;
    expect(isPostalCode('BRA', '2225')).to.be.false;
    expect(isPostalCode('USA', '10001')).to.be.true;
    expect(isPostalCode('USA', '10001-1234')).to.be.true;
    expect(isPostalCode('USA', '1000')).to.be.false;
    expect(isPostalCode('CAN', 'K1A 0B1')).to.be.true;
    expect(isPostalCode('ARG', 'C1425ABC')).to.be.true;
  });

  it('checks card numbers with Luhn and detects brands', () => {
    expect(luhn('4111111111111111')).to.be.true;
    expect(luhn('4111111111111112')).to.be.false;
    expect(isCardNumber('4111 1111 1111 1111')).to.be.true;
    expect(isCardNumber('4111 1111 1111 1112')).to.be.false;
    expect(isCardNumber('4111-1111-1111')).to.be.false;
    expect(isCardNumber('abcd')).to.be.false;
    expect(cardBrand('4111111111111111')).to.equal('visa');
    expect(cardBrand('5555555555554444')).to.equal('mastercard');
    expect(cardBrand('2221000000000009')).to.equal('mastercard');
    expect(cardBrand('378282246310005')).to.equal('amex');
    expect(cardBrand('6362970000457013')).to.equal('elo');
    expect(cardBrand('6062825624254001')).to.equal('hipercard');
    expect(cardBrand('9999')).to.be.undefined;
    expect(formatCardNumber('4111111111111111')).to.equal('4111 1111 1111 1111');
    expect(formatCardNumber('378282246310005')).to.equal('3782 822463 10005');
  });

  it('checks expiry dates and security codes', () => {
    const now = new Date(2026, 4, 15);
    expect(isExpiry('05/26', now)).to.be.true;
    expect(isExpiry('04/26', now)).to.be.false;
    expect(isExpiry('12/2035', now)).to.be.true;
    expect(isExpiry('13/30', now)).to.be.false;
    expect(isExpiry('1230', now)).to.be.false;
    expect(isExpiry('12/99', now)).to.be.false;
    expect(dueDate('3/2035')).to.equal('03/35');
    expect(isCvv('123', 'visa')).to.be.true;
    expect(isCvv('1234', 'visa')).to.be.false;
    expect(isCvv('1234', 'amex')).to.be.true;
    expect(isCvv('12', undefined)).to.be.false;
  });
});
