/**
 * A chart's or map's `<text>` elements as `<path>`s of the font's glyph outlines, for resvg only (the
 * SVG a reply keeps still has its text). Why: resvg shapes each text element anew and reads the font
 * file every time (4-5 ms for a map's three labels, about 1 ms a chart label); outlines read once make
 * labels nearly free.
 *
 * How close to resvg's own text: by default each glyph is its own path, its outline in font units
 * (cached per glyph) placed by a transform, which resvg applies as it places the glyphs of its own
 * text; only a pixel shared by the anti-aliased edges of two neighbouring glyphs can come out a few
 * levels apart (3 of 69 million pixels, by 3 of 255, over 150 charts). With `exact`, and always for a
 * stroked text (a halo must be stroked whole, under the whole fill), the glyphs make one path whose
 * points are computed as resvg computes them: the same pixels, at ~10,000 numbers to write a chart.
 *
 * Only what ECharts' SSR renderer and the locator map write is converted: a single line, properties in
 * `style` or as attributes, `translate(x y)` or no transform, `text-anchor`, `dominant-baseline`
 * central/alphabetic, a plain stroke (the map's halo), and characters of scripts drawn
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

/** Stroke properties copied from a text to its outline's path. */
const CARRIED_STROKE = ['stroke-width', 'stroke-opacity', 'stroke-linejoin'];

