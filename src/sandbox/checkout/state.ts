/** Shared mutable state of one sandbox instance (carts, placements, OMS orders) and its configuration. */
import type {SandboxCatalog} from '../types.js';

export interface StorePreferences {
  countryCode: string;
  currencyCode: string;
  currencySymbol: string;
  /** Windows LCID, e.g. 1046 for pt-BR. */
  currencyLocale: number;
  timeZone: string;
  /** BCP-47 locale of the store, used for `clientPreferencesData.locale`. */
  locale: string;
  currencyFormatInfo: {
    currencyDecimalDigits: number;
    currencyDecimalSeparator: string;
    currencyGroupSeparator: string;
    currencyGroupSize: number;
    startsWithCurrencySymbol: boolean;
  };
}

export const DEFAULT_STORE_PREFERENCES: StorePreferences = {
  countryCode: 'BRA',
  currencyCode: 'BRL',
  currencySymbol: 'R$',
  currencyLocale: 1046,
  timeZone: 'E. South America Standard Time',
  locale: 'pt-BR',
  currencyFormatInfo: {
    currencyDecimalDigits: 2,
    currencyDecimalSeparator: ',',
    currencyGroupSeparator: '.',
    currencyGroupSize: 3,
    startsWithCurrencySymbol: true,
  },
};

export interface CartMessage {
  code: string | null;
  text: string;
  status: 'error' | 'warning' | 'info';
  fields: Record<string, string>;
}

export interface CartItem {
  uniqueId: string;
  id: string;
  seller: string;
  quantity: number;
  selectedSla: string | null;
  selectedDeliveryChannel: string | null;
}

export interface Address {
  addressType: string;
  receiverName: string | null;
  addressId: string;
  isDisposable: boolean;
  postalCode: string;
  city: string;
  state: string;
  country: string;
  street: string;
  number: string | null;
  neighborhood: string;
  complement: string | null;
  reference: string | null;
  geoCoordinates: number[];
}

export interface ClientProfile {
  email: string;
  firstName: string;
  lastName: string;
  document: string;
  documentType: string;
  phone: string | null;
  corporateName: string | null;
  tradeName: string | null;
  corporateDocument: string | null;
  stateInscription: string | null;
  corporatePhone: string | null;
  isCorporate: boolean;
}

export interface CartPayment {
  paymentSystem: number;
  paymentSystemName: string;
  group: string;
  installments: number;
  installmentsInterestRate: number;
  installmentsValue: number;
  value: number;
  referenceValue: number;
  bin: string | null;
  accountId: string | null;
  tokenId: string | null;
}

export interface MarketingData {
  coupon: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmipage: string | null;
  utmiPart: string | null;
  utmiCampaign: string | null;
  marketingTags: string[];
}

export interface CartState {
  id: string;
  items: CartItem[];
  messages: CartMessage[];
  marketing: MarketingData | null;
  clientProfile: ClientProfile | null;
  /** Latest CheckoutOrderFormOwnership value. */
  ownership: string | null;
  address: Address | null;
  payments: CartPayment[];
  optinNewsLetter: boolean | null;
  /** `customData.customApps`: app id → field name → value, in the order apps were first written. */
  customApps: Map<string, Record<string, string>>;
  /** Set when an order was placed and processed from this cart. */
  finished: boolean;
}

export type PaymentOutcome = 'approved' | 'declined' | 'pending-redirect' | 'pending';

export interface PlacedPayment {
  id: string;
  paymentSystem: number;
  paymentSystemName: string;
  group: string;
  omsGroup: string;
  installments: number;
  installmentsInterestRate: number;
  installmentsValue: number;
  value: number;
  referenceValue: number;
  firstDigits: string | null;
  lastDigits: string | null;
  cardHolder: string | null;
  outcome?: PaymentOutcome;
}

export type OmsStatus =
  | 'order-created'
  | 'payment-pending'
  | 'payment-approved'
  | 'ready-for-handling'
  | 'handling'
  | 'invoiced'
  | 'canceled';

export interface Placement {
  orderGroup: string;
  orderId: string;
  sequence: string;
  transactionId: string;
  orderFormId: string;
  createdAt: number;
  value: number;
  payments: PlacedPayment[];
  paymentsReceived: boolean;
  chkoAuth: string;
  dataAccess: string;
  /** Outcome of the gatewayCallback once processed. */
  result?: 'approved' | 'pending' | 'redirect' | 'declined';
  processedAt?: number;
  canceled?: boolean;
  /** The order JSON as placed (Checkout shape, `orders[0]` of the place-order response). */
  order: Record<string, unknown>;
  email: string;
}

/** One OMS order, as `sandbox.orders()` exposes it. */
export interface OmsOrder {
  orderId: string;
  orderGroup: string;
  sequence: string;
  orderFormId: string;
  email: string;
  clientName: string;
  value: number;
  totalItems: number;
  status: OmsStatus;
  /** Visible in the shopper's order history. */
  visible: boolean;
  tags: string[];
  creationDate: string;
  paymentNames: string;
}

export interface SandboxState {
  carts: Map<string, CartState>;
  placements: Map<string, Placement>;
  /** transactionId → orderGroup */
  transactions: Map<string, string>;
  sequence: number;
  /** emails with a complete profile (seeded + completed purchases) */
  profiles: Map<string, ClientProfile & {userProfileId: string}>;
}

export interface SandboxContext {
  account: string;
  now(): number;
  catalog: SandboxCatalog;
  store: StorePreferences;
  state: SandboxState;
  /** Email of the authenticated shopper (valid user token in header or cookie), else undefined. */
  identify(request: Request): Promise<string | undefined>;
}
