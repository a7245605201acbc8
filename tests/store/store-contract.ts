import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidatesWithFeatures } from '../../src/digest/backfill-features.js';
import { digestFeatures } from '../../src/digest/story-features.js';
import type { AnalyzedArticle, NewArticle, StoryCursor } from '../../src/store/article-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import { hiddenFrom, type HiddenFrom } from '../../src/store/hidden-from.js';
import { POST_STORY_WAIT_MS } from '../../src/store/feed-store.js';
import type { Quote } from '../../src/nlp/types.js';
import { saidBy } from '../helpers/quotes.js';
import { placeAt } from '../helpers/places.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';

/**
 * One backend under test: a fresh, empty store per test, a second connection to the same store
 * (another process's view), and another empty store.
 */
export interface StoreHarness {
  open(): Promise<DatelineStore>;
  openSame(): Promise<DatelineStore>;
  openEmpty(): Promise<DatelineStore>;
  cleanup(): Promise<void>;
}

export function story(overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    source: 'Wire',
    published: '2020-05-01T10:00:00Z',
    publishedZone: 'UTC',
    editor: null,
    datelinePlace: null,
    headline: 'Cocoa prices rise',
    headlineDerived: false,
    caption: null,
    captionCredit: null,
    body: 'Cocoa prices rose sharply on Monday. Traders said supply was short.',
    url: null,
    origin: 'test',
    ...overrides,
  };
}

/** As ingest hands a story over: its analysis with the digest's features (computed by digest/, not the store). */
export function analyzed(article: NewArticle, extra: Partial<AnalyzedArticle['analysis']> = {}): AnalyzedArticle {
  const analysis = { ...simpleAnalyze(article), ...extra };
  return { article, analysis: { ...analysis, digest: digestFeatures(article, analysis.sentences, analysis.places) } };
}

/**
 * The store contract: every backend (SQLite, PostgreSQL) runs these same tests, and is done when
 * all of them pass. `makeHarness` is called once per test.
 */
