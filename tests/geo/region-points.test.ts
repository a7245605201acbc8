import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countryContains } from '../../src/geo/borders.js';
import { withoutStrayTowns } from '../../src/geo/build/build-gazetteer.js';
import { createGeoService, haversineKm, loadGazetteer } from '../../src/geo/geo-service.js';
import type { Gazetteer } from '../../src/geo/gazetteer.js';
import type { GeoService } from '../../src/geo/types.js';
import { repoRoot } from '../helpers/paths.js';

let gaz: Gazetteer;
let geo: GeoService;
beforeAll(async () => {
  gaz = await loadGazetteer({ cacheDir: path.join(repoRoot, 'data/cache') });
  geo = createGeoService(gaz, { mapCacheDir: null });
}, 120_000);

/** Entry indices of the k towns nearest a point (a linear scan: fine for a test). */
function nearestTowns(lat: number, lon: number, k: number): number[] {
  const best: { i: number; d: number }[] = [];
  for (let i = 0; i < gaz.size; i++) {
    if (gaz.kind(i) !== 'city') continue;
    const d = haversineKm(lat, lon, gaz.lat[i] ?? 0, gaz.lon[i] ?? 0);
    if (best.length < k || d < (best[k - 1]?.d ?? Infinity)) {
      best.push({ i, d });
      best.sort((a, b) => a.d - b.d);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.i);
}

describe('regions are shown at their own point, inside them (issue 14)', () => {
  // The packaged data has no division outlines: a point is inside a division when most of the towns
  // nearest it belong to that division (a point in another division has that one's towns around it).
  it.each([
    ['Texas', 'US', 'Austin'],
    ['California', 'US', 'Sacramento'],
    ['Florida', 'US', 'Tallahassee'],
    ['New York', 'US', 'Albany'],
    ['Alaska', 'US', 'Juneau'],
    ['Hawaii', 'US', 'Honolulu'],
    ['Alberta', 'CA', 'Edmonton'],
    ['Quebec', 'CA', 'Québec'],
    ['British Columbia', 'CA', 'Victoria'],
    ['Queensland', 'AU', 'Brisbane'],
    ['New South Wales', 'AU', 'Sydney'],
    ['Bavaria', 'DE', 'Munich'],
    ['Sichuan', 'CN', 'Chengdu'],
    ['Maharashtra', 'IN', 'Mumbai'],
    ['Idlib', 'SY', 'Idlib'],
    ['Hebei', 'CN', 'Shijiazhuang'],
    ['Heilongjiang', 'CN', 'Harbin'],
    ['Hasakah province', 'SY', 'Al-Hasakah'],
  ])('%s (%s) lies inside it and is not at its capital %s', (name, cc, capital) => {
    const found = geo.lookup(name.endsWith('province') ? name : `${name} state`);
    const place = found.place?.kind === 'admin1' ? found.place : geo.lookup(name).place;
    expect(place?.kind).toBe('admin1');
    expect(place?.countryCode).toBe(cc);
    if (!place) return;
    const index = gaz.indexOfId(place.geonameId);
    const near = nearestTowns(place.lat, place.lon, 5);
    expect(near.filter((i) => gaz.admin1[i] === index).length).toBeGreaterThanOrEqual(3);
    expect(countryContains(cc, place.lat, place.lon)).toBe(true);
    // Not the seat's point (a small division's middle may lie near its seat, so only "not at it").
    const seat = geo.lookup(`${capital}, ${cc === 'US' ? 'United States' : (place.country ?? '')}`).place;
    expect(seat?.kind).toBe('city');
    expect(haversineKm(place.lat, place.lon, seat?.lat ?? 0, seat?.lon ?? 0)).toBeGreaterThan(1);
  });

  it('puts Texas nearer its middle than Austin is', () => {
    // Geographic centre of Texas (near Brady, 31.1 N 99.3 W): the point is within 150 km of it.
    const texas = geo.lookup('Texas').place;
    expect(texas?.kind).toBe('admin1');
    expect(haversineKm(texas?.lat ?? 0, texas?.lon ?? 0, 31.1, -99.3)).toBeLessThan(150);
  });

  it('puts Hebei near its middle, though GeoNames files a few Tibetan villages under it', () => {
    // Hebei spans 36-42.6 N, 113.5-119.8 E around Beijing and Tianjin; the point was at Handan, in its
    // south-west corner, before the stray villages were left out.
    const hebei = geo.lookup('Hebei province').place;
    expect(hebei?.kind).toBe('admin1');
    expect(haversineKm(hebei?.lat ?? 0, hebei?.lon ?? 0, 39.3, 116.7)).toBeLessThan(161);
  });

  it('leaves out a far-off group of towns, and only such a group', () => {
    const town = (lat: number, lon: number): { lat: number; lon: number } => ({ lat, lon });
    // 30 towns within ~1 degree, and 3 misfiled 2,000 km away: the 3 go.
    const home = Array.from({ length: 30 }, (_, k) => town(38 + (k % 6) * 0.2, 115 + Math.floor(k / 6) * 0.2));
    const stray = [town(31, 90), town(31.5, 91), town(32, 92)];
    expect(withoutStrayTowns([...home, ...stray])).toEqual(home);
    // Towns thinning out steadily to 1,500 km (Western Australia): none go.
    const steady = Array.from({ length: 40 }, (_, k) => town(-32 + k * 0.35, 116 + k * 0.05));
    expect(withoutStrayTowns(steady)).toEqual(steady);
  });

  it.each([
    'US',
    'CA',
    'FR',
    'SY',
    'IQ',
    'BR',
    'RU',
    'CN',
    'AU',
    'IN',
    'NO',
    'CL',
    'ID',
    'JP',
    'GB',
    'IT',
    'EG',
    'PH',
    'CU',
    'KW',
    'IL',
    'MT',
    'GM',
  ])('country %s lies inside its outline, away from its capital', (cc) => {
    const i = gaz.countryIndex(cc);
    const place = geo.getPlace(gaz.ids[i] ?? 0);
    expect(place?.kind).toBe('country');
    if (!place) return;
    expect(countryContains(cc, place.lat, place.lon)).toBe(true);
    const cap = gaz.capitalOf(i);
    // Small states may be little more than their capital; large ones are not shown there.
    if (cap >= 0 && !['MT', 'GM', 'KW'].includes(cc))
      expect(haversineKm(place.lat, place.lon, gaz.lat[cap] ?? 0, gaz.lon[cap] ?? 0)).toBeGreaterThan(20);
  });
});
