import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPgStore } from '../../src/store/postgres/pg-store.js';
import { bitsSql, evaluate, lexemesOf, parseTsquery, type LexemeExpr } from '../../src/store/postgres/tsquery-expr.js';
import type { DayRange } from '../../src/store/article-store.js';
import { hiddenFrom } from '../../src/store/hidden-from.js';
import { SEARCH_COUNT_LIMIT } from '../../src/store/sqlite/trend-counts-table.js';
import { createTestDatabase, findPgServer, writeOldStore } from '../helpers/postgres.js';
import { analyzed, story } from './store-contract.js';

const server = await findPgServer();
const DAY_MS = 86_400_000;

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The counts of `asks`, from a store opened anew (which counts the words the statistics call common). */
async function countsOf(url: string, asks: readonly [string, DayRange | null][]): Promise<unknown[]> {
  const store = await openPgStore(url, { max: 2 });
  try {
    const out: unknown[] = [];
    for (const [query, range] of asks) out.push(await store.stories.searchDayCounts(query, range));
    return out;
  } finally {
    await store.close();
  }
}

describe('parseTsquery', () => {
  it('reads a printed tsquery as and, or and not of lexemes, and refuses phrases, weights and prefixes', () => {
    const lexeme = (l: string): LexemeExpr => ({ op: 'lexeme', lexeme: l });
    expect(parseTsquery("'bank'")).toEqual(lexeme('bank'));
    expect(parseTsquery("'o''brien'")).toEqual(lexeme("o'brien"));
    expect(parseTsquery("'a\\\\b'")).toEqual(lexeme('a\\b'));
    const expr = parseTsquery("'cocoa' & !'bahia' | 'harvest' & !( 'bahia' | 'ghana' )")!;
    expect(lexemesOf(expr)).toEqual(['cocoa', 'bahia', 'harvest', 'ghana']);
    const has =
      (...ls: string[]) =>
      (l: string) =>
        ls.includes(l);
    expect(evaluate(expr, has('cocoa'))).toBe(true);
    expect(evaluate(expr, has('cocoa', 'bahia'))).toBe(false);
    expect(evaluate(expr, has('harvest', 'ghana'))).toBe(false);
    expect(evaluate(expr, has('harvest'))).toBe(true);
    expect(evaluate(parseTsquery("!'bank'")!, has())).toBe(true);
    expect(bitsSql(parseTsquery("'a' & !'b' | 'a'")!, ['a', 'b'], (i) => `x${i}`)).toBe('((x0 & (~x1)) | x0)');
    for (const refused of ["'crude' <-> 'oil'", "'oil':*", "'oil':A", '', "'oil' &", "( 'oil'"]) expect(parseTsquery(refused)).toBeNull();
  });
});

