/**
 * The PostgreSQL store's reads of whole stories (StoryStore): one by id, with its analysis, the
 * newest, those of a span of dates, a page of every story in date order, and how many there are. Full
 * text search and headline suggestions are pg-text-search.ts's; writes are pg-article-writes.ts's.
 * Separate because these are the plain reads by key or date that every other part can be read beside.
 */
import type { ArticleAnalysis, ArticleSummary, StoredStory, StoryCursor, StoryPageQuery, StoryWithAnalysis } from '../article-store.js';
import type { StoryStore } from '../story-store.js';
import type { Quote } from '../../nlp/types.js';
import {
  toQuote,
  toSummary,
  unpackSentences,
  withKeptVersions,
  type QuoteRow,
  type SummaryRow,
  toPlaceMention,
  toArticle,
} from '../stored-rows.js';
import { unpackSentenceScores } from '../sqlite/packed-sentences.js';
import { placesBySeq } from './pg-place-reads.js';
import { ARTICLE_COLUMNS, SUMMARY_COLUMNS, type ArticleRow, type PgQuoteRow, type PlaceRow } from './pg-rows.js';
import type { PgStoreContext } from './pg-store-context.js';

export interface PgStoryReads {
  getById: StoryStore['getById'];
  identities: StoryStore['identities'];
  getAnalysis: StoryStore['getAnalysis'];
  latest: StoryStore['latest'];
  publishedBetween: StoryStore['publishedBetween'];
  storiesBetween: StoryStore['storiesBetween'];
  storiesPage: StoryStore['storiesPage'];
  count: StoryStore['count'];
}

