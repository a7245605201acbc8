import type { DayCount, DayRange, SearchDayCounts } from '../article-store.js';
import { ftsMatch } from './fts-query.js';
import { parseSearch } from '../search-syntax.js';
import { createCounterDeltas } from './counter-deltas.js';
import type { SqliteDatabase } from './open-database.js';
import { hiddenDays, subtractDays, type HiddenStories } from '../hidden-counts.js';
import type { SqliteHiddenStories } from './hidden-stories.js';
import { createRowidDays } from './rowid-days.js';

/**
 * Stories per (place, UTC day) and per (speaker, UTC day), kept by addArticles and backfilled by
 * their migration, so /trend, and the small charts of /where and /quote, count without reading
 * bodies or mentions: one primary-key range per place or speaker.
 */
export interface TrendCounts {
  /**
   * Count one stored story: the distinct places it mentions and speakers it quotes (written by `flush`);
   * `by` -1 takes back places a story no longer mentions (`replacePlaces`).
   */
  addStory(day: number, geonameIds: Iterable<number>, speakers: Iterable<string>, by?: 1 | -1): void;
  /** Delete the (place, day) rows of these pairs that no story counts any more (after `flush`). */
  dropEmptyPlaceDays(pairs: Iterable<readonly [geonameId: number, day: number]>): void;
  /** Write the counted stories, one upsert per (key, day), inside the transaction that counted them. */
  flush(): void;
  /** Drop counts of a transaction that rolled back. */
  drop(): void;
  /** With `hidden` (stories hidden from one server, non-empty), those stories are not counted: here and below. */
  placeDays(geonameIds: readonly number[], range: DayRange | null, hidden?: HiddenStories): DayCount[];
  speakerDays(speakers: readonly string[], range: DayRange | null, hidden?: HiddenStories): DayCount[];
  searchDays(query: string, range: DayRange | null, hidden?: HiddenStories): SearchDayCounts;
}

/**
 * Several keys (a city and its division; the speakers a name matches) may share stories: they are
 * counted exactly (distinct stories) while their summed counts stay below this, else summed, an
 * upper bound, rather than walking every mention of a very common place (as countPlaceMentions).
 */
const EXACT_MERGE_LIMIT = 5_000;
/**
 * Newest matches of an about: search counted: the FTS index has no dates, so each match costs a row
 * lookup (a word in every story would cost ~1 s at 1M stories); a chart of a very common word shows
 * its newest matches only, and says so.
 */
export const SEARCH_COUNT_LIMIT = 20_000;

const DAY_MS = 86_400_000;
/** Every day a story can have (1696-2243), when the caller gives no range. */
const ALL_DAYS: DayRange = { from: -100_000, to: 100_000 };

/** SQL for the UTC day of `published_ms` (floor division: stories before 1970 exist). */
const DAY_OF = (column: string): string => `((${column} - ((${column} % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS}) / ${DAY_MS})`;

/**
 * The migration's SQL: the tables, filled from the stories already stored. Dropped first, so that
 * running it again (a store whose version was set back) rebuilds them from the stories.
 */
export const TREND_COUNTS_SQL = `
  DROP TABLE IF EXISTS place_day_counts;
  DROP TABLE IF EXISTS speaker_day_counts;
  CREATE TABLE place_day_counts (
    geoname_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    PRIMARY KEY (geoname_id, day)
  ) WITHOUT ROWID;
  INSERT INTO place_day_counts (geoname_id, day, stories)
    SELECT p.geoname_id, ${DAY_OF('a.published_ms')}, COUNT(DISTINCT p.article_rowid)
    FROM places p JOIN articles a ON a.rowid = p.article_rowid
    WHERE p.geoname_id IS NOT NULL GROUP BY 1, 2;

  CREATE TABLE speaker_day_counts (
    speaker TEXT NOT NULL COLLATE NOCASE,
    day INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    PRIMARY KEY (speaker, day)
  ) WITHOUT ROWID;
  INSERT INTO speaker_day_counts (speaker, day, stories)
    SELECT q.speaker, ${DAY_OF('a.published_ms')}, COUNT(DISTINCT q.article_rowid)
    FROM quotes q JOIN articles a ON a.rowid = q.article_rowid
    WHERE q.speaker <> 'unknown' GROUP BY q.speaker COLLATE NOCASE, 2;
`;

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

