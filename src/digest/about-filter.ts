import type { PlaceMention, GeoService } from '../geo/types.js';
import { contentTokens } from '../nlp/tokens.js';

/** A subscription's `about:` (a place or a topic), ready to test stories against. */
export interface AboutFilter {
  text: string;
  /** Stemmed content words; a story matches when it has all of them. */
  words: string[];
  /** The place the text names, when the gazetteer knows it exactly. */
  place: { geonameId: number; countryCode: string | null; isCountry: boolean } | null;
}

export function createAboutFilter(about: string, geo?: GeoService): AboutFilter {
  const words = [...new Set(contentTokens(about))];
  let place: AboutFilter['place'] = null;
  if (geo) {
    const found = geo.lookup(about);
    if (found.place && found.matchedBy !== 'none') {
      place = { geonameId: found.place.geonameId, countryCode: found.place.countryCode, isCountry: found.place.kind === 'country' };
    }
  }
  return { text: about, words, place };
}

/** A place filter matches mentions of the place (and, for a country, of anything in it); words match the text. */
export function matchesAbout(filter: AboutFilter, story: { headline: string; body: string; places: readonly PlaceMention[] }): boolean {
  const place = filter.place;
  if (place) {
    const hit = story.places.some(
      (p) => p.geonameId === place.geonameId || (place.isCountry && place.countryCode !== null && p.countryCode === place.countryCode),
    );
    if (hit) return true;
  }
  if (filter.words.length === 0) return false;
  const have = new Set(contentTokens(`${story.headline} ${story.body}`));
  return filter.words.every((w) => have.has(w));
}
