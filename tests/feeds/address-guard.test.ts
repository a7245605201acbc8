import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/core/clock.js';
import { isUserError } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { checkPublicUrl, isNonPublicAddress, type HostLookup } from '../../src/feeds/address-guard.js';
import { createFeedService, type FeedService } from '../../src/feeds/feed-service.js';
import { defaultFetchOptions, fetchFeed } from '../../src/feeds/fetch-feed.js';
import type { StoryStore } from '../../src/store/story-store.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';
import { readFixture, serveWithEtag, startFeedServer, type FeedServer } from './feed-server.js';

/** A DNS without the network: names to addresses; unknown names fail as node:dns does. */
function fakeLookup(table: Record<string, string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  // The executor turns the throw into a rejection, as a failed DNS lookup is.
  const lookup = (hostname: string) =>
    new Promise<{ address: string; family: number }[]>((resolve) => {
      asked.push(hostname);
      const addresses = table[hostname];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    });
  return Object.assign(lookup, { asked });
}

describe('isNonPublicAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.0.0.5', true],
    ['172.16.4.1', true],
    ['172.32.0.1', false],
    ['192.168.1.20', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['::', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:a00:5', true],
    ['93.184.216.34', false],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
    ['::ffff:8.8.8.8', false],
    ['[::1]', true],
    // IPv6 that embeds a private IPv4: NAT64 (RFC 6052 / 8215), 6to4, Teredo (client address inverted).
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::c0a8:114', true],
    ['64:ff9b:1::a00:5', true],
    ['64:ff9b::808:808', false],
    ['2002:7f00:1::1', true],
    ['2002:a00:5::', true],
    ['2002:c0a8:114::1', true],
    ['2002:808:808::1', false],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', true],
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', false],
    ['2001:0:a00:5::1', true],
    // Documentation, benchmarking, shared and other special-purpose ranges.
    ['192.0.2.1', true],
    ['198.18.0.1', true],
    ['2001:db8::1', true],
    ['100::1', true],
  ])('%s → %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

describe('checkPublicUrl', () => {
  const lookup = fakeLookup({
    'news.example': ['93.184.216.34', '2606:2800:220:1::1'],
    'intranet.example': ['10.1.2.3'],
    'sneaky.example': ['93.184.216.34', '127.0.0.1'],
  });
  it('refuses private literals and names that resolve to a private address (any of them)', async () => {
    expect(await checkPublicUrl('http://127.0.0.1/feed.xml', lookup)).toMatch(/127\.0\.0\.1 is a private, loopback or reserved address/);
    expect(await checkPublicUrl('http://10.0.0.5/feed.xml', lookup)).toMatch(/10\.0\.0\.5/);
    expect(await checkPublicUrl('http://[::1]/feed.xml', lookup)).toMatch(/::1/);
    expect(await checkPublicUrl('http://2130706433/feed.xml', lookup)).toMatch(/127\.0\.0\.1/); // the URL parser's spelling of 127.0.0.1
    expect(await checkPublicUrl('https://intranet.example/rss', lookup)).toBe(
      'the host intranet.example resolves to a private, loopback or reserved address',
    );
    expect(await checkPublicUrl('https://sneaky.example/rss', lookup)).toMatch(/sneaky\.example resolves to a private/);
    // The resolved address is the network's business: a refusal never prints it.
    expect(await checkPublicUrl('https://sneaky.example/rss', lookup)).not.toMatch(/127\.0\.0\.1/);
    expect(await checkPublicUrl('http://[64:ff9b::a9fe:a9fe]/latest/meta-data/', lookup)).toMatch(
      /is a private, loopback or reserved address/,
    );
    expect(await checkPublicUrl('http://[2002:a00:5::1]/rss', lookup)).toMatch(/is a private, loopback or reserved address/);
    expect(await checkPublicUrl('https://nowhere.example/rss', lookup)).toMatch(/could not be resolved \(ENOTFOUND\)/);
    expect(await checkPublicUrl('https://news.example/rss', lookup)).toBeNull();
    expect(await checkPublicUrl('https://93.184.216.34/rss', lookup)).toBeNull();
  });
});

interface Harness {
  server: FeedServer;
  store: StoryStore;
  feedStore: FeedStore;
  feeds: FeedService;
  lookup: ReturnType<typeof fakeLookup>;
  cleanup(): Promise<void>;
}

/** The feed service with the guard on (the default) and a fake DNS that calls `localhost` public. */
async function guardedHarness(): Promise<Harness> {
  const temp = makeTempDir();
  const all = openSqliteStore(path.join(temp.dir, 'feeds.db'));
  const store = all.stories;
  const feedStore = all.feeds;
  const server = await startFeedServer();
  // The guard's DNS resolves "localhost" to the test server, and the test-only switch lets that one
  // resolved address count as public, so a URL on it stands for a public feed host while the connection
  // is still checked: that is how a public URL redirecting inside, or a rebinding name, is staged.
  const lookup = fakeLookup({ localhost: ['127.0.0.1'], 'news.example': ['192.168.1.20'] });
  const feeds = createFeedService({
    feedStore,
    store,
    analyze: simpleAnalyze,
    clock: createFixedClock(new Date('2026-02-12T00:00:00Z')),
    log: createMemoryLogger(),
    fetch: { timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 3 },
    lookup,
    treatAsPublic: ['127.0.0.1'],
  });
  return {
    server,
    store,
    feedStore,
    feeds,
    lookup,
    cleanup: async () => {
      await server.close();
      await all.close();
      temp.cleanup();
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('feed service: private-address guard for chat-added feeds', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await guardedHarness();
  });
  afterEach(() => h.cleanup());

  it.each([
    ['http://127.0.0.1/feed.xml', /127\.0\.0\.1 is a private/],
    ['http://10.0.0.5/feed.xml', /10\.0\.0\.5 is a private/],
    ['http://[::1]/feed.xml', /::1 is a private/],
    ['https://news.example/rss.xml', /news\.example resolves to a private, loopback or reserved address/],
    ['http://[64:ff9b::7f00:1]/feed.xml', /64:ff9b::7f00:1 is a private/],
    ['http://[2002:c0a8:114::1]/feed.xml', /2002:c0a8:114::1 is a private/],
    ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/feed.xml', /is a private/],
  ])('refuses /feeds add %s with a clear user error and registers nothing', async (url, reason) => {
    const r = await refusal(h.feeds.add({ url, addedBy: 'member' }));
    expect(r.code).toBe('private_address');
    expect(r.message).toMatch(reason);
    expect(r.message).toMatch(/Feeds added from chat must be on a public host/);
    expect(await h.feeds.list()).toEqual([]);
  });

  it('refuses the real test server too, so nothing is fetched', async () => {
    h.server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    const r = await refusal(h.feeds.add({ url: h.server.url('/rss'), addedBy: 'member' }));
    expect(r.code).toBe('private_address');
    expect(h.server.requests).toHaveLength(0);
  });

  it('re-checks redirects: a public URL redirecting to a private one is refused and not kept', async () => {
    h.server.route('/hop', (_q, res) => res.writeHead(302, { location: 'http://10.0.0.5/feed.xml' }).end());
    const url = h.server.url('/hop').replace('127.0.0.1', 'localhost');
    const r = await refusal(h.feeds.add({ url, addedBy: 'member' }));
    expect(r.code).toBe('private_address');
    expect(r.message).toMatch(/refused http:\/\/10\.0\.0\.5\/feed\.xml \(redirected from http:\/\/localhost:\d+\/hop\)/);
    expect(h.server.requests.map((q) => q.path)).toEqual(['/hop']);
    expect(await h.feeds.list()).toEqual([]);
  });

  it('a chat-added feed that later redirects inside fails its poll with the reason in its health', async () => {
    let inside = false;
    h.server.route('/later', (_q, res) => {
      if (inside) res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else serveWithEtag(() => readFixture('harbour-rss.xml'))(_q, res);
    });
    const url = h.server.url('/later').replace('127.0.0.1', 'localhost');
    const { poll } = await h.feeds.add({ url, addedBy: 'member' });
    expect(poll.tally.added).toBe(3);
    inside = true;
    // Make it due now: the scheduler's path (pollDue) is the guarded one.
    await h.feedStore.recordPoll({
      url,
      polledAt: new Date('2026-02-12T00:00:00Z'),
      outcome: 'ok',
      added: 0,
      rejected: 0,
      undated: 0,
      error: null,
      nextPollAt: new Date('2026-02-11T00:00:00Z'),
    });
    const [due] = await h.feeds.pollDue();
    expect(due).toMatchObject({ outcome: 'failed', refused: true });
    expect((await h.feeds.get(url))!.health.lastError).toMatch(
      /refused http:\/\/169\.254\.169\.254\/latest\/meta-data\/ .*private, loopback or reserved/,
    );
  });

  it('checks the address the connection uses: a name that resolves public, then private (DNS rebinding), is refused', async () => {
    h.server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    // The first answer (the early check) is public; the connection's own lookup gets 10.0.0.5.
    let answers = 0;
    const rebinding: HostLookup = (hostname) =>
      new Promise((resolve) => {
        answers += 1;
        if (hostname !== 'rebind.example') throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
        resolve([{ address: answers === 1 ? '93.184.216.34' : '10.0.0.5', family: 4 }]);
      });
    const feeds = createFeedService({
      feedStore: h.feedStore,
      store: h.store,
      analyze: simpleAnalyze,
      clock: createFixedClock(new Date('2026-02-12T00:00:00Z')),
      log: createMemoryLogger(),
      fetch: { timeoutMs: 2000 },
      lookup: rebinding,
    });
    const port = new URL(h.server.url('/rss')).port;
    const r = await refusal(feeds.add({ url: `http://rebind.example:${port}/rss`, addedBy: 'member' }));
    expect(r.code).toBe('private_address');
    expect(r.message).toMatch(/rebind\.example resolves to a private, loopback or reserved address/);
    expect(r.message).not.toMatch(/10\.0\.0\.5/);
    expect(answers).toBe(2);
    expect(h.server.requests).toHaveLength(0);
    expect(await feeds.list()).toEqual([]);
  });

  it('connects to the checked address when every answer is allowed', async () => {
    h.server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    const url = h.server.url('/rss').replace('127.0.0.1', 'localhost');
    const { poll } = await h.feeds.add({ url, addedBy: 'member' });
    expect(poll).toMatchObject({ outcome: 'ok', tally: { added: 3 } });
    expect(h.lookup.asked.filter((n) => n === 'localhost').length).toBeGreaterThanOrEqual(2);
  });

  it('trusts the operator: configured feeds and command-line polls reach 127.0.0.1', async () => {
    h.server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    const url = h.server.url('/rss');
    expect(await h.feeds.ensureConfigured([url])).toBe(1);
    const [due] = await h.feeds.pollDue();
    expect(due).toMatchObject({ outcome: 'ok', tally: { added: 3 } });
    const [adhoc] = await h.feeds.poll([h.server.url('/rss')]);
    expect(adhoc!.outcome).not.toBe('failed');
    // Adding a channel from chat to the operator's own feed is not refused either.
    const added = await h.feeds.add({ url, addedBy: 'member', channel: { guildId: 'g', channelId: 'news' } });
    expect(added.created).toBe(false);
  });
});

describe('fetchFeed checkUrl', () => {
  it('is asked for the first URL and for every redirect target', async () => {
    const server = await startFeedServer();
    try {
      server.route('/a', (_q, res) => res.writeHead(302, { location: '/b' }).end());
      server.route('/b', (_q, res) => res.writeHead(302, { location: 'http://192.168.0.1/feed' }).end());
      const asked: string[] = [];
      const result = await fetchFeed(
        server.url('/a'),
        { etag: null, lastModified: null },
        {
          ...defaultFetchOptions,
          timeoutMs: 2000,
          checkUrl: (url) => {
            asked.push(url);
            return Promise.resolve(new URL(url).hostname === '127.0.0.1' ? null : 'not allowed');
          },
        },
      );
      expect(asked).toEqual([server.url('/a'), server.url('/b'), 'http://192.168.0.1/feed']);
      expect(result).toMatchObject({
        kind: 'error',
        refused: true,
        reason: expect.stringMatching(/^refused http:\/\/192\.168\.0\.1\/feed \(redirected from/) as string,
      });
    } finally {
      await server.close();
    }
  });
});
