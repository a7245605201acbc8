import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/logger.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { startFeedScheduler } from '../../src/feeds/feed-scheduler.js';
import type { FeedPost, FeedService } from '../../src/feeds/feed-service.js';
import type { SendTarget } from '../../src/transports/transport.js';

/** A feed service whose outbox holds `queued` once: what the poll queued, claimed by the tick. */
function fakeFeeds(queued: FeedPost[]): FeedService & { polls: number; finished: string[] } {
  let outbox = queued;
  const service = {
    polls: 0,
    finished: [] as string[],
    pollDue: () => {
      service.polls += 1;
      return Promise.resolve([]);
    },
    claimPosts: () => {
      const claimed = outbox;
      outbox = [];
      return Promise.resolve(claimed);
    },
    finishPost: (post: FeedPost) => {
      service.finished.push(post.target.channelId);
      return Promise.resolve();
    },
    idle: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
  return service as unknown as FeedService & { polls: number; finished: string[] };
}

const posts = (url: string, channels: string[], attempt = 1): FeedPost[] =>
  channels.map((channelId) => ({
    url,
    articleId: 'x',
    attempt,
    target: { channelId, guildId: 'g' },
    reply: reply({ title: `story for ${channelId}`, text: 'lead' }),
    nonce: `n-${channelId}`,
    marker: 'id x',
  }));

describe('startFeedScheduler', () => {
  it('polls due feeds on each tick and sends every queued post; a failed send is logged, stays queued, and the rest still go out', async () => {
    const feeds = fakeFeeds(posts('https://a.example/rss', ['c1', 'broken', 'c2']));
    const sent: { target: SendTarget; reply: Reply }[] = [];
    const log = createMemoryLogger();
    const scheduler = startFeedScheduler({
      feeds,
      log,
      postScope: 'guild',
      pollOnStart: false,
      // The executor turns the throw into a rejection, as a failed send is.
      send: (target, r) =>
        new Promise((resolve) => {
          if (target.channelId === 'broken') throw new Error('Missing Access');
          sent.push({ target, reply: r });
          resolve({ id: String(sent.length) });
        }),
    });
    try {
      await scheduler.tick();
      expect(feeds.polls).toBe(1);
      expect(sent.map((s) => s.target.channelId)).toEqual(['c1', 'c2']);
      expect(feeds.finished).toEqual(['c1', 'c2']);
      expect(log.entries.some((e) => e.msg === 'new-story post failed' && e.channel === 'broken')).toBe(true);
    } finally {
      await scheduler.stop();
    }
  });

  it('a tick whose poll throws is logged, and the next tick runs', async () => {
    let calls = 0;
    const feeds = {
      pollDue: () =>
        new Promise((resolve) => {
          calls += 1;
          if (calls === 1) throw new Error('database is locked');
          resolve([]);
        }),
      claimPosts: () => Promise.resolve([]),
      idle: () => Promise.resolve(),
      stop: () => Promise.resolve(),
    } as unknown as FeedService;
    const log = createMemoryLogger();
    const scheduler = startFeedScheduler({ feeds, log, postScope: 'guild', pollOnStart: false, send: () => Promise.resolve({ id: '1' }) });
    try {
      await scheduler.tick();
      await scheduler.tick();
      expect(calls).toBe(2);
      expect(log.entries.some((e) => e.msg === 'feed tick failed')).toBe(true);
    } finally {
      await scheduler.stop();
    }
  });

  it('a post claimed again is looked for in the channel first: one found by its marker is finished, not sent twice', async () => {
    const feeds = fakeFeeds([...posts('https://a.example/rss', ['already'], 2), ...posts('https://a.example/rss', ['missing'], 2)]);
    const sent: string[] = [];
    const scheduler = startFeedScheduler({
      feeds,
      log: createMemoryLogger(),
      postScope: 'guild',
      pollOnStart: false,
      send: (target) => {
        sent.push(target.channelId);
        return Promise.resolve({ id: '1' });
      },
      findRecentMessage: (target, marker) => Promise.resolve(target.channelId === 'already' && marker === 'id x' ? { id: 'old' } : null),
    });
    try {
      await scheduler.tick();
      expect(sent).toEqual(['missing']);
      expect(feeds.finished).toEqual(['already', 'missing']);
    } finally {
      await scheduler.stop();
    }
  });
});
