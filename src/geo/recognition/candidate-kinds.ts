/**
 * What a name's gazetteer candidates are: countries, states, regions, famous or big towns, and how far
 * apart two names' candidates lie. Recognition and resolution both ask.
 */
import { foldName } from '../fold.js';
import type { Gazetteer } from '../gazetteer.js';
import { exactCandidates, WEIGHTS, type Candidate } from '../resolve.js';
import type { Token } from './spans.js';
import { ABBREVIATED_WORDS } from './tokens.js';

/**
 * How far from a second-level division's point its towns may lie: the gazetteer does not say which
 * county a town is in, so one near the county's middle stands in (English shire counties span ~100 km).
 */
const ADMIN2_KM = 60;

/** Whether town i lies in container k: its country, its first-level division, or near its county's middle. */
export function liesIn(gaz: Gazetteer, i: number, k: number): boolean {
  const kind = gaz.kind(k);
  if (kind === 'country') return gaz.country(k) === gaz.country(i);
  if (kind === 'admin1') return gaz.admin1[i] === k;
  if (kind !== 'admin2' || gaz.country(k) !== gaz.country(i)) return false;
  return closestKm(gaz, [{ index: i, primary: true, viaSkeleton: false }], [{ index: k, primary: true, viaSkeleton: false }]) <= ADMIN2_KM;
}

/** Whether the candidates hold a country, a region, a division or a city of 100,000+: a well-known place. */
export function isWellKnown(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return isKindStrong(gaz, cands) || maxPop(gaz, cands) >= 100_000;
}

/** Whether a town of 100,000+ bears the name as its own (or is a famous city known by it), not only as another spelling. */
export function bigByOwnName(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => (c.primary || isFamousCity(gaz, c.index)) && (gaz.pop[c.index] ?? 0) >= 100_000);
}

/** Whether a word names a country, a division or a city of 100,000+ on its own. */
export function namesPlace(gaz: Gazetteer, t: Token): boolean {
  return namesPlaceKey(gaz, (t.key ??= foldName(t.text.replace(/\.$/, ''))));
}

/** Whether a folded name is a country's, a division's, a region's or a big town's (`namesPlace` of text not cut into tokens). */
export function namesPlaceKey(gaz: Gazetteer, key: string): boolean {
  return isWellKnown(gaz, exactCandidates(gaz, key));
}

/**
 * A country, a continent or region, or a division of a million people: a name the news makes act and
 * speak (`Iraq said`, `Texas sued`), unlike a small division that shares a surname (`Douglas`).
 */
export function isMajorPlace(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => {
    const kind = gaz.kind(c.index);
    return kind === 'country' || kind === 'continent' || kind === 'region' || (kind === 'admin1' && (gaz.pop[c.index] ?? 0) >= 1_000_000);
  });
}

/** `African`, `Asian`, `European`: a continent by its adjective only. */
export function isContinentAdjective(gaz: Gazetteer, key: string, cands: readonly Candidate[]): boolean {
  return cands.every((c) => gaz.kind(c.index) === 'continent' && foldName(gaz.name(c.index)) !== key);
}

/** A state of the United States (a first-level division there). */
export function isUsState(gaz: Gazetteer, c: Candidate): boolean {
  return gaz.kind(c.index) === 'admin1' && gaz.country(c.index) === 'US';
}

/** A country or a first-level division: a name too well known to be the start of a longer one. */
export function isCountryOrState(gaz: Gazetteer, c: Candidate): boolean {
  const kind = gaz.kind(c.index);
  return kind === 'country' || (kind === 'admin1' && c.primary);
}

/** Whether a candidate is a country, a first-level division, a continent or a region. */
export function isWiderThanDistrict(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => {
    const k = gaz.kind(c.index);
    return k === 'country' || k === 'admin1' || k === 'continent' || k === 'region';
  });
}

/** A country, region or division among the candidates (a second-level one by its own name, not `Bone` for Bone Regency). */
export function isKindStrong(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return isWiderThanDistrict(gaz, cands) || cands.some((c) => c.primary && gaz.kind(c.index) === 'admin2');
}

/** People of a city the world's news names as a city (New York City, Delhi), whatever else bears its name. */
export const WORLD_CITY = 1_000_000;

/** A city of a million or more that GeoNames names in many languages: its exonyms are real names. */
export function isFamousCity(gaz: Gazetteer, i: number): boolean {
  return gaz.kind(i) === 'city' && (gaz.pop[i] ?? 0) >= WORLD_CITY && (gaz.altNames[i] ?? 0) >= WEIGHTS.altNamesFull;
}

/**
 * A town whose name a listed firm may take over in a story: a city of fewer than a million people
 * and no capital of a country or a state (Toyota and Hitachi, not Houston, Hartford or Delhi).
 */
export function isFirmTown(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.every((c) => {
    const fcode = gaz.fcode(c.index);
    return gaz.kind(c.index) === 'city' && (gaz.pop[c.index] ?? 0) < WORLD_CITY && fcode !== 'PPLA' && fcode !== 'PPLC';
  });
}

/**
 * A town GeoNames names in many languages (`WEIGHTS.altNamesFull`) and of some size: known well
 * beyond it (Palmyra, Kobani, Bethlehem). Small ones are left out: Baker City and Lourdes have as many
 * names, and `Baker` and `Lourdes` are more often people.
 */
