/**
 * The chart's `<text>` elements as `<path>`s of the font's glyph outlines, for resvg only (the SVG a
 * reply keeps still has its text). Why: resvg shapes each text element anew and reads the font file
 * every time, about 1 ms a label; outlines read once make a chart's labels nearly free.
 *
 * Only what ECharts' SSR renderer writes is converted: a single line, `translate(x y)` or no
 * transform, `text-anchor`, `dominant-baseline` central/alphabetic, and characters of scripts drawn
 * glyph by glyph (Latin, Greek, Cyrillic, punctuation). Anything else (Arabic, combining marks, a
 * character the font lacks, another transform) is left as text for resvg to shape, as before.
 */
import type { GlyphFont } from './glyph-outlines.js';

export interface OutlineFonts {
  regular: GlyphFont;
  bold: GlyphFont;
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/** Code points whose glyphs need no shaping beyond kerning. */
function drawnGlyphByGlyph(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x24f) ||
    (cp >= 0x370 && cp <= 0x3ff) ||
    (cp >= 0x400 && cp <= 0x4ff) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x205e) ||
    (cp >= 0x20a0 && cp <= 0x20bf)
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

function styleOf(style: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) props.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
  }
  return props;
}

const r2 = (v: number): string => String(Math.round(v * 100) / 100);

/** One text element as a path, or null when it is not one this converter draws exactly. */
function textAsPath(attributes: string, content: string, fonts: OutlineFonts): string | null {
  const attrs = new Map<string, string>();
  for (const m of attributes.matchAll(ATTRIBUTE)) attrs.set(m[1]!, m[2]!);
  const style = styleOf(attrs.get('style') ?? '');
  const size = Number(/^(\d+(?:\.\d+)?)px$/.exec(style.get('font-size') ?? '')?.[1]);
  if (!Number.isFinite(size) || size <= 0) return null;
  const family = style.get('font-family') ?? '';
  if (family !== '' && !/^['"]?DejaVu Sans['"]?$/.test(family)) return null;
  const weight = style.get('font-weight') ?? 'normal';
  if (!/^(normal|bold|[1-9]00)$/.test(weight) || style.has('font-style') || style.has('letter-spacing')) return null;
  const bold = weight === 'bold' || Number(weight) >= 600;
  let tx = 0;
  let ty = 0;
  const transform = attrs.get('transform');
  if (transform !== undefined) {
    const m = /^translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)$/.exec(transform.trim());
    if (!m) return null;
    tx = Number(m[1]);
    ty = Number(m[2] ?? 0);
  }
  const x = Number(attrs.get('x') ?? 0);
  const y = Number(attrs.get('y') ?? 0);
  if (![tx, ty, x, y].every(Number.isFinite)) return null;

  let text = decodeEntities(content);
  if (attrs.get('xml:space') !== 'preserve') text = text.replace(/[\t\n\r ]+/g, ' ').trim();
  if (text === '') return '';
  const font = bold ? fonts.bold : fonts.regular;
  const glyphs: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const glyph = font.glyphOf(cp === 0xa0 ? 0x20 : cp);
    if (!drawnGlyphByGlyph(cp) || glyph === 0) return null;
    glyphs.push(glyph);
  }
  const scale = size / font.unitsPerEm;
  let width = 0;
  const offsets: number[] = [];
  glyphs.forEach((g, i) => {
    if (i > 0) width += font.kerning(glyphs[i - 1]!, g);
    offsets.push(width);
    width += font.advance(g);
  });
  const anchor = attrs.get('text-anchor') ?? 'start';
  const shift = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  // `central`: resvg puts the middle of the font's ascender-descender box on y.
  const baseline = attrs.get('dominant-baseline') ?? 'auto';
  let rise: number;
  if (baseline === 'central') rise = (font.ascender + font.descender) / 2;
  else if (baseline === 'auto' || baseline === 'alphabetic') rise = 0;
  else return null;

  const ox = tx + x;
  const oy = ty + y + rise * scale;
  const d: string[] = [];
  glyphs.forEach((g, i) => {
    const shape = glyphPath(font, g, size);
    if (shape) d.push(`M${r2(ox + (shift + offsets[i]!) * scale + shape.x)} ${r2(oy + shape.y)}${shape.rest}`);
  });
  if (d.length === 0) return '';
  const fill = attrs.get('fill') ?? style.get('fill') ?? '#000000';
  const opacity = attrs.get('fill-opacity') ?? attrs.get('opacity');
  return `<path d="${d.join('')}" fill="${fill}"${opacity !== undefined ? ` fill-opacity="${opacity}"` : ''}/>`;
}

/**
 * A glyph at a size as path text: its first point (px from the glyph's origin, y down) and the rest
 * in relative commands, so one string serves every place the glyph is drawn. Relative steps are taken
 * between points rounded to 0.01 px, so rounding never accumulates along a contour.
 */
interface GlyphPath {
  x: number;
  y: number;
  rest: string;
}

const glyphPaths = new WeakMap<GlyphFont, Map<number, GlyphPath | null>>();

function glyphPath(font: GlyphFont, glyph: number, size: number): GlyphPath | null {
  let cache = glyphPaths.get(font);
  if (!cache) glyphPaths.set(font, (cache = new Map<number, GlyphPath | null>()));
  const key = glyph * 4096 + Math.round(size * 16);
  let path = cache.get(key);
  if (path !== undefined) return path;
  const scale = size / font.unitsPerEm;
  const round = (v: number): number => Math.round(v * 100) / 100;
  const segments = font.outline(glyph);
  path = null;
  if (segments.length > 0) {
    const first = segments[0]!;
    const x0 = first[0] === 'Z' ? 0 : round(first[1] * scale);
    const y0 = first[0] === 'Z' ? 0 : round(-first[2] * scale);
    let [cx, cy] = [x0, y0];
    let [sx, sy] = [x0, y0];
    let rest = '';
    const step = (v: number, from: number): string => String(round(v - from));
    for (const s of segments.slice(1)) {
      if (s[0] === 'Z') {
        rest += 'z';
        [cx, cy] = [sx, sy];
        continue;
      }
      const [px, py] = s[0] === 'Q' ? [round(s[3] * scale), round(-s[4] * scale)] : [round(s[1] * scale), round(-s[2] * scale)];
      if (s[0] === 'Q') rest += `q${step(round(s[1] * scale), cx)} ${step(round(-s[2] * scale), cy)} ${step(px, cx)} ${step(py, cy)}`;
      else rest += `${s[0] === 'M' ? 'm' : 'l'}${step(px, cx)} ${step(py, cy)}`;
      if (s[0] === 'M') [sx, sy] = [px, py];
      [cx, cy] = [px, py];
    }
    path = { x: x0, y: y0, rest };
  }
  cache.set(key, path);
  return path;
}

/** The SVG with each text element it can draw exactly replaced by its outline. */
export function textToOutlines(svg: string, fonts: OutlineFonts): string {
  return svg.replace(TEXT, (whole, attributes: string, content: string) => textAsPath(attributes, content, fonts) ?? whole);
}
