import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { groupCoverage } from '../../src/digest/grouping/coverage.js';
import {
  DEFAULT_TEMPLATES,
  headlineShapes,
  headlineSkeleton,
  templateAndSeriesScores,
  templateScores,
} from '../../src/digest/headline-templates.js';
import type { NewArticle } from '../../src/store/article-store.js';
import { createDigestFixture, story } from './fixture.js';

describe('headline shapes', () => {
  it('drops the slots: numbers, times, months, tickers', () => {
    expect(headlineSkeleton('NORTHVILLE PIGS UP 1.50/2.00 DLR - FARM BOARD')).toEqual(['northville', 'pigs', 'up', 'dlr', 'farm', 'board']);
    expect(headlineSkeleton('ACME <ACM> 3RD QTR JAN 31 PROFIT')).toEqual(['acme', 'qtr', 'profit']);
    expect(headlineSkeleton('U.K. TEA INDEX 11:40 GMT')).toEqual(['uk', 'tea', 'index', 'gmt']);
    expect(headlineShapes('<GREEN VALLEY FUND> SETS PAYOUT')).toEqual(['=sets payout', '$sets payout']);
  });

  it('scores a shape by the earlier days it was seen on and its repeats in the window', () => {
    const day = 86_400_000;
    const history = [1, 2, 3, 4, 5].map((d) => ({ headline: `EASTFIELD PIGS STEADY ${d}.00 DLR - FARM BOARD`, publishedMs: d * day }));
    const [series, news] = templateScores(
      ['WESTFIELD PIGS UP 2.00 DLR - FARM BOARD', 'HARBOUR BRIDGE REOPENS AFTER STORM REPAIRS'],
      history,
    );
    expect(series).toBe(1);
    expect(news).toBe(0);
  });

  it('counts a headline filed again, however far apart in the window, once for each shape it shares', () => {
    const entry = (headline: string) => ({ headline, shapes: headlineShapes(headline) });
    const fund = (name: string) => entry(`${name} FUND SETS PAYOUT`);
    const options = { ...DEFAULT_TEMPLATES, noneAt: 0, fullAt: 10, windowHeadlinesPerDay: 1, windowSkeletonsPerDay: 1 };
    // Three distinct headlines share '$sets payout'; the first is filed three times between the others.
    const window = [fund('ALPHA'), fund('BETA'), fund('ALPHA'), entry('HARBOUR BRIDGE REOPENS'), fund('GAMMA'), fund('Alpha')];
    const { template, series } = templateAndSeriesScores(window, () => 1, options);
    // One earlier day each, plus the two other distinct headlines sharing '$sets payout'.
    expect(template).toEqual([0.3, 0.3, 0.3, 0.1, 0.3, 0.3]);
    expect(series).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
    // Given the same as sets of earlier days' shapes: one day holding every shape.
    const day = new Set(window.flatMap((w) => w.shapes));
    expect(templateAndSeriesScores(window, [day], options)).toEqual({ template, series });
  });

  it('weighs coverage by own-worded, substantial stories', () => {
    const member = (headline: string, template: number, bodyWords = 300) => ({
      id: headline,
      publishedMs: 0,
      headline,
      lead: '',
      placeKeys: [],
      template,
      bodyWords,
    });
    const series = groupCoverage(['A', 'B', 'C', 'D', 'E', 'F'].map((t) => member(`${t} PIGS UP`, 1)));
    const event = groupCoverage([member('Bridge reopens', 0), member('Drivers return to the bridge', 0)]);
    const notices = groupCoverage([member('Fund sets payout', 0, 20), member('Fund raises payout', 0, 20)]);
    expect(series).toBeLessThan(0);
    expect(event).toBe(1);
    expect(notices).toBeLessThan(event);
  });
});

describe('buildDigest ranking', () => {
  it("puts the day's news above a recurring market series, learnt from the store's own earlier days", async () => {
    const towns = ['Northville', 'Southby', 'Eastfield', 'Westmoor', 'Lakeside'];
    const pigReport = (town: string, day: string, hour: string, move: string) =>
      story(
        `${town.toUpperCase()} PIGS ${move} - FARM BOARD`,
        // The town in the headline alone: towns named on both sides would make each report its own subject.
        `Pig prices moved ${move.toLowerCase()} in steady trade on January ${day}, the farm board said. Top ${40 + Number(day)}.00 dlrs per cwt.`,
        `2024-01-${day}T${hour}:00:00Z`,
      );
    const earlier: NewArticle[] = [];
    // The series ran on the four days before too: that is what makes it routine.
    for (const day of ['02', '03', '04', '05']) towns.forEach((t, i) => earlier.push(pigReport(t, day, String(10 + i), `UP ${i}.50 DLR`)));
    const today = towns.map((t, i) => pigReport(t, '06', String(12 + i), `UP ${i + 1}.00 DLR`));
    const news = [
      story(
        'Storm closes harbour bridge',
        'The harbour bridge was closed on Friday after a storm damaged its cables, the city council said.',
        '2024-01-06T09:00:00Z',
      ),
      story(
        'Storm-hit harbour bridge to stay closed',
        'Engineers said the harbour bridge closed by the storm would stay shut for a week of cable repairs.',
        '2024-01-06T11:00:00Z',
      ),
      story(
        'Ferries added while harbour bridge is closed',
        'The ferry company added crossings on Friday while the storm-damaged harbour bridge stays closed.',
        '2024-01-06T13:00:00Z',
      ),
    ];
    const fx = createDigestFixture();
    try {
      await fx.addStories([...earlier, ...today, ...news]);
      const at = new Date('2024-01-07T08:00:00Z');
      const digest = await buildDigest({ store: fx.main.store }, { since: new Date('2024-01-06T08:00:00Z'), at, tz: 'UTC' });
      expect(digest.storyCount).toBe(8);
      expect(digest.groups[0]!.stories.map((s) => s.title).sort()).toEqual([
        'Ferries added while harbour bridge is closed',
        'Storm closes harbour bridge',
        'Storm-hit harbour bridge to stay closed',
      ]);
      expect(
        digest.groups
          .slice(1)
          .flatMap((g) => g.stories.map((s) => s.title))
          .every((t) => t.includes('PIGS')),
      ).toBe(true);
    } finally {
      await fx.close();
    }
    // The same day in a store without the earlier days: five reports outweigh three stories.
    const fresh = createDigestFixture();
    try {
      await fresh.addStories([...today, ...news]);
      const digest = await buildDigest(
        { store: fresh.main.store },
        { since: new Date('2024-01-06T08:00:00Z'), at: new Date('2024-01-07T08:00:00Z'), tz: 'UTC' },
      );
      expect(digest.groups[0]!.title).toMatch(/PIGS/);
    } finally {
      await fresh.close();
    }
  });
});
