import type { DayCount, DayRange } from './article-store.js';

/**
 * The counts kept at ingest (stories per place and day, per month, quotes per speaker) cover every
 * stored story. A server that may not see the stories only other servers' feeds brought
 * (DATELINE_FEED_STORIES=own-server) gets them less the part those stories add, worked out here from
 * the hidden stories alone (usually a small share of the store): the same rule as the stored count,
 * so the difference is what counting the visible stories would give.
 */

/** A story hidden from one server: the backend's key for it (rowid, seq) and its dates as the counts file it. */
export interface HiddenStory {
  key: number;
  publishedMs: number;
  /** yyyymm of its date as written (the month `place_month_counts` files it under). */
  month: number;
}

/** What one reader hides, read once per call: the stories by key. Null or empty: nothing hidden. */
export type HiddenStories = ReadonlyMap<number, HiddenStory>;

export function hiddenStoriesOf(rows: readonly HiddenStory[]): HiddenStories {
  return new Map(rows.map((r) => [r.key, r]));
}

const DAY_MS = 86_400_000;

/**
 * Hidden stories among `pairs` (a story key, and the place or speaker it holds) per bucket: each story
 * once (`exact`, as a merged count of several keys), or once per key (`sum`, as the per-key tables add
 * up); a story whose bucket is null is left out.
 */
function countHidden<Of>(
  hidden: HiddenStories,
  pairs: readonly (readonly [key: number, of: Of])[],
  merge: 'exact' | 'sum',
  bucketOf: (story: HiddenStory) => number | null,
): Map<number, number> {
  const counted = new Set<string>();
  const byBucket = new Map<number, number>();
  for (const [key, of] of pairs) {
    const story = hidden.get(key);
    if (!story) continue;
    const id = merge === 'exact' ? String(key) : `${key}\u0000${String(of)}`;
    if (counted.has(id)) continue;
    counted.add(id);
    const bucket = bucketOf(story);
    if (bucket !== null) byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + 1);
  }
  return byBucket;
}

/** Hidden stories per UTC day in `range` among `pairs`, each once (`exact`) or once per key (`sum`). */
export function hiddenDays(
  hidden: HiddenStories,
  pairs: readonly (readonly [key: number, of: number | string])[],
  range: DayRange,
  merge: 'exact' | 'sum',
): DayCount[] {
  const byDay = countHidden(hidden, pairs, merge, (story) => {
    const day = Math.floor(story.publishedMs / DAY_MS);
    return day < range.from || day > range.to ? null : day;
  });
  return [...byDay.entries()].map(([day, count]) => ({ day, count }));
}

/** Hidden stories per month (yyyymm) among `pairs`, each once (`exact`) or once per key (`sum`). */
export function hiddenMonths(
  hidden: HiddenStories,
  pairs: readonly (readonly [key: number, of: number])[],
  merge: 'exact' | 'sum',
): Map<number, number> {
  return countHidden(hidden, pairs, merge, (story) => story.month);
}

/** Day counts less the hidden ones, days left with none dropped, oldest first. */
export function subtractDays(stored: readonly DayCount[], hidden: readonly DayCount[]): DayCount[] {
  if (hidden.length === 0) return [...stored];
  const less = new Map(hidden.map((d) => [d.day, d.count]));
  return stored.map((d) => ({ day: d.day, count: d.count - (less.get(d.day) ?? 0) })).filter((d) => d.count > 0);
}

/** Stories per key (gazetteer id) less the hidden stories holding each key, keys left with none dropped. */
export function subtractPerKey<K>(stored: ReadonlyMap<K, number>, hidden: ReadonlyMap<K, number>): Map<K, number> {
  const out = new Map(stored);
  for (const [key, n] of hidden) {
    const left = (out.get(key) ?? 0) - n;
    if (left > 0) out.set(key, left);
    else out.delete(key);
  }
  return out;
}

/**
 * Speakers as a store ranks them (most quoted first, then by name) with their quotes less those of hidden
 * stories (`hiddenQuotes`, by lower-case name): a speaker quoted only in hidden stories is gone. The
 * store read `limit` plus one per hidden speaker, so the first `limit` here are exact.
 */
export function visibleSpeakers<T extends { speaker: string; quotes: number }>(
  rows: readonly T[],
  hiddenQuotes: ReadonlyMap<string, number>,
): T[] {
  return rows
    .map((r) => ({ ...r, quotes: r.quotes - (hiddenQuotes.get(r.speaker.toLowerCase()) ?? 0) }))
    .filter((r) => r.quotes > 0)
    .sort((a, b) => b.quotes - a.quotes || (a.speaker < b.speaker ? -1 : a.speaker > b.speaker ? 1 : 0));
}
