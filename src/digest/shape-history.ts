import type { DigestFeatureStore } from '../store/digest-feature-store.js';

/**
 * The headline shapes of the days before a digest's window (`templateScoresOfShapes`). Every build
 * used to read up to 15,000 headlines of the 14 previous days and cut them into shapes again
 * (~30 ms of CPU per build at 100k stories), although a past day's headlines do not change once
 * its news is in. So the store keeps each UTC day's distinct shapes (`dayHeadlineShapes`: a few
 * hundred short rows), and they are kept here per store too, until the store's `dataVersion()` says
 * something was written (then everything is read afresh: a write may add a story to any day). Only
 * a day the window cuts (or the limit) is read story by story.
 */

const DAY_MS = 86_400_000;
/**
 * Days kept per store, least recently used dropped first: up to three years of days (a day without
 * stories is a few bytes: a store that skips days, or the two weeks before its first story) and at
 * most MAX_ITEMS shapes and headlines' shapes, so digests of any recent window stay warm (`dateline
 * digest --at`, previews, subscriptions in many zones). An item is a slot of a list (8 bytes; a
 * headline's time and start 12 more): the store gives each distinct shape as one string, however many
 * days hold it (`decodeShapes`), ~70,000 of them in the ~430,000 day-shape pairs of a 100k store,
 * which all fit (~10 MB). Fewer (300,000 at ~70 bytes each, when each was its own string) had random
 * windows over its three years read most days again, and each read's strings outlive a collection or two.
 */
const MAX_DAYS = 1100;
const MAX_ITEMS = 1_500_000;

interface DayShapes {
  /** Stories published that UTC day. */
  stories: number;
  /**
   * Every shape of the day, each once (`dayHeadlineShapes`): a list, not a set, since a build walks
   * the days' shapes and never asks one whether it holds a shape; a day's ~1,400 shapes read into a
   * set again after every write to the store were most of a build that missed the cache.
   */
  all: readonly string[];
  /**
   * Newest first, as `headlineShapesBetween` orders them: each headline's time and shapes, read only
   * when part of the day is asked for (a window that starts or ends inside it, or the limit).
   */
  entries: Entries | null;
  /** `entries` stop at the limit they were read with. */
  truncated: boolean;
}

/** Distinct shapes kept by `keptShape` at most (~100 bytes each with the map's entry), then it starts afresh. */
const MAX_SHAPES = 200_000;
const keptShapes = new Map<string, string>();

/**
 * One string per distinct shape across the kept days: a series files the same shapes day after day (a
 * 100k store holds ~70,000 distinct shapes in ~430,000 day-shape pairs), so a day read for the first
 * time mostly finds its shapes kept already, and the strings the store read die young instead of
 * being copied by the collector and kept with the day. A new shape is kept as a copy: a piece of a
 * `split` text is a slice holding the whole text (a day's list of ~1,400).
 */
function keptShape(shape: string): string {
  const kept = keptShapes.get(shape);
  if (kept !== undefined) return kept;
  const copy = Buffer.from(shape, 'utf8').toString('utf8');
  if (keptShapes.size >= MAX_SHAPES) keptShapes.clear();
  keptShapes.set(copy, copy);
  return copy;
}

/**
 * Headlines' times and shapes in flat lists (headline j's shapes are `shapes[start[j]]`…`shapes[start[j + 1] - 1]`):
 * a busy day's ~1,000 headlines kept without an object and an array each.
 */
interface Entries {
  ms: Float64Array;
  start: Int32Array;
  shapes: readonly string[];
}

function entriesOf(rows: readonly { publishedMs: number; shapes: readonly string[] }[], keep: (shape: string) => string): Entries {
  const ms = new Float64Array(rows.length);
  const start = new Int32Array(rows.length + 1);
  const shapes: string[] = [];
  rows.forEach((row, j) => {
    ms[j] = row.publishedMs;
    start[j] = shapes.length;
    for (const shape of row.shapes) shapes.push(keep(shape));
  });
  start[rows.length] = shapes.length;
  return { ms, start, shapes };
}

interface StoreCache {
  version: number;
  days: Map<number, DayShapes>;
  /** Shapes and headlines held by `days`. */
  items: number;
}

const caches = new WeakMap<DigestFeatureStore, StoreCache>();

