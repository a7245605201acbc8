/**
 * The SQLite store's reads of whole stories (StoryStore): one by id, with its analysis, the newest,
 * those of a span of dates, a page of every story in date order, and how many there are. Full-text
 * search and headline suggestions are sqlite-text-search.ts's; writes are sqlite-article-writes.ts's.
 * Separate because these are the plain reads by key or date that every other part can be read beside.
 */
import type { ArticleAnalysis, StoryCursor, StoryPageQuery, StoryWithAnalysis, StoredStory } from '../article-store.js';
import type { StoryStore } from '../story-store.js';
import type { Synchronous } from '../synchronous.js';
import {
  toPlaceMention,
  toQuote,
  toSummary,
  unpackSentences,
  withKeptVersions,
  type PlaceRow,
  type QuoteRow,
  type SummaryRow,
  toArticle,
} from '../stored-rows.js';
import type { Quote } from '../../nlp/types.js';
import type { PlaceMention } from '../../geo/types.js';
import { unpackSentenceScores } from './packed-sentences.js';
import { SUMMARY_COLUMNS, articleOfWindowRow, type ArticleRow, type WindowRow } from './sqlite-rows.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';

export interface SqliteStoryReads {
  getById: Synchronous<StoryStore>['getById'];
  identities: Synchronous<StoryStore>['identities'];
  getAnalysis: Synchronous<StoryStore>['getAnalysis'];
  latest: Synchronous<StoryStore>['latest'];
  publishedBetween: Synchronous<StoryStore>['publishedBetween'];
  storiesBetween: Synchronous<StoryStore>['storiesBetween'];
  storiesPage: Synchronous<StoryStore>['storiesPage'];
  count: Synchronous<StoryStore>['count'];
  /** Drops the kept count of stories: this connection added some. */
  forgetCount: () => void;
}

