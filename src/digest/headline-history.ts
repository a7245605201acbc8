import { headlineWords, type HeadlineHistory } from './group-stories.js';

/**
 * Each past day's headline words, counted once per day's list of shapes (`historyShapeDays`): a whole
 * past day's list is the same array build after build (shape-history.ts keeps it), so its words are
 * counted once, not on every build; a day the window cuts is a fresh list, counted again.
 */
const dayWords = new WeakMap<readonly string[], { headlines: number; words: Map<string, number> }>();

function wordsOfDay(shapes: readonly string[]): { headlines: number; words: Map<string, number> } {
  let day = dayWords.get(shapes);
  if (!day) {
    day = { headlines: 0, words: new Map() };
    // A day's whole skeletons (`=`-shapes, `headlineShapes`): one for each distinct headline.
    for (const shape of shapes) {
      if (!shape.startsWith('=')) continue;
      day.headlines++;
      for (const word of headlineWords(shape.slice(1))) day.words.set(word, (day.words.get(word) ?? 0) + 1);
    }
    dayWords.set(shapes, day);
  }
  return day;
}

/**
 * The headlines of the days before a window, as grouping asks about them (`HeadlineHistory`): from the
 * days' shapes the digest reads for routine series anyway, so no other read of the store.
 */
export function headlineHistory(days: readonly (readonly string[])[]): HeadlineHistory {
  const counted = days.map(wordsOfDay).filter((d) => d.headlines > 0);
  const headlines = counted.reduce((n, d) => n + d.headlines, 0);
  return {
    days: counted.length,
    headlines,
    headlinesWith: (word) => counted.reduce((n, d) => n + (d.words.get(word) ?? 0), 0),
    daysWith: (word) => counted.reduce((n, d) => n + (d.words.has(word) ? 1 : 0), 0),
  };
}
