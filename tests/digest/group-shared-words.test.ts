import { describe, expect, it } from 'vitest';
import { groupStories } from '../../src/digest/grouping/group-stories.js';
import { storyTerms } from '../../src/digest/grouping/story-terms.js';
import type { GroupInput, TermBackground } from '../../src/digest/grouping/types.js';

const NOON = Date.parse('1987-04-08T12:00:00Z');

/** A reported wire story: a headline, a lead and a body of `bodyWords` words. */
function story(id: string, hoursAgo: number, headline: string, lead: string, bodyWords = 300): GroupInput {
  return { id, publishedMs: NOON - hoursAgo * 3_600_000, headline, lead, placeKeys: [], bodyWords };
}

/** The day's other news: one story each, on made-up subjects of their own. */
function otherNews(n: number): GroupInput[] {
  const topics = ['harvest', 'museum', 'election', 'tennis', 'pipeline', 'vaccine', 'satellite', 'drought', 'festival', 'bridge'];
  return Array.from({ length: n }, (_, i) => {
    const name = `Q${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const topic = topics[i % topics.length]!;
    return story(
      `o${i}`,
      (i % 20) + 1,
      `${name.toUpperCase()} ${topic.toUpperCase()} DELAYED`,
      `The ${topic} of ${name} was delayed, officials said.`,
    );
  });
}

/** A store of 20,000 stories in which today's words are as rare as today makes them. */
function storeOf(today: readonly GroupInput[]): TermBackground {
  const counts = new Map<string, number>();
  for (const st of today) for (const [t] of storyTerms(st.headline, st.lead, st.placeKeys)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { stories: 20_000, storiesWith: (term) => counts.get(String(term)) ?? 0 };
}

function together(stories: readonly GroupInput[], a: string, b: string): boolean {
  const groups = groupStories(stories, NOON, undefined, storeOf(stories));
  return groups.some((g) => g.ids.includes(a) && g.ids.includes(b));
}

// Reuters, 8 April 1987: three Boeing stories that share the company's name and nothing said of it.
const engine = story(
  'engine',
  6,
  'BOEING <BA> UNIT CHOOSES UNDUCTED FAN ENGINE',
  "Boeing Co's Boeing Commercial Airplane Co said it selected an unducted fan engine for continued development as the baseline engine for the 7J7 airliner.",
);
const crash = story(
  'crash',
  4,
  'JAL BOEING CRASH CAUSED BY FAULTY REPAIRS-REPORT',
  'Faulty repair work by The Boeing Company <BA.N> was a contributary cause to a Japan Air Lines Co Ltd 747 crash that killed 520 people, a ministry report says.',
);

describe('a shared name alone does not make one event (grouping version 12)', () => {
  it('keeps apart two stories with bodies that share only a company name', () => {
    expect(together([engine, crash, ...otherNews(40)], 'engine', 'crash')).toBe(false);
  });

  it('joins two stories with bodies that share the name and what happened', () => {
    const again = story(
      'again',
      2,
      'BOEING <BA> PICKS UNDUCTED FAN ENGINE FOR 7J7',
      'Boeing Co picked an unducted fan engine as the baseline engine of its 7J7 airliner, a spokesman for the company said.',
    );
    expect(together([engine, again, crash, ...otherNews(40)], 'engine', 'again')).toBe(true);
    expect(together([engine, again, crash, ...otherNews(40)], 'again', 'crash')).toBe(false);
  });

  it('still joins headlines without bodies on a shared name (the events eval has no bodies)', () => {
    const headline = (s: GroupInput): GroupInput => ({ ...s, lead: '', bodyWords: undefined });
    const a = headline(story('a', 3, 'BOEING CHOOSES UNDUCTED FAN ENGINE', ''));
    const b = headline(story('b', 2, 'BOEING UNDUCTED FAN ENGINE CHOSEN FOR 7J7', ''));
    expect(together([a, b, ...otherNews(40)], 'a', 'b')).toBe(true);
  });
});
