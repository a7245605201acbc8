/**
 * Exactly-once delivery against the fake Discord, through the real discord.js client: Discord creates
 * the message but its answer comes too late (past the REST timeout) or is a 502. discord.js would
 * retry such a POST by itself and post every part again; digests and feed stories must still appear
 * once per channel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/core/clock.js';
import { reply } from '../../src/core/reply.js';
import { createDigestScheduler } from '../../src/digest/scheduler.js';
import { startFeedScheduler } from '../../src/feeds/feed-scheduler.js';
import type { FeedPost, FeedService } from '../../src/feeds/feed-service.js';
import { messageNonce } from '../../src/transports/transport.js';
import type { AfterCreateFault } from './fake-discord/fake-discord.js';
import { startBot, type Bot } from './bot-harness.js';

/** Shorter than discord.js's 15 s so the "answer after 16 s" case runs in a second. */
const REST_TIMEOUT_MS = 400;

let bot: Bot | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

async function startDeliveryBot(): Promise<Bot> {
  const started = await startBot({ fake: { guildCount: 2 } });
  // The harness's transport has discord.js's default timeout; this one times out like the 16 s answer.
  await started.transport.stop();
  const transport = started.makeTransport({ restTimeoutMs: REST_TIMEOUT_MS, registerOnStart: false });
  await transport.start(started.handler);
  const closeHarness = (): Promise<void> => started.close();
  return {
    ...started,
    transport,
    close: async () => {
      await transport.stop();
      await closeHarness();
    },
  };
}

/** Messages per channel of the fake's guilds: what each server's readers see. */
function postsPerChannel(b: Bot): number[] {
  return b.fake.guilds.map((g) => b.fake.channelMessages(g.channelId).length);
}

const faults: { name: string; fault: AfterCreateFault }[] = [
  { name: 'answers after the REST timeout', fault: { kind: 'delay', delayMs: REST_TIMEOUT_MS * 3 } },
  { name: 'answers 502 after creating the message', fault: { kind: 'status', status: 502 } },
];

describe('digests are posted once per channel when Discord fails after creating the message', () => {
  for (const { name, fault } of faults) {
    it(`Discord ${name}: one post per channel, recorded in the ledger`, async () => {
      bot = await startDeliveryBot();
      const b = bot;
      const clock = createFixedClock(new Date('2017-09-10T00:00:00Z'));
      const subs = b.services.subscriptions;
      const ids = await Promise.all(
        b.fake.guilds.map(
          async (g) =>
            (
              await subs.subscribe(
                { guildId: g.id, channelId: g.channelId, time: '09:00', timezone: 'UTC', about: null, quiet: false, createdBy: 'tester' },
                clock.now(),
              )
            ).subscription.id,
        ),
      );
      // Every message POST of this run: created, then the answer is lost.
      b.fake.faultAfterCreate(fault, { times: 100 });
      const scheduler = createDigestScheduler({
        subscriptions: subs,
        store: b.services.store,
        geo: b.services.geo,
        transport: b.transport,
        clock,
        log: b.log,
        owner: 'bot-a',
      });
      clock.set(new Date('2017-09-10T09:00:00Z'));
      const report = await scheduler.tick();

      expect(report.delivered.sort()).toEqual(ids.map((id) => `${id}/2017-09-10`).sort());
      expect(postsPerChannel(b)).toEqual([1, 1]);
      for (const [i, id] of ids.entries()) {
        const delivery = (await subs.getDelivery(id, '2017-09-10'))!;
        expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
        expect(delivery.messageIds).toEqual(b.fake.channelMessages(b.fake.guilds[i]!.channelId).map((m) => m.id));
      }
      // Each part went out once, with its nonce and enforce_nonce.
      const posts = b.fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
      expect(posts).toHaveLength(2);
      for (const p of posts) expect(p.body).toMatchObject({ nonce: expect.any(String) as string, enforce_nonce: true });
    }, 20_000);
  }

  it('a repeat of a part (same nonce) within minutes returns the first message instead of a second', async () => {
    bot = await startDeliveryBot();
    const target = { channelId: bot.fake.guilds[0]!.channelId, guildId: bot.fake.guilds[0]!.id };
    const part = reply({ title: 'Digest', text: 'One story.', footer: 'dateline-digest:sub-9:2017-09-10 part 1/1' });
    const nonce = messageNonce('digest', 9, '2017-09-10', 0);
    const first = await bot.transport.send(target, part, { nonce });
    const again = await bot.transport.send(target, part, { nonce });
    expect(again.id).toBe(first.id);
    expect(bot.fake.channelMessages(target.channelId)).toHaveLength(1);
    // Without a nonce Discord has nothing to compare: a second message.
    await bot.transport.send(target, part);
    expect(bot.fake.channelMessages(target.channelId)).toHaveLength(2);
  }, 20_000);
});

describe('feed stories are posted once per channel when Discord fails after creating the message', () => {
  for (const { name, fault } of faults) {
    it(`Discord ${name}: one post per channel`, async () => {
      bot = await startDeliveryBot();
      const b = bot;
      const story = reply({ title: 'Harbour reopens', text: 'The harbour reopened on Sunday.', footer: 'Test Wire · id abc123' });
      let queued: FeedPost[] = b.fake.guilds.map((g) => ({
        url: 'https://news.example/rss',
        articleId: 'abc123',
        attempt: 1,
        target: { channelId: g.channelId, guildId: g.id },
        reply: story,
        nonce: messageNonce('feed-story', g.channelId, 'abc123'),
        marker: 'id abc123',
      }));
      const feeds = {
        pollDue: () => Promise.resolve([]),
        claimPosts: () => {
          const claimed = queued;
          queued = [];
          return Promise.resolve(claimed);
        },
        finishPost: () => Promise.resolve(),
        idle: () => Promise.resolve(),
        stop: () => Promise.resolve(),
      } as unknown as FeedService;
      b.fake.faultAfterCreate(fault, { times: 100 });
      const scheduler = startFeedScheduler({
        feeds,
        send: (target, r, options) => b.transport.send(target, r, options),
        log: b.log,
        postScope: 'guild',
        pollOnStart: false,
      });
      await scheduler.tick();
      await scheduler.stop();
      expect(postsPerChannel(b)).toEqual([1, 1]);
    }, 20_000);
  }
});
