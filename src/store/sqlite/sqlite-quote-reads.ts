/**
 * The SQLite store's reads of quotes (QuoteStore): a speaker's quotes newest first (the names a query
 * means, merged with name matches among the newest stories), quotes about a topic (those of the stories
 * that best match it), and speaker names by the quotes they have; lists and names kept while the store
 * is unchanged. Separate because the speaker matching and its caches are this part's alone; per-day
 * counts are trend-counts-table.ts's, and writing quotes is quote-table.ts's (through the write path).
 */
import type { QuoteHit, QuoteQuery } from '../article-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { Synchronous } from '../synchronous.js';
import { escapeLike, toQuoteHit, type QuoteRow } from '../stored-rows.js';
import { ftsMatch } from './fts-query.js';
import { parseSearch, requiredWords, type SearchQuery } from '../search-syntax.js';
import { visibleSpeakers } from '../hidden-counts.js';
import type { HiddenFrom } from '../hidden-from.js';
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
import { SUMMARY_COLUMNS } from './sqlite-rows.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';
import { SEARCH_CANDIDATES, type SqliteTextSearch } from './sqlite-text-search.js';

/** A quote's key, its story's date and its repeat key: enough to list candidates before reading them. */
interface ListedRow {
  article_rowid: number;
  start: number;
  published_ms: number;
  quote_key: number;
}

/** Speakers whose name matches a /quote speaker filter, most quoted first, whose quotes are read. */
const MAX_SPEAKERS = 10;
/** Newest stories whose quotes are matched by speaker description too. */
const QUOTE_WINDOW = 500;
/** Speaker names and speakers' quote lists kept between reads while the store is unchanged (keptWhileUnchanged). */
const KEPT_READS = 32;

export interface SqliteQuoteReads {
  findQuotes: Synchronous<QuoteStore>['findQuotes'];
  suggestSpeakers: Synchronous<QuoteStore>['suggestSpeakers'];
  speakersNamed: Synchronous<QuoteStore>['speakersNamed'];
}

/** A topic's words are judged too common to rank by as /search judges them (`textSearch`). */
export function createSqliteQuoteReads(
  ctx: SqliteStoreContext,
  textSearch: Pick<SqliteTextSearch, 'isTooCommonToRank' | 'newestRowid'>,
): SqliteQuoteReads {
  const { db, hiddenFrom, hiddenStories } = ctx;
  const { isTooCommonToRank, newestRowid } = textSearch;
  const q = {
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
    speakers: db.prepare<[string, number], { speaker: string }>(`
      SELECT speaker FROM quotes WHERE speaker <> 'unknown' AND speaker LIKE ? ESCAPE '\\'
      GROUP BY speaker COLLATE NOCASE ORDER BY COUNT(*) DESC, speaker LIMIT ?`),
  };

  const keptNames = ctx.keptWhileUnchanged<readonly string[]>(KEPT_READS);
  // (at most 12 bytes a quote: 32 lists of a 10-name speaker read 6,400 deep are ~25 MB)
  const keptQuoteLists = ctx.keptWhileUnchanged<QuoteList>(KEPT_READS);

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
    const newest = newestRowid();
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

  return {
    findQuotes,
    suggestSpeakers,
    speakersNamed,
  };
}
