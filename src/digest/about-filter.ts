import type { PlaceMention, GeoService } from '../geo/types.js';
import { contentTokens } from '../nlp/tokens.js';
import { parseSearch } from '../store/search-syntax.js';

/** A subscription's `about:` (a place or a topic), ready to test stories against. */
export interface AboutFilter {
  text: string;
  /** Stemmed content words; a story matches when it has all of them. */
  words: string[];
  /** Stemmed content words of its `-word` exclusions: a story holding any of them does not match. */
  excluded: string[];
  /** The place the text names, when the gazetteer knows it exactly. */
  place: { geonameId: number; countryCode: string | null; isCountry: boolean } | null;
}

export function createAboutFilter(about: string, geo?: GeoService): AboutFilter {
  // The search syntax of /search: `-word` leaves stories out (it must not become a word to match).
  const query = parseSearch(about);
  const wanted = query.terms.map((t) => t.join(' ')).join(' ');
  const words = [...new Set(contentTokens(wanted))];
  const excluded = [...new Set(query.excluded.flatMap((t) => contentTokens(t.join(' '))))];
  let place: AboutFilter['place'] = null;
  if (geo && wanted !== '') {
    const found = geo.lookup(wanted);
    if (found.place && found.matchedBy !== 'none') {
      place = { geonameId: found.place.geonameId, countryCode: found.place.countryCode, isCountry: found.place.kind === 'country' };
    }
  }
  return { text: about, words, excluded, place };
}

/** A place filter matches mentions of the place (and, for a country, of anything in it); words match the text. */
export function matchesAbout(filter: AboutFilter, story: { headline: string; body: string; places: readonly PlaceMention[] }): boolean {
  let words: Set<string> | null = null;
  const have = (): Set<string> => (words ??= new Set(contentTokens(`${story.headline} ${story.body}`)));
  if (filter.excluded.some((w) => have().has(w))) return false;
  const place = filter.place;
  if (place) {
    const hit = story.places.some(
      (p) => p.geonameId === place.geonameId || (place.isCountry && place.countryCode !== null && p.countryCode === place.countryCode),
    );
    if (hit) return true;
  }
  // Exclusions alone (`-sport`) filter the rest of the news: every other story matches.
  if (filter.words.length === 0) return !place && filter.excluded.length > 0;
  return filter.words.every((w) => have().has(w));
}
