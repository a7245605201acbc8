/**
 * The SQLite store's reads of places (PlaceStore): the stories mentioning a place, the gazetteer ids a
 * story mentions, and the counts per place and month kept at ingest, less what a reader may not see.
 * Separate from the write path that keeps those counts (sqlite-article-writes.ts); per-day counts are
 * trend-counts-table.ts's.
 */
import type { PlaceMentionHit, PlaceMonthCount } from '../article-store.js';
import type { PlaceStore } from '../place-store.js';
import type { Synchronous } from '../synchronous.js';
import { groupPlaceIds, toMonthCounts, toPlaceMentionHit } from '../stored-rows.js';
import { MONTH_OF_PUBLISHED } from './month-of-published.js';
import { hiddenMonths, subtractPerKey } from '../hidden-counts.js';
import type { HiddenFrom } from '../hidden-from.js';
import type { ArticleRow } from './sqlite-rows.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';

/** Above this many stories, countPlaceMentions over several ids gives the sum, not COUNT(DISTINCT). */
const EXACT_COUNT_LIMIT = 20_000;

export interface SqlitePlaceReads {
  findPlaceMentions: Synchronous<PlaceStore>['findPlaceMentions'];
  placeIdsOf: Synchronous<PlaceStore>['placeIdsOf'];
  countPlaceMentions: Synchronous<PlaceStore>['countPlaceMentions'];
  placeMentionMonths: Synchronous<PlaceStore>['placeMentionMonths'];
  placeMentionCounts: Synchronous<PlaceStore>['placeMentionCounts'];
  /** Drops the kept counts per place (placeMentionCounts): this connection's write moved them. */
  forgetPlaceCounts: () => void;
}

