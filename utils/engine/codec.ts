/**
 * The binary form of a stored fingerprint, and its base64 text form for pack files.
 *
 * Format 3 (written): a version byte, then a bit stream (most significant bit first),
 * about 250 bytes for a news article:
 *
 *   4 bits script · 15 bits language (three letters a–z, 5 bits each, 0: none) ·
 *   chars (6-bit bit length L, then L bits) · 32 bits simhash ·
 *   8 bits paragraphs · 8 bits log-length each · 8 bits sentences · 8 bits each ·
 *   8 bits anchors · 1 bit "positions and paragraphs never go back" ·
 *   per anchor: position step, paragraph step (Exp-Golomb: small steps are the rule,
 *   anchors being in text order), then what it is:
 *     0   a name seen for the first time here: 24 bits key, 10 bits phonetic skeleton
 *     10  the same anchor as the j-th distinct one before it: j in ⌈log2(distinct)⌉ bits
 *     110 a number: 24 bits key
 *     111 a number with a phonetic skeleton (never made; kept lossless): 24 + 10 bits
 *
 * It keeps exactly what format 2 kept — position and paragraph lengths to a byte, keys to
 * 24 bits, skeletons to 10 — in about 60% of the bytes: a name repeated in the article is
 * a few bits, a position is the small step from the one before.
 *
 * Format 2 (read, never written): u8 version · u8 script · 3×u8 language · u32 chars ·
 * u32 simhash · u8 paragraphs · u8×paragraphs · u8 sentences · u8×sentences · u8 anchors ·
 * per anchor: u24 key · u16 (kind bit 15, skeleton bits 0–9) · u8 position · u8 paragraph.
 *
 * `toStored` already rounds positions and lengths to what both layouts keep, so
 * decode(encode(fp)) gives back exactly fp.
 */
import type { AnchorKind, Fingerprint, Script } from './types';

/** The binary layout written: a fingerprint of an unknown version is refused, not misread. */
export const FORMAT_VERSION = 3;
/** The oldest layout still read (stores and packs made before format 3). */
export const OLDEST_FORMAT = 2;

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

export class FingerprintFormatError extends Error {}

const fail = (why: string): never => {
  throw new FingerprintFormatError(`invalid fingerprint: ${why}`);
};

/** Bits in, most significant first; grows as needed; `bytes()` is exactly the bytes written. */
class BitWriter {
  private buf = new Uint8Array(512);
  private bit = 0;

  /** The low `n` bits of `value` (n ≤ 24: integer arithmetic throughout). */
  write(value: number, n: number): void {
    if ((this.bit + n + 7) >>> 3 > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2 + 8);
      grown.set(this.buf);
      this.buf = grown;
    }
    let bit = this.bit;
    const end = bit + n;
    while (bit < end) {
      const free = 8 - (bit & 7);
      const take = Math.min(free, end - bit);
      const chunk = (value >>> (end - bit - take)) & ((1 << take) - 1);
      this.buf[bit >>> 3] |= chunk << (free - take);
      bit += take;
    }
    this.bit = end;
  }

  /** Up to 32 bits (a u32 whose top bit must not turn into a sign). */
  write32(value: number, n: number): void {
    if (n > 16) {
      this.write(Math.floor(value / 0x10000), n - 16);
      this.write(value & 0xffff, 16);
    } else this.write(value, n);
  }

  /** Exp-Golomb of order k for 0 ≤ v < 2^20: small values in few bits, any value in some. */
  expGolomb(v: number, k: number): void {
    const x = (v >>> k) + 1;
    const len = 31 - Math.clz32(x);
    this.write(0, len);
    this.write(x, len + 1);
    this.write(v & ((1 << k) - 1), k);
  }

  /** A copy of exactly the bytes written (never a view: IndexedDB stores a view's whole buffer). */
  bytes(): Uint8Array {
    return this.buf.slice(0, (this.bit + 7) >>> 3);
  }
}

class BitReader {
  private bit: number;
  private readonly size: number;
  constructor(private readonly buf: Uint8Array, start: number) {
    this.bit = start * 8;
    this.size = buf.length * 8;
  }

