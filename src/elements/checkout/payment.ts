import type {InstallmentOption, PaymentSystem} from '../../client/types.js';
import {cardBrand, type CardBrand} from './card.js';
import {digits} from './validators.js';

export type PaymentKind = 'creditCard' | 'debitCard' | 'pix' | 'boleto' | 'other';

/** The installment options of a payment system, as loaded for the total. */
export interface Installments {
  status: 'idle' | 'loading' | 'ready' | 'error';
  system?: number;
  options: InstallmentOption[];
}

/** One choice on screen: all card systems of a group are one "card" option, picked by the number's brand. */
export interface PaymentOption {
  key: string;
  kind: PaymentKind;
  group: string;
  systems: PaymentSystem[];
}

/** The kind of payment each VTEX payment group is. */
export const KIND: Record<string, PaymentKind> = {
  creditCardPaymentGroup: 'creditCard',
  debitCardPaymentGroup: 'debitCard',
  instantPaymentPaymentGroup: 'pix',
  bankInvoicePaymentGroup: 'boleto',
};

/** Groups VTEX's `paymentData.paymentSystems`; gift cards need a flow of their own and are left out. */
export function paymentOptions(systems: readonly PaymentSystem[]): PaymentOption[] {
  const out: PaymentOption[] = [];
  for (const s of systems) {
    if (s.groupName === 'giftCardPaymentGroup') continue;
    const kind = KIND[s.groupName] ?? 'other';
    const card = kind === 'creditCard' || kind === 'debitCard';
    const key = card ? kind : `system-${s.id}`;
    const existing = out.find((o) => o.key === key);
    if (existing) existing.systems.push(s);
    else out.push({key, kind, group: s.groupName, systems: [s]});
  }
  return out;
}

export const isCard = (o: PaymentOption | undefined): boolean =>
  o?.kind === 'creditCard' || o?.kind === 'debitCard';

const BRAND_NAMES: Record<CardBrand, RegExp> = {
  visa: /visa/i,
  mastercard: /master/i,
  amex: /amex|american/i,
  elo: /^elo/i,
  hipercard: /hiper/i,
  diners: /diners/i,
  discover: /discover/i,
  jcb: /jcb/i,
};

/** The card option's payment system for a number: by the system's own validator, else by brand name. */
export function systemForCard(option: PaymentOption, number: string): PaymentSystem | undefined {
  const d = digits(number);
  const byValidator = option.systems.find((s) => {
    if (!s.validator?.regex) return false;
    try {
      return new RegExp(s.validator.regex).test(d);
    } catch {
      return false;
    }
  });
  if (byValidator) return byValidator;
  const brand = cardBrand(d);
  return brand ? option.systems.find((s) => BRAND_NAMES[brand].test(s.name)) : undefined;
}
