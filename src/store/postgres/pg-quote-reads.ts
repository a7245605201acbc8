/**
 * The PostgreSQL store's reads of quotes (QuoteStore): a speaker's quotes newest first (the names a
 * query means, merged with name matches among the newest stories), quotes about a topic (those of the
 * stories /search ranks best for it), and speaker names by the quotes they have. Kept between reads
 * while the data version holds: a topic's stories, a query's names and a speaker's candidate list.
 * Separate because the speaker matching and its caches are this part's alone; per-day counts of a
 * speaker are pg-day-counts.ts's, and writing quotes is pg-article-writes.ts's.
 */
import type { QuoteHit, QuoteQuery } from '../article-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { HiddenFrom } from '../hidden-from.js';
import { visibleSpeakers } from '../hidden-counts.js';
import { escapeLike, toQuoteHit } from '../stored-rows.js';
import { parseSearch, type SearchQuery } from '../search-syntax.js';
import { NAMED_CANDIDATES, namedBySpeakerQuery, pickSpeakersNamed, speakerAliases } from '../speaker-match.js';
import {
  deeperQuoteRead,
  mergeSpeakerQuotes,
  quoteListDepth,
  toQuoteList,
  type ListedQuote,
  type QuoteList,
} from '../speaker-quote-list.js';
import { SUMMARY_COLUMNS, type PgQuoteRow } from './pg-rows.js';
import type { PgStoreContext } from './pg-store-context.js';
import { tsQueryText, type PgTextSearch } from './pg-text-search.js';

const MAX_SPEAKERS = 10;
const QUOTE_WINDOW = 500;
/** Stories whose quotes /quote about: shows, best match first (as SQLite). */
const QUOTE_STORIES = 200;
/** Topics of /quote about: (their stories) and speaker names (their speakers) kept between reads (keptWhileUnchanged). */
const KEPT_READS = 32;

/** A quote's key and its story's date: enough to order candidates before reading them. */
interface QuoteKey {
  article_seq: number;
  start: number;
  published_ms: number;
}

export interface PgQuoteReads {
  findQuotes: QuoteStore['findQuotes'];
  speakersNamed: QuoteStore['speakersNamed'];
  suggestSpeakers: QuoteStore['suggestSpeakers'];
}

