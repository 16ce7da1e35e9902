/**
 * The card form's checks (Luhn, brand, length, expiry, CVV): pure functions, loaded with the payment step, not with
 * the checkout's first screen.
 */
import type {CheckoutMessages} from './checkout.messages.js';
import {digits} from './validators.js';

/** Luhn (mod 10) over the digits of a card number. */
export function luhn(value: string): boolean {
  const d = digits(value);
  if (!d) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'elo' | 'hipercard' | 'diners' | 'discover' | 'jcb';

/** Prefixes, most specific first (Elo and Hipercard overlap Visa/Mastercard/Discover ranges). */
const BRANDS: [CardBrand, RegExp, number[], number][] = [
  [
    'elo',
    /^(4011(78|79)|43(1274|8935)|45(1416|7393|763[12])|50(4175|6699|67[0-7][0-9]|9000)|627780|63(6297|6368)|650(03[1-3]|4[0-9]{2}|5[0-2][0-9]|90[1-9])|651652|655000)/,
    [16],
    3,
  ],
  ['hipercard', /^(606282|3841)/, [13, 16, 19], 3],
  ['amex', /^3[47]/, [15], 4],
  ['diners', /^3(0[0-5]|[68])/, [14, 16], 3],
  ['discover', /^6(011|5|4[4-9])/, [16, 19], 3],
  ['jcb', /^35(2[89]|[3-8])/, [16, 19], 3],
  ['mastercard', /^(5[1-5]|2(2[2-9][1-9]|2[3-9]|[3-6]|7[01]|720))/, [16], 3],
  ['visa', /^4/, [13, 16, 19], 3],
];

export function cardBrand(value: string): CardBrand | undefined {
  const d = digits(value);
  return BRANDS.find(([, re]) => re.test(d))?.[0];
}

/** Lengths and CVV size of a brand (unknown brands: 12–19 digits, CVV 3–4). */
export function cardRules(brand: CardBrand | undefined): {lengths: number[]; cvv: number[]} {
  const b = BRANDS.find(([name]) => name === brand);
  return b ? {lengths: b[2], cvv: [b[3]]} : {lengths: [12, 13, 14, 15, 16, 17, 18, 19], cvv: [3, 4]};
}

/** A card number a gateway could accept: digits (spaces and dashes allowed), a known length, Luhn. */
export function isCardNumber(value: string): boolean {
  if (!/^[\d\s-]+$/.test(value.trim())) return false;
  const d = digits(value);
  return cardRules(cardBrand(d)).lengths.includes(d.length) && luhn(d);
}

/** `MMYY` as a shopper types it → `MM/YY` (the field shows it so); anything else unchanged. */
export function formatExpiry(value: string): string {
  const m = /^\s*(\d{2})(\d{2})\s*$/.exec(value);
  return m ? `${m[1]}/${m[2]}` : value;
}

/** `MM/YY` or `MM/YYYY` → `{month, year}` (4-digit year), or undefined. */
export function parseExpiry(value: string): {month: number; year: number} | undefined {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!m) return undefined;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? {month, year} : undefined;
}

/** Not expired at `now` (a card is valid through the last day of its month) and not absurdly far ahead. */
export function isExpiry(value: string, now: Date = new Date()): boolean {
  const e = parseExpiry(value);
  if (!e) return false;
  const end = new Date(e.year, e.month, 1).getTime();
  return end > now.getTime() && e.year <= now.getFullYear() + 20;
}

/** `MM/YY` as VTEX's payments call wants it. */
export function dueDate(value: string): string {
  const e = parseExpiry(value)!;
  return `${String(e.month).padStart(2, '0')}/${String(e.year % 100).padStart(2, '0')}`;
}

export function isCvv(value: string, brand: CardBrand | undefined): boolean {
  return /^\d+$/.test(value.trim()) && cardRules(brand).cvv.includes(value.trim().length);
}

/** Groups a card number's digits for display while typing: 4-4-4-4 (Amex 4-6-5). */
export function formatCardNumber(value: string): string {
  const d = digits(value).slice(0, 19);
  if (cardBrand(d) === 'amex')
    return [d.slice(0, 4), d.slice(4, 10), d.slice(10, 15)].filter(Boolean).join(' ');
  return d.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The card form's errors by field (`holder` and `cvv` trimmed; `accepted`: the store takes the number's brand). */
export function cardErrors(
  number: string,
  holder: string,
  expiry: string,
  cvv: string,
  accepted: boolean,
  m: CheckoutMessages,
): Record<string, string> {
  const brand = cardBrand(number);
  const errors: Record<string, string> = {};
  if (!number.trim()) errors.cardNumber = m.required;
  else if (!isCardNumber(number)) errors.cardNumber = m.cardNumberInvalid;
  else if (!accepted) errors.cardNumber = m.brandNotAccepted;
  if (!holder) errors.holderName = m.required;
  else if (holder.length < 2 || /\d/.test(holder)) errors.holderName = m.holderInvalid;
  if (!expiry.trim()) errors.expiry = m.required;
  else if (!isExpiry(expiry)) errors.expiry = m.expiryInvalid;
  if (!cvv) errors.cvv = m.required;
  else if (!isCvv(cvv, brand)) errors.cvv = m.cvvInvalid(cardRules(brand).cvv.join('–'));
  return errors;
}
