/**
 * The PostgreSQL store's reads of places (PlaceStore): the stories mentioning a place, the gazetteer
 * ids a story mentions, and the counts per place and month kept at ingest, less what a reader may not
 * see. Separate from the write path that keeps those counts (pg-article-writes.ts) and from the
 * per-day counts of /trend (pg-day-counts.ts), which share SHARED_STORIES and placesBySeq from here.
 */
import type { PlaceMentionHit, PlaceMonthCount } from '../article-store.js';
import type { PlaceStore } from '../place-store.js';
import type { PlaceMention } from '../../geo/types.js';
import type { HiddenFrom } from '../hidden-from.js';
import { hiddenMonths, subtractPerKey } from '../hidden-counts.js';
import { groupPlaceIds, toPlaceMention, toMonthCounts, toPlaceMentionHit } from '../stored-rows.js';
import { MONTH_OF_PUBLISHED } from './month-of-published.js';
import type { PgQueryable } from './pg-database.js';
import { ARTICLE_COLUMNS, type ArticleRow, type PlaceRow } from './pg-rows.js';
import type { PgStoreContext } from './pg-store-context.js';

const EXACT_COUNT_LIMIT = 20_000;
/** The stories that several of the place ids $1 are mentioned in, with how many (`k`) of them each. */
export const SHARED_STORIES = `SELECT article_seq, COUNT(*) AS k
  FROM (SELECT DISTINCT geoname_id, article_seq FROM places WHERE geoname_id = ANY($1::int[])) pairs
  GROUP BY article_seq HAVING COUNT(*) > 1`;

/** The places of these stories by seq, each story's in text order: what the story and digest reads attach. */
export async function placesBySeq(db: PgQueryable, seqs: readonly number[]): Promise<Map<number, PlaceMention[]>> {
  const places = new Map<number, PlaceMention[]>();
  if (seqs.length === 0) return places;
  const { rows } = await db.query<PlaceRow>('SELECT * FROM places WHERE article_seq = ANY($1::bigint[]) ORDER BY article_seq, start', [
    seqs,
  ]);
  for (const row of rows) {
    let list = places.get(row.article_seq);
    if (!list) places.set(row.article_seq, (list = []));
    list.push(toPlaceMention(row));
  }
  return places;
}

export interface PgPlaceReads {
  findPlaceMentions: PlaceStore['findPlaceMentions'];
  placeIdsOf: PlaceStore['placeIdsOf'];
  countPlaceMentions: PlaceStore['countPlaceMentions'];
  placeMentionMonths: PlaceStore['placeMentionMonths'];
  placeMentionCounts: PlaceStore['placeMentionCounts'];
  /** Drops the kept counts per place (placeMentionCounts): replacing places moved them. */
  forgetPlaceCounts: () => void;
}

