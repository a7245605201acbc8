import type { DayCount, DayRange, SearchDayCounts } from '../article-store.js';
import type { HiddenStories } from '../hidden-counts.js';
import { inTransaction, type PgPool, type PgQueryable } from './pg-database.js';
import { bitsSql, evaluate, lexemesOf, parseTsquery } from './tsquery-expr.js';

/**
 * /trend about: counts of common words from search_word_bits (migration 14): which stories hold each
 * common lexeme, a bit per story in blocks of SEARCH_WORD_BLOCK seqs, one row per word and block,
 * combined as the query says (and, or, not), each matching story dated from memory. A common word's
 * newest SEARCH_COUNT_LIMIT matches at 1M stories lay on 10,000-40,000 pages of article_search, one heap
 * visit each (p99 435 ms); here they are a few dozen rows, as the SQLite store reads FTS5's
 * doclist and dates each rowid from memory (rowid-days.ts). The same stories in the same order (newest
 * seq first), so the cap falls on the same story as when the matches are read.
 */

/** Seqs per block of search_word_bits: `seq / 4000` and BIT(4000) in migration 14's SQL. */
export const SEARCH_WORD_BLOCK = 4000;
/**
 * A lexeme in at least this share of the stories has its stories kept: ~1,200 lexemes of the bench
 * stores. A rarer word's matches are few enough to visit (at most ~10,000 at 1M stories).
 */
export const COUNTED_SHARE = 0.01;
/** Below this many lexemes to backfill, their stories are found through the GIN index, not by reading every vector. */
const FEW_LEXEMES = 20;
/** Blocks of bit strings read at first, from the newest in the span: a very common word's 20,000 newest matches lie in ~6. */
const FIRST_BLOCKS = 4;
const DAY_MS = 86_400_000;
/** The days a store's stories can have (as the store's ALL_DAYS): a range reaching either end is open. */
const ALL_DAYS: DayRange = { from: -100_000, to: 100_000 };
/** A closed span of dates holding at most this many stories has its seqs found first (a few milliseconds). */
const SPAN_STORIES = 50_000;
/** No story has this seq (a rolled-back insert's, or one not stored yet). */
const NONE = -0x80000000;
const ZERO = `0::bit(${SEARCH_WORD_BLOCK})`;

/** A lexeme as a tsquery operand: quoted, its quotes doubled and backslashes escaped (the tsquery input syntax). */
function tsqueryOperand(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Adds the lexemes that the planner's statistics of article_search put in at least COUNTED_SHARE of
 * the stories to search_counted_lexemes, and records which stored stories hold them. Run when the
 * store is opened (a store made by older migrations is backfilled then) and now and again as stories
 * are added. Holds the lock ingest takes, so no story is added between the backfill and the trigger
 * keeping the new lexemes. Returns how many lexemes were added.
 */
export async function countCommonWords(pool: PgPool): Promise<number> {
  const wanted = async (db: PgQueryable): Promise<string[]> =>
    (
      await db.query<{ lexeme: string }>(
        `SELECT e.lexeme FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
        WHERE s.schemaname = current_schema() AND s.tablename = 'article_search' AND s.attname = 'tsv' AND e.lexeme IS NOT NULL AND e.share >= $1
          AND NOT EXISTS (SELECT 1 FROM search_counted_lexemes c WHERE c.lexeme = e.lexeme)`,
        [COUNTED_SHARE],
      )
    ).rows.map((r) => r.lexeme);
  if ((await wanted(pool)).length === 0) return 0;
  return inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE');
    // Read again under the lock: another process may have counted them meanwhile.
    const lexemes = await wanted(client);
    if (lexemes.length === 0) return 0;
    await client.query('INSERT INTO search_counted_lexemes (lexeme) SELECT unnest($1::text[])', [lexemes]);
    const few = lexemes.length <= FEW_LEXEMES;
    await client.query(
      `INSERT INTO search_word_bits (lexeme, block, bits)
      SELECT l, (w.seq / ${SEARCH_WORD_BLOCK})::int, bit_or(set_bit(${ZERO}, (w.seq % ${SEARCH_WORD_BLOCK})::int, 1))
      FROM article_search w CROSS JOIN LATERAL unnest(tsvector_to_array(w.tsv)) AS l
      WHERE l = ANY($1::text[]) ${few ? 'AND w.tsv @@ $2::tsquery' : ''}
      GROUP BY 1, 2`,
      few ? [lexemes, lexemes.map(tsqueryOperand).join(' | ')] : [lexemes],
    );
    return lexemes.length;
  });
}

/**
 * The UTC day of each stored story by seq, a block of SEARCH_WORD_BLOCK at a time, kept in memory
 * (4 bytes a story) as SQLite's rowid-days.ts: stories are not deleted and a new one takes a seq above
 * every other, so a block is read again only while it was the newest when read.
 */
