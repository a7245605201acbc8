import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyPlaces } from '../../src/digest/build-digest.js';
import { analyzeOutcome } from '../../src/ingest/analysis-outcome.js';
import { createAnalyzer, createChunkAnalyzer } from '../../src/ingest/analyze.js';
import type { GeoService } from '../../src/geo/types.js';
import type { NewArticle } from '../../src/store/article-store.js';
import { askCommand, createTestServices, testGeo, type TestServices } from '../helpers/test-services.js';
import { makeTempDir } from '../helpers/paths.js';

let geo: GeoService;
beforeAll(async () => {
  geo = await testGeo();
}, 120_000);

const article = (datelinePlace: string | null, body: string): NewArticle => ({
  source: 'Reuters',
  published: '1987-03-03T10:00:00Z',
  publishedZone: 'UTC',
  origin: 'test',
  editor: null,
  datelinePlace,
  headline: 'Talks resume',
  headlineDerived: false,
  caption: null,
  captionCredit: null,
  body,
  url: null,
});

describe('the dateline place is one of the story places', () => {
  it('comes first, marked as the dateline, with the span before the body', () => {
    const analysis = createAnalyzer({ geo })(article('Baghdad', 'Oil ministers met on Tuesday to discuss output quotas.'));
    expect(analysis.places[0]).toMatchObject({ name: 'Baghdad', start: -1, end: -1, dateline: true, countryCode: 'IQ' });
    expect(Math.abs((analysis.places[0]?.lat ?? 0) - 33.34)).toBeLessThan(0.5);
    expect(analysis.places.filter((p) => p.dateline)).toHaveLength(1);
  });

  it('reads a dateline as a town: WASHINGTON is the capital, not the state', () => {
    const analysis = createAnalyzer({ geo })(article('Washington', 'Officials in Seattle said the state would act.'));
    const dateline = analysis.places.find((p) => p.dateline);
    expect(dateline?.countryCode).toBe('US');
    expect(Math.abs((dateline?.lat ?? 0) - 38.9)).toBeLessThan(0.3);
    expect(Math.abs((dateline?.lon ?? 0) + 77.04)).toBeLessThan(0.3);
  });

  it('leaves body mentions as they were, and adds nothing without a dateline', () => {
    const body = 'Fighting went on in Aleppo while talks opened in Geneva.';
    const withDateline = createAnalyzer({ geo })(article('Damascus', body)).places;
    const without = createAnalyzer({ geo })(article(null, body)).places;
    expect(without.some((p) => p.dateline)).toBe(false);
    expect(withDateline.slice(1)).toEqual(without);
  });
});

describe('a chunk analysed stage by stage (the analyzer threads)', () => {
  const stories = [
    article('Tokyo', 'Finance Minister Kiichi Miyazawa said Japan would act. "We will not allow it," he told reporters in Osaka.'),
    article(null, 'Oil ministers met in Vienna on Tuesday. OPEC sources said output would stay near 15.8 mln barrels a day.'),
    article('London', 'Shares rose in London and Paris, dealers said, after the Bundesbank left rates unchanged in Frankfurt.'),
  ];

  it('gives each story the analysis the one-story analyzer gives it, in order', () => {
    const one = createAnalyzer({ geo });
    expect(createChunkAnalyzer({ geo })(stories)).toEqual(stories.map((s) => analyzeOutcome(one, s)));
  });

  it('fails a story that throws alone, with the error its own analysis gives', () => {
    const broken = { ...stories[0]!, body: undefined as unknown as string };
    const chunk = [stories[1]!, broken, stories[2]!];
    const outcomes = createChunkAnalyzer({ geo })(chunk);
    expect(outcomes[1]).toEqual(analyzeOutcome(createAnalyzer({ geo }), broken));
    expect(outcomes[1]?.ok).toBe(false);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[2]).toEqual(analyzeOutcome(createAnalyzer({ geo }), stories[2]!));
  });
});

describe('a datelined story through the store', () => {
  let services: TestServices;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'story.ndjson');
    const record = {
      title: 'OPEC ministers meet on output',
      dateline: 'BAGHDAD, March 3 (Reuters) -',
      text: 'Oil ministers from the producer group met on Tuesday to discuss output quotas, officials said.\n\nA decision was expected later in the week.',
      date: '1987-03-03',
      source: 'Reuters',
      url: 'https://example.com/opec-baghdad',
    };
    fs.writeFileSync(file, JSON.stringify(record) + '\n');
    services = await createTestServices({ files: [file] });
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    temp?.cleanup();
  });

  it('is stored marked as the dateline, found by /where and listed by the digest', async () => {
    const [story] = await services.store.stories.latest(1);
    expect(story).toBeDefined();
    const places = (await services.store.stories.getAnalysis(story!.id))?.places ?? [];
    expect(places[0]).toMatchObject({ name: 'Baghdad', dateline: true, countryCode: 'IQ' });
    expect(storyPlaces(places, geo)).toContain('Baghdad');
    const r = await askCommand(services, '/where place:Baghdad');
    const mentions = (r.data as { mentions: { articleId: string; sentence: string }[] }).mentions;
    expect(mentions.map((m) => m.articleId)).toContain(story!.id);
    // The dateline heads the lead: that is the sentence shown.
    expect(mentions.find((m) => m.articleId === story!.id)?.sentence).toMatch(/^Oil ministers/);
  });
});
