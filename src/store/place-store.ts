import type { DayCount, DayRange, PlaceMentionHit, PlaceMonthCount } from './article-store.js';
import type { HiddenFrom } from './hidden-from.js';

/**
 * Place mentions of the stored stories, by gazetteer id: what /where reads. The counts take `hiddenFrom`:
 * as that server sees the store, stories hidden from it not counted (see `HiddenFrom`).
 */
export interface PlaceStore {
  /** Mentions of any of these gazetteer ids, newest first. */
  findPlaceMentions(geonameIds: readonly number[], limit: number): Promise<PlaceMentionHit[]>;
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
}
