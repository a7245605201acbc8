import { describe, expect, it } from 'vitest';
import { buildDigest, digestToJson, pickSummarySentence, storyPlaces } from '../../src/digest/build-digest.js';
import type { GeoService, PlaceInfo, PlaceMention } from '../../src/geo/types.js';
import { countWords } from '../../src/digest/story-features.js';
import { groupStories } from '../../src/digest/grouping/group-stories.js';
import { createDigestFixture, story } from './fixture.js';

describe('groupStories', () => {
  it('puts stories about the same event together and ranks coverage first', () => {
    const at = Date.parse('2024-01-02T00:00:00Z');
    const groups = groupStories(
      [
        {
          id: 'a',
          publishedMs: at - 3_600_000,
          headline: 'Coffee quota talks collapse in London',
          lead: 'Coffee producers and consumers failed to agree export quotas at the ICO council.',
          placeKeys: ['g:1'],
        },
        {
          id: 'b',
          publishedMs: at - 7_200_000,
          headline: 'ICO coffee quota talks continue',
          lead: 'Talks on coffee export quotas at the ICO council went on late into the night.',
          placeKeys: ['g:1'],
        },
        {
          id: 'c',
          publishedMs: at - 600_000,
          headline: 'Dock strike ends in Rotterdam',
          lead: 'Dock workers ended their strike after a pay deal with port employers.',
          placeKeys: ['g:2'],
        },
        {
          id: 'd',
          publishedMs: at - 60_000,
          headline: 'Wheat harvest starts early',
          lead: 'Farmers began cutting wheat a week earlier than usual after a warm spring.',
          placeKeys: [],
        },
      ],
      at,
    );
    expect(groups.map((g) => [...g.ids].sort())).toEqual([['a', 'b'], ['d'], ['c']]);
  });
});

describe('buildDigest over a long-running story', () => {
  it("shows a story that runs across days as one group in each day's digest, beside the day's other news", async () => {
    const fx = createDigestFixture();
    try {
      const day1 = '2024-01-01';
      const day2 = '2024-01-02';
      const other = (day: string, i: number) =>
        story(
          `Council ${['budget', 'school', 'library', 'housing', 'parking', 'museum'][i % 6]} plan ${i}`,
          `The city council discussed plan number ${i} for the ${['river', 'park', 'market', 'bridge'][i % 4]} district.`,
          `${day}T${String(6 + i).padStart(2, '0')}:15:00Z`,
        );
      await fx.addStories([
        story(
          'Dock strike halts Rotterdam port',
          'Dock workers in Rotterdam went on strike, halting container traffic at the port.',
          `${day1}T08:00:00Z`,
        ),
        story(
          'Rotterdam dockers strike over pay',
          'The strike by dockers over pay stopped ships loading at Rotterdam port.',
          `${day1}T12:00:00Z`,
        ),
        story(
          'Port strike strands ships at Rotterdam',
          'Dozens of ships were stranded as the dock strike closed Rotterdam port.',
          `${day1}T18:00:00Z`,
        ),
        ...Array.from({ length: 8 }, (_, i) => other(day1, i)),
        story(
          'Rotterdam dock strike enters second day',
          'The dock strike at Rotterdam port went into a second day with no talks.',
          `${day2}T09:00:00Z`,
        ),
        story(
          'Talks to end Rotterdam port strike fail',
          'Talks between dockers and port employers failed to end the Rotterdam strike.',
          `${day2}T15:00:00Z`,
        ),
        ...Array.from({ length: 8 }, (_, i) => other(day2, i + 8)),
      ]);
      for (const day of [day1, day2]) {
        const since = new Date(`${day}T00:00:00Z`);
        const digest = await buildDigest(
          { store: fx.main.store },
          { since, at: new Date(since.getTime() + 86_400_000), tz: 'UTC', all: true },
        );
        const strike = digest.groups.filter((g) => g.stories.some((st) => /strike/i.test(st.title)));
        expect(strike).toHaveLength(1);
        expect(strike[0]!.stories.every((st) => /strike/i.test(st.title))).toBe(true);
        expect(strike[0]!.storyCount).toBe(day === day1 ? 3 : 2);
        expect(strike[0]!.sourceCount).toBe(1);
      }
    } finally {
      await fx.close();
    }
  });
});

describe('pickSummarySentence', () => {
  const s = (text: string, score: number, index: number) => ({ text, score, index, start: 0, end: text.length });
  it('prefers a full lead, else the best-scored sentence', () => {
    expect(
      pickSummarySentence([
        s('The council agreed a new budget for the city schools on Monday.', 0.1, 0),
        s('Other text here that scores higher.', 0.9, 1),
      ]),
    ).toBe('The council agreed a new budget for the city schools on Monday.');
    expect(pickSummarySentence([s('Shr 10 cts.', 0.1, 0), s('Net profit rose to five mln dlrs from three mln.', 0.9, 1)])).toBe(
      'Net profit rose to five mln dlrs from three mln.',
    );
    expect(pickSummarySentence([])).toBeNull();
  });
});

