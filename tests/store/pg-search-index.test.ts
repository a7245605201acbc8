import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPgStore } from '../../src/store/postgres/pg-store.js';
import { SEARCH_COUNT_LIMIT } from '../../src/store/sqlite/trend-counts-table.js';
import { createTestDatabase, findPgServer, writeOldStore } from '../helpers/postgres.js';
import { analyzed, story } from './store-contract.js';

const server = await findPgServer();
const DAY = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);

/** The planner's statistics, from which the store tells common words from rare ones. */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE articles');
  await client.query('ANALYZE article_search');
  await client.end();
}

describe.skipIf('unavailable' in server)('PostgreSQL store: the full-text side table (article_search)', () => {
  it('counts per day the matches of a word in every story, of one in some, and of stories added after the statistics', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    const store = await openPgStore(db.url, { max: 2 });
    try {
      // 'market' in every story (walked newest first), 'cocoa' in a fifth of them (from the GIN index).
      await store.stories.addArticles(
        Array.from({ length: 200 }, (_, i) =>
          analyzed(
            story({
              headline: `Market note ${i}`,
              body: i % 5 === 0 ? `Cocoa and the market on day ${i}.` : `The market was quiet on day ${i}.`,
              published: new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString(),
            }),
          ),
        ),
      );
      await analyze(db.url);
      const market = await store.stories.searchDayCounts('market', null);
      expect(market.capped).toBe(false);
      expect(market.days).toHaveLength(200);
      expect(market.days.every((d) => d.count === 1)).toBe(true);
      const cocoa = await store.stories.searchDayCounts('cocoa market', null);
      expect(cocoa.days.map((d) => d.day)).toEqual(Array.from({ length: 40 }, (_, i) => DAY('2021-01-01T00:00:00Z') + i * 5));
      // A span of dates bounds the matches.
      expect(await store.stories.searchDayCounts('cocoa', { from: DAY('2021-01-01T00:00:00Z'), to: DAY('2021-01-10T00:00:00Z') })).toEqual({
        days: [
          { day: DAY('2021-01-01T00:00:00Z'), count: 1 },
          { day: DAY('2021-01-06T00:00:00Z'), count: 1 },
        ],
        capped: false,
      });
      // A story stored after the statistics is in the side table too (kept by the trigger on articles).
      await store.stories.addArticles([
        analyzed(story({ headline: 'Cocoa market rally', body: 'Cocoa climbed.', published: '2022-03-01T12:00:00Z' })),
      ]);
      expect((await store.stories.searchDayCounts('cocoa', null)).days.at(-1)).toEqual({ day: DAY('2022-03-01T00:00:00Z'), count: 1 });
      const hits = await store.stories.search('cocoa', 3);
      expect(hits[0]!.headline).toBe('Cocoa market rally');
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('counts the newest SEARCH_COUNT_LIMIT matches only, and says so', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    const store = await openPgStore(db.url, { max: 2 });
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    // (the forced drop below may end a connection the pool is still closing: an idle client's error is no failure)
    pool.on('error', () => undefined);
    try {
      // The first story stored, alone on its day, is the one past the cap; the others 1,000 a day.
      await pool.query(`INSERT INTO articles (id, source, published, published_ms, headline, body, content_hash, origin, ingested_at)
        SELECT 's' || i, 'Wire', 'x', CASE WHEN i = 0 THEN 0 ELSE (1 + (i - 1) / 1000) * 86400000::bigint END, 'Cocoa', 'Cocoa prices.', 'h' || i, 't', 'now'
        FROM generate_series(0, ${SEARCH_COUNT_LIMIT}) AS i ORDER BY i`);
      await analyze(db.url);
      const { days, capped } = await store.stories.searchDayCounts('cocoa', null);
      expect(capped).toBe(true);
      expect(days).toEqual(Array.from({ length: SEARCH_COUNT_LIMIT / 1000 }, (_, i) => ({ day: i + 1, count: 1000 })));
    } finally {
      await pool.end();
      await store.close();
      await db.drop();
    }
  });

  it('fills the side table from the stories stored before its migration', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      await writeOldStore(db.url, 12, [
        { id: 'a1', published: '2020-05-01T10:00:00Z', headline: 'Cocoa falls', body: 'Cocoa fell in Accra.' },
        { id: 'a2', published: '2020-05-03T10:00:00Z', headline: 'Gold rises', body: 'Gold rose.' },
      ]);
      const migrated = await openPgStore(db.url, { max: 1 });
      try {
        expect(await migrated.stories.searchDayCounts('cocoa', null)).toEqual({
          days: [{ day: DAY('2020-05-01T00:00:00Z'), count: 1 }],
          capped: false,
        });
        expect((await migrated.stories.search('gold', 5)).map((h) => h.id)).toEqual(['a2']);
      } finally {
        await migrated.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('suggests the headlines of stories stored before migration 16 and of those added after', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      await writeOldStore(db.url, 15, [
        { id: 'a1', published: '2020-05-01T10:00:00Z', headline: 'Cocoa falls in Accra', body: 'Cocoa fell in Accra.' },
        { id: 'a2', published: '2020-05-03T10:00:00Z', headline: 'Gold rises', body: 'Gold rose.' },
      ]);
      const migrated = await openPgStore(db.url, { max: 1 });
      try {
        expect((await migrated.stories.suggestHeadlines('cocoa fa', 5)).map((h) => h.headline)).toEqual(['Cocoa falls in Accra']);
        await migrated.stories.addArticles([
          analyzed(story({ url: 'https://wire.test/c', published: '2020-05-04T10:00:00Z', headline: 'Cocoa falls again', body: 'Again.' })),
        ]);
        // the newer first, both holding every typed start; the headline shown is the story's
        expect((await migrated.stories.suggestHeadlines('cocoa fall', 5)).map((h) => [h.headline, h.published])).toEqual([
          ['Cocoa falls again', '2020-05-04T10:00:00Z'],
          ['Cocoa falls in Accra', '2020-05-01T10:00:00Z'],
        ]);
      } finally {
        await migrated.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('finds the newest matches past the first range of stories it looks in: headline matches of the oldest stories, prefixes', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    const store = await openPgStore(db.url, { max: 2 });
    try {
      // 'market' in every body (a common word: newest matches, headline matches first); in the headline
      // of the three oldest stories only, which lie past the newest 2,000 the first range holds.
      const n = 2_600;
      const { added } = await store.stories.addArticles(
        Array.from({ length: n }, (_, i) =>
          analyzed(
            story({
              headline: i < 3 ? `Zebra market rally ${i}` : `Note ${i}`,
              body: `The market was quiet on day ${i}.`,
              published: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString(),
            }),
          ),
        ),
      );
      await analyze(db.url);
      const [s0, s1, s2] = added as [string, string, string];
      const newest = added.slice(-2).reverse();
      expect((await store.stories.search('market', 5)).map((h) => h.id)).toEqual([s2, s1, s0, ...newest]);
      // the headline autocomplete: none among the newest stories, then the older ranges
      expect(new Set((await store.stories.suggestHeadlines('zebr', 5)).map((h) => h.id))).toEqual(new Set([s0, s1, s2]));
      // 'Note 259' and 'Note 2590' to 'Note 2599': the newest range and one past it
      expect((await store.stories.suggestHeadlines('note 259', 20)).map((h) => h.id).sort()).toEqual(
        [added[259]!, ...added.slice(2590, 2600)].sort(),
      );
    } finally {
      await store.close();
      await db.drop();
    }
  }, 60_000);
});
