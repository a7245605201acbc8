/**
 * Glyph outlines of a TrueType font (the shipped DejaVu Sans), read once from its `glyf` table and
 * kept per glyph. Why: resvg shapes every `<text>` of a chart anew, reading the font file each time
 * (about 1 ms per label, a third of a chart's CPU); drawing labels as paths built from outlines read
 * once costs almost nothing and looks the same. Simple and composite glyphs, quadratic contours
 * (TrueType's), and the font's `kern` pairs, as resvg applies them.
 */
import { readFileSync } from 'node:fs';
import { readCmap4, tables, type Table } from './font-metrics.js';

/** One contour command in font units (y up): move, line, quadratic curve, close. */
export type Segment = readonly ['M' | 'L', number, number] | readonly ['Q', number, number, number, number] | readonly ['Z'];

export interface GlyphFont {
  unitsPerEm: number;
  /** hhea ascender and descender (descender negative), in font units. */
  ascender: number;
  descender: number;
  /** The glyph of a code point, 0 when the font has none. */
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
  /** Kerning between two glyphs, font units (usually negative), from the `kern` table. */
  kerning(left: number, right: number): number;
  outline(glyph: number): readonly Segment[];
}

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

const ARGS_ARE_WORDS = 0x0001;
const ARGS_ARE_XY = 0x0002;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;

interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** A contour's points as path segments: consecutive off-curve points imply an on-curve one between. */
function contourSegments(points: readonly Point[], out: Segment[]): void {
  const n = points.length;
  if (n === 0) return;
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true });
  // Start on an on-curve point (or the midpoint of the first two off-curve ones).
  let startIndex = points.findIndex((p) => p.on);
  let start: Point;
  if (startIndex < 0) {
    start = mid(points[0]!, points[1 % n]!);
    startIndex = 0;
  } else start = points[startIndex]!;
  out.push(['M', start.x, start.y]);
  let control: Point | null = null;
  for (let k = 1; k <= n; k++) {
    const p = points[(startIndex + k) % n]!;
    const atStart = k === n;
    if (p.on) {
      out.push(control ? ['Q', control.x, control.y, p.x, p.y] : ['L', p.x, p.y]);
      control = null;
    } else {
      if (control) {
        const m = mid(control, p);
        out.push(['Q', control.x, control.y, m.x, m.y]);
      }
      control = p;
    }
    if (atStart && !p.on) out.push(['Q', control!.x, control!.y, start.x, start.y]);
  }
  out.push(['Z']);
}

export function loadGlyphFont(file: string): GlyphFont {
  const font = readFileSync(file);
  const t = tables(font);
  const need = (tag: string): Table => {
    const table = t.get(tag);
    if (!table) throw new Error(`${file}: no ${tag} table`);
    return table;
  };
  const head = need('head');
  const hhea = need('hhea');
  const hmtx = need('hmtx');
  const loca = need('loca');
  const glyf = need('glyf');
  const maxp = need('maxp');
  const unitsPerEm = font.readUInt16BE(head.offset + 18);
  const longLoca = font.readInt16BE(head.offset + 50) === 1;
  const glyphCount = font.readUInt16BE(maxp.offset + 4);
  const longMetrics = font.readUInt16BE(hhea.offset + 34);
  const cmap = readCmap4(font, need('cmap'));
  const kernPairs = readKern(font, t.get('kern'));

  const glyphRange = (glyph: number): [number, number] => {
    if (glyph < 0 || glyph >= glyphCount) return [0, 0];
    const at = (i: number): number => (longLoca ? font.readUInt32BE(loca.offset + i * 4) : font.readUInt16BE(loca.offset + i * 2) * 2);
    return [glyf.offset + at(glyph), glyf.offset + at(glyph + 1)];
  };

  /** The glyph's points per contour, in font units, with composites flattened (depth-bounded). */
  const contoursOf = (glyph: number, depth: number): Point[][] => {
    const [startAt, endAt] = glyphRange(glyph);
    if (endAt <= startAt || depth > 8) return [];
    const contourCount = font.readInt16BE(startAt);
    if (contourCount >= 0) return simpleContours(font, startAt, contourCount);
    const contours: Point[][] = [];
    let at = startAt + 10;
    for (;;) {
      const flags = font.readUInt16BE(at);
      const component = font.readUInt16BE(at + 2);
      at += 4;
      let dx = 0;
      let dy = 0;
      if (flags & ARGS_ARE_WORDS) {
        [dx, dy] = flags & ARGS_ARE_XY ? [font.readInt16BE(at), font.readInt16BE(at + 2)] : [0, 0];
        at += 4;
      } else {
        [dx, dy] = flags & ARGS_ARE_XY ? [font.readInt8(at), font.readInt8(at + 1)] : [0, 0];
        at += 2;
      }
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (o: number): number => font.readInt16BE(o) / 16384;
      if (flags & HAS_SCALE) {
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & HAS_XY_SCALE) {
        [a, d] = [f2dot14(at), f2dot14(at + 2)];
        at += 4;
      } else if (flags & HAS_TWO_BY_TWO) {
        [a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
        at += 8;
      }
      for (const contour of contoursOf(component, depth + 1))
        contours.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, on: p.on })));
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return contours;
  };

  const outlines = new Map<number, readonly Segment[]>();
  return {
    unitsPerEm,
    ascender: font.readInt16BE(hhea.offset + 4),
    descender: font.readInt16BE(hhea.offset + 6),
    glyphOf: (codePoint) => cmap.get(codePoint) ?? 0,
    advance: (glyph) => font.readUInt16BE(hmtx.offset + Math.min(glyph, longMetrics - 1) * 4),
    kerning: (left, right) => kernPairs.get(left * 65536 + right) ?? 0,
    outline(glyph) {
      let segments = outlines.get(glyph);
      if (!segments) {
        const out: Segment[] = [];
        for (const contour of contoursOf(glyph, 0)) contourSegments(contour, out);
        outlines.set(glyph, (segments = out));
      }
      return segments;
    },
  };
}

