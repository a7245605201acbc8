import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateBound, parseTrendRequest } from '../../commands/trend.js';
import { isoToDay } from '../../src/trend/granularity.js';
import type { TrendData } from '../../src/trend/series.js';
import { makeTempDir, sampleArticle } from '../helpers/paths.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { askCommand, createTestServices, type TestServices } from '../helpers/test-services.js';

/**
 * A small store counted by hand (the pipeline finds the places and speakers; the bodies say where):
 *   Raqqa  — stories 1, 2, 4 (twice), 5: 1 June (2), 17 October, 20 October 2017
 *   Mosul  — stories 2, 3: 1 June, 10 July 2017
 *   Talal Silo quoted — stories 1, 4: 1 June, 17 October 2017
 *   "coffee" — story 6, 15 August 2017
 */
const STORIES: [string, string, string][] = [
  [
    '2017-06-01T09:00:00Z',
    'SDF fighters advance in Raqqa',
    'Fighters of the Syrian Democratic Forces advanced in Raqqa on Thursday. "We will take the city within weeks," said Talal Silo, a spokesman for the group.',
  ],
  [
    '2017-06-01T15:00:00Z',
    'Two offensives',
    'Iraqi forces fought street by street in Mosul, while Kurdish-led fighters pressed on in Raqqa. Aid groups said thousands of civilians were trapped.',
  ],
  [
    '2017-07-10T12:00:00Z',
    'Abadi declares victory',
    'Iraqi Prime Minister Haider al-Abadi declared victory over the militants in Mosul on Monday. "The city is free," Abadi said in a televised speech.',
  ],
  [
    '2017-10-17T08:00:00Z',
    'Raqqa taken',
    'The Syrian Democratic Forces took full control of Raqqa on Tuesday, the group said. "The military operations in Raqqa are over," said Talal Silo.',
  ],
  ['2017-10-20T08:00:00Z', 'Raqqa in ruins', 'Residents returning to Raqqa found their streets in ruins on Friday, aid workers said.'],
  [
    '2017-08-15T08:00:00Z',
    'Coffee prices rise',
    'Coffee prices rose in London trading on Tuesday as dealers covered short positions, traders said.',
  ],
];

let temp: ReturnType<typeof makeTempDir>;
let storiesFile: string;
let services: TestServices;

beforeAll(async () => {
  temp = makeTempDir();
  storiesFile = path.join(temp.dir, 'stories.ndjson');
  fs.writeFileSync(
    storiesFile,
    STORIES.map(([date, title, text], i) =>
      JSON.stringify({ title, text, date, source: 'Test Wire', url: `https://example.com/${i}` }),
    ).join('\n'),
  );
  services = await createTestServices({ files: [storiesFile] });
}, 120_000);

afterAll(async () => {
  await services?.close();
  temp?.cleanup();
});

async function ask(
  line: string,
): Promise<{ isError: boolean; data: TrendData; text: string; footer?: string; png?: Uint8Array; imageName?: string }> {
  const r = await askCommand(services, line);
  return {
    isError: r.isError === true,
    data: r.data as TrendData,
    text: r.text,
    footer: r.footer,
    png: r.image?.png,
    imageName: r.image?.name,
  };
}

const points = (data: TrendData, i: number): Record<string, number> =>
  Object.fromEntries(data.series[i]!.points.filter((p) => p.count > 0).map((p) => [p.period, p.count]));

