/**
 * Field checks that run before any request. Pure functions (no DOM, no Lit), so they are cheap to test and
 * to reuse. Each returns a boolean or a small fact; the form checks (`profileErrors`, `cardErrors`) turn
 * failures into the messages they are given.
 */
import {isCpfNumber} from '../../domain/cpf.js';
import type {CheckoutMessages} from './checkout.messages.js';

const EMAIL_RE =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL_RE.test(value.trim());

export const digits = (value: string): string => value.replace(/\D/g, '');

/** Brazilian CPF: 11 digits, not all equal, both check digits right (mod 11). Accepts `529.982.247-25`. */
export function isCpf(value: string): boolean {
  if (!/^[\d.\s-]+$/.test(value.trim())) return false;
  return isCpfNumber(digits(value));
}

/** Document types offered per store: CPF (checksum) for Brazil, an id or passport elsewhere. */
export type DocumentType = 'cpf' | 'dni' | 'passport';

export function documentTypes(currency: string | undefined, country: string | undefined): DocumentType[] {
  if (currency === 'BRL' || country === 'BRA') return ['cpf'];
  return ['dni', 'passport'];
}

export function isDocument(type: string, value: string): boolean {
  if (type === 'cpf') return isCpf(value);
  return /^[A-Za-z0-9][A-Za-z0-9.\- ]{3,18}[A-Za-z0-9]$/.test(value.trim());
}

/** International or local phone: 8–15 digits, an optional leading +, spaces, dashes and parentheses. */
export function isPhone(value: string): boolean {
  const v = value.trim();
  if (!/^\+?[0-9 ()-]+$/.test(v)) return false;
  const n = digits(v).length;
  return n >= 8 && n <= 15;
}

/** The identification form's errors by field (values trimmed; `type`: the document type). */
export function profileErrors(
  v: Readonly<Record<string, string>>,
  type: string,
  m: CheckoutMessages,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.email) errors.email = m.required;
  else if (!isEmail(v.email)) errors.email = m.emailInvalid;
  if (!v.firstName) errors.firstName = m.required;
  if (!v.lastName) errors.lastName = m.required;
  if (!v.document) errors.document = m.required;
  else if (!isDocument(type, v.document)) errors.document = type === 'cpf' ? m.cpfInvalid : m.documentInvalid;
  if (!v.phone) errors.phone = m.required;
  else if (!isPhone(v.phone)) errors.phone = m.phoneInvalid;
  return errors;
}
