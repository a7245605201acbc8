import { UserError } from '../core/errors.js';
import { placeMentionIds } from '../geo/place-mention-ids.js';
import type { GeoService, PlaceInfo } from '../geo/types.js';
import type { DayRange } from '../store/article-store.js';
import type { DatelineStore } from '../store/store.js';
import type { TermCounts, TermKind } from './series.js';

/** Speakers a name matches, most quoted first, as `/quote speaker:` reads them. */
export const MAX_SPEAKERS = 10;

/** A term resolved to what the store counts. */
export type ResolvedTerm =
  | { kind: 'place'; term: string; place: PlaceInfo; ids: number[] }
  | { kind: 'speaker'; term: string; speakers: string[] }
  | { kind: 'about'; term: string; query: string };

/** A place as /where resolves it (spelling variants meet); an unknown name gets /where's suggestions. */
export async function resolvePlace(geo: GeoService, store: DatelineStore, name: string): Promise<ResolvedTerm> {
  const found = geo.lookup(name, { storeCounts: await store.places.placeMentionCounts() });
  const place = found.place;
  if (!place) {
    const hint = found.suggestions.length > 0 ? ` Did you mean ${found.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    throw new UserError('unknown_place', `No place called "${name.slice(0, 80)}" in the gazetteer.${hint}`, {
      place: null,
      term: name,
      suggestions: found.suggestions,
    });
  }
  // Named as typed when that is one of the place's names (`Raqqa`, not the gazetteer's `Ar Raqqah`).
  const typed = name.trim();
  const term = found.matchedBy === 'exact' && typed !== typed.toLowerCase() ? typed : place.name;
  return { kind: 'place', term, place, ids: placeMentionIds(geo, { ...found, place }) };
}

/** The speakers a name's counts add up (at most MAX_SPEAKERS, most quoted first): the store's `speakersNamed`, never "unknown". */
export async function speakersCounted(store: DatelineStore, name: string): Promise<string[]> {
  return (await store.quotes.speakersNamed(name, MAX_SPEAKERS + 1)).filter((s) => s.toLowerCase() !== 'unknown').slice(0, MAX_SPEAKERS);
}

/**
 * The stored speakers a name matches, as `/quote speaker:` matches them (its words end the speaker's
 * name: "Reagan" is "Ronald Reagan", not "The Reagan administration"), most quoted first. The term is the speaker's full name when the name matched one.
 */
export async function resolveSpeaker(store: DatelineStore, name: string): Promise<ResolvedTerm> {
  const speakers = await speakersCounted(store, name);
  if (speakers.length === 0)
    throw new UserError('unknown_speaker', `No stored quote is by a speaker called "${name.slice(0, 80)}".`, { speaker: null, term: name });
  return { kind: 'speaker', term: speakers.length === 1 ? speakers[0]! : name, speakers };
}

export async function resolveTerm(kind: TermKind, name: string, geo: GeoService, store: DatelineStore): Promise<ResolvedTerm> {
  if (kind === 'place') return resolvePlace(geo, store, name);
  if (kind === 'speaker') return resolveSpeaker(store, name);
  if (!/[\p{L}\p{N}]/u.test(name)) throw new UserError('bad_about', `about: needs words to search for, not "${name.slice(0, 80)}".`);
  return { kind: 'about', term: name, query: name };
}

/** Stories per day of a resolved term, from the counts kept at ingest; `capped` when a search counted its newest matches only. */
export async function countTerm(store: DatelineStore, t: ResolvedTerm, range: DayRange | null): Promise<TermCounts & { capped: boolean }> {
  if (t.kind === 'place') return { term: t.term, kind: t.kind, days: await store.places.placeDayCounts(t.ids, range), capped: false };
  if (t.kind === 'speaker')
    return { term: t.term, kind: t.kind, days: await store.quotes.speakerDayCounts(t.speakers, range), capped: false };
  const { days, capped } = await store.stories.searchDayCounts(t.query, range);
  return { term: t.term, kind: t.kind, days, capped };
}
