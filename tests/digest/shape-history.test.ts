import { describe, expect, it } from 'vitest';
import { headlineShapes } from '../../src/digest/headline-templates.js';
import { historyShapeDays } from '../../src/digest/shape-history.js';
import type { NewArticle } from '../../src/store/article-store.js';
import type { DigestFeatureStore } from '../../src/store/digest-feature-store.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { createDigestFixture, story } from './fixture.js';

const DAY_MS = 86_400_000;

/** What templateScores counts: distinct UTC days per shape over the newest `limit` headlines of [from, to). */
async function direct(store: StoryStore, from: Date, to: Date, limit: number): Promise<Map<string, number>> {
  const days = new Map<string, Set<number>>();
  for (const h of await store.publishedBetween(from, to, limit)) {
    for (const shape of headlineShapes(h.headline)) {
      let set = days.get(shape);
      if (!set) days.set(shape, (set = new Set()));
      set.add(Math.floor(Date.parse(h.published) / DAY_MS));
    }
  }
  return new Map([...days].map(([shape, set]) => [shape, set.size]));
}

const SERIES = ['PIGS UP 1.00 DLR - FARM BOARD', 'CATTLE STEADY - FARM BOARD', 'FUND SETS PAYOUT', 'GRAIN FUTURES OPEN HIGHER IN CHICAGO'];

describe('historyShapeDays', () => {
  it('counts the same days as reading the headlines whole, for partial days, limits and after new writes', async () => {
    const fx = createDigestFixture();
    try {
      const stories: NewArticle[] = [];
      for (let d = 1; d <= 6; d++) {
        for (let h = 0; h < 24; h += 5) {
          const headline = `${['NORTHVILLE', 'SOUTHBY', 'EASTFIELD'][(d + h) % 3]} ${SERIES[(d * h) % SERIES.length]}`;
          stories.push(
            story(headline, `Report ${d}-${h}: routine figures for the day.`, `2024-01-0${d}T${String(h).padStart(2, '0')}:30:00Z`),
          );
        }
      }
      await fx.addStories(stories);
      const store = fx.main.store;
      const shapes = [...new Set(stories.flatMap((s) => headlineShapes(s.headline)))].concat(['=nothing like it']);
      const check = async (from: string, to: string, limit: number): Promise<void> => {
        const want = await direct(store.stories, new Date(from), new Date(to), limit);
        const days = await historyShapeDays(store.digest, new Date(from), new Date(to), limit);
        for (const day of days) expect(new Set(day).size).toBe(day.length);
        const got = (shape: string): number => days.filter((day) => day.includes(shape)).length;
        for (const shape of shapes) expect([shape, got(shape)]).toEqual([shape, want.get(shape) ?? 0]);
      };
      await check('2024-01-01T00:00:00Z', '2024-01-07T00:00:00Z', 15_000);
      await check('2024-01-01T07:00:00Z', '2024-01-05T13:00:00Z', 15_000); // partial days at both ends
      await check('2024-01-02T07:00:00Z', '2024-01-05T13:00:00Z', 7); // the limit cuts inside a day
      await check('2024-01-01T00:00:00Z', '2024-01-07T00:00:00Z', 3);
      await check('2024-01-03T00:00:00Z', '2024-01-03T00:00:00Z', 100); // empty range
      // A new story on a past day: the kept shapes are dropped (the store's data version changed).
      await fx.addStories([story('LAKESIDE NEW SHAPE OF HEADLINE TODAY', 'Something new.', '2024-01-02T12:00:00Z')]);
      shapes.push(...headlineShapes('LAKESIDE NEW SHAPE OF HEADLINE TODAY'));
      await check('2024-01-01T00:00:00Z', '2024-01-07T00:00:00Z', 15_000);
    } finally {
      await fx.close();
    }
  });

  it('keeps every day of a long walk between builds: days without stories, and busy days', async () => {
    // Three years of days, one in three with stories, each with ~800 shapes.
    const series = Array.from({ length: 800 }, (_, k) => `=series number ${k}`);
    let reads = 0;
    const store = {
      dataVersion: () => Promise.resolve(1),
      dayHeadlineShapes: (day: Date) => {
        reads++;
        const d = Math.floor(day.getTime() / DAY_MS);
        return Promise.resolve(d % 3 === 0 ? { stories: 800, shapes: [...series, `=own of day ${d}`] } : { stories: 0, shapes: [] });
      },
      headlineShapesBetween: () => Promise.resolve([]),
    } as unknown as DigestFeatureStore;
    const from = new Date(0);
    const to = new Date(1000 * DAY_MS);
    const first = await historyShapeDays(store, from, to, 10_000_000);
    expect(reads).toBe(1000);
    expect(first).toHaveLength(334);
    expect(first.filter((day) => day.includes('=series number 7'))).toHaveLength(334);
    expect(first.filter((day) => day.includes('=own of day 3'))).toHaveLength(1);
    const again = await historyShapeDays(store, from, to, 10_000_000);
    expect(reads).toBe(1000);
    expect(again).toEqual(first);
  });
});