function toDayCounts(rows: readonly [number, number][]): DayCount[] {
  return rows.map(([day, count]) => ({ day, count }));
}

/** Day counts of several keys added up, by day. */
function sumByDay(rows: Iterable<[number, number]>): DayCount[] {
  const byDay = new Map<number, number>();
  for (const [day, n] of rows) byDay.set(day, (byDay.get(day) ?? 0) + n);
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ day, count }));
}

export function createTrendCounts(db: SqliteDatabase, hiddenStories: SqliteHiddenStories): TrendCounts {
  const q = {
    countPlace: db.prepare<[number, number, number]>(
      'INSERT INTO place_day_counts (geoname_id, day, stories) VALUES (?, ?, ?) ON CONFLICT (geoname_id, day) DO UPDATE SET stories = stories + excluded.stories',
    ),
    dropEmptyPlaceDay: db.prepare<[number, number]>('DELETE FROM place_day_counts WHERE geoname_id = ? AND day = ? AND stories <= 0'),
    countSpeaker: db.prepare<[string, number, number]>(
      'INSERT INTO speaker_day_counts (speaker, day, stories) VALUES (?, ?, ?) ON CONFLICT (speaker, day) DO UPDATE SET stories = stories + excluded.stories',
    ),
    placeDays: db
      .prepare<[number, number, number], [number, number]>(
        'SELECT day, stories FROM place_day_counts WHERE geoname_id = ? AND day BETWEEN ? AND ? ORDER BY day',
      )
      .raw(true),
    placeTotal: db.prepare<[number], number>('SELECT stories FROM place_story_counts WHERE geoname_id = ?').pluck(true),
    speakerDays: db
      .prepare<[string, number, number], [number, number]>(
        'SELECT day, stories FROM speaker_day_counts WHERE speaker = ? AND day BETWEEN ? AND ? ORDER BY day',
      )
      .raw(true),
    speakerTotal: db.prepare<[string], number>('SELECT quotes FROM quote_speakers WHERE speaker = ?').pluck(true),
    // A page of matches newest first, each dated from memory (rowid-days.ts), within the rowids a
    // span's stories have.
    // The bounds cast to INTEGER: better-sqlite3 binds a JS number as REAL, and FTS5 ignores a rowid bound
    // that is not an integer, reading the word's whole doclist (`said today` over four months of 1991 at 1M
    // stories: 23 ms uncast, 1.9 ms cast).
    searchRowids: db
      .prepare<[string, number, number, number], number>(
        'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) ORDER BY rowid DESC LIMIT ?',
      )
      .pluck(true),
  };

  /**
   * Distinct stories per day of those `stories` selects (SQL giving their rowids as `r`, from `params`),
   * each date read from the small (rowid, published_ms) index rather than the story's row.
   */
  const exactDays = (stories: string, params: readonly (string | number)[], range: DayRange): DayCount[] =>
    toDayCounts(
      db
        .prepare<(string | number)[], [number, number]>(
          `
          SELECT ${DAY_OF('a.published_ms')} AS day, COUNT(*) FROM (${stories}) m
          JOIN articles a INDEXED BY articles_published_by_rowid ON a.rowid = m.r WHERE a.published_ms >= ? AND a.published_ms < ? GROUP BY day ORDER BY day`,
        )
        .raw(true)
        .all(...params, range.from * DAY_MS, (range.to + 1) * DAY_MS),
    );

  /** Distinct stories per day mentioning any of the ids, from the mentions (small sets only). */
  const exactPlaceDays = (ids: readonly number[], range: DayRange): DayCount[] =>
    exactDays(`SELECT DISTINCT article_rowid AS r FROM places WHERE geoname_id IN (${marks(ids.length)})`, ids, range);

  const exactSpeakerDays = (speakers: readonly string[], range: DayRange): DayCount[] =>
    exactDays(
      `SELECT DISTINCT article_rowid AS r FROM quotes WHERE speaker COLLATE NOCASE IN (${marks(speakers.length)})`,
      speakers,
      range,
    );

  const rowidDays = createRowidDays(db);
  const placeDays = createCounterDeltas<[number, number]>();
  const speakerDays = createCounterDeltas<[string, number]>();

  return {
    addStory(day, geonameIds, speakers, by = 1) {
      for (const id of geonameIds) placeDays.add(`${id} ${day}`, [id, day], by);
      // the exact spelling as key: the first one written is the one the case-folding table keeps, as before
      for (const speaker of speakers) speakerDays.add(`${day} ${speaker}`, [speaker, day], by);
    },
    dropEmptyPlaceDays(pairs) {
      for (const [id, day] of pairs) q.dropEmptyPlaceDay.run(id, day);
    },
    flush() {
      placeDays.flush(([id, day], n) => q.countPlace.run(id, day, n));
      speakerDays.flush(([speaker, day], n) => q.countSpeaker.run(speaker, day, n));
    },
    drop() {
      placeDays.clear();
      speakerDays.clear();
    },
    placeDays(geonameIds, range, hidden) {
      const ids = [...new Set(geonameIds)];
      const r = range ?? ALL_DAYS;
      if (ids.length === 0) return [];
      // The hidden stories' share, counted as the stored count it comes off: each story once when the
      // keys are merged exactly, once per key when their tables are added up.
      const less = (merge: 'exact' | 'sum'): DayCount[] =>
        hidden && hidden.size > 0 ? hiddenDays(hidden, hiddenStories.placePairs(hidden, ids), r, merge) : [];
      if (ids.length === 1) return subtractDays(toDayCounts(q.placeDays.all(ids[0]!, r.from, r.to)), less('sum'));
      const total = ids.reduce((sum, id) => sum + (q.placeTotal.get(id) ?? 0), 0);
      if (total <= EXACT_MERGE_LIMIT) return subtractDays(exactPlaceDays(ids, r), less('exact'));
      return subtractDays(sumByDay(ids.flatMap((id) => q.placeDays.all(id, r.from, r.to))), less('sum'));
    },
    speakerDays(speakers, range, hidden) {
      // Speakers differ by case only in how a story wrote them: the table folds case, so do the keys.
      const keys = [...new Map(speakers.map((s) => [s.toLowerCase(), s])).values()];
      const r = range ?? ALL_DAYS;
      if (keys.length === 0) return [];
      const less = (merge: 'exact' | 'sum'): DayCount[] =>
        hidden && hidden.size > 0 ? hiddenDays(hidden, hiddenStories.speakerPairs(hidden, keys), r, merge) : [];
      if (keys.length === 1) return subtractDays(toDayCounts(q.speakerDays.all(keys[0]!, r.from, r.to)), less('sum'));
      const total = keys.reduce((sum, s) => sum + (q.speakerTotal.get(s) ?? 0), 0);
      if (total <= EXACT_MERGE_LIMIT) return subtractDays(exactSpeakerDays(keys, r), less('exact'));
      return subtractDays(sumByDay(keys.flatMap((s) => q.speakerDays.all(s, r.from, r.to))), less('sum'));
    },
    searchDays(query, range, hidden) {
      const match = ftsMatch(parseSearch(query));
      if (match === '') return { days: [], capped: false };
      rowidDays.refresh();
      const r = range ?? ALL_DAYS;
      const bounds = range ? rowidDays.bounds(range) : { lo: 0, hi: Number.MAX_SAFE_INTEGER };
      if (!bounds) return { days: [], capped: false };
      // The newest SEARCH_COUNT_LIMIT matches in the span that the server may see, as the chart says;
      // read in pages (one for most), since stories stored out of date order may fall outside the span.
      const byDay = new Map<number, number>();
      let counted = 0;
      let capped = false;
      let hi = bounds.hi;
      for (;;) {
        const want = SEARCH_COUNT_LIMIT + 1 - counted;
        const rowids = q.searchRowids.all(match, bounds.lo, hi, want);
        for (const rowid of rowids) {
          const day = rowidDays.dayOf(rowid);
          if (day === undefined || day < r.from || day > r.to || hidden?.has(rowid)) continue;
          if (counted === SEARCH_COUNT_LIMIT) {
            capped = true;
            break;
          }
          counted++;
          byDay.set(day, (byDay.get(day) ?? 0) + 1);
        }
        if (capped || rowids.length < want) break;
        hi = rowids[rowids.length - 1]! - 1;
      }
      return { days: sumByDay(byDay), capped };
    },
  };
}
