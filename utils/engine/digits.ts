/**
 * Decimal digits of every script, mapped to ASCII. Unicode places each script's digits
 * 0–9 contiguously (general category Nd), so the code point of its zero is all we need.
 * Han numerals are words, not digits, and are left alone.
 */
const ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
  0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
  0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
  0xff10,
];

/** The ASCII digit for a decimal digit of any script, or null when `cp` is not one. */
export function digitValue(cp: number): number | null {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  for (const zero of ZEROS) {
    if (cp >= zero && cp <= zero + 9) return cp - zero;
  }
  return null;
}

const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\uff10-\uff19]/g;

/** Replaces every decimal digit of another script with its ASCII digit. */
export function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (d) => String(digitValue(d.codePointAt(0)!)));
}
