/**
 * Full-text search on SQLite (FTS5): /search's ranked matches and their snippets, and headline
 * autocomplete. bm25 ranks the newest SEARCH_CANDIDATES matches among themselves; a query holding a
 * word too common to rank by returns its newest matches, headline matches first. Separate because it
 * is the one part with its own planning: /quote about: (sqlite-quote-reads.ts) judges a topic's words
 * by the same rule (isTooCommonToRank).
 */
import type { ArticleSummary, SearchHit } from '../article-store.js';
import type { SearchOptions, StoryStore } from '../story-store.js';
import type { Synchronous } from '../synchronous.js';
import { escapeLike, toSummary, type SummaryRow } from '../stored-rows.js';
import { ftsMatch, ftsPrefix, ftsWords } from './fts-query.js';
import { parseSearch, requiredWords, type SearchQuery } from '../search-syntax.js';
import { rankSuggestions } from './rank-suggestions.js';
import { HEADLINE_WINDOW, headlineFirst } from '../headline-first.js';
import { SUMMARY_COLUMNS } from './sqlite-rows.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';

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

export interface SqliteTextSearch {
  search: Synchronous<StoryStore>['search'];
  suggestHeadlines: Synchronous<StoryStore>['suggestHeadlines'];
  /** Whether a word is too common to rank by among the stories up to `newestRowid` (see the function). */
  isTooCommonToRank: (word: string, newestRowid: number) => boolean;
  /** The newest story's rowid (0 for none). */
  newestRowid: () => number;
}

/** `latest` answers an empty headline prefix (the newest stories, sqlite-story-reads.ts). */
export function createSqliteTextSearch(ctx: SqliteStoreContext, latest: Synchronous<StoryStore>['latest']): SqliteTextSearch {
  const { db } = ctx;
  const q = {
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
  };

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
    if (words.length === 0) return latest(limit);
    // One-letter words ("u.s. t") have no prefix index (prefix='2 3 4') and match half the store:
    // leave them out, and when nothing else is left, match the typed start among the newest headlines.
    const usable = words.filter((w) => w.length > 1);
    if (usable.length === 0) return q.suggestLetter.all(SUGGEST_SCAN, `${escapeLike(prefix.trimStart())}%`, limit).map(toSummary);
    return rankSuggestions(usable.join(' '), q.suggest.all(ftsPrefix(usable), SUGGEST_CANDIDATES), limit)
      .map(({ r }) => q.summaryByRowid.get(r))
      .filter((row): row is SummaryRow => row !== undefined)
      .map(toSummary);
  }

  return {
    search,
    suggestHeadlines,
    isTooCommonToRank,
    newestRowid: () => q.maxRowid.get()?.r ?? 0,
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
