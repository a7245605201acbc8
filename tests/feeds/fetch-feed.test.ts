import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFetchOptions, fetchFeed, type FetchFeedOptions } from '../../src/feeds/fetch-feed.js';
import { readFixture, serveWithEtag, startFeedServer, type FeedServer } from './feed-server.js';

// 2 s: long enough for every good local fetch on a loaded machine; only /hang waits it out.
const options: FetchFeedOptions = { ...defaultFetchOptions, timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 3 };
const none = { etag: null, lastModified: null };

describe('fetchFeed', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route(
      '/rss',
      serveWithEtag(() => readFixture('harbour-rss.xml')),
    );
    server.route('/loop-a', (_q, res) => res.writeHead(302, { location: '/loop-b' }).end());
    server.route('/loop-b', (_q, res) => res.writeHead(301, { location: '/loop-a' }).end());
    server.route('/moved', (_q, res) => res.writeHead(301, { location: '/rss' }).end());
    for (let i = 0; i < 6; i++) server.route(`/hop${i}`, (_q, res) => res.writeHead(302, { location: `/hop${i + 1}` }).end());
    server.route('/error', (_q, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'));
    server.route('/busy', (_q, res) => res.writeHead(503, { 'retry-after': '120' }).end());
    server.route('/big-declared', (_q, res) =>
      res.writeHead(200, { 'content-length': String(options.maxBytes + 1) }).end('x'.repeat(options.maxBytes + 1)),
    );
    server.route('/big-streamed', (_q, res) => {
      // Chunked, no Content-Length: the cap must be enforced while reading.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = '<!-- ' + 'x'.repeat(16 * 1024) + ' -->\n';
      let sent = 0;
      const push = (): void => {
        if (res.destroyed || sent > 200) {
          res.end();
          return;
        }
        sent += 1;
        res.write(chunk, () => setImmediate(push));
      };
      push();
    });
    server.route('/hang', () => {
      /* never answers */
    });
    server.route('/latin1', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' });
      res.end(Buffer.from('<rss><channel><title>Caf\xe9 news</title></channel></rss>', 'latin1'));
    });
  });
  afterAll(() => server.close());

  it('sends the bot User-Agent and returns the body with its validators', async () => {
    const result = await fetchFeed(server.url('/rss'), none, options);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.body).toContain('Harbour Town Gazette');
      expect(result.etag).toMatch(/^"[0-9a-f]+"$/);
      expect(result.lastModified).toBe('Tue, 10 Feb 2026 09:30:00 GMT');
    }
    const request = server.requests.at(-1)!;
    expect(request.headers['user-agent']).toMatch(/^Dateline\/\d+\.\d+\.\d+ \(\+/);
  });

  it('sends If-None-Match / If-Modified-Since and reports 304 as not modified', async () => {
    const first = await fetchFeed(server.url('/rss'), none, options);
    if (first.kind !== 'ok') throw new Error('first fetch failed');
    const second = await fetchFeed(server.url('/rss'), { etag: first.etag, lastModified: first.lastModified }, options);
    expect(second.kind).toBe('not-modified');
    const request = server.requests.at(-1)!;
    expect(request.headers['if-none-match']).toBe(first.etag);
    expect(request.headers['if-modified-since']).toBe(first.lastModified);
    expect(request.status).toBe(304);
  });

  it('follows a redirect', async () => {
    const result = await fetchFeed(server.url('/moved'), none, options);
    expect(result).toMatchObject({ kind: 'ok', url: server.url('/rss') });
  });

  it.each([
    ['/loop-a', /^redirect loop/],
    ['/hop0', /^too many redirects \(more than 3\)/],
    ['/error', /^HTTP 500/],
    ['/big-declared', /^response too large \(\d+ bytes declared/],
    ['/big-streamed', /^response too large \(more than 65536 bytes; stopped reading\)/],
    ['/hang', /^no answer within 2 s \(timeout\)/],
  ])('%s fails with a reason', async (pathname, reason) => {
    const result = await fetchFeed(server.url(pathname), none, options);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.reason).toMatch(reason);
  });

  it('reads Retry-After on a 503', async () => {
    const result = await fetchFeed(server.url('/busy'), none, options);
    expect(result).toMatchObject({ kind: 'error', status: 503, retryAfterMs: 120_000 });
  });

  it('fails on a refused connection without throwing', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = await startFeedServer();
    const closedUrl = probe.url('/rss');
    await probe.close();
    const result = await fetchFeed(closedUrl, none, options);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.reason).toMatch(/^fetch failed: ECONNREFUSED/);
  });

  it('decodes the charset the server names', async () => {
    const result = await fetchFeed(server.url('/latin1'), none, options);
    expect(result.kind === 'ok' && result.body).toContain('Café news');
  });
});
