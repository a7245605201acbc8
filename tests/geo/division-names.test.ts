import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compassVariant } from '../../src/geo/build/build-gazetteer.js';
import { loadGeoService } from '../../src/geo/geo-service.js';
import { repoRoot } from '../helpers/paths.js';

describe('divisions under the names the news gives them', () => {
  it.each([
    ['Southern Darfur', 'South Darfur'],
    ['Northern Bahr al Ghazal', 'North Bahr al Ghazal'],
    ['Western Australia', 'West Australia'],
    // Names of their own, and no `-ern` form of a state's name (`western Virginia` is a part of it).
    ['Southern Province', ''],
    ['Eastern Cape', ''],
    ['West Virginia', ''],
    ['Darfur', ''],
  ])('%s -> %s', (name, variant) => {
    expect(compassVariant(name)).toBe(variant);
  });

  it("finds an Indonesian regency bare and as 'X Regency'", async () => {
    const geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
    for (const text of ['Two farmers in the district of Karo fell ill.', 'Two farmers in Karo Regency fell ill.']) {
      const [p] = geo.findPlaces(text);
      expect(p?.countryCode).toBe('ID');
      expect(geo.getPlace(p?.geonameId ?? 0)?.kind).toBe('admin2');
    }
    // Bare, a regency's name needs a word of place like a village's (Bone and Muna are regencies).
    expect(geo.findPlaces('Bone marrow donors are few. "We grow," said chairman Nyoman Muna.')).toEqual([]);
  }, 120_000);

  it('finds the division under the form the news uses', async () => {
    const geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
    const [p] = geo.findPlaces('Aid workers returned to camps in South Darfur on Monday.');
    expect(p?.name).toBe('South Darfur');
    expect(p?.countryCode).toBe('SD');
    expect(geo.getPlace(p?.geonameId ?? 0)?.kind).toBe('admin1');
  }, 120_000);
});
