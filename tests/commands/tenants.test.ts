/**
 * Servers are tenants (issue 18): /feeds and /digest in server B neither see nor change server A's
 * feeds, channels and subscriptions, each server has its caps, and the operator's feeds are shown as
 * such and removed only by the operator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SERVER, type Caller, type ChannelDirectory } from '../../src/core/command.js';
import { createFixedClock } from '../../src/core/clock.js';
import { dispatchAutocomplete } from '../../src/core/dispatch.js';
import { storeVisibleTo } from '../../src/digest/visible-store.js';
import { readFixture, serveWithEtag, startFeedServer, type FeedServer } from '../feeds/feed-server.js';
import { askCommand, createTestServices, type TestServices } from '../helpers/test-services.js';

const GUILD_A = '100000000000000001';
const GUILD_B = '200000000000000002';
const CHANNEL_A = '100000000000000011';
const CHANNEL_B = '200000000000000022';

/** What the Discord transport answers: each channel's guild; unknown channels are nobody's. */
const directory: ChannelDirectory = {
  guildOf: (channelId) => Promise.resolve({ [CHANNEL_A]: GUILD_A, [CHANNEL_B]: GUILD_B }[channelId]),
};
const inGuild = (guildId: string, channelId: string): Caller => ({
  userId: `admin-${guildId}`,
  userName: 'admin',
  channelId,
  guildId,
  canManageGuild: true,
  channels: directory,
});
const a = inGuild(GUILD_A, CHANNEL_A);
const b = inGuild(GUILD_B, CHANNEL_B);
/** A Discord user in a direct message: no server, and not the operator. */
const dm: Caller = { userId: 'reader', userName: 'reader', channelId: 'dm-1', guildId: NO_SERVER, canManageGuild: false };

interface FeedJson {
  url: string;
  operator: boolean;
  channels: { channelId: string }[];
}
const listed = (data: unknown): FeedJson[] => (data as { feeds: FeedJson[] }).feeds;