export function createSqlitePlaceReads(ctx: SqliteStoreContext): SqlitePlaceReads {
  const { db, dataVersion, hiddenFrom, hiddenStories } = ctx;
  const q = {
    // The gazetteer ids a set of stories (ids as a JSON array) mention, by story and offset.
    placeIdsOfStories: db
      .prepare<[string], [id: string, geonameId: number]>(
        `
        SELECT a.id, p.geoname_id FROM articles a JOIN places p ON p.article_rowid = a.rowid
        WHERE a.id IN (SELECT value FROM json_each(?)) AND p.geoname_id IS NOT NULL ORDER BY p.article_rowid, p.start`,
      )
      .raw(true),
    // Per-month story counts of a set of places (ids as a JSON array), summed over the ids.
    placeMonths: db
      .prepare<[string], [month: number, stories: number]>(
        `
        SELECT month, SUM(stories) FROM place_month_counts WHERE geoname_id IN (SELECT value FROM json_each(?)) GROUP BY month ORDER BY month`,
      )
      .raw(true),
    // Stories naming k > 1 of a set of places, by month: each was counted k times in placeMonths' sum.
    // A walk of places_by_geoname (as COUNT(DISTINCT) did); only shared stories are looked up for their date.
    placeMonthOverlaps: db
      .prepare<[string], [month: number, extra: number]>(
        `
        WITH shared AS MATERIALIZED (
          SELECT article_rowid AS r, COUNT(DISTINCT geoname_id) AS k FROM places
          WHERE geoname_id IN (SELECT value FROM json_each(?)) GROUP BY article_rowid HAVING k > 1)
        SELECT ${MONTH_OF_PUBLISHED} AS month, SUM(shared.k - 1) FROM shared JOIN articles a ON a.rowid = shared.r GROUP BY 1`,
      )
      .raw(true),
    placeStoryCounts: db.prepare<[], { geoname_id: number; stories: number }>('SELECT geoname_id, stories FROM place_story_counts'),
    placeStoryCount: db.prepare<[number], { stories: number }>('SELECT stories FROM place_story_counts WHERE geoname_id = ?'),
    // Newest stories mentioning one place, with their first mention of it (covering index walk).
    newestMentions: db.prepare<[number, number, number], { article_rowid: number; start: number }>(`
      SELECT article_rowid, MIN(start) AS start FROM places
      WHERE geoname_id = ? AND article_rowid IN (
        SELECT DISTINCT article_rowid FROM places WHERE geoname_id = ? ORDER BY article_rowid DESC LIMIT ?)
      GROUP BY article_rowid`),
    mentionRow: db.prepare<
      [number, number],
      ArticleRow & { published_ms: number; m_start: number; m_end: number; m_name: string; packed: string | null }
    >(`
      SELECT a.*, p.start AS m_start, p.end AS m_end, p.name AS m_name, s.packed
      FROM places p JOIN articles a ON a.rowid = p.article_rowid LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
      WHERE p.article_rowid = ? AND p.start = ?`),
  };

  let placeCountsCache: { map: Map<number, number>; version: number } | null = null;

  function findPlaceMentions(geonameIds: readonly number[], limit: number): PlaceMentionHit[] {
    if (geonameIds.length === 0) return [];
    // The newest `limit` stories per place (index walk), merged; the first mention in each story.
    const first = new Map<number, number>();
    for (const id of new Set(geonameIds)) {
      for (const m of q.newestMentions.all(id, id, limit)) {
        const seen = first.get(m.article_rowid);
        if (seen === undefined || m.start < seen) first.set(m.article_rowid, m.start);
      }
    }
    const rows = [...first.entries()]
      .sort((a, b) => b[0] - a[0])
      .slice(0, limit * 2)
      .map(([rowid, start]) => q.mentionRow.get(rowid, start))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .sort((a, b) => b.published_ms - a.published_ms || b.rowid - a.rowid)
      .slice(0, limit);
    return rows.map(toPlaceMentionHit);
  }

  function countPlaceMentions(geonameIds: readonly number[], reader?: HiddenFrom): number {
    const ids = [...new Set(geonameIds)];
    if (ids.length === 1 && reader === undefined) return q.placeStoryCount.get(ids[0]!)?.stories ?? 0;
    return placeMentionMonths(ids, reader).reduce((sum, m) => sum + m.stories, 0);
  }

  function placeMentionMonths(geonameIds: readonly number[], reader?: HiddenFrom): PlaceMonthCount[] {
    const ids = [...new Set(geonameIds)];
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    let months = new Map(q.placeMonths.all(json));
    // Several ids (a city and its division) may share stories: count each once while that is cheap,
    // else keep the sum (an upper bound) rather than walk every mention of a much-named place.
    let merge: 'exact' | 'sum' = 'sum';
    if (ids.length > 1) {
      let sum = 0;
      for (const n of months.values()) sum += n;
      if (sum <= EXACT_COUNT_LIMIT) {
        merge = 'exact';
        for (const [month, extra] of q.placeMonthOverlaps.all(json)) months.set(month, (months.get(month) ?? 0) - extra);
      }
    }
    const hidden = hiddenFrom(reader);
    // the hidden stories' share, counted as the months were (each story once, or once per id)
    if (hidden && hidden.size > 0) months = subtractPerKey(months, hiddenMonths(hidden, hiddenStories.placePairs(hidden, ids), merge));
    return toMonthCounts(months);
  }

  return {
    findPlaceMentions,
    placeIdsOf: (ids) => groupPlaceIds(ids.length === 0 ? [] : q.placeIdsOfStories.all(JSON.stringify(ids))),
    countPlaceMentions,
    placeMentionMonths,
    placeMentionCounts: (reader) => {
      const version = dataVersion();
      if (placeCountsCache?.version !== version) {
        placeCountsCache = { map: new Map(q.placeStoryCounts.all().map((r) => [r.geoname_id, r.stories])), version };
      }
      const hidden = hiddenFrom(reader);
      if (!hidden || hidden.size === 0) return placeCountsCache.map;
      const less = new Map<number, number>();
      for (const [, id] of hiddenStories.placePairs(hidden, null)) less.set(id, (less.get(id) ?? 0) + 1);
      return subtractPerKey(placeCountsCache.map, less);
    },
    forgetPlaceCounts: () => {
      placeCountsCache = null;
    },
  };
}