export function createSqliteStoryReads(ctx: SqliteStoreContext): SqliteStoryReads {
  const { db, dataVersion, hiddenFrom, quoteTable, placesByRowid, countStories } = ctx;
  const q = {
    getById: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
    sentences: db.prepare<[number], { packed: string }>('SELECT packed FROM article_sentences WHERE article_rowid = ?'),
    quotesOf: db.prepare<[number], QuoteRow>(
      `SELECT ${SUMMARY_COLUMNS}, q.* FROM quotes q JOIN articles a ON a.rowid = q.article_rowid WHERE q.article_rowid = ? ORDER BY q.start`,
    ),
    placesOf: db.prepare<[number], PlaceRow>('SELECT * FROM places WHERE article_rowid = ? ORDER BY start'),
    latest: db.prepare<[number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
    ),
    between: db.prepare<[number, number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.published_ms >= ? AND a.published_ms < ? ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
    ),
    // A window of stories with their packed sentences: one index range walk (the digest's read).
    // Rows as arrays (`raw`): better-sqlite3 builds a keyed object per row ~3x slower, which for a
    // busy day's 1,100 stories cost ~15 ms (and as much again for their places).
    storiesBetween: db
      .prepare<[number, number, number], WindowRow>(
        `
        SELECT a.rowid, a.id, a.source, a.published, a.published_zone, a.editor, a.dateline_place, a.headline, a.headline_derived,
          a.caption, a.caption_credit, a.body, a.url, a.origin, a.ingested_at, s.packed
        FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
        WHERE a.published_ms >= ? AND a.published_ms < ? ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
      )
      .raw(true),
    identities: db
      .prepare<[string], [id: string, url: string | null, hash: string]>(
        'SELECT id, url, content_hash FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    // Which versions of the sentence splitter and place recognizer made a story's analysis (`dateline reanalyze`).
    sentenceVersionOf: db.prepare<[number], number>('SELECT version FROM sentence_analysis WHERE article_rowid = ?').pluck(true),
    sentenceVersionsOf: db
      .prepare<[string], [number, number]>(
        'SELECT article_rowid, version FROM sentence_analysis WHERE article_rowid IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    placeVersionOf: db.prepare<[number], number>('SELECT version FROM place_analysis WHERE article_rowid = ?').pluck(true),
    placeVersionsOf: db
      .prepare<[string], [number, number]>(
        'SELECT article_rowid, version FROM place_analysis WHERE article_rowid IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    // A page of every story in publication order after (published_ms, rowid): keyset paging along
    // articles_by_published, so each page costs the same however deep the walk is.
    pageAfter: db
      .prepare<[number, number, number], [...WindowRow, publishedMs: number]>(
        `
        SELECT a.rowid, a.id, a.source, a.published, a.published_zone, a.editor, a.dateline_place, a.headline, a.headline_derived,
          a.caption, a.caption_credit, a.body, a.url, a.origin, a.ingested_at, s.packed, a.published_ms
        FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
        WHERE (a.published_ms, a.rowid) > (?, ?) ORDER BY a.published_ms, a.rowid LIMIT ?`,
      )
      .raw(true),
    // The quotes of a set of stories (rowids as a JSON array), by story and offset.
    quotesOfMany: db.prepare<[string], QuoteRow & { article_rowid: number }>(`
      SELECT ${SUMMARY_COLUMNS}, q.* FROM quotes q JOIN articles a ON a.rowid = q.article_rowid
      WHERE q.article_rowid IN (SELECT value FROM json_each(?)) ORDER BY q.article_rowid, q.start`),
  };

  // COUNT(*) walks a whole index (tens of ms at 1M stories) and /search and /latest show the count on
  // every call: cache it until this connection writes or `PRAGMA data_version` says another did.
  let countCache: { n: number; version: number } | null = null;

  function storiesBetween(from: Date, to: Date, limit: number): StoryWithAnalysis[] {
    const rows = q.storiesBetween.all(from.getTime(), to.getTime(), limit);
    if (rows.length === 0) return [];
    const places = placesByRowid(rows.map((r) => r[0]));
    return rows.map((row) => ({
      article: articleOfWindowRow(row),
      sentences: unpackSentenceScores(row[15] ?? '[]'),
      places: places.get(row[0]) ?? [],
    }));
  }

  function storiesPage(query: StoryPageQuery): { stories: StoredStory[]; next: StoryCursor | null } {
    const after = query.after ?? { publishedMs: query.since ? query.since.getTime() : Number.MIN_SAFE_INTEGER, seq: -1 };
    const rows = q.pageAfter.all(after.publishedMs, after.seq, query.limit);
    if (rows.length === 0) return { stories: [], next: null };
    const rowids = rows.map((r) => r[0]);
    const places = placesByRowid(rowids);
    const quotes = quotesByRowid(rowids);
    const versions = quoteTable.versionsOf(rowids);
    const placeVersions = new Map(q.placeVersionsOf.all(JSON.stringify(rowids)));
    const sentenceVersions = new Map(q.sentenceVersionsOf.all(JSON.stringify(rowids)));
    const stories = rows.map((row) => {
      const [rowid, , , , , , , , , , , body, , , , packed] = row;
      return {
        article: articleOfWindowRow(row),
        analysis: withKeptVersions(
          { sentences: unpackSentences(body, packed ?? '[]'), quotes: quotes.get(rowid) ?? [], places: places.get(rowid) ?? [] },
          { sentences: sentenceVersions.get(rowid), quotes: versions.get(rowid), places: placeVersions.get(rowid) },
        ),
      };
    });
    const last = rows.at(-1)!;
    return { stories, next: rows.length < query.limit ? null : { publishedMs: last[16], seq: last[0] } };
  }

  function quotesByRowid(rowids: readonly number[]): Map<number, Quote[]> {
    const quotes = new Map<number, Quote[]>();
    for (const row of q.quotesOfMany.all(JSON.stringify(rowids))) {
      let list = quotes.get(row.article_rowid);
      if (!list) quotes.set(row.article_rowid, (list = []));
      list.push(toQuote(row));
    }
    return quotes;
  }

  return {
    getById: (id) => {
      const row = q.getById.get(id.trim().toLowerCase());
      return row ? toArticle(row) : null;
    },
    identities: (ids) => {
      const found = new Map<string, { url: string | null; contentHash: string }>();
      if (ids.length === 0) return found;
      for (const [id, url, hash] of q.identities.all(JSON.stringify(ids))) found.set(id, { url, contentHash: hash });
      return found;
    },
    getAnalysis: (id) => {
      const row = q.getById.get(id);
      if (!row) return null;
      const packed = q.sentences.get(row.rowid)?.packed ?? '[]';
      const quotes: Quote[] = q.quotesOf.all(row.rowid).map(toQuote);
      const places: PlaceMention[] = q.placesOf.all(row.rowid).map(toPlaceMention);
      const analysis: ArticleAnalysis = { sentences: unpackSentences(row.body, packed), quotes, places };
      // which analyzers made the sentences, quotes and places, as PostgreSQL answers (so `migrate` keeps them)
      return withKeptVersions(analysis, {
        sentences: q.sentenceVersionOf.get(row.rowid),
        quotes: quoteTable.versionOf(row.rowid),
        places: q.placeVersionOf.get(row.rowid),
      });
    },
    latest: (limit) => q.latest.all(limit).map(toSummary),
    publishedBetween: (from, to, limit) => q.between.all(from.getTime(), to.getTime(), limit).map(toSummary),
    storiesBetween,
    storiesPage,
    count: (reader) => {
      const version = dataVersion();
      if (countCache?.version !== version) countCache = { n: countStories(), version };
      return countCache.n - (hiddenFrom(reader)?.size ?? 0);
    },
    forgetCount: () => {
      countCache = null;
    },
  };
}