describe('servers are tenants', () => {
  let services: TestServices;
  let server: FeedServer;
  beforeAll(async () => {
    services = await createTestServices({
      clock: createFixedClock(new Date('2026-02-12T00:00:00Z')),
      feedOptions: { allowPrivateAddresses: true },
    });
    server = await startFeedServer();
    server.route(
      '/a',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    server.route(
      '/b',
      serveWithEtag(() => readFixture('valley-atom.xml'), 'application/atom+xml'),
    );
    server.route(
      '/ops',
      serveWithEtag(() => readFixture('harbour-rss-next.xml')),
    );
    await services.feeds.ensureConfigured([server.url('/ops')]);
    expect((await askCommand(services, `/feeds add url:${server.url('/a')} channel:${CHANNEL_A}`, a)).isError).toBeFalsy();
    expect((await askCommand(services, `/feeds add url:${server.url('/b')}`, b)).isError).toBeFalsy();
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await services.close();
  });

  it("/feeds list shows a server its own feeds and the operator's, never another server's", async () => {
    const inB = await askCommand(services, '/feeds list', b);
    expect(listed(inB.data).map((f) => f.url)).toEqual([server.url('/ops'), server.url('/b')]);
    expect(JSON.stringify(inB)).not.toContain(server.url('/a'));
    expect(JSON.stringify(inB)).not.toContain(CHANNEL_A);
    expect(inB.fields[0]!.name).toMatch(/\(operator feed\)$/);
    expect(listed(inB.data)[0]!.operator).toBe(true);
    const inA = await askCommand(services, '/feeds list', a);
    expect(listed(inA.data).map((f) => f.url)).toEqual([server.url('/ops'), server.url('/a')]);
    // The operator (local shell, no guild) sees everything.
    const local = await askCommand(services, '/feeds list');
    expect(listed(local.data)).toHaveLength(3);
  });

  it("autocomplete offers only the server's own and the operator's feeds", async () => {
    const ask = (guildId: string) =>
      dispatchAutocomplete(services.app.registry, 'feeds', {
        options: {},
        subcommand: 'remove',
        focused: { name: 'url', value: '' },
        services,
        guildId,
      });
    expect((await ask(GUILD_B)).map((c) => c.value)).toEqual([server.url('/ops'), server.url('/b')]);
    expect((await ask(GUILD_A)).map((c) => c.value)).toEqual([server.url('/ops'), server.url('/a')]);
  });

  it("server B cannot remove server A's feed or its channel, nor the operator's feed", async () => {
    const feed = await askCommand(services, `/feeds remove url:${server.url('/a')}`, b);
    expect(feed).toMatchObject({ isError: true });
    expect(feed.text).toMatch(/No feed .* is polled/);
    const channel = await askCommand(services, `/feeds remove url:${server.url('/a')} channel:${CHANNEL_A}`, b);
    expect(channel.isError).toBe(true);
    const ops = await askCommand(services, `/feeds remove url:${server.url('/ops')}`, b);
    expect(ops).toMatchObject({ isError: true, data: { error: 'operator_feed' } });
    expect((await services.feeds.get(server.url('/a')))!.channels).toEqual([{ guildId: GUILD_A, channelId: CHANNEL_A }]);
    expect(await services.feeds.get(server.url('/ops'))).not.toBeNull();
  });

  it("a server cannot name another server's channel for posts", async () => {
    const r = await askCommand(services, `/feeds add url:${server.url('/b')} channel:${CHANNEL_A}`, b);
    expect(r).toMatchObject({ isError: true, data: { error: 'foreign_channel' } });
    expect((await services.feeds.get(server.url('/b')))!.channels).toEqual([]);
  });

  it('the same URL added by two servers is polled once; each removes only its own share', async () => {
    expect((await askCommand(services, `/feeds add url:${server.url('/a')} channel:${CHANNEL_B}`, b)).isError).toBeFalsy();
    expect((await services.feeds.get(server.url('/a')))!.owners).toEqual([GUILD_A, GUILD_B]);
    const inB = await askCommand(services, '/feeds list', b);
    const shared = listed(inB.data).find((f) => f.url === server.url('/a'))!;
    expect(shared.channels.map((c) => c.channelId)).toEqual([CHANNEL_B]);
    const removed = await askCommand(services, `/feeds remove url:${server.url('/a')}`, b);
    expect(removed.text).toMatch(/Stopped polling .* for this server/);
    const left = (await services.feeds.get(server.url('/a')))!;
    expect(left.owners).toEqual([GUILD_A]);
    expect(left.channels).toEqual([{ guildId: GUILD_A, channelId: CHANNEL_A }]);
    // A's last share gone: the feed goes.
    await askCommand(services, `/feeds remove url:${server.url('/a')}`, a);
    expect(await services.feeds.get(server.url('/a'))).toBeNull();
  });

  it("/digest subscribe and preview refuse another server's channel (no takeover, no leaked filter)", async () => {
    const sub = await askCommand(services, `/digest subscribe channel:${CHANNEL_A} time:08:00 timezone:UTC about:harbour`, a);
    expect(sub.isError).toBeFalsy();
    const takeover = await askCommand(services, `/digest subscribe channel:${CHANNEL_A} time:09:00 timezone:UTC`, b);
    expect(takeover).toMatchObject({ isError: true, data: { error: 'foreign_channel' } });
    expect(await services.subscriptions.byChannel(CHANNEL_A)).toMatchObject({ guildId: GUILD_A, time: '08:00', about: 'harbour' });
    const peek = await askCommand(services, `/digest preview channel:${CHANNEL_A}`, b);
    expect(peek).toMatchObject({ isError: true, data: { error: 'foreign_channel' } });
    expect(JSON.stringify(peek)).not.toContain('harbour');
    const unknown = await askCommand(services, '/digest preview channel:300000000000000033', b);
    expect(unknown).toMatchObject({ isError: true, data: { error: 'foreign_channel' } });
    const own = await askCommand(services, `/digest preview channel:${CHANNEL_B}`, b);
    expect(own.isError).toBeFalsy();
  });

  it('caps feeds and subscriptions per server (configurable)', async () => {
    const capped = await createTestServices({
      clock: createFixedClock(new Date('2026-02-12T00:00:00Z')),
      feedOptions: { allowPrivateAddresses: true },
      tenancy: { maxFeedsPerGuild: 1, maxSubscriptionsPerGuild: 1 },
    });
    try {
      const guildC = '300000000000000003';
      const [c1, c2] = ['300000000000000031', '300000000000000032'];
      const c: Caller = {
        userId: 'admin-c',
        userName: 'admin',
        channelId: c1,
        guildId: guildC,
        canManageGuild: true,
        channels: { guildOf: (id) => Promise.resolve(id.startsWith('3') ? guildC : undefined) },
      };
      expect((await askCommand(capped, `/feeds add url:${server.url('/ops')}`, c)).isError).toBeFalsy();
      const second = await askCommand(capped, `/feeds add url:${server.url('/b')}`, c);
      expect(second).toMatchObject({ isError: true, data: { error: 'feed_limit', limit: 1 } });
      // Adding a channel to a feed it has already is not a new feed.
      expect((await askCommand(capped, `/feeds add url:${server.url('/ops')} channel:${c1}`, c)).isError).toBeFalsy();
      // Another server has its own allowance.
      expect((await askCommand(capped, `/feeds add url:${server.url('/b')}`, b)).isError).toBeFalsy();

      expect((await askCommand(capped, `/digest subscribe channel:${c1} time:08:00 timezone:UTC`, c)).isError).toBeFalsy();
      const over = await askCommand(capped, `/digest subscribe channel:${c2} time:08:00 timezone:UTC`, c);
      expect(over).toMatchObject({ isError: true, data: { error: 'subscription_limit', limit: 1 } });
      // Changing the existing subscription is not a new one.
      expect((await askCommand(capped, `/digest subscribe channel:${c1} time:09:00 timezone:UTC`, c)).isError).toBeFalsy();
    } finally {
      await capped.close();
    }
  }, 60_000);
});

describe("stories fetched for one server's feed (DATELINE_FEED_STORIES)", () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route(
      '/a',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    // A story of A's second feed with a real place and a quotation, both things /where and /quote show.
    server.route(
      '/mosul-desk',
      serveWithEtag(
        () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Desk</title><link>https://desk.example/</link><description>Test desk</description>
<item><title>Bridge over the Tigris reopens in Mosul</title><link>https://desk.example/bridge</link>
<pubDate>Wed, 11 Feb 2026 07:00:00 +0000</pubDate>
<description>MOSUL, Iraq -- The old bridge over the Tigris in Mosul reopened to traffic on Wednesday after two years of work. "Every family in the old city crosses it," engineer Salwa Haddad said.</description></item>
</channel></rss>`,
      ),
    );
    server.route(
      '/ops',
      serveWithEtag(() => readFixture('valley-atom.xml'), 'application/atom+xml'),
    );
    // B's own feed: one story of the same place, quoting someone no other story quotes.
    server.route(
      '/b-desk',
      serveWithEtag(
        () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>River Desk</title><link>https://river.example/</link><description>Test desk</description>
<item><title>Market stalls return to the old city of Mosul</title><link>https://river.example/market</link>
<pubDate>Tue, 10 Feb 2026 07:00:00 +0000</pubDate>
<description>MOSUL, Iraq -- Market stalls returned to the old city of Mosul on Tuesday after the winter rains. "The traders came back before the tourists did," shopkeeper Karim Nasser said.</description></item>
</channel></rss>`,
      ),
    );
  });
  afterAll(() => server.close());

  async function servicesWith(feedStories: 'shared' | 'own-server'): Promise<TestServices> {
    const s = await createTestServices({
      clock: createFixedClock(new Date('2026-02-12T00:00:00Z')),
      feedOptions: { allowPrivateAddresses: true },
      tenancy: { maxFeedsPerGuild: 20, maxSubscriptionsPerGuild: 10, feedStories },
    });
    await s.feeds.ensureConfigured([server.url('/ops')]);
    await s.feeds.pollDue();
    expect((await askCommand(s, `/feeds add url:${server.url('/a')}`, a)).isError).toBeFalsy();
    expect((await askCommand(s, `/feeds add url:${server.url('/mosul-desk')}`, a)).isError).toBeFalsy();
    expect((await askCommand(s, `/feeds add url:${server.url('/b-desk')}`, b)).isError).toBeFalsy();
    return s;
  }
  const titles = (r: { data?: unknown }): string[] => ((r.data as { results?: { title: string }[] }).results ?? []).map((x) => x.title);
  const window = async (s: TestServices, guildId: string | null): Promise<string[]> =>
    (
      await storeVisibleTo(s.store, guildId, (g, items) => s.feeds.visibleTo(g, items)).digest.digestCandidates(
        new Date('2026-01-01T00:00:00Z'),
        new Date('2026-02-12T00:00:00Z'),
        100,
      )
    ).map((c) => c.headline);

  it("own-server: only the servers whose feeds brought a story see it in /search and digests; operator feeds are everyone's", async () => {
    const s = await servicesWith('own-server');
    try {
      expect(titles(await askCommand(s, '/search Gull Island ferry', a))).toContain(
        'Ferry service to Gull Island resumes after storm repairs',
      );
      const inB = await askCommand(s, '/search Gull Island ferry', b);
      expect(titles(inB)).not.toContain('Ferry service to Gull Island resumes after storm repairs');
      expect(titles(await askCommand(s, '/search orchard blossom', b))).toContain('Orchard growers expect an early blossom');
      // Nor in /latest, /summary (by id, by headline, by search words, the default latest) or its autocomplete.
      const ferry = 'Ferry service to Gull Island resumes after storm repairs';
      const ferryId = (
        (await askCommand(s, '/search Gull Island ferry', a)).data as { results: { id: string; title: string }[] }
      ).results.find((r) => r.title === ferry)!.id;
      expect(titles(await askCommand(s, '/latest count:10', a))).toContain(ferry);
      expect(titles(await askCommand(s, '/latest count:10', b))).not.toContain(ferry);
      expect(titles(await askCommand(s, '/latest count:10', b)).length).toBeGreaterThan(0);
      expect((await askCommand(s, `/summary article:${ferryId}`, a)).title).toBe(ferry);
      for (const ask of [`/summary article:${ferryId}`, `/summary article:${ferry}`, '/summary about:Gull Island ferry', '/summary']) {
        const answer = await askCommand(s, ask, b);
        expect(answer.title, ask).not.toBe(ferry);
      }
      const suggest = (guildId: string) =>
        dispatchAutocomplete(s.app.registry, 'summary', {
          options: {},
          subcommand: null,
          focused: { name: 'article', value: 'Ferry service' },
          services: s,
          guildId,
        });
      expect((await suggest(GUILD_A)).map((c) => c.value)).toContain(ferryId);
      expect((await suggest(GUILD_B)).map((c) => c.value)).not.toContain(ferryId);
      expect(await window(s, GUILD_B)).not.toContain('Lighthouse museum opens a room of storm logs');
      expect(await window(s, GUILD_B)).toContain('Bridge toll unchanged for 2026');
      expect(await window(s, GUILD_A)).toContain('Lighthouse museum opens a room of storm logs');
      // The operator (local shell) sees everything; B adding the same feed shares its stories with B.
      expect(await window(s, null)).toContain('Lighthouse museum opens a room of storm logs');
      await askCommand(s, `/feeds add url:${server.url('/a')}`, b);
      await s.feeds.poll([server.url('/a')]);
      expect(await window(s, GUILD_B)).toContain('Lighthouse museum opens a room of storm logs');
    } finally {
      await s.close();
    }
  }, 60_000);

  const quoted = (r: { data?: unknown }): string[] => ((r.data as { quotes?: { text: string }[] }).quotes ?? []).map((q) => q.text);
  const mentionIds = (r: { data?: unknown }): string[] =>
    ((r.data as { mentions?: { articleId: string }[] }).mentions ?? []).map((m) => m.articleId);

  it("own-server: /quote and /where's latest mentions quote no story only another server's feed brought", async () => {
    const s = await servicesWith('own-server');
    try {
      const inA = await askCommand(s, '/quote speaker:Haddad', a);
      expect(quoted(inA).join(' ')).toContain('Every family in the old city crosses it');
      const inB = await askCommand(s, '/quote speaker:Haddad', b);
      expect(inB.isError).toBe(true);
      expect(quoted(await askCommand(s, '/quote', b)).join(' ')).not.toContain('Every family');
      expect(quoted(await askCommand(s, '/quote', b)).join(' ')).not.toContain('The new pier is stronger');
      const bridge = ((await askCommand(s, '/search Tigris bridge Mosul', a)).data as { results: { id: string }[] }).results[0]!.id;
      expect(mentionIds(await askCommand(s, '/where Mosul', a))).toContain(bridge);
      const whereB = await askCommand(s, '/where Mosul', b);
      expect(whereB.isError).toBeFalsy();
      expect(mentionIds(whereB)).not.toContain(bridge);
      expect(JSON.stringify(whereB)).not.toContain('old bridge over the Tigris');
    } finally {
      await s.close();
    }
  }, 60_000);

  /** What a server is told of Mosul and of the two quoted people: counts, charts' totals and the names offered. */
  async function countsSeenBy(s: TestServices, caller?: Caller) {
    const where = await askCommand(s, '/where Mosul', caller);
    const trendPlace = await askCommand(s, '/trend place:Mosul', caller);
    const trendSpeaker = async (name: string) => {
      const r = await askCommand(s, `/trend speaker:${name}`, caller);
      return r.isError ? 0 : (r.data as { series: { total: number }[] }).series[0]!.total;
    };
    const offered = async (command: 'quote' | 'trend', value: string) =>
      (
        await s.app.handler.complete({
          name: command,
          subcommand: null,
          options: {},
          focused: { name: 'speaker', value },
          ...(caller ? { guildId: caller.guildId } : {}),
        })
      ).map((c) => c.value);
    const quote = await askCommand(s, '/quote speaker:Nasser', caller);
    return {
      whereStories: (where.data as { stories: number }).stories,
      whereTimeline: (where.data as { timeline: { stories: number }[] }).timeline.reduce((n, p) => n + p.stories, 0),
      inTheNews: where.fields.find((f) => f.name === 'In the news')!.value,
      trendPlace: (trendPlace.data as { series?: { total: number }[] }).series?.[0]?.total ?? 0,
      haddad: await trendSpeaker('Haddad'),
      nasser: await trendSpeaker('Nasser'),
      offered: [...(await offered('quote', 'Nasser')), ...(await offered('trend', 'Haddad'))],
      quoteNasser: quote.isError ? 'none' : quote.chart ? 'with chart' : 'no chart',
    };
  }

  it("own-server: counts, charts and speaker names leave out what only another server's feed brought; the shell counts all", async () => {
    const s = await servicesWith('own-server');
    try {
      const all = await countsSeenBy(s);
      // The shell (no guild) counts both servers' stories: A's bridge and B's market, both Mosul.
      expect(all.haddad).toBe(1);
      expect(all.nasser).toBe(1);
      expect(all.offered).toEqual(['Karim Nasser', 'Salwa Haddad']);
      expect(all.quoteNasser).toBe('with chart');
      const inA = await countsSeenBy(s, a);
      const inB = await countsSeenBy(s, b);
      for (const seen of [all, inA, inB]) {
        expect(seen.whereTimeline).toBe(seen.whereStories);
        expect(seen.trendPlace).toBe(seen.whereStories);
        expect(seen.inTheNews).toContain(`${seen.whereStories} stored stor`);
      }
      // Each server's count is the whole store's less the other server's one Mosul story.
      expect(inA.whereStories).toBe(all.whereStories - 1);
      expect(inB.whereStories).toBe(all.whereStories - 1);
      expect(inA).toMatchObject({ haddad: 1, nasser: 0, offered: ['Salwa Haddad'], quoteNasser: 'none' });
      expect(inB).toMatchObject({ haddad: 0, nasser: 1, offered: ['Karim Nasser'], quoteNasser: 'with chart' });
      // Nothing of the other server's story in what B is told of Mosul or Haddad.
      expect(JSON.stringify(await askCommand(s, '/trend speaker:Haddad', b))).not.toContain('Salwa');
      // B's story count leaves out A's stories too.
      const storiesIn = async (caller?: Caller) => Number(/in ([\d,]+) stor/.exec((await askCommand(s, '/search Mosul', caller)).text)![1]);
      expect(await storiesIn(a)).toBeLessThan(await storiesIn());
      // A reader in a DM is in no server and is not the operator: neither server's stories count.
      const inDm = await countsSeenBy(s, dm);
      expect(inDm.whereStories).toBe(all.whereStories - 2);
      expect(inDm).toMatchObject({ haddad: 0, nasser: 0, offered: [], quoteNasser: 'none' });
      expect(titles(await askCommand(s, '/search Mosul', dm))).toEqual([]);
      expect(titles(await askCommand(s, '/search Mosul', a))).toContain('Bridge over the Tigris reopens in Mosul');
    } finally {
      await s.close();
    }
  }, 60_000);

  it('shared: every server counts what the shell counts', async () => {
    const s = await servicesWith('shared');
    try {
      const all = await countsSeenBy(s);
      expect(await countsSeenBy(s, a)).toEqual(all);
      expect(await countsSeenBy(s, b)).toEqual(all);
      expect(all).toMatchObject({ haddad: 1, nasser: 1, offered: ['Karim Nasser', 'Salwa Haddad'] });
    } finally {
      await s.close();
    }
  }, 60_000);

  it('shared (the default): every server sees every story', async () => {
    const s = await servicesWith('shared');
    try {
      expect(titles(await askCommand(s, '/search Gull Island ferry', b))).toContain(
        'Ferry service to Gull Island resumes after storm repairs',
      );
      expect(await window(s, GUILD_B)).toContain('Lighthouse museum opens a room of storm logs');
      expect(quoted(await askCommand(s, '/quote speaker:Haddad', b)).join(' ')).toContain('Every family in the old city crosses it');
    } finally {
      await s.close();
    }
  }, 60_000);
});
