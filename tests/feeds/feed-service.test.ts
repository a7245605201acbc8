import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/core/clock.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { withOverrides } from '../../src/core/with-overrides.js';
import { backoffDelayMs, createFeedService, MAX_POST_ATTEMPTS, POST_CLAIM_MS, type FeedService } from '../../src/feeds/feed-service.js';
import type { StoreRetryOptions } from '../../src/ingest/store-retry.js';
import type { StoryStore } from '../../src/store/story-store.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';
import { readFixture, servePlain, serveWithEtag, startFeedServer, withNewItem, type FeedServer } from './feed-server.js';

interface Harness {
  server: FeedServer;
  store: StoryStore;
  feedStore: FeedStore;
  feeds: FeedService;
  clock: ReturnType<typeof createFixedClock>;
  log: ReturnType<typeof createMemoryLogger>;
  /** The store's file, for a second connection (another process). */
  file: string;
  /** A feed service as `feeds`, over another story store (one that fails as the test needs). */
  serviceOver(store: StoryStore, storeRetry: StoreRetryOptions): FeedService;
  cleanup(): Promise<void>;
}

async function harness(): Promise<Harness> {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'feeds.db');
  const all = openSqliteStore(file);
  const store = all.stories;
  const feedStore = all.feeds;
  const clock = createFixedClock(new Date('2026-02-12T00:00:00Z'));
  const log = createMemoryLogger();
  const server = await startFeedServer();
  const serviceOver = (over: StoryStore, storeRetry?: StoreRetryOptions): FeedService =>
    createFeedService({
      feedStore,
      store: over,
      analyze: simpleAnalyze,
      clock,
      log,
      // Small limits so the faulty cases fail fast: a 64 KB cap stands in for 5 MB, 400 ms for 20 s.
      // Long enough for a good local feed on a loaded machine; only the hanging feed waits it out.
      fetch: { timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 3 },
      // The test server is on 127.0.0.1, which the guard refuses for chat-added feeds.
      allowPrivateAddresses: true,
      ...(storeRetry ? { storeRetry } : {}),
    });
  const feeds = serviceOver(store);
  return {
    server,
    store,
    feedStore,
    feeds,
    clock,
    log,
    file,
    serviceOver,
    cleanup: async () => {
      await server.close();
      await all.close();
      temp.cleanup();
    },
  };
}

/** The harness's feed at /rss, serving a fixture a test changes between polls (`serve`). */
function changingFeed(h: Harness, first = 'harbour-rss.xml'): { url: string; serve: (fixture: string) => void } {
  let fixture = first;
  h.server.route(
    '/rss',
    serveWithEtag(() => readFixture(fixture)),
  );
  return {
    url: h.server.url('/rss'),
    serve: (next) => {
      fixture = next;
    },
  };
}

