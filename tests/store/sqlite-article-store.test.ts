import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { latestSchemaVersion } from '../../src/store/sqlite/migrations.js';
import type { AnalyzedArticle, ArticleStore, NewArticle } from '../../src/store/article-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';

function story(overrides: Partial<NewArticle> = {}): NewArticle {
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

function analyzed(article: NewArticle, extra: Partial<AnalyzedArticle['analysis']> = {}): AnalyzedArticle {
  return { article, analysis: { ...simpleAnalyze(article), ...extra } };
}

describe('SQLite article store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: ArticleStore;
  let dbFile: string;

  beforeEach(() => {
    temp = makeTempDir();
    dbFile = path.join(temp.dir, 'nested/dir/store.db');
    store = createSqliteArticleStore(openDatabase(dbFile));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  it('creates the file on first open, in WAL mode, at the latest schema version', () => {
    const db = openDatabase(dbFile);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('stores a story once: same url or same normalised text is a duplicate with the same id', () => {
    const first = store.addArticles([analyzed(story({ url: 'https://example.com/1' }))]);
    expect(first.added).toHaveLength(1);
    const sameUrl = store.addArticles([analyzed(story({ url: 'https://example.com/1', body: 'Different text entirely.' }))]);
    expect(sameUrl).toEqual({ added: [], duplicates: first.added });
    const sameText = store.addArticles([analyzed(story({ body: '  cocoa PRICES rose sharply on Monday;\n traders said supply was short ' }))]);
    expect(sameText.duplicates).toEqual(first.added);
    expect(store.count()).toBe(1);
  });

  it('gives the same stable id to the same story in another store', () => {
    const other = createSqliteArticleStore(openDatabase(':memory:'));
    const a = store.addArticles([analyzed(story())]).added[0];
    const b = other.addArticles([analyzed(story())]).added[0];
    expect(a).toBeDefined();
    expect(a).toBe(b);
    other.close();
  });

  it('adds a batch atomically: a failure rolls the whole batch back', () => {
    const bad = analyzed(story({ body: 'Another story.' }));
    // A NOT NULL violation in the second item must not leave the first behind.
    (bad.article as { headline: string | null }).headline = null;
    expect(() => store.addArticles([analyzed(story()), bad])).toThrow();
    expect(store.count()).toBe(0);
  });

  it('returns every field it was given', () => {
    const input = story({ editor: 'Lu Hui', datelinePlace: 'Damascus', caption: 'A photo.', captionCredit: 'Someone', url: 'https://x.test/a', headlineDerived: true });
    const [id] = store.addArticles([analyzed(input)]).added;
    const got = store.getById(id!);
    expect(got).toMatchObject({ ...input, id });
    expect(got?.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(store.getById('nope')).toBeNull();
  });

  it('searches title and body with bm25, best first, and falls back to any word', () => {
    store.addArticles([
      analyzed(story({ headline: 'Oil output falls', body: 'Oil production fell in March. Cocoa was not mentioned.', published: '2020-05-02T00:00:00Z' })),
      analyzed(story({ headline: 'Cocoa harvest late', body: 'The cocoa harvest in Bahia is late. Cocoa farmers wait.', published: '2020-05-03T00:00:00Z' })),
    ]);
    const hits = store.search('cocoa', 10);
    expect(hits.map((h) => h.headline)).toEqual(['Cocoa harvest late', 'Oil output falls']);
    expect(hits[0]?.snippet).toMatch(/cocoa/i);
    expect(store.search('cocoa zzzunknown', 10).length).toBe(2);
    expect(store.search('"); DROP TABLE articles; --', 10)).toEqual([]);
    expect(store.search('', 10)).toEqual([]);
  });

  it('lists the latest stories newest first and those published in a window', () => {
    store.addArticles([
      analyzed(story({ headline: 'old', body: 'old story', published: '2020-01-01T00:00:00Z' })),
      analyzed(story({ headline: 'new', body: 'new story', published: '2020-03-01T00:00:00Z' })),
      analyzed(story({ headline: 'mid', body: 'mid story', published: '2020-02-01T00:00:00+05:00' })),
    ]);
    expect(store.latest(2).map((s) => s.headline)).toEqual(['new', 'mid']);
    expect(store.publishedBetween(new Date('2020-01-15T00:00:00Z'), new Date('2020-03-01T00:00:00Z'), 10).map((s) => s.headline)).toEqual(['mid']);
  });

  it('suggests headlines by word prefixes for autocomplete', () => {
    store.addArticles([analyzed(story({ headline: 'Syrian army advances in Deir al-Zour', body: 'x one' })), analyzed(story({ headline: 'Cocoa review', body: 'x two' }))]);
    expect(store.suggestHeadlines('syr', 5).map((s) => s.headline)).toEqual(['Syrian army advances in Deir al-Zour']);
    expect(store.suggestHeadlines('army adv', 5)).toHaveLength(1);
    expect(store.suggestHeadlines('', 5)).toHaveLength(2);
  });

  it('stores quotes and finds them by speaker and by topic', () => {
    const article = story({ body: 'The minister said prices would fall. "We are ready," Smith said.' });
    const [id] = store.addArticles([
      analyzed(article, {
        quotes: [
          { text: 'prices would fall', kind: 'reported', speaker: 'the minister', speakerMention: { start: 0, end: 12 }, speakerResolved: null, speakerDescription: null, verb: 'said', start: 18, end: 35 },
          { text: 'We are ready,', kind: 'direct', speaker: 'John Smith', speakerMention: { start: 51, end: 56 }, speakerResolved: { name: 'John Smith', start: 51, end: 56 }, speakerDescription: 'a trader', verb: 'said', start: 37, end: 51 },
        ],
      }),
    ]).added;
    expect(store.getAnalysis(id!)?.quotes.map((q) => q.speaker)).toEqual(['the minister', 'John Smith']);
    expect(store.getAnalysis(id!)?.quotes.map((q) => q.speakerResolved)).toEqual([null, { name: 'John Smith', start: 51, end: 56 }]);
    expect(store.findQuotes({ speaker: 'smith', limit: 5 }).map((q) => q.text)).toEqual(['We are ready,']);
    // a description is not a name: "trader" finds nobody
    expect(store.findQuotes({ speaker: 'trader', limit: 5 })).toEqual([]);
    expect(store.findQuotes({ speaker: 'trader', about: 'cocoa', limit: 5 })).toEqual([]);
    expect(store.findQuotes({ about: 'cocoa', limit: 5 })).toHaveLength(2);
    expect(store.findQuotes({ about: 'unrelated', limit: 5 })).toHaveLength(0);
    expect(store.suggestSpeakers('sm', 5)).toEqual(['John Smith']);
    expect(store.findQuotes({ limit: 1, offset: 1 }).map((q) => q.speaker)).toEqual(['John Smith']);
  });

  it('stores places and answers mention queries with the sentence around each', () => {
    const body = 'Fighting continued. Troops entered Raqqa on Monday. Raqqa was quiet later.';
    const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
    const [id] = store.addArticles([
      analyzed(story({ body }), { places: [{ name: 'Raqqa', start: 35, end: 40, ...place }, { name: 'Raqqa', start: 52, end: 57, ...place }] }),
    ]).added;
    expect(store.countPlaceMentions([163915])).toBe(1);
    expect(store.placeMentionCounts().get(163915)).toBe(1);
    const [hit] = store.findPlaceMentions([163915, 1], 5);
    expect(hit).toMatchObject({ articleId: id, name: 'Raqqa', start: 35, sentence: 'Troops entered Raqqa on Monday.' });
    expect(store.findPlaceMentions([], 5)).toEqual([]);
  });

  /** Stories mentioning place `ids` (some of each), one per item: [published, ids]. */
  function storiesNaming(items: [string, number[]][]): void {
    store.addArticles(
      items.map(([published, ids], i) => {
        const body = `Story ${i} names ${ids.map((id) => `P${id}`).join(' and ')} twice: ${ids.map((id) => `P${id}`).join(', ')}.`;
        const places = ids.flatMap((id) => {
          const name = `P${id}`;
          const first = body.indexOf(name);
          const second = body.indexOf(name, first + 1);
          return [first, second].map((start) => ({ name, start, end: start + name.length, geonameId: id, countryCode: 'SY', lat: 35, lon: 39 }));
        });
        return analyzed(story({ headline: `Story ${i}`, body, published }), { places });
      }),
    );
  }

  it('counts the stories mentioning places by month: every mention, each story once, the sum equal to the count', () => {
    storiesNaming([
      ['2020-01-05T10:00:00Z', [1]],
      ['2020-01-20T10:00:00Z', [1, 2]],
      ['2020-03-01T00:30:00+03:00', [2]],
      ['2021-07-01T00:00:00Z', [1]],
      ['2021-07-02T00:00:00Z', [3]],
    ]);
    expect(store.placeMentionMonths([1])).toEqual([
      { month: '2020-01', stories: 2 },
      { month: '2021-07', stories: 1 },
    ]);
    // The story naming both is counted once; the month is the story's own date as written (March, not UTC February).
    expect(store.placeMentionMonths([1, 2, 2])).toEqual([
      { month: '2020-01', stories: 2 },
      { month: '2020-03', stories: 1 },
      { month: '2021-07', stories: 1 },
    ]);
    for (const ids of [[1], [2], [1, 2], [1, 2, 3], [4]]) {
      expect(store.countPlaceMentions(ids)).toBe(store.placeMentionMonths(ids).reduce((sum, m) => sum + m.stories, 0));
    }
    expect(store.countPlaceMentions([1, 2])).toBe(4);
    expect(store.placeMentionMonths([])).toEqual([]);
    // A duplicate adds nothing.
    storiesNaming([['2020-01-05T10:00:00Z', [1]]]);
    expect(store.countPlaceMentions([1])).toBe(3);
    expect(store.placeMentionMonths([1])[0]).toEqual({ month: '2020-01', stories: 2 });
  });

  it('backfills the per-month place counts when an older store is opened', () => {
    storiesNaming([
      ['2020-01-05T10:00:00Z', [1]],
      ['2020-01-20T10:00:00Z', [1, 2]],
      ['2020-02-01T10:00:00Z', [2]],
    ]);
    const kept = store.placeMentionMonths([1, 2]);
    store.close();
    // As the previous schema left it: no table, version 7.
    const db = openDatabase(dbFile);
    db.exec('DROP TABLE place_month_counts');
    db.pragma('user_version = 7');
    db.close();
    store = createSqliteArticleStore(openDatabase(dbFile));
    expect(store.placeMentionMonths([1, 2])).toEqual(kept);
    expect(store.placeMentionMonths([1])).toEqual([{ month: '2020-01', stories: 2 }]);
    // Run again over its own table (a version set back): rebuilt, not doubled.
    store.close();
    const again = openDatabase(dbFile);
    again.pragma('user_version = 7');
    again.close();
    store = createSqliteArticleStore(openDatabase(dbFile));
    expect(store.placeMentionMonths([1, 2])).toEqual(kept);
  });

  it('walks every story in publication order in pages, as getById + getAnalysis give them', () => {
    const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
    const items = Array.from({ length: 23 }, (_, i) =>
      analyzed(
        // Ties on the date (i % 3 share one) must neither repeat nor drop a story at a page edge.
        story({ headline: `Story ${i}`, body: `Raqqa story number ${i}. "We wait," Smith said.`, published: new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 3))).toISOString() }),
        {
          places: [{ name: 'Raqqa', start: 0, end: 5, ...place }],
          quotes: [{ text: 'We wait,', kind: 'direct', speaker: 'Smith', speakerMention: null, speakerDescription: null, speakerResolved: null, verb: 'said', start: 0, end: 8 }],
        },
      ),
    );
    // Stored out of date order.
    store.addArticles([...items].reverse());
    const walked: string[] = [];
    let next = null;
    let pages = 0;
    do {
      const page = store.storiesPage({ after: next, limit: 5 });
      for (const s of page.stories) {
        expect(s.analysis).toEqual(store.getAnalysis(s.article.id));
        expect(s.article).toEqual(store.getById(s.article.id));
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
    const since = store.storiesPage({ since: new Date('2020-01-07T00:00:00Z'), limit: 100 });
    expect(since.stories.map((s) => s.article.headline).sort()).toEqual(['Story 18', 'Story 19', 'Story 20', 'Story 21', 'Story 22']);
    expect(since.next).toBeNull();
  });

  it('round-trips sentence scores', () => {
    const article = story();
    const sentences = simpleAnalyze(article).sentences.map((s, i) => ({ ...s, score: i + 0.5 }));
    const [id] = store.addArticles([{ article, analysis: { sentences, quotes: [], places: [] } }]).added;
    expect(store.getAnalysis(id!)?.sentences).toEqual(sentences);
  });

  it('reads a window of stories with their sentences and places in one call, as getById + getAnalysis give them', () => {
    const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
    const body = 'Troops entered Raqqa on Monday. Raqqa was quiet later.';
    const added = store.addArticles([
      analyzed(story({ headline: 'early', body: 'Early news here.', published: '2020-05-01T01:00:00Z' })),
      analyzed(story({ headline: 'raqqa', body, published: '2020-05-01T09:00:00Z' }), {
        places: [{ name: 'Raqqa', start: 32, end: 37, ...place }, { name: 'Raqqa', start: 15, end: 20, ...place }],
      }),
      analyzed(story({ headline: 'late', body: 'Late news here.', published: '2020-05-01T09:00:00Z' })),
      analyzed(story({ headline: 'next day', body: 'Next day news.', published: '2020-05-02T00:00:00Z' })),
    ]).added;
    const window = store.storiesBetween(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 10);
    // Newest first, ties by insertion order newest first: as publishedBetween.
    expect(window.map((w) => w.article.headline)).toEqual(['late', 'raqqa', 'early']);
    expect(window.map((w) => w.article.id)).toEqual(
      store.publishedBetween(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 10).map((s) => s.id),
    );
    for (const w of window) {
      expect(w.article).toEqual(store.getById(w.article.id));
      const analysis = store.getAnalysis(w.article.id)!;
      // Sentences without their text, which is the squeezed span of the body.
      expect(w.sentences).toEqual(analysis.sentences.map(({ text: _text, ...rest }) => rest));
      expect(w.sentences.map((x) => w.article.body.slice(x.start, x.end).replace(/\s+/g, ' ').trim())).toEqual(analysis.sentences.map((x) => x.text));
      expect(w.places).toEqual(analysis.places);
    }
    expect(window[1]!.places.map((p) => p.start)).toEqual([15, 32]);
    expect(store.storiesBetween(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 1)).toHaveLength(1);
    expect(store.storiesBetween(new Date('2021-01-01T00:00:00Z'), new Date('2021-01-02T00:00:00Z'), 10)).toEqual([]);
    expect(added).toHaveLength(4);
  });

  it('reads a window as digest candidates (features, no bodies), and details for the stories shown', () => {
    const place = { geonameId: 163915, countryCode: 'SY', lat: 35.95, lon: 39.01 };
    const body = 'Troops entered Raqqa on Monday after a long siege of the city. Raqqa was quiet later.';
    const [early, raqqa, late] = store.addArticles([
      analyzed(story({ headline: 'Early news', body: 'Early news here.', published: '2020-05-01T01:00:00Z' })),
      analyzed(story({ headline: 'Troops enter Raqqa', body, published: '2020-05-01T09:00:00Z', datelinePlace: 'Beirut' }), {
        places: [{ name: 'Raqqa', start: 67, end: 72, ...place }, { name: 'Raqqa', start: 15, end: 20, ...place }],
      }),
      analyzed(story({ headline: 'Late news', body: 'Late news here.', published: '2020-05-01T09:00:00Z' })),
      analyzed(story({ headline: 'Next day', body: 'Next day news.', published: '2020-05-02T00:00:00Z' })),
    ]).added;
    const from = new Date('2020-05-01T00:00:00Z');
    const to = new Date('2020-05-02T00:00:00Z');
    const window = store.digestCandidates(from, to, 10);
    expect(window.map((c) => c.id)).toEqual([late, raqqa, early]);
    const c = window[1]!;
    expect(c).toMatchObject({ headline: 'Troops enter Raqqa', publishedMs: Date.parse('2020-05-01T09:00:00Z'), datelinePlace: 'Beirut', source: 'Wire', bodyWords: 16 });
    expect(c.shapes).toEqual(['=troops enter raqqa', '^troops enter', '$enter raqqa']);
    // Headline words count 3, lead words (two sentences) 1, the place's own words ("Raqqa") and filler
    // ("Monday") none; then the place 1 as itself and 1 as its country, last; each an id.
    expect([...c.terms.counts]).toEqual([4, 4, 1, 1, 1, 1, 1, 1, 1]);
    expect(c.terms.places).toBe(2);
    expect(new Set(c.terms.ids).size).toBe(9);
    expect(window[0]!.terms.ids[0]).not.toBe(window[2]!.terms.ids[0]); // "late" and "early"
    expect(store.digestCandidates(from, to, 1)).toHaveLength(1);
    expect(store.headlineShapesBetween(from, to, 10)).toEqual(window.map((w) => ({ publishedMs: w.publishedMs, shapes: w.shapes })));

    const details = store.digestDetails([raqqa!, early!, 'unknown']);
    expect([...details.keys()].sort()).toEqual([raqqa, early].sort());
    expect(details.get(raqqa!)).toEqual({
      published: '2020-05-01T09:00:00Z', source: 'Wire', url: null, summary: 'Troops entered Raqqa on Monday after a long siege of the city.', places: store.getAnalysis(raqqa!)!.places,
    });
    expect(details.get(early!)).toEqual({ published: '2020-05-01T01:00:00Z', source: 'Wire', url: null, summary: 'Early news here.', places: [] });
    // Each term counts the stories holding it: "troop" one, and all counts add up to every story's terms.
    const stories = store.digestTermStories();
    expect(stories.stories).toBe(4);
    expect(stories.counts[c.terms.ids[0]!]).toBe(1);
    const all = store.digestCandidates(new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'), 10);
    expect(stories.counts.reduce((a, b) => a + b, 0)).toBe(all.reduce((n, w) => n + w.terms.ids.length, 0));
    expect(store.digestDetails([]).size).toBe(0);
  });

  it('gives features to window stories stored without them (by code from before the digest features)', () => {
    const [id] = store.addArticles([analyzed(story({ headline: 'Troops enter Raqqa', published: '2020-05-01T09:00:00Z' }))]).added;
    const from = new Date('2020-05-01T00:00:00Z');
    const to = new Date('2020-05-02T00:00:00Z');
    const want = store.digestCandidates(from, to, 10);
    const version = store.dataVersion();
    const other = openDatabase(dbFile);
    other.exec('DELETE FROM digest_features; DELETE FROM digest_day_shapes');
    other.close();
    expect(store.digestCandidates(from, to, 10)).toEqual(want);
    expect(store.dayHeadlineShapes(from)).toEqual({ stories: 1, shapes: [...want[0]!.shapes].sort() });
    expect(store.digestDetails([id!]).get(id!)?.summary).toBe('Cocoa prices rose sharply on Monday.');
    expect(store.dataVersion()).not.toBe(version);
  });

  it('changes its data version on its own writes and on those of another connection', () => {
    const v0 = store.dataVersion();
    expect(store.dataVersion()).toBe(v0);
    store.addArticles([analyzed(story())]);
    const v1 = store.dataVersion();
    expect(v1).not.toBe(v0);
    store.addArticles([analyzed(story())]); // a duplicate only: nothing written
    expect(store.dataVersion()).toBe(v1);
    const other = createSqliteArticleStore(openDatabase(dbFile));
    try {
      other.addArticles([analyzed(story({ headline: 'other', body: 'Another connection wrote this.' }))]);
    } finally {
      other.close();
    }
    expect(store.dataVersion()).not.toBe(v1);
  });

  it('pages a speaker filter in story date order, newest first, whatever the ingest order', () => {
    const quote = (speaker: string, start: number) => ({ text: `words ${start}`, kind: 'direct' as const, speaker, speakerMention: null, speakerResolved: null, speakerDescription: null, verb: 'said', start, end: start + 5 });
    const days = ['2020-03-05', '2020-03-01', '2020-03-09', '2020-03-03', '2020-03-07'];
    store.addArticles(
      days.map((day, i) =>
        analyzed(story({ headline: `story ${day}`, body: `Body of story ${i} with some quoted words here.`, published: `${day}T10:00:00Z` }), {
          quotes: [quote('Ann Baker', 0), quote('Bob Baker', 10), quote('Carl Other', 20)],
        }),
      ),
    );
    const all = store.findQuotes({ speaker: 'baker', limit: 100 });
    expect(all.map((q) => `${q.published.slice(0, 10)} ${q.speaker}`)).toEqual(
      [...days].sort().reverse().flatMap((d) => [`${d} Ann Baker`, `${d} Bob Baker`]),
    );
    const pages = [0, 3, 6, 9].flatMap((offset) => store.findQuotes({ speaker: 'baker', limit: 3, offset }));
    expect(pages).toEqual(all);
    expect(store.findQuotes({ speaker: 'baker', limit: 3, offset: 10 })).toEqual([]);
  });

  it('matches a speaker by the resolved name and its aliases, as whole words', () => {
    const quote = (speaker: string, start: number, description: string | null = null) => ({
      text: `words ${start}`, kind: 'direct' as const, speaker, speakerMention: null, speakerResolved: { name: speaker, start, end: start + 3 }, speakerDescription: description, verb: 'said', start, end: start + 5,
    });
    store.addArticles([
      analyzed(story({ headline: 'one', body: 'Body one about the dollar and the markets.' }), {
        quotes: [quote('James Baker', 0), quote('Robert Brusca', 10, 'Nikko Securities, on Baker'), quote('Bakersfield Corp', 20)],
      }),
      analyzed(story({ headline: 'two', body: 'Body two about the dollar and rates.', published: '2020-03-02T10:00:00Z' }), { quotes: [quote('Baker', 0)] }),
    ]);
    const speakers = (speaker: string) => store.findQuotes({ speaker, limit: 10 }).map((q) => q.speaker).sort();
    expect(speakers('Baker')).toEqual(['Baker', 'James Baker']);
    expect(speakers('James Baker')).toEqual(['Baker', 'James Baker']);
    expect(speakers('Treasury Secretary James Baker')).toEqual(['Baker', 'James Baker']);
    expect(speakers('baker')).toEqual(['Baker', 'James Baker']);
    expect(speakers('Brusca')).toEqual(['Robert Brusca']);
    expect(speakers('Nikko')).toEqual([]);
    expect(store.findQuotes({ speaker: 'Treasury Secretary James Baker', about: 'dollar', limit: 10 }).map((q) => q.speaker).sort()).toEqual(['Baker', 'James Baker']);
  });

  it('replaces the quotes of stale stories, keeps speaker counts right, and marks them current', () => {
    const q = (speaker: string, start: number) => ({ text: `w ${start}`, kind: 'direct' as const, speaker, speakerMention: null, speakerResolved: null, speakerDescription: null, verb: 'said', start, end: start + 3 });
    const [oldId, newId] = store.addArticles([
      analyzed(story({ headline: 'old', body: 'An old story told here.', published: '2020-01-01T00:00:00Z' }), { quotes: [q('All Mr. Baker', 0)] }),
      analyzed(story({ headline: 'new', body: 'A new story told here.', published: '2020-02-01T00:00:00Z' }), { quotes: [q('Ann Lee', 0)], quotesVersion: 5 }),
    ]).added;
    expect(store.countStaleQuoteStories(5, null)).toBe(1);
    expect(store.staleQuoteStories(5, null, 10).map((s) => s.id)).toEqual([oldId]);
    expect(store.staleQuoteStories(6, null, 10).map((s) => s.id)).toEqual([oldId, newId]);
    expect(store.staleQuoteStories(6, new Date('2020-01-15T00:00:00Z'), 10).map((s) => s.id)).toEqual([newId]);
    expect(store.suggestSpeakers('Baker', 5)).toEqual(['All Mr. Baker']);
    expect(store.replaceQuotes([{ id: oldId!, quotes: [q('Robert Brusca', 0)] }], 5)).toBe(1);
    expect(store.getAnalysis(oldId!)?.quotes.map((x) => x.speaker)).toEqual(['Robert Brusca']);
    expect(store.suggestSpeakers('Baker', 5)).toEqual([]);
    expect(store.suggestSpeakers('Brusca', 5)).toEqual(['Robert Brusca']);
    expect(store.countStaleQuoteStories(5, null)).toBe(0);
    expect(store.replaceQuotes([{ id: 'no-such-id', quotes: [] }], 5)).toBe(0);
  });
});
