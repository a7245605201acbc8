import type { GeoService, PlaceInfo, PlaceLookup } from './types.js';

/**
 * The gazetteer ids whose mentions count for a place: the place, the division
 * of the same name (`Raqqa` the city and Raqqa governorate), and for a division its seat of the same
 * name (`Hasakah` in a story may have been read as the city). A country counts its own mentions only,
 * not its cities'. `/where` and `/trend` both count these, so their counts agree.
 */
export function placeMentionIds(geo: GeoService, found: PlaceLookup & { place: PlaceInfo }): number[] {
  const { place } = found;
  const ids = new Set<number>([place.geonameId]);
  if (found.division) ids.add(found.division.geonameId);
  if (place.kind === 'admin1') {
    const seat = geo.lookup(place.name.replace(/\s+(governorate|province|region|state)$/i, '')).place;
    if (seat && seat.kind === 'city' && seat.admin1 === place.name) ids.add(seat.geonameId);
    for (const alt of found.alternatives)
      if (alt.kind === 'city' && alt.admin1 === place.name && alt.countryCode === place.countryCode) ids.add(alt.geonameId);
  }
  return [...ids];
}