describe('/trend', () => {
  it('counts a place and a compared one against the hand count, by month', async () => {
    const r = await ask('/trend place:Raqqa compare:Mosul by:month');
    expect(r.isError).toBe(false);
    expect(r.data.by).toBe('month');
    expect(r.data.from).toBe('2017-06-01');
    expect(r.data.to).toBe('2017-10-20');
    expect(r.data.series.map((s) => [s.term, s.kind, s.total])).toEqual([
      ['Raqqa', 'place', 4],
      ['Mosul', 'place', 2],
    ]);
    expect(r.data.series[0]!.points.map((p) => p.period)).toEqual(['2017-06', '2017-07', '2017-08', '2017-09', '2017-10']);
    expect(points(r.data, 0)).toEqual({ '2017-06': 2, '2017-10': 2 });
    expect(points(r.data, 1)).toEqual({ '2017-06': 1, '2017-07': 1 });
    expect(r.text).toContain('Raqqa: 4 stories, peak in June 2017 (2)');
    expect(r.text).toContain('Mosul: 2 stories, peak in June 2017 (1)');
    expect(r.imageName).toBe('trend-raqqa-mosul.png');
    expect([...r.png!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('chooses the granularity from the span when by: is absent', async () => {
    // 1 June to 20 October 2017: 142 days, 21 weeks.
    const r = await ask('/trend place:Raqqa compare:Mosul');
    expect(r.data.by).toBe('week');
    expect(r.data.series[0]!.points).toHaveLength(21);
    expect(points(r.data, 0)).toEqual({ '2017-05-29': 2, '2017-10-16': 2 });
  });

  it('meets spelling variants of a place, as /where does', async () => {
    const a = await ask('/trend place:Raqqa by:year');
    const b = await ask('/trend place:Ar Raqqah by:year');
    expect(b.data.series[0]!.total).toBe(a.data.series[0]!.total);
  });

  it('counts stories quoting a speaker, and stories matching search words', async () => {
    const silo = await ask('/trend speaker:Talal Silo by:day from:2017-06-01 to:2017-10-31');
    expect(silo.data.series[0]).toMatchObject({ term: 'Talal Silo', kind: 'speaker', total: 2 });
    expect(points(silo.data, 0)).toEqual({ '2017-06-01': 1, '2017-10-17': 1 });
    expect(silo.data.series[0]!.points).toHaveLength(153);
    const about = await ask('/trend about:Raqqa compare:coffee prices by:month');
    expect(about.data.series.map((s) => [s.term, s.kind, s.total])).toEqual([
      ['Raqqa', 'about', 4],
      ['coffee prices', 'about', 1],
    ]);
    expect(points(about.data, 1)).toEqual({ '2017-08': 1 });
    // Says where the counts come from: a search is counted in the full-text index, not at ingest.
    expect(about.footer).toMatch(/matching the search/);
    expect(silo.footer).toMatch(/counted at ingest/);
  });

  it('keeps to from: and to:, whole periods for short dates', async () => {
    const r = await ask('/trend place:Raqqa from:2017-07 to:2017 by:month');
    expect(r.data).toMatchObject({ from: '2017-07-01', to: '2017-12-31', by: 'month' });
    expect(r.data.series[0]!.total).toBe(2);
    expect(r.data.series[0]!.points).toHaveLength(6);
  });

  it('gives /where suggestions for an unknown place, in compare: too', async () => {
    for (const line of ['/trend place:Mosulzq', '/trend place:Raqqa compare:Aleppo, Mosulzq']) {
      const r = await ask(line);
      expect(r.isError).toBe(true);
      expect(r.text).toBe('No place called "Mosulzq" in the gazetteer. Did you mean "Mosul"?');
      expect(r.data).toMatchObject({ place: null, suggestions: ['Mosul'] });
    }
  });

  it('says when nothing is found, with the span searched', async () => {
    const none = await ask('/trend about:zebra');
    expect(none.isError).toBe(true);
    expect(none.text).toBe('No stored story matches "zebra" at any date.');
    const outside = await ask('/trend place:Raqqa from:2018-01-01 to:2018-06-30');
    expect(outside.text).toBe('No stored story mentions Raqqa between 2018-01-01 and 2018-06-30.');
    const speaker = await ask('/trend speaker:Nobody Atall');
    expect(speaker.text).toMatch(/No stored quote is by a speaker called "Nobody Atall"/);
  });

  it('refuses bad requests with the reason', async () => {
    expect((await ask('/trend place:Raqqa compare:Mosul, Aleppo, Homs')).text).toMatch(
      /compare: takes at most 2 more terms .* given 3: Mosul, Aleppo, Homs/,
    );
    expect((await ask('/trend place:Raqqa from:2018 to:2017')).text).toBe('from: 2018-01-01 is after to: 2017-12-31.');
    expect((await ask('/trend place:Raqqa from:2017-02-30')).text).toMatch(/from: "2017-02-30" is not a date/);
    expect((await ask('/trend place:Raqqa about:war')).text).toMatch(/Only one of about:, place:/);
    expect((await ask('/trend from:2017')).text).toMatch(/Nothing to chart/);
    expect((await ask('/trend place:Raqqa by:day from:1900 to:2017')).text).toMatch(/points \(at most 2,000\)/);
  });

  it('draws the same chart from its cache until the store changes', async () => {
    const a = await ask('/trend place:Mosul by:month');
    const b = await ask('/trend place:Mosul by:month');
    expect(b.png).toEqual(a.png);
  });
});

describe('/where and /quote speaker: show stories over time', () => {
  it('attach a small chart beside their answer', async () => {
    const where = await askCommand(services, '/where place:Raqqa');
    expect(where.image?.name).toMatch(/\.png$/);
    expect(where.chart?.description).toMatch(/^Stories per week mentioning Raqqa|^Stories per \w+ mentioning/);
    expect(where.chart?.png.length).toBeGreaterThan(1000);
    const quote = await askCommand(services, '/quote speaker:Talal Silo');
    expect(quote.chart?.description).toMatch(/quoting Talal Silo/);
    const unknown = await askCommand(services, '/quote speaker:Zzyzx');
    expect(unknown.chart).toBeUndefined();
  });
});

describe('parsing', () => {
  it('reads dates as the first or last day of what they name', () => {
    expect(parseDateBound('2017', 'from')).toBe(isoToDay('2017-01-01'));
    expect(parseDateBound('2017', 'to')).toBe(isoToDay('2017-12-31'));
    expect(parseDateBound('2016-02', 'to')).toBe(isoToDay('2016-02-29'));
    expect(parseDateBound('2017-10-17', 'to')).toBe(isoToDay('2017-10-17'));
    for (const bad of ['17', '2017-13', '2017/10/01', 'yesterday', '2017-10-32'])
      expect(() => parseDateBound(bad, 'from')).toThrow(/is not a date/);
  });

  it('splits compare: on commas and keeps the kind', () => {
    expect(parseTrendRequest({ speaker: 'Baker', compare: ' Volcker ,, Reagan ' })).toEqual({
      kind: 'speaker',
      names: ['Baker', 'Volcker', 'Reagan'],
      from: null,
      to: null,
      by: null,
    });
    expect(() => parseTrendRequest({ about: 'oil', by: 'fortnight' })).toThrow(/by: is one of day, week, month, year/);
  });
});

describe('dateline ask "/trend …" --json', () => {
  it('prints {title, text, fields, image, data} with data {series:[{term, kind, total, points:[{period, count}]}], by, from, to}', async () => {
    const db = path.join(temp.dir, 'cli.db');
    const maps = path.join(temp.dir, 'maps');
    await runCliCaptured(['ingest', storiesFile, sampleArticle, '--db', db]);
    const r = await runCliCaptured(['ask', '/trend place:Raqqa compare:Mosul by:month', '--json', '--db', db], { DATELINE_MAPS_DIR: maps });
    expect(r.code).toBe(0);
    const view = JSON.parse(r.lastLine) as { image: { name: string; path: string }; data: TrendData };
    expect(Object.keys(view)).toEqual(['title', 'text', 'fields', 'image', 'data']);
    expect(Object.keys(view.data)).toEqual(['series', 'by', 'from', 'to']);
    for (const s of view.data.series) {
      expect(Object.keys(s)).toEqual(['term', 'kind', 'total', 'points']);
      for (const p of s.points) expect(Object.keys(p)).toEqual(['period', 'count']);
    }
    // The sample story (9 September 2017) mentions Raqqa too.
    expect(view.data).toMatchObject({ by: 'month', from: '2017-06-01', to: '2017-10-20' });
    expect(view.data.series.map((s) => [s.term, s.total])).toEqual([
      ['Raqqa', 5],
      ['Mosul', 2],
    ]);
    expect(view.image.name).toBe('trend-raqqa-mosul.png');
    expect(fs.readFileSync(view.image.path).subarray(0, 4).toString('latin1')).toBe('\x89PNG');

    const bad = await runCliCaptured(['ask', '/trend place:Raqqa compare:a,b,c', '--json', '--db', db], { DATELINE_MAPS_DIR: maps });
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.lastLine) as { text: string }).text).toMatch(/^compare: takes at most 2 more terms/);
  });
});
