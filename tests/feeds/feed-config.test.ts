import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('feed and watch configuration', () => {
  it('defaults: no feeds, 15 min, the data folder watched', () => {
    const config = loadConfig({}, {}, '/srv/bot');
    expect(config.feeds).toEqual({ urls: [], intervalMinutes: 15, contact: null, allowPrivate: false });
    expect(config.watch).toEqual({ enabled: true, dir: path.resolve('/srv/bot/data') });
  });

  it('reads a comma- or space-separated feed list, the interval, the contact and the watch switch', () => {
    const config = loadConfig(
      {
        DATELINE_FEEDS: 'https://a.example/rss.xml, https://b.example/atom  http://c.example/feed',
        DATELINE_FEED_INTERVAL: '30',
        DATELINE_FEED_CONTACT: 'ops@example.org',
        DATELINE_WATCH: 'off',
        DATELINE_WATCH_DIR: 'inbox',
        DATELINE_FEEDS_ALLOW_PRIVATE: 'on',
      },
      {},
      '/srv/bot',
    );
    expect(config.feeds).toEqual({
      urls: ['https://a.example/rss.xml', 'https://b.example/atom', 'http://c.example/feed'],
      intervalMinutes: 30,
      contact: 'ops@example.org',
      allowPrivate: true,
    });
    expect(config.watch).toEqual({ enabled: false, dir: path.resolve('/srv/bot/inbox') });
  });

  it('lists every bad key at once', () => {
    let caught: unknown = null;
    try {
      loadConfig({
        DATELINE_FEEDS: 'https://ok.example/rss, ftp://bad.example/x',
        DATELINE_FEED_INTERVAL: '0',
        DATELINE_WATCH: 'maybe',
        DATELINE_FEEDS_ALLOW_PRIVATE: 'yes',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATELINE_FEEDS: must be http\(s\) feed URLs/);
    expect(problems).toMatch(/DATELINE_FEED_INTERVAL/);
    expect(problems).toMatch(/DATELINE_WATCH/);
    expect(problems).toMatch(/DATELINE_FEEDS_ALLOW_PRIVATE/);
  });
});
