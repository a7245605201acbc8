import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteFeedStore } from '../../src/store/sqlite/sqlite-feed-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { readFixture, servePlain, serveWithEtag, startFeedServer, type FeedServer } from '../feeds/feed-server.js';

/** The CLI runs on the real clock: date the items relative to now so they are never "in the future". */
function freshFeed(): string {
  const day = (n: number): string => new Date(Date.now() - n * 86_400_000).toUTCString();
  return readFixture('harbour-rss.xml')
    .replace('Tue, 10 Feb 2026 08:15:00 +0000', day(1))
    .replace('Mon, 09 Feb 2026 17:40:12 EST', day(2))
    .replace('Sun, 8 Feb 26 11:00 GMT', day(3));
}

describe('dateline feed poll', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  let server: FeedServer;
  beforeAll(async () => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'feed-cli.db');
    server = await startFeedServer();
    server.route('/rss', serveWithEtag(freshFeed));
    server.route(
      '/broken',
      servePlain(() => readFixture('malformed.xml')),
    );
    server.route(
      '/patchy',
      servePlain(() =>
        readFixture('broken-items.xml').replace('Sat, 07 Feb 2026 09:00:00 +0000', new Date(Date.now() - 86_400_000).toUTCString()),
      ),
    );
  });
  afterAll(async () => {
    await server.close();
    temp.cleanup();
  });

  it('prints the ingest tally as the last JSON line, exit 0; a second poll adds nothing', async () => {
    const first = await runCliCaptured(['feed', 'poll', server.url('/rss'), '--json', '--db', db]);
    expect(first.code).toBe(0);
    const tally = JSON.parse(first.lastLine) as Record<string, unknown>;
    expect(Object.keys(tally)).toEqual(['added', 'duplicate', 'rejected', 'errors']);
    expect(tally).toEqual({ added: 3, duplicate: 0, rejected: 0, errors: [] });
    const second = await runCliCaptured(['feed', 'poll', server.url('/rss'), '--json', '--db', db]);
    expect(JSON.parse(second.lastLine)).toEqual({ added: 0, duplicate: 3, rejected: 0, errors: [] });
  }, 60_000);

  it('reports a bad feed and bad items with the feed URL as path, and exits 1', async () => {
    const r = await runCliCaptured(['feed', 'poll', server.url('/broken'), server.url('/patchy'), '--json', '--db', db]);
    expect(r.code).toBe(1);
    const tally = JSON.parse(r.lastLine) as {
      added: number;
      rejected: number;
      errors: { path: string; line: number | null; reason: string }[];
    };
    expect(tally.added).toBe(2);
    expect(tally.rejected).toBe(3);
    expect(tally.errors[0]).toEqual({
      path: server.url('/broken'),
      line: null,
      reason: expect.stringMatching(/^malformed XML at line/) as string,
    });
    expect(tally.errors.slice(1).map((e) => [e.path, e.line])).toEqual([
      [server.url('/patchy'), 2],
      [server.url('/patchy'), 3],
    ]);
  }, 60_000);

  it('prints a readable tally without --json', async () => {
    const r = await runCliCaptured(['feed', 'poll', server.url('/broken'), '--db', db]);
    expect(r.stdout).toMatch(/: failed\n/);
    expect(r.stdout).toMatch(/added 0, duplicate 0, rejected 1 in/);
    expect(r.stdout).toContain(`rejected ${server.url('/broken')}: malformed XML`);
  }, 60_000);

  it('shows usage for a missing URL', async () => {
    const r = await runCliCaptured(['feed', 'poll']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Usage: dateline feed poll URL/);
  });

  it('lists registered feeds (none registered by an ad-hoc poll)', async () => {
    const r = await runCliCaptured(['feed', 'list', '--json', '--db', db]);
    expect(JSON.parse(r.lastLine)).toEqual({ feeds: [] });
  }, 60_000);

  it('removes an operator feed (servers cannot): dateline feed remove URL', async () => {
    const file = path.join(temp.dir, 'feed-remove.db');
    const handle = openDatabase(file);
    const store = createSqliteFeedStore(handle);
    store.addFeed({ url: 'https://wire.example/rss', origin: 'config', addedAt: new Date(), addedBy: null, channel: null });
    store.addFeed({
      url: 'https://guild.example/rss',
      origin: 'command',
      addedAt: new Date(),
      addedBy: 'u1',
      channel: null,
      guildId: '111111111111111111',
    });
    handle.close();
    const r = await runCliCaptured(['feed', 'remove', 'https://wire.example/rss', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Removed https:\/\/wire\.example\/rss \(listed in DATELINE_FEEDS/);
    const missing = await runCliCaptured(['feed', 'remove', 'https://nowhere.example/rss', '--db', file]);
    expect(missing.code).toBe(1);
    const list = await runCliCaptured(['feed', 'list', '--json', '--db', file]);
    expect((JSON.parse(list.lastLine) as { feeds: { url: string; owners: string[] }[] }).feeds).toMatchObject([
      { url: 'https://guild.example/rss', owners: ['111111111111111111'] },
    ]);
  }, 60_000);
});
