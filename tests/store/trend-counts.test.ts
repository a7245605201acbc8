import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { SEARCH_COUNT_LIMIT } from '../../src/store/sqlite/trend-counts-table.js';
import { migrate, openDatabase, type SqliteDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import type { AnalyzedArticle, DayCount } from '../../src/store/article-store.js';
import type { Quote } from '../../src/nlp/types.js';
import type { PlaceMention } from '../../src/geo/types.js';
import { makeTempDir } from '../helpers/paths.js';
import { saidBy } from '../helpers/quotes.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';

const RAQQA = 163915;
const RAQQA_PROVINCE = 163913;
const MOSUL = 99072;

const day = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

function place(id: number, start: number): PlaceMention {
  return { name: `p${id}`, start, end: start + 3, geonameId: id, countryCode: 'SY', lat: 0, lon: 0 };
}

/** Every quote of these stories says the same words: only who and where count here. */
const quote = (speaker: string, start: number): Quote => saidBy(speaker, start, 'something');

let n = 0;
function story(published: string, body: string, places: PlaceMention[], quotes: Quote[] = []): AnalyzedArticle {
  n += 1;
  const article = {
    source: 'Wire',
    published,
    publishedZone: 'UTC',
    editor: null,
    datelinePlace: null,
    headline: `Story ${n}`,
    headlineDerived: false,
    caption: null,
    captionCredit: null,
    body: `${body} (story ${n}).`,
    url: null,
    origin: 'test',
  };
  return { article, analysis: { ...simpleAnalyze(article), places, quotes } };
}

/**
 * Hand-counted: Raqqa (city) is in stories 1, 2, 3 (twice in 3) and 5; Raqqa province in 2 and 4;
 * Mosul in 3 and 6. Story 2 names city and province: counted once for both.
 */
function handCountedStories(): AnalyzedArticle[] {
  return [
    story('2017-06-01T08:00:00Z', 'Fighting near Raqqa', [place(RAQQA, 0)], [quote('Talal Silo', 20), quote('talal silo', 40)]),
    story(
      '2017-06-01T23:30:00+02:00',
      'Raqqa province and its city',
      [place(RAQQA, 0), place(RAQQA_PROVINCE, 10)],
      [quote('Talal Silo', 20)],
    ),
    story(
      '2017-06-02T10:00:00Z',
      'Raqqa and Mosul, Raqqa again',
      [place(RAQQA, 0), place(MOSUL, 10), place(RAQQA, 20)],
      [quote('Haider al-Abadi', 30)],
    ),
    story('2017-07-15T10:00:00Z', 'The province around Raqqa alone', [place(RAQQA_PROVINCE, 0)]),
    story('2017-10-17T10:00:00Z', 'Raqqa taken', [place(RAQQA, 0)], [quote('Talal Silo', 20), quote('unknown', 40)]),
    story('2017-07-10T10:00:00Z', 'Mosul taken', [place(MOSUL, 0)], [quote('Haider al-Abadi', 10)]),
  ];
}

describe('trend counts kept at ingest', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let store: DatelineStore;
  let stories: AnalyzedArticle[];

  beforeEach(async () => {
    temp = makeTempDir();
    db = openDatabase(path.join(temp.dir, 'trend.db'));
    store = createSqliteStore(db);
    stories = handCountedStories();
    await store.stories.addArticles(stories);
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  const expectedRaqqa: DayCount[] = [
    { day: day('2017-06-01'), count: 2 }, // story 2 is 21:30 UTC on 1 June
    { day: day('2017-06-02'), count: 1 },
    { day: day('2017-10-17'), count: 1 },
  ];

  it('counts stories per UTC day for one place, each story once however often it names it', async () => {
    expect(await store.places.placeDayCounts([RAQQA], null)).toEqual(expectedRaqqa);
    expect(await store.places.placeDayCounts([MOSUL], null)).toEqual([
      { day: day('2017-06-02'), count: 1 },
      { day: day('2017-07-10'), count: 1 },
    ]);
    expect(await store.places.placeDayCounts([12345], null)).toEqual([]);
  });

  it('counts a story naming city and province once for the pair', async () => {
    expect(await store.places.placeDayCounts([RAQQA, RAQQA_PROVINCE], null)).toEqual([
      { day: day('2017-06-01'), count: 2 },
      { day: day('2017-06-02'), count: 1 },
      { day: day('2017-07-15'), count: 1 },
      { day: day('2017-10-17'), count: 1 },
    ]);
  });

  it('keeps to the day range, both ends included', async () => {
    expect(await store.places.placeDayCounts([RAQQA], { from: day('2017-06-02'), to: day('2017-10-17') })).toEqual(expectedRaqqa.slice(1));
    expect(await store.places.placeDayCounts([RAQQA, RAQQA_PROVINCE], { from: day('2017-06-02'), to: day('2017-07-15') })).toEqual([
      { day: day('2017-06-02'), count: 1 },
      { day: day('2017-07-15'), count: 1 },
    ]);
  });

  it('counts stories quoting a speaker, whatever the case, never the unknown speaker', async () => {
    expect(await store.quotes.speakerDayCounts(['TALAL SILO'], null)).toEqual([
      { day: day('2017-06-01'), count: 2 },
      { day: day('2017-10-17'), count: 1 },
    ]);
    expect(await store.quotes.speakerDayCounts(['Talal Silo', 'Haider al-Abadi'], null)).toEqual([
      { day: day('2017-06-01'), count: 2 },
      { day: day('2017-06-02'), count: 1 },
      { day: day('2017-07-10'), count: 1 },
      { day: day('2017-10-17'), count: 1 },
    ]);
    expect(await store.quotes.speakerDayCounts(['unknown'], null)).toEqual([]);
  });

  it('counts stories matching all the search words', async () => {
    expect(await store.stories.searchDayCounts('Raqqa taken', null)).toEqual({
      days: [{ day: day('2017-10-17'), count: 1 }],
      capped: false,
    });
    expect(await store.stories.searchDayCounts('taken', { from: day('2017-07-01'), to: day('2017-07-31') })).toEqual({
      days: [{ day: day('2017-07-10'), count: 1 }],
      capped: false,
    });
    expect(await store.stories.searchDayCounts('zzyzx', null)).toEqual({ days: [], capped: false });
    expect(await store.stories.searchDayCounts('  ', null)).toEqual({ days: [], capped: false });
  });

  it('counts the matches of stories another process stored after the first count', async () => {
    expect((await store.stories.searchDayCounts('taken', null)).days).toHaveLength(2);
    const other = createSqliteStore(openDatabase(path.join(temp.dir, 'trend.db')));
    await other.stories.addArticles([story('2016-01-05T10:00:00Z', 'A town taken', [])]);
    await other.close();
    expect(await store.stories.searchDayCounts('taken', null)).toEqual({
      days: [
        { day: day('2016-01-05'), count: 1 },
        { day: day('2017-07-10'), count: 1 },
        { day: day('2017-10-17'), count: 1 },
      ],
      capped: false,
    });
    expect(await store.stories.searchDayCounts('taken', { from: day('2016-01-01'), to: day('2016-12-31') })).toEqual({
      days: [{ day: day('2016-01-05'), count: 1 }],
      capped: false,
    });
  });

  it('counts the newest SEARCH_COUNT_LIMIT matches only and says so, and reads on past stories stored out of date order', async () => {
    // Stories 1,000 a day from day 1 after one on day 0, and one more on day 0 stored last: day 0's
    // rowids span every other story's.
    db.exec(`DELETE FROM articles_fts; DELETE FROM articles;
      WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < ${SEARCH_COUNT_LIMIT + 1})
      INSERT INTO articles (rowid, id, source, published, published_ms, headline, body, content_hash, origin, ingested_at)
        SELECT n + 1, 's' || n, 'Wire', 'x', CASE WHEN n = 0 OR n = ${SEARCH_COUNT_LIMIT + 1} THEN 0 ELSE (1 + (n - 1) / 1000) * 86400000 END,
          'Cocoa', 'Cocoa prices.', 'h' || n, 't', 'now' FROM i;
      INSERT INTO articles_fts (rowid, headline, body) SELECT rowid, headline, body FROM articles;`);
    const { days, capped } = await store.stories.searchDayCounts('cocoa', null);
    expect(capped).toBe(true);
    // The newest by storage: day 0's last story, then days 20 to 1 but for day 1's first story.
    expect(days).toEqual([
      { day: 0, count: 1 },
      { day: 1, count: 999 },
      ...Array.from({ length: SEARCH_COUNT_LIMIT / 1000 - 1 }, (_, i) => ({ day: i + 2, count: 1000 })),
    ]);
    expect(await store.stories.searchDayCounts('cocoa', { from: 0, to: 0 })).toEqual({ days: [{ day: 0, count: 2 }], capped: false });
  });

  it('the migration backfills the same counts from stories stored before it', async () => {
    const before = {
      places: await store.places.placeDayCounts([RAQQA], null),
      speakers: await store.quotes.speakerDayCounts(['talal silo'], null),
    };
    db.exec('DELETE FROM place_day_counts; DROP TABLE speaker_day_counts;');
    const trend = migrations.find((m) => m.sql.includes('place_day_counts'))!;
    db.pragma(`user_version = ${trend.version - 1}`);
    migrate(db, migrations);
    const reopened = createSqliteStore(db);
    expect(await reopened.places.placeDayCounts([RAQQA], null)).toEqual(before.places);
    expect(await reopened.quotes.speakerDayCounts(['talal silo'], null)).toEqual(before.speakers);
  });

  it("a store made before the index of stories' dates gets it, with the same exact counts", async () => {
    const before = {
      places: await store.places.placeDayCounts([RAQQA, RAQQA_PROVINCE], null),
      speakers: await store.quotes.speakerDayCounts(['Talal Silo', 'talal silo', 'Someone Else'], null),
    };
    const index = migrations.find((m) => m.sql.includes('articles_published_by_rowid'))!;
    db.exec('DROP INDEX articles_published_by_rowid');
    db.pragma(`user_version = ${index.version - 1}`);
    migrate(db, migrations);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'articles_published_by_rowid'").get()).toBeDefined();
    const reopened = createSqliteStore(db);
    expect(await reopened.places.placeDayCounts([RAQQA, RAQQA_PROVINCE], null)).toEqual(before.places);
    expect(await reopened.quotes.speakerDayCounts(['Talal Silo', 'talal silo', 'Someone Else'], null)).toEqual(before.speakers);
    expect(before.places.length).toBeGreaterThan(0);
  });

  it('duplicates add nothing', async () => {
    expect((await store.stories.addArticles(stories)).added).toEqual([]);
    expect(await store.places.placeDayCounts([RAQQA], null)).toEqual(expectedRaqqa);
  });
});