  /** `n` ≤ 24 bits. */
  read(n: number): number {
    let bit = this.bit;
    const end = bit + n;
    if (end > this.size) fail('truncated');
    const buf = this.buf;
    let v = 0;
    while (bit < end) {
      const free = 8 - (bit & 7);
      const take = Math.min(free, end - bit);
      v = (v << take) | ((buf[bit >>> 3] >>> (free - take)) & ((1 << take) - 1));
      bit += take;
    }
    this.bit = end;
    return v;
  }

  read32(n: number): number {
    return n > 16 ? this.read(n - 16) * 0x10000 + this.read(16) : this.read(n);
  }

  expGolomb(k: number): number {
    let len = 0;
    while (this.read(1) === 0) if (++len > 20) fail('bad number');
    const x = (1 << len) + this.read(len);
    return ((x - 1) << k) + this.read(k);
  }

  /** Whatever is left is padding to the byte: fewer than 8 bits, all zero. */
  end(): void {
    const left = this.size - this.bit;
    if (left >= 8 || (left > 0 && this.read(left) !== 0)) fail('wrong length');
  }
}

/** Signed ↔ unsigned (0, -1, 1, -2… → 0, 1, 2, 3…), for steps that may go back. */
const zigzag = (v: number) => (v < 0 ? -2 * v - 1 : 2 * v);
const unzigzag = (u: number) => (u % 2 ? -(u + 1) / 2 : u / 2);

const POS_ORDER = 1;
const PARA_ORDER = 0;

function langCode(lang: string | null): number {
  if (!lang || !/^[a-z]{2,3}$/.test(lang)) return 0;
  let code = 0;
  for (let i = 0; i < 3; i++) code = code * 32 + (i < lang.length ? lang.charCodeAt(i) - 96 : 0);
  return code;
}

function langOf(code: number): string | null {
  if (code === 0) return null;
  const letters = [Math.floor(code / 1024), Math.floor(code / 32) % 32, code % 32];
  if (letters[0] === 0 || letters[1] === 0 || letters.some((l) => l > 26)) fail('bad language');
  return letters.filter((l) => l > 0).map((l) => String.fromCharCode(96 + l)).join('');
}

export function encodeBytes(fp: Fingerprint): Uint8Array {
  const n = Math.min(255, fp.keys.length);
  const paras = Math.min(255, fp.paraLens.length);
  const sentLens = fp.sentLens ?? [];
  const sents = Math.min(255, sentLens.length);
  const w = new BitWriter();
  w.write(FORMAT_VERSION, 8);
  w.write(Math.max(0, SCRIPTS.indexOf(fp.script)), 4);
  w.write(langCode(fp.lang), 15);
  const chars = fp.chars >>> 0;
  const bits = chars ? Math.floor(Math.log2(chars)) + 1 : 0;
  w.write(bits, 6);
  w.write32(chars, bits);
  w.write32(fp.simhash >>> 0, 32);
  w.write(paras, 8);
  for (let p = 0; p < paras; p++) w.write(lengthToByte(fp.paraLens[p]) & 0xff, 8);
  w.write(sents, 8);
  for (let p = 0; p < sents; p++) w.write(lengthToByte(sentLens[p]) & 0xff, 8);
  w.write(n, 8);

  const pos: number[] = [];
  const para: number[] = [];
  for (let i = 0; i < n; i++) {
    // As format 2's bytes took them (NaN → 0).
    pos.push(posToByte(fp.pos[i]) & 0xff);
    para.push(Math.min(255, fp.para[i]) & 0xff);
  }
  let forward = true;
  for (let i = 1; i < n; i++) if (pos[i] < pos[i - 1] || para[i] < para[i - 1]) forward = false;
  w.write(forward ? 1 : 0, 1);
  const step = (v: number, k: number) => w.expGolomb(forward ? v : zigzag(v), k);

  /** Distinct anchors so far (key, kind and skeleton in one number) → order of first appearance. */
  const distinct = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    step(pos[i] - (i ? pos[i - 1] : 0), POS_ORDER);
    step(para[i] - (i ? para[i - 1] : 0), PARA_ORDER);
    const key = fp.keys[i] & 0xffffff;
    const coarse = fp.coarse[i] & 0x3ff;
    const num = fp.kinds[i] === 'num';
    const id = key * 2048 + (num ? 1024 : 0) + coarse;
    const seen = distinct.get(id);
    if (seen !== undefined) {
      w.write(0b10, 2);
      w.write(seen, indexBits(distinct.size));
      continue;
    }
    distinct.set(id, distinct.size);
    if (!num) {
      w.write(0, 1);
      w.write(key, 24);
      w.write(coarse, 10);
    } else if (coarse === 0) {
      w.write(0b110, 3);
      w.write(key, 24);
    } else {
      w.write(0b111, 3);
      w.write(key, 24);
      w.write(coarse, 10);
    }
  }
  return w.bytes();
}

