/**
 * Brazilian CPF check: 11 digits, not all equal, both check digits right (mod 11). Takes the digits only; callers
 * decide what input they accept around them (the checkout form: digits, dots, spaces and dashes; the sandbox: any).
 */
export function isCpfNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  for (const len of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(digits[i]) * (len + 1 - i);
    const check = ((sum * 10) % 11) % 10;
    if (check !== Number(digits[len])) return false;
  }
  return true;
}
