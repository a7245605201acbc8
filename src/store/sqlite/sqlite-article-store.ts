import type {
  AddResult,
  AnalyzedArticle,
  Article,
  ArticleAnalysis,
  ArticleSummary,
  DigestCandidate,
  DigestDetails,
  DigestFeatures,
  PlaceMentionHit,
  PlaceMonthCount,
  QuoteHit,
  QuoteQuery,
  SearchHit,
  StoryForFeatures,
  StoryCursor,
  StoryPageQuery,
  StoryWithAnalysis,
  StoredStory,
} from '../article-store.js';
import type { SearchOptions, StoryStore } from '../story-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { PlaceStore, ReplacedPlaces } from '../place-store.js';
import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { Synchronous } from '../synchronous.js';
import { articleId, contentHash } from '../article-identity.js';
import {
  escapeLike,
  monthOf,
  groupPlaceIds,
  sentenceAround,
  toQuote,
  toQuoteHit,
  toSummary,
  unpackSentences,
  withKeptVersions,
  type QuoteRow,
  type SummaryRow,
} from '../stored-rows.js';
import type { Quote, ScoredSentence } from '../../nlp/types.js';
import { isDatelineSpan, type PlaceMention } from '../../geo/types.js';
import { ftsMatch, ftsPrefix, ftsWords } from './fts-query.js';
import { parseSearch, requiredWords, type SearchQuery } from '../search-syntax.js';
import { rankSuggestions } from './rank-suggestions.js';
import {
  createFeatureEncoder,
  decodeShapes,
  decodeTerms,
  digestFeaturesParams,
  type DigestFeaturesParams,
  INSERT_DAY_SHAPE,
  INSERT_DIGEST_FEATURES,
  INSERT_NEW_DIGEST_FEATURES,
  utcDay,
} from './digest-features-table.js';
import type { SqliteDatabase } from './open-database.js';
import { MONTH_OF_PUBLISHED } from './month-of-published.js';
import { createCounterDeltas } from './counter-deltas.js';
import { createTrendCounts } from './trend-counts-table.js';
import { createSqliteHiddenStories } from './hidden-stories.js';
import { hiddenMonths, subtractPerKey, visibleSpeakers, type HiddenStories } from '../hidden-counts.js';
import type { HiddenFrom } from '../hidden-from.js';
import { packSentences, unpackSentenceScores } from './packed-sentences.js';
import { createQuoteTable } from './quote-table.js';
import { NAMED_CANDIDATES, namedBySpeakerQuery, pickSpeakersNamed, speakerAliases } from '../speaker-match.js';
import {
  deeperQuoteRead,
  mergeSpeakerQuotes,
  quoteListDepth,
  toQuoteList,
  withoutRepeats,
  type ListedQuote,
  type QuoteList,
} from '../speaker-quote-list.js';
import { HEADLINE_WINDOW, headlineFirst } from '../headline-first.js';
import { staleSinceMs, staleStoriesSql } from './stale-analysis.js';

interface ArticleRow {
  rowid: number;
  id: string;
  source: string;
  published: string;
  published_zone: string | null;
  editor: string | null;
  dateline_place: string | null;
  headline: string;
  headline_derived: number;
  caption: string | null;
  caption_credit: string | null;
  body: string;
  url: string | null;
  origin: string;
  ingested_at: string;
}

interface PlaceRow {
  name: string;
  start: number;
  end: number;
  geoname_id: number | null;
  country_code: string | null;
  lat: number | null;
  lon: number | null;
}

function toPlaceMention(p: PlaceRow): PlaceMention {
  const m: PlaceMention = {
    name: p.name,
    start: p.start,
    end: p.end,
    geonameId: p.geoname_id,
    countryCode: p.country_code,
    lat: p.lat,
    lon: p.lon,
  };
  // The dateline's mention is kept as its span (issue 14): no column needed.
  return isDatelineSpan(m) ? { ...m, dateline: true } : m;
}

/** `storiesBetween` rows, as arrays: rowid, the Article columns in `rowToArticle` order, packed sentences. */
type WindowRow = [
  rowid: number,
  id: string,
  source: string,
  published: string,
  publishedZone: string | null,
  editor: string | null,
  datelinePlace: string | null,
  headline: string,
  headlineDerived: number,
  caption: string | null,
  captionCredit: string | null,
  body: string,
  url: string | null,
  origin: string,
  ingestedAt: string,
  packed: string | null,
];
/** The Article of a `WindowRow` (the digest's window and export's pages read the same columns). */
function articleOfWindowRow([
  ,
  id,
  source,
  published,
  publishedZone,
  editor,
  datelinePlace,
  headline,
  headlineDerived,
  caption,
  captionCredit,
  body,
  url,
  origin,
  ingestedAt,
]: WindowRow | [...WindowRow, number]): Article {
  return {
    id,
    source,
    published,
    publishedZone,
    editor,
    datelinePlace,
    headline,
    headlineDerived: headlineDerived === 1,
    caption,
    captionCredit,
    body,
    url,
    origin,
    ingestedAt,
  };
}

/** A story without features (stored by older code) has nulls for them: `digestCandidates` repairs it. */
type CandidateRow = [
  id: string,
  headline: string,
  publishedMs: number,
  datelinePlace: string | null,
  bodyWords: number | null,
  terms: Buffer | null,
  shapes: string | null,
  rowid: number,
  source: string,
  placeTerms: number | null,
];
type FeatureSourceRow = [
  rowid: number,
  id: string,
  headline: string,
  body: string,
  published: string,
  packed: string | null,
  datelinePlace: string | null,
];
type WindowPlaceRow = [
  articleRowid: number,
  name: string,
  start: number,
  end: number,
  geonameId: number | null,
  countryCode: string | null,
  lat: number | null,
  lon: number | null,
];

/** A quote's key, its story's date and its repeat key: enough to list candidates before reading them. */
interface ListedRow {
  article_rowid: number;
  start: number;
  published_ms: number;
  quote_key: number;
}

/** Marks around matched words in snippets (control characters no article text keeps), removed before display. */
const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';

/** Newest matches ranked by /search (see the `search` statement): bounds the work of common words. */
export const SEARCH_CANDIDATES = 1000;
/** A word in more than this share of recent stories is too common to rank by (see isTooCommonToRank). */
const COMMON_DENSITY = 0.05;
const DENSITY_SAMPLE = 200;
/** Newest headline matches ranked for autocomplete. */
const SUGGEST_CANDIDATES = 200;
/** Newest stories scanned for a one-letter headline prefix. */
const SUGGEST_SCAN = 2000;
/** Speakers whose name matches a /quote speaker filter, most quoted first, whose quotes are read. */
const MAX_SPEAKERS = 10;
/** Newest stories whose quotes are matched by speaker description too. */
const QUOTE_WINDOW = 500;
/** Speaker names and speakers' quote lists kept between reads while the store is unchanged (keptWhileUnchanged). */
const KEPT_READS = 32;
/** Above this many stories, countPlaceMentions over several ids gives the sum, not COUNT(DISTINCT). */
const EXACT_COUNT_LIMIT = 20_000;