/** One text element as a path, or null when it is not one this converter draws exactly. */
function textAsPath(attributes: string, content: string, fonts: OutlineFonts, exact: boolean): string | null {
  const attrs = new Map<string, string>();
  for (const m of attributes.matchAll(ATTRIBUTE)) attrs.set(m[1]!, m[2]!);
  const style = styleOf(attrs.get('style') ?? '');
  // A property from the style (ECharts) or a presentation attribute (the locator map); style wins, as in SVG.
  const prop = (name: string): string | undefined => style.get(name) ?? attrs.get(name);
  const size = Number(/^(\d+(?:\.\d+)?)(?:px)?$/.exec(prop('font-size') ?? '')?.[1]);
  if (!Number.isFinite(size) || size <= 0) return null;
  const family = prop('font-family') ?? '';
  if (family !== '' && !/^['"]?DejaVu Sans['"]?$/.test(family)) return null;
  const weight = prop('font-weight') ?? 'normal';
  if (!/^(normal|bold|[1-9]00)$/.test(weight) || prop('font-style') !== undefined || prop('letter-spacing') !== undefined) return null;
  const bold = weight === 'bold' || Number(weight) >= 600;
  // Strokes carried over are plain ones (see below); a dashed or otherwise styled one stays text.
  if ([...attrs.keys(), ...style.keys()].some((name) => name.startsWith('stroke-') && !CARRIED_STROKE.includes(name))) return null;
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
  const anchor = prop('text-anchor') ?? 'start';
  const shift = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  // `central`: resvg puts the middle of the font's ascender-descender box on y.
  const baseline = prop('dominant-baseline') ?? 'auto';
  let rise: number;
  if (baseline === 'central') rise = (font.ascender + font.descender) / 2;
  else if (baseline === 'auto' || baseline === 'alphabetic') rise = 0;
  else return null;

  const ox = tx + x;
  const oy = ty + y + rise * scale;
  const fill = attrs.get('fill') ?? style.get('fill') ?? '#000000';
  const opacity = attrs.get('fill-opacity') ?? attrs.get('opacity');
  const paint = `fill="${fill}"${opacity !== undefined ? ` fill-opacity="${opacity}"` : ''}`;
  // A halo (the map's label: a white stroke painted under the fill) is the same stroke on the outline.
  let stroke = '';
  for (const name of ['stroke', ...CARRIED_STROKE, 'paint-order']) {
    const value = prop(name);
    if (value !== undefined) stroke += ` ${name}="${value}"`;
  }
  const originOf = (i: number): number => ox + (shift + offsets[i]!) * scale;

  if (!exact && stroke === '') {
    // Each glyph's outline in font units, cached per glyph, placed by its own transform.
    let paths = '';
    glyphs.forEach((g, i) => {
      const d = unitPath(font, g);
      if (d) paths += `<path transform="matrix(${scale} 0 0 ${-scale} ${originOf(i)} ${oy})" d="${d}"/>`;
    });
    return paths === '' ? '' : `<g ${paint}>${paths}</g>`;
  }
  // One path of every glyph, its points computed as resvg computes them (see glyphPath).
  let d = '';
  glyphs.forEach((g, i) => (d += glyphPath(font, g, originOf(i), oy, scale) ?? ''));
  return d === '' ? '' : `<path d="${d}" ${paint}${stroke}/>`;
}

/** A glyph's outline in font units (y up), as path text: computed once per glyph. */
const unitPaths = new WeakMap<GlyphFont, Map<number, string>>();

function unitPath(font: GlyphFont, glyph: number): string {
  let cache = unitPaths.get(font);
  if (!cache) unitPaths.set(font, (cache = new Map<number, string>()));
  let d = cache.get(glyph);
  if (d === undefined) {
    d = font
      .outline(glyph)
      .map((s) => (s[0] === 'Z' ? 'Z' : `${s[0]}${s.slice(1).join(' ')}`))
      .join('');
    cache.set(glyph, d);
  }
  return d;
}

const f32 = Math.fround;
const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * A single-precision number as text that reads back as that very number: the fewest decimals that
 * round-trip, tried from what its magnitude needs (a float's step is over 1e-5 from 128 px, over 1e-6
 * from 16 px), written from an integer (twice as fast as a double's shortest form, which matters at
 * ~10,000 numbers a chart); else all of a double's digits.
 */
function f32Text(v: number): string {
  const size = Math.abs(v);
  for (let k = size >= 128 ? 5 : size >= 16 ? 6 : 3; k <= 8; k++) {
    const p = POWERS[k]!;
    const n = Math.round(v * p);
    if (f32(n / p) !== v) continue;
    const digits = String(Math.abs(n)).padStart(k + 1, '0');
    return `${n < 0 ? '-' : ''}${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
  }
  return String(v);
}

/** A glyph's outline scaled (single precision, as resvg scales it): per glyph and size, computed once. */
interface ScaledGlyph {
  commands: string;
  /** x,y of each point the commands take, already multiplied by the scale (y flipped). */
  points: Float32Array;
}

const scaledGlyphs = new WeakMap<GlyphFont, Map<number, ScaledGlyph | null>>();

function scaledGlyph(font: GlyphFont, glyph: number, scale: number): ScaledGlyph | null {
  let cache = scaledGlyphs.get(font);
  if (!cache) scaledGlyphs.set(font, (cache = new Map<number, ScaledGlyph | null>()));
  const [sx, sy] = [f32(scale), f32(-scale)];
  const key = glyph * 65536 + Math.round(scale * font.unitsPerEm * 64);
  let scaled = cache.get(key);
  if (scaled !== undefined) return scaled;
  // Bounded: glyphs × sizes are a few hundred for the sizes Dateline draws; a caller with many sizes starts over.
  if (cache.size >= 20_000) cache.clear();
  const segments = font.outline(glyph);
  scaled = null;
  if (segments.length > 0) {
    let commands = '';
    const points: number[] = [];
    for (const s of segments) {
      commands += s[0];
      if (s[0] === 'Z') continue;
      points.push(f32(s[1] * sx), f32(s[2] * sy));
      if (s[0] === 'Q') points.push(f32(s[3] * sx), f32(s[4] * sy));
    }
    scaled = { commands, points: Float32Array.from(points) };
  }
  cache.set(key, scaled);
  return scaled;
}

/**
 * A glyph's outline placed at (x, y), as path text in absolute coordinates. Each point is computed as
 * resvg places a glyph of its own text, in single precision (point × scale + origin), and written so it
 * reads back as that number: the outline covers exactly the pixels resvg's text would. (Coordinates
 * rounded to 0.01 px moved an edge across one of the rasteriser's sub-samples now and then: a pixel
 * off by 14-64 of 255.)
 */
function glyphPath(font: GlyphFont, glyph: number, x: number, y: number, scale: number): string | null {
  const scaled = scaledGlyph(font, glyph, scale);
  if (!scaled) return null;
  const [ox, oy] = [f32(x), f32(y)];
  const { commands, points } = scaled;
  let d = '';
  let at = 0;
  for (const c of commands) {
    if (c === 'Z') {
      d += 'Z';
      continue;
    }
    d += `${c}${f32Text(f32(points[at]! + ox))} ${f32Text(f32(points[at + 1]! + oy))}`;
    at += 2;
    if (c === 'Q') {
      d += ` ${f32Text(f32(points[at]! + ox))} ${f32Text(f32(points[at + 1]! + oy))}`;
      at += 2;
    }
  }
  return d;
}

/**
 * The SVG with each text element it can draw replaced by its outline (`exact`: one path, placed point
 * by point as resvg would place it; see above).
 */
export function textToOutlines(svg: string, fonts: OutlineFonts, options: { exact?: boolean } = {}): string {
  const exact = options.exact ?? false;
  return svg.replace(TEXT, (whole, attributes: string, content: string) => textAsPath(attributes, content, fonts, exact) ?? whole);
}
