/**
 * A story's place mentions, as the store keeps them: recognition, resolution in the document's
 * context and the dateline's place. Runs at ingest on every story, so it works on offsets and
 * typed-array lookups only.
 */
import { foldName } from '../fold.js';
import { GAZETTEER_PLACES_VERSION, type Gazetteer } from '../gazetteer.js';
import { DATELINE_SPAN, type PlaceMention } from '../types.js';
import { splitDateline } from '../dateline-place.js';
import { containedPlaces } from '../contained-places.js';
import type { ResolveContext } from '../resolve.js';
import type { ResolvedSpan } from './spans.js';
import { recognizeSpans } from './recognize-spans.js';
import { documentContext, resolveDateline, resolveSpans } from './resolve-spans.js';

/**
 * Bump when a change to the recognition or resolution rules (this folder, ../resolve.ts,
 * ../dateline-place.ts and the lists they read) changes what is found in any text.
 */
const PLACE_RULES_VERSION = 31;

/**
 * What made a story's stored places: these rules over this gazetteer (new data resolves names anew).
 * Kept with each story; `dateline reanalyze` finds again the places of stories an older version stored.
 */
export const PLACE_ANALYZER_VERSION = GAZETTEER_PLACES_VERSION * 1000 + PLACE_RULES_VERSION;

function toMention(gaz: Gazetteer, name: string, start: number, end: number, i: number): PlaceMention {
  if (i < 0) return { name, start, end, geonameId: null, countryCode: null, lat: null, lon: null };
  // (The fields gaz.place(i) would give, without decoding the entry's name: this runs for every mention.)
  return { name, start, end, geonameId: gaz.ids[i] ?? 0, countryCode: gaz.country(i) || null, lat: gaz.latOf(i), lon: gaz.lonOf(i) };
}

/**
 * First-level divisions named by a common word (`Delta`, `Plateau`, `Lakes`, `Centre`, `Littoral`):
 * alone, the word is more often a rocket, a car or a product line (`a Delta rocket`, `the VME Delta
 * Series`, `the Danube Delta`) than Nigeria's state. (Words the news uses even more, `Central`,
 * `Northern`, `Capital`, are never places on their own: see STOP.)
 */
const WORD_DIVISIONS = new Set([
  'delta',
  'plateau',
  'plateaux',
  'lakes',
  'savanes',
  'centre',
  'littoral',
  'maritime',
  'lagunes',
  // (`the West Coast of the United States`, `Federal District Court`: New Zealand's and Brazil's only in their stories)
  'west coast',
  'federal district',
]);

/** Such a division is one only in a story of its country: another of the story's places, or its dateline, is there. */
function withoutStrayWordDivisions(gaz: Gazetteer, mentions: readonly PlaceMention[], datelineCountry: string | null): PlaceMention[] {
  const stray = (m: PlaceMention): boolean =>
    m.geonameId !== null && WORD_DIVISIONS.has(foldName(m.name)) && gaz.kind(gaz.indexOfId(m.geonameId)) === 'admin1';
  const countries = new Set(mentions.filter((m) => !stray(m) && m.countryCode !== null).map((m) => m.countryCode));
  if (datelineCountry) countries.add(datelineCountry);
  return mentions.filter((m) => !stray(m) || countries.has(m.countryCode));
}

/** Recognise and resolve: what ingest stores for each story (the dateline's place first, when given). */
export function findPlaceMentions(gaz: Gazetteer, text: string, base: ResolveContext, dateline?: string | null): PlaceMention[] {
  const spans = recognizeSpans(gaz, text);
  const ctx = documentContext(gaz, spans, base);
  const resolved = resolveSpans(gaz, text, spans, ctx);
  const name = dateline?.trim();
  const i = name ? resolveDateline(gaz, name, ctx, resolved) : -1;
  const townKey = name ? foldName(splitDateline(name).town) : '';
  const homes = i >= 0 ? [gaz.admin1[i] ?? -1, gaz.countryIndex(gaz.country(i))] : [];
  const found = withoutStrayWordDivisions(
    gaz,
    resolved.map((r) =>
      toMention(gaz, r.name, r.start, r.end, i >= 0 ? (datelineTown(gaz, r, townKey, i) ?? datelineHome(gaz, r, homes)) : r.chosen),
    ),
    i >= 0 ? gaz.country(i) || null : null,
  );
  const mentions = [...found, ...containedPlaces(gaz, text, found)].sort((a, b) => a.start - b.start);
  if (!name || i < 0) return mentions;
  return [{ ...toMention(gaz, name, DATELINE_SPAN.start, DATELINE_SPAN.end, i), dateline: true }, ...mentions];
}

/**
 * The body's mentions of the dateline's own town (entry i, folded name `townKey`) are that town (`SAN
 * JOSE, Calif.` and `its San Jose National Bank subsidiary`): one place per name and story, the dateline included.
 */
function datelineTown(gaz: Gazetteer, r: ResolvedSpan, townKey: string, i: number): number | undefined {
  // (Only where the body read a town without its state: `Madison, Wis.` under MADISON, Ind. is another
  // town, and `New York state` or `the Quebec government` are the divisions.)
  if (gaz.kind(i) !== 'city' || r.chosen === i || r.narrowed || r.chosen < 0 || gaz.kind(r.chosen) !== 'city') return undefined;
  if (foldName(r.name) !== townKey) return undefined;
  return r.candidates.some((c) => c.index === i) ? i : undefined;
}

/**
 * A name that can be the state (or province) or the country the story was filed from is that one: a
 * story datelined ATLANTA means the US state by `Georgia`, one from TBILISI the country. Only between
 * divisions and countries (a town keeps the reading the body gave it). `homes`: the dateline's division
 * and country entries.
 */
function datelineHome(gaz: Gazetteer, r: ResolvedSpan, homes: readonly number[]): number {
  if (r.chosen < 0 || gaz.kind(r.chosen) === 'city') return r.chosen;
  if (homes.includes(r.chosen)) return r.chosen;
  const home = r.candidates.find((c) => homes.includes(c.index) && gaz.kind(c.index) !== 'city');
  return home ? home.index : r.chosen;
}
