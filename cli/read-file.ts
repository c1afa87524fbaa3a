/**
 * Reading one input file as text, or saying clearly why not: missing, a folder, too
 * large, binary. HTML is decoded by the charset it declares (old pages are often
 * windows-1252); anything else as UTF-8, falling back to windows-1252 when it is not.
 */
import { readFileSync, statSync } from 'node:fs';

/** Largest input read (bytes). Extraction and fingerprinting read far less than this. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

function sniffCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function decode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether the bytes look like binary data rather than text: NUL bytes do not occur in text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeText(bytes: Uint8Array, html: boolean): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', false)!;
  if (html) {
    const declared = sniffCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
    if (declared && !/^utf-?8$/.test(declared)) {
      const text = decode(bytes, declared, false);
      if (text !== null) return text;
    }
  }
  return decode(bytes, 'utf-8', true) ?? decode(bytes, 'windows-1252', false)!;
}

export function readTextFile(file: string, opts: { html?: boolean } = {}): ReadResult {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
    if (!st.isFile()) return { ok: false, message: 'is not a regular file' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})` };
  }
  if (size > MAX_INPUT_BYTES) {
    return { ok: false, message: `too large (${(size / 1048576).toFixed(1)} MB; at most ${MAX_INPUT_BYTES / 1048576} MB)` };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})` };
  }
  // UTF-16 text is full of NUL bytes: recognise it by its byte-order mark first.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = decode(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', false);
    if (text !== null) return { ok: true, text: text.replace(/^\uFEFF/, '') };
  }
  if (looksBinary(bytes)) return { ok: false, message: 'is binary data, not text or HTML' };
  return { ok: true, text: decodeText(bytes, opts.html ?? false) };
}
