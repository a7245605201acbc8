import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeoService } from '../../src/geo/geo-service.js';
import type { GeoService } from '../../src/geo/types.js';
import { repoRoot } from '../helpers/paths.js';

let geo: GeoService;
beforeAll(async () => {
  geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
}, 120_000);

describe('lookup', () => {
  it.each([
    ['Utah', 'US', 'admin1'],
    ['Aceh', 'ID', 'admin1'],
    ['California', 'US', 'admin1'],
    ['Alberta', 'CA', 'admin1'],
    ['Queensland', 'AU', 'admin1'],
    ['Turkey', 'TR', 'country'],
    ['Türkiye', 'TR', 'country'],
    ['USA', 'US', 'country'],
    ['Kobani', 'SY', 'city'],
    ['Deir Ezzor', 'SY', 'city'],
    ['Hassakeh', 'SY', 'city'],
    ['Middle East', null, 'region'],
  ])('%s → %s %s', (query, cc, kind) => {
    const r = geo.lookup(query);
    expect(r.place?.countryCode ?? null).toBe(cc);
    expect(r.place?.kind).toBe(kind);
  });

  it('prefers the city for a plain name and mentions the division', () => {
    const r = geo.lookup('Raqqa');
    expect(r.place?.kind).toBe('city');
    expect(r.division?.kind).toBe('admin1');
    expect(geo.lookup('Raqqa governorate').place?.kind).toBe('admin1');
  });

  it('filters by a qualifier', () => {
    expect(geo.lookup('Paris, Texas').place?.admin1).toBe('Texas');
  });

  it("reads a qualifier as a dateline's: AP and postal abbreviations, with or without the dot", () => {
    expect(geo.lookup('Portland, Me.').place?.admin1).toBe('Maine');
    expect(geo.lookup('Paris, TX').place?.admin1).toBe('Texas');
    expect(geo.lookup('Cambridge, Mass').place?.admin1).toBe('Massachusetts');
    expect(geo.lookup('Hanover, West Germany').place?.countryCode).toBe('DE');
  });

  it('suggests for misspellings and finds nothing for noise', () => {
    const r = geo.lookup('Damascsu');
    expect(r.place === null ? r.suggestions : [r.place.name]).toContain('Damascus');
    expect(geo.lookup('Xqzvbn').place).toBeNull();
  });

  it('answers a lookup in well under 5 ms', () => {
    geo.lookup('Deir al-Zour');
    const t = performance.now();
    for (let i = 0; i < 100; i++) geo.lookup('Deir al-Zour');
    expect((performance.now() - t) / 100).toBeLessThan(5);
  });
});

describe('findPlaces', () => {
  it('finds and resolves place names with offsets', () => {
    const text = 'Syrian forces advanced in Deir al-Zour province, near the Iraqi border, while the SDF fought in Raqqa.';
    const found = geo.findPlaces(text);
    const names = found.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Syrian', 'Deir al-Zour', 'Iraqi', 'Raqqa']));
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.name);
    expect(found.find((p) => p.name === 'Raqqa')?.countryCode).toBe('SY');
  });

  it('skips common words and person names', () => {
    const found = geo.findPlaces('The President said on Monday that Bashar Assad and Mr. Obama will meet. Police said so.');
    expect(found.map((p) => p.name)).toEqual([]);
  });

  it('reads abbreviations only with their dot', () => {
    const names = geo.findPlaces('He moved to Louisville, Ky. last year. Man overboard.').map((p) => p.name);
    expect(names).toContain('Ky.');
    expect(names).not.toContain('Man');
  });
});

describe('maps and relations', () => {
  it('renders a PNG and measures from the capital', () => {
    const raqqa = geo.lookup('Raqqa').place!;
    const png = geo.renderLocatorMap(raqqa, { width: 320, height: 220 });
    expect(Array.from(png.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const rel = geo.relationToCapital(raqqa);
    expect(rel?.from.name).toBe('Damascus');
    expect(rel?.direction).toMatch(/^N|E/);
    expect(rel?.km).toBeGreaterThan(300);
    expect(rel?.km).toBeLessThan(450);
  }, 20_000);
});
