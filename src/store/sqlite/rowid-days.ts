import type { DayRange } from '../article-store.js';
import type { SqliteDatabase } from './open-database.js';
import { utcDay } from './digest-features-table.js';

/**
 * The UTC day of every stored story by rowid, held in memory (4 bytes a story) so that counting a
 * search's matches by day reads the full-text index alone: each match's date was a B-tree seek into
 * the (rowid, published_ms) index, ~20,000 of them for a common word's chart, and a span in an old
 * year walked every newer match first. Stories are never deleted and a new one takes a rowid above
 * every other, so the table only grows: each use first reads the stories any process added since
 * (the first use reads them all: ~0.7 s at 1M stories).
 */
export interface RowidDays {
  /** Read the stories added since the last call (one primary-key lookup when there are none). */
  refresh(): void;
  /** The story's UTC day, or undefined for a rowid no story had at the last refresh. */
  dayOf(rowid: number): number | undefined;
  /** The smallest and largest rowid of the stories published within the days, or null when there are none. */
  bounds(range: DayRange): { lo: number; hi: number } | null;
}

/** No story has this rowid (rowids of failed inserts are skipped; the first is 1). */
const NONE = -0x80000000;

export function createRowidDays(db: SqliteDatabase): RowidDays {
  const maxRowid = db.prepare<[], number | null>('SELECT max(rowid) FROM articles').pluck(true);
  const since = db
    .prepare<[number], [number, number]>('SELECT rowid, published_ms FROM articles INDEXED BY articles_published_by_rowid WHERE rowid > ?')
    .raw(true);
  let days = new Int32Array(0);
  let top = 0;
  // Each day's smallest and largest rowid: a span's bounds from its days, not from every story.
  const dayRowids = new Map<number, { lo: number; hi: number }>();

  const grow = (size: number): void => {
    if (size <= days.length) return;
    const next = new Int32Array(Math.max(size, Math.ceil(days.length * 1.5)));
    next.fill(NONE, days.length);
    next.set(days);
    days = next;
  };

  return {
    refresh() {
      const max = maxRowid.get() ?? 0;
      if (max <= top) return;
      grow(max + 1);
      for (const [rowid, ms] of since.iterate(top)) {
        const day = utcDay(ms);
        days[rowid] = day;
        const seen = dayRowids.get(day);
        if (!seen) dayRowids.set(day, { lo: rowid, hi: rowid });
        else {
          seen.lo = Math.min(seen.lo, rowid);
          seen.hi = Math.max(seen.hi, rowid);
        }
      }
      top = max;
    },
    dayOf(rowid) {
      const day = rowid <= top ? days[rowid] : undefined;
      return day === NONE ? undefined : day;
    },
    bounds(range) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const [day, rowids] of dayRowids) {
        if (day < range.from || day > range.to) continue;
        lo = Math.min(lo, rowids.lo);
        hi = Math.max(hi, rowids.hi);
      }
      return lo === Infinity ? null : { lo, hi };
    },
  };
}
