import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupStories } from '../../src/digest/grouping/group-stories.js';
import { DEFAULT_GROUPING, type GroupingOptions } from '../../src/digest/grouping/options.js';
import { headlineKey, placeTermCount, storyTerms, termNames } from '../../src/digest/grouping/story-terms.js';
import type { GroupInput, TermBackground } from '../../src/digest/grouping/types.js';
import { headlineHistory } from '../../src/digest/headline-history.js';
import { DEFAULT_TEMPLATES, headlineShapes, templateAndSeriesScores } from '../../src/digest/headline-templates.js';
import { countWords, squeeze } from '../../src/digest/story-features.js';
import { reutersCorpus } from '../helpers/paths.js';

/**
 * The groups of two busy Reuters days, pinned (a snapshot made with the grouping before its speed-ups
 * of issue 21, made again only when a grouping version changed what it groups: version 12): work on how
 * fast `groupStories` runs must leave what it groups, and each group's score, exactly as they were. The inputs are made here from the corpus alone (no analyzer: a change
 * of the sentence splitter or the gazetteer does not move them), with terms as store ids as a digest
 * gives them, the store's stories per term counted over six weeks around the days, and each day's
 * history of headline shapes from the fortnight before it.
 */
const DAY_MS = 86_400_000;

interface Record {
  id: string;
  date: string;
  title: string;
  text: string;
}

const records = fs
  .readFileSync(reutersCorpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record)
  .filter((r) => r.date >= '1987-02-26' && r.date < '1987-04-10');

const ids = new Map<string, number>();
const idOf = (term: string): number => {
  let id = ids.get(term);
  if (id === undefined) ids.set(term, (id = ids.size + 1));
  return id;
};
const stories = records.map((r): GroupInput => {
  const lead = squeeze(r.text.slice(0, 300));
  const terms = storyTerms(r.title, lead, []);
  return {
    id: r.id,
    publishedMs: Date.parse(r.date),
    headline: r.title,
    headlineKey: headlineKey(r.title),
    lead: '',
    placeKeys: [],
    bodyWords: countWords(r.text),
    terms: {
      ids: Int32Array.from(terms, ([t]) => idOf(t)),
      counts: Float64Array.from(terms, ([, c]) => c),
      names: Uint8Array.from(termNames(lead, terms)),
      places: placeTermCount(terms),
    },
  };
});
const counts = new Int32Array(ids.size + 1);
for (const s of stories) for (const id of s.terms!.ids as Int32Array) counts[id]!++;
const background: TermBackground = { stories: stories.length, storiesWith: (id) => (typeof id === 'number' ? (counts[id] ?? 0) : 0) };

/** The groups of the UTC day starting at `day`, each as its ids and score. */
function dayGroups(day: string, grouping: Readonly<GroupingOptions> = DEFAULT_GROUPING): string[] {
  const from = Date.parse(day);
  const inDay = (s: GroupInput, start: number): boolean => s.publishedMs >= start && s.publishedMs < start + DAY_MS;
  const window = stories.filter((s) => inDay(s, from));
  const days = Array.from({ length: DEFAULT_TEMPLATES.lookbackDays }, (_, d) => from - (d + 1) * DAY_MS)
    .map((start) => [...new Set(stories.filter((s) => inDay(s, start)).flatMap((s) => headlineShapes(s.headline)))])
    .filter((shapes) => shapes.length > 0);
  const { template, series } = templateAndSeriesScores(
    window.map((s) => ({ headline: s.headline, shapes: headlineShapes(s.headline) })),
    days,
  );
  const inputs = window.map((s, i) => ({ ...s, template: template[i]!, series: series[i]! }));
  return groupStories(inputs, from + DAY_MS, grouping, background, headlineHistory(days)).map((g) => `${g.score} ${g.ids.join(' ')}`);
}

describe('groupStories on busy Reuters days', () => {
  it('groups 1987-03-17 as before', () => {
    expect(dayGroups('1987-03-17')).toMatchSnapshot();
  });

  it('groups 1987-04-07 as before', () => {
    expect(dayGroups('1987-04-07')).toMatchSnapshot();
  });

  it('groups 1987-04-07 as before with three refine passes', () => {
    expect(dayGroups('1987-04-07', { ...DEFAULT_GROUPING, refinePasses: 3 })).toMatchSnapshot();
  });
});
