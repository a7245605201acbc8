import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createApp, type App } from '../../src/app.js';
import { createFixedClock } from '../../src/core/clock.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import type { Quote } from '../../src/nlp/types.js';
import { createTestDatabase, findPgServer } from '../helpers/postgres.js';
import { makeTempDir } from '../helpers/paths.js';
import { testCaller, testGeo } from '../helpers/test-services.js';
import { analyzed, story } from '../store/store-contract.js';

const server = await findPgServer();

/** A quote of Dana Quill's, `words` at `start` of the story, with this cue. */
function said(words: string, start: number, verb = 'said', kind: Quote['kind'] = 'direct'): Quote {
  return {
    text: words,
    kind,
    speaker: 'Dana Quill',
    speakerMention: null,
    speakerResolved: null,
    speakerDescription: null,
    verb,
    start,
    end: start + words.length,
  };
}

/**
 * A wire store's shape: each day's story is filed three times over (its quotes repeated word for word),
 * a few quotations come back on later days, and one is a plan ("is expected to"), not speech, in the newest
 * filing and speech in the ones before (the older must then be shown: it is not the same quote).
 */
function stories() {
  return Array.from({ length: 60 }, (_, i) => {
    const day = Math.floor(i / 3);
    const quotes = [
      said(`The pier on day ${day} will be ready`, 0),
      said('We have the money for it', 60),
      said(`Work on day ${day % 7} went well`, 120),
      i === 59
        ? said('to vote on the pier', 180, 'is expected', 'reported')
        : said('to vote on the pier', 180, 'told reporters', 'reported'),
    ];
    return analyzed(
      story({
        url: `https://wire.test/pier/${i}`,
        headline: `Pier story ${day} (filing ${i % 3})`,
        body: `Filing ${i} of the pier story on day ${day}.`,
        published: new Date(Date.UTC(2020, 4, 1 + day, 10, i % 3)).toISOString(),
      }),
      { quotes },
    );
  });
}

async function openApp(dbPath: string): Promise<App> {
  const app = await createApp({
    dbPath,
    commands,
    clock: createFixedClock(new Date('2026-01-01T00:00:00Z')),
    log: createMemoryLogger(),
    geo: await testGeo(),
  });
  await app.services.store.stories.addArticles(stories());
  return app;
}

async function pages(app: App, line: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let page = 1; page <= 12; page++) {
    const reply = await app.handler.answer({ line: `${line} page:${page}`, caller: testCaller });
    out.push({ title: reply.title, text: reply.text, data: reply.data });
    if (reply.isError) break;
  }
  return out;
}

describe.skipIf('unavailable' in server)(
  '/quote speaker: on PostgreSQL, which leaves exact repeats out of the list it reads, as SQLite does',
  () => {
    const temp = makeTempDir();
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let sqlite: App;
    let postgres: App;
    beforeAll(async () => {
      if ('unavailable' in server) return;
      db = await createTestDatabase(server);
      [sqlite, postgres] = await Promise.all([openApp(path.join(temp.dir, 'quotes.db')), openApp(db.url)]);
    });
    afterAll(async () => {
      await Promise.all([sqlite?.close(), postgres?.close()]);
      await db?.drop();
      temp.cleanup();
    });

    it('shows every page as SQLite does', async () => {
      const onSqlite = await pages(sqlite, '/quote speaker:Quill');
      // (20 days' own quotes, 7 distinct "work" ones, the money and the vote: more than two pages)
      expect(onSqlite.length).toBeGreaterThan(3);
      expect(await pages(postgres, '/quote speaker:Quill')).toEqual(onSqlite);
    });

    it('pages a topic through the same quotes as SQLite, each once (the stories rank apart: the two engines break ties their own ways)', async () => {
      const quotesIn = (replies: unknown[]): string[] =>
        replies.flatMap((r) =>
          ((r as { data?: { quotes?: { kind: string; verb: string; text: string }[] } }).data?.quotes ?? []).map(
            (q) => `${q.kind} ${q.verb} ${q.text}`,
          ),
        );
      for (const line of ['/quote about:pier', '/quote about:pier speaker:Quill']) {
        const onSqlite = quotesIn(await pages(sqlite, line));
        const onPostgres = quotesIn(await pages(postgres, line));
        expect(onSqlite.length).toBeGreaterThan(24);
        expect(new Set(onPostgres).size).toBe(onPostgres.length);
        expect([...onPostgres].sort()).toEqual([...onSqlite].sort());
      }
    });

    it('lists each repeated quote once, at its newest filing, and the same words with another cue apart', async () => {
      const listed = await postgres.services.store.quotes.findQuotes({ speaker: 'Quill', limit: 200 });
      const keys = listed.map((q) => `${q.kind} ${q.verb} ${q.text}`);
      expect(new Set(keys).size).toBe(keys.length);
      // SQLite keys them as well (its migration 21): the same list
      const onSqlite = await sqlite.services.store.quotes.findQuotes({ speaker: 'Quill', limit: 200 });
      expect(onSqlite.map((q) => `${q.headline} ${q.kind} ${q.verb} ${q.text}`)).toEqual(
        listed.map((q) => `${q.headline} ${q.kind} ${q.verb} ${q.text}`),
      );
      expect(listed.find((q) => q.text === 'We have the money for it')?.headline).toBe('Pier story 19 (filing 2)');
      expect(listed.filter((q) => q.text === 'to vote on the pier').map((q) => q.verb)).toEqual(['is expected', 'told reporters']);
      // the list is kept between reads while nothing is written: a new quote shows at once
      await postgres.services.store.stories.addArticles([
        analyzed(
          story({
            url: 'https://wire.test/pier/late',
            headline: 'Pier opens',
            body: 'The pier opened.',
            published: '2020-06-01T10:00:00Z',
          }),
          {
            quotes: [said('The pier is open', 0)],
          },
        ),
      ]);
      expect((await postgres.services.store.quotes.findQuotes({ speaker: 'Quill', limit: 2 })).map((q) => q.text)).toEqual([
        'The pier is open',
        'The pier on day 19 will be ready',
      ]);
    });
  },
);
