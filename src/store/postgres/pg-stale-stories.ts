/**
 * The stories a newer analyzer must redo (`dateline reanalyze`): a batch of those whose sentences,
 * quotes or places an older version found (or that kept no version), and how many there are in all.
 * One statement shape for the three analyses, told apart by their version table; separate from the
 * replace* writes that follow these reads (pg-article-writes.ts) because it only reads.
 */
import type { QueryResultRow } from 'pg';
import type { StaleQuoteStory, StaleStory } from '../article-store.js';
import type { PlaceStore } from '../place-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { StoryStore } from '../story-store.js';
import type { AnalysisTable } from '../sqlite/stale-analysis.js';
import type { PgStoreContext } from './pg-store-context.js';

/**
 * The FROM and WHERE of the stories an analysis must redo: its row in `table` missing or below the
 * version ($1), published at or after $2 (ms; null: every story). A batch walks articles in storage order
 * and stops at its LIMIT, so it costs the same late in a run as early.
 */
function staleStoriesSql(table: AnalysisTable): string {
  return `FROM articles a LEFT JOIN ${table} v ON v.article_seq = a.seq
      WHERE (v.version IS NULL OR v.version < $1) AND ($2::bigint IS NULL OR a.published_ms >= $2)`;
}

export interface PgStaleStories {
  staleSentenceStories: StoryStore['staleSentenceStories'];
  countStaleSentenceStories: StoryStore['countStaleSentenceStories'];
  staleQuoteStories: QuoteStore['staleQuoteStories'];
  countStaleQuoteStories: QuoteStore['countStaleQuoteStories'];
  stalePlaceStories: PlaceStore['stalePlaceStories'];
  countStalePlaceStories: PlaceStore['countStalePlaceStories'];
}

export function createPgStaleStories(ctx: PgStoreContext): PgStaleStories {
  const { pool } = ctx;

  /** A batch of `staleStoriesSql(table)` with `columns` of each story, in storage order. */
  async function staleStories<R extends QueryResultRow>(
    table: AnalysisTable,
    columns: string,
    version: number,
    since: Date | null,
    limit: number,
  ): Promise<R[]> {
    const sql = `SELECT ${columns} ${staleStoriesSql(table)} ORDER BY a.seq LIMIT $3`;
    return (await pool.query<R>(sql, [version, since ? since.getTime() : null, limit])).rows;
  }

  /** How many stories `staleStories` of `table` would walk in all. */
  async function countStaleStories(table: AnalysisTable, version: number, since: Date | null): Promise<number> {
    const sql = `SELECT COUNT(*)::int AS n ${staleStoriesSql(table)}`;
    return (await pool.query<{ n: number }>(sql, [version, since ? since.getTime() : null])).rows[0]?.n ?? 0;
  }

  return {
    staleSentenceStories: (version, since, limit) => staleStories<StaleStory>('sentence_analysis', 'a.id, a.body', version, since, limit),
    countStaleSentenceStories: (version, since) => countStaleStories('sentence_analysis', version, since),
    staleQuoteStories: (version, since, limit) =>
      staleStories<StaleQuoteStory>('quote_analysis', 'a.id, a.body, a.published', version, since, limit),
    countStaleQuoteStories: (version, since) => countStaleStories('quote_analysis', version, since),
    stalePlaceStories: async (version, since, limit) =>
      (await staleStories<{ id: string }>('place_analysis', 'a.id', version, since, limit)).map((r) => r.id),
    countStalePlaceStories: (version, since) => countStaleStories('place_analysis', version, since),
  };
}
