/**
 * Full-text search on PostgreSQL: /search's ranked matches and their snippets, and headline
 * autocomplete (suggestHeadlines). Matching is the `tsv` vector (headline weight A, body B) with
 * websearch_to_tsquery; which plan answers a query (rank the newest matches, walk the newest stories,
 * read a common word's kept bits) is chosen from the lexemes' shares in the planner's statistics.
 * Separate because it is the one part with its own planning: /quote about: (pg-quote-reads.ts) and
 * the /trend counts of a search (pg-day-counts.ts) take its ranked matches and word shares from here.
 */
import type { ArticleSummary, SearchHit } from '../article-store.js';
import type { SearchOptions, StoryStore } from '../story-store.js';
import { escapeLike, toSummary, type SummaryRow } from '../stored-rows.js';
// Pure helpers shared with the SQLite store (no driver in them): the same word splitting and ranking of suggestions.
import { ftsWords } from '../sqlite/fts-query.js';
import { rankSuggestions } from '../sqlite/rank-suggestions.js';
import { parseSearch, requiredWords, type SearchQuery } from '../search-syntax.js';
import { HEADLINE_WINDOW, headlineFirst } from '../headline-first.js';
import { newestWordMatches } from './pg-word-days.js';
import { SUMMARY_COLUMNS } from './pg-rows.js';
import { STATS_TTL_MS, type PgStoreContext } from './pg-store-context.js';

/** Newest matches ranked by /search: bounds the work of a common word, as SQLITE's SEARCH_CANDIDATES. */
const SEARCH_CANDIDATES = 1000;
/** A query holding a lexeme in more than this share of the stories returns its newest matches unranked (as SQLite's COMMON_DENSITY). */
const COMMON_SHARE = 0.05;
const SUGGEST_CANDIDATES = 200;
const SUGGEST_SCAN = 2000;
/** Typed words all this short (a start of three letters or fewer) have the newest headlines walked before the index is asked. */
const SUGGEST_SHORT = 3;
/** A word start in at least this share of the newest SUGGEST_SCAN headlines is walked for through the window. */
const SUGGEST_WALK_SHARE = 0.05;
/** Headlines of the longer typed words, estimated from the window's, above which older stories are looked in by every word. */
const SUGGEST_OLDER_VISITS = 2_000;
/** Newest stories whose headlines autocomplete looks in first. */
const SUGGEST_WINDOW = 20_000;
/** Title weight 4 to body weight 1 (D, C, B, A), as SQLite's bm25(articles_fts, 4.0, 1.0). */
const RANK_WEIGHTS = '{0.1, 0.2, 0.25, 1.0}';

/** A term in websearch_to_tsquery's syntax: a word, or a phrase in quotes; '' for a lone `or` (its operator). */
function websearchTerm(words: readonly string[]): string {
  if (words.length > 1) return `"${words.join(' ')}"`;
  return words[0] === undefined || words[0].toLowerCase() === 'or' ? '' : words[0];
}

/**
 * A parsed search (parseSearch) for websearch_to_tsquery: every term (a plain list is AND), or any term
 * (`or` between them), each exclusion as `-term`. An `or` binds looser than the list, so for any term
 * each one carries the exclusions: `cocoa -bahia or harvest -bahia`.
 */
export function tsQueryText(query: SearchQuery, any: boolean): string {
  const terms = query.terms.map(websearchTerm).filter(Boolean);
  if (terms.length === 0) return '';
  const excluded = query.excluded
    .map(websearchTerm)
    .filter(Boolean)
    .map((t) => `-${t}`);
  return any ? terms.map((t) => [t, ...excluded].join(' ')).join(' or ') : [...terms, ...excluded].join(' ');
}

/**
 * The search's terms as a query of the headline's own vector (articles_headline_english): `oil & prices`,
 * or joined by `|`, a phrase as `spot <-> price`. The same stories as `oil:A & prices:A` on `tsv`, whose
 * weight A is the headline. Its exclusions are not in it: the headline's vector cannot see the body.
 */
