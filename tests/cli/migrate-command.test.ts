import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatelineStore } from '../../src/app.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir, sampleArticle, writeCorpusSlice } from '../helpers/paths.js';
import { createTestDatabase, findPgServer } from '../helpers/postgres.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const server = await findPgServer();
const unavailable = 'unavailable' in server ? server.unavailable : null;
if (unavailable && process.env.CI !== 'true') process.stderr.write(`dateline migrate to PostgreSQL SKIPPED: ${unavailable}\n`);

describe.skipIf(unavailable !== null && process.env.CI !== 'true')('dateline migrate (SQLite → PostgreSQL)', () => {
  const temp = makeTempDir();
  const dbFile = path.join(temp.dir, 'source.db');
  let target: { url: string; drop(): Promise<void> };
  let feedStoryIds: string[] = [];

  beforeAll(async () => {
    if (unavailable) throw new Error(`CI=true but ${unavailable}`);
    if ('unavailable' in server) return;
    target = await createTestDatabase(server);
    const ingested = await runCliCaptured(['ingest', sampleArticle, writeCorpusSlice(temp.dir, 150), '--json', '--db', dbFile]);
    expect(ingested.code).toBe(0);
    // A subscription with a delivered digest, an unsubscribed one, and a feed with a channel and health.
    const store = openSqliteStore(dbFile);
    const now = new Date('2026-01-01T08:00:00Z');
    const input = { guildId: 'g1', channelId: 'news', time: '08:00', timezone: 'Europe/London', about: null, quiet: false, createdBy: 'u' };
    const { subscription } = await store.subscriptions.subscribe(input, now);
    await store.subscriptions.subscribe({ ...input, channelId: 'old' }, now);
    await store.subscriptions.unsubscribe('old', now);
    await store.subscriptions.claimDelivery({
      subscriptionId: subscription.id,
      localDate: '2026-01-01',
      owner: 'a',
      now,
      leaseMs: 60_000,
      fresh: { scheduledAt: now, since: now, at: now, late: false },
    });
    await store.subscriptions.recordPart(subscription.id, '2026-01-01', 'a', 'm1', now);
    await store.subscriptions.finishDelivery(subscription.id, '2026-01-01', 'a', 'delivered', now);
    await store.feeds.addFeed({
      url: 'https://news.test/rss',
      origin: 'command',
      addedAt: now,
      addedBy: 'u',
      channel: { guildId: 'g1', channelId: 'news' },
      guildId: 'g1',
    });
    // Two stories that only g1's feed brought (hidden from other servers with DATELINE_FEED_STORIES=own-server), one post still queued.
    const [first, second] = (await store.stories.latest(2)).map((s) => s.id);
    feedStoryIds = [first!, second!];
    await store.feeds.recordFeedStories('https://news.test/rss', { added: feedStoryIds, seen: [] });
    await store.feeds.queuePosts([{ url: 'https://news.test/rss', articleId: first!, channel: { guildId: 'g1', channelId: 'news' } }], now);
    await store.close();
  }, 180_000);
  afterAll(async () => {
    await target?.drop();
    temp.cleanup();
  });

  it('copies stories with their analysis, subscriptions, the ledger and feeds, prints counts on both sides, and adds nothing when run twice', async () => {
    const first = await runCliCaptured(['migrate', '--from', dbFile, '--to', target.url, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.lastLine) as {
      from: Record<string, number>;
      to: { before: Record<string, number>; after: Record<string, number> };
      added: Record<string, number>;
    };
    const n = report.from.stories!;
    expect(n).toBeGreaterThan(100);
    expect(report.from).toMatchObject({ subscriptions: 2, deliveries: 1, feeds: 1 });
    expect(report.to.before).toEqual({ stories: 0, subscriptions: 0, deliveries: 0, feeds: 0 });
    expect(report.to.after).toEqual({ stories: n, subscriptions: 2, deliveries: 1, feeds: 1 });
    expect(report.added).toEqual({
      stories: n,
      duplicateStories: 0,
      subscriptions: 2,
      deliveries: 1,
      feeds: 1,
      feedStories: 2,
      queuedPosts: 1,
    });

    const again = await runCliCaptured(['migrate', '--from', dbFile, '--to', target.url]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `added 0 stories (${n} already there), 0 subscriptions, 0 ledger rows, 0 feeds, 0 feed-story links, 0 queued posts`,
    );
    expect(again.stdout).toContain(`before ${n} stories, 2 subscriptions, 1 ledger rows, 1 feeds`);

    // The same story, analysis and ledger on both sides; and the same answers where ranking allows.
    const sqlite = await openDatelineStore(dbFile);
    const pg = await openDatelineStore(target.url);
    try {
      const page = await sqlite.stories.storiesPage({ limit: 200 });
      for (const { article, analysis } of page.stories.slice(0, 40)) {
        expect(await pg.stories.getById(article.id)).toEqual(article);
        expect(await pg.stories.getAnalysis(article.id)).toEqual(analysis);
      }
      const sub = (await pg.subscriptions.byChannel('news'))!;
      expect(await pg.subscriptions.getDelivery(sub.id, '2026-01-01')).toMatchObject({ status: 'delivered', messageIds: ['m1'] });
      expect(await pg.subscriptions.byChannel('old')).toBeNull();
      expect((await pg.feeds.getFeed('https://news.test/rss'))?.channels).toEqual([{ guildId: 'g1', channelId: 'news' }]);
      // What own-server hides, hidden the same; the queued post claimable on the new store.
      expect(await pg.feeds.storiesHiddenFrom('g2', feedStoryIds)).toEqual(new Set(feedStoryIds));
      expect(await pg.feeds.storiesHiddenFrom('g1', feedStoryIds)).toEqual(new Set());
      expect(await pg.feeds.exportPosts()).toEqual(await sqlite.feeds.exportPosts());
      const claimed = await pg.feeds.claimPosts('p', new Date('2026-01-01T09:00:00Z'), new Date('2026-01-01T09:02:00Z'), 10, 'guild');
      expect(claimed).toEqual([
        { url: 'https://news.test/rss', articleId: feedStoryIds[0], channel: { guildId: 'g1', channelId: 'news' }, attempts: 1 },
      ]);
      // A distinctive word: the same top hit. Several words: bm25 and ts_rank weigh them differently, so
      // PostgreSQL's best is among SQLite's best five (and both find the same number of stories, up to 10).
      for (const query of ['Raqqa', 'coffee', 'cocoa']) {
        const [a, b] = [await sqlite.stories.search(query, 1), await pg.stories.search(query, 1)];
        expect(
          b.map((h) => h.id),
          query,
        ).toEqual(a.map((h) => h.id));
      }
      for (const query of ['oil prices', 'bank rate', 'zzzqq oil']) {
        const [a, b] = [await sqlite.stories.search(query, 10), await pg.stories.search(query, 10)];
        expect(b.length, query).toBe(a.length);
        expect(
          a.slice(0, 5).map((h) => h.id),
          query,
        ).toContain(b[0]!.id);
      }
      expect(await pg.stories.latest(5)).toEqual(await sqlite.stories.latest(5));
    } finally {
      await sqlite.close();
      await pg.close();
    }
    // The commands run on the PostgreSQL store as on SQLite.
    const asked = await runCliCaptured(['ask', '/search Raqqa', '--json', '--db', target.url]);
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.lastLine)).toMatchObject({ data: { results: [{ title: expect.stringContaining('Syrian') as string }] } });
  }, 180_000);

  it('refuses a store it cannot read, with the reason', async () => {
    const r = await runCliCaptured(['migrate', '--from', path.join(temp.dir, 'missing.db'), '--to', target.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
    const bad = await runCliCaptured(['migrate', '--from', dbFile, '--to', 'mysql://db/x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/mysql: URL/);
  });
});
