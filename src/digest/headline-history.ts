import { boundedMemo } from '../core/bounded-memo.js';
import { headlineWords } from './grouping/story-terms.js';
import type { HeadlineHistory } from './grouping/types.js';

/**
 * Each past day's skeletons as their headline words, and the words asked of the day so far with the
 * number of its skeletons holding each, kept per day's list of shapes (`historyShapeDays`): a whole
 * past day's list is the same array build after build (shape-history.ts keeps it), so a word is
 * counted once per day, not on every build; a day the window cuts is a fresh list, counted again.
 * Only the words asked are counted: grouping asks about a few burst candidates (none on most days),
 * and a map of every word of two weeks of headlines was most of what a first build of those days
 * allocated.
 */
interface DayWords {
  skeletons: (readonly string[])[];
  counts: Map<string, number>;
}

const dayWords = new WeakMap<readonly string[], DayWords>();

/** A day's whole skeletons (`=`-shapes, `headlineShapes`): one for each distinct headline. */
function isSkeleton(shape: string): boolean {
  return shape.startsWith('=');
}

/**
 * `headlineWords` of each skeleton (each word once), kept across days (bounded): a series files the
 * same skeleton day after day ("<town> HOGS UP <n> DLR - USDA", "<fund> SETS PAYOUT"), so a past day
 * seen for the first time mostly finds its skeletons' words already cut and stemmed.
 */
const skeletonWords = boundedMemo((shape: string) => headlineWords(shape.slice(1)), 50_000);

function wordsOfDay(shapes: readonly string[]): DayWords {
  let day = dayWords.get(shapes);
  if (!day) {
    const skeletons: (readonly string[])[] = [];
    for (const shape of shapes) if (isSkeleton(shape)) skeletons.push(skeletonWords(shape));
    day = { skeletons, counts: new Map() };
    dayWords.set(shapes, day);
  }
  return day;
}

/** The day's skeletons holding `word`. */
function headlinesOfDayWith(day: DayWords, word: string): number {
  let n = day.counts.get(word);
  if (n === undefined) {
    n = 0;
    for (const words of day.skeletons) if (words.includes(word)) n++;
    day.counts.set(word, n);
  }
  return n;
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
  let words: DayWords[] | null = null;
  const ofDays = (): DayWords[] => (words ??= counted.map(wordsOfDay));
  return {
    days: counted.length,
    headlines,
    headlinesWith: (word) => ofDays().reduce((n, d) => n + headlinesOfDayWith(d, word), 0),
    daysWith: (word) => ofDays().reduce((n, d) => n + (headlinesOfDayWith(d, word) > 0 ? 1 : 0), 0),
  };
}
