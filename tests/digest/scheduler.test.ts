import { afterEach, describe, expect, it } from 'vitest';
import { createDigestFixture, story, type DigestFixture } from './fixture.js';

let fx: DigestFixture;
afterEach(async () => fx?.close());

/** UTC instants at which each channel received a message. */
function postTimes(channelId: string): string[] {
  return fx.transport.inChannel(channelId).map((m) => m.at.toISOString());
}

describe('digest scheduler (fake clock)', () => {
  it('posts once per day at the local time in several zones', async () => {
    fx = createDigestFixture('2024-01-14T23:30:00Z');
    await fx.addStories([
      story('Coffee talks resume', 'Coffee producers met in London on Monday to discuss export quotas again.', '2024-01-14T20:00:00Z'),
    ]);
    await fx.subscribe({ channelId: 'london', time: '08:00', timezone: 'Europe/London' });
    await fx.subscribe({ channelId: 'new-york', time: '08:00', timezone: 'America/New_York' });
    await fx.subscribe({ channelId: 'tokyo', time: '08:00', timezone: 'Asia/Tokyo' });
    await fx.subscribe({ channelId: 'kolkata', time: '07:30', timezone: 'Asia/Kolkata' });
    const scheduler = fx.scheduler();
    await fx.runMinutes(scheduler, '2024-01-15T00:00:00Z', '2024-01-16T00:00:00Z');

    expect(postTimes('london')).toEqual(['2024-01-15T08:00:00.000Z']);
    expect(postTimes('new-york')).toEqual(['2024-01-15T13:00:00.000Z']);
    expect(postTimes('kolkata')).toEqual(['2024-01-15T02:00:00.000Z']);
    // Tokyo's 08:00 on the 15th was before the subscription existed; the 16th's is 23:00 UTC on the 15th.
    expect(postTimes('tokyo')).toEqual(['2024-01-15T23:00:00.000Z']);
    const london = fx.transport.inChannel('london')[0]!;
    expect(london.reply.title).toContain('15 January 2024');
    expect(london.text).toContain('Coffee talks resume');
    expect(london.reply.footer).not.toContain('late');
  });

  const dstDays = [
    {
      name: 'London spring forward',
      zone: 'Europe/London',
      day: '2024-03-31',
      times: { '08:00': '2024-03-31T07:00:00.000Z', '01:30': '2024-03-31T01:30:00.000Z' },
    },
    {
      name: 'London fall back',
      zone: 'Europe/London',
      day: '2024-10-27',
      times: { '08:00': '2024-10-27T08:00:00.000Z', '01:30': '2024-10-27T00:30:00.000Z' },
    },
    {
      name: 'New York spring forward',
      zone: 'America/New_York',
      day: '2024-03-10',
      times: { '08:00': '2024-03-10T12:00:00.000Z', '02:30': '2024-03-10T07:30:00.000Z' },
    },
    {
      name: 'New York fall back',
      zone: 'America/New_York',
      day: '2024-11-03',
      times: { '08:00': '2024-11-03T13:00:00.000Z', '01:30': '2024-11-03T05:30:00.000Z' },
    },
  ] as const;

  for (const c of dstDays) {
    it(`posts once on the ${c.name} day, including a time inside the changed hour`, async () => {
      const [y, m, d] = c.day.split('-').map(Number) as [number, number, number];
      const dayStart = Date.UTC(y, m - 1, d);
      const from = new Date(dayStart - 12 * 3_600_000).toISOString();
      const to = new Date(dayStart + 36 * 3_600_000).toISOString();
      fx = createDigestFixture(new Date(Date.parse(from) - 60_000).toISOString());
      for (const time of Object.keys(c.times)) await fx.subscribe({ channelId: `at-${time}`, time, timezone: c.zone });
      await fx.runMinutes(fx.scheduler(), from, to);
      for (const [time, expected] of Object.entries(c.times)) {
        const posted = fx.transport.inChannel(`at-${time}`).map((msg) => ({
          day: /digest \d+\/(\d{4}-\d{2}-\d{2})/.exec(msg.reply.footer ?? '')?.[1],
          at: msg.at.toISOString(),
        }));
        // Once per local day, and on the day of the change exactly at the expected instant.
        expect(new Set(posted.map((p) => p.day)).size).toBe(posted.length);
        expect(posted.filter((p) => p.day === c.day)).toEqual([{ day: c.day, at: expected }]);
      }
    });
  }

  it('after a restart past the time posts the late digest once, marked late', async () => {
    fx = createDigestFixture('2024-02-01T00:00:00Z');
    await fx.addStories([
      story('Port strike ends', 'Dock workers in Rotterdam ended their strike on Wednesday after a pay deal.', '2024-02-01T05:00:00Z'),
    ]);
    const id = await fx.subscribe({ channelId: 'news', time: '08:00', timezone: 'Europe/London' });
    await fx.runMinutes(fx.scheduler(), '2024-02-01T06:00:00Z', '2024-02-01T07:00:00Z');
    expect(fx.transport.messages).toHaveLength(0);

    // Down from 07:00 to 10:15; a new process starts.
    const restarted = fx.scheduler(fx.connect());
    fx.clock.set(new Date('2024-02-01T10:15:00Z'));
    const report = await restarted.tick();
    expect(report.late).toEqual([`${id}/2024-02-01`]);
    await fx.runMinutes(restarted, '2024-02-01T10:16:00Z', '2024-02-01T12:00:00Z');
    const posted = fx.transport.inChannel('news');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.reply.footer).toContain('late');
    expect(posted[0]!.text).toContain('Posted late');
    expect(await fx.main.subscriptions.getDelivery(id, '2024-02-01')).toMatchObject({ status: 'delivered', late: true });

    // The next day's digest is on time and starts where the late one ended.
    await fx.runMinutes(restarted, '2024-02-02T07:58:00Z', '2024-02-02T08:02:00Z');
    expect(postTimes('news')).toEqual(['2024-02-01T10:15:00.000Z', '2024-02-02T08:00:00.000Z']);
    expect(await fx.main.subscriptions.getDelivery(id, '2024-02-02')).toMatchObject({ since: '2024-02-01T10:15:00.000Z', late: false });
  });

  it('two schedulers on one database file post once', async () => {
    fx = createDigestFixture('2024-05-01T00:00:00Z');
    for (let i = 0; i < 6; i++)
      await fx.subscribe({ channelId: `c${i}`, time: `0${i}:00`, timezone: i % 2 ? 'America/New_York' : 'Europe/Paris' });
    const a = fx.scheduler(fx.connect());
    const b = fx.scheduler(fx.connect());
    await fx.runMinutes([a, b], '2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z');
    for (let i = 0; i < 6; i++) {
      const days = fx.transport.inChannel(`c${i}`).map((m) => /digest \d+\/(\S+) part/.exec(m.reply.footer ?? '')?.[1]);
      expect(days.length).toBeGreaterThan(0);
      expect(new Set(days).size).toBe(days.length);
    }
  });

  it('resolves an open intent whose digest is already in the channel without posting again', async () => {
    fx = createDigestFixture('2024-06-01T07:00:00Z');
    await fx.addStories([
      story('Bridge reopens', 'The old bridge over the river reopened to traffic on Saturday morning.', '2024-06-01T06:00:00Z'),
    ]);
    const id = await fx.subscribe({ channelId: 'news', time: '08:00', timezone: 'UTC' });
    // The first process posts, then dies before recording it.
    fx.transport.behave('news', (n) => (n === 1 ? 'post-then-hang' : 'post'));
    const crashed = fx.scheduler(fx.main, { sendTimeoutMs: 3_600_000 });
    fx.clock.set(new Date('2024-06-01T08:00:00Z'));
    void crashed.tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fx.transport.inChannel('news')).toHaveLength(1);
    expect(await fx.main.subscriptions.getDelivery(id, '2024-06-01')).toMatchObject({ status: 'pending', owner: 'process-1' });

    // A restarted process finds the intent once the crashed claim's lease ran out.
    const restarted = fx.scheduler(fx.connect());
    fx.clock.set(new Date('2024-06-01T08:01:00Z'));
    expect((await restarted.tick()).resolved).toEqual([]);
    fx.clock.set(new Date('2024-06-01T08:03:00Z'));
    const report = await restarted.tick();
    expect(report.resolved).toEqual([`${id}/2024-06-01`]);
    expect(fx.transport.inChannel('news')).toHaveLength(1);
    expect(await fx.main.subscriptions.getDelivery(id, '2024-06-01')).toMatchObject({ status: 'delivered', messageIds: ['m1'] });
  });

  it('a process paused before posting does not post after another took over its expired claim', async () => {
    fx = createDigestFixture('2024-06-01T07:00:00Z');
    await fx.addStories([
      story('Ferry resumes', 'The island ferry resumed its crossings on Saturday after the storm.', '2024-06-01T06:00:00Z'),
    ]);
    const id = await fx.subscribe({ channelId: 'news', time: '08:00', timezone: 'UTC' });
    let wake!: () => void;
    const paused = new Promise<void>((resolve) => (wake = resolve));
    // B claims at 08:00 and is stopped (SIGSTOP) before its post goes out.
    fx.transport.behave('news', (n) => (n === 1 ? { pauseUntil: paused } : 'post'));
    const b = fx.scheduler(fx.connect());
    fx.clock.set(new Date('2024-06-01T08:00:00Z'));
    const bTick = b.tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fx.main.subscriptions.getDelivery(id, '2024-06-01')).toMatchObject({
      status: 'pending',
      owner: 'process-1',
      leaseVersion: 0,
    });

    // A takes over at +120 s, when B's lease has run out, and posts.
    const a = fx.scheduler(fx.connect());
    fx.clock.set(new Date('2024-06-01T08:02:00Z'));
    expect((await a.tick()).delivered).toEqual([`${id}/2024-06-01`]);
    expect(fx.transport.inChannel('news')).toHaveLength(1);

    // B wakes at +150 s: its claim is no longer the current one, so it posts nothing.
    fx.clock.set(new Date('2024-06-01T08:02:30Z'));
    wake();
    const report = await bTick;
    expect(report.delivered).toEqual([]);
    expect(report.retrying).toEqual([]);
    expect(fx.transport.inChannel('news')).toHaveLength(1);
    expect(fx.transport.attempts.map((x) => x.outcome)).toEqual(['posted', 'cancelled']);
    expect(await fx.main.subscriptions.getDelivery(id, '2024-06-01')).toMatchObject({
      status: 'delivered',
      owner: 'process-2',
      leaseVersion: 1,
    });
    expect(fx.log.entries.some((e) => String(e.msg).includes('claim lost'))).toBe(true);
  });

  it('a send that failed after the message was created (502, timeout) is found in the channel, not posted again', async () => {
    fx = createDigestFixture('2024-06-01T07:00:00Z');
    const id = await fx.subscribe({ channelId: 'news', time: '08:00', timezone: 'UTC' });
    fx.transport.behave('news', (n) => (n === 1 ? 'post-then-fail' : 'post'));
    const scheduler = fx.scheduler();
    await fx.runMinutes(scheduler, '2024-06-01T07:59:00Z', '2024-06-01T08:30:00Z');
    expect(fx.transport.inChannel('news')).toHaveLength(1);
    expect(await fx.main.subscriptions.getDelivery(id, '2024-06-01')).toMatchObject({
      status: 'delivered',
      attempts: 1,
      messageIds: ['m1'],
    });
  });

  it('gives every part of a digest its own nonce, the same on every attempt and in every process', async () => {
    const { messageNonce } = await import('../../src/transports/transport.js');
    const nonces = [
      messageNonce('digest', 1, '2024-06-01', 0),
      messageNonce('digest', 1, '2024-06-01', 1),
      messageNonce('digest', 2, '2024-06-01', 0),
    ];
    expect(new Set(nonces).size).toBe(3);
    expect(messageNonce('digest', 1, '2024-06-01', 0)).toBe(nonces[0]);
    for (const n of nonces) expect(n.length).toBeLessThanOrEqual(25);
  });

  it('re-sends an open intent whose digest never reached the channel', async () => {
    fx = createDigestFixture('2024-06-01T07:00:00Z');
    const id = await fx.subscribe({ channelId: 'news', time: '08:00', timezone: 'UTC' });
    fx.transport.behave('news', (n) => (n === 1 ? 'hang' : 'post'));
    const crashed = fx.scheduler(fx.main, { sendTimeoutMs: 3_600_000 });
    fx.clock.set(new Date('2024-06-01T08:00:00Z'));
    void crashed.tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const restarted = fx.scheduler(fx.connect());
    fx.clock.set(new Date('2024-06-01T08:05:00Z'));
    const report = await restarted.tick();
    expect(report.delivered).toEqual([`${id}/2024-06-01`]);
    expect(fx.transport.inChannel('news')).toHaveLength(1);
  });

  it('retries a failing channel with backoff, then pauses it, without holding up other channels', async () => {
    fx = createDigestFixture('2024-07-01T00:00:00Z');
    await fx.addStories([
      story('Harvest begins', 'Farmers in the south began the wheat harvest a week early this year.', '2024-07-01T04:00:00Z'),
    ]);
    const broken = await fx.subscribe({ channelId: 'broken', time: '08:00', timezone: 'UTC' });
    await fx.subscribe({ channelId: 'hanging', time: '08:00', timezone: 'UTC' });
    await fx.subscribe({ channelId: 'fine', time: '08:00', timezone: 'UTC' });
    fx.transport.behave('broken', new Error('Missing Permissions'));
    fx.transport.behave('hanging', 'hang');
    const scheduler = fx.scheduler(fx.main, { sendTimeoutMs: 30 });

    fx.clock.set(new Date('2024-07-01T08:00:00Z'));
    const first = await scheduler.tick();
    expect(first.delivered).toEqual([expect.stringMatching(/^\d+\/2024-07-01$/)]);
    expect(fx.transport.inChannel('fine')).toHaveLength(1);
    expect(first.retrying).toHaveLength(2);

    await fx.runMinutes(scheduler, '2024-07-01T08:01:00Z', '2024-07-01T10:00:00Z');
    const tries = fx.transport.attempts.filter((a) => a.target.channelId === 'broken').map((a) => a.at.toISOString());
    // 5 attempts, spaced 1, 2, 5 and 15 minutes apart.
    expect(tries).toEqual([
      '2024-07-01T08:00:00.000Z',
      '2024-07-01T08:01:00.000Z',
      '2024-07-01T08:03:00.000Z',
      '2024-07-01T08:08:00.000Z',
      '2024-07-01T08:23:00.000Z',
    ]);
    const sub = (await fx.main.subscriptions.get(broken))!;
    expect(sub.pausedAt).not.toBeNull();
    expect(sub.pauseReason).toContain('Missing Permissions');
    expect(await fx.main.subscriptions.getDelivery(broken, '2024-07-01')).toMatchObject({ status: 'failed', attempts: 5 });

    // Paused: nothing the next day; the others carry on.
    await fx.runMinutes(scheduler, '2024-07-02T07:59:00Z', '2024-07-02T08:02:00Z');
    expect(fx.transport.attempts.filter((a) => a.target.channelId === 'broken')).toHaveLength(5);
    expect(fx.transport.inChannel('fine')).toHaveLength(2);
  });

  it('a quiet subscription posts nothing on an empty day; others post a short note', async () => {
    fx = createDigestFixture('2024-08-01T00:00:00Z');
    const quiet = await fx.subscribe({ channelId: 'quiet', time: '08:00', timezone: 'UTC', quiet: true });
    await fx.subscribe({ channelId: 'loud', time: '08:00', timezone: 'UTC' });
    fx.clock.set(new Date('2024-08-01T08:00:00Z'));
    const report = await fx.scheduler().tick();
    expect(report.skipped).toEqual([`${quiet}/2024-08-01`]);
    expect(fx.transport.inChannel('quiet')).toHaveLength(0);
    expect(fx.transport.inChannel('loud')[0]!.text).toContain('No new stories');
  });

  it('only posts to targets it owns (Discord shards, shell channels)', async () => {
    fx = createDigestFixture('2024-08-01T00:00:00Z');
    await fx.subscribe({ channelId: 'shell', time: '08:00', timezone: 'UTC' });
    await fx.subscribe({ channelId: '123456789012345678', guildId: '223456789012345678', time: '08:00', timezone: 'UTC' });
    fx.clock.set(new Date('2024-08-01T08:00:00Z'));
    await fx.scheduler(fx.main, { ownsTarget: (t) => t.guildId === null }).tick();
    expect(fx.transport.messages.map((m) => m.target.channelId)).toEqual(['shell']);
  });

  it("another shard's process takes over a digest whose owner died mid-send, or never claimed it, and it is posted once", async () => {
    fx = createDigestFixture('2024-08-01T00:00:00Z');
    const guildA = '223456789012345678';
    const guildB = '323456789012345678';
    const a = await fx.subscribe({ channelId: '123456789012345671', guildId: guildA, time: '08:00', timezone: 'UTC' });
    const b = await fx.subscribe({ channelId: '123456789012345672', guildId: guildB, time: '08:00', timezone: 'UTC' });
    // Process 1 owns guild A, process 2 guild B; both can post anywhere over REST.
    const shardOptions = (guild: string): Parameters<DigestFixture['scheduler']>[1] => ({
      ownsTarget: (t) => t.guildId === guild,
      canPost: (t) => t.guildId !== null,
      sendTimeoutMs: 3_600_000,
    });
    fx.transport.behave('123456789012345671', (n) => (n === 1 ? 'hang' : 'post'));
    const one = fx.scheduler(fx.main, shardOptions(guildA));
    const two = fx.scheduler(fx.connect(), shardOptions(guildB));
    fx.clock.set(new Date('2024-08-01T08:00:00Z'));
    void one.tick(); // hangs in the send of guild A's digest: then the process dies
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await two.tick()).delivered).toEqual([`${b}/2024-08-01`]);
    // While the dead process's lease runs, the other leaves guild A alone ...
    fx.clock.set(new Date('2024-08-01T08:01:00Z'));
    expect((await two.tick()).delivered).toEqual([]);
    // ... then takes it over.
    fx.clock.set(new Date('2024-08-01T08:03:00Z'));
    expect((await two.tick()).delivered).toEqual([`${a}/2024-08-01`]);
    expect(fx.transport.inChannel('123456789012345671')).toHaveLength(1);

    // The next day process 1 is gone for good: after a few minutes process 2 posts guild A's digest too.
    fx.clock.set(new Date('2024-08-02T08:00:00Z'));
    expect((await two.tick()).delivered).toEqual([`${b}/2024-08-02`]);
    fx.clock.set(new Date('2024-08-02T08:02:00Z'));
    expect((await two.tick()).delivered).toEqual([]);
    fx.clock.set(new Date('2024-08-02T08:03:00Z'));
    expect((await two.tick()).delivered).toEqual([`${a}/2024-08-02`]);
    for (const channel of ['123456789012345671', '123456789012345672']) expect(fx.transport.inChannel(channel)).toHaveLength(2);
  });
});