export function isWidelyNamedTown(gaz: Gazetteer, i: number): boolean {
  return gaz.kind(i) === 'city' && (gaz.altNames[i] ?? 0) >= WEIGHTS.altNamesFull && (gaz.pop[i] ?? 0) >= WIDELY_NAMED_MIN_POP;
}

/** A prior, not fitted: a town, not a village. */
const WIDELY_NAMED_MIN_POP = 20_000;

/** Letters of a short name (`Kiev`, `Part`, `Deka`): as another name of a town, it is no exonym by itself. */
export const SHORT_NAME = 4;

/** The same prior for a town named by one of its other names after a preposition of place. */
export const ALT_NAME_TOWN = 20_000;

export function maxPop(gaz: Gazetteer, cands: readonly Candidate[]): number {
  let m = 0;
  for (const c of cands) m = Math.max(m, gaz.pop[c.index] ?? 0);
  return m;
}

/** Closest pair of candidates of two spans, in km (equirectangular). */
export function closestKm(gaz: Gazetteer, a: readonly Candidate[], b: readonly Candidate[]): number {
  let best = Infinity;
  for (const x of a) {
    const lat = gaz.lat[x.index] ?? 0;
    const cosLat = Math.cos((lat * Math.PI) / 180);
    for (const y of b) {
      const dLat = (gaz.lat[y.index] ?? 0) - lat;
      const dLon = ((gaz.lon[y.index] ?? 0) - (gaz.lon[x.index] ?? 0)) * cosLat;
      best = Math.min(best, Math.sqrt(dLat * dLat + dLon * dLon) * 111.2);
    }
  }
  return best;
}

/** A name that reads only as a city of 100,000+ (no country or division of the name). */
export function isCityOnly(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return !isKindStrong(gaz, cands) && maxPop(gaz, cands) >= 100_000;
}

/**
 * Countries whose towns English news names by their own names: no exonyms there. (Not Canada: Quebec's
 * towns have English names, `Mount Royal` for Mont-Royal.)
 */
const ENGLISH_NAMED = new Set(['US', 'GB', 'AU', 'NZ', 'IE']);

/** A name's letters, its abbreviated words written out (`St.` is `Saint`, `Ft.` `Fort`) and `centre` spelt `center`. */
function nameLetters(key: string): string {
  return key
    .split(' ')
    .map((w) => ABBREVIATED_WORDS.get(w.replace(/\.$/, '')) ?? w)
    .join('')
    .replace(/[^\p{L}]/gu, '')
    .replace(/centre/g, 'center');
}

/**
 * Whether town c is reached through another name of its own that English news does not use for it:
 * a town of an English-speaking country by a name that is no spelling of its own (`San Miguel` for
 * San Diego, `Forest City` for Cleveland, `Summitville` for Akron: former names, nicknames and
 * neighbourhoods GeoNames lists, which the news uses for other places, firms or people).
 * A spelling is:
 * - the same letters (`LaSalle`, `Green Castle`, `Ft. Drum`, `Rockville Center`), `City of` aside
 *   (`Westminster` for the City of Westminster);
 * - the name with `City` (`Quebec City`), or without it for a famous city or a name of several words
 *   (`New York`, `Salt Lake`);
 * - the name with a short abbreviation after it (`Washington DC`), or its own abbreviation (`Phila`);
 * - a famous city's short capitals (`NYC`).
 */
export function isLocalOtherName(gaz: Gazetteer, key: string, c: Candidate): boolean {
  return localOtherTest(gaz, key)(c);
}

/**
 * isLocalOtherName for one key and many candidates: the key's letters are worked out once, when a
 * candidate first needs them (recognition asks for every candidate of every name).
 */
export function localOtherTest(gaz: Gazetteer, key: string): (c: Candidate) => boolean {
  let alt: string | null = null;
  return (c) => {
    const i = c.index;
    if (c.primary || c.viaSkeleton || gaz.kind(i) !== 'city' || !ENGLISH_NAMED.has(gaz.country(i))) return false;
    alt ??= nameLetters(key);
    return isOtherThanOwn(gaz, key, i, alt);
  };
}

/** The letters of entry i's own name, remembered by entry (recognition asks for the same towns story after story). */
let ownLetters: { gaz: Gazetteer; byIndex: Map<number, string> } | null = null;

function ownNameLetters(gaz: Gazetteer, i: number): string {
  if (ownLetters?.gaz !== gaz) ownLetters = { gaz, byIndex: new Map() };
  let own = ownLetters.byIndex.get(i);
  if (own === undefined) {
    // (`City of Westminster` is Westminster's own name.)
    own = nameLetters(foldName(gaz.name(i)).replace(/^(?:(?:royal |london )?borough|city|town) of /, ''));
    // Bounded: the entries asked for are the alternate-named towns of the names a feed uses.
    if (ownLetters.byIndex.size >= 50_000) ownLetters.byIndex.clear();
    ownLetters.byIndex.set(i, own);
  }
  return own;
}

function isOtherThanOwn(gaz: Gazetteer, key: string, i: number, alt: string): boolean {
  const own = ownNameLetters(gaz, i);
  if (alt === own || alt === own + 'city') return false;
  if (alt.startsWith(own) && alt.length - own.length <= 3) return false;
  // (The wire's abbreviations: `Phila` for Philadelphia.)
  if (own.startsWith(alt) && alt.length >= 4) return false;
  const famous = isFamousCity(gaz, i);
  if (own === alt + 'city' && (famous || key.includes(' '))) return false;
  if (famous && alt.length <= 4) return false;
  return true;
}
