/**
 * Numbers scaled by a sign, as languages that count by ten thousands write them (40亿,
 * 6300万, 3만 — the signs and their powers of ten from Unicode CLDR: number-signs.ts),
 * read the way the other languages' press writes the same amount: in billions from a
 * billion up, in millions from a million up ("4 milliards", "63 millions", "20,5
 * Millionen"), in full below ("17.6万", "176 000"). The result is digits, as a number's
 * anchor keeps them (anchors.ts numberForm drops separators): 285亿 and "28,5 milliards"
 * both give "285".
 */
import { NUMBER_SIGNS } from './number-signs';

/** The sign scaling the number that ends at `end` of `p`, if any: its length and power of ten. */
export function signAfter(p: string, end: number): readonly [string, number] | null {
  if (end >= p.length || p.charCodeAt(end) < 0x0e00) return null; // every sign is past Latin, Greek, Cyrillic…
  for (const s of NUMBER_SIGNS) if (p.startsWith(s[0], end)) return s;
  return null;
}

/**
 * The digits of `number` (as written: "6300", "1.45", "2,050") times 10^`power`, expressed
 * in billions, millions or units as above; a decimal separator is one followed by one or
 * two digits at the end (three are a thousands group).
 */
export function scaledDigits(number: string, power: number): string {
  const decimal = /[.,](\d{1,2})$/.exec(number);
  let digits = number.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  // value = digits × 10^exponent
  const exponent = power - (decimal ? decimal[1].length : 0);
  const magnitude = digits.length - 1 + exponent; // the power of ten of the leading digit
  const unit = magnitude >= 9 ? 9 : magnitude >= 6 ? 6 : 0;
  const shift = exponent - unit; // value in units of 10^unit = digits × 10^shift
  if (shift >= 0) return digits + '0'.repeat(shift);
  // A fraction of the unit: its digits without the point, trailing zeros dropped (63.00 → 63).
  const whole = digits.length + shift;
  if (whole <= 0) digits = '0'.repeat(-whole) + digits; // 0.05 billion: the leading zero is not kept
  let k = digits.length;
  while (k > Math.max(whole, 1) && digits[k - 1] === '0') k--;
  return digits.slice(0, k).replace(/^0+(?=\d)/, '');
}
