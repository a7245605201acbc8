import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { feedItemsToRecords } from '../../src/feeds/feed-items.js';
import { readFixture } from './feed-server.js';

const fetchedAt = new Date('2026-02-12T00:00:00Z');

describe('parseFeed', () => {
  it('reads RSS 2.0: title, items, content:encoded, CDATA and escaped HTML', () => {
    const result = parseFeed(readFixture('harbour-rss.xml'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.feed.format).toBe('rss');
    expect(result.feed.title).toBe('Harbour Town Gazette & Wire');
    expect(result.feed.items).toHaveLength(3);
    const [ferry, council] = result.feed.items;
    expect(ferry!.link).toBe('https://gazette.example/news/ferry-resumes');
    expect(ferry!.date).toBe('Tue, 10 Feb 2026 08:15:00 +0000');
    expect(ferry!.content).toContain('<p>HARBOUR TOWN');
    expect(ferry!.author).toBe('Mara Quill');
    expect(council!.summary).toContain('<p>Traders');
  });

  it('reads Atom: alternate link, published before updated, html and xhtml content', () => {
    const result = parseFeed(readFixture('valley-atom.xml'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.feed.format).toBe('atom');
    expect(result.feed.title).toBe('Valley Desk');
    const [dam, orchard, bridge] = result.feed.items;
    expect(dam!.link).toBe('https://valley.example/2026/02/dam-inspection');
    expect(dam!.date).toBe('2026-02-10T10:30:00+01:00');
    expect(orchard!.date).toBe('2026-02-09T08:00:00Z');
    expect(orchard!.content).toContain('<strong>blossom</strong>');
    expect(bridge!.summary).toContain('two dollars');
  });

  it.each([
    ['malformed.xml', /^malformed XML at line \d+/],
    ['html-page.html', /^HTML page, not a feed/],
  ])('refuses %s with a reason', (file, reason) => {
    const result = parseFeed(readFixture(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each([
    ['', /empty response/],
    ['<?xml version="1.0"?><opml version="2.0"><body/></opml>', /not an RSS or Atom feed \(root element <opml>\)/],
    ['<html xmlns="http://www.w3.org/1999/xhtml"><body><p>hi</p></body></html>', /HTML page/],
    ['{"items": []}', /malformed XML/],
  ])('refuses %j', (text, reason) => {
    const result = parseFeed(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('feedItemsToRecords', () => {
  it('maps RSS items to articles: source = feed title, HTML stripped, entities decoded, dates with zones', () => {
    const parsed = parseFeed(readFixture('harbour-rss.xml'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const records = feedItemsToRecords(parsed.feed, { feedUrl: 'https://gazette.example/rss.xml', fetchedAt });
    const articles = records.map((r) => (r.ok ? r.article : null));
    expect(articles.every(Boolean)).toBe(true);
    const [ferry, council, museum] = articles as NonNullable<(typeof articles)[number]>[];
    expect(ferry).toMatchObject({
      source: 'Harbour Town Gazette & Wire',
      headline: 'Ferry service to Gull Island resumes after storm repairs',
      headlineDerived: false,
      url: 'https://gazette.example/news/ferry-resumes',
      published: '2026-02-10T08:15:00+00:00',
      editor: 'Mara Quill',
    });
    // content:encoded wins over the shorter description; script dropped; &ldquo; decoded.
    expect(ferry!.body).toContain('“The new pier is stronger than the old one,”');
    expect(ferry!.body).not.toContain('trackVisit');
    expect(ferry!.body.split('\n\n')).toHaveLength(2);
    expect(council!.headline).toBe('Council approves ‘quiet hours’ for the fish market');
    expect(council!.body).not.toContain('<p>');
    expect(council!.published).toBe('2026-02-09T17:40:12-05:00');
    // Relative link resolved against the feed URL; two-digit year read as 2026.
    expect(museum!.url).toBe('https://gazette.example/news/lighthouse-logs');
    expect(museum!.published.startsWith('2026-02-08T11:00:00')).toBe(true);
    expect(museum!.body).toContain("keepers' logbooks");
  });

  it('maps Atom entries, keeping xhtml text in order', () => {
    const parsed = parseFeed(readFixture('valley-atom.xml'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const records = feedItemsToRecords(parsed.feed, { feedUrl: 'https://valley.example/atom.xml', fetchedAt });
    const [dam, orchard, bridge] = records.map((r) => (r.ok ? r.article : null));
    expect(dam!.headline).toBe('Dam inspection finds no new cracks');
    expect(dam!.body).toBe(
      'Engineers who spent a week inside the Upper Valley dam found no new cracks, the water board said on Tuesday.\n\nThe next inspection is due in August.',
    );
    expect(orchard!.url).toBe('https://valley.example/2026/02/early-blossom');
    expect(orchard!.body.startsWith('Apple growers in the lower valley expect trees to blossom two weeks early')).toBe(true);
    expect(bridge!.published).toBe('2026-02-08T15:20:00-05:00');
    expect(bridge!.source).toBe('Valley Desk');
  });

  it('rejects items without link or with an impossible date, and dates undated items at the fetch time', () => {
    const parsed = parseFeed(readFixture('broken-items.xml'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const records = feedItemsToRecords(parsed.feed, { feedUrl: 'https://patchy.example/rss', fetchedAt });
    expect(records.map((r) => r.ok)).toEqual([true, false, false, true]);
    const undated = records[0]!;
    expect(undated.undated).toBe(true);
    if (undated.ok) {
      expect(undated.article.published).toBe('2026-02-12T00:00:00Z');
      expect(undated.article.origin).toMatch(/no date in the feed/);
    }
    expect(records[1]).toMatchObject({ ok: false, line: 2, reason: 'item 2 ("Story with no link anywhere"): item has no link' });
    expect(records[2]).toMatchObject({ ok: false, line: 3 });
    if (!records[2]!.ok) expect(records[2]!.reason).toMatch(/impossible date/);
  });
});
