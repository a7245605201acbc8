/**
 * Text widths in the font the charts are drawn with (DejaVu Sans, rasterised by resvg), read from the
 * TTF's own tables. Why: the chart library lays out titles, axis labels and the legend from widths it
 * measures; without a canvas it guesses them from Helvetica-like averages, and DejaVu is wider, so
 * long names would run into each other or past the picture's edge.
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** Width in pixels of `text` at `sizePx`. */
  measure(text: string, sizePx: number): number;
}

export interface Table {
  offset: number;
  length: number;
}

/** The font's tables by tag (`head`, `cmap`, `glyf`, …). */
export function tables(font: Buffer): Map<string, Table> {
  const count = font.readUInt16BE(4);
  const found = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    found.set(font.toString('latin1', at, at + 4), { offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) });
  }
  return found;
}

/** Unicode BMP code point → glyph id, from the cmap's format 4 subtable (Windows Unicode BMP). */
export function readCmap4(font: Buffer, cmap: Table): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = font.readUInt16BE(cmap.offset + 2);
  let sub = -1;
  for (let i = 0; i < subtables; i++) {
    const at = cmap.offset + 4 + i * 8;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    const offset = cmap.offset + font.readUInt32BE(at + 4);
    if (font.readUInt16BE(offset) === 4 && (platform === 3 || platform === 0) && (encoding === 1 || platform === 0)) sub = offset;
  }
  if (sub < 0) return glyphs;
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const rangeOffset = font.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = font.readUInt16BE(rangeAt + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(c, glyph);
    }
  }
  return glyphs;
}

/** Advance widths in font units per code point, and the units per em. */
export function loadFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const t = tables(font);
  const head = t.get('head');
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error(`${file}: not a TrueType font with head, hhea, hmtx and cmap tables`);
  const unitsPerEm = font.readUInt16BE(head.offset + 18);
  const longMetrics = font.readUInt16BE(hhea.offset + 34);
  const advanceOf = (glyph: number): number => font.readUInt16BE(hmtx.offset + Math.min(glyph, longMetrics - 1) * 4);
  const advances = new Map<number, number>();
  for (const [code, glyph] of readCmap4(font, cmap)) advances.set(code, advanceOf(glyph));
  // A character the font lacks is drawn by resvg as the .notdef box (glyph 0).
  const missing = advanceOf(0);
  return {
    measure(text, sizePx) {
      let units = 0;
      for (const ch of text) units += advances.get(ch.codePointAt(0)!) ?? missing;
      return (units / unitsPerEm) * sizePx;
    },
  };
}
