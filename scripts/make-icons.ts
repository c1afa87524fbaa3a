/**
 * Draws the toolbar icon — a magnifying lens over a page — at 16, 32, 48 and 128 px
 * into public/icon/*.png. Pure TypeScript: shapes as distance functions, 4×4
 * supersampling for smooth edges, and a minimal PNG encoder (node:zlib for deflate).
 *
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

const SIZES = [16, 32, 48, 128];
const INK: RGBA = [31, 78, 121, 255]; // ring, handle, page lines
const GLASS: RGBA = [214, 234, 248, 235];
const PAGE: RGBA = [255, 255, 255, 255];
const PAGE_EDGE: RGBA = [120, 134, 150, 255];

// ---- geometry in unit coordinates (0..1, y down) ----
const dist = (x: number, y: number, cx: number, cy: number) => Math.hypot(x - cx, y - cy);
function segmentDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const LENS = { cx: 0.56, cy: 0.44, outer: 0.3, inner: 0.22 };

/** The colour of the icon at a point, painter's order (later wins). */
function paint(x: number, y: number, size: number): RGBA | null {
  let c: RGBA | null = null;
  // A page behind the lens, with a few lines of text.
  if (inRect(x, y, 0.1, 0.08, 0.62, 0.9)) {
    const edge = 0.035;
    c = inRect(x, y, 0.1 + edge, 0.08 + edge, 0.62 - edge, 0.9 - edge) ? PAGE : PAGE_EDGE;
    if (size >= 32) for (const ly of [0.24, 0.36, 0.48, 0.6, 0.72]) if (inRect(x, y, 0.2, ly, 0.5, ly + 0.035)) c = PAGE_EDGE;
  }
  const d = dist(x, y, LENS.cx, LENS.cy);
  if (d <= LENS.inner) c = c ? mix(c, GLASS) : GLASS;
  if (d > LENS.inner && d <= LENS.outer) c = INK;
  if (segmentDist(x, y, 0.77, 0.65, 0.92, 0.8) <= 0.075) c = INK;
  return c;
}

function mix(under: RGBA, over: RGBA): RGBA {
  const a = over[3] / 255;
  return [0, 1, 2].map((i) => Math.round(over[i] * a + under[i] * (1 - a))).concat(255) as RGBA;
}

function render(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, size);
          if (!c) continue;
          const w = c[3] / 255;
          r += c[0] * w; g += c[1] * w; b += c[2] * w; a += w;
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return px;
}

// ---- PNG ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const outDir = path.resolve(import.meta.dirname, '../public/icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `${size}.png`);
  writeFileSync(file, encodePng(size, size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