function simpleContours(font: Buffer, startAt: number, contourCount: number): Point[][] {
  const ends: number[] = [];
  for (let i = 0; i < contourCount; i++) ends.push(font.readUInt16BE(startAt + 10 + i * 2));
  const pointCount = contourCount === 0 ? 0 : ends[contourCount - 1]! + 1;
  let at = startAt + 10 + contourCount * 2;
  at += 2 + font.readUInt16BE(at); // instructions
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = font.readUInt8(at++);
    flags.push(flag);
    if (flag & REPEAT) {
      const times = font.readUInt8(at++);
      for (let r = 0; r < times; r++) flags.push(flag);
    }
  }
  const coordinates = (short: number, sameOrPositive: number): number[] => {
    const values: number[] = [];
    let v = 0;
    for (const flag of flags.slice(0, pointCount)) {
      if (flag & short) {
        const delta = font.readUInt8(at++);
        v += flag & sameOrPositive ? delta : -delta;
      } else if (!(flag & sameOrPositive)) {
        v += font.readInt16BE(at);
        at += 2;
      }
      values.push(v);
    }
    return values;
  };
  const xs = coordinates(X_SHORT, X_SAME_OR_POSITIVE);
  const ys = coordinates(Y_SHORT, Y_SAME_OR_POSITIVE);
  const contours: Point[][] = [];
  let first = 0;
  for (const end of ends) {
    const contour: Point[] = [];
    for (let i = first; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & ON_CURVE) !== 0 });
    contours.push(contour);
    first = end + 1;
  }
  return contours;
}

/** Horizontal kerning pairs of the `kern` table's format-0 subtables, keyed left·65536 + right. */
function readKern(font: Buffer, kern: Table | undefined): Map<number, number> {
  const pairs = new Map<number, number>();
  if (!kern || font.readUInt16BE(kern.offset) !== 0) return pairs;
  const subtables = font.readUInt16BE(kern.offset + 2);
  let at = kern.offset + 4;
  for (let s = 0; s < subtables; s++) {
    const length = font.readUInt16BE(at + 2);
    const coverage = font.readUInt16BE(at + 4);
    // Format 0, horizontal, not minimum values, not cross-stream.
    if (coverage >> 8 === 0 && (coverage & 0x07) === 0x01) {
      const count = font.readUInt16BE(at + 6);
      for (let i = 0; i < count; i++) {
        const p = at + 14 + i * 6;
        pairs.set(font.readUInt16BE(p) * 65536 + font.readUInt16BE(p + 2), font.readInt16BE(p + 4));
      }
    }
    at += length;
  }
  return pairs;
}
