/**
 * Locator map: Natural Earth outlines (world-atlas) projected with d3-geo into an SVG, rasterised by
 * @resvg/resvg-js with the DejaVu Sans font shipped by the `dejavu-fonts-ttf` package (no system fonts,
 * so every machine renders the same picture).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { geoMercator, geoPath, geoBounds, geoGraticule10 } from 'd3-geo';
import { loadBorders, type CountryFeature } from './borders.js';
import type { PlaceInfo } from './types.js';

const require = createRequire(import.meta.url);

/** The TTF the map's labels use. */
export function mapFontPath(): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
}

const boundsCache = new WeakMap<object, [[number, number], [number, number]]>();

function boundsOf(f: CountryFeature): [[number, number], [number, number]] {
  let b = boundsCache.get(f);
  if (!b) {
    b = geoBounds(f);
    boundsCache.set(f, b);
  }
  return b;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** The SVG of the map (exported for tests that check its content without rasterising). */
export function locatorMapSvg(place: PlaceInfo, width = 640, height = 420): string {
  const borders = loadBorders('50m');
  const country = place.countryCode ? borders.byCode.get(place.countryCode) : undefined;
  // Frame: the country when it is of a readable size, else a box of ~8 degrees around the point.
  let [[x0, y0], [x1, y1]] = country ? geoBounds(country) : [[place.lon - 4, place.lat - 4], [place.lon + 4, place.lat + 4]];
  if (x1 < x0 || x1 - x0 > 60 || y1 - y0 > 40 || place.kind === 'continent' || place.kind === 'region') {
    const span = place.kind === 'continent' ? 40 : place.kind === 'region' ? 15 : 10;
    [x0, y0, x1, y1] = [place.lon - span, place.lat - span * 0.7, place.lon + span, place.lat + span * 0.7];
  }
  const padX = Math.max(2, (x1 - x0) * 0.35);
  const padY = Math.max(1.5, (y1 - y0) * 0.35);
  const frame = {
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'MultiPoint' as const, coordinates: [[x0 - padX, Math.max(-80, y0 - padY)], [x1 + padX, Math.min(84, y1 + padY)]] },
  };
  const projection = geoMercator().fitExtent([[10, 10], [width - 10, height - 34]], frame);
  // Clip to the picture and skip outlines outside the frame: projecting and rasterising the whole
  // world at 1:50m took ~0.6 s a map.
  projection.clipExtent([[-5, -5], [width + 5, height + 5]]);
  const path = geoPath(projection);
  const fx0 = x0 - padX - 1;
  const fx1 = x1 + padX + 1;
  const fy0 = y0 - padY - 1;
  const fy1 = y1 + padY + 1;
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#cfe3f3"/>`);
  parts.push(`<path d="${path(geoGraticule10()) ?? ''}" fill="none" stroke="#b8d2e8" stroke-width="0.5"/>`);
  for (const f of borders.all) {
    const [[bx0, by0], [bx1, by1]] = boundsOf(f);
    const crossesDateLine = bx1 < bx0;
    if (!crossesDateLine && (bx1 < fx0 || bx0 > fx1 || by1 < fy0 || by0 > fy1)) continue;
    const d = path(f);
    if (!d) continue;
    const own = f === country;
    parts.push(`<path d="${d}" fill="${own ? '#f4e3b5' : '#eeeeea'}" stroke="${own ? '#8a6d2b' : '#9a9a94'}" stroke-width="${own ? 1.2 : 0.5}"/>`);
  }
  const [px, py] = projection([place.lon, place.lat]) ?? [width / 2, height / 2];
  parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="6" fill="#d7263d" stroke="#fff" stroke-width="2"/>`);
  const label = escapeXml(place.name);
  const anchorRight = px > width * 0.7;
  parts.push(
    `<text x="${(px + (anchorRight ? -10 : 10)).toFixed(1)}" y="${(py - 8).toFixed(1)}" font-family="DejaVu Sans" font-size="15" font-weight="bold" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke" text-anchor="${anchorRight ? 'end' : 'start'}">${label}</text>`,
  );
  const caption = escapeXml(
    `${place.name} — ${[place.admin1 && place.admin1 !== place.name ? place.admin1 : null, place.country].filter(Boolean).join(', ')}  (${place.lat.toFixed(3)}, ${place.lon.toFixed(3)})`,
  );
  parts.push(`<rect y="${height - 26}" width="${width}" height="26" fill="#ffffff" fill-opacity="0.85"/>`);
  parts.push(`<text x="10" y="${height - 9}" font-family="DejaVu Sans" font-size="13" fill="#222">${caption}</text>`);
  parts.push(`<text x="${width - 10}" y="${height - 9}" font-family="DejaVu Sans" font-size="10" fill="#666" text-anchor="end">Natural Earth · GeoNames</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** Render the locator map as PNG bytes. */
export function renderLocatorMap(place: PlaceInfo, options: { width?: number; height?: number } = {}): Uint8Array {
  const svg = locatorMapSvg(place, options.width ?? 640, options.height ?? 420);
  const resvg = new Resvg(svg, {
    font: { fontFiles: [mapFontPath()], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}
