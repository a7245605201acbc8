import { hiddenStoriesOf, type HiddenStories } from '../hidden-counts.js';
import { MONTH_OF_PUBLISHED } from './month-of-published.js';
import type { PgQueryable } from './pg-database.js';

/**
 * The stories hidden from one server (DATELINE_FEED_STORIES=own-server) and what they hold, for the
 * counts to leave out (`hidden-counts.ts`), as the SQLite store finds them (sqlite/hidden-stories.ts):
 * linked in `feed_stories` only to feeds that are neither the operator's nor the server's own.
 */
export interface PgHiddenStories {
  /** The stories hidden from the guild, by seq; empty when none (the common case, cheap to tell). */
  of(guildId: string): Promise<HiddenStories>;
  /** (seq, gazetteer id) of each place a hidden story mentions, once per pair; only `ids` when given. */
  placePairs(hidden: HiddenStories, ids: readonly number[] | null): Promise<[number, number][]>;
  /** (seq, lower-case speaker) of each named speaker a hidden story quotes, once per pair; only `speakers` when given. */
  speakerPairs(hidden: HiddenStories, speakers: readonly string[] | null): Promise<[number, string][]>;
  /** Quotes of hidden stories per lower-case speaker (as `quote_speakers` counts them). */
  speakerQuotes(hidden: HiddenStories): Promise<Map<string, number>>;
}

/**
 * Feed URLs that brought stories, each once (a walk of feed_stories_by_url jumping from one URL to the
 * next: as many steps as URLs, not as links), the guild's visible feeds, then the links of the other
 * URLs whose story no visible feed brought too.
 */
const HIDDEN_SQL = `
  WITH RECURSIVE linked(url) AS (
    SELECT MIN(url) FROM feed_stories
    UNION ALL SELECT (SELECT MIN(s.url) FROM feed_stories s WHERE s.url > linked.url) FROM linked WHERE linked.url IS NOT NULL),
  shown AS MATERIALIZED (
    SELECT f.url FROM feeds f WHERE f.origin = 'config' OR NOT EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url)
      OR EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url AND o.guild_id = $1)),
  other AS MATERIALIZED (SELECT url FROM linked WHERE url IS NOT NULL AND url NOT IN (SELECT url FROM shown))
  SELECT DISTINCT a.seq, a.published_ms, ${MONTH_OF_PUBLISHED} AS month
  FROM other o JOIN feed_stories s ON s.url = o.url JOIN articles a ON a.id = s.article_id
  WHERE NOT EXISTS (SELECT 1 FROM feed_stories v WHERE v.article_id = s.article_id AND v.url IN (SELECT url FROM shown))`;

export function createPgHiddenStories(pool: PgQueryable): PgHiddenStories {
  const seqs = (hidden: HiddenStories): number[] => [...hidden.keys()];
  return {
    async of(guildId) {
      const { rows } = await pool.query<{ seq: number; published_ms: number; month: number }>(HIDDEN_SQL, [guildId]);
      return hiddenStoriesOf(rows.map((r) => ({ key: r.seq, publishedMs: r.published_ms, month: r.month })));
    },
    async placePairs(hidden, ids) {
      if (hidden.size === 0) return [];
      const { rows } = await pool.query<{ seq: number; id: number }>(
        `SELECT DISTINCT article_seq AS seq, geoname_id AS id FROM places
        WHERE article_seq = ANY($1::bigint[]) AND geoname_id IS NOT NULL AND ($2::int[] IS NULL OR geoname_id = ANY($2::int[]))`,
        [seqs(hidden), ids],
      );
      return rows.map((r) => [r.seq, r.id]);
    },
    async speakerPairs(hidden, speakers) {
      if (hidden.size === 0) return [];
      const { rows } = await pool.query<{ seq: number; key: string }>(
        `SELECT DISTINCT article_seq AS seq, lower(speaker) AS key FROM quotes
        WHERE article_seq = ANY($1::bigint[]) AND speaker <> 'unknown' AND ($2::text[] IS NULL OR lower(speaker) = ANY($2::text[]))`,
        [seqs(hidden), speakers ? speakers.map((s) => s.toLowerCase()) : null],
      );
      return rows.map((r) => [r.seq, r.key]);
    },
    async speakerQuotes(hidden) {
      if (hidden.size === 0) return new Map();
      const { rows } = await pool.query<{ key: string; n: number }>(
        'SELECT lower(speaker) AS key, COUNT(*)::int AS n FROM quotes WHERE article_seq = ANY($1::bigint[]) GROUP BY 1',
        [seqs(hidden)],
      );
      return new Map(rows.map((r) => [r.key, r.n]));
    },
  };
}
