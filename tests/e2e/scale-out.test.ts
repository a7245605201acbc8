/**
 * Issue 17 end to end: two real bot processes (`node scripts/run-entry.mjs src/main`), each running
 * one of two gateway shards (SHARD_COUNT=2, SHARD_IDS=0 and SHARD_IDS=1), against the fake Discord and
 * one PostgreSQL database, with the clock of both set by this test (DATELINE_CLOCK=parent: every
 * instant set runs both processes' digest and feed ticks). Checked: each guild's interaction is
 * answered by the one process holding its shard; a feed is fetched once per interval and its new
 * story posted once per channel, also when the poller dies mid-poll; a digest subscription is posted
 * once per local day when the sending process is killed with SIGKILL during the send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import { shardForGuild } from '../../src/transports/discord/shard-ownership.js';
import { readFixture, serveWithEtag, startFeedServer, withNewItem, type FeedServer } from '../feeds/feed-server.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';
import { makeBotDirs } from '../helpers/bot-dirs.js';
import { createTestDatabase, findPgServer } from '../helpers/postgres.js';
import { answerOf, embedsOf } from './bot-harness.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/fake-discord.js';

interface BotProcess {
  shard: number;
  child: ChildProcess;
  stderr: () => string;
  /** Set both the clock and run the ticks of that instant; resolves when they are done. */
  setClock(iso: string): Promise<void>;
  /** Kill -9: no shutdown, no release of anything it holds. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const server = await findPgServer();

describe.skipIf('unavailable' in server)('two bot processes, two shard sets, one PostgreSQL store (issue 17)', () => {
  const temp = makeTempDir('dateline-scale-e2e-');
  let fake: FakeDiscord;
  let feedServer: FeedServer;
  let database: { url: string; drop(): Promise<void> };
  let store: DatelineStore;
  let env: NodeJS.ProcessEnv;
  const bots = new Map<number, BotProcess>();

  function startBotProcess(shard: number, timeoutMs = 120_000): Promise<BotProcess> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['scripts/run-entry.mjs', 'src/main'], {
        cwd: repoRoot,
        env: { ...process.env, ...env, SHARD_IDS: String(shard) },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      let next = 0;
      const waiting = new Map<number, () => void>();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`bot (shard ${shard}) did not start; stderr:\n${stderr}`));
      }, timeoutMs);
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bot (shard ${shard}) exited with ${String(code)}; stderr:\n${stderr}`));
      });
      child.on('message', (message: { dateline?: string; id?: number }) => {
        if (message.dateline === 'clock-done') waiting.get(message.id!)?.();
        if (message.dateline !== 'clock-ready') return;
        clearTimeout(timer);
        const bot: BotProcess = {
          shard,
          child,
          stderr: () => stderr,
          setClock: (iso) =>
            new Promise<void>((done) => {
              const id = next++;
              waiting.set(id, done);
              child.send({ dateline: 'clock', id, now: iso });
            }),
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        };
        resolve(bot);
      });
    });
  }

  async function restart(shard: number): Promise<BotProcess> {
    const bot = await startBotProcess(shard);
    bots.set(shard, bot);
    return bot;
  }

  /** Both processes at the same instant, ticking concurrently. */
  const tickAll = (iso: string): Promise<void[]> => Promise.all([...bots.values()].map((b) => b.setClock(iso)));

  /** The guild (index into fake.guilds) that shard `shard` holds. */
  const guildOf = (shard: number): number => fake.guilds.findIndex((g) => shardForGuild(g.id, 2) === shard);
  const channelOf = (shard: number): string => fake.guilds[guildOf(shard)]!.channelId;
  const footers = (channelId: string): string[] =>
    fake.channelMessages(channelId).map((m) => ((m.embeds as { footer?: { text?: string } }[])[0]?.footer?.text ?? '').trim());
  const titles = (channelId: string): string[] =>
    fake.channelMessages(channelId).map((m) => (m.embeds as { title?: string }[])[0]?.title ?? '');

  beforeAll(async () => {
    if ('unavailable' in server) return;
    fake = await startFakeDiscord({ guildCount: 2 });
    feedServer = await startFeedServer();
    database = await createTestDatabase(server);
    const { dataDir, cacheDir } = makeBotDirs(temp.dir);
    env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_APPLICATION_ID: fake.applicationId,
      // Global commands: both guilds see them.
      DISCORD_GUILD_ID: '',
      DISCORD_PUBLIC_KEY: '',
      DATELINE_HTTP_PORT: '',
      DATELINE_DB: '',
      DATABASE_URL: database.url,
      SHARD_COUNT: '2',
      DATELINE_CLOCK: 'parent',
      DATELINE_DATA_DIR: dataDir,
      DATELINE_CACHE_DIR: cacheDir,
      DATELINE_MAPS_DIR: path.join(temp.dir, 'maps'),
      DATELINE_WATCH: 'off',
      DATELINE_FEEDS: '',
      DATELINE_FEED_INTERVAL: '10',
      DATELINE_FEEDS_ALLOW_PRIVATE: 'on',
      DATELINE_INGEST_THREADS: '0',
      DATELINE_LOG_LEVEL: 'debug',
    };
    // The fake's guild ids are a millisecond apart: one guild on each shard.
    expect(fake.guilds.map((g) => shardForGuild(g.id, 2)).sort()).toEqual([0, 1]);
    // Shard 0 first: it migrates the store and ingests the data folder; shard 1 finds it ready.
    await restart(0);
    await restart(1);
    store = await openStore(database.url);
  }, 300_000);

  afterAll(async () => {
    for (const bot of bots.values()) await bot.stop().catch(() => undefined);
    await store?.close();
    await feedServer?.close();
    await fake?.close();
    await database?.drop();
    temp.cleanup();
  }, 60_000);

  it('each process ran only its own shard, and only shard 0 ingested and registered the commands', () => {
    expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bots.get(0)!.stderr()).toMatch(/"msg":"ingested"/);
    expect(bots.get(1)!.stderr()).not.toMatch(/"msg":"ingested"/);
    expect(fake.requests.filter((r) => r.method === 'PUT' && /\/commands$/.test(r.path))).toHaveLength(1);
  });

  it("answers each guild's interaction from exactly one process: the one holding the guild's shard", async () => {
    for (const shard of [0, 1]) {
      for (let i = 0; i < 2; i++) {
        const interaction = fake.sendChatInput('latest', {}, { guildIndex: guildOf(shard) });
        const answer = await answerOf(fake, interaction, 30_000);
        expect(embedsOf(answer)[0]?.title ?? '').not.toBe('');
        // One reply to Discord (a reply, or a deferral then its edit), never two.
        expect(interaction.callbacks).toHaveLength(1);
        // The answering process logs it (debug) right after the answer went out.
        const answered = (b: BotProcess): boolean => b.stderr().includes(`"interactionId":"${interaction.id}"`);
        await fake.waitFor(() => [...bots.values()].some(answered) || null, 10_000, 'the log line of the answer');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect([...bots.values()].filter(answered).map((b) => b.shard)).toEqual([shard]);
      }
    }
    expect(fake.rejected()).toEqual([]);
  }, 120_000);

  it('polls a feed once per interval and posts its new story once in every channel, also when the poller dies mid-poll or mid-post', async () => {
    let body = readFixture('harbour-rss.xml');
    let hang = false;
    const serve = serveWithEtag(() => body);
    feedServer.route('/rss', (req, res) => {
      if (!hang) serve(req, res);
    });
    const url = feedServer.url('/rss');
    const start = new Date('2026-02-12T00:00:00Z');
    // Each guild added the feed for its own channel: the guilds are on different processes' shards.
    for (const shard of [0, 1]) {
      const guild = fake.guilds[guildOf(shard)]!;
      await store.feeds.addFeed({
        url,
        intervalMinutes: 10,
        origin: 'command',
        addedAt: start,
        addedBy: 'tester',
        channel: { guildId: guild.id, channelId: guild.channelId },
        guildId: guild.id,
      });
    }
    const at = (minutes: number): string => new Date(start.getTime() + minutes * 60_000).toISOString();
    const fetches = (): number => feedServer.requests.filter((r) => r.path === '/rss').length;
    const before = { 0: titles(channelOf(0)).length, 1: titles(channelOf(1)).length };
    const newPosts = (shard: 0 | 1): string[] => titles(channelOf(shard)).slice(before[shard]);

    // The first poll seeds the store: one fetch between the two processes, nothing posted.
    await tickAll(at(0));
    expect(fetches()).toBe(1);
    // Every interval both tick together: one fetch each time.
    body = readFixture('harbour-rss-next.xml');
    await tickAll(at(10));
    expect(fetches()).toBe(2);
    await tickAll(at(15)); // not due
    expect(fetches()).toBe(2);
    await tickAll(at(20));
    expect(fetches()).toBe(3);
    // The new story, once in each guild's channel, whichever process polled.
    for (const shard of [0, 1] as const) expect(newPosts(shard)).toEqual(['Fishing fleet returns early as fog closes the bay']);

    // Shard 0's process takes the next poll and is killed while its fetch hangs.
    hang = true;
    body = withNewItem(body, {
      title: 'Lighthouse keeper retires after forty winters',
      link: 'https://gazette.example/news/lighthouse',
      pubDate: 'Thu, 12 Feb 2026 00:25:00 +0000',
      text: 'The keeper of the Gull Island light retired on Thursday after forty winters on the rock, the port office said.',
    });
    void bots.get(0)!.setClock(at(30));
    await fake.waitFor(() => fetches() === 4 || null, 30_000, 'the poll of shard 0');
    await bots.get(0)!.kill();
    bots.delete(0);
    hang = false;
    // While the dead poller's lease runs, the survivor does not poll the feed ...
    await tickAll(at(35));
    expect(fetches()).toBe(4);
    // ... and one interval after the dead poll began (within two intervals), it does.
    await tickAll(at(40));
    expect(fetches()).toBe(5);
    for (const shard of [0, 1] as const)
      expect(newPosts(shard)).toEqual([
        'Fishing fleet returns early as fog closes the bay',
        'Lighthouse keeper retires after forty winters',
      ]);
    await tickAll(at(45));
    expect(fetches()).toBe(5);
    await restart(0);

    // Killed between storing a story and posting it: the posts wait in the store's outbox, and the
    // other process sends them once the dead one's claim has run out.
    body = withNewItem(body, {
      title: 'Ferry service resumes after the storm',
      link: 'https://gazette.example/news/ferry',
      pubDate: 'Thu, 12 Feb 2026 00:45:00 +0000',
      text: 'The island ferry sailed again on Thursday morning after two days in port, the operator said.',
    });
    const held = fake.holdNext({ method: 'POST', path: new RegExp(`^/channels/(${channelOf(0)}|${channelOf(1)})/messages$`) });
    void bots.get(0)!.setClock(at(50));
    await held.arrived;
    expect(fetches()).toBe(6);
    await bots.get(0)!.kill();
    bots.delete(0);
    await held.hungUp;
    held.release();
    await tickAll(at(51)); // the dead sender's claim still runs
    for (const shard of [0, 1] as const) expect(newPosts(shard)).toHaveLength(2);
    await tickAll(at(53));
    for (const shard of [0, 1] as const)
      expect(newPosts(shard)).toEqual([
        'Fishing fleet returns early as fog closes the bay',
        'Lighthouse keeper retires after forty winters',
        'Ferry service resumes after the storm',
      ]);
    await restart(0);
  }, 300_000);

  it('posts a digest once per local day when the sending process is killed with SIGKILL during the send', async () => {
    const created = new Date('2017-09-10T00:00:00Z');
    const ids = new Map<number, number>();
    for (const shard of [0, 1]) {
      const guild = fake.guilds[guildOf(shard)]!;
      const { subscription } = await store.subscriptions.subscribe(
        { guildId: guild.id, channelId: guild.channelId, time: '09:00', timezone: 'UTC', about: null, quiet: false, createdBy: 'tester' },
        created,
      );
      ids.set(shard, subscription.id);
    }
    const victim = 0;
    const survivor = 1;
    // Every message of the channel that is a part of a digest, as `day part n/N` (a long digest has several parts).
    const digestDays = (shard: number): string[] =>
      footers(channelOf(shard)).flatMap((f) => {
        const m = /digest \d+\/(\d{4}-\d{2}-\d{2}) part (\d+)\//.exec(f);
        return m ? [m[2] === '1' ? m[1]! : `${m[1]!} part ${m[2]!}`] : [];
      });

    // Day 1: the victim's digest POST is held before Discord creates it; the victim is killed in that send.
    const held = fake.holdNext({ method: 'POST', path: new RegExp(`^/channels/${channelOf(victim)}/messages$`) });
    void bots.get(victim)!.setClock('2017-09-10T09:00:00Z');
    await bots.get(survivor)!.setClock('2017-09-10T09:00:00Z');
    await held.arrived;
    await bots.get(victim)!.kill();
    bots.delete(victim);
    // Discord saw the connection drop before it created the message.
    await held.hungUp;
    held.release();
    expect(digestDays(victim)).toEqual([]);
    expect(digestDays(survivor)).toEqual(['2017-09-10']);
    // The claim's lease (2 minutes) still runs: nobody posts it yet; then the survivor takes it over.
    await tickAll('2017-09-10T09:01:00Z');
    expect(digestDays(victim)).toEqual([]);
    await tickAll('2017-09-10T09:03:00Z');
    expect(digestDays(victim)).toEqual(['2017-09-10']);

    // Day 2: Discord creates the victim's message, but its answer never reaches the victim, killed meanwhile.
    await restart(victim);
    fake.faultAfterCreate({ kind: 'delay', delayMs: 600_000 }, { channelId: channelOf(victim), times: 1 });
    void bots.get(victim)!.setClock('2017-09-11T09:00:00Z');
    await bots.get(survivor)!.setClock('2017-09-11T09:00:00Z');
    await fake.waitFor(() => digestDays(victim).length === 2 || null, 60_000, "day 2's digest created");
    await bots.get(victim)!.kill();
    bots.delete(victim);
    // The survivor finds the digest's marker in the channel and records it: no second post.
    await tickAll('2017-09-11T09:03:00Z');
    expect(await store.subscriptions.getDelivery(ids.get(victim)!, '2017-09-11')).toMatchObject({ status: 'delivered' });

    // Day 3: both processes up, each posts its own guild's digest.
    await restart(victim);
    await tickAll('2017-09-12T09:00:00Z');
    await tickAll('2017-09-12T09:05:00Z');

    for (const shard of [victim, survivor]) {
      expect(digestDays(shard)).toEqual(['2017-09-10', '2017-09-11', '2017-09-12']);
      for (const day of ['2017-09-10', '2017-09-11', '2017-09-12'])
        expect(await store.subscriptions.getDelivery(ids.get(shard)!, day)).toMatchObject({ status: 'delivered' });
    }
    expect(fake.rejected()).toEqual([]);
  }, 400_000);
});

