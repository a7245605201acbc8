import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data } from '../../commands/feeds.js';
import { createFixedClock } from '../../src/core/clock.js';
import { dispatchAutocomplete } from '../../src/core/dispatch.js';
import { askCommand, createTestServices, testCaller, type TestServices } from '../helpers/test-services.js';
import { readFixture, servePlain, serveWithEtag, startFeedServer, type FeedServer } from '../feeds/feed-server.js';

describe('/feeds', () => {
  let services: TestServices;
  let server: FeedServer;
  beforeAll(async () => {
    // The fixtures' items are from February 2026: a clock after them, or they would be "in the future".
    // The test server is on 127.0.0.1: allowed explicitly (the default refuses it, see the guard tests below).
    services = await createTestServices({
      clock: createFixedClock(new Date('2026-02-12T00:00:00Z')),
      feedOptions: { allowPrivateAddresses: true },
    });
    server = await startFeedServer();
    server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    server.route(
      '/atom',
      serveWithEtag(() => readFixture('valley-atom.xml'), 'application/atom+xml'),
    );
    server.route(
      '/down',
      servePlain(() => 'oops', 'text/plain', 500),
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await services.close();
  });

  it('is a guild-only command for Manage Server', () => {
    const json = data.toJSON();
    expect(json.default_member_permissions).toBe('32'); // ManageGuild
    expect(json.contexts).toEqual([0]); // Guild
    expect(json.options?.map((o) => o.name)).toEqual(['add', 'remove', 'list']);
  });

  it('refuses callers without Manage Server', async () => {
    const r = await askCommand(services, '/feeds list', { ...testCaller, canManageGuild: false });
    expect(r).toMatchObject({ isError: true, data: { error: 'forbidden' } });
  });

  it('adds a feed, polls it at once and stores its stories through the real analysis', async () => {
    const before = await services.store.stories.count();
    const r = await askCommand(services, `/feeds add url:${server.url('/rss')} channel:news interval:30`);
    expect(r.isError).toBeFalsy();
    expect(r.title).toBe('Feed added: Harbour Town Gazette & Wire');
    expect(r.text).toMatch(/^3 new stories stored, 0 already known\. Polled every 30 min\. New stories will be posted to #news/);
    expect(r.data).toMatchObject({
      created: true,
      feed: { url: server.url('/rss'), intervalMinutes: 30, channels: [{ channelId: 'news', guildId: null }] },
      poll: { outcome: 'ok', added: 3 },
    });
    expect(await services.store.stories.count()).toBe(before + 3);
    const [hit] = await services.store.stories.search('ferry Gull Island', 1);
    expect(hit!.source).toBe('Harbour Town Gazette & Wire');
    // The real analyzer ran: the quote of the harbour master is attributed.
    const quotes = await services.store.quotes.findQuotes({ speaker: 'Ruddle', limit: 5 });
    expect(quotes.length).toBeGreaterThan(0);
  });

  it('adds a failing feed and says the first poll failed', async () => {
    const r = await askCommand(services, `/feeds add url:${server.url('/down')}`);
    expect(r.isError).toBeFalsy();
    expect(r.text).toMatch(/The first poll failed: HTTP 500/);
  });

  it('lists feeds with their health', async () => {
    await askCommand(services, `/feeds add url:${server.url('/atom')}`);
    const r = await askCommand(services, '/feeds list');
    expect(r.text).toBe('3 feeds, 1 failing.');
    expect(r.fields.map((f) => f.name)).toEqual(['Harbour Town Gazette & Wire', server.url('/down'), 'Valley Desk']);
    expect(r.fields[0]!.value).toMatch(
      /ok, last success 2026-02-12 00:00 UTC · 3 stories added · every 30 min, next 2026-02-12 00:30 UTC · posts to #news/,
    );
    expect(r.fields[1]!.value).toMatch(/failing \(1 time in a row\): HTTP 500/);
    const feeds = (r.data as { feeds: { url: string; health: { itemsAdded: number } }[] }).feeds;
    expect(feeds.map((f) => f.health.itemsAdded)).toEqual([3, 0, 3]);
  });

  it('autocompletes feed URLs for remove', async () => {
    const choices = await dispatchAutocomplete(services.app.registry, 'feeds', {
      options: {},
      subcommand: 'remove',
      focused: { name: 'url', value: 'valley' },
      services,
    });
    expect(choices).toEqual([{ name: `Valley Desk (${server.url('/atom')})`, value: server.url('/atom') }]);
  });

  it('removes a channel, then the feed; unknown feeds are a user error', async () => {
    const url = server.url('/rss');
    const channelOff = await askCommand(services, `/feeds remove url:${url} channel:news`);
    expect(channelOff.text).toMatch(/no longer posts to #news; it is still polled/);
    expect((await services.feeds.get(url))!.channels).toEqual([]);
    const gone = await askCommand(services, `/feeds remove url:${url}`);
    expect(gone.text).toMatch(/^Stopped polling Harbour Town Gazette & Wire\. Its stories stay in the store\./);
    expect(await services.feeds.get(url)).toBeNull();
    const again = await askCommand(services, `/feeds remove url:${url}`);
    expect(again).toMatchObject({ isError: true, data: { removed: false } });
  });

  it('rejects a URL that is not http(s)', async () => {
    const r = await askCommand(services, '/feeds add url:file:///etc/passwd');
    expect(r).toMatchObject({ isError: true, data: { error: 'bad_url' } });
  });
});

describe('/feeds add without DATELINE_FEEDS_ALLOW_PRIVATE (the default)', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  }, 60_000);
  afterAll(() => services.close());

  it.each(['http://127.0.0.1/feed.xml', 'http://10.0.0.5/feed.xml', 'http://[::1]/feed.xml'])('refuses %s as a user error', async (url) => {
    const r = await askCommand(services, `/feeds add url:${url}`);
    expect(r).toMatchObject({ isError: true, data: { error: 'private_address' } });
    expect(r.text).toMatch(
      /cannot be added: .* is a private, loopback or reserved address\. Feeds added from chat must be on a public host/,
    );
    expect(await services.feeds.list()).toEqual([]);
  });
});