export interface SeqDays {
  /** The days of these blocks' seqs (NONE where no story has the seq), read in one statement for those not held. */
  blocks(blocks: readonly number[], maxSeq: number): Promise<Map<number, Int32Array>>;
}

export function createSeqDays(pool: PgPool): SeqDays {
  const held = new Map<number, { days: Int32Array; upTo: number }>();
  return {
    async blocks(wanted, maxSeq) {
      const fresh = (b: number): boolean => {
        const h = held.get(b);
        return h !== undefined && (h.upTo >= (b + 1) * SEARCH_WORD_BLOCK - 1 || h.upTo >= maxSeq);
      };
      const missing = wanted.filter((b) => !fresh(b));
      if (missing.length > 0) {
        const { rows } = await pool.query<{ seq: number; day: number }>(
          `SELECT a.seq, floor(a.published_ms / ${DAY_MS}.0)::int AS day FROM unnest($1::int[]) AS b(block)
          JOIN articles a ON a.seq >= b.block * ${SEARCH_WORD_BLOCK}::bigint AND a.seq < (b.block + 1) * ${SEARCH_WORD_BLOCK}::bigint`,
          [missing],
        );
        const loaded = new Map(missing.map((b) => [b, new Int32Array(SEARCH_WORD_BLOCK).fill(NONE)]));
        for (const { seq, day } of rows) loaded.get(Math.floor(seq / SEARCH_WORD_BLOCK))![seq % SEARCH_WORD_BLOCK] = day;
        for (const [b, days] of loaded) held.set(b, { days, upTo: maxSeq });
      }
      return new Map(wanted.map((b) => [b, held.get(b)!.days]));
    },
  };
}

/**
 * Stories per day matching a websearch query whose words are all counted lexemes joined by and, or
 * and not (no phrase), the newest `limit` of them by seq, those hidden from the reader left out; null
 * for any other query (the caller reads its matches then).
 */
export async function wordDayCounts(
  pool: PgPool,
  seqDays: SeqDays,
  websearch: string,
  range: DayRange,
  hidden: HiddenStories | null,
  limit: number,
): Promise<SearchDayCounts | null> {
  const { rows: parsed } = await pool.query<{ query: string; max_seq: number }>(
    "SELECT q::text AS query, (SELECT COALESCE(MAX(seq), 0) FROM articles) AS max_seq FROM websearch_to_tsquery('english', $1) AS q",
    [websearch],
  );
  const expr = parsed[0] ? parseTsquery(parsed[0].query) : null;
  // A query true of a story holding none of its words (`-bank`) is not answered from the words' stories.
  if (expr === null || evaluate(expr, () => false)) return null;
  const maxSeq = parsed[0]!.max_seq;
  const lexemes = lexemesOf(expr);
  const from = range.from * DAY_MS;
  const to = (range.to + 1) * DAY_MS;
  // The seqs of a span's stories (a few months: a few thousand entries of articles_by_published), so only
  // their blocks are read; an open or long span reads from the newest block down. Behind OFFSET 0: as
  // MIN(seq) the planner walked the seq index from one end filtering dates (780,000 entries, 92 ms at 1M).
  const closed = range.from > ALL_DAYS.from && range.to < ALL_DAYS.to;
  const { rows: known } = await pool.query<{ counted: number; lo: number | null; hi: number | null; n: number }>(
    `SELECT (SELECT COUNT(*)::int FROM search_counted_lexemes WHERE lexeme = ANY($1::text[])) AS counted, s.lo, s.hi, s.n
    FROM (SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*)::int AS n FROM (
      SELECT seq FROM articles WHERE $4 AND published_ms >= $2 AND published_ms < $3 LIMIT ${SPAN_STORIES + 1} OFFSET 0) w) s`,
    [lexemes, from, to, closed],
  );
  if (known[0]!.counted < lexemes.length) return null;
  const inSpan = known[0]!;
  if (closed && inSpan.n === 0) return { days: [], capped: false };
  const [lo, hi] = closed && inSpan.n <= SPAN_STORIES ? [inSpan.lo!, inSpan.hi!] : [0, maxSeq];
  const combined = bitsSql(expr, lexemes, (i) => `COALESCE(bit_or(bits) FILTER (WHERE lexeme = $${4 + i}), ${ZERO})`);
  const byDay = new Map<number, number>();
  let counted = 0;
  let capped = false;
  const first = Math.floor(lo / SEARCH_WORD_BLOCK);
  let top = Math.floor(hi / SEARCH_WORD_BLOCK);
  // Newest blocks first, FIRST_BLOCKS of them, then four times as many each time, until the cap or the span's oldest story.
  for (let blocks = FIRST_BLOCKS; top >= first && !capped; blocks *= 4) {
    const bottom = Math.max(first, top - blocks + 1);
    // The combined bits as varbit_send writes them (a 4-byte length, then bit 0 as the first byte's high bit): a quarter of their text.
    const { rows } = await pool.query<{ block: number; bits: Buffer }>(
      `SELECT block, varbit_send(${combined}) AS bits FROM search_word_bits WHERE lexeme = ANY($1::text[]) AND block BETWEEN $2 AND $3
      GROUP BY block HAVING ${combined} <> ${ZERO} ORDER BY block DESC`,
      [lexemes, bottom, top, ...lexemes],
    );
    const blockDays = await seqDays.blocks(
      rows.map((r) => r.block),
      maxSeq,
    );
    outer: for (const { block, bits } of rows) {
      const dayOf = blockDays.get(block)!;
      for (let i = SEARCH_WORD_BLOCK - 1; i >= 0; i--) {
        if ((bits[4 + (i >> 3)]! & (0x80 >> (i & 7))) === 0) continue;
        const day = dayOf[i]!;
        if (day === NONE || day < range.from || day > range.to || hidden?.has(block * SEARCH_WORD_BLOCK + i)) continue;
        if (counted === limit) {
          capped = true;
          break outer;
        }
        counted++;
        byDay.set(day, (byDay.get(day) ?? 0) + 1);
      }
    }
    top = bottom - 1;
  }
  const days: DayCount[] = [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ day, count }));
  return { days, capped };
}

