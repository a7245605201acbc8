import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from '../helpers/paths.js';

export const feedFixtures = path.join(repoRoot, 'tests/fixtures/feeds');

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(feedFixtures, name), 'utf8');
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  status: number;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * A feed host on 127.0.0.1 (ephemeral port) for tests: routes are set per test, every request is
 * recorded with the status it got, so tests can check conditional headers and 304s.
 */
export interface FeedServer {
  url(pathname: string): string;
  route(pathname: string, handler: Route): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const entry: RecordedRequest = { path: pathname, headers: req.headers, status: 0 };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const handler = routes.get(pathname);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    route: (pathname, handler) => routes.set(pathname, handler),
    requests,
    close: async () => {
      // Hanging routes keep sockets open: destroy them so close() returns.
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serve a body with an ETag and Last-Modified, answering 304 to a matching If-None-Match. */
export function serveWithEtag(body: () => string, contentType = 'application/rss+xml; charset=utf-8'): Route {
  return (req, res) => {
    const text = body();
    const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': 'Tue, 10 Feb 2026 09:30:00 GMT' }).end(text);
  };
}

/** Serve a body with no validators at all (a server that ignores conditional GET). */
export function servePlain(body: () => string, contentType = 'application/rss+xml; charset=utf-8', status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType }).end(body());
  };
}

/** A feed fixture with one more item on top, as a feed that published a new story since the last poll. */
export function withNewItem(feed: string, item: { title: string; link: string; pubDate: string; text: string }): string {
  const xml = `<item><title>${item.title}</title><link>${item.link}</link><pubDate>${item.pubDate}</pubDate><description>${item.text}</description></item>`;
  return feed.replace(/<item>/, `${xml}\n    <item>`);
}
