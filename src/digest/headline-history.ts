import { boundedMemo } from '../core/bounded-memo.js';
import { headlineWords, type HeadlineHistory } from './group-stories.js';

/**
 * Each past day's headline words, counted once per day's list of shapes (`historyShapeDays`): a whole
 * past day's list is the same array build after build (shape-history.ts keeps it), so its words are
 * counted once, not on every build; a day the window cuts is a fresh list, counted again.
 */
const dayWords = new WeakMap<readonly string[], Map<string, number>>();

/** A day's whole skeletons (`=`-shapes, `headlineShapes`): one for each distinct headline. */
function isSkeleton(shape: string): boolean {
  return shape.startsWith('=');
}

/**
 * `headlineWords` of each skeleton, kept across days (bounded): a series files the same skeleton day
 * after day ("<town> HOGS UP <n> DLR - USDA", "<fund> SETS PAYOUT"), so a past day seen for the first
 * time mostly finds its skeletons' words already cut and stemmed.
 */
const skeletonWords = boundedMemo((shape: string) => headlineWords(shape.slice(1)), 50_000);

function wordsOfDay(shapes: readonly string[]): Map<string, number> {
  let words = dayWords.get(shapes);
  if (!words) {
    words = new Map();
    for (const shape of shapes) {
      if (!isSkeleton(shape)) continue;
      for (const word of skeletonWords(shape)) words.set(word, (words.get(word) ?? 0) + 1);
    }
    dayWords.set(shapes, words);
  }
  return words;
}

/** Each past day's skeletons, counted once per day's list as its words are (a build asks for two weeks of days). */
const daySkeletons = new WeakMap<readonly string[], number>();

function skeletonsOfDay(shapes: readonly string[]): number {
  let n = daySkeletons.get(shapes);
  if (n === undefined) {
    n = 0;
    for (const shape of shapes) if (isSkeleton(shape)) n++;
    daySkeletons.set(shapes, n);
  }
  return n;
}

/**
 * The headlines of the days before a window, as grouping asks about them (`HeadlineHistory`): from the
 * days' shapes the digest reads for routine series anyway, so no other read of the store. The days'
 * words are counted only when grouping first asks about a word (a window with a burst to judge).
 */
export function headlineHistory(days: readonly (readonly string[])[]): HeadlineHistory {
  const counted = days.filter((day) => skeletonsOfDay(day) > 0);
  const headlines = counted.reduce((n, day) => n + skeletonsOfDay(day), 0);
  let words: Map<string, number>[] | null = null;
  const ofDays = (): Map<string, number>[] => (words ??= counted.map(wordsOfDay));
  return {
    days: counted.length,
    headlines,
    headlinesWith: (word) => ofDays().reduce((n, d) => n + (d.get(word) ?? 0), 0),
    daysWith: (word) => ofDays().reduce((n, d) => n + (d.has(word) ? 1 : 0), 0),
  };
}
