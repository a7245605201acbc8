import * as zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { decodePng, pixelDifference } from '../../src/draw/decode-png.js';
import { encodeOpaquePng, pngOf } from '../../src/draw/png.js';

/** A picture with a background, a gradient, anti-aliased edges and a half-transparent shape over it. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="123" height="57">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0072B2"/><stop offset="1" stop-color="#D55E00"/></linearGradient></defs>
  <rect width="123" height="57" fill="#cfe3f3"/><rect x="3" y="4" width="80" height="30" fill="url(#g)"/>
  <circle cx="90.3" cy="30.7" r="20.2" fill="#d7263d" fill-opacity="0.6" stroke="#fff" stroke-width="2"/>
  <path d="M2 50 L120 40.3 L60 55Z" fill="none" stroke="#222" stroke-width="0.7"/></svg>`;

function chunks(png: Uint8Array): { type: string; data: Uint8Array; crc: number }[] {
  const view = new DataView(png.buffer, png.byteOffset);
  const out: { type: string; data: Uint8Array; crc: number }[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    out.push({
      type: String.fromCharCode(...png.subarray(at + 4, at + 8)),
      data: png.subarray(at + 8, at + 8 + length),
      crc: view.getUint32(at + 8 + length),
    });
    at += 12 + length;
  }
  return out;
}

describe('encodeOpaquePng', () => {
  it("writes the pixels resvg rendered: decoded, the same as resvg's own PNG and as the raw pixels", () => {
    const image = new Resvg(SVG).render();
    const ours = pngOf(image);
    const theirs = new Uint8Array(image.asPng());
    const a = decodePng(ours);
    expect([a.width, a.height]).toEqual([123, 57]);
    expect(pixelDifference(a, decodePng(theirs))).toEqual({ max: 0, mean: 0, differing: 0 });
    expect(Buffer.from(a.rgba).equals(Buffer.from(image.pixels))).toBe(true);
  });

  it('writes well-formed chunks: IHDR (8-bit RGB), IDAT, IEND, each with its CRC', () => {
    const png = encodeOpaquePng(new Uint8Array(4 * 6).fill(255), 3, 2)!;
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(Array.from(list[0]!.data)).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    const crc32 = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
    if (crc32) for (const c of list) expect(c.crc).toBe(crc32(Buffer.concat([Buffer.from(c.type, 'latin1'), c.data])));
    expect(Array.from(zlib.inflateSync(list[1]!.data))).toEqual([
      0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    ]);
  });

  it('declines a picture with a pixel that is not opaque (its colour would need un-premultiplying)', () => {
    // Rows are copied four pixels at a time, then the rest one by one: a translucent pixel in either part.
    for (const [width, at] of [
      [2, 1],
      [9, 5],
      [9, 17],
    ] as const) {
      const rgba = new Uint8Array(4 * width * 2).fill(255);
      rgba[4 * at + 3] = 128;
      expect(encodeOpaquePng(rgba, width, 2)).toBeNull();
      rgba[4 * at + 3] = 255;
      expect(encodeOpaquePng(rgba, width, 2)).not.toBeNull();
    }
    const transparent = new Resvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="3"/></svg>',
    ).render();
    const png = pngOf(transparent);
    expect(decodePng(png).rgba[3]).toBe(0); // resvg's own RGBA encoding was used
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodeOpaquePng(new Uint8Array(12), 2, 2)).toThrow(/12 bytes for 2×2/);
  });
});
