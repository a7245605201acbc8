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
 * most MAX_ITEMS shapes, so digests of any recent window stay warm (`dateline digest --at`, previews,
 * subscriptions in many zones). A shape is a slot of a day's list (8 bytes): each distinct shape is
 * one string however many days hold it (`keptShape`), and the ~430,000 day-shape pairs of a 100k
 * store (~70,000 distinct shapes) all fit, ~10 MB. Fewer (300,000 at ~70 bytes each, when each was
 * its own string) had random windows over its three years read most days again.
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

interface StoreCache {
  version: number;
  days: Map<number, DayShapes>;
  /** Shapes held by `days`. */
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
  return day.all.length;
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
    shapes = { stories: read.stories, all: read.shapes.map(keptShape) };
    cache.items += size(shapes);
  }
  cache.days.set(day, shapes);
  evict(cache);
  return shapes;
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
      // Part of the day: its headlines in [from, to), newest first, read one by one (kept nowhere: the
      // digest of the same window is kept whole, and a whole day of headlines read and kept for a window
      // that cuts a few hours of it, as the days a zone's midnight cuts, was most of such a build's reads).
      const part = await store.headlineShapesBetween(new Date(Math.max(fromMs, dayStart)), new Date(Math.min(toMs, dayEnd)), remaining);
      if (part.length === 0) continue;
      remaining -= part.length;
      // Every story of the day is in the part (none left out by the window or the limit): the day's list.
      if (part.length === known.stories && part.length < limit) {
        days.push(known.all);
        continue;
      }
      const set = new Set<string>();
      for (const row of part) for (const shape of row.shapes) set.add(shape);
      days.push([...set]);
    }
  }
  return days;
}
