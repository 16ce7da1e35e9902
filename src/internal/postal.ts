/** Postal code checks shared by the cart and the checkout (before any request). */

/** Postal code formats by ISO 3166-1 alpha-3 country; others get a loose check. */
const POSTAL: Record<string, {re: RegExp; example: string}> = {
  BRA: {re: /^\d{5}-?\d{3}$/, example: '22250-040'},
  USA: {re: /^\d{5}(-\d{4})?$/, example: '10001'},
  ARG: {re: /^([A-Za-z]\d{4}[A-Za-z]{3}|\d{4})$/, example: 'C1425'},
  MEX: {re: /^\d{5}$/, example: '06600'},
  COL: {re: /^\d{6}$/, example: '110111'},
  CHL: {re: /^\d{7}$/, example: '8320000'},
  PER: {re: /^\d{5}$/, example: '15001'},
  ESP: {re: /^\d{5}$/, example: '28001'},
  PRT: {re: /^\d{4}-?\d{3}$/, example: '1000-001'},
  CAN: {re: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, example: 'K1A 0B1'},
  GBR: {re: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, example: 'SW1A 1AA'},
};

export function postalFormat(country: string): {re: RegExp; example: string} {
  return (
    POSTAL[country.toUpperCase()] ?? {re: /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/, example: '12345'}
  );
}

export const isPostalCode = (country: string, code: string): boolean =>
  postalFormat(country).re.test(code.trim());
