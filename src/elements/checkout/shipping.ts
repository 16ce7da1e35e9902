import type {Address, OrderForm, Sla} from '../../client/types.js';
import {isPostalCode, postalFormat} from '../../internal/postal.js';
import type {CheckoutMessages} from './checkout.messages.js';

export type AddressField =
  'postalCode' | 'street' | 'number' | 'complement' | 'neighborhood' | 'city' | 'state' | 'receiverName';

interface Format {
  fields: AddressField[];
  optional: AddressField[];
}

/** Address fields by country (ISO alpha-3), in the order shoppers there expect. */
const FORMATS: Record<string, Format> = {
  BRA: {
    fields: ['postalCode', 'street', 'number', 'complement', 'neighborhood', 'city', 'state', 'receiverName'],
    optional: ['complement'],
  },
  USA: {
    fields: ['postalCode', 'street', 'complement', 'city', 'state', 'receiverName'],
    optional: ['complement'],
  },
};
const DEFAULT_FORMAT: Format = {
  fields: ['postalCode', 'street', 'number', 'complement', 'city', 'state', 'receiverName'],
  optional: ['complement', 'number'],
};

export const addressFormat = (country: string): Format => FORMATS[country.toUpperCase()] ?? DEFAULT_FORMAT;

export const AUTOCOMPLETE: Record<AddressField, string> = {
  postalCode: 'postal-code',
  street: 'address-line1',
  number: 'address-line2',
  complement: 'address-line3',
  neighborhood: 'address-level3',
  city: 'address-level2',
  state: 'address-level1',
  receiverName: 'shipping name',
};

/** VTEX masks known shoppers' data with `*`: such values are not worth showing in an input. */
export const unmasked = (v: string | null | undefined): string => (v && !v.includes('*') ? v : '');

/** Countries the store ships to (from the orderForm), the store's own first. */
export function countries(of: OrderForm): string[] {
  const set = new Set<string>([of.storePreferencesData?.countryCode || 'BRA']);
  for (const li of of.shippingData?.logisticsInfo ?? []) for (const c of li.shipsTo ?? []) set.add(c);
  return [...set];
}

/** ISO 3166 alpha-3 → alpha-2 for the countries VTEX stores sell in most (Intl names regions by alpha-2). */
const ALPHA2: Record<string, string> = Object.fromEntries(
  'ARG AR BOL BO BRA BR CAN CA CHL CL COL CO CRI CR DEU DE DOM DO ECU EC ESP ES FRA FR GBR GB GTM GT HND HN ITA IT MEX MX NIC NI PAN PA PER PE PRT PT PRY PY SLV SV URY UY USA US VEN VE'
    .match(/\w{3} \w{2}/g)!
    .map((pair) => pair.split(' ')),
);

/** A country's name in the shopper's language (`BRA` → "Brasil"), or its code when unknown. */
export function countryName(code: string, locale: string): string {
  try {
    return (ALPHA2[code] && new Intl.DisplayNames([locale], {type: 'region'}).of(ALPHA2[code]!)) || code;
  } catch {
    return code;
  }
}

export interface Package {
  /** Item indexes shipped together (they share the same delivery options). */
  items: number[];
  /** Options with prices summed over the package's items. */
  slas: Sla[];
  selected: string | null;
}

/** Groups the cart's lines into packages by the delivery options they share. */
export function packages(of: OrderForm): Package[] {
  const byKey = new Map<string, Package>();
  for (const li of of.shippingData?.logisticsInfo ?? []) {
    if (!li.slas?.length) continue;
    const key = li.slas
      .map((s) => s.id)
      .sort()
      .join('|');
    const pkg = byKey.get(key);
    if (!pkg) {
      byKey.set(key, {items: [li.itemIndex], slas: li.slas.map((s) => ({...s})), selected: li.selectedSla});
    } else {
      pkg.items.push(li.itemIndex);
      for (const s of pkg.slas) s.price += li.slas.find((x) => x.id === s.id)?.price ?? 0;
      pkg.selected ??= li.selectedSla;
    }
  }
  return [...byKey.values()];
}

/** Lines that cannot be delivered to the attached address (no options at all). */
export const undeliverable = (of: OrderForm): number[] =>
  (of.shippingData?.logisticsInfo ?? []).filter((li) => !li.slas?.length).map((li) => li.itemIndex);

/** Every field the address's country requires is there (a looked-up street without a house number is not). */
export function isComplete(a: Address | null | undefined): boolean {
  if (!a?.country) return false;
  const {fields, optional} = addressFormat(a.country);
  return fields.every((f) => optional.includes(f) || !!a[f]);
}

/** The delivery step is done when the cart has an address and an option for every line. */
export function shippingDone(of: OrderForm): boolean {
  const lis = of.shippingData?.logisticsInfo ?? [];
  return (
    isComplete(of.shippingData?.address) && lis.length === of.items.length && lis.every((l) => l.selectedSla)
  );
}

/** The address form's errors by field: the country's required fields, and the postal code's format. */
export function addressErrors(
  d: Readonly<Record<string, string>>,
  country: string,
  m: CheckoutMessages,
): Record<string, string> {
  const format = addressFormat(country);
  const errors: Record<string, string> = {};
  for (const f of format.fields) {
    const value = (d[f] ?? '').trim();
    if (!value && !format.optional.includes(f)) errors[f] = m.required;
  }
  if (d.postalCode && !isPostalCode(country, d.postalCode))
    errors.postalCode = m.postalInvalid(postalFormat(country).example);
  return errors;
}

/** The names of the delivery options the cart has selected (pickup points by their friendly name), once each. */
export function slaNames(of: OrderForm): string[] {
  const names = new Set<string>();
  for (const li of of.shippingData?.logisticsInfo ?? []) {
    const sla = li.slas.find((s) => s.id === li.selectedSla);
    if (sla) names.add(sla.pickupStoreInfo?.friendlyName ?? sla.name);
  }
  return [...names];
}
