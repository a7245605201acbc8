/**
 * Country outlines from Natural Earth (via `world-atlas`, public domain), for point-in-country tests
 * and the locator map. Loaded on first use: the bot only needs them for maps and the eval.
 */
import { createRequire } from 'node:module';
import { geoArea, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export type CountryFeature = Feature<Geometry, { name: string }>;

export interface Borders {
  /** Every country outline (for drawing). */
  all: CountryFeature[];
  /** ISO alpha-2 → outline. */
  byCode: Map<string, CountryFeature>;
}

const cache = new Map<string, Borders>();

/** Outlines at a Natural Earth scale: `50m` for tests of inside/outside, `110m` is enough for small maps. */
export function loadBorders(scale: '50m' | '110m' = '50m'): Borders {
  const hit = cache.get(scale);
  if (hit) return hit;
  const topo = require(`world-atlas/countries-${scale}.json`) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const countries = require('world-countries') as { cca2: string; ccn3: string }[];
  const byNumeric = new Map(countries.map((c) => [c.ccn3, c.cca2]));
  const byCode = new Map<string, CountryFeature>();
  for (const f of fc.features) {
    const code = byNumeric.get(String(f.id ?? ''));
    // Some numeric ids are shared by a country and its small territories (036: Australia and Ashmore
    // and Cartier Is.): the country is the largest outline.
    const prev = code ? byCode.get(code) : undefined;
    if (code && (!prev || geoArea(f) > geoArea(prev))) byCode.set(code, f);
  }
  const borders = { all: fc.features, byCode };
  cache.set(scale, borders);
  return borders;
}

/** Whether a point lies inside a country's outline (false when the outline is unknown). */
export function countryContains(code: string, lat: number, lon: number, borders = loadBorders()): boolean {
  const f = borders.byCode.get(code);
  return f ? geoContains(f, [lon, lat]) : false;
}
