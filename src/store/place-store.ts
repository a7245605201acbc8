import type { DayCount, DayRange, DigestFeatures, PlaceMentionHit, PlaceMonthCount } from './article-store.js';
import type { PlaceMention } from '../geo/types.js';
import type { HiddenFrom } from './hidden-from.js';

/**
 * Place mentions of the stored stories, by gazetteer id: what /where reads. The counts take `hiddenFrom`:
 * as that server sees the store, stories hidden from it not counted (see `HiddenFrom`).
 */
export interface PlaceStore {
  /** Mentions of any of these gazetteer ids, newest first. */
  findPlaceMentions(geonameIds: readonly number[], limit: number): Promise<PlaceMentionHit[]>;
  /**
   * The gazetteer ids each of these stories mentions, in text order, each once (stories not stored and
   * mentions without an id are left out). Why: /where pairs a place with the one its newest stories name
   * beside it, which needs the ids only, not every story's whole analysis (on a networked store, three
   * round trips and the body per story).
   */
  placeIdsOf(articleIds: readonly string[]): Promise<Map<string, number[]>>;
  /** Stories mentioning any of these ids: the sum of `placeMentionMonths`. */
  countPlaceMentions(geonameIds: readonly number[], hiddenFrom?: HiddenFrom): Promise<number>;
  /**
   * Stories mentioning any of these ids, by month, oldest first: every stored mention, not the newest
   * few (so a timeline adds up to the count). Several ids sharing a story count it once while that is
   * cheap to find out (as countPlaceMentions); read from per-month counts kept at ingest.
   */
  placeMentionMonths(geonameIds: readonly number[], hiddenFrom?: HiddenFrom): Promise<PlaceMonthCount[]>;
  /** How often each gazetteer id is mentioned across the store (for disambiguation by what the news talks about). */
  placeMentionCounts(hiddenFrom?: HiddenFrom): Promise<ReadonlyMap<number, number>>;
  /** Stories per UTC day mentioning any of these ids (each story once), oldest first; kept at ingest for /trend. */
  placeDayCounts(geonameIds: readonly number[], range: DayRange | null, hiddenFrom?: HiddenFrom): Promise<DayCount[]>;
  /**
   * Ids of up to `limit` stories whose places an older recognizer found (or one that kept no version),
   * oldest stored first, published at or after `since` when given. Why: `dateline reanalyze` brings
   * the places of a live store up to date in small batches, as it does quotes.
   */
  stalePlaceStories(version: number, since: Date | null, limit: number): Promise<string[]>;
  countStalePlaceStories(version: number, since: Date | null): Promise<number>;
  /**
   * Replace stored stories' places, and the digest features made from them, and mark them `version`, in
   * one short transaction; every count kept from places (per place, month and day) moves with them.
   * Returns how many stories were updated.
   */
  replacePlaces(items: readonly ReplacedPlaces[], version: number): Promise<number>;
}

/** A story's places found again, with the digest features made from them (digest/ computes those). */
export interface ReplacedPlaces {
  id: string;
  places: PlaceMention[];
  digest: DigestFeatures;
}
