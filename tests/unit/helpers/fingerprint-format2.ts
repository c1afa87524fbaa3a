/**
 * A fingerprint in the engine's format 2, as versions before format 3 wrote it (stores and
 * packs made then hold it): u8 version · u8 script · 3×u8 language · u32 chars · u32
 * simhash · u8 paragraphs · u8 each · u8 sentences · u8 each · u8 anchors · per anchor
 * u24 key · u16 (kind bit 15, skeleton bits 0–9) · u8 position · u8 paragraph.
 */
import type { Fingerprint } from '@/utils/engine';
import { lengthToByte, posToByte, SCRIPTS } from '@/utils/engine/codec';

export function encodeFormat2(fp: Fingerprint): Uint8Array {
  const n = Math.min(255, fp.keys.length);
  const paras = Math.min(255, fp.paraLens.length);
  const sents = Math.min(255, fp.sentLens.length);
  const out = new Uint8Array(14 + paras + 1 + sents + 1 + n * 7);
  const view = new DataView(out.buffer);
  let o = 0;
  out[o++] = 2;
  out[o++] = Math.max(0, SCRIPTS.indexOf(fp.script));
  const lang = (fp.lang ?? '').padEnd(3, ' ').slice(0, 3);
  for (let i = 0; i < 3; i++) out[o++] = lang.charCodeAt(i) & 0x7f;
  view.setUint32(o, fp.chars >>> 0);
  view.setUint32(o + 4, fp.simhash >>> 0);
  o += 8;
  out[o++] = paras;
  for (let p = 0; p < paras; p++) out[o++] = lengthToByte(fp.paraLens[p]);
  out[o++] = sents;
  for (let p = 0; p < sents; p++) out[o++] = lengthToByte(fp.sentLens[p]);
  out[o++] = n;
  for (let i = 0; i < n; i++) {
    const k = fp.keys[i] & 0xffffff;
    out.set([k >>> 16, (k >>> 8) & 0xff, k & 0xff], o);
    view.setUint16(o + 3, (fp.kinds[i] === 'num' ? 0x8000 : 0) | (fp.coarse[i] & 0x3ff));
    out[o + 5] = posToByte(fp.pos[i]);
    out[o + 6] = Math.min(255, fp.para[i]);
    o += 7;
  }
  return out;
}
