import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/logger.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { startFeedScheduler } from '../../src/feeds/feed-scheduler.js';
import type { FeedPollResult, FeedService } from '../../src/feeds/feed-service.js';
import type { SendTarget } from '../../src/transports/transport.js';

function fakeFeeds(results: FeedPollResult[]): FeedService & { polls: number } {
  const service = {
    polls: 0,
    pollDue: () => {
      service.polls += 1;
      return Promise.resolve(results);
    },
    idle: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
  return service as unknown as FeedService & { polls: number };
}

const result = (url: string, channels: string[]): FeedPollResult => ({
  url,
  outcome: 'ok',
  title: 'T',
  tally: { added: channels.length, duplicate: 0, rejected: 0, errors: [] },
  undated: 0,
  addedIds: [],
  posts: channels.map((channelId) => ({
    target: { channelId, guildId: 'g' },
    reply: reply({ title: `story for ${channelId}`, text: 'lead' }),
    nonce: `n-${channelId}`,
    marker: 'id x',
  })),
});

describe('startFeedScheduler', () => {
  it('polls due feeds on each tick and sends every post; a failed send is logged and the rest still go out', async () => {
    const feeds = fakeFeeds([result('https://a.example/rss', ['c1', 'broken', 'c2'])]);
    const sent: { target: SendTarget; reply: Reply }[] = [];
    const log = createMemoryLogger();
    const scheduler = startFeedScheduler({
      feeds,
      log,
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
      idle: () => Promise.resolve(),
      stop: () => Promise.resolve(),
    } as unknown as FeedService;
    const log = createMemoryLogger();
    const scheduler = startFeedScheduler({ feeds, log, pollOnStart: false, send: () => Promise.resolve({ id: '1' }) });
    try {
      await scheduler.tick();
      await scheduler.tick();
      expect(calls).toBe(2);
      expect(log.entries.some((e) => e.msg === 'feed tick failed')).toBe(true);
    } finally {
      await scheduler.stop();
    }
  });
});