export function describeStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DatelineStore;

    beforeEach(async () => {
      harness = await makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('stores a story once: same url or same normalised text is a duplicate with the same id', async () => {
      const first = await store.stories.addArticles([analyzed(story({ url: 'https://example.com/1' }))]);
      expect(first.added).toHaveLength(1);
      const sameUrl = await store.stories.addArticles([
        analyzed(story({ url: 'https://example.com/1', body: 'Different text entirely.' })),
      ]);
      expect(sameUrl).toEqual({ added: [], duplicates: first.added });
      const sameText = await store.stories.addArticles([
        analyzed(story({ body: '  cocoa PRICES rose sharply on Monday;\n traders said supply was short ' })),
      ]);
      expect(sameText.duplicates).toEqual(first.added);
      expect(await store.stories.count()).toBe(1);
    });

    it('adds a batch atomically: a failure rolls the whole batch back', async () => {
      const bad = analyzed(story({ body: 'Another story.' }));
      // A NOT NULL violation in the second item must not leave the first behind.
      (bad.article as { headline: string | null }).headline = null;
      await expect(store.stories.addArticles([analyzed(story()), bad])).rejects.toThrow();
      expect(await store.stories.count()).toBe(0);
    });

    it('returns every field it was given', async () => {
      const input = story({
        editor: 'Lu Hui',
        datelinePlace: 'Damascus',
        caption: 'A photo.',
        captionCredit: 'Someone',
        url: 'https://x.test/a',
        headlineDerived: true,
      });
      const [id] = (await store.stories.addArticles([analyzed(input)])).added;
      const got = await store.stories.getById(id!);
      expect(got).toMatchObject({ ...input, id });
      expect(got?.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(await store.stories.getById('nope')).toBeNull();
    });

    it('searches title and body with bm25, best first, and falls back to any word', async () => {
      await store.stories.addArticles([
        analyzed(
          story({
            headline: 'Oil output falls',
            body: 'Oil production fell in March. Cocoa was not mentioned.',
            published: '2020-05-02T00:00:00Z',
          }),
        ),
        analyzed(
          story({
            headline: 'Cocoa harvest late',
            body: 'The cocoa harvest in Bahia is late. Cocoa farmers wait.',
            published: '2020-05-03T00:00:00Z',
          }),
        ),
      ]);
      const hits = await store.stories.search('cocoa', 10);
      expect(hits.map((h) => h.headline)).toEqual(['Cocoa harvest late', 'Oil output falls']);
      expect(hits[0]?.snippet).toMatch(/cocoa/i);
      expect((await store.stories.search('cocoa zzzunknown', 10)).length).toBe(2);
      expect(await store.stories.search('"); DROP TABLE articles; --', 10)).toEqual([]);
      expect(await store.stories.search('', 10)).toEqual([]);
    });

    it('lists the latest stories newest first and those published in a window', async () => {
      await store.stories.addArticles([
        analyzed(story({ headline: 'old', body: 'old story', published: '2020-01-01T00:00:00Z' })),
        analyzed(story({ headline: 'new', body: 'new story', published: '2020-03-01T00:00:00Z' })),
        analyzed(story({ headline: 'mid', body: 'mid story', published: '2020-02-01T00:00:00+05:00' })),
      ]);
      expect((await store.stories.latest(2)).map((s) => s.headline)).toEqual(['new', 'mid']);
      expect(
        (await store.stories.publishedBetween(new Date('2020-01-15T00:00:00Z'), new Date('2020-03-01T00:00:00Z'), 10)).map(
          (s) => s.headline,
        ),
      ).toEqual(['mid']);
    });

    it('suggests headlines by word prefixes for autocomplete', async () => {
      await store.stories.addArticles([
        analyzed(story({ headline: 'Syrian army advances in Deir al-Zour', body: 'x one' })),
        analyzed(story({ headline: 'Cocoa review', body: 'x two' })),
      ]);
      expect((await store.stories.suggestHeadlines('syr', 5)).map((s) => s.headline)).toEqual(['Syrian army advances in Deir al-Zour']);
      expect(await store.stories.suggestHeadlines('army adv', 5)).toHaveLength(1);
      expect(await store.stories.suggestHeadlines('', 5)).toHaveLength(2);
    });

    it('suggests headlines holding every typed start, short or long, those beginning as typed first', async () => {
      const headlines = [
        'Oil prices rise in Tokyo',
        'Oil output steady',
        'Cocoa prices slip',
        'Co-op bank sets payout',
        'Oil companies post record profits',
        'Senate passes oil bill',
      ];
      await store.stories.addArticles(
        headlines.map((headline, i) => analyzed(story({ headline, body: `Body ${i}.`, published: `2020-01-0${i + 1}T10:00:00Z` }))),
      );
      const suggested = async (typed: string): Promise<string[]> =>
        (await store.stories.suggestHeadlines(typed, 10)).map((s) => s.headline).sort();
      // two-letter starts only (walked), a long word with a short one (the short one tested on the long one's headlines)
      expect(await suggested('oi pr')).toEqual(['Oil companies post record profits', 'Oil prices rise in Tokyo']);
      expect(await suggested('co')).toEqual(['Co-op bank sets payout', 'Cocoa prices slip', 'Oil companies post record profits']);
      expect(await suggested('prices co')).toEqual(['Cocoa prices slip']);
      expect(await suggested('oil se')).toEqual(['Senate passes oil bill']);
      expect(await suggested('senate oil bi')).toEqual(['Senate passes oil bill']);
      expect(await suggested('zz')).toEqual([]);
      expect(await suggested('oil zz')).toEqual([]);
      // typed in capitals, or a start holding a digit or a hyphenated word's part: the walk tests what the index would
      expect(await suggested('OI PR')).toEqual(['Oil companies post record profits', 'Oil prices rise in Tokyo']);
      expect(await suggested('op')).toEqual(['Co-op bank sets payout']);
      // headlines that begin as typed first, newest first among equals
      expect((await store.stories.suggestHeadlines('oil', 10)).map((s) => s.headline)).toEqual([
        'Oil output steady',
        'Oil companies post record profits',
        'Oil prices rise in Tokyo',
        'Senate passes oil bill',
      ]);
    });

    it('stores quotes and finds them by speaker and by topic', async () => {
      const article = story({ body: 'The minister said prices would fall. "We are ready," Smith said.' });
      const [id] = (
        await store.stories.addArticles([
          analyzed(article, {
            quotes: [
              {
                text: 'prices would fall',
                kind: 'reported',
                speaker: 'the minister',
                speakerMention: { start: 0, end: 12 },
                speakerDescription: null,
                speakerResolved: null,
                verb: 'said',
                start: 18,
                end: 35,
              },
              {
                text: 'We are ready,',
                kind: 'direct',
                speaker: 'John Smith',
                speakerMention: { start: 51, end: 56 },
                speakerDescription: 'a trader',
                speakerResolved: { name: 'John Smith', start: 51, end: 56 },
                verb: 'said',
                start: 37,
                end: 51,
              },
            ],
          }),
        ])
      ).added;
      expect((await store.stories.getAnalysis(id!))?.quotes.map((q) => q.speaker)).toEqual(['the minister', 'John Smith']);
      expect((await store.stories.getAnalysis(id!))?.quotes.map((q) => q.speakerResolved)).toEqual([
        null,
        { name: 'John Smith', start: 51, end: 56 },
      ]);
      expect((await store.quotes.findQuotes({ speaker: 'smith', limit: 5 })).map((q) => q.text)).toEqual(['We are ready,']);
      // a description is not a name: "trader" finds nobody
      expect(await store.quotes.findQuotes({ speaker: 'trader', limit: 5 })).toEqual([]);
      expect(await store.quotes.findQuotes({ speaker: 'trader', about: 'cocoa', limit: 5 })).toEqual([]);
      expect(await store.quotes.findQuotes({ about: 'cocoa', limit: 5 })).toHaveLength(2);
      expect(await store.quotes.findQuotes({ about: 'unrelated', limit: 5 })).toHaveLength(0);
      expect(await store.quotes.suggestSpeakers('sm', 5)).toEqual(['John Smith']);
      expect((await store.quotes.findQuotes({ limit: 1, offset: 1 })).map((q) => q.speaker)).toEqual(['John Smith']);
    });

    it('gives the quotes of the stories best matching a topic, best story first, paged, and filtered by speaker', async () => {
      const quote = (text: string, speaker: string, start: number): Quote => saidBy(speaker, start, text);
      // The newest story matches in its body only; the older one in its headline too, so it ranks first.
      await store.stories.addArticles([
        analyzed(
          story({
            headline: 'Cocoa harvest falls short',
            body: 'The cocoa harvest fell short. Growers spoke.',
            published: '2020-05-01T10:00:00Z',
          }),
          {
            quotes: [quote('We lost half', 'John Smith', 30), quote('Rain came late', 'Ana Ruiz', 10)],
          },
        ),
        analyzed(story({ headline: 'Port news', body: 'Ships waited. A little cocoa was loaded.', published: '2020-05-03T10:00:00Z' }), {
          quotes: [quote('Ships are late', 'the harbour master', 5)],
        }),
        analyzed(story({ headline: 'Weather', body: 'Rain all week in the south.', published: '2020-05-04T10:00:00Z' }), {
          quotes: [quote('More rain', 'John Smith', 2)],
        }),
      ]);
      const texts = async (query: Parameters<typeof store.quotes.findQuotes>[0]): Promise<string[]> =>
        (await store.quotes.findQuotes(query)).map((q) => q.text);
      expect(await texts({ about: 'cocoa', limit: 10 })).toEqual(['Rain came late', 'We lost half', 'Ships are late']);
      expect(await texts({ about: 'cocoa', limit: 2, offset: 1 })).toEqual(['We lost half', 'Ships are late']);
      expect(await texts({ about: 'cocoa', speaker: 'smith', limit: 10 })).toEqual(['We lost half']);
    });

    it('replaces the quotes of a story with its analyzer version, moving its per-day speaker counts (reanalyze)', async () => {
      const day = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);
      const said = (speaker: string): Quote => ({
        text: 'We will act.',
        kind: 'direct',
        speaker,
        speakerMention: { start: 20, end: 22 },
        speakerResolved: { name: speaker, start: 20, end: 22 },
        speakerDescription: null,
        verb: 'said',
        start: 0,
        end: 12,
      });
      const { added } = await store.stories.addArticles([
        analyzed(story({ published: '2020-05-01T10:00:00Z', body: 'First story body here.' }), {
          quotes: [said('James Baker'), { ...said('james baker'), start: 13, end: 19 }],
          quotesVersion: 1,
        }),
        analyzed(story({ published: '2020-05-01T12:00:00Z', body: 'Second story body here.' }), {
          quotes: [said('James Baker')],
          quotesVersion: 1,
        }),
        analyzed(story({ published: '2020-05-03T10:00:00Z', body: 'Third story body here.' }), { quotes: [said('James Baker')] }),
      ]);
      expect((await store.stories.getAnalysis(added[0]!))?.quotesVersion).toBe(1);
      expect((await store.stories.getAnalysis(added[2]!))?.quotesVersion).toBeUndefined();
      expect(await store.quotes.speakerDayCounts(['James Baker'], null)).toEqual([
        { day: day('2020-05-01T00:00:00Z'), count: 2 },
        { day: day('2020-05-03T00:00:00Z'), count: 1 },
      ]);

      expect(await store.quotes.replaceQuotes([{ id: added[0]!, quotes: [said('Robert Brusca'), said('Robert Brusca')] }], 2)).toBe(1);
      expect((await store.stories.getAnalysis(added[0]!))?.quotesVersion).toBe(2);
      expect(await store.quotes.speakerDayCounts(['James Baker'], null)).toEqual([
        { day: day('2020-05-01T00:00:00Z'), count: 1 },
        { day: day('2020-05-03T00:00:00Z'), count: 1 },
      ]);
      expect(await store.quotes.speakerDayCounts(['Robert Brusca'], null)).toEqual([{ day: day('2020-05-01T00:00:00Z'), count: 1 }]);

      // the last story of a speaker's day gone: the day is gone, not a zero
      await store.quotes.replaceQuotes([{ id: added[2]!, quotes: [] }], 2);
      expect(await store.quotes.speakerDayCounts(['James Baker'], null)).toEqual([{ day: day('2020-05-01T00:00:00Z'), count: 1 }]);
      // replacing with the same speaker counts the story once
      await store.quotes.replaceQuotes([{ id: added[1]!, quotes: [said('James Baker')] }], 2);
      expect(await store.quotes.speakerDayCounts(['James Baker'], null)).toEqual([{ day: day('2020-05-01T00:00:00Z'), count: 1 }]);
      // a page of stories carries the version as getAnalysis does
      const page = await store.stories.storiesPage({ after: null, limit: 10 });
      for (const s of page.stories) expect(s.analysis).toEqual(await store.stories.getAnalysis(s.article.id));
      expect(page.stories.map((s) => s.analysis.quotesVersion)).toEqual([2, 2, 2]);
    });

    it('replaces the sentences of a story with their version, and marks its places to be found again from them (reanalyze)', async () => {
      const jan = story({ published: '2020-01-05T10:00:00Z', body: 'Troops entered two towns today. They met no one.' });
      const feb = story({ headline: 'Markets reopen', published: '2020-02-07T10:00:00Z', body: 'Markets reopened in the town.' });
      const [janId, febId] = (
        await store.stories.addArticles([analyzed(jan, { sentencesVersion: 3, placesVersion: 5 }), analyzed(feb, { placesVersion: 5 })])
      ).added as [string, string];
      // stored without a version: stale at any; with one, stale for the versions after it; oldest stored first
      expect(await store.stories.countStaleSentenceStories(3, null)).toBe(1);
      expect(await store.stories.countStaleSentenceStories(4, null)).toBe(2);
      expect(await store.stories.staleSentenceStories(4, null, 10)).toEqual([
        { id: janId, body: jan.body },
        { id: febId, body: feb.body },
      ]);
      expect(await store.stories.staleSentenceStories(4, new Date('2020-02-01T00:00:00Z'), 10)).toEqual([{ id: febId, body: feb.body }]);
      expect(await store.places.countStalePlaceStories(5, null)).toBe(0);

      const before = await store.stories.dataVersion();
      const whole = { index: 0, start: 0, end: jan.body.length, text: jan.body, score: 0.5 };
      expect(await store.stories.replaceSentences([{ id: janId, sentences: [whole] }], 4)).toBe(1);
      expect(await store.stories.replaceSentences([{ id: 'no-such-story', sentences: [whole] }], 4)).toBe(0);
      expect(await store.stories.dataVersion()).not.toBe(before);
      const analysis = await store.stories.getAnalysis(janId);
      expect(analysis?.sentences).toEqual([whole]);
      expect(analysis?.sentencesVersion).toBe(4);
      expect((await store.stories.getAnalysis(febId))?.sentencesVersion).toBeUndefined();
      expect(await store.stories.staleSentenceStories(4, null, 10)).toEqual([{ id: febId, body: feb.body }]);
      // its places were found in the old sentences: they are to be found again, the other story's are not
      expect(await store.places.stalePlaceStories(5, null, 10)).toEqual([janId]);
      // a page of stories carries the version as getAnalysis does
      const page = await store.stories.storiesPage({ after: null, limit: 10 });
      for (const s of page.stories) expect(s.analysis).toEqual(await store.stories.getAnalysis(s.article.id));
    });

    it('replaces the places of a story as if it had been stored with them: every count, its digest terms and its version (reanalyze)', async () => {
      const place = (geonameId: number, start: number) => placeAt(geonameId, start, `Town${geonameId}`);
      const jan = story({ headline: 'Troops enter the towns', published: '2020-01-05T10:00:00Z', body: 'Troops entered two towns today.' });
      const feb = story({
        headline: 'Markets reopen in the town',
        published: '2020-02-07T10:00:00Z',
        body: 'Markets reopened in the town.',
      });
      const stored = (article: NewArticle, ids: number[]) => analyzed(article, { places: ids.map((id, i) => place(id, i * 7)) });
      const replaced = (id: string, article: NewArticle, ids: number[]) => {
        const { analysis } = stored(article, ids);
        return { id, places: analysis.places, digest: analysis.digest! };
      };
      const [janId, febId] = (await store.stories.addArticles([stored(jan, [1, 2]), stored(feb, [1])])).added as [string, string];
      // stored without a version: every story is stale, oldest stored first
      expect(await store.places.countStalePlaceStories(5, null)).toBe(2);
      expect(await store.places.stalePlaceStories(5, null, 10)).toEqual([janId, febId]);
      expect(await store.places.stalePlaceStories(5, new Date('2020-02-01T00:00:00Z'), 10)).toEqual([febId]);

      expect(await store.places.replacePlaces([replaced(janId, jan, [2, 3])], 5)).toBe(1);
      expect(await store.places.replacePlaces([replaced('no-such-story', jan, [3])], 5)).toBe(0);
      expect(await store.places.stalePlaceStories(5, null, 10)).toEqual([febId]);
      expect((await store.stories.getAnalysis(janId))?.placesVersion).toBe(5);
      expect((await store.stories.getAnalysis(janId))?.places.map((p) => p.geonameId)).toEqual([2, 3]);
      expect((await store.stories.getAnalysis(febId))?.placesVersion).toBeUndefined();

      // What a store given the new places at ingest answers, this one answers.
      const fresh = await harness.openEmpty();
      try {
        await fresh.stories.addArticles([stored(jan, [2, 3]), stored(feb, [1])]);
        const answers = async (s: DatelineStore) => ({
          counts: await Promise.all([[1], [2], [3], [1, 2, 3]].map((ids) => s.places.countPlaceMentions(ids))),
          months: await Promise.all([[1], [2], [3], [1, 2, 3]].map((ids) => s.places.placeMentionMonths(ids))),
          days: await Promise.all([[1], [2], [3], [1, 2, 3]].map((ids) => s.places.placeDayCounts(ids, null))),
          all: [...(await s.places.placeMentionCounts()).entries()].sort((a, b) => a[0] - b[0]),
          mentions: (await s.places.findPlaceMentions([1, 2, 3], 10)).map((m) => [m.articleId, m.name]),
        });
        expect(await answers(store)).toEqual(await answers(fresh));
      } finally {
        await fresh.close();
      }

      // A place no story names any more is gone from the counts, not left at zero.
      await store.places.replacePlaces([replaced(febId, feb, [])], 5);
      expect((await store.places.placeMentionCounts()).has(1)).toBe(false);
      expect(await store.places.placeMentionMonths([1])).toEqual([]);
      expect(await store.places.placeDayCounts([1], null)).toEqual([]);
      expect(await store.places.countStalePlaceStories(5, null)).toBe(0);
      expect(await store.places.countStalePlaceStories(6, null)).toBe(2);

      // Each digest term counts the stories holding it now: the old places' terms are let go.
      const window = await store.digest.digestCandidates(new Date('2020-01-01T00:00:00Z'), new Date('2020-03-01T00:00:00Z'), 10);
      const holders = new Map<number, number>();
      for (const c of window) for (const id of new Set(c.terms.ids)) holders.set(id, (holders.get(id) ?? 0) + 1);
      const { counts } = await store.digest.digestTermStories();
      counts.forEach((n, id) => expect([id, n]).toEqual([id, holders.get(id) ?? 0]));
      // a page of stories carries the version as getAnalysis does
      const page = await store.stories.storiesPage({ after: null, limit: 10 });
      for (const s of page.stories) expect(s.analysis).toEqual(await store.stories.getAnalysis(s.article.id));
    });

    it('stores places and answers mention queries with the sentence around each', async () => {
      const body = 'Fighting continued. Troops entered Raqqa on Monday. Raqqa was quiet later.';
      const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
      const [id] = (
        await store.stories.addArticles([
          analyzed(story({ body }), {
            places: [
              { name: 'Raqqa', start: 35, end: 40, ...place },
              { name: 'Raqqa', start: 52, end: 57, ...place },
            ],
          }),
        ])
      ).added;
      expect(await store.places.countPlaceMentions([163915])).toBe(1);
      expect((await store.places.placeMentionCounts()).get(163915)).toBe(1);
      const [hit] = await store.places.findPlaceMentions([163915, 1], 5);
      expect(hit).toMatchObject({ articleId: id, name: 'Raqqa', start: 35, sentence: 'Troops entered Raqqa on Monday.' });
      expect(await store.places.findPlaceMentions([], 5)).toEqual([]);
    });

    it('gives the gazetteer ids each story mentions, in text order and each once, in one read', async () => {
      const raqqa = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
      const damascus = { geonameId: 170654, countryCode: 'SY', lat: 33.51, lon: 36.29 };
      const body = 'Troops left Damascus for Raqqa. Raqqa was quiet; Damascus and Homs were not.';
      const [first, second] = (
        await store.stories.addArticles([
          analyzed(story({ body }), {
            places: [
              { name: 'Damascus', start: 12, end: 20, ...damascus },
              { name: 'Raqqa', start: 25, end: 30, ...raqqa },
              { name: 'Raqqa', start: 32, end: 37, ...raqqa },
              { name: 'Damascus', start: 50, end: 58, ...damascus },
              { name: 'Homs', start: 63, end: 67, geonameId: null, countryCode: null, lat: null, lon: null },
            ],
          }),
          analyzed(story({ headline: 'Quiet day', body: 'Nothing happened anywhere.' }), { places: [] }),
        ])
      ).added;
      const ids = await store.places.placeIdsOf([second!, first!, 'not-stored']);
      expect([...ids.entries()]).toEqual([[first, [170654, 163915]]]);
      expect((await store.places.placeIdsOf([])).size).toBe(0);
    });

    it('round-trips sentence scores', async () => {
      const article = story();
      const sentences = simpleAnalyze(article).sentences.map((s, i) => ({ ...s, score: i + 0.5 }));
      const [id] = (await store.stories.addArticles([{ article, analysis: { sentences, quotes: [], places: [] } }])).added;
      expect((await store.stories.getAnalysis(id!))?.sentences).toEqual(sentences);
    });

    it('reads a window of stories with their sentences and places in one call, as getById + getAnalysis give them', async () => {
      const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
      const body = 'Troops entered Raqqa on Monday. Raqqa was quiet later.';
      const added = (
        await store.stories.addArticles([
          analyzed(story({ headline: 'early', body: 'Early news here.', published: '2020-05-01T01:00:00Z' })),
          analyzed(story({ headline: 'raqqa', body, published: '2020-05-01T09:00:00Z' }), {
            places: [
              { name: 'Raqqa', start: 32, end: 37, ...place },
              { name: 'Raqqa', start: 15, end: 20, ...place },
            ],
          }),
          analyzed(story({ headline: 'late', body: 'Late news here.', published: '2020-05-01T09:00:00Z' })),
          analyzed(story({ headline: 'next day', body: 'Next day news.', published: '2020-05-02T00:00:00Z' })),
        ])
      ).added;
      const window = await store.stories.storiesBetween(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 10);
      // Newest first, ties by insertion order newest first: as publishedBetween.
      expect(window.map((w) => w.article.headline)).toEqual(['late', 'raqqa', 'early']);
      expect(window.map((w) => w.article.id)).toEqual(
        (await store.stories.publishedBetween(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 10)).map((s) => s.id),
      );
      for (const w of window) {
        expect(w.article).toEqual(await store.stories.getById(w.article.id));
        const analysis = (await store.stories.getAnalysis(w.article.id))!;
        // Sentences without their text, which is the squeezed span of the body.
        expect(w.sentences).toEqual(analysis.sentences.map(({ text: _text, ...rest }) => rest));
        expect(w.sentences.map((x) => w.article.body.slice(x.start, x.end).replace(/\s+/g, ' ').trim())).toEqual(
          analysis.sentences.map((x) => x.text),
        );
        expect(w.places).toEqual(analysis.places);
      }
      expect(window[1]!.places.map((p) => p.start)).toEqual([15, 32]);
      expect(await store.stories.storiesBetween(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 1)).toHaveLength(1);
      expect(await store.stories.storiesBetween(new Date('2021-01-01T00:00:00Z'), new Date('2021-01-02T00:00:00Z'), 10)).toEqual([]);
      expect(added).toHaveLength(4);
    });

    it('reads a window as digest candidates (features, no bodies), and details for the stories shown', async () => {
      const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
      const body = 'Troops entered Raqqa on Monday after a long siege of the city. Raqqa was quiet later.';
      const [early, raqqa, late] = (
        await store.stories.addArticles([
          analyzed(story({ headline: 'Early news', body: 'Early news here.', published: '2020-05-01T01:00:00Z' })),
          analyzed(story({ headline: 'Troops enter Raqqa', body, published: '2020-05-01T09:00:00Z', datelinePlace: 'Beirut' }), {
            places: [
              { name: 'Raqqa', start: 67, end: 72, ...place },
              { name: 'Raqqa', start: 15, end: 20, ...place },
            ],
          }),
          analyzed(story({ headline: 'Late news', body: 'Late news here.', published: '2020-05-01T09:00:00Z' })),
          analyzed(story({ headline: 'Next day', body: 'Next day news.', published: '2020-05-02T00:00:00Z' })),
        ])
      ).added;
      const from = new Date('2020-05-01T00:00:00Z');
      const to = new Date('2020-05-02T00:00:00Z');
      const window = await store.digest.digestCandidates(from, to, 10);
      expect(window.map((c) => c.id)).toEqual([late, raqqa, early]);
      const c = window[1]!;
      expect(c).toMatchObject({
        headline: 'Troops enter Raqqa',
        publishedMs: Date.parse('2020-05-01T09:00:00Z'),
        datelinePlace: 'Beirut',
        source: 'Wire',
        bodyWords: 16,
      });
      expect(c.shapes).toEqual(['=troops enter raqqa', '^troops enter', '$enter raqqa']);
      // Headline words count 3, lead words (two sentences) 1, the place's own words ("Raqqa") and filler
      // ("Monday") none; then the place 1 as itself and 1 as its country, last; each an id.
      expect([...c.terms.counts]).toEqual([4, 4, 1, 1, 1, 1, 1, 1, 1]);
      expect(c.terms.places).toBe(2);
      // How the lead writes each: "Troops" opens it (unknown), the other words lower-case (common), places unknown.
      expect([...c.terms.names]).toEqual([0, 2, 2, 2, 2, 2, 2, 0, 0]);
      expect(new Set(c.terms.ids).size).toBe(9);
      expect(window[0]!.terms.ids[0]).not.toBe(window[2]!.terms.ids[0]); // "late" and "early"
      expect(await store.digest.digestCandidates(from, to, 1)).toHaveLength(1);
      expect(await store.digest.headlineShapesBetween(from, to, 10)).toEqual(
        window.map((w) => ({ publishedMs: w.publishedMs, shapes: w.shapes })),
      );

      const details = await store.digest.digestDetails([raqqa!, early!, 'unknown']);
      expect([...details.keys()].sort()).toEqual([raqqa, early].sort());
      expect(details.get(raqqa!)).toEqual({
        published: '2020-05-01T09:00:00Z',
        source: 'Wire',
        url: null,
        summary: 'Troops entered Raqqa on Monday after a long siege of the city.',
        places: (await store.stories.getAnalysis(raqqa!))!.places,
      });
      expect(details.get(early!)).toEqual({
        published: '2020-05-01T01:00:00Z',
        source: 'Wire',
        url: null,
        summary: 'Early news here.',
        places: [],
      });
      // Each term counts the stories holding it: "troop" one, and all counts add up to every story's terms.
      const termStories = await store.digest.digestTermStories();
      expect(termStories.stories).toBe(4);
      expect(termStories.counts[c.terms.ids[0]!]).toBe(1);
      expect((await store.digest.digestDetails([])).size).toBe(0);
    });

    it('keeps no features for a story given without them, and takes them from digest/ when a digest reads it', async () => {
      const withFeatures = await store.stories.addArticles([
        analyzed(story({ headline: 'Troops enter Raqqa', published: '2020-05-01T09:00:00Z' })),
      ]);
      const from = new Date('2020-05-01T00:00:00Z');
      const to = new Date('2020-05-02T00:00:00Z');
      const want = await store.digest.digestCandidates(from, to, 10);
      expect(want[0]!.hasFeatures).toBe(true);
      // The same story in a second store, stored without features (as by code from before them).
      const other = await harness.openEmpty();
      try {
        const bare = story({ headline: 'Troops enter Raqqa', published: '2020-05-01T09:00:00Z' });
        await other.stories.addArticles([{ article: bare, analysis: simpleAnalyze(bare) }]);
        const before = await other.digest.digestCandidates(from, to, 10);
        expect(before.map((c) => c.hasFeatures)).toEqual([false]);
        const version = await other.digest.dataVersion();
        const got = await candidatesWithFeatures(other.digest, from, to, 10);
        expect(got.map(({ terms, ...rest }) => ({ ...rest, terms: [...terms.counts] }))).toEqual(
          want.map(({ terms, ...rest }) => ({ ...rest, terms: [...terms.counts] })),
        );
        const day = await other.digest.dayHeadlineShapes(from);
        expect({ ...day, shapes: [...day.shapes].sort() }).toEqual({ stories: 1, shapes: [...new Set(want[0]!.shapes)].sort() });
        expect((await other.digest.digestDetails(withFeatures.added)).get(withFeatures.added[0]!)?.summary).toBe(
          'Cocoa prices rose sharply on Monday.',
        );
        expect(await other.digest.dataVersion()).not.toBe(version);
      } finally {
        await other.close();
      }
    });
    it('changes its data version on its own writes and on those of another connection', async () => {
      const v0 = await store.stories.dataVersion();
      expect(await store.stories.dataVersion()).toBe(v0);
      await store.stories.addArticles([analyzed(story())]);
      const v1 = await store.stories.dataVersion();
      expect(v1).not.toBe(v0);
      await store.stories.addArticles([analyzed(story())]); // a duplicate only: nothing written
      expect(await store.stories.dataVersion()).toBe(v1);
      const other = await harness.openSame();
      try {
        await other.stories.addArticles([analyzed(story({ headline: 'other', body: 'Another connection wrote this.' }))]);
      } finally {
        await other.close();
      }
      expect(await store.stories.dataVersion()).not.toBe(v1);
    });
    it('pages a topic with a speaker filter by the quotes it keeps: no short page while more follow', async () => {
      // "Bakersfield official" holds "Baker" as letters but not as a word: the filter drops it between Baker's quotes
      await store.stories.addArticles(
        Array.from({ length: 6 }, (_, i) =>
          analyzed(
            story({
              headline: `Cocoa story ${i}`,
              body: `Cocoa prices moved on day ${i} with some quoted words here and there.`,
              published: `2020-03-0${i + 1}T10:00:00Z`,
            }),
            {
              quotes: [
                saidBy('Bakersfield official', 0, `Bakersfield on ${i}`),
                saidBy('James Baker', 10, `Baker on ${i}`),
                saidBy('Bakersfield official', 20, `Bakersfield again on ${i}`),
              ],
            },
          ),
        ),
      );
      const all = await store.quotes.findQuotes({ about: 'cocoa', speaker: 'Baker', limit: 100 });
      expect(all.map((q) => q.speaker)).toEqual(Array.from({ length: 6 }, () => 'James Baker'));
      const pages = await Promise.all(
        [0, 2, 4].map((offset) => store.quotes.findQuotes({ about: 'cocoa', speaker: 'Baker', limit: 2, offset })),
      );
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
      expect(pages.flat()).toEqual(all);
      expect(await store.quotes.findQuotes({ about: 'cocoa', speaker: 'Baker', limit: 2, offset: 6 })).toEqual([]);
    });
    it('pages a speaker filter in story date order, newest first, whatever the ingest order', async () => {
      const days = ['2020-03-05', '2020-03-01', '2020-03-09', '2020-03-03', '2020-03-07'];
      await store.stories.addArticles(
        days.map((day, i) =>
          analyzed(
            story({ headline: `story ${day}`, body: `Body of story ${i} with some quoted words here.`, published: `${day}T10:00:00Z` }),
            {
              // each story's own words: a store may list a repeat of the same words once (QuoteStore.findQuotes)
              quotes: [saidBy('Ann Baker', 0, `Ann on ${day}`), saidBy('Bob Baker', 10, `Bob on ${day}`), saidBy('Carl Other', 20)],
            },
          ),
        ),
      );
      const all = await store.quotes.findQuotes({ speaker: 'baker', limit: 100 });
      expect(all.map((q) => `${q.published.slice(0, 10)} ${q.speaker}`)).toEqual(
        [...days]
          .sort()
          .reverse()
          .flatMap((d) => [`${d} Ann Baker`, `${d} Bob Baker`]),
      );
      const pages = (
        await Promise.all([0, 3, 6, 9].map((offset) => store.quotes.findQuotes({ speaker: 'baker', limit: 3, offset })))
      ).flat();
      expect(pages).toEqual(all);
      expect(await store.quotes.findQuotes({ speaker: 'baker', limit: 3, offset: 10 })).toEqual([]);
    });
    it('names the speakers a query ends, however many more-quoted names merely hold its words (/quote, /trend and the sparkline share them)', async () => {
      // Twelve names holding "Reagan" that are not Reagan, each quoted more than he is.
      const holders = Array.from({ length: 12 }, (_, i) => `The Reagan team ${String.fromCharCode(97 + i)}`);
      await store.stories.addArticles([
        ...holders.map((name, i) =>
          analyzed(
            story({ headline: `Team story ${i}`, body: `Body of team story ${i} with quoted words.`, published: '2020-04-01T10:00:00Z' }),
            {
              quotes: [saidBy(name, 0), saidBy(name, 10), saidBy(name, 20)],
            },
          ),
        ),
        analyzed(
          story({
            headline: 'President speaks',
            body: 'Body of the president story with quoted words.',
            published: '2020-03-01T10:00:00Z',
          }),
          {
            quotes: [saidBy('Ronald Reagan', 0), saidBy('Reagan', 10), saidBy('James Baker', 20)],
          },
        ),
      ]);
      expect(await store.quotes.speakersNamed('Reagan', 10)).toEqual(['Reagan', 'Ronald Reagan']);
      expect(await store.quotes.speakersNamed('President Ronald Reagan', 10)).toEqual(['Reagan', 'Ronald Reagan']);
      expect(await store.quotes.speakersNamed('Treasury Secretary James Baker', 10)).toEqual(['James Baker']);
      expect(await store.quotes.speakersNamed('Reagan', 1)).toHaveLength(1);
      expect(await store.quotes.speakersNamed('Bakersfield', 10)).toEqual([]);
      const found = await store.quotes.findQuotes({ speaker: 'reagan', limit: 10 });
      expect(found.map((q) => q.speaker).sort()).toEqual(['Reagan', 'Ronald Reagan']);
    });
    it('lists a quotation filed again once, by speaker and by topic, for a reader who sees every story', async () => {
      // a story filed three times (its quotes word for word), then the same words with another cue
      await store.stories.addArticles([
        ...[1, 2, 3].map((n) =>
          analyzed(
            story({
              headline: `Harbour pier filing ${n}`,
              body: `Filing ${n}: the harbour pier story.`,
              published: `2020-05-0${n}T10:00:00Z`,
            }),
            { quotes: [saidBy('Dana Quill', 0, 'The harbour pier will be ready'), saidBy('Ed Moss', 20, `Moss on filing ${n}`)] },
          ),
        ),
        analyzed(story({ headline: 'Harbour pier vote', body: 'The harbour pier vote.', published: '2020-05-04T10:00:00Z' }), {
          quotes: [{ ...saidBy('Dana Quill', 0, 'The harbour pier will be ready'), verb: 'told reporters' }],
        }),
      ]);
      const bySpeaker = await store.quotes.findQuotes({ speaker: 'Quill', limit: 10 });
      expect(bySpeaker.map((q) => `${q.headline}: ${q.verb}`)).toEqual([
        'Harbour pier vote: told reporters',
        'Harbour pier filing 3: said',
      ]);
      const byTopic = await store.quotes.findQuotes({ about: 'harbour pier', limit: 20 });
      expect(
        byTopic
          .filter((q) => q.speaker === 'Dana Quill')
          .map((q) => q.verb)
          .sort(),
      ).toEqual(['said', 'told reporters']);
      expect(byTopic.filter((q) => q.speaker === 'Ed Moss')).toHaveLength(3);
      const byTopicAndSpeaker = await store.quotes.findQuotes({ about: 'harbour pier', speaker: 'Quill', limit: 20 });
      expect(byTopicAndSpeaker).toHaveLength(2);
    });
    it('names a speaker stored after the same query was answered: what is kept between reads goes with a write', async () => {
      const said = (name: string, day: string) =>
        analyzed(story({ headline: `${name} on ${day}`, body: `Body of the story of ${day} with words.`, published: `${day}T10:00:00Z` }), {
          quotes: [saidBy(name, 0, `${name} on ${day}`)],
        });
      await store.stories.addArticles([said('Ann Quill', '2020-05-01')]);
      expect(await store.quotes.speakersNamed('Quill', 10)).toEqual(['Ann Quill']);
      expect((await store.quotes.findQuotes({ speaker: 'Quill', limit: 10 })).map((q) => q.speaker)).toEqual(['Ann Quill']);
      await store.stories.addArticles([said('Bob Quill', '2020-05-02'), said('Bob Quill', '2020-05-03')]);
      expect(await store.quotes.speakersNamed('Quill', 10)).toEqual(['Bob Quill', 'Ann Quill']);
      expect((await store.quotes.findQuotes({ speaker: 'Quill', limit: 10 })).map((q) => q.speaker)).toEqual([
        'Bob Quill',
        'Bob Quill',
        'Ann Quill',
      ]);
    });
    it('pages a speaker with more quotes than a page: page after page is the one long list, stored out of date order', async () => {
      // Stored in a scrambled order of 40 days (a bulk ingest of an archive), one quote each.
      const days = Array.from({ length: 40 }, (_, i) => (i * 17) % 40).map((d) => new Date(Date.UTC(2021, 0, 1 + d)).toISOString());
      await store.stories.addArticles(
        days.map((published, i) =>
          analyzed(story({ headline: `Minister speaks ${i}`, body: `The minister spoke on day ${i} about the budget.`, published }), {
            quotes: [
              {
                text: `budget words ${i}`,
                kind: 'direct' as const,
                speaker: 'Dana Quill',
                speakerMention: null,
                speakerDescription: null,
                speakerResolved: null,
                verb: 'said',
                start: 0,
                end: 5,
              },
            ],
          }),
        ),
      );
      // Newer stories without quotes: the speaker's quotes are not among the newest stories' (QUOTE_WINDOW).
      await store.stories.addArticles(
        Array.from({ length: 520 }, (_, i) =>
          analyzed(
            story({
              headline: `Market report ${i}`,
              body: `Prices moved on trading day ${i} of the year.`,
              published: new Date(Date.UTC(2022, 0, 1, 0, i)).toISOString(),
            }),
            {},
          ),
        ),
      );
      const all = await store.quotes.findQuotes({ speaker: 'quill', limit: 40 });
      expect(all.map((q) => q.published)).toEqual(
        [...days]
          .sort()
          .reverse()
          .map((d) => expect.stringContaining(d.slice(0, 10)) as string),
      );
      for (const size of [4, 7]) {
        const pages = [];
        for (let offset = 0; offset < 40; offset += size)
          pages.push(...(await store.quotes.findQuotes({ speaker: 'quill', limit: size, offset })));
        expect(pages.map((q) => q.text)).toEqual(all.map((q) => q.text));
      }
    });

    /** Stories mentioning place `ids` (some of each), one per item: [published, ids]. */
    async function storiesNaming(items: [string, number[]][]): Promise<void> {
      await store.stories.addArticles(
        items.map(([published, ids], i) => {
          const body = `Story ${i} names ${ids.map((id) => `P${id}`).join(' and ')} twice: ${ids.map((id) => `P${id}`).join(', ')}.`;
          const places = ids.flatMap((id) => {
            const name = `P${id}`;
            const first = body.indexOf(name);
            const second = body.indexOf(name, first + 1);
            return [first, second].map((start) => ({
              name,
              start,
              end: start + name.length,
              geonameId: id,
              countryCode: 'SY',
              lat: 35,
              lon: 39,
            }));
          });
          return analyzed(story({ headline: `Story ${i}`, body, published }), { places });
        }),
      );
    }

    it('counts the stories mentioning places by month: every mention, each story once, the sum equal to the count', async () => {
      await storiesNaming([
        ['2020-01-05T10:00:00Z', [1]],
        ['2020-01-20T10:00:00Z', [1, 2]],
        ['2020-03-01T00:30:00+03:00', [2]],
        ['2021-07-01T00:00:00Z', [1]],
        ['2021-07-02T00:00:00Z', [3]],
      ]);
      expect(await store.places.placeMentionMonths([1])).toEqual([
        { month: '2020-01', stories: 2 },
        { month: '2021-07', stories: 1 },
      ]);
      // The story naming both is counted once; the month is the story's own date as written (March, not UTC February).
      expect(await store.places.placeMentionMonths([1, 2, 2])).toEqual([
        { month: '2020-01', stories: 2 },
        { month: '2020-03', stories: 1 },
        { month: '2021-07', stories: 1 },
      ]);
      for (const ids of [[1], [2], [1, 2], [1, 2, 3], [4]]) {
        expect(await store.places.countPlaceMentions(ids)).toBe(
          (await store.places.placeMentionMonths(ids)).reduce((sum, m) => sum + m.stories, 0),
        );
      }
      expect(await store.places.countPlaceMentions([1, 2])).toBe(4);
      expect(await store.places.placeMentionMonths([])).toEqual([]);
      // A duplicate adds nothing.
      await storiesNaming([['2020-01-05T10:00:00Z', [1]]]);
      expect(await store.places.countPlaceMentions([1])).toBe(3);
      expect((await store.places.placeMentionMonths([1]))[0]).toEqual({ month: '2020-01', stories: 2 });
    });

    it('counts the stories of several places or speakers per day once each, however many of them a story names, within a span', async () => {
      const day = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);
      await storiesNaming([
        ['2020-01-05T10:00:00Z', [1, 2, 3]],
        ['2020-01-05T11:00:00Z', [1, 2]],
        ['2020-01-05T12:00:00Z', [3]],
        ['2020-01-06T10:00:00Z', [2, 3]],
        ['2020-01-07T10:00:00Z', [1]],
      ]);
      expect(await store.places.placeDayCounts([1, 2, 3], null)).toEqual([
        { day: day('2020-01-05T00:00:00Z'), count: 3 },
        { day: day('2020-01-06T00:00:00Z'), count: 1 },
        { day: day('2020-01-07T00:00:00Z'), count: 1 },
      ]);
      expect(await store.places.placeDayCounts([2, 3], { from: day('2020-01-06T00:00:00Z'), to: day('2020-01-07T00:00:00Z') })).toEqual([
        { day: day('2020-01-06T00:00:00Z'), count: 1 },
      ]);
      expect(await store.places.placeDayCounts([1, 4], null)).toEqual([
        { day: day('2020-01-05T00:00:00Z'), count: 2 },
        { day: day('2020-01-07T00:00:00Z'), count: 1 },
      ]);

      const quoting = (published: string, speakers: string[]) =>
        analyzed(story({ headline: `Quotes of ${published}`, published, body: `Talk on ${published}: ${speakers.join(', ')}.` }), {
          quotes: speakers.map((who, i) => saidBy(who, i * 20)),
        });
      await store.stories.addArticles([
        quoting('2021-03-01T10:00:00Z', ['James Baker', 'Baker', 'JAMES BAKER']),
        quoting('2021-03-01T11:00:00Z', ['Baker', 'Treasury Secretary Baker', 'James Baker']),
        quoting('2021-03-02T10:00:00Z', ['Baker']),
        quoting('2021-03-03T10:00:00Z', ['Treasury Secretary Baker', 'James Baker']),
      ]);
      const bakers = ['James Baker', 'baker', 'Treasury Secretary Baker'];
      expect(await store.quotes.speakerDayCounts(bakers, null)).toEqual([
        { day: day('2021-03-01T00:00:00Z'), count: 2 },
        { day: day('2021-03-02T00:00:00Z'), count: 1 },
        { day: day('2021-03-03T00:00:00Z'), count: 1 },
      ]);
      expect(await store.quotes.speakerDayCounts(bakers, { from: day('2021-03-02T00:00:00Z'), to: day('2021-03-03T00:00:00Z') })).toEqual([
        { day: day('2021-03-02T00:00:00Z'), count: 1 },
        { day: day('2021-03-03T00:00:00Z'), count: 1 },
      ]);
    });

    it("names a speaker: query's speakers by the quotes the server may see, so those quoted only in its hidden stories take no slot", async () => {
      await store.feeds.addFeed({
        url: 'https://b.example/rss',
        intervalMinutes: 15,
        origin: 'command',
        addedAt: new Date('2026-01-01T00:00:00Z'),
        addedBy: null,
        channel: null,
        guildId: 'GB',
      });
      const smiths = ['Al', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ike', 'Jo'].map((first) => `${first} Smith`);
      const quoting = (headline: string, published: string, speakers: string[]) =>
        analyzed(story({ headline, published, body: `Cocoa news: ${headline.toLowerCase()} from the wire.` }), {
          quotes: speakers.map((who, i) => saidBy(who, 100 + i * 20)),
        });
      const { added } = await store.stories.addArticles([
        quoting('Zed speaks', '2019-01-01T10:00:00Z', ['Zed Smith']), // no feed: everyone's
        quoting('The Smiths speak', '2019-02-01T10:00:00Z', [...smiths, ...smiths]), // guild B's feed only
        // newer stories than any speaker's: the newest stories' quotes are no way in for either
        ...Array.from({ length: 501 }, (_, i) => quoting(`Filler ${i}`, `2020-03-01T${String(i % 24).padStart(2, '0')}:00:00Z`, [])),
      ]);
      await store.feeds.recordFeedStories('https://b.example/rss', { added: [added[1]!], seen: [] });
      const speakers = async (reader?: HiddenFrom) =>
        new Set(
          (await store.quotes.findQuotes({ speaker: 'Smith', limit: 30, ...(reader ? { hiddenFrom: reader } : {}) })).map((q) => q.speaker),
        );
      // the whole store: the ten quoted twice take the ten slots
      expect(await speakers()).toEqual(new Set(smiths));
      // guild A sees none of their quotes: Zed Smith is the one it is shown
      expect(await speakers(hiddenFrom('GA'))).toContain('Zed Smith');
    });

    it("counts as one server sees the store: what only other servers' feeds brought is left out of every count and name", async () => {
      const at = new Date('2026-01-01T00:00:00Z');
      const feed = (url: string, guildId: string | null) =>
        store.feeds.addFeed({
          url,
          intervalMinutes: 15,
          origin: guildId ? 'command' : 'config',
          addedAt: at,
          addedBy: null,
          channel: null,
          guildId,
        });
      await feed('https://ops.example/rss', null);
      await feed('https://a.example/rss', 'GA');
      await feed('https://b.example/rss', 'GB');
      const told = (headline: string, published: string, places: number[], speakers: string[]) =>
        analyzed(story({ headline, published, body: `Cocoa news ${headline.toLowerCase()} from the wire today.` }), {
          places: places.map((id, i) => placeAt(id, i * 3)),
          quotes: speakers.map((s, i) => saidBy(s, 100 + i * 20)),
        });
      const { added } = await store.stories.addArticles([
        told('Everyone', '2020-01-05T10:00:00Z', [1], ['Ann Lee']), // no feed: everyone's
        told('Alpha', '2020-01-20T10:00:00Z', [1, 2], ['Ann Lee']), // guild A's feed
        told('Bravo', '2020-01-20T11:00:00Z', [1], ['Bob Hidden', 'Bob Hidden', 'Ann Lee']), // guild B's feed only
        told('Both', '2020-03-01T10:00:00Z', [2], []), // guild B's feed and the operator's
        told('Late', '2021-07-01T10:00:00Z', [3], ['Bob Hidden']), // guild B's feed only
      ]);
      const [everyone, alpha, bravo, both, late] = added as [string, string, string, string, string];
      await store.feeds.recordFeedStories('https://a.example/rss', { added: [alpha], seen: [] });
      await store.feeds.recordFeedStories('https://b.example/rss', { added: [bravo, both, late], seen: [] });
      await store.feeds.recordFeedStories('https://ops.example/rss', { added: [], seen: [both, everyone] });
      const day = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);
      // Each server's reader, as a command's view of the store makes one (hidden stories found once for it).
      const [GA, GB, GC] = ['GA', 'GB', 'GC'].map(hiddenFrom) as [HiddenFrom, HiddenFrom, HiddenFrom];
      const [jan5, jan20, mar1, jul1] = ['2020-01-05', '2020-01-20', '2020-03-01', '2021-07-01'].map((d) => day(`${d}T00:00:00Z`)) as [
        number,
        number,
        number,
        number,
      ];
      expect(await store.feeds.storiesHiddenFrom('GA', added)).toEqual(new Set([bravo, late]));

      // The whole store (the operator, or the shared setting): every story.
      expect(await store.stories.count()).toBe(5);
      expect(await store.places.placeDayCounts([1], null)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 2 },
      ]);
      expect((await store.places.placeMentionCounts()).get(3)).toBe(1);
      expect(await store.quotes.suggestSpeakers('', 10)).toEqual(['Ann Lee', 'Bob Hidden']);
      expect(await store.quotes.speakersNamed('Hidden', 5)).toEqual(['Bob Hidden']);

      // Guild A: Bravo and Late are guild B's alone.
      expect(await store.stories.count(GA)).toBe(3);
      expect(await store.places.placeDayCounts([1], null, GA)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 1 },
      ]);
      // several places merged (each story once), and a range
      expect(await store.places.placeDayCounts([1, 2], null, GA)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 1 },
        { day: mar1, count: 1 },
      ]);
      expect(await store.places.placeDayCounts([1, 2], null)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 2 },
        { day: mar1, count: 1 },
      ]);
      expect(await store.places.placeDayCounts([3], { from: jan5, to: jul1 }, GA)).toEqual([]);
      expect(await store.places.placeMentionMonths([1], GA)).toEqual([{ month: '2020-01', stories: 2 }]);
      expect(await store.places.placeMentionMonths([1, 2], GA)).toEqual([
        { month: '2020-01', stories: 2 },
        { month: '2020-03', stories: 1 },
      ]);
      expect(await store.places.placeMentionMonths([1, 2])).toEqual([
        { month: '2020-01', stories: 3 },
        { month: '2020-03', stories: 1 },
      ]);
      expect(await store.places.countPlaceMentions([1], GA)).toBe(2);
      expect(await store.places.countPlaceMentions([3], GA)).toBe(0);
      const countsA = await store.places.placeMentionCounts(GA);
      expect([countsA.get(1), countsA.get(2), countsA.has(3)]).toEqual([2, 2, false]);
      // the speaker quoted in hidden stories only is never named; the one quoted in both counts only the visible
      expect(await store.quotes.suggestSpeakers('', 10, GA)).toEqual(['Ann Lee']);
      expect(await store.quotes.suggestSpeakers('bob', 10, GA)).toEqual([]);
      expect(await store.quotes.speakersNamed('Hidden', 5, GA)).toEqual([]);
      expect(await store.quotes.speakersNamed('Lee', 5, GA)).toEqual(['Ann Lee']);
      expect(await store.quotes.speakerDayCounts(['Bob Hidden'], null, GA)).toEqual([]);
      expect(await store.quotes.speakerDayCounts(['Ann Lee'], null, GA)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 1 },
      ]);
      expect(await store.quotes.speakerDayCounts(['Ann Lee', 'Bob Hidden'], null, GA)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 1 },
      ]);
      expect(await store.quotes.speakerDayCounts(['Ann Lee', 'Bob Hidden'], null)).toEqual([
        { day: jan5, count: 1 },
        { day: jan20, count: 2 },
        { day: jul1, count: 1 },
      ]);
      expect(await store.stories.searchDayCounts('cocoa', null, GA)).toEqual({
        days: [
          { day: jan5, count: 1 },
          { day: jan20, count: 1 },
          { day: mar1, count: 1 },
        ],
        capped: false,
      });
      expect((await store.stories.searchDayCounts('cocoa', null)).days.reduce((n, d) => n + d.count, 0)).toBe(5);

      // Guild B sees its own and the operator's, not guild A's; a guild with no feed sees what no server's feed keeps to itself.
      expect(await store.stories.count(GB)).toBe(4);
      expect((await store.places.placeMentionCounts(GB)).get(2)).toBe(1);
      // ranked by the quotes it may see: guild A's quote of Ann Lee does not count for B
      expect(await store.quotes.suggestSpeakers('', 10, GB)).toEqual(['Bob Hidden', 'Ann Lee']);
      expect(await store.stories.count(GC)).toBe(2);
      expect(await store.places.placeMentionMonths([1, 2, 3], GC)).toEqual([
        { month: '2020-01', stories: 1 },
        { month: '2020-03', stories: 1 },
      ]);
    });

    it('walks every story in publication order in pages, as getById + getAnalysis give them', async () => {
      const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
      const items = Array.from({ length: 23 }, (_, i) =>
        analyzed(
          // Ties on the date (i % 3 share one) must neither repeat nor drop a story at a page edge.
          story({
            headline: `Story ${i}`,
            body: `Raqqa story number ${i}. "We wait," Smith said.`,
            published: new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 3))).toISOString(),
          }),
          {
            places: [{ name: 'Raqqa', start: 0, end: 5, ...place }],
            quotes: [
              {
                text: 'We wait,',
                kind: 'direct',
                speaker: 'Smith',
                speakerMention: null,
                speakerDescription: null,
                speakerResolved: null,
                verb: 'said',
                start: 0,
                end: 8,
              },
            ],
          },
        ),
      );
      // Stored out of date order.
      await store.stories.addArticles([...items].reverse());
      const walked: string[] = [];
      let next: StoryCursor | null = null;
      let pages = 0;
      do {
        const page = await store.stories.storiesPage({ after: next, limit: 5 });
        for (const s of page.stories) {
          expect(s.analysis).toEqual(await store.stories.getAnalysis(s.article.id));
          expect(s.article).toEqual(await store.stories.getById(s.article.id));
          walked.push(s.article.headline);
        }
        next = page.next;
        pages++;
      } while (next);
      expect(pages).toBe(5);
      expect(walked).toHaveLength(23);
      expect(new Set(walked).size).toBe(23);
      const publishedOf = new Map(items.map((x) => [x.article.headline, x.article.published]));
      const published = walked.map((h) => publishedOf.get(h)!);
      expect([...published].sort()).toEqual(published);
      const since = await store.stories.storiesPage({ since: new Date('2020-01-07T00:00:00Z'), limit: 100 });
      expect(since.stories.map((s) => s.article.headline).sort()).toEqual(['Story 18', 'Story 19', 'Story 20', 'Story 21', 'Story 22']);
      expect(since.next).toBeNull();
    });

    it('finds snippets in the story each hit comes from', async () => {
      await store.stories.addArticles([
        analyzed(
          story({
            headline: 'Coffee talks resume',
            body: 'Coffee producers met in London to discuss export quotas for the coming season.',
            published: '2020-05-02T00:00:00Z',
          }),
        ),
        analyzed(
          story({
            headline: 'Port strike ends',
            body: 'Dockers in Santos ended a strike that had held up coffee shipments for a week.',
            published: '2020-05-03T00:00:00Z',
          }),
        ),
      ]);
      const hits = await store.stories.search('coffee', 10);
      expect(hits).toHaveLength(2);
      for (const hit of hits) {
        const article = (await store.stories.getById(hit.id))!;
        const words = hit.snippet
          .replace(/…/g, ' ')
          .split(/\s+/)
          .filter((w) => w.length > 3);
        expect(words.length).toBeGreaterThan(2);
        for (const w of words) expect(`${article.headline} ${article.body}`).toContain(w.replace(/[^\p{L}\p{N}]+$/u, ''));
      }
      expect(hits[0]!.headline).toBe('Coffee talks resume');
      // snippets for the first hits only when asked so: the same hits in the same order
      const first = await store.stories.search('coffee', 10, { snippets: 1 });
      expect(first.map((h) => [h.id, h.rank])).toEqual(hits.map((h) => [h.id, h.rank]));
      expect(first.map((h) => h.snippet)).toEqual([hits[0]!.snippet, '']);
      expect((await store.stories.search('coffee', 10, { snippets: 0 })).map((h) => h.snippet)).toEqual(['', '']);
    });

    it('reads "phrases" and -exclusions in a search and its about: counts', async () => {
      await store.stories.addArticles([
        analyzed(story({ headline: 'Cocoa harvest late', body: 'The cocoa harvest in Bahia is late.', published: '2020-05-01T00:00:00Z' })),
        analyzed(
          story({ headline: 'Oil output falls', body: 'Oil production fell. Cocoa was not traded.', published: '2020-05-02T00:00:00Z' }),
        ),
        analyzed(
          story({ headline: 'Beans in Ghana', body: 'The harvest of cocoa beans began in Ghana.', published: '2020-05-03T00:00:00Z' }),
        ),
      ]);
      const headlines = async (query: string): Promise<string[]> => (await store.stories.search(query, 10)).map((h) => h.headline).sort();
      expect(await headlines('"cocoa harvest"')).toEqual(['Cocoa harvest late']);
      expect(await headlines('cocoa harvest')).toEqual(['Beans in Ghana', 'Cocoa harvest late']);
      expect(await headlines('cocoa -bahia')).toEqual(['Beans in Ghana', 'Oil output falls']);
      expect(await headlines('cocoa -"harvest in bahia" -oil')).toEqual(['Beans in Ghana']);
      // The any-word fallback keeps the exclusions.
      expect(await headlines('cocoa zzzunknown -ghana')).toEqual(['Cocoa harvest late', 'Oil output falls']);
      expect(await headlines('-cocoa')).toEqual([]);
      const counted = await store.stories.searchDayCounts('cocoa -bahia', null);
      expect(counted.days.reduce((n, d) => n + d.count, 0)).toBe(2);
    });

    /** 210 stories that all say "market": a word too common to rank by. */
    const marketNotes = () =>
      Array.from({ length: 210 }, (_, i) =>
        analyzed(
          story({
            headline: `Daily market note ${i}`,
            body: `The market was quiet on day ${i}.`,
            published: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString(),
          }),
        ),
      );

    it('leaves out an excluded word found in the body of a story whose headline holds every word, with a very common word', async () => {
      const filler = marketNotes();
      await store.stories.addArticles([
        analyzed(
          story({
            headline: 'Market prices climb',
            body: 'Prices on the market rose as tankers waited.',
            published: '2022-12-01T00:00:00Z',
          }),
        ),
        ...filler,
        analyzed(story({ headline: 'Shipping news', body: 'The market saw prices steady.', published: '2021-12-01T00:00:00Z' })),
      ]);
      expect((await store.stories.search('market prices', 5)).map((h) => h.headline)).toEqual(['Market prices climb', 'Shipping news']);
      expect((await store.stories.search('market prices -tankers', 5)).map((h) => h.headline)).toEqual(['Shipping news']);
    });

    it('puts a story with every word in its headline before newer ones that only mention them, with a very common word', async () => {
      // "market" is in every story: too common to rank by, so the newest matches come first, those with
      // every word in the headline before the others (PostgreSQL, whose statistics may not say so yet,
      // ranks the headline above the body: the same order).
      const filler = marketNotes();
      await store.stories.addArticles([
        analyzed(story({ headline: 'Market prices climb', body: 'Prices on the market climbed.', published: '2020-12-01T00:00:00Z' })),
        ...filler,
        analyzed(
          story({ headline: 'Shipping news', body: 'The market saw prices steady as tankers waited.', published: '2021-12-01T00:00:00Z' }),
        ),
      ]);
      const hits = await store.stories.search('market prices', 5);
      expect(hits.map((h) => h.headline)).toEqual(['Market prices climb', 'Shipping news']);
    });

    it('tells stored ids apart from new ones for ingest', async () => {
      const [id] = (await store.stories.addArticles([analyzed(story({ url: 'https://example.com/x' }))])).added;
      const known = await store.stories.identities([id!, 'ffffffffffff']);
      expect([...known.keys()]).toEqual([id]);
      expect(known.get(id!)?.url).toBe('https://example.com/x');
      expect(known.get(id!)?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('keeps subscriptions, one per channel, and lists them by guild', async () => {
      const now = new Date('2020-05-01T00:00:00Z');
      const input = {
        guildId: 'g1',
        channelId: 'c1',
        time: '08:00',
        timezone: 'Europe/London',
        about: null,
        quiet: false,
        createdBy: 'u1',
      };
      const first = await store.subscriptions.subscribe(input, now);
      expect(first.replaced).toBe(false);
      const again = await store.subscriptions.subscribe({ ...input, time: '09:00' }, now);
      expect(again).toMatchObject({ replaced: true, subscription: { id: first.subscription.id, time: '09:00' } });
      await store.subscriptions.subscribe({ ...input, guildId: 'g2', channelId: 'c2' }, now);
      expect((await store.subscriptions.list('g1')).map((s) => s.channelId)).toEqual(['c1']);
      expect(await store.subscriptions.list()).toHaveLength(2);
      expect((await store.subscriptions.byChannel('c1'))?.timezone).toBe('Europe/London');
      await store.subscriptions.pause(first.subscription.id, 'missing permission', now);
      expect((await store.subscriptions.get(first.subscription.id))?.pauseReason).toBe('missing permission');
      expect(await store.subscriptions.unsubscribe('c1', now)).toBe(true);
      expect(await store.subscriptions.unsubscribe('c1', now)).toBe(false);
      expect(await store.subscriptions.byChannel('c1')).toBeNull();
    });

    it('claims a digest once, records its parts, resumes an expired lease and retries a failure', async () => {
      const now = new Date('2020-05-01T08:00:00Z');
      const { subscription } = await store.subscriptions.subscribe(
        { guildId: null, channelId: 'shell', time: '08:00', timezone: 'UTC', about: null, quiet: false, createdBy: 'u' },
        now,
      );
      const request = (owner: string, at: Date) => ({
        subscriptionId: subscription.id,
        localDate: '2020-05-01',
        owner,
        now: at,
        leaseMs: 60_000,
        fresh: { scheduledAt: now, since: new Date('2020-04-30T08:00:00Z'), at: now, late: false },
      });
      const claim = await store.subscriptions.claimDelivery(request('a', now));
      expect(claim).toMatchObject({ resumed: false, delivery: { status: 'pending', owner: 'a', attempts: 1 } });
      expect(await store.subscriptions.claimDelivery(request('b', now))).toBeNull();
      expect(await store.subscriptions.recordPart(subscription.id, '2020-05-01', 'a', 'm1', new Date(now.getTime() + 30_000))).toBe(true);
      expect(await store.subscriptions.recordPart(subscription.id, '2020-05-01', 'b', 'm2', new Date(now.getTime() + 30_000))).toBe(false);
      // a's lease runs out: b takes over, and sees the part a posted.
      const later = new Date(now.getTime() + 120_000);
      expect((await store.subscriptions.openDeliveries(later)).map((d) => d.localDate)).toEqual(['2020-05-01']);
      const resumed = await store.subscriptions.claimDelivery(request('b', later));
      expect(resumed).toMatchObject({ resumed: true, delivery: { owner: 'b', attempts: 2, messageIds: ['m1'] } });
      await store.subscriptions.failAttempt(subscription.id, '2020-05-01', 'b', 'HTTP 500', new Date(later.getTime() + 60_000), later);
      expect((await store.subscriptions.getDelivery(subscription.id, '2020-05-01'))?.status).toBe('retry');
      expect(await store.subscriptions.claimDelivery(request('c', later))).toBeNull();
      const due = new Date(later.getTime() + 60_000);
      expect((await store.subscriptions.claimDelivery(request('c', due)))?.delivery.attempts).toBe(3);
      await store.subscriptions.finishDelivery(subscription.id, '2020-05-01', 'c', 'delivered', due);
      expect(await store.subscriptions.lastFinished(subscription.id)).toMatchObject({ status: 'delivered', localDate: '2020-05-01' });
      expect((await store.subscriptions.lastDelivery(subscription.id))?.finishedAt).toBe(due.toISOString());
      expect(await store.subscriptions.openDeliveries(due)).toEqual([]);
      expect(await store.subscriptions.claimDelivery(request('d', new Date(due.getTime() + 3_600_000)))).toBeNull();
    });

    it('lets exactly one of many simultaneous claimers win', async () => {
      const now = new Date('2020-05-01T08:00:00Z');
      const { subscription } = await store.subscriptions.subscribe(
        { guildId: null, channelId: 'race', time: '08:00', timezone: 'UTC', about: null, quiet: false, createdBy: 'u' },
        now,
      );
      const other = await harness.openSame();
      try {
        const claims = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 === 0 ? store : other).subscriptions.claimDelivery({
              subscriptionId: subscription.id,
              localDate: '2020-05-01',
              owner: `p${i}`,
              now,
              leaseMs: 60_000,
              fresh: { scheduledAt: now, since: now, at: now, late: false },
            }),
          ),
        );
        expect(claims.filter((c) => c !== null)).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('keeps feeds with their channels and health, and says which are due', async () => {
      const addedAt = new Date('2020-05-01T00:00:00Z');
      const { created, feed } = await store.feeds.addFeed({
        url: 'https://news.test/rss',
        intervalMinutes: 30,
        origin: 'command',
        addedAt,
        addedBy: 'u',
        channel: { guildId: 'g', channelId: 'c1' },
      });
      expect(created).toBe(true);
      expect(feed).toMatchObject({ url: 'https://news.test/rss', intervalMinutes: 30, channels: [{ guildId: 'g', channelId: 'c1' }] });
      expect(
        (
          await store.feeds.addFeed({
            url: 'https://news.test/rss',
            origin: 'command',
            addedAt,
            addedBy: 'u',
            channel: { guildId: 'g', channelId: 'c2' },
          })
        ).created,
      ).toBe(false);
      expect((await store.feeds.getFeed('https://news.test/rss'))?.channels.map((c) => c.channelId)).toEqual(['c1', 'c2']);
      expect((await store.feeds.dueFeeds(addedAt)).map((f) => f.url)).toEqual(['https://news.test/rss']);
      await store.feeds.recordPoll({
        url: 'https://news.test/rss',
        polledAt: addedAt,
        outcome: 'ok',
        title: 'News',
        etag: '"v1"',
        lastModified: null,
        added: 3,
        rejected: 1,
        undated: 0,
        error: '1 item(s) rejected',
        nextPollAt: new Date('2020-05-01T00:30:00Z'),
      });
      const polled = (await store.feeds.getFeed('https://news.test/rss'))!;
      expect(polled).toMatchObject({
        title: 'News',
        etag: '"v1"',
        health: { itemsAdded: 3, itemsRejected: 1, consecutiveFailures: 0, lastSuccessAt: addedAt.toISOString() },
      });
      expect(await store.feeds.dueFeeds(new Date('2020-05-01T00:10:00Z'))).toEqual([]);
      await store.feeds.recordPoll({
        url: 'https://news.test/rss',
        polledAt: addedAt,
        outcome: 'failed',
        added: 0,
        rejected: 0,
        undated: 0,
        error: 'HTTP 500',
        nextPollAt: new Date('2020-05-01T01:00:00Z'),
      });
      expect((await store.feeds.getFeed('https://news.test/rss'))?.health).toMatchObject({ consecutiveFailures: 1, lastError: 'HTTP 500' });
      expect(await store.feeds.removeChannel('https://news.test/rss', 'c1')).toBe(true);
      expect(await store.feeds.removeChannel('https://news.test/rss', 'c1')).toBe(false);
      expect((await store.feeds.listFeeds()).map((f) => f.url)).toEqual(['https://news.test/rss']);
      expect(await store.feeds.removeFeed('https://news.test/rss')).toBe(true);
      expect(await store.feeds.getFeed('https://news.test/rss')).toBeNull();
    });

    it('lets one of many simultaneous pollers take a due feed, until its poll is recorded or its lease expires', async () => {
      const url = 'https://lease.test/rss';
      const at = new Date('2020-05-01T00:00:00Z');
      await store.feeds.addFeed({ url, intervalMinutes: 15, origin: 'config', addedAt: at, addedBy: null, channel: null });
      const lease = (from: Date): Date => new Date(from.getTime() + 5 * 60_000);
      const other = await harness.openSame();
      try {
        const wins = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? store : other).feeds.claimPoll(url, `p${i}`, at, lease(at))),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
        const holder = `p${wins.indexOf(true)}`;
        // While the lease runs nobody else gets it; the holder asking again keeps it.
        const oneMinute = new Date(at.getTime() + 60_000);
        expect(await other.feeds.claimPoll(url, 'late', oneMinute, lease(oneMinute))).toBe(false);
        expect(await store.feeds.claimPoll(url, holder, oneMinute, lease(oneMinute))).toBe(true);
        // The holder died: once the lease has run out, another poller takes the feed over.
        const expired = new Date(at.getTime() + 6 * 60_000 + 1);
        expect(await other.feeds.claimPoll(url, 'survivor', expired, lease(expired))).toBe(true);
        // A recorded poll ends the lease and moves the next poll on: nobody may poll again before it.
        await other.feeds.recordPoll({
          url,
          polledAt: expired,
          outcome: 'not-modified',
          added: 0,
          rejected: 0,
          undated: 0,
          error: null,
          nextPollAt: new Date(expired.getTime() + 15 * 60_000),
        });
        expect(await store.feeds.claimPoll(url, 'p-next', expired, lease(expired))).toBe(false);
        const due = new Date(expired.getTime() + 15 * 60_000);
        expect(await store.feeds.claimPoll(url, 'p-next', due, lease(due))).toBe(true);
        // Released without a poll (shutdown): still due, free for another at once; only the holder can release.
        await other.feeds.releasePoll(url, 'someone-else');
        expect(await other.feeds.claimPoll(url, 'p-other', due, lease(due))).toBe(false);
        await store.feeds.releasePoll(url, 'p-next');
        expect(await other.feeds.claimPoll(url, 'p-other', due, lease(due))).toBe(true);
        expect(await store.feeds.claimPoll('https://unknown.test/rss', 'p', due, lease(due))).toBe(false);
      } finally {
        await other.close();
      }
    });

    it('hands each queued new-story post to one of many simultaneous claimers, in queue order, until it is finished', async () => {
      const url = 'https://outbox.test/rss';
      const at = new Date('2020-05-01T00:00:00Z');
      const claimUntil = (from: Date): Date => new Date(from.getTime() + 2 * 60_000);
      const guild = (channelId: string) => ({ guildId: 'g1', channelId });
      // Posts wait for their stories: these are stored (under these ids, in the feed's order).
      const [B, A, L] = (
        await store.stories.addArticles(
          ['b-second', 'a-third', 'local'].map((name) =>
            analyzed(
              story({ headline: `Outbox ${name}`, body: `The ${name} story of the outbox test.`, url: `https://outbox.test/${name}` }),
            ),
          ),
        )
      ).added;
      const ids: Record<string, string> = { [B!]: 'b-second', [A!]: 'a-third', [L!]: 'local' };
      const named = (id: string): string => ids[id] ?? id;
      await store.feeds.queuePosts(
        [
          { url, articleId: B!, channel: guild('c1') },
          { url, articleId: A!, channel: guild('c1') },
          { url, articleId: B!, channel: guild('c2') },
          { url, articleId: L!, channel: { guildId: null, channelId: 'shell' } },
        ],
        at,
      );
      // Queued again (a poll retried): nothing doubles.
      await store.feeds.queuePosts([{ url, articleId: B!, channel: guild('c1') }], at);
      const other = await harness.openSame();
      try {
        const claims = await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? store : other).feeds.claimPosts(`p${i}`, at, claimUntil(at), 2, 'guild')),
        );
        const claimed = claims.flat().map((p) => `${named(p.articleId)}@${p.channel.channelId}#${p.attempts}`);
        expect(claimed.sort()).toEqual(['a-third@c1#1', 'b-second@c1#1', 'b-second@c2#1']);
        // Each claimer's posts come in the order queued. (Which claimer gets which is the race's: with SKIP LOCKED
        // one may lock the oldest while another, skipping it, takes the next two.)
        const queued = ['b-second@c1', 'a-third@c1', 'b-second@c2'];
        for (const claim of claims) {
          const order = claim.map((p) => queued.indexOf(`${named(p.articleId)}@${p.channel.channelId}`));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
        // The shell's scope: only the post to a channel without a server.
        expect((await store.feeds.claimPosts('shell', at, claimUntil(at), 10, 'local')).map((p) => named(p.articleId))).toEqual(['local']);
        // While the claims run nobody gets them; a finished post is gone, an unfinished one comes back.
        expect(await other.feeds.claimPosts('late', at, claimUntil(at), 10, 'guild')).toEqual([]);
        await store.feeds.finishPost('c1', B!);
        await store.feeds.finishPost('c2', B!);
        const later = claimUntil(at);
        expect(await other.feeds.claimPosts('survivor', later, claimUntil(later), 10, 'guild')).toEqual([
          { url, articleId: A!, channel: guild('c1'), attempts: 2 },
        ]);
      } finally {
        await other.close();
      }
    });

    it('keeps a queued post until its story is stored, takes out posts of stories a poll did not store, and drops one whose story never came', async () => {
      const url = 'https://waiting.test/rss';
      const at = new Date('2020-05-01T00:00:00Z');
      const until = (from: Date): Date => new Date(from.getTime() + 2 * 60_000);
      const channel = { guildId: 'g1', channelId: 'news' };
      const item = (name: string) =>
        analyzed(
          story({ headline: `Waiting ${name}`, body: `The ${name} story of the waiting test.`, url: `https://waiting.test/${name}` }),
        );
      // Ids are the store's own: stored once to learn them, in another store (the same id everywhere).
      const scratch = await harness.openEmpty();
      let ids: string[];
      try {
        ids = (await scratch.stories.addArticles(['stored', 'duplicate', 'lost'].map(item))).added;
      } finally {
        await scratch.close();
      }
      const [stored, duplicate, lost] = ids as [string, string, string];
      await store.feeds.queuePosts(
        ids.map((articleId) => ({ url, articleId, channel })),
        at,
      );
      // Queued, story not stored yet: nobody can take it.
      expect(await store.feeds.claimPosts('p1', at, until(at), 10, 'guild')).toEqual([]);
      await store.stories.addArticles([item('stored')]);
      // The poll did not store this one after all; another feed's post of the same story stays.
      await store.feeds.queuePosts(
        [{ url: 'https://other.test/rss', articleId: duplicate, channel: { guildId: 'g1', channelId: 'other' } }],
        at,
      );
      await store.feeds.unqueuePosts(url, [duplicate]);
      expect((await store.feeds.claimPosts('p1', at, until(at), 10, 'guild')).map((p) => p.articleId)).toEqual([stored]);
      // The story of the post that waited too long never came: the post is dropped, not kept for ever.
      const late = new Date(at.getTime() + POST_STORY_WAIT_MS + 1);
      await store.stories.addArticles([item('duplicate')]);
      expect((await store.feeds.claimPosts('p2', late, until(late), 10, 'guild')).map((p) => `${p.url} ${p.articleId}`)).toEqual([
        `${url} ${stored}`,
        `https://other.test/rss ${duplicate}`,
      ]);
      await store.stories.addArticles([item('lost')]);
      // (The two taken by p2 are held until their claim runs out.)
      expect(await store.feeds.claimPosts('p3', late, until(late), 10, 'guild')).toEqual([]);
      expect(await store.stories.getById(lost)).not.toBeNull();
    });

    it("keeps a feed's validators when a poll is recorded without them (they are saved with the items)", async () => {
      const url = 'https://validators.test/rss';
      const at = new Date('2020-05-01T00:00:00Z');
      await store.feeds.addFeed({ url, intervalMinutes: 15, origin: 'config', addedAt: at, addedBy: null, channel: null });
      await store.feeds.commitItems(url, { title: 'V', etag: '"e1"', lastModified: 'Fri, 01 May 2020 00:00:00 GMT' }, () =>
        Promise.resolve(0),
      );
      await store.feeds.recordPoll({ url, polledAt: at, outcome: 'ok', added: 0, rejected: 0, undated: 0, error: null, nextPollAt: at });
      expect(await store.feeds.getFeed(url)).toMatchObject({ title: 'V', etag: '"e1"', lastModified: 'Fri, 01 May 2020 00:00:00 GMT' });
    });
  });
}
