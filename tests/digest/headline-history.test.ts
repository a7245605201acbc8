import { describe, expect, it } from 'vitest';
import { headlineWords } from '../../src/digest/grouping/story-terms.js';
import { headlineHistory } from '../../src/digest/headline-history.js';
import { headlineShapes } from '../../src/digest/headline-templates.js';

/** Each day's distinct shapes, as `historyShapeDays` gives them. */
function daysOf(headlinesByDay: readonly (readonly string[])[]): string[][] {
  return headlinesByDay.map((day) => [...new Set(day.flatMap(headlineShapes))]);
}

/** The answer by definition: distinct skeletons of each day, each counted once per word it holds. */
function reference(headlinesByDay: readonly (readonly string[])[], word: string): { headlines: number; days: number } {
  let headlines = 0;
  let days = 0;
  for (const day of daysOf(headlinesByDay)) {
    const skeletons = day.filter((shape) => shape.startsWith('='));
    const n = skeletons.filter((shape) => headlineWords(shape.slice(1)).includes(word)).length;
    headlines += n;
    if (n > 0) days++;
  }
  return { headlines, days };
}

const DAYS = [
  ['CHICAGO HOGS UP 1.00 DLR - USDA', 'OMAHA HOGS DOWN 0.50 DLR - USDA', 'Stocks fall as rates rise', 'RATE CUT RATES CUT'],
  ['CHICAGO HOGS UP 2.00 DLR - USDA', 'FRANKLIN UTILITIES FUND SETS PAYOUT', 'Stocks fall as rates rise'],
  [],
  ['WALL STREET STOCKS LOWER IN EARLY TRADING', 'U.K. MONEY MARKET GIVEN 150 MLN STG HELP', 'Oil prices rise on OPEC talk'],
];

describe('headlineHistory', () => {
  const words = [...new Set(DAYS.flat().flatMap(headlineWords))];

  it("counts each word's headlines and days as the days' skeletons hold them", () => {
    const history = headlineHistory(daysOf(DAYS));
    expect(history.days).toBe(3);
    expect(history.headlines).toBe(
      daysOf(DAYS)
        .flat()
        .filter((s) => s.startsWith('=')).length,
    );
    for (const word of [...words, 'nowhere']) {
      const { headlines, days } = reference(DAYS, word);
      expect([word, history.headlinesWith(word), history.daysWith(word)]).toEqual([word, headlines, days]);
    }
  });

  it('counts a skeleton once per word however often the word is in it, and once per day it is filed', () => {
    const history = headlineHistory(daysOf(DAYS));
    // "RATE CUT RATES CUT" holds rate twice; "Stocks fall as rates rise" is filed on two days.
    expect(history.headlinesWith('rate')).toBe(3);
    expect(history.daysWith('rate')).toBe(2);
    // The same skeleton on two days is two of the history's headlines.
    expect(history.headlinesWith('hog')).toBe(3);
    expect(history.daysWith('hog')).toBe(2);
  });

  it('gives the same answers for the same days asked again, in another order or in new lists', () => {
    const first = headlineHistory(daysOf(DAYS));
    const again = headlineHistory(daysOf([...DAYS].reverse()));
    const part = headlineHistory(daysOf(DAYS.slice(1)));
    for (const word of words) {
      expect(again.headlinesWith(word)).toBe(first.headlinesWith(word));
      expect(again.daysWith(word)).toBe(first.daysWith(word));
      expect(part.headlinesWith(word)).toBe(reference(DAYS.slice(1), word).headlines);
    }
  });
});
