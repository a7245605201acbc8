/** A place name found in an article, resolved against the gazetteer when possible. */
export interface PlaceMention {
  /** The name as written in the text. */
  name: string;
  start: number;
  end: number;
  geonameId: number | null;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * What the rest of the bot needs from geography. Built once at start (the gazetteer index loads fast)
 * and passed in; `src/geo/` owns the implementation.
 */
export interface GeoService {
  /** Find and resolve the place names in a text (offsets into that text). */
  findPlaces(text: string): PlaceMention[];
}