/** What a caller of newestWordMatches read already: the query as websearch_to_tsquery prints it, the newest seq, the counted lexemes. */
export interface KnownWebsearch {
  tsquery: string;
  maxSeq: number;
  counted: ReadonlySet<string>;
}

async function parseWebsearch(pool: PgPool, websearch: string): Promise<{ tsquery: string; maxSeq: number }> {
  const { rows } = await pool.query<{ query: string; max_seq: number }>(
    "SELECT q::text AS query, (SELECT COALESCE(MAX(seq), 0) FROM articles) AS max_seq FROM websearch_to_tsquery('english', $1) AS q",
    [websearch],
  );
  return { tsquery: rows[0]?.query ?? '', maxSeq: rows[0]?.max_seq ?? 0 };
}

/**
 * The seqs of the newest `n` stories matching a websearch query whose words are all counted lexemes
 * (no phrase), newest first, from their bit strings alone (no story row visited); null for any other
 * query. Why: /search ranks a mid-frequency word's newest SEARCH_CANDIDATES matches, and finding them
 * through the GIN index visited every match of a window of the newest stories (about twice as many,
 * each on its own page) before the thousand ranked were read again.
 */
export async function newestWordMatches(
  pool: PgPool,
  websearch: string,
  n: number,
  known?: KnownWebsearch,
  firstBlocks = 16,
): Promise<number[] | null> {
  const parsed = known ?? (await parseWebsearch(pool, websearch));
  const expr = parseTsquery(parsed.tsquery);
  if (expr === null || evaluate(expr, () => false)) return null;
  const lexemes = lexemesOf(expr);
  if (known) {
    if (!lexemes.every((l) => known.counted.has(l))) return null;
  } else {
    const { rows: counted } = await pool.query<{ counted: number }>(
      'SELECT COUNT(*)::int AS counted FROM search_counted_lexemes WHERE lexeme = ANY($1::text[])',
      [lexemes],
    );
    if (counted[0]!.counted < lexemes.length) return null;
  }
  const combined = bitsSql(expr, lexemes, (i) => `COALESCE(bit_or(bits) FILTER (WHERE lexeme = $${4 + i}), ${ZERO})`);
  const found: number[] = [];
  let top = Math.floor(parsed.maxSeq / SEARCH_WORD_BLOCK);
  // Newest blocks first, `firstBlocks` of them (a word in 1% of the stories has a thousand in ~25), then four
  // times as many each time, until n or the oldest block.
  for (let blocks = firstBlocks; top >= 0 && found.length < n; blocks *= 4) {
    const bottom = Math.max(0, top - blocks + 1);
    const { rows } = await pool.query<{ block: number; bits: Buffer }>(
      `SELECT block, varbit_send(${combined}) AS bits FROM search_word_bits WHERE lexeme = ANY($1::text[]) AND block BETWEEN $2 AND $3
      GROUP BY block HAVING ${combined} <> ${ZERO} ORDER BY block DESC`,
      [lexemes, bottom, top, ...lexemes],
    );
    outer: for (const { block, bits } of rows) {
      for (let i = SEARCH_WORD_BLOCK - 1; i >= 0; i--) {
        if ((bits[4 + (i >> 3)]! & (0x80 >> (i & 7))) === 0) continue;
        found.push(block * SEARCH_WORD_BLOCK + i);
        if (found.length === n) break outer;
      }
    }
    top = bottom - 1;
  }
  return found;
}