const SUMMARY_COLUMNS = 'a.id, a.headline, a.published, a.source, a.dateline_place, a.url';

/** The article parts of the store as SQLite implements them: synchronous (see `promising`). */
export interface SqliteArticleParts {
  stories: Synchronous<StoryStore>;
  quotes: Synchronous<QuoteStore>;
  places: Synchronous<PlaceStore>;
  digest: Synchronous<DigestFeatureStore>;
}

/**
 * The SQLite implementation of the story, quote, place and digest-feature stores, sharing one
 * connection and its prepared statements. This folder is the only code that speaks SQLite, so the
 * PostgreSQL store can replace it without touching commands or services.
 */
export function createSqliteArticleParts(db: SqliteDatabase): SqliteArticleParts {
  const q = {
    byUrl: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE url = ?'),
    byHash: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE content_hash = ?'),
    // Positional parameters in the hot inserts of addArticles: binding by name looks each one up in the
    // object given (and the object is built first), a third of a quote's or place's insert.
    insert: db.prepare<
      [
        id: string,
        source: string,
        published: string,
        publishedMs: number,
        publishedZone: string | null,
        editor: string | null,
        datelinePlace: string | null,
        headline: string,
        headlineDerived: number,
        caption: string | null,
        captionCredit: string | null,
        body: string,
        url: string | null,
        contentHash: string,
        origin: string,
        ingestedAt: string,
      ]
    >(`
      INSERT INTO articles (id, source, published, published_ms, published_zone, editor, dateline_place, headline,
        headline_derived, caption, caption_credit, body, url, content_hash, origin, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertFts: db.prepare('INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)'),
    insertHeadlineFts: db.prepare('INSERT INTO headlines_fts (rowid, headline) VALUES (?, ?)'),
    insertSentences: db.prepare('INSERT INTO article_sentences (article_rowid, packed) VALUES (?, ?)'),
    insertPlace: db.prepare<
      [
        rowid: number,
        start: number,
        end: number,
        name: string,
        geonameId: number | null,
        countryCode: string | null,
        lat: number | null,
        lon: number | null,
      ]
    >(`
      INSERT OR IGNORE INTO places (article_rowid, start, end, name, geoname_id, country_code, lat, lon)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
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
    // The places of a set of stories (rowids as a JSON array), by story and offset.
    placesOfMany: db
      .prepare<[string], WindowPlaceRow>(
        `
        SELECT article_rowid, name, start, end, geoname_id, country_code, lat, lon FROM places
        WHERE article_rowid IN (SELECT value FROM json_each(?)) ORDER BY article_rowid, start`,
      )
      .raw(true),
    // The gazetteer ids a set of stories (ids as a JSON array) mention, by story and offset.
    placeIdsOfStories: db
      .prepare<[string], [id: string, geonameId: number]>(
        `
        SELECT a.id, p.geoname_id FROM articles a JOIN places p ON p.article_rowid = a.rowid
        WHERE a.id IN (SELECT value FROM json_each(?)) AND p.geoname_id IS NOT NULL ORDER BY p.article_rowid, p.start`,
      )
      .raw(true),
    insertDigestFeatures: db.prepare<DigestFeaturesParams>(INSERT_DIGEST_FEATURES),
    insertNewDigestFeatures: db.prepare<DigestFeaturesParams>(INSERT_NEW_DIGEST_FEATURES),
    insertDayShape: db.prepare<[number, string]>(INSERT_DAY_SHAPE),
    // A day's shapes as one text, one a line, split in JavaScript: a row each (a string made from each
    // by the driver) cost twice as much for a busy day's ~1,400 (read again after every write). The
    // contract promises no order (group_concat keeps none), and the digest only counts them.
    dayShapes: db.prepare<[number], string | null>('SELECT group_concat(shape, char(10)) FROM digest_day_shapes WHERE day = ?').pluck(true),
    storiesBetweenCount: db
      .prepare<[number, number], number>('SELECT COUNT(*) FROM articles WHERE published_ms >= ? AND published_ms < ?')
      .pluck(true),
    // A digest's window without bodies: a range of the covering articles_digest_window index (migration
    // 18), each row's features by rowid.
    digestCandidates: db
      .prepare<[number, number, number], CandidateRow>(
        `
        SELECT a.id, a.headline, a.published_ms, a.dateline_place, f.body_words, f.terms, f.shapes, a.rowid, a.source, f.place_terms
        FROM articles a LEFT JOIN digest_features f ON f.article_rowid = a.rowid
        WHERE a.published_ms >= ? AND a.published_ms < ? ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
      )
      .raw(true),
    termStories: db.prepare<[], [id: number, stories: number]>('SELECT id, stories FROM digest_terms').raw(true),
    maxTermId: db.prepare<[], number>('SELECT COALESCE(MAX(id), 0) FROM digest_terms').pluck(true),
    digestSummaries: db
      .prepare<[string], [rowid: number, id: string, published: string, source: string, summary: string, url: string | null]>(
        `
        SELECT a.rowid, a.id, a.published, a.source, f.summary, a.url FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid
        WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .raw(true),
    headlineShapes: db
      .prepare<[number, number, number], [publishedMs: number, shapes: string]>(
        `
        SELECT a.published_ms, f.shapes FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid
        WHERE a.published_ms >= ? AND a.published_ms < ? ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
      )
      .raw(true),
    // Ranked search over a bounded candidate set: the newest SEARCH_CANDIDATES matches (rowid order is
    // ingest order, i.e. roughly publication order), ranked by bm25 among themselves. Plain
    // `ORDER BY bm25() LIMIT n` ranks every match, so a common word ("said", "oil") costs time in
    // proportion to the store; this costs at most SEARCH_CANDIDATES rows, and a rare word (fewer
    // matches than that) still gets exact bm25 over all of its matches. MATERIALIZED keeps the
    // inner LIMIT from being flattened away.
    search: db.prepare<[string, number, number], { r: number; rank: number }>(`
      WITH m AS MATERIALIZED (
        SELECT rowid AS r, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts
        WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
      SELECT r, rank FROM m ORDER BY rank, r DESC LIMIT ?`),
    // Snippets for the hits shown only (snippet() in the ranked query would run once per match), body and
    // headline, matched words marked, keyed by the rowid FTS5 itself reports. The rowids go in as a JSON
    // array: `MATCH ? AND rowid = ?` with a JS number bound (better-sqlite3 binds it as REAL) made FTS5
    // return the first match's row for every hit, so five hits showed one story's snippet (issue 14).
    snippets: db.prepare<[string, string], { r: number; body: string; headline: string }>(`
      SELECT rowid AS r, snippet(articles_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS body,
        snippet(articles_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS headline
      FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`),
    // Newest matches in rowid order, unranked (for queries with a word too common to rank by).
    newestMatches: db.prepare<[string, number], { r: number }>(
      'SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    ),
    // The same among the stories after a rowid (cast: FTS5 ignores a bound that is not an INTEGER, and a JS number binds as REAL).
    newestMatchesAfter: db.prepare<[string, number, number], { r: number }>(
      'SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid > CAST(? AS INTEGER) ORDER BY rowid DESC LIMIT ?',
    ),
    // The rowid of a word's Nth newest match: how densely it occurs in recent stories.
    nthNewestMatch: db.prepare<[string, number], { r: number }>(
      'SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
    ),
    maxRowid: db.prepare<[], { r: number | null }>('SELECT MAX(rowid) AS r FROM articles'),
    summaryByRowid: db.prepare<[number], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.rowid = ?`),
    // Headlines: the newest SUGGEST_CANDIDATES matches of the prefix query, newest first (ranked by rankSuggestions;
    // only the shown ones are read from articles).
    suggest: db.prepare<[string, number], { r: number; headline: string }>(
      'SELECT rowid AS r, headline FROM headlines_fts WHERE headlines_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    ),
    // One typed letter has no prefix index (prefix='2 3 4'): headlines starting with it, newest first,
    // looked for among the newest SUGGEST_SCAN stories only.
    suggestLetter: db.prepare<[number, string, number], SummaryRow>(`
      WITH n AS MATERIALIZED (SELECT rowid AS r FROM articles ORDER BY published_ms DESC, rowid DESC LIMIT ?)
      SELECT ${SUMMARY_COLUMNS} FROM n CROSS JOIN articles a ON a.rowid = n.r WHERE a.headline LIKE ? ESCAPE '\\' ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`),
    dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
    countPlaceStory: db.prepare<[number, number]>(
      'INSERT INTO place_story_counts (geoname_id, stories) VALUES (?, ?) ON CONFLICT (geoname_id) DO UPDATE SET stories = stories + excluded.stories',
    ),
    countPlaceMonth: db.prepare<[number, number, number]>(
      'INSERT INTO place_month_counts (geoname_id, month, stories) VALUES (?, ?, ?) ON CONFLICT (geoname_id, month) DO UPDATE SET stories = stories + excluded.stories',
    ),
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
    matchingSpeakers: db.prepare<[string, number], { speaker: string; quotes: number }>(
      `SELECT speaker, quotes FROM quote_speakers WHERE speaker LIKE ? ESCAPE '\\' ORDER BY quotes DESC, speaker LIMIT ?`,
    ),
    // Stored speakers with one of these names, any case (quote_speakers.speaker is COLLATE NOCASE).
    speakersCalled: db.prepare<[string], { speaker: string; quotes: number }>(
      'SELECT speaker, quotes FROM quote_speakers WHERE speaker IN (SELECT value FROM json_each(?))',
    ),
    // Newest quotes of one speaker, before a quote: walks quotes_by_speaker_dated backwards, from the index alone
    // (migration 21): each quote's story date and repeat key order the candidates and drop repeats before any
    // row is read whole.
    quotesOfSpeaker: db.prepare<[string, number, number, number], ListedRow>(`
      SELECT article_rowid, start, published_ms, quote_key FROM quotes
      WHERE speaker = ? COLLATE NOCASE AND (article_rowid, start) < (?, ?) ORDER BY article_rowid DESC, start DESC LIMIT ?`),
    // Speaker matches among the quotes of the newest QUOTE_WINDOW stories (speakers beyond the most quoted MAX_SPEAKERS).
    // MATERIALIZED + CROSS JOIN: with a bound LIKE pattern the planner would otherwise scan every quote.
    quotesInWindow: db.prepare<[number, string, number], ListedRow & { speaker: string }>(`
      WITH n AS MATERIALIZED (SELECT rowid AS r, published_ms AS ms FROM articles ORDER BY published_ms DESC, rowid DESC LIMIT ?)
      SELECT q.article_rowid, q.start, n.ms AS published_ms, q.quote_key, q.speaker FROM n CROSS JOIN quotes q ON q.article_rowid = n.r
      WHERE q.speaker LIKE ? ESCAPE '\\' ORDER BY n.ms DESC, n.r DESC, q.start LIMIT ?`),
    quoteRow: db.prepare<[number, number], QuoteRow & { published_ms: number; a_rowid: number }>(
      `SELECT ${SUMMARY_COLUMNS}, a.published_ms, a.rowid AS a_rowid, q.* FROM quotes q JOIN articles a ON a.rowid = q.article_rowid WHERE q.article_rowid = ? AND q.start = ?`,
    ),
    // Newest stories first, their quotes in text order: walks articles_by_published and stops at the LIMIT.
    latestQuotes: db.prepare<[number, number], QuoteRow>(`
      SELECT ${SUMMARY_COLUMNS}, q.* FROM articles a INDEXED BY articles_by_published JOIN quotes q ON q.article_rowid = a.rowid
      ORDER BY a.published_ms DESC, a.rowid DESC, q.start LIMIT ? OFFSET ?`),
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
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles'),
    identities: db
      .prepare<[string], [id: string, url: string | null, hash: string]>(
        'SELECT id, url, content_hash FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    rowidOf: db.prepare<[string], { rowid: number; published: string; published_ms: number }>(
      'SELECT rowid, published, published_ms FROM articles WHERE id = ?',
    ),
    featureSources: db
      .prepare<[string], FeatureSourceRow>(
        `
        SELECT a.rowid, a.id, a.headline, a.body, a.published, s.packed, a.dateline_place FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
        WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .raw(true),
    featureless: db
      .prepare<[number, number], FeatureSourceRow>(
        `
        SELECT a.rowid, a.id, a.headline, a.body, a.published, s.packed, a.dateline_place FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
        WHERE a.rowid > ? AND NOT EXISTS (SELECT 1 FROM digest_features f WHERE f.article_rowid = a.rowid) ORDER BY a.rowid LIMIT ?`,
      )
      .raw(true),
    // The sentence splitter's version of each story (`dateline reanalyze`), as the places' below.
    markSentenceVersion: db.prepare<[number, number]>(
      'INSERT INTO sentence_analysis (article_rowid, version) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET version = excluded.version',
    ),
    sentenceVersionOf: db.prepare<[number], number>('SELECT version FROM sentence_analysis WHERE article_rowid = ?').pluck(true),
    sentenceVersionsOf: db
      .prepare<[string], [number, number]>(
        'SELECT article_rowid, version FROM sentence_analysis WHERE article_rowid IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    staleSentences: db.prepare<[number, number, number], { id: string; body: string }>(
      `SELECT a.id, a.body ${staleStoriesSql('sentence_analysis')} ORDER BY a.rowid LIMIT ?`,
    ),
    countStaleSentences: db.prepare<[number, number], number>(`SELECT COUNT(*) ${staleStoriesSql('sentence_analysis')}`).pluck(true),
    replaceSentences: db.prepare<[number, string]>(
      'INSERT INTO article_sentences (article_rowid, packed) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET packed = excluded.packed',
    ),
    forgetPlaceVersion: db.prepare<[number]>('DELETE FROM place_analysis WHERE article_rowid = ?'),
    // The place recognizer's version of each story (`dateline reanalyze`), and what replacing a story's places reads.
    markPlaceVersion: db.prepare<[number, number]>(
      'INSERT INTO place_analysis (article_rowid, version) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET version = excluded.version',
    ),
    placeVersionOf: db.prepare<[number], number>('SELECT version FROM place_analysis WHERE article_rowid = ?').pluck(true),
    placeVersionsOf: db
      .prepare<[string], [number, number]>(
        'SELECT article_rowid, version FROM place_analysis WHERE article_rowid IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    stalePlaces: db
      .prepare<[number, number, number], string>(`SELECT a.id ${staleStoriesSql('place_analysis')} ORDER BY a.rowid LIMIT ?`)
      .pluck(true),
    countStalePlaces: db.prepare<[number, number], number>(`SELECT COUNT(*) ${staleStoriesSql('place_analysis')}`).pluck(true),
    placeIdsOf: db
      .prepare<[number], number>('SELECT DISTINCT geoname_id FROM places WHERE article_rowid = ? AND geoname_id IS NOT NULL')
      .pluck(true),
    deletePlaces: db.prepare<[number]>('DELETE FROM places WHERE article_rowid = ?'),
    featureTermsOf: db.prepare<[number], Buffer>('SELECT terms FROM digest_features WHERE article_rowid = ?').pluck(true),
    dropEmptyPlaceStory: db.prepare<[number]>('DELETE FROM place_story_counts WHERE geoname_id = ? AND stories <= 0'),
    dropEmptyPlaceMonth: db.prepare<[number, number]>('DELETE FROM place_month_counts WHERE geoname_id = ? AND month = ? AND stories <= 0'),
    backfillOwed: db.prepare<[], number>("SELECT COUNT(*) FROM store_flags WHERE name = 'digest-features-backfill'").pluck(true),
    finishBackfill: db.prepare("DELETE FROM store_flags WHERE name = 'digest-features-backfill'"),
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
    speakers: db.prepare<[string, number], { speaker: string }>(`
      SELECT speaker FROM quotes WHERE speaker <> 'unknown' AND speaker LIKE ? ESCAPE '\\'
      GROUP BY speaker COLLATE NOCASE ORDER BY COUNT(*) DESC, speaker LIMIT ?`),
  };

  let placeCountsCache: { map: Map<number, number>; version: number } | null = null;
  // COUNT(*) walks a whole index (tens of ms at 1M stories) and /search and /latest show the count on
  // every call: cache it until this connection writes or `PRAGMA data_version` says another did.
  let countCache: { n: number; version: number } | null = null;
  const dataVersion = (): number => q.dataVersion.get()?.data_version ?? 0;
  // `PRAGMA data_version` does not change for this connection's own writes: count those here.
  let ownWrites = 0;

  const featureEncoder = createFeatureEncoder(db);
  const quoteTable = createQuoteTable(db);
  const hiddenStories = createSqliteHiddenStories(db);
  const trendCounts = createTrendCounts(db, hiddenStories);
  // found once per reader (a command's view, hidden-from.ts), however many counts it reads
  const hiddenOf = new WeakMap<HiddenFrom, HiddenStories>();
  /** The stories hidden from the reader (none without one): what a server's counts leave out. */
  const hiddenFrom = (reader: HiddenFrom | undefined): HiddenStories | undefined => {
    if (reader === undefined) return undefined;
    let hidden = hiddenOf.get(reader);
    if (!hidden) hiddenOf.set(reader, (hidden = hiddenStories.of(reader.guildId)));
    return hidden;
  };
  /**
   * A read kept by key while the store is unchanged (its data version and this connection's own writes),
   * for the `size` keys most recently read: what /quote speaker: reads two to four times per page.
   */
  function keptWhileUnchanged<T>(size: number): (key: string, read: () => T) => T {
    const kept = new Map<string, { version: number; value: T }>();
    return (key, read) => {
      const version = dataVersionWithOwn();
      const found = kept.get(key);
      const value = found?.version === version ? found.value : read();
      // re-inserted: the least recently read key goes first
      kept.delete(key);
      kept.set(key, { version, value });
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return value;
    };
  }
  const keptNames = keptWhileUnchanged<readonly string[]>(KEPT_READS);
  // (at most 12 bytes a quote: 32 lists of a 10-name speaker read 6,400 deep are ~25 MB)
  const keptQuoteLists = keptWhileUnchanged<QuoteList>(KEPT_READS);
  // Counters bumped story after story within one transaction, written once per key at its end
  // (counter-deltas.ts): a chunk's stories share most terms, places, months and speakers.
  const placeStories = createCounterDeltas<[number]>();
  const placeMonths = createCounterDeltas<[number, number]>();
  // (day, shape) pairs this transaction already wrote: INSERT OR IGNORE would ignore them again
  let dayShapesWritten = new Set<string>();

  /** Start a write transaction's counters afresh (what a rolled-back one gathered is dropped). */
  function beginCounts(): void {
    featureEncoder.dropCounts();
    quoteTable.dropCounts();
    trendCounts.drop();
    placeStories.clear();
    placeMonths.clear();
    dayShapesWritten = new Set();
  }

  /** Write the counters gathered by this transaction (its last statements). */
  function flushCounts(): void {
    featureEncoder.flushCounts();
    quoteTable.flushCounts();
    trendCounts.flush();
    placeStories.flush(([geonameId], n) => q.countPlaceStory.run(geonameId, n));
    placeMonths.flush(([geonameId, month], n) => q.countPlaceMonth.run(geonameId, month, n));
    dayShapesWritten = new Set();
  }

  function saveFeatures(rowid: number, publishedMs: number, features: DigestFeatures, isNew = false): void {
    (isNew ? q.insertNewDigestFeatures : q.insertDigestFeatures).run(...digestFeaturesParams(rowid, featureEncoder.encode(features)));
    const day = utcDay(publishedMs);
    for (const shape of features.shapes) {
      const key = `${day} ${shape}`;
      if (dayShapesWritten.has(key)) continue;
      dayShapesWritten.add(key);
      q.insertDayShape.run(day, shape);
    }
  }

  /** A story's places (inside the caller's transaction); returns the distinct gazetteer ids it mentions. */
  function insertPlaces(rowid: number, places: readonly PlaceMention[], version: number | undefined): Set<number> {
    const placeIds = new Set<number>();
    for (const place of places) {
      const inserted = q.insertPlace.run(
        rowid,
        place.start,
        place.end,
        place.name,
        place.geonameId,
        place.countryCode,
        place.lat,
        place.lon,
      );
      if (inserted.changes > 0 && place.geonameId !== null) placeIds.add(place.geonameId);
    }
    if (version !== undefined) q.markPlaceVersion.run(rowid, version);
    return placeIds;
  }

  /** One story more (`by` 1) or less (-1) for each place in the per-place and per-month counts. */
  function countPlaces(placeIds: Iterable<number>, month: number, by: 1 | -1): void {
    for (const geonameId of placeIds) {
      placeStories.add(geonameId, [geonameId], by);
      placeMonths.add(`${geonameId} ${month}`, [geonameId, month], by);
    }
  }

  /**
   * Stored stories' places found again (`dateline reanalyze`): each story's old places are uncounted
   * and deleted, the new ones inserted and counted, and its digest features (made from its places)
   * replaced, its terms' story counts moving with them; counts no story holds any more are deleted.
   */
  const replacePlaces = db.transaction((items: readonly ReplacedPlaces[], version: number): number => {
    beginCounts();
    const emptied: { geonameId: number; month: number; day: number }[] = [];
    let done = 0;
    for (const { id, places, digest } of items) {
      const row = q.rowidOf.get(id);
      if (!row) continue; // deleted meanwhile
      const month = monthOf(row.published);
      const day = utcDay(row.published_ms);
      const before = q.placeIdsOf.all(row.rowid);
      countPlaces(before, month, -1);
      trendCounts.addStory(day, before, [], -1);
      for (const geonameId of before) emptied.push({ geonameId, month, day });
      q.deletePlaces.run(row.rowid);
      const after = insertPlaces(row.rowid, places, version);
      countPlaces(after, month, 1);
      trendCounts.addStory(day, after, []);
      const oldTerms = q.featureTermsOf.get(row.rowid);
      if (oldTerms) featureEncoder.uncount(oldTerms);
      saveFeatures(row.rowid, row.published_ms, digest);
      done++;
    }
    flushCounts();
    for (const { geonameId, month } of emptied) {
      q.dropEmptyPlaceStory.run(geonameId);
      q.dropEmptyPlaceMonth.run(geonameId, month);
    }
    trendCounts.dropEmptyPlaceDays(emptied.map((e) => [e.geonameId, e.day] as const));
    if (done > 0) {
      ownWrites++;
      placeCountsCache = null;
    }
    return done;
  });

  /** Stored stories' sentences split again (`dateline reanalyze`), their places marked stale (they were read from the old ones). */
  const replaceSentences = db.transaction(
    (items: readonly { id: string; sentences: readonly ScoredSentence[] }[], version: number): number => {
      let done = 0;
      for (const { id, sentences } of items) {
        const row = q.rowidOf.get(id);
        if (!row) continue; // deleted meanwhile
        q.replaceSentences.run(row.rowid, packSentences(sentences));
        q.markSentenceVersion.run(row.rowid, version);
        q.forgetPlaceVersion.run(row.rowid);
        done++;
      }
      if (done > 0) ownWrites++;
      return done;
    },
  );

  const addArticles = db.transaction((items: readonly AnalyzedArticle[]): AddResult => {
    beginCounts();
    const result: AddResult = { added: [], duplicates: [] };
    const ingestedAt = new Date().toISOString();
    for (const { article, analysis, ingestedAt: kept } of items) {
      const hash = contentHash(article.body);
      const existing = (article.url ? q.byUrl.get(article.url) : undefined) ?? q.byHash.get(hash);
      if (existing) {
        result.duplicates.push(existing.id);
        continue;
      }
      const id = articleId(article.url, hash);
      const publishedMs = Date.parse(article.published);
      const info = q.insert.run(
        id,
        article.source,
        article.published,
        publishedMs,
        article.publishedZone,
        article.editor,
        article.datelinePlace,
        article.headline,
        article.headlineDerived ? 1 : 0,
        article.caption,
        article.captionCredit,
        article.body,
        article.url,
        hash,
        article.origin,
        kept ?? ingestedAt,
      );
      const rowid = Number(info.lastInsertRowid);
      q.insertFts.run(rowid, article.headline, article.body);
      q.insertHeadlineFts.run(rowid, article.headline);
      q.insertSentences.run(rowid, packSentences(analysis.sentences));
      if (analysis.sentencesVersion !== undefined) q.markSentenceVersion.run(rowid, analysis.sentencesVersion);
      // Features are digest/'s to compute; a story given without them gets them when a digest reads it.
      if (analysis.digest) saveFeatures(rowid, publishedMs, analysis.digest, true);
      const storySpeakers = quoteTable.insert(rowid, publishedMs, analysis.quotes, analysis.quotesVersion);
      const placeIds = insertPlaces(rowid, analysis.places, analysis.placesVersion);
      countPlaces(placeIds, monthOf(article.published), 1);
      trendCounts.addStory(utcDay(publishedMs), placeIds, storySpeakers);
      result.added.push(id);
    }
    flushCounts();
    if (result.added.length > 0) {
      ownWrites++;
      placeCountsCache = null;
      countCache = null;
    }
    return result;
  });

  function rowToArticle(row: ArticleRow): Article {
    return {
      id: row.id,
      source: row.source,
      published: row.published,
      publishedZone: row.published_zone,
      editor: row.editor,
      datelinePlace: row.dateline_place,
      headline: row.headline,
      headlineDerived: row.headline_derived === 1,
      caption: row.caption,
      captionCredit: row.caption_credit,
      body: row.body,
      url: row.url,
      origin: row.origin,
      ingestedAt: row.ingested_at,
    };
  }

  /**
   * Whether a word is in more than COMMON_DENSITY of the recent stories, judged from the rowid of its
   * DENSITY_SAMPLE-th newest match (a bounded walk). bm25 has to count every story holding each
   * query word (its idf), so a word in most stories costs time in proportion to the store, while
   * adding next to nothing to the ranking (bm25 gives such words an idf near zero).
   */
  function isTooCommonToRank(word: string, newestRowid: number): boolean {
    const nth = q.nthNewestMatch.get(`"${word}"`, DENSITY_SAMPLE - 1);
    return nth !== undefined && DENSITY_SAMPLE / (newestRowid - nth.r + 1) > COMMON_DENSITY;
  }

  function rankedRowids(query: SearchQuery, any: boolean, limit: number): { r: number; rank: number }[] {
    const newest = q.maxRowid.get()?.r ?? 0;
    const match = ftsMatch(query, any);
    // A query holding a very common word: its newest matches, newest first (bounded, flat in store size),
    // those with every word in the headline first ("oil prices": OIL PRICES FALL before a story on a
    // currency that mentions them once).
    if (requiredWords(query).some((w) => isTooCommonToRank(w, newest))) {
      const inHeadline = q.newestMatchesAfter
        .all(ftsMatch(query, any, 'headline'), Math.max(0, newest - HEADLINE_WINDOW), limit)
        .map(({ r }) => r);
      const rest = inHeadline.length < limit ? q.newestMatches.all(match, limit).map(({ r }) => r) : [];
      return headlineFirst(inHeadline, rest, limit).map((r) => ({ r, rank: 0 }));
    }
    return q.search.all(match, SEARCH_CANDIDATES, limit);
  }

  function search(text: string, limit: number, options: SearchOptions = {}): SearchHit[] {
    const query = parseSearch(text);
    if (query.terms.length === 0) return [];
    // All terms first; when that finds nothing, any term, so a typo in one word still finds something.
    let any = false;
    let rows = rankedRowids(query, any, limit);
    if (rows.length === 0 && query.terms.length > 1) rows = rankedRowids(query, (any = true), limit);
    const match = ftsMatch(query, any);
    const snippets = new Map<number, string>();
    const snipped = rows.slice(0, options.snippets ?? rows.length);
    if (snipped.length > 0) {
      for (const s of q.snippets.all(match, JSON.stringify(snipped.map((row) => row.r))))
        snippets.set(s.r, chooseSnippet(s.body, s.headline));
    }
    const hits: SearchHit[] = [];
    for (const { r, rank } of rows) {
      const row = q.summaryByRowid.get(r);
      if (!row) continue;
      hits.push({ ...toSummary(row), snippet: snippets.get(r) ?? '', rank });
    }
    return hits;
  }

  function suggestHeadlines(prefix: string, limit: number): ArticleSummary[] {
    const words = ftsWords(prefix);
    if (words.length === 0) return q.latest.all(limit).map(toSummary);
    // One-letter words ("u.s. t") have no prefix index (prefix='2 3 4') and match half the store:
    // leave them out, and when nothing else is left, match the typed start among the newest headlines.
    const usable = words.filter((w) => w.length > 1);
    if (usable.length === 0) return q.suggestLetter.all(SUGGEST_SCAN, `${escapeLike(prefix.trimStart())}%`, limit).map(toSummary);
    return rankSuggestions(usable.join(' '), q.suggest.all(ftsPrefix(usable), SUGGEST_CANDIDATES), limit)
      .map(({ r }) => q.summaryByRowid.get(r))
      .filter((row): row is SummaryRow => row !== undefined)
      .map(toSummary);
  }

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

  function placesByRowid(rowids: readonly number[]): Map<number, PlaceMention[]> {
    const places = new Map<number, PlaceMention[]>();
    if (rowids.length === 0) return places;
    for (const [rowid, name, start, end, geonameId, countryCode, lat, lon] of q.placesOfMany.all(JSON.stringify(rowids))) {
      let list = places.get(rowid);
      if (!list) places.set(rowid, (list = []));
      const m: PlaceMention = { name, start, end, geonameId, countryCode, lat, lon };
      list.push(isDatelineSpan(m) ? { ...m, dateline: true } : m);
    }
    return places;
  }

  function digestCandidates(from: Date, to: Date, limit: number): DigestCandidate[] {
    const rows = q.digestCandidates.all(from.getTime(), to.getTime(), limit);
    // Every row's terms decoded into one pair of arrays (views of it per row): a busy day's ~1,000
    // rows would otherwise allocate two array buffers each.
    const terms = decodeTerms(rows.map((r) => r[5] ?? Buffer.alloc(0)));
    return rows.map(([id, headline, publishedMs, datelinePlace, bodyWords, , shapes, , source, placeTerms], i) => ({
      id,
      headline,
      publishedMs,
      datelinePlace,
      source,
      bodyWords: bodyWords ?? 0,
      terms: { ids: terms[i]!.ids, counts: terms[i]!.counts, names: terms[i]!.names, places: placeTerms ?? 0 },
      shapes: decodeShapes(shapes ?? ''),
      hasFeatures: bodyWords !== null,
    }));
  }

  function digestTermStories(): { stories: number; counts: Int32Array } {
    const counts = new Int32Array(q.maxTermId.get()! + 1);
    for (const [id, stories] of q.termStories.iterate()) counts[id] = stories;
    return { stories: q.count.get()?.n ?? 0, counts };
  }

  /** Rows of `articles` with sentences and places, as digest/ works features out from them. */
  function toStoriesForFeatures(rows: readonly FeatureSourceRow[]): StoryForFeatures[] {
    const places = placesByRowid(rows.map((r) => r[0]));
    return rows.map(([rowid, id, headline, body, published, packed, datelinePlace]) => ({
      id,
      headline,
      body,
      published,
      datelinePlace,
      sentences: unpackSentenceScores(packed ?? '[]'),
      places: places.get(rowid) ?? [],
    }));
  }

  const saveDigestFeatures = db.transaction((items: readonly { id: string; features: DigestFeatures }[]) => {
    beginCounts();
    for (const { id, features } of items) {
      const row = q.rowidOf.get(id);
      if (row) saveFeatures(row.rowid, row.published_ms, features);
    }
    flushCounts();
    if (items.length > 0) ownWrites++;
  });

  function digestDetails(ids: readonly string[]): Map<string, DigestDetails> {
    const details = new Map<string, DigestDetails>();
    if (ids.length === 0) return details;
    const rows = q.digestSummaries.all(JSON.stringify(ids));
    const places = placesByRowid(rows.map((r) => r[0]));
    for (const [rowid, id, published, source, summary, url] of rows)
      details.set(id, { published, source, url, summary, places: places.get(rowid) ?? [] });
    return details;
  }

  function findQuotes(query: QuoteQuery): QuoteHit[] {
    const offset = query.offset ?? 0;
    const speaker = query.speaker?.trim();
    if (query.about) return findQuotesAbout(query.about, speaker, query.limit, offset, query.hiddenFrom);
    if (!speaker) return q.latestQuotes.all(query.limit, offset).map(toQuoteHit);

    // The speakers the query names ("Treasury Secretary James Baker" -> "James Baker", "Baker"; descriptions
    // never match), whose merged list speakerQuoteList reads.
    const names = speakersNamed(speaker, MAX_SPEAKERS, query.hiddenFrom);
    // For a reader who sees every story, a quote filed again is listed once (mergeSpeakerQuotes; quote_key).
    const dropRepeats = seesEveryStory(query.hiddenFrom);
    const needed = offset + query.limit;
    // Read as deep as a page needs (quoteListDepth), so every page up to it orders one candidate list, kept while
    // the store is unchanged: a speaker's pages one after another (and visiblePage's reads of one page) read it
    // once. Only the rows of the page asked for are read whole.
    const depth = quoteListDepth(needed);
    const list = keptQuoteLists(`${dropRepeats ? 'distinct' : 'all'}\u0000${speaker}\u0000${names.join('\u0001')}\u0000${depth}`, () =>
      speakerQuoteList(speaker, names, dropRepeats, depth),
    );
    return quotesAt(list, offset, query.limit);
  }

  /** The quotes of a list from `offset`, at most `limit`, each read whole. */
  function quotesAt(list: QuoteList, offset: number, limit: number): QuoteHit[] {
    const hits: QuoteHit[] = [];
    for (let i = offset; i < Math.min(offset + limit, list.stories.length); i++) {
      const row = q.quoteRow.get(list.stories[i]!, list.starts[i]!);
      if (row) hits.push(toQuoteHit(row));
    }
    return hits;
  }

  /** Whether the reader sees every story (no reader, or none hidden from it): its lists may leave repeats out. */
  function seesEveryStory(reader: HiddenFrom | undefined): boolean {
    const hidden = hiddenFrom(reader);
    return hidden === undefined || hidden.size === 0;
  }

  /**
   * A speaker's quotes newest first, at least `depth` of them when the store has them (speaker-quote-list.ts):
   * the newest of each name and name matches among the newest QUOTE_WINDOW stories (a LIKE '%…%' over every
   * quote grows with the store), merged by date; for a reader who sees every story, exact repeats left out.
   */
  function speakerQuoteList(speaker: string, names: readonly string[], dropRepeats: boolean, depth: number): QuoteList {
    const like = `%${escapeLike(speaker)}%`;
    const listed = (k: ListedRow): ListedQuote => ({
      story: k.article_rowid,
      start: k.start,
      publishedMs: k.published_ms,
      repeatKey: k.quote_key,
    });
    // Each name's read goes on from where the last ended, and a name that gave fewer than asked has no more:
    // a read deeper reads only what it adds (on a wire store, ten names to 1,600 and then to 6,400).
    const read = names.map(() => ({ quotes: [] as (ListedQuote & { name: number })[], done: false }));
    const readNames = (want: number): (ListedQuote & { name: number })[] =>
      read.flatMap((r, i) => {
        if (!r.done && r.quotes.length < want) {
          const last = r.quotes.at(-1);
          const asked = want - r.quotes.length;
          const more = q.quotesOfSpeaker.all(names[i]!, last?.story ?? Number.MAX_SAFE_INTEGER, last?.start ?? 0, asked);
          for (const k of more) r.quotes.push({ ...listed(k), name: i });
          r.done = more.length < asked;
        }
        return r.quotes.slice(0, want);
      });
    const readWindow = (want: number): (ListedQuote & { speaker: string })[] =>
      q.quotesInWindow.all(QUOTE_WINDOW, like, want).map((k) => ({ ...listed(k), speaker: k.speaker }));
    let want = depth;
    let byName = readNames(want);
    let inWindow = readWindow(want);
    for (;;) {
      const merged = mergeSpeakerQuotes(byName, inWindow, speaker, dropRepeats);
      const next = deeperQuoteRead(byName, inWindow.length, merged, depth, want);
      if (!next) return toQuoteList(merged.listed);
      byName = readNames(next.deeper);
      if (next.rereadWindow) inWindow = readWindow(next.deeper);
      want = next.deeper;
    }
  }

  function speakersNamed(query: string, limit: number, reader?: HiddenFrom): string[] {
    const hidden = hiddenFrom(reader);
    // Quotes of hidden stories do not count: read one more candidate per speaker they quote, so the first
    // NAMED_CANDIDATES by the quotes left are among those read (hidden-counts.ts: visibleSpeakers).
    const quotes = hidden && hidden.size > 0 ? hiddenStories.speakerQuotes(hidden) : new Map<string, number>();
    const read = (): string[] => {
      const holding = q.matchingSpeakers.all(`%${escapeLike(query.trim())}%`, NAMED_CANDIDATES + quotes.size);
      const aliased = q.speakersCalled.all(JSON.stringify(speakerAliases(query).slice(1)));
      if (quotes.size === 0) return pickSpeakersNamed(query, holding, aliased, limit);
      return pickSpeakersNamed(query, visibleSpeakers(holding, quotes).slice(0, NAMED_CANDIDATES), visibleSpeakers(aliased, quotes), limit);
    };
    // For every reader who may see every story, the names are kept while the store is unchanged: a /quote
    // speaker: page asks two to four times (each read of visiblePage, its sparkline), and the LIKE walks every
    // stored name ('%Sumita%': 1.8 ms over 21,000 names at 100k).
    return quotes.size === 0 ? [...keptNames(`${limit}\u0000${query}`, read)] : read();
  }

  function suggestSpeakers(prefix: string, limit: number, reader?: HiddenFrom): string[] {
    const hidden = hiddenFrom(reader);
    const quotes = hidden && hidden.size > 0 ? hiddenStories.speakerQuotes(hidden) : new Map<string, number>();
    const rows = q.matchingSpeakers.all(`%${escapeLike(prefix.trim())}%`, limit + quotes.size);
    return (quotes.size === 0 ? rows : visibleSpeakers(rows, quotes)).slice(0, limit).map((r) => r.speaker);
  }

  function findQuotesAbout(about: string, speaker: string | undefined, limit: number, offset: number, reader?: HiddenFrom): QuoteHit[] {
    const query = parseSearch(about);
    if (query.terms.length === 0) return [];
    // As a speaker's list: for a reader who sees every story, a quote that repeats an earlier one of the list
    // (quote_key, and the same speaker as written) is left out; the list is kept while the store is unchanged
    // (visiblePage reads a deep page in two or three steps), and only the page's rows are read whole.
    const dropRepeats = seesEveryStory(reader);
    const list = keptQuoteLists(`about\u0000${dropRepeats ? 'distinct' : 'all'}\u0000${ftsMatch(query)}\u0000${speaker ?? ''}`, () =>
      aboutQuoteList(query, speaker, dropRepeats),
    );
    return quotesAt(list, offset, limit);
  }

  /** The quotes of the 200 stories that best match the topic, best story first, a story's in text order (by speaker when asked). */
  function aboutQuoteList(query: SearchQuery, speaker: string | undefined, dropRepeats: boolean): QuoteList {
    const words = requiredWords(query);
    const params: (string | number)[] = [ftsMatch(query), SEARCH_CANDIDATES];
    let where = '';
    if (speaker) {
      const aliases = speakerAliases(speaker).slice(1);
      where = `WHERE (q.speaker LIKE ? ESCAPE '\\'${aliases.map(() => ' OR q.speaker = ? COLLATE NOCASE').join('')})`;
      params.push(`%${escapeLike(speaker)}%`, ...aliases);
    }
    // Quotes of the 200 stories that best match the topic (bm25 among the newest matches), best story first.
    // As in search(): with a very common word, the newest matching stories instead of bm25's full idf pass.
    const newest = q.maxRowid.get()?.r ?? 0;
    const score = words.some((w) => isTooCommonToRank(w, newest)) ? '-rowid' : 'bm25(articles_fts, 4.0, 1.0)';
    const sql = `WITH c AS MATERIALIZED (
        SELECT rowid AS r, ${score} AS rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?),
      m AS MATERIALIZED (SELECT r, rank FROM c ORDER BY rank LIMIT 200)
      SELECT q.article_rowid, q.start, q.quote_key, q.speaker FROM m JOIN quotes q ON q.article_rowid = m.r
      ${where} ORDER BY m.rank, q.start`;
    const rows = db
      .prepare<(string | number)[], { article_rowid: number; start: number; quote_key: number; speaker: string }>(sql)
      .all(...params);
    // (with a speaker, the whole-word filter, before the page is cut: positions count the quotes kept, and a
    // page is never short while more follow)
    const named = (speaker ? namedBySpeakerQuery(rows, speaker) : rows).map((k) => ({
      story: k.article_rowid,
      start: k.start,
      repeatKey: `${k.quote_key}\u0000${k.speaker}`,
    }));
    return toQuoteList(dropRepeats ? withoutRepeats(named) : named);
  }

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
    return rows.map((row) => ({
      articleId: row.id,
      headline: row.headline,
      source: row.source,
      published: row.published,
      name: row.m_name,
      start: row.m_start,
      end: row.m_end,
      sentence: sentenceAround(row.body, row.packed, row.m_start),
    }));
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
    return [...months.entries()]
      .filter(([, stories]) => stories > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([month, stories]) => ({
        month: `${String(Math.floor(month / 100)).padStart(4, '0')}-${String(month % 100).padStart(2, '0')}`,
        stories,
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

  const dataVersionWithOwn = (): number => dataVersion() + ownWrites;
  return {
    stories: {
      addArticles: (items) => addArticles.immediate(items),
      getById: (id) => {
        const row = q.getById.get(id.trim().toLowerCase());
        return row ? rowToArticle(row) : null;
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
      staleSentenceStories: (version, since, limit) => q.staleSentences.all(version, staleSinceMs(since), limit),
      countStaleSentenceStories: (version, since) => q.countStaleSentences.get(version, staleSinceMs(since)) ?? 0,
      // IMMEDIATE, as replacePlaces below: a bot writing at the same time waits instead of failing
      replaceSentences: (items, version) => replaceSentences.immediate(items, version),
      search,
      searchDayCounts: (query, range, reader) => trendCounts.searchDays(query, range, hiddenFrom(reader)),
      suggestHeadlines,
      count: (reader) => {
        const version = dataVersion();
        if (countCache?.version !== version) countCache = { n: q.count.get()?.n ?? 0, version };
        return countCache.n - (hiddenFrom(reader)?.size ?? 0);
      },
      dataVersion: dataVersionWithOwn,
    },
    quotes: {
      findQuotes,
      suggestSpeakers,
      speakersNamed,
      staleQuoteStories: (version, since, limit) => quoteTable.stale(version, since ? since.getTime() : null, limit),
      countStaleQuoteStories: (version, since) => quoteTable.countStale(version, since ? since.getTime() : null),
      replaceQuotes: (items, version) => {
        const n = quoteTable.replace(items, version);
        if (n > 0) ownWrites++;
        return n;
      },
      speakerDayCounts: (speakers, range, reader) => trendCounts.speakerDays(speakers, range, hiddenFrom(reader)),
    },
    places: {
      findPlaceMentions,
      placeIdsOf: (ids) => groupPlaceIds(ids.length === 0 ? [] : q.placeIdsOfStories.all(JSON.stringify(ids))),
      countPlaceMentions,
      placeMentionMonths,
      placeDayCounts: (ids, range, reader) => trendCounts.placeDays(ids, range, hiddenFrom(reader)),
      stalePlaceStories: (version, since, limit) => q.stalePlaces.all(version, staleSinceMs(since), limit),
      countStalePlaceStories: (version, since) => q.countStalePlaces.get(version, staleSinceMs(since)) ?? 0,
      // IMMEDIATE: take the write lock up front, so a bot writing at the same time waits (busy_timeout) instead of failing
      replacePlaces: (items, version) => replacePlaces.immediate(items, version),
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
    },
    digest: {
      digestCandidates,
      digestTermStories,
      digestDetails,
      dayHeadlineShapes: (day) => {
        const start = utcDay(day.getTime()) * 86_400_000;
        return {
          stories: q.storiesBetweenCount.get(start, start + 86_400_000) ?? 0,
          shapes: decodeShapes(q.dayShapes.get(utcDay(day.getTime())) ?? ''),
        };
      },
      headlineShapesBetween: (from, to, limit) =>
        q.headlineShapes
          .all(from.getTime(), to.getTime(), limit)
          .map(([publishedMs, shapes]) => ({ publishedMs, shapes: decodeShapes(shapes) })),
      dataVersion: dataVersionWithOwn,
      storiesForFeatures: (ids) => (ids.length === 0 ? [] : toStoriesForFeatures(q.featureSources.all(JSON.stringify(ids)))),
      featurelessStories: (after, limit) => {
        // Nothing owed (every store since version 6): no scan for featureless stories at each start.
        if ((q.backfillOwed.get() ?? 0) === 0) return { stories: [], next: after, owed: false };
        const rows = q.featureless.all(after, limit);
        return { stories: toStoriesForFeatures(rows), next: rows.length > 0 ? rows[rows.length - 1]![0] : after, owed: true };
      },
      finishFeatureBackfill: () => {
        q.finishBackfill.run();
      },
      saveDigestFeatures: (items) => saveDigestFeatures.immediate(items),
    },
  };
}

/**
 * The body's snippet when it holds a matched word, else the headline's (a story matched by its headline
 * alone), marks removed and hard line wraps squeezed: a hit's snippet always shows why it matched.
 */
function chooseSnippet(body: string, headline: string): string {
  const chosen = body.includes(MARK_OPEN) || !headline.includes(MARK_OPEN) ? body : headline;
  return chosen.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '').replace(/\s+/g, ' ').trim();
}
