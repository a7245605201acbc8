/**
 * Stories per UTC day for /trend on PostgreSQL: of places and speakers (the per-day counts kept at
 * ingest, several keys merged so a story counts once while that is cheap), and of a search (its
 * newest SEARCH_COUNT_LIMIT matches, or a common word's kept bits), less the stories hidden from the
 * reader. Separate because the merging of keys and the cap of a search's count are /trend's alone;
 * the matches are found as /search finds them (pg-text-search.ts).
 */
import type { DayCount, DayRange, SearchDayCounts } from '../article-store.js';
import type { PlaceStore } from '../place-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { StoryStore } from '../story-store.js';
import type { HiddenFrom } from '../hidden-from.js';
import { hiddenDays, subtractDays } from '../hidden-counts.js';
import { parseSearch } from '../search-syntax.js';
import { SEARCH_COUNT_LIMIT } from '../sqlite/trend-counts-table.js';
import { SHARED_STORIES } from './pg-place-reads.js';
import type { PgStoreContext } from './pg-store-context.js';
import { tsQueryText, type PgTextSearch } from './pg-text-search.js';
import { createSeqDays, wordDayCounts } from './pg-word-days.js';

/** A word in more than half the stories has its newest matches found by walking the newest stories (each vector tested). */
const WALK_SHARE = 0.5;
/** Several places or speakers sharing stories are counted per day exactly below this many stories, else summed (as SQLite). */
const EXACT_MERGE_LIMIT = 5_000;
const DAY_MS = 86_400_000;
/** Every day a story can have, when the caller gives no range (as SQLite's trend counts). */
const ALL_DAYS: DayRange = { from: -100_000, to: 100_000 };

export interface PgDayCounts {
  placeDayCounts: PlaceStore['placeDayCounts'];
  speakerDayCounts: QuoteStore['speakerDayCounts'];
  searchDayCounts: StoryStore['searchDayCounts'];
}

