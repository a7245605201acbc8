import {
  DEFAULT_FEED_INTERVAL_MINUTES,
  type Feed,
  type FeedChannel,
  type FeedOrigin,
  type FeedPollRecord,
  type FeedStore,
  type NewFeed,
} from '../feed-store.js';
import type { SqliteDatabase } from './open-database.js';
import type { Synchronous } from '../synchronous.js';

interface FeedRow {
  url: string;
  title: string | null;
  interval_minutes: number;
  origin: FeedOrigin;
  added_at: string;
  added_by: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  consecutive_failures: number | null;
  items_added: number | null;
  items_rejected: number | null;
  items_undated: number | null;
  next_poll_ms: number | null;
}

const FEED_SELECT = `SELECT f.*, h.last_polled_at, h.last_success_at, h.last_error_at, h.last_error, h.consecutive_failures,
  h.items_added, h.items_rejected, h.items_undated, h.next_poll_ms
  FROM feeds f LEFT JOIN feed_health h ON h.url = f.url`;

/** The SQLite FeedStore, on the same database (and migrations) as the article store. */
export function createSqliteFeedStore(db: SqliteDatabase): Synchronous<FeedStore> {
  const q = {
    get: db.prepare<[string], FeedRow>(`${FEED_SELECT} WHERE f.url = ?`),
    list: db.prepare<[], FeedRow>(`${FEED_SELECT} ORDER BY f.rowid`),
    due: db.prepare<[number], FeedRow>(`${FEED_SELECT} WHERE COALESCE(h.next_poll_ms, 0) <= ? ORDER BY COALESCE(h.next_poll_ms, 0), f.rowid`),
    channels: db.prepare<[string], { guild_id: string | null; channel_id: string }>('SELECT guild_id, channel_id FROM feed_channels WHERE url = ? ORDER BY channel_id'),
    insertFeed: db.prepare(`INSERT INTO feeds (url, interval_minutes, origin, added_at, added_by) VALUES (@url, @interval, @origin, @addedAt, @addedBy)`),
    insertHealth: db.prepare('INSERT INTO feed_health (url, next_poll_ms) VALUES (?, 0)'),
    setInterval: db.prepare('UPDATE feeds SET interval_minutes = ? WHERE url = ?'),
    insertChannel: db.prepare('INSERT OR REPLACE INTO feed_channels (url, guild_id, channel_id) VALUES (?, ?, ?)'),
    deleteFeed: db.prepare('DELETE FROM feeds WHERE url = ?'),
    deleteChannel: db.prepare('DELETE FROM feed_channels WHERE url = ? AND channel_id = ?'),
    updateFeedOk: db.prepare('UPDATE feeds SET title = COALESCE(@title, title), etag = @etag, last_modified = @lastModified WHERE url = @url'),
    pollOk: db.prepare(`UPDATE feed_health SET last_polled_at = @at, last_success_at = @at, consecutive_failures = 0,
      items_added = items_added + @added, items_rejected = items_rejected + @rejected, items_undated = items_undated + @undated,
      last_error = COALESCE(@error, last_error), last_error_at = CASE WHEN @error IS NULL THEN last_error_at ELSE @at END,
      next_poll_ms = @next WHERE url = @url`),
    pollFailed: db.prepare(`UPDATE feed_health SET last_polled_at = @at, last_error_at = @at, last_error = @error,
      consecutive_failures = consecutive_failures + 1, next_poll_ms = @next WHERE url = @url`),
  };

  const channelsOf = (url: string): FeedChannel[] => q.channels.all(url).map((r) => ({ guildId: r.guild_id, channelId: r.channel_id }));

  const toFeed = (row: FeedRow): Feed => ({
    url: row.url,
    title: row.title,
    intervalMinutes: row.interval_minutes,
    origin: row.origin,
    addedAt: row.added_at,
    addedBy: row.added_by,
    etag: row.etag,
    lastModified: row.last_modified,
    channels: channelsOf(row.url),
    health: {
      lastPolledAt: row.last_polled_at,
      lastSuccessAt: row.last_success_at,
      lastErrorAt: row.last_error_at,
      lastError: row.last_error,
      consecutiveFailures: row.consecutive_failures ?? 0,
      itemsAdded: row.items_added ?? 0,
      itemsRejected: row.items_rejected ?? 0,
      itemsUndated: row.items_undated ?? 0,
      nextPollAt: row.next_poll_ms ? new Date(row.next_poll_ms).toISOString() : null,
    },
  });

  const getFeed = (url: string): Feed | null => {
    const row = q.get.get(url);
    return row ? toFeed(row) : null;
  };

  const addFeed = db.transaction((input: NewFeed): { created: boolean; feed: Feed } => {
    const existing = q.get.get(input.url);
    if (!existing) {
      q.insertFeed.run({
        url: input.url,
        interval: input.intervalMinutes ?? DEFAULT_FEED_INTERVAL_MINUTES,
        origin: input.origin,
        addedAt: input.addedAt.toISOString(),
        addedBy: input.addedBy,
      });
      q.insertHealth.run(input.url);
    } else if (input.intervalMinutes !== undefined) {
      q.setInterval.run(input.intervalMinutes, input.url);
    }
    if (input.channel) q.insertChannel.run(input.url, input.channel.guildId, input.channel.channelId);
    return { created: !existing, feed: getFeed(input.url)! };
  });

  const recordPoll = db.transaction((r: FeedPollRecord): void => {
    const at = r.polledAt.toISOString();
    if (r.outcome === 'failed') {
      q.pollFailed.run({ url: r.url, at, error: r.error ?? 'unknown error', next: r.nextPollAt.getTime() });
      return;
    }
    if (r.outcome === 'ok') q.updateFeedOk.run({ url: r.url, title: r.title ?? null, etag: r.etag ?? null, lastModified: r.lastModified ?? null });
    q.pollOk.run({ url: r.url, at, added: r.added, rejected: r.rejected, undated: r.undated, error: r.error, next: r.nextPollAt.getTime() });
  });

  const importFeeds = db.transaction((feeds: readonly Feed[]): number => {
    let added = 0;
    for (const f of feeds) {
      if (q.get.get(f.url)) continue;
      db.prepare('INSERT INTO feeds (url, title, interval_minutes, origin, added_at, added_by, etag, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        f.url, f.title, f.intervalMinutes, f.origin, f.addedAt, f.addedBy, f.etag, f.lastModified,
      );
      const h = f.health;
      db.prepare(`INSERT INTO feed_health (url, last_polled_at, last_success_at, last_error_at, last_error, consecutive_failures, items_added, items_rejected,
        items_undated, next_poll_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        f.url, h.lastPolledAt, h.lastSuccessAt, h.lastErrorAt, h.lastError, h.consecutiveFailures, h.itemsAdded, h.itemsRejected, h.itemsUndated,
        h.nextPollAt ? Date.parse(h.nextPollAt) : 0,
      );
      for (const c of f.channels) q.insertChannel.run(f.url, c.guildId, c.channelId);
      added++;
    }
    return added;
  });

  return {
    importFeeds: (feeds) => importFeeds.immediate(feeds),
    addFeed: (input) => addFeed.immediate(input),
    removeFeed: (url) => q.deleteFeed.run(url).changes > 0,
    removeChannel: (url, channelId) => q.deleteChannel.run(url, channelId).changes > 0,
    getFeed,
    listFeeds: () => q.list.all().map(toFeed),
    dueFeeds: (now) => q.due.all(now.getTime()).map(toFeed),
    recordPoll: (record) => recordPoll.immediate(record),
  };
}