describe('npm run start:sharded with SHARD_COUNT and SHARD_IDS', () => {
  it("runs only this machine's shards of the total, one process each", async () => {
    const temp = makeTempDir('dateline-sharded-e2e-');
    const fake = await startFakeDiscord({ guildCount: 4 });
    const { dataDir, cacheDir } = makeBotDirs(temp.dir, { sample: false });
    const manager = spawn(process.execPath, ['scripts/run-entry.mjs', 'src/transports/discord/sharded'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_GUILD_ID: '',
        DATELINE_DB: path.join(temp.dir, 'store.db'),
        DATELINE_DATA_DIR: dataDir,
        DATELINE_CACHE_DIR: cacheDir,
        DATELINE_MAPS_DIR: path.join(temp.dir, 'maps'),
        DATELINE_WATCH: 'off',
        DATELINE_FEEDS: '',
        DATELINE_INGEST_THREADS: '0',
        SHARD_COUNT: '4',
        SHARD_IDS: '3,1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    manager.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<void>((done) => manager.once('exit', () => done()));
    try {
      await fake.waitFor(() => /"msg":"all shards running"/.test(stderr) || null, 120_000, `all shards running; stderr:\n${stderr}`);
      expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
        [1, 4],
        [3, 4],
      ]);
      // Neither holds shard 0: the other machine registers the commands.
      expect(fake.requests.filter((r) => r.method === 'PUT' && /\/commands$/.test(r.path))).toEqual([]);
    } finally {
      manager.kill('SIGTERM');
      await exited;
      await fake.close();
      temp.cleanup();
    }
  }, 180_000);
});
