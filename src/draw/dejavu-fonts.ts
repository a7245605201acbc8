/**
 * The DejaVu Sans faces shipped by `dejavu-fonts-ttf`, the one font every picture Dateline draws uses
 * (no system fonts, so every machine draws the same). Their glyph outlines are read once per process
 * and shared by the locator map and the trend charts (see svg-text-outlines.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadGlyphFont, type GlyphFont } from './glyph-outlines.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const DEJAVU_FAMILY = 'DejaVu Sans';
export const DEJAVU_FILES = { regular: join(FONT_DIR, 'DejaVuSans.ttf'), bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf') } as const;

export type DejaVuFace = keyof typeof DEJAVU_FILES;

const faces = new Map<DejaVuFace, GlyphFont>();

/** A face's outlines, read from its TTF on first use (~740 KB each, kept for the process). */
export function dejavuGlyphs(face: DejaVuFace): GlyphFont {
  let font = faces.get(face);
  if (!font) faces.set(face, (font = loadGlyphFont(DEJAVU_FILES[face])));
  return font;
}
