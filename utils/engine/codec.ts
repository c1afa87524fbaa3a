/**
 * The binary form of a stored fingerprint (well under 1 KB), and its base64 text form
 * for pack files. Layout, all big-endian:
 *
 *   u8 version (2) · u8 script · 3×u8 language (ASCII, space-padded) · u32 chars ·
 *   u32 simhash · u8 paragraphs · u8×paragraphs log-length · u8 sentences ·
 *   u8×sentences log-length · u8 anchors ·
 *   per anchor: u24 key · u16 (kind bit 15, coarse bits 0–9) · u8 position · u8 paragraph
 *
 * `toStored` already rounds positions and lengths to what this layout keeps, so
 * decode(encode(fp)) gives back exactly fp.
 */
import type { AnchorKind, Fingerprint, Script } from './types';

/** The binary layout's version: a fingerprint of another version is refused, not misread. */
export const FORMAT_VERSION = 2;

export const SCRIPTS: Script[] = [
  'latin', 'cyrillic', 'greek', 'armenian', 'georgian', 'hebrew', 'arabic',
  'indic', 'thai', 'kana', 'han', 'hangul', 'other',
];

/** Paragraph length ↔ one byte, on a log scale (steps of about 4.4%). */
export function lengthToByte(len: number): number {
  return Math.min(255, Math.round(Math.log2(len + 1) * 16));
}
export function byteToLength(b: number): number {
  return Math.round(2 ** (b / 16) - 1);
}
/** Position (0..1000) ↔ one byte. */
export function posToByte(pos: number): number {
  return Math.round((Math.max(0, Math.min(1000, pos)) * 255) / 1000);
}
export function byteToPos(b: number): number {
  return Math.round((b * 1000) / 255);
}

export function encodeBytes(fp: Fingerprint): Uint8Array {
  const n = Math.min(255, fp.keys.length);
  const paras = Math.min(255, fp.paraLens.length);
  const sentLens = fp.sentLens ?? [];
  const sents = Math.min(255, sentLens.length);
  const out = new Uint8Array(14 + paras + 1 + sents + 1 + n * 7);
  const view = new DataView(out.buffer);
  let o = 0;
  out[o++] = FORMAT_VERSION;
  out[o++] = Math.max(0, SCRIPTS.indexOf(fp.script));
  const lang = (fp.lang ?? '').padEnd(3, ' ').slice(0, 3);
  for (let i = 0; i < 3; i++) out[o++] = lang.charCodeAt(i) & 0x7f;
  view.setUint32(o, fp.chars >>> 0);
  o += 4;
  view.setUint32(o, fp.simhash >>> 0);
  o += 4;
  out[o++] = paras;
  for (let p = 0; p < paras; p++) out[o++] = lengthToByte(fp.paraLens[p]);
  out[o++] = sents;
  for (let p = 0; p < sents; p++) out[o++] = lengthToByte(sentLens[p]);
  out[o++] = n;
  for (let i = 0; i < n; i++) {
    const k = fp.keys[i] & 0xffffff;
    out[o++] = k >>> 16;
    out[o++] = (k >>> 8) & 0xff;
    out[o++] = k & 0xff;
    view.setUint16(o, (fp.kinds[i] === 'num' ? 0x8000 : 0) | (fp.coarse[i] & 0x3ff));
    o += 2;
    out[o++] = posToByte(fp.pos[i]);
    out[o++] = Math.min(255, fp.para[i]);
  }
  return out;
}

export class FingerprintFormatError extends Error {}

export function decodeBytes(bytes: Uint8Array): Fingerprint {
  const fail = (why: string): never => {
    throw new FingerprintFormatError(`invalid fingerprint: ${why}`);
  };
  if (bytes.length < 16) fail('too short');
  if (bytes[0] !== FORMAT_VERSION) {
    fail(bytes[0] < FORMAT_VERSION ? `format ${bytes[0]} is from an older engine: rebuild the pack from its articles` : `unknown format ${bytes[0]}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 1;
  const script = SCRIPTS[bytes[o++]] ?? fail('unknown script');
  const langRaw = String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2]).trim();
  o += 3;
  if (langRaw && !/^[a-z]{2,3}$/.test(langRaw)) fail('bad language');
  const chars = view.getUint32(o);
  o += 4;
  const simhash = view.getUint32(o);
  o += 4;
  const paras = bytes[o++];
  if (bytes.length < o + paras + 1) fail('truncated paragraphs');
  const paraLens: number[] = [];
  for (let p = 0; p < paras; p++) paraLens.push(byteToLength(bytes[o++]));
  const sents = bytes[o++];
  if (bytes.length < o + sents + 1) fail('truncated sentences');
  const sentLens: number[] = [];
  for (let p = 0; p < sents; p++) sentLens.push(byteToLength(bytes[o++]));
  const n = bytes[o++];
  if (bytes.length !== o + n * 7) fail('wrong length');
  const keys: number[] = [];
  const coarse: number[] = [];
  const kinds: AnchorKind[] = [];
  const pos: number[] = [];
  const para: number[] = [];
  for (let i = 0; i < n; i++) {
    keys.push((bytes[o] << 16) | (bytes[o + 1] << 8) | bytes[o + 2]);
    o += 3;
    const kc = view.getUint16(o);
    o += 2;
    kinds.push(kc & 0x8000 ? 'num' : 'name');
    coarse.push(kc & 0x3ff);
    pos.push(byteToPos(bytes[o++]));
    para.push(bytes[o++]);
  }
  return {
    v: 1,
    lang: langRaw || null,
    script,
    chars,
    paraLens,
    sentLens,
    keys,
    coarse,
    kinds,
    pos,
    para,
    simhash,
  };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new FingerprintFormatError('invalid fingerprint: not base64');
  let s: string;
  try {
    s = atob(text);
  } catch {
    throw new FingerprintFormatError('invalid fingerprint: not base64');
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Stored fingerprint → base64 text (pack files). */
export function encodeFingerprint(fp: Fingerprint): string {
  return toBase64(encodeBytes(fp));
}

/** Base64 text → stored fingerprint; throws FingerprintFormatError on anything malformed. */
export function decodeFingerprint(text: string): Fingerprint {
  return decodeBytes(fromBase64(text));
}
