import { describe, expect, it } from 'vitest';
import { hiddenDays, hiddenMonths, hiddenStoriesOf, subtractDays, subtractPerKey, visibleSpeakers } from '../../src/store/hidden-counts.js';

const DAY_MS = 86_400_000;
// Two hidden stories on day 10 and day 12; story 3 is not hidden.
const hidden = hiddenStoriesOf([
  { key: 1, publishedMs: 10 * DAY_MS + 5, month: 202001 },
  { key: 2, publishedMs: 12 * DAY_MS, month: 202002 },
]);
// Story 1 mentions places 7 and 8 (twice, as a store with repeated mentions would list them), story 2 place 8, story 3 place 7.
const pairs = [
  [1, 7],
  [1, 8],
  [1, 8],
  [2, 8],
  [3, 7],
] as const;

describe('the share of hidden stories in the kept counts', () => {
  it('counts a hidden story once per key when the tables are added up, once when merged exactly', () => {
    expect(hiddenDays(hidden, pairs, { from: 0, to: 100 }, 'sum')).toEqual([
      { day: 10, count: 2 },
      { day: 12, count: 1 },
    ]);
    expect(hiddenDays(hidden, pairs, { from: 0, to: 100 }, 'exact')).toEqual([
      { day: 10, count: 1 },
      { day: 12, count: 1 },
    ]);
    expect(hiddenDays(hidden, pairs, { from: 11, to: 100 }, 'exact')).toEqual([{ day: 12, count: 1 }]);
    expect(hiddenMonths(hidden, pairs, 'sum')).toEqual(
      new Map([
        [202001, 2],
        [202002, 1],
      ]),
    );
    expect(hiddenMonths(hidden, pairs, 'exact')).toEqual(
      new Map([
        [202001, 1],
        [202002, 1],
      ]),
    );
  });

  it('takes it off the kept counts, dropping what is left with none', () => {
    const stored = [
      { day: 9, count: 4 },
      { day: 10, count: 2 },
      { day: 12, count: 3 },
    ];
    expect(subtractDays(stored, [{ day: 10, count: 2 }])).toEqual([
      { day: 9, count: 4 },
      { day: 12, count: 3 },
    ]);
    expect(subtractDays(stored, [])).toEqual(stored);
    expect(
      subtractPerKey(
        new Map([
          [7, 3],
          [8, 1],
        ]),
        new Map([[8, 1]]),
      ),
    ).toEqual(new Map([[7, 3]]));
  });

  it('ranks speakers by the quotes left, dropping those only hidden stories quote', () => {
    const rows = [
      { speaker: 'Bob Hidden', quotes: 5 },
      { speaker: 'Ann Lee', quotes: 4 },
      { speaker: 'Cy Doe', quotes: 3 },
    ];
    const quotes = new Map([
      ['bob hidden', 5],
      ['ann lee', 2],
    ]);
    expect(visibleSpeakers(rows, quotes)).toEqual([
      { speaker: 'Cy Doe', quotes: 3 },
      { speaker: 'Ann Lee', quotes: 2 },
    ]);
  });
});
