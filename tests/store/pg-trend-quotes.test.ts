import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPgStore } from '../../src/store/postgres/pg-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import type { Quote } from '../../src/nlp/types.js';
import type { PlaceMention } from '../../src/geo/types.js';
import { createTestDatabase, findPgServer, writeOldStore } from '../helpers/postgres.js';
import { analyzed, story } from './store-contract.js';

const server = await findPgServer();
const DAY = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);

function quote(speaker: string, start: number, resolved: string | null = null): Quote {
  return {
    text: 'We will act.',
    kind: 'direct',
    speaker,
    speakerMention: { start: start + 20, end: start + 22 },
    speakerResolved: resolved === null ? null : { name: resolved, start: 0, end: resolved.length },
    speakerDescription: 'the treasury secretary',
    verb: 'said',
    start,
    end: start + 12,
  };
}

function place(geonameId: number, start: number): PlaceMention {
  return { name: 'Raqqa', start, end: start + 5, geonameId, countryCode: 'SY', lat: 35.9, lon: 39 };
}

describe.skipIf('unavailable' in server)('PostgreSQL store: trend counts, quote versions and digest terms', () => {
  let store: DatelineStore;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    drop = () => db.drop();
    store = await openPgStore(db.url, { max: 2 });
  });
  afterEach(async () => {
    await store?.close();
    await drop?.();
  });

  it('counts stories per UTC day for places, speakers and search words', async () => {
    await store.stories.addArticles([
      analyzed(story({ published: '2020-05-01T10:00:00Z', body: 'Cocoa rose. Raqqa fell today.' }), {
        places: [place(1, 12), place(1, 18), place(2, 25)],
        quotes: [quote('James Baker', 0), quote('james baker', 40)],
      }),
      analyzed(story({ published: '2020-05-01T23:59:00Z', body: 'Cocoa fell in Raqqa.' }), {
        places: [place(1, 14)],
        quotes: [quote('Robert Brusca', 0)],
      }),
      analyzed(story({ published: '2020-05-01T00:00:00+02:00', body: 'Cocoa again in Raqqa.' }), { places: [place(2, 15)] }),
      analyzed(story({ published: '1969-12-31T23:00:00Z', body: 'Old cocoa story.' })),
    ]);
    expect(await store.places.placeDayCounts([1], null)).toEqual([{ day: DAY('2020-05-01T00:00:00Z'), count: 2 }]);
    // The third story is 2020-04-30 22:00 UTC: days are UTC.
    expect(await store.places.placeDayCounts([2], null)).toEqual([
      { day: DAY('2020-04-30T00:00:00Z'), count: 1 },
      { day: DAY('2020-05-01T00:00:00Z'), count: 1 },
    ]);
    // Ids sharing a story count it once.
    expect(await store.places.placeDayCounts([1, 2], null)).toEqual([
      { day: DAY('2020-04-30T00:00:00Z'), count: 1 },
      { day: DAY('2020-05-01T00:00:00Z'), count: 2 },
    ]);
    expect(await store.places.placeDayCounts([1, 2], { from: DAY('2020-04-30T00:00:00Z'), to: DAY('2020-04-30T00:00:00Z') })).toEqual([
      { day: DAY('2020-04-30T00:00:00Z'), count: 1 },
    ]);
    expect(await store.quotes.speakerDayCounts(['JAMES BAKER'], null)).toEqual([{ day: DAY('2020-05-01T00:00:00Z'), count: 1 }]);
    expect(await store.quotes.speakerDayCounts(['James Baker', 'Robert Brusca'], null)).toEqual([
      { day: DAY('2020-05-01T00:00:00Z'), count: 2 },
    ]);
    expect(await store.stories.searchDayCounts('cocoa', null)).toEqual({
      days: [
        { day: -1, count: 1 },
        { day: DAY('2020-04-30T00:00:00Z'), count: 1 },
        { day: DAY('2020-05-01T00:00:00Z'), count: 2 },
      ],
      capped: false,
    });
    expect(
      await store.stories.searchDayCounts('cocoa raqqa', { from: DAY('2020-05-01T00:00:00Z'), to: DAY('2020-05-01T00:00:00Z') }),
    ).toEqual({
      days: [{ day: DAY('2020-05-01T00:00:00Z'), count: 2 }],
      capped: false,
    });
  });

  it("reads a topic's quotes and a name's speakers as the stories are: the same on every read, and a story added meanwhile counts", async () => {
    await store.stories.addArticles([
      analyzed(story({ url: 'https://wire.test/1', headline: 'Zinc talks', body: 'Zinc talks went on. The minister spoke.' }), {
        quotes: [quote('James Baker', 0)],
      }),
      analyzed(story({ url: 'https://wire.test/2', headline: 'Cocoa talks', body: 'Cocoa talks went on.' }), {
        quotes: [quote('Robert Brusca', 0)],
      }),
    ]);
    const first = await store.quotes.findQuotes({ about: 'zinc', limit: 5 });
    expect(first.map((q) => [q.headline, q.speaker])).toEqual([['Zinc talks', 'James Baker']]);
    // a later page of the same topic reads the same stories (kept between reads)
    expect(await store.quotes.findQuotes({ about: 'zinc', limit: 5, offset: 1 })).toEqual([]);
    expect(await store.quotes.findQuotes({ about: 'zinc', limit: 5 })).toEqual(first);
    // and so are the speakers a name matches
    expect(await store.quotes.speakersNamed('Volcker', 5)).toEqual([]);
    await store.stories.addArticles([
      analyzed(
        story({ url: 'https://wire.test/3', published: '2020-05-02T10:00:00Z', headline: 'Zinc zinc zinc', body: 'Zinc rose. More zinc.' }),
        { quotes: [quote('Paul Volcker', 0)] },
      ),
    ]);
    expect((await store.quotes.findQuotes({ about: 'zinc', limit: 5 })).map((q) => q.speaker).sort()).toEqual([
      'James Baker',
      'Paul Volcker',
    ]);
    expect(await store.quotes.speakersNamed('Volcker', 5)).toEqual(['Paul Volcker']);
  });

  it('keeps resolved speakers and analyzer versions, and replaces quotes of stale stories', async () => {
    const { added } = await store.stories.addArticles([
      analyzed(story({ published: '2020-05-01T10:00:00Z', body: 'First story body here.' }), {
        quotes: [quote('James Baker', 0, 'James Baker')],
        quotesVersion: 1,
      }),
      analyzed(story({ published: '2020-05-03T10:00:00Z', body: 'Second story body here.' }), {
        quotes: [quote('he', 0, 'Baker')],
        quotesVersion: 2,
      }),
      analyzed(story({ published: '2020-05-04T10:00:00Z', body: 'Third story body here.' }), { quotes: [quote('Bakersfield mayor', 0)] }),
    ]);
    const analysis = await store.stories.getAnalysis(added[0]!);
    expect(analysis?.quotes[0]?.speakerResolved).toEqual({ name: 'James Baker', start: 0, end: 11 });
    expect(analysis?.quotesVersion).toBe(1);

    // Whole words of the name, or an ending of the query; never "Bakersfield".
    const byBaker = await store.quotes.findQuotes({ speaker: 'Baker', limit: 10 });
    expect(byBaker.map((q) => q.speaker)).toEqual(['James Baker']);
    const byTitle = await store.quotes.findQuotes({ speaker: 'Treasury Secretary James Baker', limit: 10 });
    expect(byTitle.map((q) => q.speaker)).toEqual(['James Baker']);

    expect(await store.quotes.countStaleQuoteStories(2, null)).toBe(2);
    expect((await store.quotes.staleQuoteStories(2, null, 10)).map((s) => s.id)).toEqual([added[0], added[2]]);
    expect((await store.quotes.staleQuoteStories(2, new Date('2020-05-02T00:00:00Z'), 10)).map((s) => s.id)).toEqual([added[2]]);

    const before = await store.stories.dataVersion();
    expect(
      await store.quotes.replaceQuotes(
        [
          { id: added[0]!, quotes: [quote('Robert Brusca', 0)] },
          { id: 'gone', quotes: [] },
        ],
        2,
      ),
    ).toBe(1);
    expect(await store.stories.dataVersion()).not.toBe(before);
    expect(await store.quotes.countStaleQuoteStories(2, null)).toBe(1);
    expect((await store.stories.getAnalysis(added[0]!))?.quotes.map((q) => q.speaker)).toEqual(['Robert Brusca']);
    expect(await store.quotes.suggestSpeakers('James', 10)).toEqual([]);
    expect(await store.quotes.speakerDayCounts(['James Baker'], null)).toEqual([]);
    expect(await store.quotes.speakerDayCounts(['Robert Brusca'], null)).toEqual([{ day: DAY('2020-05-01T00:00:00Z'), count: 1 }]);
  });

  it('gives digest candidates their source and place terms, details their url, and counts stories per term', async () => {
    const first = analyzed(
      story({ url: 'https://x.test/1', source: 'Xinhua', body: 'Cocoa prices rose in Accra. Traders said supply was short.' }),
    );
    const { added } = await store.stories.addArticles([first, analyzed(story({ body: 'Cocoa prices fell in Abidjan on Monday.' }))]);
    const candidates = await store.digest.digestCandidates(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 10);
    const one = candidates.find((c) => c.id === added[0])!;
    const two = candidates.find((c) => c.id === added[1])!;
    expect(one.source).toBe('Xinhua');
    expect(one.terms.places).toBe(first.analysis.digest!.placeTerms);
    expect((await store.digest.digestDetails([added[0]!])).get(added[0]!)?.url).toBe('https://x.test/1');

    const { stories, counts } = await store.digest.digestTermStories();
    expect(stories).toBe(2);
    const shared = [...one.terms.ids].filter((id) => two.terms.ids.includes(id));
    const own = [...one.terms.ids].filter((id) => !two.terms.ids.includes(id));
    expect(shared.length).toBeGreaterThan(0);
    for (const id of shared) expect(counts[id]).toBe(2);
    for (const id of own) expect(counts[id]).toBe(1);
    // Saving a story's features again counts it once; saving other features moves its counts to their terms.
    await store.digest.saveDigestFeatures([{ id: added[0]!, features: first.analysis.digest! }]);
    const again = await store.digest.digestTermStories();
    for (const id of shared) expect(again.counts[id]).toBe(2);
    for (const id of own) expect(again.counts[id]).toBe(1);
    await store.digest.saveDigestFeatures([
      { id: added[0]!, features: { ...first.analysis.digest!, terms: [['zebra', 1]], placeTerms: 0, names: [0] } },
    ]);
    const moved = await store.digest.digestTermStories();
    for (const id of shared) expect(moved.counts[id]).toBe(1);
    for (const id of own) expect(moved.counts[id]).toBe(0);
    const [zebra] = (await store.digest.digestCandidates(new Date('2020-05-01T00:00:00Z'), new Date('2020-05-02T00:00:00Z'), 10)).find(
      (c) => c.id === added[0],
    )!.terms.ids;
    expect(moved.counts[zebra!]).toBe(1);
  });

  it('migration 5 counts the stories already stored and has their digest features made again', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      await writeOldStore(
        db.url,
        4,
        [
          { id: 'a1', published: '2020-05-01T10:00:00Z', headline: 'H', body: 'B' },
          { id: 'a2', published: '1969-12-31T23:00:00Z', headline: 'H2', body: 'B2' },
        ],
        async (pool) => {
          await pool.query(
            `INSERT INTO places (article_seq, start, "end", name, geoname_id) SELECT seq, s, s + 5, 'Raqqa', 7 FROM articles, unnest(ARRAY[0, 10]) AS s`,
          );
          await pool.query(
            `INSERT INTO quotes (article_seq, start, "end", kind, text, speaker) SELECT seq, 0, 5, 'direct', 'Hi.', 'James Baker' FROM articles WHERE id = 'a1'`,
          );
          await pool.query(
            `INSERT INTO quotes (article_seq, start, "end", kind, text, speaker) SELECT seq, 9, 15, 'direct', 'Hi.', 'JAMES BAKER' FROM articles WHERE id = 'a1'`,
          );
          await pool.query(`INSERT INTO quote_speakers (key, speaker, quotes) VALUES ('james baker', 'James Baker', 2)`);
        },
      );
      const migrated = await openPgStore(db.url, { max: 1 });
      try {
        expect(await migrated.places.placeDayCounts([7], null)).toEqual([
          { day: -1, count: 1 },
          { day: DAY('2020-05-01T00:00:00Z'), count: 1 },
        ]);
        expect(await migrated.quotes.speakerDayCounts(['james baker'], null)).toEqual([{ day: DAY('2020-05-01T00:00:00Z'), count: 1 }]);
        expect(await migrated.quotes.countStaleQuoteStories(1, null)).toBe(2);
        expect((await migrated.digest.featurelessStories(0, 10)).owed).toBe(true);
      } finally {
        await migrated.close();
      }
    } finally {
      await db.drop();
    }
  });

  it("migration 17 gives the quotes already stored their story's date: a speaker's quotes stay newest first", async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      // stored out of date order: a2 (the later seq) is the older story
      await writeOldStore(
        db.url,
        16,
        [
          { id: 'a1', published: '2020-05-03T10:00:00Z', headline: 'Baker in Paris', body: 'B' },
          { id: 'a2', published: '2020-05-01T10:00:00Z', headline: 'Baker in Bonn', body: 'B2' },
        ],
        async (pool) => {
          await pool.query(
            `INSERT INTO quotes (article_seq, start, "end", kind, text, speaker) SELECT seq, 0, 5, 'direct', 'Hi ' || id || '.', 'James Baker' FROM articles`,
          );
          await pool.query(`INSERT INTO quote_speakers (key, speaker, quotes) VALUES ('james baker', 'James Baker', 2)`);
        },
      );
      const migrated = await openPgStore(db.url, { max: 1 });
      try {
        const headlines = async (): Promise<string[]> =>
          (await migrated.quotes.findQuotes({ speaker: 'Baker', limit: 5 })).map((q) => q.headline);
        expect(await headlines()).toEqual(['Baker in Paris', 'Baker in Bonn']);
        // a quote stored after the migration carries its story's date too
        await migrated.stories.addArticles([
          analyzed(story({ url: 'https://wire.test/b', published: '2020-05-02T10:00:00Z', headline: 'Baker in Rome', body: 'Body.' }), {
            quotes: [quote('James Baker', 0)],
          }),
        ]);
        expect(await headlines()).toEqual(['Baker in Paris', 'Baker in Rome', 'Baker in Bonn']);
        // every row was rewritten: the migration vacuums the table after it commits (index-only reads again)
        const pool = new pg.Pool({ connectionString: db.url, max: 1 });
        pool.on('error', () => undefined);
        const { rows } = await pool.query<{ vacuumed: boolean }>(
          "SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = 'quotes'",
        );
        await pool.end();
        expect(rows).toEqual([{ vacuumed: true }]);
      } finally {
        await migrated.close();
      }
    } finally {
      await db.drop();
    }
  });
});
