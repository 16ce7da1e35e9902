/**
 * What the bridge refuses to carry: card data on its way to the payment host, and login tokens on their way
 * to page JavaScript.
 */

/** Field names of VTEX's payment `fields` (and common aliases) that only a card payment carries. */
const CARD_FIELDS = new Set(
  [
    'cardNumber',
    'validationCode',
    'holderName',
    'dueDate',
    'cvv',
    'cvc',
    'cvv2',
    'securityCode',
    'cardHolder',
    'expirationDate',
    'pan',
  ].map((s) => s.toLowerCase()),
);

/** Luhn checksum over a digit string. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A string that reads as a card number: 13 to 19 digits (spaces or dashes allowed) passing Luhn. */
export function looksLikeCardNumber(value: string): boolean {
  if (!/^[\d -]{13,23}$/.test(value)) return false;
  const digits = value.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && luhn(digits);
}

/**
 * The first card field found anywhere in a parsed payments body (a non-empty value under a card field name,
 * or a string that reads as a card number), or undefined for a payment without card data (Pix, boleto).
 */
export function findCardData(value: unknown, depth = 0): string | undefined {
  if (depth > 32) return 'nesting';
  if (typeof value === 'string') return looksLikeCardNumber(value) ? 'card number' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (CARD_FIELDS.has(k.toLowerCase()) && v !== null && v !== '' && v !== undefined) return k;
    const inner = findCardData(v, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** JSON keys whose `Value` is a login token (VTEX ID's `authCookie`, `accountAuthCookie`, …). */
const TOKEN_HOLDER = /authcookie$/i;
/** JSON keys whose string value is a token. */
const TOKEN_KEY = /^(token|authToken|accessToken|refreshToken|idToken|userToken)$/i;

function scrubJson(value: unknown, depth: number): unknown {
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (TOKEN_HOLDER.test(k) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([ik, iv]) => [ik, ik.toLowerCase() === 'value' ? null : iv]),
      );
    } else if (TOKEN_KEY.test(k) && typeof v === 'string') {
      out[k] = null;
    } else {
      out[k] = scrubJson(v, depth + 1);
    }
  }
  return out;
}

/**
 * Removes login tokens from a response body: in JSON, the `Value` of `*AuthCookie` objects and token-named
 * strings; in any text, each of the given cookie values. Returns the body text to send.
 */
export function scrubTokens(text: string, contentType: string, tokens: readonly string[]): string {
  let out = text;
  if (/json/i.test(contentType)) {
    try {
      out = JSON.stringify(scrubJson(JSON.parse(text), 0));
    } catch {
      /* not JSON after all: the plain replacement below still applies */
    }
  }
  for (const t of tokens) if (t.length >= 8) out = out.split(t).join('');
  return out;
}