describe.skipIf('unavailable' in server)('PostgreSQL store: which stories hold each common word (search_word_bits)', () => {
  it('gives the same /trend about: counts as reading every match, capped on the same story, and keeps them as stories come and go', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      // 20,500 stories: 'cocoa' in all, 'market' in every third, 'zinc' in every 97th; each day holds
      // 700 seqs, so the newest SEARCH_COUNT_LIMIT end inside a block of seqs that spans several days.
      const n = SEARCH_COUNT_LIMIT + 500;
      const first = await openPgStore(db.url, { max: 1 });
      await first.close();
      await sql(
        db.url,
        `INSERT INTO articles (id, source, published, published_ms, headline, body, content_hash, origin, ingested_at)
        SELECT 's' || i, 'Wire', to_char(timestamp 'epoch' + (i / 700) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), (i / 700) * ${DAY_MS}::bigint, 'Cocoa',
          'Cocoa prices.' || CASE WHEN i % 3 = 0 THEN ' The market rose.' ELSE '' END || CASE WHEN i % 97 = 0 THEN ' Zinc too.' ELSE '' END,
          'h' || i, 't', 'now'
        FROM generate_series(1, ${n}) AS i ORDER BY i`,
      );
      const asks: [string, DayRange | null][] = [
        ['cocoa', null],
        ['market', null],
        ['zinc', null],
        ['the market', null],
        ['cocoa', { from: 3, to: 5 }],
        ['market', { from: 28, to: 40 }],
        ['cocoa market', null],
        ['market zinc', null],
        ['market -zinc', { from: 0, to: 3 }],
        ['zinc or market', null],
        ['zinc -market', null],
        ['zinc or nothing', null],
        ['"cocoa prices"', null],
        ['-market', { from: 0, to: 1 }],
        ['nothing', null],
      ];
      // Opened before any statistics: no word is counted, every match is read.
      const read = await countsOf(db.url, asks);
      expect(await sql(db.url, 'SELECT lexeme FROM search_counted_lexemes')).toEqual([]);
      await sql(db.url, 'ANALYZE article_search');
      // Opened after: the common words are counted (backfilled), and answer the same.
      const counted = await countsOf(db.url, asks);
      expect(
        (await sql<{ lexeme: string }>(db.url, 'SELECT lexeme FROM search_counted_lexemes ORDER BY lexeme')).map((r) => r.lexeme),
      ).toEqual(expect.arrayContaining(['cocoa', 'market', 'price', 'zinc']));
      expect(counted).toEqual(read);
      const [cocoa] = counted as [{ days: { day: number; count: number }[]; capped: boolean }];
      expect(cocoa.capped).toBe(true);
      expect(cocoa.days.reduce((s, d) => s + d.count, 0)).toBe(SEARCH_COUNT_LIMIT);
      // The oldest counted story is seq 501 (day 0 holds seqs 1-699).
      expect(cocoa.days[0]).toEqual({ day: 0, count: 699 - 500 });

      // Stories added later are counted by the trigger; stories deleted are taken off.
      const store = await openPgStore(db.url, { max: 2 });
      try {
        await store.stories.addArticles([
          analyzed(story({ headline: 'Zinc market', body: 'Zinc and the market.', published: new Date(100 * DAY_MS + 5).toISOString() })),
        ]);
        expect((await store.stories.searchDayCounts('zinc', { from: 100, to: 100 })).days).toEqual([{ day: 100, count: 1 }]);
        // A server that does not see guild B's stories: the cap passes over them to older ones.
        await store.feeds.addFeed({
          url: 'https://b.example/rss',
          intervalMinutes: 15,
          origin: 'command',
          addedAt: new Date(),
          addedBy: null,
          channel: null,
          guildId: 'GB',
        });
        await store.feeds.recordFeedStories('https://b.example/rss', { added: ['s679', `s${n}`], seen: [] });
        const seenByA = await store.stories.searchDayCounts('cocoa', null, hiddenFrom('GA'));
        expect(seenByA.capped).toBe(true);
        // seqs 499-699 less the hidden 679: the cap passes over it and over the hidden newest story
        expect(seenByA.days[0]).toEqual({ day: 0, count: 200 });
        expect(seenByA.days.at(-1)).toEqual({ ...cocoa.days.at(-1)!, count: cocoa.days.at(-1)!.count - 1 });
        expect((await store.stories.searchDayCounts('zinc', { from: 0, to: 0 }, hiddenFrom('GA'))).days).toEqual([{ day: 0, count: 6 }]);
        await sql(db.url, "DELETE FROM articles WHERE id IN ('s97', 's194')");
        const zinc = await store.stories.searchDayCounts('zinc', { from: 0, to: 0 });
        expect(zinc).toEqual({ days: [{ day: 0, count: 5 }], capped: false }); // 291 ... 679: 7 less 2
        expect(await sql(db.url, `SELECT * FROM search_word_bits WHERE bits = 0::bit(4000)`)).toEqual([]);
        // A story written again (its vector in article_search updated) is counted for its new words only.
        const market = async () => (await store.stories.searchDayCounts('market', { from: 0, to: 0 })).days[0]!.count;
        const marketBefore = await market();
        await sql(db.url, "UPDATE articles SET body = 'Zinc only.' WHERE id = 's3'");
        expect(await market()).toBe(marketBefore - 1);
        expect((await store.stories.searchDayCounts('zinc', { from: 0, to: 0 })).days).toEqual([{ day: 0, count: 6 }]);
      } finally {
        await store.close();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('ranks the newest thousand matches of a counted word found from its bits as those read through the index', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      // 30,000 stories, 'zinc' in every 25th (1,200, 4%: counted, and ranked rather than too common), in the
      // headline of every 75th, twice in the body of every 100th: the newest thousand hold every kind.
      const first = await openPgStore(db.url, { max: 1 });
      await first.close();
      await sql(
        db.url,
        `INSERT INTO articles (id, source, published, published_ms, headline, body, content_hash, origin, ingested_at)
        SELECT 's' || i, 'Wire', to_char(timestamp 'epoch' + (i / 700) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), (i / 700) * ${DAY_MS}::bigint,
          CASE WHEN i % 75 = 0 THEN 'Zinc output' ELSE 'Metals' END,
          'Cocoa prices.' || CASE WHEN i % 25 = 0 THEN ' Zinc rose.' ELSE '' END || CASE WHEN i % 100 = 0 THEN ' More zinc.' ELSE '' END,
          'h' || i, 't', 'now'
        FROM generate_series(1, 30000) AS i ORDER BY i`,
      );
      const searches = ['zinc', 'zinc -output', 'zinc or nothing'];
      const results = async (): Promise<unknown[]> => {
        const store = await openPgStore(db.url, { max: 2 });
        try {
          const out: unknown[] = [];
          for (const q of searches) out.push((await store.stories.search(q, 25, { snippets: 0 })).map((h) => [h.id, h.rank]));
          return out;
        } finally {
          await store.close();
        }
      };
      // Without statistics no word is counted: the matches come from the GIN index.
      const read = await results();
      // A process that searched before another chose 'zinc' keeps what it read of the counted words for a
      // while: it answers from the index meanwhile, the same hits as the others from the bits.
      const early = await openPgStore(db.url, { max: 2 });
      try {
        await early.stories.search('zinc', 25, { snippets: 0 });
        await sql(db.url, 'ANALYZE article_search');
        const fromBits = await results();
        expect((await sql<{ lexeme: string }>(db.url, 'SELECT lexeme FROM search_counted_lexemes')).map((r) => r.lexeme)).toContain('zinc');
        expect(fromBits).toEqual(read);
        const stale: unknown[] = [];
        for (const q of searches) stale.push((await early.stories.search(q, 25, { snippets: 0 })).map((h) => [h.id, h.rank]));
        expect(stale).toEqual(fromBits);
      } finally {
        await early.close();
      }
      const fromBits = await results();
      // the best hold it in the headline; only the newest thousand matches are ranked
      const [zinc] = fromBits as [[string, number][]];
      expect(zinc).toHaveLength(25);
      expect(zinc[0]![0]).toBe('s30000'); // in the headline and twice in the body
      expect(zinc.every(([id]) => Number(id.slice(1)) > 30000 - 25 * 1000)).toBe(true);
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('counts the common words of a store made before migration 14 when it is first opened', async () => {
    if ('unavailable' in server) return;
    const db = await createTestDatabase(server);
    try {
      await writeOldStore(
        db.url,
        13,
        Array.from({ length: 40 }, (_, i) => ({
          id: `a${i}`,
          published: new Date(Date.UTC(2020, 4, 1 + (i % 4), 10)).toISOString(),
          headline: i % 2 ? 'Cocoa falls' : 'Gold rises',
          body: i % 2 ? 'Cocoa fell in Accra.' : 'Gold rose.',
        })),
        async (pool) => {
          await pool.query('ANALYZE article_search');
        },
      );
      const [cocoa, gold] = await countsOf(db.url, [
        ['cocoa', null],
        ['gold', null],
      ]);
      const day = Date.UTC(2020, 4, 1) / DAY_MS;
      expect(cocoa).toEqual({
        days: [
          { day: day + 1, count: 10 },
          { day: day + 3, count: 10 },
        ],
        capped: false,
      });
      expect(gold).toEqual({
        days: [
          { day, count: 10 },
          { day: day + 2, count: 10 },
        ],
        capped: false,
      });
      // seqs 1-40, in block 0: the odd stories (i odd) are seqs 2, 4, ... 40
      expect(
        await sql(
          db.url,
          "SELECT block, length(replace(bits::text, '0', '')) AS n, position('1' in bits::text) - 1 AS first FROM search_word_bits WHERE lexeme = 'cocoa'",
        ),
      ).toEqual([{ block: 0, n: 20, first: 2 }]);
    } finally {
      await db.drop();
    }
  });
});