describe('buildDigest', () => {
  it('takes the window, filters by about, and gives the --json shape', async () => {
    const fx = createDigestFixture();
    try {
      await fx.addStories([
        story('Syria talks open in Geneva', 'Envoys met in Geneva on Monday to open talks on the war in Syria.', '2024-01-01T10:00:00Z'),
        story('Syria talks stall over agenda', 'The Geneva talks on Syria stalled on Tuesday over the agenda.', '2024-01-01T20:00:00Z'),
        story('Tea prices rise', 'Tea prices rose at the weekly auction in Mombasa on a weak harvest.', '2024-01-01T12:00:00Z'),
        story('Old news', 'This story is from the week before and must not appear.', '2023-12-25T12:00:00Z'),
      ]);
      const at = new Date('2024-01-02T08:00:00Z');
      const all = await buildDigest({ store: fx.main.store }, { since: new Date('2024-01-01T08:00:00Z'), at, tz: 'Europe/London' });
      expect(all.storyCount).toBe(3);
      expect(all.groups[0]!.stories.map((s) => s.title).sort()).toEqual(['Syria talks open in Geneva', 'Syria talks stall over agenda']);
      const json = digestToJson(
        await buildDigest({ store: fx.main.store }, { since: new Date('2024-01-01T08:00:00Z'), at, tz: 'Europe/London', about: 'syria' }),
      );
      expect(Object.keys(json)).toEqual(['at', 'tz', 'since', 'groups']);
      expect(json.at).toBe('2024-01-02T08:00:00Z');
      expect(json.groups).toHaveLength(1);
      expect(Object.keys(json.groups[0]!.stories[0]!)).toEqual(['articleId', 'title', 'date', 'source', 'summary', 'places']);
      expect(json.groups[0]!.stories.map((st) => st.summary).sort()).toEqual([
        'Envoys met in Geneva on Monday to open talks on the war in Syria.',
        'The Geneva talks on Syria stalled on Tuesday over the agenda.',
      ]);
      // The search syntax: -word leaves stories out rather than asking for them.
      const without = await buildDigest(
        { store: fx.main.store },
        { since: new Date('2024-01-01T08:00:00Z'), at, tz: 'Europe/London', about: 'syria -agenda' },
      );
      expect(without.groups.flatMap((g) => g.stories.map((st) => st.title))).toEqual(['Syria talks open in Geneva']);
      const notTea = await buildDigest(
        { store: fx.main.store },
        { since: new Date('2024-01-01T08:00:00Z'), at, tz: 'Europe/London', about: '-tea' },
      );
      // Exclusions alone filter the rest of the news.
      expect(notTea.storyCount).toBe(2);
    } finally {
      await fx.close();
    }
  });
});

describe('storyPlaces', () => {
  it('names resolved places as the gazetteer does, once each, asking it once per place whatever the builds', () => {
    const asked: number[] = [];
    const named: Record<number, string> = { 1: 'Bahrain', 2: 'Manama' };
    const geo = {
      getPlace: (id: number) => {
        asked.push(id);
        return named[id] ? ({ name: named[id] } as PlaceInfo) : null;
      },
    } as unknown as GeoService;
    const mention = (name: string, geonameId: number | null, start: number): PlaceMention => ({
      name,
      start,
      end: start + name.length,
      geonameId,
      countryCode: null,
      lat: null,
      lon: null,
    });
    const places = [
      mention('MANAMA', 2, 0),
      mention('Bahrein', 1, 10),
      mention('Manama', 2, 30),
      mention('Atlantis', 3, 40),
      mention('Gulf', null, 50),
    ];
    expect(storyPlaces(places, geo)).toEqual(['Manama', 'Bahrain', 'Atlantis', 'Gulf']);
    expect(storyPlaces(places, geo)).toEqual(['Manama', 'Bahrain', 'Atlantis', 'Gulf']);
    expect(asked).toEqual([2, 1, 3]);
    expect(storyPlaces(places)).toEqual(['MANAMA', 'Bahrein', 'Atlantis', 'Gulf']);
  });
});

describe('countWords', () => {
  it('counts as split(/\\s+/).filter(Boolean) does, any whitespace included', () => {
    for (const text of ['', '   ', 'one', ' two  words ', 'a\tb\nc\r\nd', 'no\u00a0break\u2003em\u3000ideo\ufeffbom', 'x\u200by']) {
      expect([text, countWords(text)]).toEqual([text, text.split(/\s+/).filter(Boolean).length]);
    }
  });
});
