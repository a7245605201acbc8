import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../../src/store/sqlite/sqlite-article-store.js';
import { promising } from '../../src/store/synchronous.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { makeTempDir, writeCorpusSlice } from '../helpers/paths.js';

/** The stories part of a SQLite store on this connection, with the connection's close. */
function openStories(db: ReturnType<typeof openDatabase>): StoryStore & { close(): void } {
  return { ...promising<StoryStore>(createSqliteArticleParts(db).stories), close: () => db.close() };
}
import { simpleAnalyze } from '../helpers/simple-analyze.js';

/** Two writers (issue 18): another connection holds the write lock while the bot ingests. */
describe('ingest while another writer holds the store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  let other: SqliteDatabase;
  let store: StoryStore & { close(): void };
  const now = () => new Date('2026-01-01T00:00:00Z');

  beforeEach(() => {
    temp = makeTempDir();
    dbPath = path.join(temp.dir, 'store.db');
    // the bot's connection waits only briefly on a lock; the other is a second process's
    store = openStories(openDatabase(dbPath, [], { busyTimeoutMs: 10 }));
    other = openDatabase(dbPath);
  });
  afterEach(() => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    store.close();
    temp.cleanup();
  });

  it('retries the locked chunk with backoff instead of rejecting the stories', async () => {
    const file = writeCorpusSlice(temp.dir, 40);
    other.exec('BEGIN IMMEDIATE');
    const retries: number[] = [];
    const tally = await ingestPaths([file], {
      store,
      analyze: simpleAnalyze,
      now,
      storeRetry: {
        firstDelayMs: 1,
        onRetry: (attempt) => {
          retries.push(attempt);
          // the other writer finishes after a few of our attempts
          if (attempt === 3) other.exec('COMMIT');
        },
      },
    });
    expect(retries).toEqual([1, 2, 3]);
    expect(tally.rejected).toBe(0);
    expect(tally.added + tally.duplicate).toBe(40);
    expect(await store.count()).toBe(tally.added);
  });

  it('keeps the event loop free while the lock is held (no 5 s busy wait on this thread)', async () => {
    const file = writeCorpusSlice(temp.dir, 20);
    other.exec('BEGIN IMMEDIATE');
    const release = setTimeout(() => other.exec('COMMIT'), 600);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const tally = await ingestPaths([file], { store, analyze: simpleAnalyze, now, storeRetry: { firstDelayMs: 20, maxDelayMs: 40 } });
    delay.disable();
    clearTimeout(release);
    expect(tally.rejected).toBe(0);
    expect(tally.added).toBeGreaterThan(0);
    // the lock was held 600 ms: blocking on it would show here (generous bound)
    expect(delay.max / 1e6).toBeLessThan(400);
  });

  it('reports a chunk still locked after the retry budget, and a re-run stores the rest', async () => {
    const file = writeCorpusSlice(temp.dir, 40);
    let commits = 0;
    const flaky: StoryStore & { close(): void } = {
      ...store,
      addArticles: async (items) => {
        commits += 1;
        if (commits === 2) {
          const error = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
          throw error;
        }
        return await store.addArticles(items);
      },
    };
    const sleeps: number[] = [];
    const first = await ingestPaths([file], {
      store: flaky,
      analyze: simpleAnalyze,
      now,
      storeRetry: {
        maxWaitMs: 0,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      },
    });
    expect(first.rejected).toBeGreaterThan(0);
    expect(first.errors[0]?.reason).toMatch(/database is locked \(still locked after 0 s of retries; a re-run stores the rest\)/);
    const second = await ingestPaths([file], { store, analyze: simpleAnalyze, now });
    expect(second.rejected).toBe(0);
    expect(second.added).toBe(first.rejected);
    expect(first.added + second.added + first.duplicate).toBe(40);
  });
});

describe("the bot's own store connection under another writer's lock (issue 18)", () => {
  it('gives up within its short busy timeout instead of freezing the bot for 5 s', async () => {
    const { createApp } = await import('../../src/app.js');
    const { commands } = await import('../../commands/index.js');
    const { createFixedClock } = await import('../../src/core/clock.js');
    const { createMemoryLogger } = await import('../../src/core/logger.js');
    const { testGeo } = await import('../helpers/test-services.js');
    const temp = makeTempDir();
    const dbPath = path.join(temp.dir, 'bot.db');
    const clock = createFixedClock(new Date('2026-01-01T00:00:00Z'));
    const app = await createApp({ dbPath, commands, clock, log: createMemoryLogger(), geo: await testGeo(), busyTimeoutMs: 50 });
    const other = openDatabase(dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = performance.now();
      await expect(
        app.services.subscriptions.subscribe(
          { guildId: null, channelId: 'c1', time: '08:00', timezone: 'UTC', about: null, quiet: false, createdBy: 'u' },
          clock.now(),
        ),
      ).rejects.toThrow(/database is locked|busy/i);
      // the default 5 s wait froze /digest subscribe for 5.2 s
      expect(performance.now() - started).toBeLessThan(1000);
      other.exec('COMMIT');
      expect(
        (
          await app.services.subscriptions.subscribe(
            { guildId: null, channelId: 'c1', time: '08:00', timezone: 'UTC', about: null, quiet: false, createdBy: 'u' },
            clock.now(),
          )
        ).replaced,
      ).toBe(false);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await app.close();
      temp.cleanup();
    }
  });
});