async function storeCache(store: DigestFeatureStore): Promise<StoreCache> {
  const version = await store.dataVersion();
  let cache = caches.get(store);
  if (!cache || cache.version !== version) caches.set(store, (cache = { version, days: new Map(), items: 0 }));
  return cache;
}

function size(day: DayShapes): number {
  return day.all.length + (day.entries?.shapes.length ?? 0);
}

/** Keep the cache within bounds, least recently used days out first. */
function evict(cache: StoreCache): void {
  for (const [oldest, kept] of cache.days) {
    if (cache.days.size <= MAX_DAYS && cache.items <= MAX_ITEMS) break;
    cache.days.delete(oldest);
    cache.items -= size(kept);
  }
}

async function cachedDay(store: DigestFeatureStore, cache: StoreCache, day: number): Promise<DayShapes> {
  let shapes = cache.days.get(day);
  if (shapes) {
    // Least recently used first out: re-insert to mark the use.
    cache.days.delete(day);
  } else {
    const read = await store.dayHeadlineShapes(new Date(day * DAY_MS));
    shapes = { stories: read.stories, all: read.shapes.map(keptShape), entries: null, truncated: false };
    cache.items += size(shapes);
  }
  cache.days.set(day, shapes);
  evict(cache);
  return shapes;
}

/** The day's headlines one by one, up to `limit` of them (newest first). */
async function dayEntries(store: DigestFeatureStore, cache: StoreCache, day: number, shapes: DayShapes, limit: number): Promise<void> {
  if (shapes.entries && !(shapes.truncated && shapes.entries.ms.length < limit)) return;
  const rows = await store.headlineShapesBetween(new Date(day * DAY_MS), new Date((day + 1) * DAY_MS), limit);
  cache.items -= size(shapes);
  shapes.entries = entriesOf(rows, keptShape);
  shapes.truncated = rows.length >= limit;
  cache.items += size(shapes);
  evict(cache);
}

/**
 * For the newest `limit` headlines published in [from, to) (the history `templateScores` would be
 * given), the distinct shapes of each distinct UTC day they fall on (each shape once a day): the
 * number of days listing a shape is the number of days it was seen on, the same answer as reading
 * the headlines whole. A caller with many shapes to count (a window's ~4,000) walks the days' lists once.
 */
export async function historyShapeDays(store: DigestFeatureStore, from: Date, to: Date, limit: number): Promise<(readonly string[])[]> {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const days: (readonly string[])[] = [];
  let remaining = limit;
  if (toMs > fromMs) {
    const cache = await storeCache(store);
    for (let day = Math.floor((toMs - 1) / DAY_MS); day >= Math.floor(fromMs / DAY_MS) && remaining > 0; day--) {
      const dayStart = day * DAY_MS;
      const dayEnd = dayStart + DAY_MS;
      const known = await cachedDay(store, cache, day);
      if (known.stories === 0) continue;
      if (fromMs <= dayStart && toMs >= dayEnd && known.stories <= remaining) {
        // The whole day: its distinct shapes, without its stories.
        days.push(known.all);
        remaining -= known.stories;
        continue;
      }
      await dayEntries(store, cache, day, known, limit);
      let shapes = { entries: known.entries!, all: known.all, truncated: known.truncated };
      if (shapes.truncated && toMs < dayEnd) {
        // More stories that day than are ever read at once: read the part before `to` itself.
        const part = await store.headlineShapesBetween(new Date(Math.max(fromMs, dayStart)), to, remaining);
        shapes = { entries: entriesOf(part, (shape) => shape), all: [], truncated: true };
      }
      // Entries are newest first: those in [from, to) are one run.
      const { ms, start, shapes: flat } = shapes.entries;
      let first = 0;
      while (first < ms.length && ms[first]! >= toMs) first++;
      let end = first;
      while (end < ms.length && ms[end]! >= fromMs && end - first < remaining) end++;
      if (end === first) continue;
      remaining -= end - first;
      if (first === 0 && end === ms.length && !shapes.truncated) {
        days.push(shapes.all);
        continue;
      }
      const set = new Set<string>();
      for (let k = start[first]!; k < start[end]!; k++) set.add(flat[k]!);
      days.push([...set]);
    }
  }
  return days;
}
