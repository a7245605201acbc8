import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { airportNames, airportWord } from '../../src/geo/build/build-gazetteer.js';
import { loadGeoService } from '../../src/geo/geo-service.js';
import type { GeoService } from '../../src/geo/types.js';
import { repoRoot } from '../helpers/paths.js';

describe('the names an airport goes by', () => {
  it.each([
    ['London Heathrow Airport', 'London', ['London Heathrow Airport', 'Heathrow Airport']],
    ['Lester B. Pearson International Airport', 'Toronto', ['Lester B. Pearson International Airport', 'Pearson International Airport']],
    [
      'Ottawa Macdonald-Cartier International Airport',
      'Ottawa',
      ['Ottawa Macdonald-Cartier International Airport', 'Macdonald-Cartier International Airport'],
    ],
    // The town's name with the kind of airport after it is no name of its own.
    ['Cape Canaveral Air Force Station', 'Cape Canaveral', ['Cape Canaveral Air Force Station']],
  ])('%s', (name, town, expected) => {
    expect(airportNames(name, town).sort()).toEqual([...expected].sort());
  });

  it('an own word is one word besides the town and the kind of airport', () => {
    expect(airportWord('London Gatwick Airport', 'London')).toBe('Gatwick');
    expect(airportWord('Amsterdam Airport Schiphol', 'Amsterdam')).toBe('Schiphol');
    expect(airportWord('Denver International Airport', 'Denver')).toBe('');
    expect(airportWord('Lester B. Pearson International Airport', 'Toronto')).toBe('');
  });
});

describe('airports in running text', () => {
  let geo: GeoService;
  beforeAll(async () => {
    geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
  }, 120_000);

  it('finds a big town airport by its own word and a named airport in full, at the airport', () => {
    const found = geo.findPlaces(
      'Snow closed runways at Heathrow and Gatwick, and flights were cut at Toronto Pearson International Airport.',
    );
    expect(found.map((p) => p.name)).toEqual(['Heathrow', 'Gatwick', 'Toronto', 'Pearson International Airport']);
    const at = (name: string): [number, number] => {
      const p = found.find((x) => x.name === name);
      return [Math.round((p?.lat ?? 0) * 10) / 10, Math.round((p?.lon ?? 0) * 10) / 10];
    };
    expect(at('Heathrow')).toEqual([51.5, -0.5]);
    expect(at('Gatwick')).toEqual([51.1, -0.2]);
    expect(at('Pearson International Airport')).toEqual([43.7, -79.6]);
  });

  it('an airport named after a person is no reading of the first name alone (Lambert St Louis International Airport)', () => {
    const p = geo.lookup('Lambert');
    expect([p.place, ...p.alternatives].some((x) => x?.kindLabel === 'airport')).toBe(false);
    expect(geo.lookup('Lambert St Louis International Airport').place?.kindLabel).toBe('airport');
  });

  it('an airport named by an English word is no reading of the word alone (Dallas Love Field, Beijing Capital)', () => {
    for (const word of ['Love', 'Capital', 'Midway']) {
      const p = geo.lookup(word);
      expect(
        [p.place, ...p.alternatives].some((x) => x?.kindLabel === 'airport'),
        word,
      ).toBe(false);
    }
  });

  it('says it is an airport', () => {
    expect(geo.lookup('Gatwick').place?.kindLabel).toBe('airport');
  });
});
