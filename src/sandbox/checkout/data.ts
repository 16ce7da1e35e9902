/** Static reference data of the sandbox checkout: payment systems, postal codes, pickup points, coupons. */
import {isCpfNumber} from '../../domain/cpf.js';

export interface PaymentSystemDef {
  id: number;
  name: string;
  groupName: string;
  /** OMS `group` value. */
  omsGroup: string;
  isCard: boolean;
  maxInstallments: number;
  validator: {
    regex: string;
    mask: string;
    cardCodeRegex: string;
    cardCodeMask: string;
    weights: number[];
    useCvv: boolean;
    useExpirationDate: boolean;
    useCardHolderName: boolean;
    useBillingAddress: boolean;
  } | null;
}

const WEIGHTS = [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

export const PAYMENT_SYSTEMS: PaymentSystemDef[] = [
  {
    id: 2,
    name: 'Visa',
    groupName: 'creditCardPaymentGroup',
    omsGroup: 'creditCard',
    isCard: true,
    maxInstallments: 6,
    validator: {
      regex: '^4[0-9]{15}$',
      mask: '9999 9999 9999 9999',
      cardCodeRegex: '^[0-9]{3}$',
      cardCodeMask: '999',
      weights: WEIGHTS,
      useCvv: true,
      useExpirationDate: true,
      useCardHolderName: true,
      useBillingAddress: true,
    },
  },
  {
    id: 4,
    name: 'Mastercard',
    groupName: 'creditCardPaymentGroup',
    omsGroup: 'creditCard',
    isCard: true,
    maxInstallments: 6,
    validator: {
      regex: '^(5[1-5][0-9]{14}|2(2[2-9][1-9]|2[3-9][0-9]|[3-6][0-9]{2}|7[0-1][0-9]|720)[0-9]{12})$',
      mask: '9999 9999 9999 9999',
      cardCodeRegex: '^[0-9]{3}$',
      cardCodeMask: '999',
      weights: WEIGHTS,
      useCvv: true,
      useExpirationDate: true,
      useCardHolderName: true,
      useBillingAddress: true,
    },
  },
  {
    id: 125,
    name: 'Pix',
    groupName: 'instantPaymentPaymentGroup',
    omsGroup: 'instantPayment',
    isCard: false,
    maxInstallments: 1,
    validator: null,
  },
  {
    id: 6,
    name: 'Boleto Bancário',
    groupName: 'bankInvoicePaymentGroup',
    omsGroup: 'bankInvoice',
    isCard: false,
    maxInstallments: 1,
    validator: null,
  },
];

export function paymentSystem(id: unknown): PaymentSystemDef | undefined {
  return PAYMENT_SYSTEMS.find((p) => String(p.id) === String(id));
}

/** Minimum installment value in cents. */
export const MIN_INSTALLMENT = 1000;

export interface InstallmentOption {
  count: number;
  hasInterestRate: boolean;
  interestRate: number;
  value: number;
  total: number;
  sellerMerchantInstallments: {
    id: string;
    count: number;
    hasInterestRate: boolean;
    interestRate: number;
    value: number;
    total: number;
  }[];
}

/** Interest-free installments; the count is capped so each installment is at least MIN_INSTALLMENT. */
export function installmentsFor(
  system: PaymentSystemDef,
  value: number,
  merchant: string,
): InstallmentOption[] {
  const max = Math.max(1, Math.min(system.maxInstallments, Math.floor(value / MIN_INSTALLMENT)));
  const out: InstallmentOption[] = [];
  for (let count = 1; count <= max; count++) {
    const each = Math.floor(value / count);
    const base = {count, hasInterestRate: false, interestRate: 0, value: each, total: value};
    out.push({...base, sellerMerchantInstallments: [{id: merchant.toUpperCase(), ...base}]});
  }
  return out;
}

export interface PostalAddress {
  postalCode: string;
  city: string;
  state: string;
  country: string;
  street: string;
  number: string;
  neighborhood: string;
  complement: string;
  reference: string;
  geoCoordinates: number[];
}

/** Address autofill table (`GET /api/checkout/pub/postal-code/{country}/{code}`), keyed by country + digits. */
export const POSTAL_CODES: Record<string, PostalAddress> = {
  BRA22250040: {
    postalCode: '22250-040',
    city: 'Rio de Janeiro',
    state: 'RJ',
    country: 'BRA',
    street: 'Praia de Botafogo',
    number: '',
    neighborhood: 'Botafogo',
    complement: '',
    reference: '',
    geoCoordinates: [-43.1822, -22.9468],
  },
  BRA01310100: {
    postalCode: '01310-100',
    city: 'São Paulo',
    state: 'SP',
    country: 'BRA',
    street: 'Avenida Paulista',
    number: '',
    neighborhood: 'Bela Vista',
    complement: '',
    reference: '',
    geoCoordinates: [-46.6544, -23.5646],
  },
  BRA70386000: {
    postalCode: '70386-000',
    city: 'Brasília',
    state: 'DF',
    country: 'BRA',
    street: 'SQS 116',
    number: '',
    neighborhood: 'Asa Sul',
    complement: '',
    reference: '',
    geoCoordinates: [-47.9247, -15.8326],
  },
  BRA30130010: {
    postalCode: '30130-010',
    city: 'Belo Horizonte',
    state: 'MG',
    country: 'BRA',
    street: 'Avenida Afonso Pena',
    number: '',
    neighborhood: 'Centro',
    complement: '',
    reference: '',
    geoCoordinates: [-43.9345, -19.9245],
  },
  USA10001: {
    postalCode: '10001',
    city: 'New York',
    state: 'NY',
    country: 'USA',
    street: '7th Avenue',
    number: '',
    neighborhood: 'Chelsea',
    complement: '',
    reference: '',
    geoCoordinates: [-73.9967, 40.7506],
  },
  USA94105: {
    postalCode: '94105',
    city: 'San Francisco',
    state: 'CA',
    country: 'USA',
    street: 'Market Street',
    number: '',
    neighborhood: 'South of Market',
    complement: '',
    reference: '',
    geoCoordinates: [-122.3942, 37.7898],
  },
};

export function postalDigits(code: string): string {
  return code.replace(/\D/g, '');
}

/** Format check: BRA 8 digits, USA 5 digits (ZIP or ZIP+4), other countries 3..10 alphanumerics. */
export function isValidPostalCode(country: string, code: string): boolean {
  if (country === 'BRA') return /^\d{5}-?\d{3}$/.test(code.trim());
  if (country === 'USA') return /^\d{5}(-\d{4})?$/.test(code.trim());
  return /^[A-Za-z0-9 -]{3,10}$/.test(code.trim());
}

export const SUPPORTED_COUNTRIES = ['BRA', 'USA'];

/** Deliverable: every known postal code, plus BRA/USA codes whose first digit is not 9. */
export function isDeliverable(country: string, code: string): boolean {
  if (!SUPPORTED_COUNTRIES.includes(country) || !isValidPostalCode(country, code)) return false;
  const digits = postalDigits(code);
  if (POSTAL_CODES[country + digits]) return true;
  return !digits.startsWith('9');
}

export interface PickupPointDef {
  id: string;
  friendlyName: string;
  address: {
    addressType: 'pickup';
    receiverName: null;
    addressId: string;
    isDisposable: true;
    postalCode: string;
    city: string;
    state: string;
    country: string;
    street: string;
    number: string;
    neighborhood: string;
    complement: string | null;
    reference: null;
    geoCoordinates: number[];
  };
  additionalInfo: string;
  businessHours: {DayOfWeek: number; OpeningTime: string; ClosingTime: string}[];
}

const HOURS = [1, 2, 3, 4, 5, 6].map((d) => ({
  DayOfWeek: d,
  OpeningTime: '09:00:00',
  ClosingTime: '19:00:00',
}));

export const PICKUP_POINTS: PickupPointDef[] = [
  {
    id: '1_LOJA-RJ',
    friendlyName: 'Loja Botafogo',
    address: {
      addressType: 'pickup',
      receiverName: null,
      addressId: 'LOJA-RJ',
      isDisposable: true,
      postalCode: '22250-040',
      city: 'Rio de Janeiro',
      state: 'RJ',
      country: 'BRA',
      street: 'Praia de Botafogo',
      number: '300',
      neighborhood: 'Botafogo',
      complement: 'Loja 1',
      reference: null,
      geoCoordinates: [-43.1822, -22.9468],
    },
    additionalInfo: 'Retire no balcão com documento.',
    businessHours: HOURS,
  },
  {
    id: '1_LOJA-SP',
    friendlyName: 'Loja Paulista',
    address: {
      addressType: 'pickup',
      receiverName: null,
      addressId: 'LOJA-SP',
      isDisposable: true,
      postalCode: '01310-100',
      city: 'São Paulo',
      state: 'SP',
      country: 'BRA',
      street: 'Avenida Paulista',
      number: '1000',
      neighborhood: 'Bela Vista',
      complement: null,
      reference: null,
      geoCoordinates: [-46.6544, -23.5646],
    },
    additionalInfo: 'Retire no balcão com documento.',
    businessHours: HOURS,
  },
];

export type CouponDef =
  | {kind: 'percent'; percent: number; name: string}
  | {kind: 'fixed'; amount: number; name: string}
  | {kind: 'freeShipping'; name: string};

export const COUPONS: Record<string, CouponDef> = {
  SUMMER10: {kind: 'percent', percent: 10, name: 'Summer 10% off'},
  BLACKFRIDAY: {kind: 'fixed', amount: 5000, name: 'Black Friday R$ 50 off'},
  FRETEGRATIS: {kind: 'freeShipping', name: 'Frete grátis'},
  FREESHIPPING: {kind: 'freeShipping', name: 'Free shipping'},
};

/** Known shopper profiles (complete → masked for anonymous callers). */
export interface KnownProfile {
  userProfileId: string;
  email: string;
  firstName: string;
  lastName: string;
  document: string;
  documentType: string;
  phone: string;
}

export const KNOWN_PROFILES: KnownProfile[] = [
  {
    userProfileId: '8b0c9a52-6f1d-4c0e-9d0b-3f2f9b6a7c11',
    email: 'clark.kent@example.com',
    firstName: 'Clark',
    lastName: 'Kent',
    document: '52998224725',
    documentType: 'cpf',
    phone: '+5521998765432',
  },
];

/** Validates a Brazilian CPF (11 digits, two check digits, not all equal), ignoring anything but digits. */
export const isValidCpf = (value: string): boolean => isCpfNumber(value.replace(/\D/g, ''));

/** Luhn checksum. */
export function luhn(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let n = Number(number[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

export const APPROVED_CARD = '4111111111111111';
export const DECLINED_CARD = '4000000000000002';
