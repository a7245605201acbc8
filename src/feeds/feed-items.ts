import { deriveHeadline } from '../ingest/article-fields.js';
import type { ParsedRecord } from '../ingest/formats/parsed-record.js';
import { formatInZone } from '../core/zoned-time.js';
import { parseFeedDate } from './feed-date.js';
import { htmlToLine, htmlToText } from './html-text.js';
import type { FeedItem, ParsedFeed } from './parse-feed.js';

export interface FeedItemContext {
  /** The URL the feed was fetched from (after redirects): relative links resolve against it. */
  feedUrl: string;
  /** When the feed was fetched: the published time of an item that gives none. */
  fetchedAt: Date;
}

/** A feed item as a parsed record, plus whether its date was missing (so health can count it). */
export type FeedRecord = ParsedRecord & { undated: boolean };

/**
 * Map feed items to articles (source = feed title, url = item link, body from the content or the
 * description, HTML stripped). Rules, applied per item so one bad item never sinks the feed:
 * - no usable http(s) link → rejected: a feed story is identified and cited by its link;
 * - no date → kept, published at the fetch time (feeds omit dates; the story is news when first seen);
 *   the origin says so and the poll counts it;
 * - an unreadable or impossible date → rejected, as in `dateline ingest`;
 * - no text at all → rejected; a headline-only item keeps its headline as its body.
 */
export function feedItemsToRecords(feed: ParsedFeed, ctx: FeedItemContext): FeedRecord[] {
  const source = feed.title ? htmlToLine(feed.title) || hostOf(ctx.feedUrl) : hostOf(ctx.feedUrl);
  return feed.items.map((item) => itemToRecord(item, source, ctx));
}

function itemToRecord(item: FeedItem, source: string, ctx: FeedItemContext): FeedRecord {
  const line = item.index;
  const reject = (reason: string): FeedRecord => ({
    ok: false,
    line,
    reason: `item ${item.index}${item.title ? ` ("${clip(htmlToLine(item.title))}")` : ''}: ${reason}`,
    undated: false,
  });

  const url = resolveLink(item.link, ctx.feedUrl);
  if (!url) return reject(item.link ? `link "${clip(item.link)}" is not an http(s) URL` : 'item has no link');

  const title = item.title ? htmlToLine(item.title) : '';
  const body = bodyOf(item) || title;
  if (!body) return reject('item has neither text nor title');

  let published: string;
  let publishedZone: string | null;
  const undated = item.date === null;
  if (item.date === null) {
    published = formatInZone(ctx.fetchedAt, 'UTC');
    publishedZone = null;
  } else {
    const date = parseFeedDate(item.date, ctx.fetchedAt);
    if (!date.ok) return reject(date.reason);
    published = date.published;
    publishedZone = date.zone;
  }

  return {
    ok: true,
    line,
    undated,
    article: {
      source,
      published,
      publishedZone,
      editor: item.author ? htmlToLine(item.author) || null : null,
      datelinePlace: null,
      headline: title || deriveHeadline(body),
      headlineDerived: title === '',
      caption: null,
      captionCredit: null,
      body,
      url,
      origin: `${ctx.feedUrl} item ${item.index}${undated ? ' (no date in the feed: published = fetch time)' : ''}`,
    },
  };
}

/** The longest of the full content and the summary: some feeds put a teaser in content:encoded. */
function bodyOf(item: FeedItem): string {
  const content = item.content ? (item.contentIsHtml ? htmlToText(item.content) : plain(item.content)) : '';
  const summary = item.summary ? (item.summaryIsHtml ? htmlToText(item.summary) : plain(item.summary)) : '';
  return content.length >= summary.length ? content : summary;
}

function plain(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Resolve a (possibly relative) link against the feed URL; only http(s) survives. */
export function resolveLink(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.toString();
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
