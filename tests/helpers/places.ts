import type { PlaceMention } from '../../src/geo/types.js';

/** A resolved mention of gazetteer id `geonameId` written `name` at `start` (in Syria at 1, 2): as store tests store them. */
export function placeAt(geonameId: number, start: number, name = `P${geonameId}`): PlaceMention {
  return { name, start, end: start + name.length, geonameId, countryCode: 'SY', lat: 1, lon: 2 };
}
