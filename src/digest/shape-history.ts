import type { ArticleStore } from '../store/article-store.js';

/**
 * The headline shapes of the days before a digest's window (`templateScoresByDays`). Every build
 * used to read up to 15,000 headlines of the 14 previous days and cut them into shapes again
 * (~30 ms of CPU per build at 100k stories), although a past day's headlines do not change once
 * its news is in. So each UTC day's shapes are computed once and kept per store, until the store's
 * `dataVersion()` says something was written (then everything is read afresh: a write may add a
 * story to any day).
 */

const DAY_MS = 86_400_000;
/**
 * Days kept per store, least recently used dropped first: up to a year of days and at most
 * MAX_ENTRIES headlines (~200 bytes each with interned shapes: ~20 MB), so digests of any recent
 * window stay warm (`dateline digest --at`, previews, subscriptions in many zones).
 */
const MAX_DAYS = 366;
const MAX_ENTRIES = 100_000;
/** Distinct shapes interned per store before the table is started afresh. */
const MAX_INTERNED = 200_000;

interface DayShapes {
  /** Newest first, as `headlineShapesBetween` orders them: the shapes of each headline. */
  entries: { ms: number; shapes: string[] }[];
  /** Every shape of the day. */
  all: Set<string>;
  /** The day had more stories than were read (`limit`). */
  truncated: boolean;
}

interface StoreCache {
  version: number;
  days: Map<number, DayShapes>;
  /** Headlines held by `days`. */
  entries: number;
  /** One string per distinct shape: the same shapes recur day after day (that is what they are for). */
  shapes: Map<string, string>;
}

const caches = new WeakMap<ArticleStore, StoreCache>();

function readDay(store: ArticleStore, cache: StoreCache, day: number, limit: number): DayShapes {
  const rows = store.headlineShapesBetween(new Date(day * DAY_MS), new Date((day + 1) * DAY_MS), limit);
  if (cache.shapes.size > MAX_INTERNED) cache.shapes.clear();
  const intern = (shape: string): string => {
    const known = cache.shapes.get(shape);
    if (known !== undefined) return known;
    cache.shapes.set(shape, shape);
    return shape;
  };
  const entries = rows.map((r) => ({ ms: r.publishedMs, shapes: r.shapes.map(intern) }));
  const all = new Set<string>();
  for (const e of entries) for (const shape of e.shapes) all.add(shape);
  return { entries, all, truncated: rows.length >= limit };
}

function storeCache(store: ArticleStore): StoreCache {
  const version = store.dataVersion();
  let cache = caches.get(store);
  if (!cache || cache.version !== version) caches.set(store, (cache = { version, days: new Map(), entries: 0, shapes: new Map() }));
  return cache;
}

function cachedDay(store: ArticleStore, cache: StoreCache, day: number, limit: number): DayShapes {
  let shapes = cache.days.get(day);
  if (shapes && shapes.truncated && shapes.entries.length < limit) shapes = undefined;
  if (shapes) {
    // Least recently used first out: re-insert to mark the use.
    cache.days.delete(day);
  } else {
    const old = cache.days.get(day);
    if (old) {
      cache.days.delete(day);
      cache.entries -= old.entries.length;
    }
    shapes = readDay(store, cache, day, limit);
    cache.entries += shapes.entries.length;
    for (const [oldest, kept] of cache.days) {
      if (cache.days.size < MAX_DAYS && cache.entries <= MAX_ENTRIES) break;
      cache.days.delete(oldest);
      cache.entries -= kept.entries.length;
    }
  }
  cache.days.set(day, shapes);
  return shapes;
}

/**
 * For the newest `limit` headlines published in [from, to) (the history `templateScores` would be
 * given), the number of distinct UTC days each shape was seen on. Same answer as reading them whole.
 */
export function historyShapeDays(store: ArticleStore, from: Date, to: Date, limit: number): (shape: string) => number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const daySets: Set<string>[] = [];
  let remaining = limit;
  if (toMs > fromMs) {
    const cache = storeCache(store);
    for (let day = Math.floor((toMs - 1) / DAY_MS); day >= Math.floor(fromMs / DAY_MS) && remaining > 0; day--) {
      const dayStart = day * DAY_MS;
      const dayEnd = dayStart + DAY_MS;
      let shapes = cachedDay(store, cache, day, limit);
      if (shapes.truncated && toMs < dayEnd) {
        // More stories that day than are ever read at once: read the part before `to` itself.
        const part = store.headlineShapesBetween(new Date(Math.max(fromMs, dayStart)), to, remaining);
        shapes = { entries: part.map((r) => ({ ms: r.publishedMs, shapes: r.shapes })), all: new Set(), truncated: true };
      }
      // Entries are newest first: those in [from, to) are one run.
      const { entries } = shapes;
      let first = 0;
      while (first < entries.length && entries[first]!.ms >= toMs) first++;
      let end = first;
      while (end < entries.length && entries[end]!.ms >= fromMs && end - first < remaining) end++;
      if (end === first) continue;
      remaining -= end - first;
      if (first === 0 && end === entries.length && !shapes.truncated) {
        daySets.push(shapes.all);
        continue;
      }
      const set = new Set<string>();
      for (let i = first; i < end; i++) for (const shape of entries[i]!.shapes) set.add(shape);
      daySets.push(set);
    }
  }
  const counts = new Map<string, number>();
  return (shape) => {
    let n = counts.get(shape);
    if (n === undefined) {
      n = 0;
      for (const set of daySets) if (set.has(shape)) n++;
      counts.set(shape, n);
    }
    return n;
  };
}