describe('feed service', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.cleanup());

  it('stores new items once; the second poll sends If-None-Match, gets a 304 and adds nothing', async () => {
    h.server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    const url = h.server.url('/rss');
    const { created, poll } = await h.feeds.add({ url, addedBy: 'tester' });
    expect(created).toBe(true);
    expect(poll).toMatchObject({
      outcome: 'ok',
      title: 'Harbour Town Gazette & Wire',
      tally: { added: 3, duplicate: 0, rejected: 0, errors: [] },
    });
    expect(await h.store.count()).toBe(3);

    h.clock.advance(16 * 60_000);
    const [second] = await h.feeds.pollDue();
    expect(second).toMatchObject({ outcome: 'not-modified', tally: { added: 0, duplicate: 0, rejected: 0 } });
    const last = h.server.requests.at(-1)!;
    expect(last.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(last.status).toBe(304);
    expect(await h.store.count()).toBe(3);

    const feed = (await h.feeds.get(url))!;
    expect(feed.health).toMatchObject({ itemsAdded: 3, consecutiveFailures: 0, lastError: null });
    expect(feed.health.lastSuccessAt).toBe('2026-02-12T00:16:00.000Z');
    expect(feed.health.nextPollAt).toBe('2026-02-12T00:31:00.000Z');
  });

  it('a poll whose items fail to store ("database is locked") saves no validators and shows the failure; the next poll stores them', async () => {
    h.server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    const url = h.server.url('/rss');
    // The article store as another writer holding the lock would leave it: every write fails.
    let locked = true;
    const lockable: StoryStore = withOverrides(h.store, {
      addArticles: async (batch) => {
        if (locked) throw new Error('database is locked');
        return await h.store.addArticles(batch);
      },
    });
    // Retries of the locked chunk wait on no real timer (they still add up to the retry budget).
    const feeds = h.serviceOver(lockable, { sleep: () => Promise.resolve() });
    await h.feedStore.addFeed({ url, origin: 'config', addedAt: h.clock.now(), addedBy: null, channel: null });

    const [first] = await feeds.pollDue();
    expect(first).toMatchObject({ outcome: 'failed', tally: { added: 0 } });
    expect(first!.tally.errors[0]!.reason).toMatch(/database is locked/);
    const failed = (await h.feeds.get(url))!;
    expect(failed).toMatchObject({ etag: null, lastModified: null });
    expect(failed.health).toMatchObject({ consecutiveFailures: 1, lastSuccessAt: null, itemsAdded: 0 });
    expect(failed.health.lastError).toMatch(/database is locked/);
    expect(await h.store.count()).toBe(0);

    // The lock is gone: the next poll asks without If-None-Match, gets the feed and stores every story.
    locked = false;
    h.clock.advance(31 * 60_000);
    const [second] = await feeds.pollDue();
    expect(h.server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(second).toMatchObject({ outcome: 'ok', tally: { added: 3 } });
    expect(await h.store.count()).toBe(3);
    const healed = (await h.feeds.get(url))!;
    expect(healed.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(healed.health).toMatchObject({ consecutiveFailures: 0, itemsAdded: 3 });
  });

  it('stop() aborts a slow fetch in flight at once (SIGTERM), counts no failure, and refuses new polls', async () => {
    h.server.route('/slow', () => undefined); // accepts the request and never answers
    const url = h.server.url('/slow');
    const feeds = createFeedService({
      feedStore: h.feedStore,
      store: h.store,
      analyze: simpleAnalyze,
      clock: h.clock,
      log: h.log,
      fetch: { timeoutMs: 20_000 },
    });
    await h.feedStore.addFeed({ url, origin: 'config', addedAt: h.clock.now(), addedBy: null, channel: null });
    const polling = feeds.pollDue();
    while (h.server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await feeds.stop();
    const [result] = await polling;
    // Generous bound: the fetch's own timeout is 20 s; an abort takes milliseconds.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result!.tally.errors[0]!.reason).toMatch(/shutting down/);
    expect((await h.feeds.get(url))!.health).toMatchObject({ consecutiveFailures: 0, lastError: null });
    const [after] = await feeds.poll([url]);
    expect(after!.tally.errors[0]!.reason).toMatch(/shutting down/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('two processes on one store poll a due feed once per interval; when the holder dies mid-poll the other takes over one interval later', async () => {
    let body = readFixture('harbour-rss.xml');
    let hang = false;
    const serve = serveWithEtag(() => body);
    h.server.route('/rss', (req, res) => {
      if (!hang) serve(req, res); // hanging: the request is accepted and never answered
    });
    const url = h.server.url('/rss');
    await h.feeds.add({ url, addedBy: 'tester', intervalMinutes: 10, channel: { guildId: 'g1', channelId: 'news' } });
    // A second process: its own connection to the same file, its own poller id.
    const second = openSqliteStore(h.file);
    const other = createFeedService({
      feedStore: second.feeds,
      store: second.stories,
      analyze: simpleAnalyze,
      clock: h.clock,
      log: h.log,
      allowPrivateAddresses: true,
      pollerId: 'process-b',
    });
    try {
      // Every interval both processes tick at the same moment: one fetch between them.
      body = readFixture('harbour-rss-next.xml');
      for (let interval = 1; interval <= 3; interval++) {
        h.clock.advance(10 * 60_000);
        const before = h.server.requests.length;
        const [a, b] = await Promise.all([h.feeds.pollDue(), other.pollDue()]);
        expect(h.server.requests.length - before).toBe(1);
        expect(a.length + b.length).toBe(1);
        // The new story is queued (by whichever polled) once, on the first of these polls only, and
        // handed to one of the two processes.
        expect([...a, ...b].map((r) => r.queued)).toEqual([interval === 1 ? 1 : 0]);
        const [fromA, fromB] = await Promise.all([h.feeds.claimPosts('guild'), other.claimPosts('guild')]);
        expect([...fromA, ...fromB].map((p) => p.target.channelId)).toEqual(interval === 1 ? ['news'] : []);
        for (const post of [...fromA, ...fromB]) await h.feeds.finishPost(post);
      }
      // The holder dies mid-poll (its fetch hangs and it never records the poll).
      hang = true;
      h.clock.advance(10 * 60_000);
      const dying = createFeedService({
        feedStore: h.feedStore,
        store: h.store,
        analyze: simpleAnalyze,
        clock: h.clock,
        log: h.log,
        allowPrivateAddresses: true,
        pollerId: 'process-a',
        fetch: { timeoutMs: 60_000 },
      });
      const stuck = dying.pollDue();
      while (h.server.requests.at(-1)?.status !== 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // While its lease runs the feed is not polled twice ...
      expect(await other.pollDue()).toEqual([]);
      h.clock.advance(5 * 60_000);
      expect(await other.pollDue()).toEqual([]);
      // ... and one interval after the dead poll began, the other process polls it.
      hang = false;
      body = withNewItem(body, {
        title: 'Lighthouse keeper retires after forty winters',
        link: 'https://gazette.example/news/lighthouse',
        pubDate: 'Thu, 12 Feb 2026 07:00:00 +0000',
        text: 'The keeper of the Gull Island light retired on Thursday after forty winters on the rock, the port office said.',
      });
      h.clock.advance(5 * 60_000);
      const [takeover] = await other.pollDue();
      expect(takeover).toMatchObject({ url, outcome: 'ok', tally: { added: 1 } });
      expect((await other.claimPosts('guild')).map((p) => p.reply.title)).toEqual(['Lighthouse keeper retires after forty winters']);
      void dying.stop();
      await stuck;
    } finally {
      await other.stop();
      await second.close();
    }
  });

  it('dedups by link when the server ignores conditional GET', async () => {
    h.server.route(
      '/plain',
      servePlain(() => readFixture('harbour-rss.xml')),
    );
    const url = h.server.url('/plain');
    await h.feeds.add({ url, addedBy: null });
    const [again] = await h.feeds.poll([url]);
    expect(again!.tally).toEqual({ added: 0, duplicate: 3, rejected: 0, errors: [] });
    expect(await h.store.count()).toBe(3);
  });

  it('a changing feed adds only the new item', async () => {
    const { url, serve } = changingFeed(h);
    await h.feeds.add({ url, addedBy: null });
    serve('harbour-rss-next.xml');
    const [next] = await h.feeds.poll([url]);
    expect(next!.tally).toMatchObject({ added: 1, duplicate: 2, rejected: 0 });
    const added = (await h.store.getById(next!.addedIds[0]!))!;
    expect(added.headline).toBe('Fishing fleet returns early as fog closes the bay');
    expect(added.published).toBe('2026-02-11T06:05:00+01:00');
    expect(await h.store.count()).toBe(4);
  });

  it('isolates faulty feeds: each fails with its URL and reason in health, the good feeds still go in', async () => {
    const s = h.server;
    s.route(
      '/good-rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    s.route(
      '/good-atom',
      serveWithEtag(() => readFixture('valley-atom.xml'), 'application/atom+xml'),
    );
    s.route(
      '/malformed',
      servePlain(() => readFixture('malformed.xml')),
    );
    s.route(
      '/html',
      servePlain(() => readFixture('html-page.html'), 'text/html; charset=utf-8'),
    );
    s.route(
      '/error',
      servePlain(() => 'Internal Server Error', 'text/plain', 500),
    );
    s.route('/loop', (_q, res) => res.writeHead(302, { location: '/loop2' }).end());
    s.route('/loop2', (_q, res) => res.writeHead(302, { location: '/loop' }).end());
    s.route(
      '/huge',
      servePlain(() => `<rss><channel><title>x</title>${'<item><title>padding</title></item>'.repeat(3000)}</channel></rss>`),
    );
    s.route('/hang', () => undefined);
    s.route(
      '/patchy',
      servePlain(() => readFixture('broken-items.xml')),
    );

    const expected: Record<string, RegExp> = {
      '/malformed': /^malformed XML at line/,
      '/html': /^HTML page, not a feed/,
      '/error': /^HTTP 500/,
      '/loop': /^redirect loop/,
      '/huge': /^response too large/,
      '/hang': /^no answer within 2 s \(timeout\)/,
    };
    const paths = ['/good-rss', '/malformed', '/html', '/error', '/loop', '/huge', '/hang', '/patchy', '/good-atom'];
    for (const p of paths)
      await h.feedStore.addFeed({ url: s.url(p), origin: 'config', addedAt: h.clock.now(), addedBy: null, channel: null });

    const results = await h.feeds.pollDue();
    const byPath = new Map(results.map((r) => [new URL(r.url).pathname, r]));
    expect(byPath.get('/good-rss')!.tally.added).toBe(3);
    expect(byPath.get('/good-atom')!.tally.added).toBe(3);
    expect(byPath.get('/patchy')!.tally).toMatchObject({ added: 2, rejected: 2 });
    for (const [p, reason] of Object.entries(expected)) {
      const result = byPath.get(p)!;
      expect(result.outcome, p).toBe('failed');
      expect(result.tally.errors).toEqual([{ path: s.url(p), line: null, reason: expect.stringMatching(reason) as string }]);
      const health = (await h.feeds.get(s.url(p)))!.health;
      expect(health.lastError, p).toMatch(reason);
      expect(health.consecutiveFailures).toBe(1);
      expect(health.lastSuccessAt).toBeNull();
      // Backoff: the next try is two intervals away, not one.
      expect(health.nextPollAt).toBe('2026-02-12T00:30:00.000Z');
      expect(h.log.entries.some((e) => e.msg === 'feed poll failed' && e.feed === s.url(p))).toBe(true);
    }
    // Item-level problems: counted in health, logged with the feed URL, the good items stored.
    const patchy = (await h.feeds.get(s.url('/patchy')))!.health;
    expect(patchy).toMatchObject({ itemsAdded: 2, itemsRejected: 2, itemsUndated: 1, consecutiveFailures: 0 });
    expect(patchy.lastError).toMatch(/^2 item\(s\) rejected; first: item 2 .*no link/);
    expect(h.log.entries.filter((e) => e.msg === 'feed item rejected' && e.feed === s.url('/patchy'))).toHaveLength(2);
    expect(await h.store.count()).toBe(8);

    // Only the failed feeds are due after the interval; they back off further on a second failure.
    h.clock.advance(16 * 60_000);
    const due = await h.feeds.pollDue();
    expect(due.map((r) => new URL(r.url).pathname).sort()).toEqual(['/good-atom', '/good-rss', '/patchy']);
    h.clock.advance(15 * 60_000);
    const retried = await h.feeds.pollDue();
    expect(retried.filter((r) => r.outcome === 'failed')).toHaveLength(6);
    expect((await h.feeds.get(s.url('/error')))!.health.consecutiveFailures).toBe(2);
  }, 15_000);

  it('posts new stories to the feed channels, but not the backlog of the first poll', async () => {
    const { url, serve } = changingFeed(h);
    const first = await h.feeds.add({ url, addedBy: 'tester', channel: { guildId: 'g1', channelId: 'news' } });
    expect(first.poll.tally.added).toBe(3);
    expect(first.poll.queued).toBe(0);
    expect(await h.feeds.claimPosts('guild')).toEqual([]);
    serve('harbour-rss-next.xml');
    const [next] = await h.feeds.poll([url]);
    expect(next!.queued).toBe(1);
    // The shell's scope holds no server channel's posts.
    expect(await h.feeds.claimPosts('local')).toEqual([]);
    const posts = await h.feeds.claimPosts('guild');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.target).toEqual({ channelId: 'news', guildId: 'g1' });
    expect(posts[0]!.attempt).toBe(1);
    expect(posts[0]!.reply).toMatchObject({
      title: 'Fishing fleet returns early as fog closes the bay',
      url: 'https://gazette.example/news/fog-fleet',
      text: expect.stringMatching(/^Twelve trawlers came back/) as string,
    });
    // Claimed: nobody else gets it while the claim runs; not finished, it comes back after the claim.
    expect(await h.feeds.claimPosts('guild')).toEqual([]);
    h.clock.advance(POST_CLAIM_MS);
    const again = await h.feeds.claimPosts('guild');
    expect(again.map((p) => [p.articleId, p.attempt])).toEqual([[posts[0]!.articleId, 2]]);
    await h.feeds.finishPost(again[0]!);
    h.clock.advance(POST_CLAIM_MS);
    expect(await h.feeds.claimPosts('guild')).toEqual([]);
  });

  it('keeps the posts of stories stored by a poll that failed right after (the process died): each is posted once', async () => {
    const { url, serve } = changingFeed(h);
    await h.feeds.add({ url, addedBy: 'tester', channel: { guildId: 'g1', channelId: 'news' } });
    // The store writes the chunk, then the poll fails before it can do anything else.
    let dies = true;
    const dying: StoryStore = withOverrides(h.store, {
      addArticles: async (batch) => {
        const added = await h.store.addArticles(batch);
        if (dies) throw new Error('connection lost after the commit');
        return added;
      },
    });
    const feeds = h.serviceOver(dying, { maxWaitMs: 0, sleep: () => Promise.resolve() });
    serve('harbour-rss-next.xml');
    const [failed] = await feeds.poll([url]);
    expect(failed!.outcome).toBe('failed');
    expect(await h.store.count()).toBe(4);
    // Another process (or this one restarted) polls again: the story is stored, so not new; its post is still owed.
    dies = false;
    h.clock.advance(16 * 60_000);
    const [again] = await h.feeds.poll([url]);
    expect(again).toMatchObject({ outcome: 'ok', queued: 0, tally: { added: 0 } });
    const posts = await h.feeds.claimPosts('guild');
    expect(posts.map((p) => p.reply.title)).toEqual(['Fishing fleet returns early as fog closes the bay']);
    await h.feeds.finishPost(posts[0]!);
    h.clock.advance(POST_CLAIM_MS);
    expect(await h.feeds.claimPosts('guild')).toEqual([]);
  });

  it('gives up a queued post whose channel stopped following the feed, or that failed too often', async () => {
    const { url, serve } = changingFeed(h);
    await h.feeds.add({ url, addedBy: 'tester', channel: { guildId: 'g1', channelId: 'news' } });
    await h.feeds.add({ url, addedBy: 'tester', channel: { guildId: 'g1', channelId: 'sport' } });
    serve('harbour-rss-next.xml');
    const [next] = await h.feeds.poll([url]);
    expect(next!.queued).toBe(2);
    await h.feeds.removeChannel(url, 'sport');
    for (let attempt = 1; attempt <= MAX_POST_ATTEMPTS; attempt++) {
      expect((await h.feeds.claimPosts('guild')).map((p) => [p.target.channelId, p.attempt])).toEqual([['news', attempt]]);
      h.clock.advance(POST_CLAIM_MS);
    }
    expect(await h.feeds.claimPosts('guild')).toEqual([]);
    expect(h.log.entries.filter((e) => e.msg === 'new-story post given up').map((e) => [e.channel, e.reason])).toEqual([
      ['sport', 'feed or channel removed'],
      ['news', `failed ${MAX_POST_ATTEMPTS} times`],
    ]);
  });

  it('feeds without channels post nothing (posts are off by default)', async () => {
    const { url, serve } = changingFeed(h);
    await h.feeds.add({ url, addedBy: null });
    serve('harbour-rss-next.xml');
    const [next] = await h.feeds.poll([url]);
    expect(next!.tally.added).toBe(1);
    expect(next!.queued).toBe(0);
  });

  it('registers configured feeds once and refuses non-http URLs', async () => {
    expect(await h.feeds.ensureConfigured(['https://a.example/rss', 'https://b.example/atom', 'ftp://c.example/x'])).toBe(2);
    expect(await h.feeds.ensureConfigured(['https://a.example/rss'])).toBe(0);
    expect((await h.feeds.list()).map((f) => [f.url, f.origin])).toEqual([
      ['https://a.example/rss', 'config'],
      ['https://b.example/atom', 'config'],
    ]);
    await expect(h.feeds.add({ url: 'javascript:alert(1)', addedBy: null })).rejects.toThrow(/Only http and https/);
    await expect(h.feeds.add({ url: 'not a url', addedBy: null })).rejects.toThrow(/is not a URL/);
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [15, 0, null, 15],
    [15, 1, null, 30],
    [15, 2, null, 60],
    [15, 10, null, 360],
    [600, 3, null, 600],
    [15, 1, 90 * 60_000, 90],
  ])('interval %i min, %i failures, retry-after %s → %i min', (interval, failures, retryAfter, minutes) => {
    expect(backoffDelayMs(interval, failures, retryAfter)).toBe(minutes * 60_000);
  });
});