export function createPgStoryReads(ctx: PgStoreContext): PgStoryReads {
  const { pool, dataVersion, hiddenFrom } = ctx;
  let countCache: { n: number; version: number } | null = null;

  async function quotesBySeq(seqs: readonly number[]): Promise<Map<number, Quote[]>> {
    const quotes = new Map<number, Quote[]>();
    if (seqs.length === 0) return quotes;
    const { rows } = await pool.query<PgQuoteRow>(
      `SELECT ${SUMMARY_COLUMNS}, q.* FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE q.article_seq = ANY($1::bigint[]) ORDER BY q.article_seq, q.start`,
      [seqs],
    );
    for (const row of rows) {
      let list = quotes.get(row.article_seq);
      if (!list) quotes.set(row.article_seq, (list = []));
      list.push(toQuote(row));
    }
    return quotes;
  }

  async function latest(limit: number): Promise<ArticleSummary[]> {
    const { rows } = await pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.published_ms DESC, a.seq DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toSummary);
  }

  type VersionedRow = ArticleRow & {
    packed: string;
    quotes_version: number | null;
    places_version: number | null;
    sentences_version: number | null;
  };
  const VERSIONS = `v.version AS quotes_version, pv.version AS places_version, sv.version AS sentences_version FROM articles a
    LEFT JOIN quote_analysis v ON v.article_seq = a.seq LEFT JOIN place_analysis pv ON pv.article_seq = a.seq
    LEFT JOIN sentence_analysis sv ON sv.article_seq = a.seq`;

  async function getRow(id: string): Promise<VersionedRow | null> {
    return (await pool.query<VersionedRow>(`SELECT ${ARTICLE_COLUMNS}, a.packed, ${VERSIONS} WHERE a.id = $1`, [id])).rows[0] ?? null;
  }

  async function storiesBetween(from: Date, to: Date, limit: number): Promise<StoryWithAnalysis[]> {
    const { rows } = await pool.query<ArticleRow & { packed: string }>(
      `SELECT ${ARTICLE_COLUMNS}, a.packed FROM articles a WHERE a.published_ms >= $1 AND a.published_ms < $2 ORDER BY a.published_ms DESC, a.seq DESC LIMIT $3`,
      [from.getTime(), to.getTime(), limit],
    );
    const places = await placesBySeq(
      pool,
      rows.map((r) => r.seq),
    );
    return rows.map((r) => ({ article: toArticle(r), sentences: unpackSentenceScores(r.packed), places: places.get(r.seq) ?? [] }));
  }

  async function storiesPage(query: StoryPageQuery): Promise<{ stories: StoredStory[]; next: StoryCursor | null }> {
    const after = query.after ?? { publishedMs: query.since ? query.since.getTime() : Number.MIN_SAFE_INTEGER, seq: -1 };
    const { rows } = await pool.query<VersionedRow & { published_ms: number }>(
      `SELECT ${ARTICLE_COLUMNS}, a.packed, a.published_ms, ${VERSIONS}
      WHERE (a.published_ms, a.seq) > ($1, $2) ORDER BY a.published_ms, a.seq LIMIT $3`,
      [after.publishedMs, after.seq, query.limit],
    );
    if (rows.length === 0) return { stories: [], next: null };
    const seqs = rows.map((r) => r.seq);
    const [places, quotes] = await Promise.all([placesBySeq(pool, seqs), quotesBySeq(seqs)]);
    const stories = rows.map((r) => ({
      article: toArticle(r),
      analysis: withKeptVersions(
        { sentences: unpackSentences(r.body, r.packed), quotes: quotes.get(r.seq) ?? [], places: places.get(r.seq) ?? [] },
        { sentences: r.sentences_version, quotes: r.quotes_version, places: r.places_version },
      ),
    }));
    const last = rows.at(-1)!;
    return { stories, next: rows.length < query.limit ? null : { publishedMs: last.published_ms, seq: last.seq } };
  }

  return {
    async getById(id) {
      const row = await getRow(id.trim().toLowerCase());
      return row ? toArticle(row) : null;
    },
    async identities(ids) {
      const found = new Map<string, { url: string | null; contentHash: string }>();
      if (ids.length === 0) return found;
      const { rows } = await pool.query<{ id: string; url: string | null; content_hash: string }>(
        'SELECT id, url, content_hash FROM articles WHERE id = ANY($1::text[])',
        [ids],
      );
      for (const r of rows) found.set(r.id, { url: r.url, contentHash: r.content_hash });
      return found;
    },
    async getAnalysis(id): Promise<ArticleAnalysis | null> {
      // The story with its places and quotes in one statement (each list as JSON, in offset order): three
      // statements at once took three of the pool's connections and woke three backends for one story.
      const { rows } = await pool.query<{
        body: string;
        packed: string;
        quotes_version: number | null;
        places_version: number | null;
        sentences_version: number | null;
        places: PlaceRow[];
        quotes: Omit<QuoteRow, keyof SummaryRow>[];
      }>(
        `SELECT a.body, a.packed, v.version AS quotes_version, pv.version AS places_version, sv.version AS sentences_version,
            (SELECT COALESCE(json_agg(p ORDER BY p.start), '[]') FROM places p WHERE p.article_seq = a.seq) AS places,
            (SELECT COALESCE(json_agg(q ORDER BY q.start), '[]') FROM quotes q WHERE q.article_seq = a.seq) AS quotes
          FROM articles a LEFT JOIN quote_analysis v ON v.article_seq = a.seq LEFT JOIN place_analysis pv ON pv.article_seq = a.seq
            LEFT JOIN sentence_analysis sv ON sv.article_seq = a.seq
          WHERE a.id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      return withKeptVersions(
        { sentences: unpackSentences(row.body, row.packed), quotes: row.quotes.map(toQuote), places: row.places.map(toPlaceMention) },
        { sentences: row.sentences_version, quotes: row.quotes_version, places: row.places_version },
      );
    },
    latest,
    async publishedBetween(from, to, limit) {
      const { rows } = await pool.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.published_ms >= $1 AND a.published_ms < $2 ORDER BY a.published_ms DESC, a.seq DESC LIMIT $3`,
        [from.getTime(), to.getTime(), limit],
      );
      return rows.map(toSummary);
    },
    storiesBetween,
    storiesPage,
    async count(reader) {
      // COUNT(*) reads the whole table on PostgreSQL: kept until the data version moves.
      const version = await dataVersion();
      if (countCache?.version !== version)
        countCache = { n: (await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM articles')).rows[0]!.n, version };
      return countCache.n - ((await hiddenFrom(reader))?.size ?? 0);
    },
  };
}