/** A search's matches are found by `textSearch`'s word shares and index reads, as /search finds them. */
export function createPgDayCounts(ctx: PgStoreContext, textSearch: Pick<PgTextSearch, 'wordShares' | 'fromIndexMatches'>): PgDayCounts {
  const { pool, hiddenFrom, hiddenStories } = ctx;
  const { wordShares, fromIndexMatches } = textSearch;
  const seqDays = createSeqDays(pool);

  /** Per-day rows of several keys added up by day, oldest first. */
  function sumByDay(rows: readonly { day: number; stories: number }[]): DayCount[] {
    const byDay = new Map<number, number>();
    for (const { day, stories } of rows) byDay.set(day, (byDay.get(day) ?? 0) + stories);
    return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ day, count }));
  }

  /** Stories per UTC day from their dates (`published_ms`), oldest day first. */
  function storiesByDay(publishedMs: readonly number[]): DayCount[] {
    return sumByDay(publishedMs.map((ms) => ({ day: Math.floor(ms / DAY_MS), stories: 1 })));
  }

  /**
   * Stories per UTC day of a few thousand stories at most (the exact merge of several places or
   * speakers), each once: made distinct here, their dates read by seq from articles_published_by_seq
   * (index-only). In one statement the planner sized its hash of distinct stories by a far larger
   * estimate (3 MB and 250 ms for 1,033 stories at 1M), or hashed the whole index as a join.
   */
  async function storyDays(seqs: readonly number[], r: DayRange): Promise<DayCount[]> {
    const unique = [...new Set(seqs)];
    if (unique.length === 0) return [];
    const { rows } = await pool.query<{ published_ms: number }>(
      'SELECT published_ms FROM articles WHERE seq = ANY($1::bigint[]) AND published_ms >= $2 AND published_ms < $3',
      [unique, r.from * DAY_MS, (r.to + 1) * DAY_MS],
    );
    return storiesByDay(rows.map((row) => row.published_ms));
  }

  /**
   * Stories per UTC day of several keys, each story once: the keys' per-day counts (kept at ingest)
   * added up, less, on its day, each time a story was counted by more than one of them. `shared` is SQL
   * giving those stories (`seq`, `extra`: how many keys beyond the first count it) from the mentions,
   * index-only; only their dates are read. Reading the date of every story of the keys instead (up to
   * EXACT_MERGE_LIMIT index descents) took 40-140 ms at 1M; the shared stories are a few hundred at
   * most in the bench (none for a city and its namesake division).
   */
  async function mergedDays(
    perKey: Promise<{ day: number; stories: number }[]>,
    shared: string,
    keys: readonly unknown[],
    r: DayRange,
  ): Promise<DayCount[]> {
    const [rows, { rows: overlaps }] = await Promise.all([perKey, pool.query<{ seq: number; extra: number }>(shared, [keys])]);
    const days = sumByDay(rows).filter((d) => d.count > 0);
    if (overlaps.length === 0) return days;
    const extra = new Map(overlaps.map((o) => [o.seq, o.extra]));
    const { rows: dated } = await pool.query<{ seq: number; published_ms: number }>(
      'SELECT seq, published_ms FROM articles WHERE seq = ANY($1::bigint[]) AND published_ms >= $2 AND published_ms < $3',
      [[...extra.keys()], r.from * DAY_MS, (r.to + 1) * DAY_MS],
    );
    const less = sumByDay(dated.map((d) => ({ day: Math.floor(d.published_ms / DAY_MS), stories: extra.get(d.seq)! })));
    return subtractDays(days, less);
  }

  /**
   * Stories per UTC day of several places (or speakers), each story once while the keys' stories number
   * at most EXACT_MERGE_LIMIT (from their mentions), else the summed per-key counts (an upper bound), as SQLite.
   */
  async function placeDayCounts(geonameIds: readonly number[], range: DayRange | null, reader?: HiddenFrom): Promise<DayCount[]> {
    const ids = [...new Set(geonameIds)];
    const r = range ?? ALL_DAYS;
    if (ids.length === 0) return [];
    const hidden = await hiddenFrom(reader);
    // The hidden stories' share, counted as the stored count it comes off: each story once when the keys
    // are merged exactly, once per key when their tables are added up (as SQLite).
    const less = async (merge: 'exact' | 'sum'): Promise<DayCount[]> =>
      hidden ? hiddenDays(hidden, await hiddenStories.placePairs(hidden, ids), r, merge) : [];
    const perKey = async (): Promise<{ day: number; stories: number }[]> =>
      (
        await pool.query<{ day: number; stories: number }>(
          'SELECT day, stories FROM place_day_counts WHERE geoname_id = ANY($1::int[]) AND day BETWEEN $2 AND $3',
          [ids, r.from, r.to],
        )
      ).rows;
    // The per-key counts are read in both cases: asked for at once, beside the total that chooses.
    const counted = perKey();
    counted.catch(() => undefined); // awaited below; a failure must not go unhandled while the total is read
    if (ids.length > 1) {
      const total = (
        await pool.query<{ n: number }>(
          'SELECT COALESCE(SUM(stories), 0)::int AS n FROM place_story_counts WHERE geoname_id = ANY($1::int[])',
          [ids],
        )
      ).rows[0]!.n;
      if (total <= EXACT_MERGE_LIMIT) {
        const exact = await mergedDays(counted, `SELECT article_seq AS seq, (k - 1)::int AS extra FROM (${SHARED_STORIES}) shared`, ids, r);
        return subtractDays(exact, await less('exact'));
      }
    }
    return subtractDays(sumByDay(await counted), await less('sum'));
  }

  async function speakerDayCounts(speakers: readonly string[], range: DayRange | null, reader?: HiddenFrom): Promise<DayCount[]> {
    // Speakers differ by case only in how a story wrote them: counted by lower-case name (quote_speakers.key).
    const keys = [...new Set(speakers.map((s) => s.toLowerCase()))];
    const r = range ?? ALL_DAYS;
    if (keys.length === 0) return [];
    const hidden = await hiddenFrom(reader);
    const less = async (merge: 'exact' | 'sum'): Promise<DayCount[]> =>
      hidden ? hiddenDays(hidden, await hiddenStories.speakerPairs(hidden, keys), r, merge) : [];
    const perKey = async (): Promise<{ day: number; stories: number }[]> =>
      (
        await pool.query<{ day: number; stories: number }>(
          'SELECT day, stories FROM speaker_day_counts WHERE key = ANY($1::text[]) AND day BETWEEN $2 AND $3',
          [keys, r.from, r.to],
        )
      ).rows;
    const counted = keys.includes('unknown') ? null : perKey();
    counted?.catch(() => undefined); // awaited below; a failure must not go unhandled while the total is read
    if (keys.length > 1) {
      const total = (
        await pool.query<{ n: number }>('SELECT COALESCE(SUM(quotes), 0)::int AS n FROM quote_speakers WHERE key = ANY($1::text[])', [keys])
      ).rows[0]!.n;
      if (total <= EXACT_MERGE_LIMIT) {
        // 'unknown' has no per-day counts (a quote without a speaker): its stories are read one by one, as before.
        const exact = !counted
          ? await storyDays(
              (
                await pool.query<{ article_seq: number }>('SELECT article_seq FROM quotes WHERE lower(speaker) = ANY($1::text[])', [keys])
              ).rows.map((m) => m.article_seq),
              r,
            )
          : await mergedDays(
              counted,
              `SELECT article_seq AS seq, (COUNT(DISTINCT lower(speaker)) - 1)::int AS extra FROM quotes WHERE lower(speaker) = ANY($1::text[])
              GROUP BY article_seq HAVING COUNT(DISTINCT lower(speaker)) > 1`,
              keys,
              r,
            );
        return subtractDays(exact, await less('exact'));
      }
    }
    return subtractDays(sumByDay(await (counted ?? perKey())), await less('sum'));
  }

  /** Stories per day matching every search word, the newest SEARCH_COUNT_LIMIT matches at most (as SQLite). */
  async function searchDayCounts(query: string, range: DayRange | null, reader?: HiddenFrom): Promise<SearchDayCounts> {
    const parsed = parseSearch(query);
    const text = tsQueryText(parsed, false);
    if (text === '') return { days: [], capped: false };
    const r = range ?? ALL_DAYS;
    // Stories hidden from the server are left out of the matches: the newest SEARCH_COUNT_LIMIT it may see.
    const hidden = await hiddenFrom(reader);
    // Common words only: their stories kept as bits (pg-word-days.ts), not their matches visited.
    const kept = await wordDayCounts(pool, seqDays, text, r, hidden, SEARCH_COUNT_LIMIT);
    if (kept) return kept;
    // Each match's date from article_search's narrow rows. Without a span of dates (its own bound, a
    // BitmapAnd with article_search_by_published), a common word is looked for among the newest stories
    // that can hold the cap (its share says how many, with a margin), and among all when those held fewer.
    const { shares, maxSeq } = range === null ? await wordShares(parsed) : { shares: [], maxSeq: 0 };
    const share = shares.length === 0 ? 0 : Math.min(...shares);
    const span = share > 0 ? Math.ceil((1.5 * SEARCH_COUNT_LIMIT) / share) : Infinity;
    const window = span < maxSeq ? maxSeq - span : null;
    // Counted per day here: the newest matches' 20,001 dates sent to the client cost it ~15 ms to read.
    // Each day's oldest match says which one to leave out when the cap is passed.
    const sql = `WITH m AS MATERIALIZED (SELECT w.seq, w.published_ms FROM article_search w
        WHERE w.tsv @@ websearch_to_tsquery('english', $1) AND w.published_ms >= $2 AND w.published_ms < $3
          AND ($5::bigint[] IS NULL OR w.seq <> ALL($5::bigint[])) AND w.seq > $6
        ORDER BY w.seq DESC LIMIT $4)
      SELECT floor(m.published_ms / ${DAY_MS}.0)::int AS day, COUNT(*)::int AS stories, MIN(m.seq) AS oldest FROM m GROUP BY 1`;
    type DayRow = { day: number; stories: number; oldest: number };
    const matches = (after: number | null): Promise<DayRow[]> => {
      const params = [text, r.from * DAY_MS, (r.to + 1) * DAY_MS, SEARCH_COUNT_LIMIT + 1, hidden ? [...hidden.keys()] : null, after ?? 0];
      // In over half the stories, the newest stories walked (testing each vector, some read from TOAST)
      // reach the cap sooner than the matches' rows are visited ('said', 88%: 21 ms against 47 at 100k);
      // below, the GIN index's matches ('pct', 38%: 22-33 ms against 96; 'bank', 23%: 24 against 99).
      return share > WALK_SHARE ? pool.query<DayRow>(sql, params).then((res) => res.rows) : fromIndexMatches<DayRow>(sql, params);
    };
    const total = (days: readonly DayRow[]): number => days.reduce((n, d) => n + d.stories, 0);
    let days = await matches(window);
    if (window !== null && total(days) <= SEARCH_COUNT_LIMIT) days = await matches(null);
    const capped = total(days) > SEARCH_COUNT_LIMIT;
    if (capped) {
      // the oldest of the SEARCH_COUNT_LIMIT + 1 matches is not counted
      const oldest = days.reduce((a, b) => (b.oldest < a.oldest ? b : a));
      days = days.map((d) => (d === oldest ? { ...d, stories: d.stories - 1 } : d));
    }
    return { days: sumByDay(days.filter((d) => d.stories > 0)), capped };
  }

  return { placeDayCounts, speakerDayCounts, searchDayCounts };
}