export function createPgPlaceReads(ctx: PgStoreContext): PgPlaceReads {
  const { pool, dataVersion, hiddenFrom, hiddenStories } = ctx;
  let placeCountsCache: { map: Map<number, number>; version: number } | null = null;

  async function findPlaceMentions(geonameIds: readonly number[], limit: number): Promise<PlaceMentionHit[]> {
    if (geonameIds.length === 0) return [];
    // The newest `limit` stories per place (index walk), merged; the first mention in each story.
    const { rows } = await pool.query<
      ArticleRow & { packed: string; published_ms: number; m_start: number; m_end: number; m_name: string }
    >(
      `WITH ids AS (SELECT DISTINCT unnest($1::int[]) AS g),
      s AS (SELECT x.article_seq FROM ids CROSS JOIN LATERAL (
        SELECT DISTINCT p.article_seq FROM places p WHERE p.geoname_id = ids.g ORDER BY p.article_seq DESC LIMIT $2) x),
      firsts AS (SELECT DISTINCT ON (p.article_seq) p.article_seq, p.start, p."end", p.name FROM places p
        WHERE p.article_seq IN (SELECT article_seq FROM s) AND p.geoname_id = ANY($1::int[]) ORDER BY p.article_seq DESC, p.start),
      top AS (SELECT * FROM firsts ORDER BY article_seq DESC LIMIT $3)
      SELECT ${ARTICLE_COLUMNS}, a.packed, a.published_ms, top.start AS m_start, top."end" AS m_end, top.name AS m_name
      FROM top JOIN articles a ON a.seq = top.article_seq ORDER BY a.published_ms DESC, a.seq DESC LIMIT $2`,
      [[...new Set(geonameIds)], limit, limit * 2],
    );
    return rows.map(toPlaceMentionHit);
  }

  async function placeMentionMonths(geonameIds: readonly number[], reader?: HiddenFrom): Promise<PlaceMonthCount[]> {
    const ids = [...new Set(geonameIds)];
    if (ids.length === 0) return [];
    const { rows } = await pool.query<{ month: number; stories: number }>(
      'SELECT month, SUM(stories)::int AS stories FROM place_month_counts WHERE geoname_id = ANY($1::int[]) GROUP BY month ORDER BY month',
      [ids],
    );
    let months = new Map(rows.map((r) => [r.month, r.stories]));
    let merge: 'exact' | 'sum' = 'sum';
    if (ids.length > 1) {
      let sum = 0;
      for (const n of months.values()) sum += n;
      // Several ids may share stories: count each once while that is cheap (as the SQLite store).
      if (sum <= EXACT_COUNT_LIMIT) {
        merge = 'exact';
        // The pairs come in index order (no sort for a COUNT(DISTINCT)), and each shared story's month is
        // read by its key: joined, the planner guessed thousands of shared stories and read every article
        // (New York's city and state at 100k: 135 → 16 ms).
        const { rows: overlaps } = await pool.query<{ month: number; extra: number }>(
          `WITH shared AS MATERIALIZED (${SHARED_STORIES})
          SELECT month, SUM(k - 1)::int AS extra
          FROM (SELECT (SELECT ${MONTH_OF_PUBLISHED} FROM articles a WHERE a.seq = shared.article_seq) AS month, k FROM shared) m
          GROUP BY month`,
          [ids],
        );
        for (const { month, extra } of overlaps) months.set(month, (months.get(month) ?? 0) - extra);
      }
    }
    const hidden = await hiddenFrom(reader);
    // the hidden stories' share, counted as the months were (each story once, or once per id)
    if (hidden) months = subtractPerKey(months, hiddenMonths(hidden, await hiddenStories.placePairs(hidden, ids), merge));
    return toMonthCounts(months);
  }

  return {
    findPlaceMentions,
    async placeIdsOf(articleIds) {
      if (articleIds.length === 0) return new Map();
      const { rows } = await pool.query<{ id: string; geoname_id: number }>(
        `SELECT a.id, p.geoname_id FROM articles a JOIN places p ON p.article_seq = a.seq
          WHERE a.id = ANY($1::text[]) AND p.geoname_id IS NOT NULL ORDER BY p.article_seq, p.start`,
        [[...new Set(articleIds)]],
      );
      return groupPlaceIds(rows.map((r) => [r.id, r.geoname_id]));
    },
    async countPlaceMentions(geonameIds, reader) {
      const ids = [...new Set(geonameIds)];
      if (ids.length === 0) return 0;
      if (ids.length === 1 && reader === undefined)
        return (
          (await pool.query<{ stories: number }>('SELECT stories FROM place_story_counts WHERE geoname_id = $1', [ids[0]])).rows[0]
            ?.stories ?? 0
        );
      return (await placeMentionMonths(ids, reader)).reduce((sum, m) => sum + m.stories, 0);
    },
    placeMentionMonths,
    async placeMentionCounts(reader) {
      const version = await dataVersion();
      if (placeCountsCache?.version !== version) {
        const { rows } = await pool.query<{ geoname_id: number; stories: number }>('SELECT geoname_id, stories FROM place_story_counts');
        placeCountsCache = { map: new Map(rows.map((r) => [r.geoname_id, r.stories])), version };
      }
      const counts = placeCountsCache.map;
      const hidden = await hiddenFrom(reader);
      if (!hidden) return counts;
      const less = new Map<number, number>();
      for (const [, id] of await hiddenStories.placePairs(hidden, null)) less.set(id, (less.get(id) ?? 0) + 1);
      return subtractPerKey(counts, less);
    },
    forgetPlaceCounts() {
      placeCountsCache = null;
    },
  };
}