/** `rankedMatches` (pg-text-search.ts) gives the stories /quote about: reads, as /search ranks them. */
export function createPgQuoteReads(ctx: PgStoreContext, rankedMatches: PgTextSearch['rankedMatches']): PgQuoteReads {
  const { pool, hiddenFrom, hiddenStories } = ctx;
  const keptStories = ctx.keptWhileUnchanged<readonly number[]>(KEPT_READS);
  const keptNames = ctx.keptWhileUnchanged<readonly string[]>(KEPT_READS);
  // (at most 12 bytes a quote: 32 lists of a 10-name speaker read 6,400 deep are ~25 MB)
  const keptQuoteLists = ctx.keptWhileUnchanged<QuoteList>(KEPT_READS);

  /** Quotes of the stories hidden from the reader per lower-case speaker: none without one. */
  async function hiddenQuotes(reader: HiddenFrom | undefined): Promise<Map<string, number>> {
    const hidden = await hiddenFrom(reader);
    return hidden ? hiddenStories.speakerQuotes(hidden) : new Map();
  }

  async function speakersNamed(query: string, limit: number, reader?: HiddenFrom): Promise<string[]> {
    // Quotes of hidden stories do not count: one more candidate per speaker they quote (as SQLite).
    const quotes = await hiddenQuotes(reader);
    // For every reader who may see every story, the names are kept while the data version holds: a /quote
    // speaker: page asks two to four times (each read of visiblePage, its sparkline), and the name match is
    // a trigram search with each candidate's name tested again ('%official%': 774 of 21,443 names at 100k,
    // 335 pages, 8 ms; more names as the store grows).
    if (quotes.size === 0) return [...(await keptNames(`${limit}\u0000${query}`, () => namesHolding(query, limit, quotes)))];
    return namesHolding(query, limit, quotes);
  }

  async function namesHolding(query: string, limit: number, quotes: ReadonlyMap<string, number>): Promise<string[]> {
    const aliases = speakerAliases(query)
      .slice(1)
      .map((a) => a.toLowerCase());
    const [{ rows: holding }, aliased] = await Promise.all([
      pool.query<{ speaker: string; quotes: number }>(
        `SELECT speaker, quotes FROM quote_speakers WHERE speaker ILIKE $1 ESCAPE '\\' ORDER BY quotes DESC, speaker LIMIT $2`,
        [`%${escapeLike(query.trim())}%`, NAMED_CANDIDATES + quotes.size],
      ),
      // a one-word name has no shorter endings: no statement (each is a backend woken, twice a /quote read)
      aliases.length === 0
        ? []
        : pool
            .query<{ speaker: string; quotes: number }>('SELECT speaker, quotes FROM quote_speakers WHERE key = ANY($1::text[])', [aliases])
            .then((r) => r.rows),
    ]);
    if (quotes.size === 0) return pickSpeakersNamed(query, holding, aliased, limit);
    return pickSpeakersNamed(query, visibleSpeakers(holding, quotes).slice(0, NAMED_CANDIDATES), visibleSpeakers(aliased, quotes), limit);
  }

  async function findQuotes(query: QuoteQuery): Promise<QuoteHit[]> {
    const offset = query.offset ?? 0;
    const speaker = query.speaker?.trim();
    if (query.about) return findQuotesAbout(query.about, speaker, query.limit, offset, query.hiddenFrom);
    if (!speaker) {
      const { rows } = await pool.query<PgQuoteRow>(
        `SELECT ${SUMMARY_COLUMNS}, q.* FROM articles a JOIN quotes q ON q.article_seq = a.seq ORDER BY a.published_ms DESC, a.seq DESC, q.start LIMIT $1 OFFSET $2`,
        [query.limit, offset],
      );
      return rows.map(toQuoteHit);
    }
    // The speakers the query names ("Treasury Secretary James Baker" -> "James Baker", "Baker"; descriptions never
    // match), whose merged list speakerQuoteList reads, each source bounded as the SQLite store does.
    const [named, hidden] = await Promise.all([speakersNamed(speaker, MAX_SPEAKERS, query.hiddenFrom), hiddenFrom(query.hiddenFrom)]);
    const names = [...new Set(named.map((name) => name.toLowerCase()))];
    // For a reader who sees every story, a quote filed again is listed once (mergeSpeakerQuotes; quote_key).
    const dropRepeats = hidden === null;
    const needed = offset + query.limit;
    // Read as deep as a page needs (quoteListDepth), so every page up to it orders one candidate list, kept while the
    // data version holds: a speaker's pages one after another (and visiblePage's reads of one page) read it once.
    const depth = quoteListDepth(needed);
    const list = await keptQuoteLists(
      `${dropRepeats ? 'distinct' : 'all'}\u0000${speaker}\u0000${names.join('\u0001')}\u0000${depth}`,
      () => speakerQuoteList(speaker, names, dropRepeats, depth),
    );
    const page: { article_seq: number; start: number }[] = [];
    for (let i = offset; i < Math.min(needed, list.stories.length); i++)
      page.push({ article_seq: list.stories[i]!, start: list.starts[i]! });
    return quotesAt(page);
  }

  /**
   * A speaker's quotes newest first, at least `depth` of them when the store has them: the newest of each name
   * (the most quoted MAX_SPEAKERS whose name holds the query as whole words, or is an ending of it) and name matches
   * among the newest QUOTE_WINDOW stories, merged by date; for a reader who sees every story, exact repeats left out.
   */
  async function speakerQuoteList(speaker: string, names: readonly string[], dropRepeats: boolean, depth: number): Promise<QuoteList> {
    const like = `%${escapeLike(speaker)}%`;
    type Row = QuoteKey & { quote_key: number };
    // (BIGINT columns come as strings from node-postgres: the numbers are made here)
    const listed = (row: Row): ListedQuote => ({
      story: Number(row.article_seq),
      start: row.start,
      publishedMs: Number(row.published_ms),
      repeatKey: row.quote_key,
    });
    // an index-only scan per name: the quote carries its story's date and key (migration 17)
    const readNames = async (want: number): Promise<(ListedQuote & { name: number })[]> =>
      names.length === 0
        ? []
        : (
            await pool.query<Row & { name: number }>(
              `SELECT s.name, x.article_seq, x.start, x.published_ms, x.quote_key FROM unnest($1::text[]) WITH ORDINALITY AS s(k, name)
              CROSS JOIN LATERAL (SELECT q.article_seq, q.start, q.published_ms, q.quote_key FROM quotes q WHERE lower(q.speaker) = s.k
                ORDER BY lower(q.speaker), q.article_seq DESC, q.start DESC LIMIT $2) x`,
              [names, want],
            )
          ).rows.map((row) => ({ ...listed(row), name: row.name }));
    const readWindow = async (want: number): Promise<(ListedQuote & { speaker: string })[]> =>
      (
        await pool.query<Row & { speaker: string }>(
          `WITH n AS MATERIALIZED (SELECT seq, published_ms FROM articles ORDER BY published_ms DESC, seq DESC LIMIT $1)
          SELECT q.article_seq, q.start, n.published_ms, q.speaker, q.quote_key FROM n JOIN quotes q ON q.article_seq = n.seq
          WHERE q.speaker ILIKE $2 ESCAPE '\\' ORDER BY n.published_ms DESC, n.seq DESC, q.start LIMIT $3`,
          [QUOTE_WINDOW, like, want],
        )
      ).rows.map((row) => ({ ...listed(row), speaker: row.speaker }));
    let want = depth;
    let [byName, inWindow] = await Promise.all([readNames(want), readWindow(want)]);
    for (;;) {
      const merged = mergeSpeakerQuotes(byName, inWindow, speaker, dropRepeats);
      const next = deeperQuoteRead(byName, inWindow.length, merged, depth, want);
      if (!next) return toQuoteList(merged.listed);
      [byName, inWindow] = await Promise.all([readNames(next.deeper), next.rereadWindow ? readWindow(next.deeper) : inWindow]);
      want = next.deeper;
    }
  }

  /** The whole rows of these quotes, in this order. */
  async function quotesAt(page: readonly { article_seq: number; start: number }[]): Promise<QuoteHit[]> {
    if (page.length === 0) return [];
    const { rows } = await pool.query<PgQuoteRow>(
      `SELECT ${SUMMARY_COLUMNS}, q.* FROM unnest($1::bigint[], $2::int[]) WITH ORDINALITY AS k(seq, start, i)
      JOIN quotes q ON q.article_seq = k.seq AND q.start = k.start JOIN articles a ON a.seq = q.article_seq ORDER BY k.i`,
      [page.map((k) => k.article_seq), page.map((k) => k.start)],
    );
    return rows.map(toQuoteHit);
  }

  /**
   * The seqs of the QUOTE_STORIES stories /quote about: reads its quotes from, best first (rankedMatches),
   * kept while the data version holds (and the lexeme statistics would be: STATS_TTL_MS). A page deep
   * into the list is read in two or three steps (visiblePage), each asking for the same stories: each
   * step ranked a thousand matches again (reading their vectors), where the data version is one statement.
   * The first read of a topic asks for the version beside the ranking, so it waits for nothing more.
   */
  async function aboutStories(parsed: SearchQuery): Promise<readonly number[]> {
    return keptStories(tsQueryText(parsed, false), async () => (await rankedMatches(parsed, false, QUOTE_STORIES)).map((m) => m.seq));
  }

  async function findQuotesAbout(
    about: string,
    speaker: string | undefined,
    limit: number,
    offset: number,
    reader: HiddenFrom | undefined,
  ): Promise<QuoteHit[]> {
    const parsed = parseSearch(about);
    const like = speaker ? `%${escapeLike(speaker)}%` : null;
    const aliases = speaker
      ? speakerAliases(speaker)
          .slice(1)
          .map((a) => a.toLowerCase())
      : [];
    // Quotes of the 200 stories that best match the topic (ranked among the newest matches), best story first;
    // with a very common word the newest matching stories, as search() and the SQLite store do. The matches
    // come from rankedMatches (through aboutStories) with the tsquery inline: in a CTE the planner could not
    // see the words and ranked every candidate's vector read from the heap (over a second for `company` at 100k).
    const [stories, hidden] = await Promise.all([aboutStories(parsed), hiddenFrom(reader)]);
    if (stories.length === 0) return [];
    // As a speaker's list (findQuotes): for a reader who sees every story, a quote that repeats an earlier one
    // of the list (quote_key, and the same speaker as written, which the filter below reads) is left out.
    const { rows } = await pool.query<PgQuoteRow>(
      `WITH c AS (SELECT qu.article_seq, qu.start, m.i,
          row_number() OVER (PARTITION BY qu.quote_key, qu.speaker ORDER BY m.i, qu.start) AS nth
        FROM unnest($1::bigint[]) WITH ORDINALITY AS m(seq, i) JOIN quotes qu ON qu.article_seq = m.seq
        WHERE $2::text IS NULL OR qu.speaker ILIKE $2 ESCAPE '\\' OR lower(qu.speaker) = ANY($5::text[]))
      SELECT ${SUMMARY_COLUMNS}, qu.* FROM c JOIN quotes qu ON qu.article_seq = c.article_seq AND qu.start = c.start
      JOIN articles a ON a.seq = qu.article_seq
      WHERE c.nth = 1 OR NOT $6::boolean ORDER BY c.i, qu.start LIMIT $3 OFFSET $4`,
      // (with a speaker, every candidate of the 200 stories: the page is cut after the filter below, so that
      // positions count the quotes kept and a page is never short while more follow)
      [stories, like, speaker ? null : limit, speaker ? 0 : offset, aliases, hidden === null],
    );
    if (!speaker) return rows.map(toQuoteHit);
    // As SQLite: the speaker's name holds the query as whole words, or is an ending of it.
    return namedBySpeakerQuery(rows, speaker)
      .slice(offset, offset + limit)
      .map(toQuoteHit);
  }

  return {
    findQuotes,
    speakersNamed,
    async suggestSpeakers(prefix, limit, reader) {
      // Quotes of hidden stories do not count: one more row per speaker they quote (as SQLite).
      const quotes = await hiddenQuotes(reader);
      const { rows } = await pool.query<{ speaker: string; quotes: number }>(
        `SELECT speaker, quotes FROM quote_speakers WHERE speaker ILIKE $1 ESCAPE '\\' ORDER BY quotes DESC, speaker LIMIT $2`,
        [`%${escapeLike(prefix.trim())}%`, limit + quotes.size],
      );
      return (quotes.size === 0 ? rows : visibleSpeakers(rows, quotes)).slice(0, limit).map((r) => r.speaker);
    },
  };
}
