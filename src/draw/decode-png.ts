/**
 * Pixels of a PNG, for comparing two pictures pixel by pixel (tests, probes): 8-bit RGB or RGBA, not
 * interlaced, any of the five row filters; what resvg and encodeOpaquePng write. RGB comes out with
 * alpha 255, so an RGB and an RGBA file of the same picture decode to the same bytes.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
}

export function decodePng(png: Uint8Array): DecodedPng {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(0) !== 0x89504e47) throw new Error('decodePng: not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(`decodePng: depth ${depth}, colour type ${colour}, interlace ${interlace} not read`);
      channels = colour === 2 ? 3 : 4;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const joined = new Uint8Array(data.reduce((n, d) => n + d.length, 0));
  data.reduce((at, d) => (joined.set(d, at), at + d.length), 0);
  const raw = inflateSync(joined);
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[row + i - channels]! : 0;
      const b = y > 0 ? rows[row + i - stride]! : 0;
      const c = i >= channels && y > 0 ? rows[row + i - stride - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`decodePng: filter ${filter}`);
      rows[row + i] = (raw[src + i]! + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba[4 * p] = rows[3 * p]!;
    rgba[4 * p + 1] = rows[3 * p + 1]!;
    rgba[4 * p + 2] = rows[3 * p + 2]!;
    rgba[4 * p + 3] = 255;
  }
  return { width, height, rgba };
}

/** How far two pictures of one size are apart: the largest channel difference, the mean, and how many pixels differ. */
export function pixelDifference(a: DecodedPng, b: DecodedPng): { max: number; mean: number; differing: number } {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`pixelDifference: ${a.width}×${a.height} against ${b.width}×${b.height}`);
  let max = 0;
  let sum = 0;
  let differing = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    let most = 0;
    for (let c = 0; c < 4; c++) {
      const d = Math.abs(a.rgba[i + c]! - b.rgba[i + c]!);
      sum += d;
      if (d > most) most = d;
    }
    if (most > 0) differing++;
    if (most > max) max = most;
  }
  return { max, mean: sum / a.rgba.length, differing };
}