function headlineQuery(query: SearchQuery, any: boolean): string {
  return query.terms
    .map((t) => t.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w !== '' && w !== 'or'))
    .filter((t) => t.length > 0)
    .map((t) => (t.length > 1 ? `(${t.join(' <-> ')})` : t[0]!))
    .join(any ? ' | ' : ' & ');
}

/** A typed headline word as the 'simple' configuration is asked for it: lower case, letters and digits. */
function prefixWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Typed headline words as a prefix query for the 'simple' configuration: `syr:* & adv:*`. */
function prefixQuery(words: readonly string[]): string {
  return words.map((w) => `${prefixWord(w)}:*`).join(' & ');
}

export interface PgTextSearch {
  search: StoryStore['search'];
  suggestHeadlines: StoryStore['suggestHeadlines'];
  /** The newest SEARCH_CANDIDATES matches of a parsed search, the best `limit` of them first (every word, or `any`). */
  rankedMatches: (search: SearchQuery, any: boolean, limit: number) => Promise<{ seq: number; rank: number }[]>;
  /** The share of the stories holding each required word, the newest seq, and `websearch` as PostgreSQL parses it. */
  wordShares: (search: SearchQuery, websearch?: string) => Promise<{ shares: number[]; maxSeq: number; tsquery: string }>;
  /** Rows of a full-text statement run on the indexless pool: its matches come from the GIN index. */
  fromIndexMatches: <R extends object>(sql: string, params: readonly unknown[]) => Promise<R[]>;
  /** Drops the kept set of counted lexemes: this process has just chosen more (countCommonWords). */
  forgetCountedLexemes: () => void;
}

