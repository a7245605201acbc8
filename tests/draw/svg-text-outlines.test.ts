import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadGlyphFont } from '../../src/draw/glyph-outlines.js';
import { textToOutlines } from '../../src/draw/svg-text-outlines.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];
const fonts = { regular: loadGlyphFont(FONT_FILES[0]!), bold: loadGlyphFont(FONT_FILES[1]!) };

const W = 600;
const H = 220;

function pixels(svg: string): Uint8Array {
  return new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;
}

function svgOf(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#fff"/>${body}</svg>`;
}

/** As ECharts' SSR renderer writes them: each anchor, the central baseline, bold, kerned pairs, entities. */
const LABELS = [
  `<text dominant-baseline="central" text-anchor="start" style="font-size:48px;font-family:DejaVu Sans;" y="5" transform="translate(20 60)" fill="#222222">HAVE Tokyo Zürich</text>`,
  `<text dominant-baseline="central" text-anchor="end" style="font-size:48px;font-family:DejaVu Sans;font-weight:bold;" transform="translate(580 140)" fill="#0072B2">Raqqa (1,234) …</text>`,
  `<text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:DejaVu Sans;" xml:space="preserve" y="3.6" transform="translate(300 200)" fill="#555555">5 Jun 2017 AVAW &amp; &lt;b&gt;</text>`,
];

describe('textToOutlines', () => {
  it('draws the labels as resvg draws the text: exact, the same pixels; by default, glyph by glyph, at most a few pixels a few levels apart', () => {
    const svg = svgOf(LABELS.join(''));
    const a = pixels(svg);
    let inked = 0;
    for (let i = 0; i < a.length; i += 4) if (a[i]! < 200) inked++;
    expect(inked).toBeGreaterThan(5_000);
    for (const exact of [true, false]) {
      const outlined = textToOutlines(svg, fonts, { exact });
      expect(outlined).not.toContain('<text');
      expect(outlined).not.toContain('<b>');
      const b = pixels(outlined);
      let off = 0;
      let most = 0;
      for (let i = 0; i < a.length; i++) {
        const d = Math.abs(a[i]! - b[i]!);
        if (d > 0 && i % 4 === 0) off++;
        most = Math.max(most, d);
      }
      // Exact: each point placed in single precision as resvg places its glyphs. Glyph by glyph: only
      // a pixel two glyphs' edges share is composited twice (points rounded to 0.01 px were off by up to 64).
      if (exact) expect([off, most]).toEqual([0, 0]);
      else {
        expect(off).toBeLessThan(10);
        expect(most).toBeLessThanOrEqual(8);
      }
    }
  });

  it("draws the locator map's labels (presentation attributes, a halo stroke under the fill) with the same pixels", () => {
    const labels = [
      `<text x="308.7" y="169.8" font-family="DejaVu Sans" font-size="15" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke" text-anchor="start">Belgium</text>`,
      `<text x="10" y="211" font-family="DejaVu Sans" font-size="13" fill="#222">Ar Raqqah — Raqqa, Syria  (35.953, 39.008)</text>`,
      `<text x="590" y="100.3" font-family="DejaVu Sans" font-size="10" fill="#666" text-anchor="end">Natural Earth · GeoNames</text>`,
    ];
    const svg = svgOf(`<rect width="${W}" height="${H}" fill="#f4e3b5"/>${labels.join('')}`);
    const outlined = textToOutlines(svg, fonts, { exact: true });
    expect(outlined).not.toContain('<text');
    expect(outlined).toContain('stroke="#fff" stroke-width="3" paint-order="stroke"');
    expect(Buffer.from(pixels(outlined)).equals(Buffer.from(pixels(svg)))).toBe(true);
  });

  it('leaves as text what needs shaping or another font: Arabic, a rotation, another family, a dashed stroke', () => {
    const kept = [
      `<text dominant-baseline="central" style="font-size:12px;font-family:DejaVu Sans;" transform="translate(10 10)">الرقة</text>`,
      `<text dominant-baseline="central" style="font-size:12px;font-family:DejaVu Sans;" transform="rotate(45)">Mosul</text>`,
      `<text style="font-size:12px;font-family:serif;" transform="translate(10 40)">Mosul</text>`,
      `<text x="10" y="60" font-size="12" stroke="#fff" stroke-dasharray="2 1">Mosul</text>`,
    ];
    const outlined = textToOutlines(svgOf(kept.join('')), fonts);
    for (const t of kept) expect(outlined).toContain(t);
  });
});

describe('loadGlyphFont', () => {
  it('reads simple and composite glyphs, advances and kerning from the TTF', () => {
    const f = fonts.regular;
    expect(f.unitsPerEm).toBe(2048);
    const a = f.glyphOf('A'.codePointAt(0)!);
    const v = f.glyphOf('V'.codePointAt(0)!);
    expect(f.outline(a).filter((s) => s[0] === 'M')).toHaveLength(2); // outer and inner contour
    expect(f.kerning(a, v)).toBeLessThan(0);
    // ü is a composite (u and a diaeresis): three contours, at u's advance.
    const u = f.glyphOf('u'.codePointAt(0)!);
    const uUmlaut = f.glyphOf('ü'.codePointAt(0)!);
    expect(f.outline(uUmlaut).filter((s) => s[0] === 'M')).toHaveLength(f.outline(u).filter((s) => s[0] === 'M').length + 2);
    expect(f.advance(uUmlaut)).toBe(f.advance(u));
    expect(f.glyphOf(0x10ffff)).toBe(0);
  });
});