/** Bits naming one of `count` distinct anchors. */
const indexBits = (count: number) => (count <= 1 ? 0 : Math.ceil(Math.log2(count)));

export function decodeBytes(bytes: Uint8Array): Fingerprint {
  if (bytes.length < 1) fail('too short');
  if (bytes[0] === 2) return decodeFormat2(bytes);
  if (bytes[0] !== FORMAT_VERSION) {
    fail(bytes[0] < OLDEST_FORMAT ? `format ${bytes[0]} is from an older engine: rebuild the pack from its articles` : `unknown format ${bytes[0]}`);
  }
  const r = new BitReader(bytes, 1);
  const script = SCRIPTS[r.read(4)] ?? fail('unknown script');
  const lang = langOf(r.read(15));
  const charBits = r.read(6);
  if (charBits > 32) fail('bad length');
  const chars = r.read32(charBits);
  const simhash = r.read32(32);
  const paraLens: number[] = [];
  for (let p = r.read(8); p > 0; p--) paraLens.push(byteToLength(r.read(8)));
  const sentLens: number[] = [];
  for (let s = r.read(8); s > 0; s--) sentLens.push(byteToLength(r.read(8)));
  const n = r.read(8);
  const forward = r.read(1) === 1;
  const step = (k: number) => (forward ? r.expGolomb(k) : unzigzag(r.expGolomb(k)));
  const keys: number[] = [];
  const coarse: number[] = [];
  const kinds: AnchorKind[] = [];
  const pos: number[] = [];
  const para: number[] = [];
  /** Index (into the arrays) of each distinct anchor, in order of first appearance. */
  const firsts: number[] = [];
  let p = 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    p += step(POS_ORDER);
    g += step(PARA_ORDER);
    if (p < 0 || p > 255 || g < 0 || g > 255) fail('bad position');
    pos.push(byteToPos(p));
    para.push(g);
    if (r.read(1) === 0) {
      keys.push(r.read(24));
      coarse.push(r.read(10));
      kinds.push('name');
      firsts.push(i);
    } else if (r.read(1) === 0) {
      const j = r.read(indexBits(firsts.length));
      if (j >= firsts.length) fail('bad repeat');
      keys.push(keys[firsts[j]]);
      coarse.push(coarse[firsts[j]]);
      kinds.push(kinds[firsts[j]]);
    } else {
      const withSkeleton = r.read(1) === 1;
      keys.push(r.read(24));
      coarse.push(withSkeleton ? r.read(10) : 0);
      kinds.push('num');
      firsts.push(i);
    }
  }
  r.end();
  return { v: 1, lang, script, chars, paraLens, sentLens, keys, coarse, kinds, pos, para, simhash };
}

/** Format 2, as stores and packs before format 3 hold it. */
function decodeFormat2(bytes: Uint8Array): Fingerprint {
  if (bytes.length < 16) fail('too short');
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
  return { v: 1, lang: langRaw || null, script, chars, paraLens, sentLens, keys, coarse, kinds, pos, para, simhash };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Base64 → bytes, refusing anything that is not base64 (FingerprintFormatError). */
export function fromBase64(text: string): Uint8Array {
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