/** `latest` answers an empty headline prefix (the newest stories, pg-story-reads.ts). */
export function createPgTextSearch(ctx: PgStoreContext, latest: StoryStore['latest']): PgTextSearch {
  const { pool, indexless } = ctx;
  let lexemeStats: { shares: Map<string, number>; at: number } | null = null;
  let countedStats: { lexemes: ReadonlySet<string>; at: number } | null = null;

  /**
   * How often each lexeme occurs, from the planner's statistics of `tsv` (most_common_elems: with the
   * statistics target of 1000 set by migration 1, up to 10,000 lexemes and their share of stories).
   * Read once and again every STATS_TTL_MS (they change only when the table is analysed).
   */
  async function lexemeShares(): Promise<Map<string, number>> {
    if (lexemeStats && Date.now() - lexemeStats.at < STATS_TTL_MS) return lexemeStats.shares;
    const { rows } = await pool.query<{ elems: string[] | null; freqs: number[] | null }>(
      `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'articles' AND attname = 'tsv'`,
    );
    const shares = new Map<string, number>();
    const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
    if (elems && freqs) elems.forEach((e, i) => shares.set(e, freqs[i]!));
    lexemeStats = { shares, at: Date.now() };
    return shares;
  }

  /**
   * The lexemes whose stories search_word_bits keeps (pg-word-days.ts), read again every STATS_TTL_MS and
   * after this process chose more. Lexemes are only ever added there, so a set read earlier lacks at
   * most a few another process chose since: a search of those takes the GIN index's matches meanwhile,
   * as before they were chosen. One statement every ten minutes, not one a search.
   */
  async function countedLexemes(): Promise<ReadonlySet<string>> {
    if (countedStats && Date.now() - countedStats.at < STATS_TTL_MS) return countedStats.lexemes;
    const { rows } = await pool.query<{ lexeme: string }>('SELECT lexeme FROM search_counted_lexemes');
    countedStats = { lexemes: new Set(rows.map((r) => r.lexeme)), at: Date.now() };
    return countedStats.lexemes;
  }

  /**
   * The share of the stories holding each word a search requires (its exclusions left out), by the
   * lexemes the 'english' configuration makes of them, from the planner's statistics (0 for one they
   * call rare; no shares while the store has no statistics); the newest seq; and `websearch` as
   * websearch_to_tsquery prints it. One statement: each round trip is a wake-up of the server's backend,
   * and on a busy machine a wait for a core (these three were three statements of every search).
   */
  async function wordShares(search: SearchQuery, websearch = ''): Promise<{ shares: number[]; maxSeq: number; tsquery: string }> {
    const [known, { rows }] = await Promise.all([
      lexemeShares(),
      pool.query<{ lexemes: string[]; max_seq: number | null; tsquery: string }>(
        `SELECT tsvector_to_array(to_tsvector('english', $1)) AS lexemes, (SELECT max(seq) FROM articles) AS max_seq,
          websearch_to_tsquery('english', $2)::text AS tsquery`,
        [requiredWords(search).join(' '), websearch],
      ),
    ]);
    const row = rows[0];
    return {
      shares: known.size === 0 ? [] : (row?.lexemes ?? []).map((l) => known.get(l) ?? 0),
      maxSeq: row?.max_seq ?? 0,
      tsquery: row?.tsquery ?? '',
    };
  }

  /**
   * How a query is best answered, from its lexemes' shares of the stories (as the 'english'
   * configuration makes them: stemmed, stop words dropped, the way the query is matched):
   * - `common`: it holds a lexeme in more than COMMON_SHARE of the stories (as SQLite's
   *   isTooCommonToRank): ranking its newest matches would read a thousand tsvectors from the heap
   *   and TOAST for a word whose weight in the rank is next to nothing;
   * - `after`: a mid-frequency query looks for its newest SEARCH_CANDIDATES matches among the newest
   *   stories only (twice as many as its share says hold that many), so the heap visits stay bounded
   *   whatever the store's size; a rare word (not among the most common lexemes) searches everything.
   */
  async function queryShape(
    search: SearchQuery,
    any: boolean,
    websearch: string,
  ): Promise<{ common: boolean; after: number | null; maxSeq: number; tsquery: string }> {
    const { shares: found, maxSeq, tsquery } = await wordShares(search, websearch);
    if (found.length === 0) return { common: false, after: null, maxSeq, tsquery };
    if (found.some((share) => share > COMMON_SHARE)) return { common: true, after: null, maxSeq, tsquery };
    // Every word: no more matches than the rarest word has; any word: at least those of the most frequent.
    const share = any ? Math.max(...found) : Math.min(...found);
    const span = share > 0 ? Math.ceil((2 * SEARCH_CANDIDATES) / share) : Infinity;
    return { common: false, after: span < maxSeq ? maxSeq - span : null, maxSeq, tsquery };
  }

  /**
   * Rows of a full-text statement planned without plain index scans (on the `indexless` pool's sessions),
   * so that its matches come from the GIN index: the planner prices testing a vector as nearly free, and
   * would walk the newest stories (or a seq range of them) testing each one's.
   */
  async function fromIndexMatches<R extends object>(sql: string, params: readonly unknown[]): Promise<R[]> {
    return (await indexless.query<R>(sql, params as unknown[])).rows;
  }

  /** The newest story's seq (0 for none). */
  async function newestSeq(): Promise<number> {
    return (await pool.query<{ n: number }>('SELECT COALESCE(MAX(seq), 0) AS n FROM articles')).rows[0]!.n;
  }

  /**
   * The newest `n` seqs of the stories `sql` selects (a condition on the alias `a` or `w`, taking the
   * seq range as the placeholders it is given for lo and hi), looked for in ranges of seqs growing from
   * the newest (`first`, then ten times as many, and so on), each range's matches from the GIN index and
   * the primary key together (a BitmapAnd), so a common word's newest matches cost the heap visits of
   * those matches only. Stops at `n`, at the oldest story, or past the newest `window` stories when
   * given. With the range's bounds as values (not a subquery) the planner sees how few stories the range
   * holds; with MAX(seq) in a subquery it took every match of the word from the heap (21,345 pages for
   * 'crude oil' at 1M, 310 ms) and filtered. `max` is the newest seq when the caller has read it.
   */
  async function newestMatchSeqs(
    sql: (lo: string, hi: string) => string,
    params: readonly unknown[],
    n: number,
    first: number,
    window?: number,
    newest?: number,
  ): Promise<number[]> {
    const max = newest ?? (await newestSeq());
    const oldest = Math.max(0, window === undefined ? 0 : max - window);
    const found: number[] = [];
    let hi = max;
    for (let span = first; hi > oldest && found.length < n; span *= 10) {
      const lo = Math.max(hi - span, oldest);
      const p = params.length;
      const rows = await fromIndexMatches<{ seq: number }>(`${sql(`$${p + 1}`, `$${p + 2}`)} ORDER BY seq DESC LIMIT $${p + 3}`, [
        ...params,
        lo,
        hi,
        n - found.length,
      ]);
      found.push(...rows.map((r) => r.seq));
      hi = lo;
    }
    return found;
  }

  /**
   * The newest SEARCH_CANDIDATES matches, ranked among themselves: a common word costs a bounded walk.
   * The tsquery is written inline (not in a CTE) so the planner sees the words and picks from the
   * statistics; a very common word walks the newest stories (its newest matches come first), other
   * words take their matches from the GIN index (fromIndexMatches).
   */
  async function rankedMatches(search: SearchQuery, any: boolean, limit: number): Promise<{ seq: number; rank: number }[]> {
    const query = tsQueryText(search, any);
    if (query === '') return [];
    const shape = await queryShape(search, any, query);
    if (shape.common) {
      // Newest first, those with every word in the headline (weight A) first, as the SQLite store does.
      const headline = headlineQuery(search, any);
      const headlineHits =
        headline === ''
          ? []
          : // Every headline match of the window from the index (no vector read again), then the newest: in
            // seq order the planner would walk the window testing each headline.
            await newestMatchSeqs(
              (lo, hi) =>
                `SELECT a.seq FROM articles a WHERE to_tsvector('english', a.headline) @@ to_tsquery('english', $1) AND a.seq > ${lo} AND a.seq <= ${hi}`,
              [headline],
              limit,
              Math.min(HEADLINE_WINDOW, 2_000),
              HEADLINE_WINDOW,
              shape.maxSeq,
            );
      // An excluded word in the body of a story whose headline holds every word: the whole query decides.
      const inHeadline = search.excluded.length === 0 || headlineHits.length === 0 ? headlineHits : await matchingSeqs(query, headlineHits);
      const rest =
        inHeadline.length < limit
          ? await newestMatchSeqs(
              (lo, hi) =>
                `SELECT w.seq FROM article_search w WHERE w.tsv @@ websearch_to_tsquery('english', $1) AND w.seq > ${lo} AND w.seq <= ${hi}`,
              [query],
              limit,
              Math.max(2_000, 50 * limit),
              undefined,
              shape.maxSeq,
            )
          : [];
      return headlineFirst(inHeadline, rest, limit).map((seq) => ({ seq, rank: 0 }));
    }
    // The matches from the GIN index, the newest SEARCH_CANDIDATES of them ranked. Planned without index
    // scans: the planner would walk the newest stories testing each one's vector (~50,000 of them for a
    // word in 4% of the stories, 70 ms), or scan the window's seq range doing the same.
    const ranked = (after: number | null): Promise<{ seq: number; rank: number }[]> =>
      fromIndexMatches<{ seq: number; rank: number }>(
        `WITH m AS MATERIALIZED (SELECT w.seq, w.tsv FROM article_search w WHERE w.tsv @@ websearch_to_tsquery('english', $1) AND w.seq > $4
          ORDER BY w.seq DESC LIMIT $2)
        SELECT m.seq, -ts_rank('${RANK_WEIGHTS}', m.tsv, websearch_to_tsquery('english', $1)) AS rank FROM m ORDER BY rank, m.seq DESC LIMIT $3`,
        [query, SEARCH_CANDIDATES, limit, after ?? 0],
      );
    // Words whose stories search_word_bits keeps (in at least 1% of them): the newest SEARCH_CANDIDATES
    // matches are read from their bits, and only those stories' vectors (by key) to rank them.
    // (the query as parsed, the newest seq and the counted words known already: no statement of their own)
    const newest = await newestWordMatches(pool, query, SEARCH_CANDIDATES, {
      tsquery: shape.tsquery,
      maxSeq: shape.maxSeq,
      counted: await countedLexemes(),
    });
    if (newest !== null) {
      if (newest.length === 0) return [];
      // By key as a bitmap (fromIndexMatches): a thousand index scans took twice the pages of one bitmap of their keys.
      return fromIndexMatches<{ seq: number; rank: number }>(
        `SELECT w.seq, -ts_rank('${RANK_WEIGHTS}', w.tsv, websearch_to_tsquery('english', $1)) AS rank FROM article_search w
        WHERE w.seq = ANY($2::bigint[]) AND w.tsv @@ websearch_to_tsquery('english', $1) ORDER BY rank, w.seq DESC LIMIT $3`,
        [query, newest, limit],
      );
    }
    const rows = await ranked(shape.after);
    // Fewer hits in the newest stories than asked for (words rarer together than apart): search them all.
    return rows.length < limit && shape.after !== null ? ranked(null) : rows;
  }

  /** Those of `seqs` whose story matches the websearch query, in the order given. */
  async function matchingSeqs(query: string, seqs: readonly number[]): Promise<number[]> {
    const { rows } = await pool.query<{ seq: number }>(
      "SELECT w.seq FROM article_search w WHERE w.seq = ANY($2::bigint[]) AND w.tsv @@ websearch_to_tsquery('english', $1)",
      [query, seqs],
    );
    const kept = new Set(rows.map((r) => r.seq));
    return seqs.filter((seq) => kept.has(seq));
  }

  async function search(text: string, limit: number, options: SearchOptions = {}): Promise<SearchHit[]> {
    const parsed = parseSearch(text);
    let query = tsQueryText(parsed, false);
    if (query === '') return [];
    let rows = await rankedMatches(parsed, false, limit);
    if (rows.length === 0 && parsed.terms.length > 1) {
      query = tsQueryText(parsed, true);
      rows = await rankedMatches(parsed, true, limit);
    }
    if (rows.length === 0) return [];
    // Each hit's snippet from its own row: the body's fragment around the match, else the headline; for
    // the first `options.snippets` hits only (ts_headline reads and parses the whole body).
    // Whether the body matches is read from the stored vector's body part (weight B), not by parsing the body again.
    const snipped = rows.slice(0, options.snippets ?? rows.length).map((r) => r.seq);
    const { rows: found } = await pool.query<SummaryRow & { seq: number; body_hit: boolean | null; body_snippet: string | null }>(
      `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q)
      SELECT a.seq, ${SUMMARY_COLUMNS}, CASE WHEN a.seq = ANY($3::bigint[]) THEN ts_filter(a.tsv, '{b}') @@ q.q END AS body_hit,
        CASE WHEN a.seq = ANY($3::bigint[]) THEN
          ts_headline('english', a.body, q.q, 'StartSel="",StopSel="",MaxWords=24,MinWords=12,ShortWord=2,MaxFragments=1,FragmentDelimiter=" … "') END AS body_snippet
      FROM articles a, q WHERE a.seq = ANY($2::bigint[])`,
      [query, rows.map((r) => r.seq), snipped],
    );
    const snip = new Set(snipped);
    const bySeq = new Map(found.map((f) => [f.seq, f]));
    return rows.flatMap(({ seq, rank }) => {
      const f = bySeq.get(seq);
      if (!f) return [];
      const snippet = snip.has(seq) ? ((f.body_hit ? f.body_snippet : null) ?? f.headline).replace(/\s+/g, ' ').trim() : '';
      return [{ ...toSummary(f), snippet, rank }];
    });
  }

  async function suggestHeadlines(prefix: string, limit: number): Promise<ArticleSummary[]> {
    const words = ftsWords(prefix);
    if (words.length === 0) return latest(limit);
    const usable = words.filter((w) => w.length > 1);
    if (usable.length === 0) {
      const { rows } = await pool.query<SummaryRow>(
        `WITH n AS MATERIALIZED (SELECT seq FROM articles ORDER BY published_ms DESC, seq DESC LIMIT $1)
        SELECT ${SUMMARY_COLUMNS} FROM n JOIN articles a ON a.seq = n.seq WHERE a.headline ILIKE $2 ESCAPE '\\' ORDER BY a.published_ms DESC, a.seq DESC LIMIT $3`,
        [SUGGEST_SCAN, `${escapeLike(prefix.trimStart())}%`, limit],
      );
      return rows.map(toSummary);
    }
    // The newest SUGGEST_CANDIDATES prefix matches among the newest SUGGEST_WINDOW stories (all stories
    // when those hold fewer than `limit`), looked for from the newest story back (newestPrefixMatches),
    // ranked by their headlines; only the `limit` shown are read from articles (a row beside its body,
    // ~5 a page: reading all 200 candidates' rows visited 200 pages, cold at 1M, for 25 shown).
    const candidates = (await newestPrefixMatches(usable, limit)).sort((a, b) => b.seq - a.seq);
    if (candidates.length === 0) return [];
    const shown = rankSuggestions(usable.join(' '), candidates, limit).map((c) => c.seq);
    const { rows } = await pool.query<SummaryRow & { seq: number }>(
      `SELECT a.seq, ${SUMMARY_COLUMNS} FROM articles a WHERE a.seq = ANY($1::bigint[])`,
      [shown],
    );
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return shown.flatMap((seq) => {
      const row = bySeq.get(seq);
      return row ? [toSummary(row)] : [];
    });
  }

  /**
   * The seqs of the newest headlines holding every typed word as a word start: SUGGEST_CANDIDATES of
   * them among the newest SUGGEST_WINDOW stories, or, when those hold fewer than `limit`, among all.
   * A two-letter start is no job for the GIN index: `co:*` is the union of every word starting so
   * (216,000 headlines at 1M, 120-230 ms), paid again by an AND with other words. So:
   * - when every typed word is short (SUGGEST_SHORT letters or fewer), the newest headlines are walked
   *   first, each one's vector made and tested, stopping at enough matches: a common start finds them
   *   within the newest SUGGEST_SCAN stories, and one in at least SUGGEST_WALK_SHARE of those headlines
   *   is walked on through the window;
   * - otherwise (or for a rarer start) the index gives the stories holding the words longer than two
   *   letters, in the window (a BitmapAnd with the primary key), then before it, and those headlines are
   *   tested against every word.
   */
  async function newestPrefixMatches(words: readonly string[], limit: number): Promise<{ seq: number; headline: string }[]> {
    const full = prefixQuery(words);
    const long = words.filter((w) => w.length > 2);
    const indexed = long.length > 0 ? prefixQuery(long) : full;
    const max = await newestSeq();
    const windowLo = Math.max(0, max - SUGGEST_WINDOW);
    const found: { seq: number; headline: string }[] = [];
    let hi = max;
    // Enough: SUGGEST_CANDIDATES, or, once the window is passed, `limit` (the window's matches are the answer).
    const enough = (): boolean => found.length >= SUGGEST_CANDIDATES || (hi <= windowLo && found.length >= limit);
    if (words.every((w) => w.length <= SUGGEST_SHORT)) {
      const walk = async (lo: number): Promise<void> => {
        // The test written as `(…) IS TRUE` (the same for a headline, never null) is no condition the GIN index
        // can take: the newest headlines are walked (an index-only scan of articles_headline_by_seq), stopping at
        // the LIMIT, in one round trip. Making a headline's vector costs ~10 µs, so it is made only for headlines
        // holding every typed start somewhere (a lexeme of the 'simple' configuration is the lower-cased text it
        // was read from, so one that starts so is in the lower-cased headline): a few µs a headline passed.
        const { rows } = await pool.query<{ seq: number; headline: string }>(
          `SELECT a.seq, a.headline FROM articles a WHERE a.seq > $2 AND a.seq <= $3
            AND lower(a.headline) LIKE ALL ((SELECT array_agg('%' || x || '%') FROM unnest(tsvector_to_array(to_tsvector('simple', $5))) x)::text[])
            AND (to_tsvector('simple', a.headline) @@ to_tsquery('simple', $1)) IS TRUE
          ORDER BY a.seq DESC LIMIT $4`,
          [full, lo, hi, SUGGEST_CANDIDATES - found.length, words.map(prefixWord).join(' ')],
        );
        found.push(...rows);
        if (found.length < SUGGEST_CANDIDATES) hi = lo;
      };
      await walk(Math.max(windowLo, max - SUGGEST_SCAN));
      if (enough()) return found;
      if (found.length >= SUGGEST_WALK_SHARE * Math.min(SUGGEST_SCAN, max)) {
        await walk(windowLo);
        if (enough()) return found;
      }
    }
    // The rest of the window, then every older story. The index is asked for the longer words, each
    // headline it gives visited and tested against every word; when the window says the older stories hold
    // many such headlines (a common word: 'first' of 'first am', 14,000 visits and 150-500 ms at 1M), it is
    // asked for every word instead (the short starts' union of postings, ~15-35 ms, then the matches only).
    // The same headlines either way.
    let perStory: number | null = null;
    for (const lo of [windowLo, 0]) {
      if (hi <= lo) continue;
      const asked: string =
        lo === 0 && indexed !== full && perStory !== null && perStory * (hi - lo) > SUGGEST_OLDER_VISITS ? full : indexed;
      // (an int8 array comes back as text: each seq made a number). The headlines' own narrow table
      // (article_headlines, migration 16): a match visits a row of ~60 bytes, not the story's beside its body.
      const { rows } = await pool.query<{ n: number; seqs: string[] | null; headlines: string[] | null }>(
        `WITH c AS MATERIALIZED (SELECT h.seq, h.headline FROM article_headlines h
          WHERE to_tsvector('simple', h.headline) @@ to_tsquery('simple', $1) AND h.seq > ${lo} AND h.seq <= ${hi})
        SELECT (SELECT COUNT(*)::int FROM c) AS n, m.seqs, m.headlines FROM (
          SELECT array_agg(t.seq ORDER BY t.seq DESC) AS seqs, array_agg(t.headline ORDER BY t.seq DESC) AS headlines FROM (
            SELECT c.seq, c.headline FROM c WHERE to_tsvector('simple', c.headline) @@ to_tsquery('simple', $2) ORDER BY c.seq DESC LIMIT $3) t) m`,
        [asked, full, SUGGEST_CANDIDATES - found.length],
      );
      const headlines = rows[0]?.headlines ?? [];
      found.push(...(rows[0]?.seqs ?? []).map((seq, i) => ({ seq: Number(seq), headline: headlines[i]! })));
      perStory = (rows[0]?.n ?? 0) / (hi - lo);
      hi = lo;
      if (enough()) break;
    }
    return found;
  }

  return {
    search,
    suggestHeadlines,
    rankedMatches,
    wordShares,
    fromIndexMatches,
    forgetCountedLexemes() {
      countedStats = null;
    },
  };
}
