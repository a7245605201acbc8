import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { decodePng, pixelDifference } from '../../src/draw/decode-png.js';
import { locatorMapSvg, mapFontPath, mapSvgForRaster, renderLocatorMap } from '../../src/geo/locator-map.js';
import type { PlaceInfo } from '../../src/geo/types.js';

const place = (over: Partial<PlaceInfo>): PlaceInfo => ({
  name: 'X',
  kind: 'city',
  kindLabel: 'city',
  geonameId: 1,
  countryCode: null,
  country: null,
  admin1: null,
  lat: 0,
  lon: 0,
  population: 0,
  populationBasis: 'own',
  timezone: null,
  featureCode: 'PPL',
  ...over,
});

const raqqa = place({ name: 'Raqqa', countryCode: 'SY', country: 'Syria', lat: 35.95, lon: 39.01 });

/** Every coordinate of the outline paths. */
function pathPoints(svg: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of svg.matchAll(/<path d="([^"]*)" fill="#(?:eeeeea|f4e3b5)"/g)) {
    for (const p of m[1]!.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) out.push([Number(p[1]), Number(p[2])]);
  }
  return out;
}

/** The marker's centre. */
function marker(svg: string): [number, number] {
  const m = /<circle cx="([\d.-]+)" cy="([\d.-]+)"/.exec(svg)!;
  return [Number(m[1]), Number(m[2])];
}

describe('locator map', () => {
  it('highlights the country, marks the place inside the picture and keeps outlines clipped', () => {
    const svg = locatorMapSvg(raqqa);
    expect(svg).toContain('fill="#f4e3b5"'); // Syria
    expect(svg).toContain('>Raqqa<');
    const [x, y] = marker(svg);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(640);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(420);
    const pts = pathPoints(svg);
    expect(pts.length).toBeGreaterThan(50);
    for (const [px, py] of pts) {
      expect(px).toBeGreaterThanOrEqual(-4);
      expect(px).toBeLessThanOrEqual(644);
      expect(py).toBeGreaterThanOrEqual(-4);
      expect(py).toBeLessThanOrEqual(424);
    }
  });

  it('frames a country across the antimeridian (Fiji) around the country, not the whole world', () => {
    const svg = locatorMapSvg(place({ name: 'Suva', countryCode: 'FJ', country: 'Fiji', lat: -18.14, lon: 178.44 }));
    const [x] = marker(svg);
    expect(x).toBeGreaterThan(100);
    expect(x).toBeLessThan(540);
    // Fiji's islands on both sides of 180° are drawn (the highlighted path has points left and right of the marker).
    const own = /<path d="([^"]*)" fill="#f4e3b5"/.exec(svg)![1]!;
    const xs = [...own.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeLessThan(x);
    expect(Math.max(...xs)).toBeGreaterThan(x + 20);
  });

  it('draws a continent from the coarse outlines', () => {
    const svg = locatorMapSvg(place({ name: 'Europe', kind: 'continent', lat: 48.7, lon: 9.1 }));
    expect(svg.length).toBeLessThan(200_000);
    expect(pathPoints(svg).length).toBeGreaterThan(200);
  });

  it('escapes names', () => {
    expect(locatorMapSvg(place({ name: 'A & <B>' }))).toContain('A &amp; &lt;B&gt;');
  });

  it('draws the same pixels as resvg drawing the SVG with its text and the font file', () => {
    for (const p of [
      raqqa,
      place({ name: 'Zürich & Co', countryCode: 'CH', country: 'Switzerland', admin1: 'Zurich', lat: 47.37, lon: 8.54 }),
    ]) {
      const svg = locatorMapSvg(p);
      const reference = new Resvg(svg, { font: { fontFiles: [mapFontPath()], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } })
        .render()
        .asPng();
      expect(pixelDifference(decodePng(renderLocatorMap(p)), decodePng(new Uint8Array(reference)))).toEqual({
        max: 0,
        mean: 0,
        differing: 0,
      });
      // Drawn as outlines, so resvg loads no font for it.
      expect(mapSvgForRaster(svg)).not.toContain('<text');
    }
  });

  it('leaves a name in a script that needs shaping as text for resvg', () => {
    const svg = mapSvgForRaster(locatorMapSvg(place({ name: 'الرقة', countryCode: 'SY', country: 'Syria', lat: 35.95, lon: 39.01 })));
    expect(svg).toContain('>الرقة</text>');
    expect(svg).not.toContain('>Natural Earth · GeoNames<'); // the credit is still outlined
  });

  it('rasterises to a PNG of the asked size', () => {
    const png = renderLocatorMap(raqqa, { width: 320, height: 220 });
    expect(Array.from(png.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([320, 220]);
  });
});
