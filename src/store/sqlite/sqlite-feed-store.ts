import {
  FEED_POST_COLUMNS,
  toExportedFeedPost,
  toFeed,
  toFeedStoryLink,
  toQueuedFeedPost,
  type FeedPostRow,
  type FeedRow,
  type FeedStoryRow,
} from '../stored-rows.js';
import {
  DEFAULT_FEED_INTERVAL_MINUTES,
  POST_STORY_WAIT_MS,
  type Feed,
  type FeedChannel,
  type FeedPollRecord,
  type FeedStore,
  type FeedValidators,
  type NewFeed,
  type FeedPostScope,
  type QueuedFeedPost,
  type ExportedFeedPost,
  type FeedStoryLink,
} from '../feed-store.js';
import type { SqliteDatabase } from './open-database.js';
import type { Synchronous } from '../synchronous.js';

const FEED_SELECT = `SELECT f.*, h.last_polled_at, h.last_success_at, h.last_error_at, h.last_error, h.consecutive_failures,
  h.items_added, h.items_rejected, h.items_undated, h.next_poll_ms
  FROM feeds f LEFT JOIN feed_health h ON h.url = f.url`;

/** The feed store as SQLite implements it: synchronous, except `commitItems`, whose items are stored through the async store. */
export type SqliteFeedStore = Synchronous<Omit<FeedStore, 'commitItems'>> & Pick<FeedStore, 'commitItems'>;

/** The SQLite FeedStore, on the same database (and migrations) as the article store. */
export function createSqliteFeedStore(db: SqliteDatabase): SqliteFeedStore {
  const q = {
    get: db.prepare<[string], FeedRow>(`${FEED_SELECT} WHERE f.url = ?`),
    list: db.prepare<[], FeedRow>(`${FEED_SELECT} ORDER BY f.rowid`),
    due: db.prepare<[number], FeedRow>(
      `${FEED_SELECT} WHERE COALESCE(h.next_poll_ms, 0) <= ? ORDER BY COALESCE(h.next_poll_ms, 0), f.rowid`,
    ),
    channels: db.prepare<[string], { guild_id: string | null; channel_id: string }>(
      'SELECT guild_id, channel_id FROM feed_channels WHERE url = ? ORDER BY channel_id',
    ),
    owners: db.prepare<[string], { guild_id: string }>('SELECT guild_id FROM feed_owners WHERE url = ? ORDER BY added_at, guild_id'),
    ownedBy: db.prepare<[string], FeedRow>(
      `${FEED_SELECT} WHERE f.url IN (SELECT url FROM feed_owners WHERE guild_id = ?) ORDER BY f.rowid`,
    ),
    insertOwner: db.prepare('INSERT OR IGNORE INTO feed_owners (url, guild_id, added_at, added_by) VALUES (?, ?, ?, ?)'),
    deleteOwner: db.prepare('DELETE FROM feed_owners WHERE url = ? AND guild_id = ?'),
    deleteGuildChannels: db.prepare('DELETE FROM feed_channels WHERE url = ? AND guild_id = ?'),
    feedStory: db.prepare('INSERT OR IGNORE INTO feed_stories (article_id, url) VALUES (?, ?)'),
    shareStory: db.prepare<{ id: string; url: string }>(`INSERT OR IGNORE INTO feed_stories (article_id, url)
      SELECT @id, @url WHERE EXISTS (SELECT 1 FROM feed_stories WHERE article_id = @id)`),
    // Feeds that brought the story, and whether the guild may see each: the operator's (listed in
    // DATELINE_FEEDS, or added without a server) or one of the guild's own.
    storyFeeds: db.prepare<{ guild: string; id: string }, { visible: number }>(`SELECT
        (f.url IS NOT NULL AND (f.origin = 'config' OR NOT EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url)
          OR EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url AND o.guild_id = @guild))) AS visible
      FROM feed_stories s LEFT JOIN feeds f ON f.url = s.url WHERE s.article_id = @id`),
    ownerCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM feed_owners WHERE url = ?'),
    insertFeed: db.prepare(
      `INSERT INTO feeds (url, interval_minutes, origin, added_at, added_by) VALUES (@url, @interval, @origin, @addedAt, @addedBy)`,
    ),
    insertHealth: db.prepare('INSERT INTO feed_health (url, next_poll_ms) VALUES (?, 0)'),
    setInterval: db.prepare('UPDATE feeds SET interval_minutes = ? WHERE url = ?'),
    insertChannel: db.prepare('INSERT OR REPLACE INTO feed_channels (url, guild_id, channel_id) VALUES (?, ?, ?)'),
    deleteFeed: db.prepare('DELETE FROM feeds WHERE url = ?'),
    deleteChannel: db.prepare('DELETE FROM feed_channels WHERE url = ? AND channel_id = ?'),
    updateFeedOk: db.prepare(
      'UPDATE feeds SET title = COALESCE(@title, title), etag = @etag, last_modified = @lastModified WHERE url = @url',
    ),
    pollOk: db.prepare(`UPDATE feed_health SET last_polled_at = @at, last_success_at = @at, consecutive_failures = 0,
      items_added = items_added + @added, items_rejected = items_rejected + @rejected, items_undated = items_undated + @undated,
      last_error = COALESCE(@error, last_error), last_error_at = CASE WHEN @error IS NULL THEN last_error_at ELSE @at END,
      next_poll_ms = @next WHERE url = @url`),
    pollFailed: db.prepare(`UPDATE feed_health SET last_polled_at = @at, last_error_at = @at, last_error = @error,
      consecutive_failures = consecutive_failures + 1, next_poll_ms = @next WHERE url = @url`),
    // One statement, so two processes on one file cannot both see the feed free and take it.
    claimPoll: db.prepare<{ url: string; owner: string; now: number; until: number }>(`UPDATE feed_health
      SET lease_owner = @owner, lease_until_ms = @until
      WHERE url = @url AND COALESCE(next_poll_ms, 0) <= @now
        AND (lease_owner IS NULL OR lease_owner = @owner OR COALESCE(lease_until_ms, 0) <= @now)`),
    releasePoll: db.prepare('UPDATE feed_health SET lease_owner = NULL, lease_until_ms = NULL WHERE url = ? AND lease_owner = ?'),
    endLease: db.prepare('UPDATE feed_health SET lease_owner = NULL, lease_until_ms = NULL WHERE url = ?'),
    queuePost: db.prepare<{ channel: string; article: string; url: string; guild: string | null; now: number }>(
      `INSERT OR IGNORE INTO feed_posts (channel_id, article_id, url, guild_id, queued_ms) VALUES (@channel, @article, @url, @guild, @now)`,
    ),
    // Posts whose story is stored: a poll queues them before storing its stories (FeedStore.queuePosts).
    claimable: db.prepare<{ now: number; limit: number; guild: number }, FeedPostRow>(
      `SELECT ${FEED_POST_COLUMNS} FROM feed_posts p WHERE claim_until_ms <= @now AND (guild_id IS NOT NULL) = @guild
        AND EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article_id) ORDER BY rowid LIMIT @limit`,
    ),
    dropStoryless: db.prepare<[number]>(
      'DELETE FROM feed_posts WHERE queued_ms < ? AND attempts = 0 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = feed_posts.article_id)',
    ),
    unqueuePosts: db.prepare<[string, string]>(
      'DELETE FROM feed_posts WHERE url = ? AND attempts = 0 AND article_id IN (SELECT value FROM json_each(?))',
    ),
    claimPost: db.prepare<{ owner: string; until: number; channel: string; article: string }>(
      `UPDATE feed_posts SET claimed_by = @owner, claim_until_ms = @until, attempts = attempts + 1 WHERE channel_id = @channel AND article_id = @article`,
    ),
    finishPost: db.prepare('DELETE FROM feed_posts WHERE channel_id = ? AND article_id = ?'),
    feedStoriesFirst: db.prepare<[number], FeedStoryRow>('SELECT article_id, url FROM feed_stories ORDER BY article_id, url LIMIT ?'),
    feedStoriesAfter: db.prepare<{ id: string; url: string; limit: number }, FeedStoryRow>(
      'SELECT article_id, url FROM feed_stories WHERE (article_id, url) > (@id, @url) ORDER BY article_id, url LIMIT @limit',
    ),
    exportPosts: db.prepare<[], FeedPostRow & { queued_ms: number }>(
      `SELECT ${FEED_POST_COLUMNS}, queued_ms FROM feed_posts ORDER BY rowid`,
    ),
    importPost: db.prepare<FeedPostRow & { queued_ms: number }>(
      `INSERT OR IGNORE INTO feed_posts (channel_id, article_id, url, guild_id, queued_ms, attempts)
      VALUES (@channel_id, @article_id, @url, @guild_id, @queued_ms, @attempts)`,
    ),
  };

  const channelsOf = (url: string): FeedChannel[] => q.channels.all(url).map((r) => ({ guildId: r.guild_id, channelId: r.channel_id }));

  const feedOf = (row: FeedRow): Feed =>
    toFeed(
      row,
      channelsOf(row.url),
      q.owners.all(row.url).map((r) => r.guild_id),
    );

  const getFeed = (url: string): Feed | null => {
    const row = q.get.get(url);
    return row ? feedOf(row) : null;
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
    if (input.guildId) q.insertOwner.run(input.url, input.guildId, input.addedAt.toISOString(), input.addedBy);
    return { created: !existing, feed: getFeed(input.url)! };
  });

  const removeOwner = db.transaction((url: string, guildId: string): boolean => {
    if (q.deleteOwner.run(url, guildId).changes === 0) return false;
    q.deleteGuildChannels.run(url, guildId);
    const feed = q.get.get(url);
    // The last guild let go of a chat-added feed: nobody polls it for anyone any more.
    if (feed && feed.origin === 'command' && q.ownerCount.get(url)!.n === 0) q.deleteFeed.run(url);
    return true;
  });

  const recordPoll = db.transaction((r: FeedPollRecord): void => {
    const at = r.polledAt.toISOString();
    q.endLease.run(r.url);
    if (r.outcome === 'failed') {
      q.pollFailed.run({ url: r.url, at, error: r.error ?? 'unknown error', next: r.nextPollAt.getTime() });
      return;
    }
    if (r.outcome === 'ok' && (r.etag !== undefined || r.lastModified !== undefined || r.title !== undefined))
      q.updateFeedOk.run({ url: r.url, title: r.title ?? null, etag: r.etag ?? null, lastModified: r.lastModified ?? null });
    q.pollOk.run({
      url: r.url,
      at,
      added: r.added,
      rejected: r.rejected,
      undated: r.undated,
      error: r.error,
      next: r.nextPollAt.getTime(),
    });
  });

  // The items are stored through the async store (their own transaction), then the validators: when
  // storing the items fails, the validators are not saved and the next poll fetches the whole feed again.
  const commitItems = async <T>(url: string, v: FeedValidators, storeItems: () => Promise<T>): Promise<T> => {
    const stored = await storeItems();
    q.updateFeedOk.run({ url, title: v.title, etag: v.etag, lastModified: v.lastModified });
    return stored;
  };

  const queuePosts = db.transaction((posts: readonly Omit<QueuedFeedPost, 'attempts'>[], now: Date) => {
    for (const p of posts)
      q.queuePost.run({ channel: p.channel.channelId, article: p.articleId, url: p.url, guild: p.channel.guildId, now: now.getTime() });
  });

  // Select and mark in one write transaction (taken with BEGIN IMMEDIATE), so two processes on one file
  // never claim the same post.
  const claimPosts = db.transaction((owner: string, now: Date, claimUntil: Date, limit: number, scope: FeedPostScope): QueuedFeedPost[] => {
    q.dropStoryless.run(now.getTime() - POST_STORY_WAIT_MS);
    return q.claimable.all({ now: now.getTime(), limit, guild: scope === 'guild' ? 1 : 0 }).map((row) => {
      q.claimPost.run({ owner, until: claimUntil.getTime(), channel: row.channel_id, article: row.article_id });
      return toQueuedFeedPost({ ...row, attempts: row.attempts + 1 });
    });
  });

  const importFeedStories = db.transaction((links: readonly FeedStoryLink[]): number => {
    let added = 0;
    for (const l of links) added += q.feedStory.run(l.articleId, l.url).changes;
    return added;
  });

  const importPosts = db.transaction((posts: readonly ExportedFeedPost[]): number => {
    let added = 0;
    for (const p of posts)
      added += q.importPost.run({
        channel_id: p.channel.channelId,
        article_id: p.articleId,
        url: p.url,
        guild_id: p.channel.guildId,
        queued_ms: p.queuedAt.getTime(),
        attempts: p.attempts,
      }).changes;
    return added;
  });

  const importFeeds = db.transaction((feeds: readonly Feed[]): number => {
    let added = 0;
    for (const f of feeds) {
      if (q.get.get(f.url)) continue;
      db.prepare(
        'INSERT INTO feeds (url, title, interval_minutes, origin, added_at, added_by, etag, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(f.url, f.title, f.intervalMinutes, f.origin, f.addedAt, f.addedBy, f.etag, f.lastModified);
      const h = f.health;
      db.prepare(
        `INSERT INTO feed_health (url, last_polled_at, last_success_at, last_error_at, last_error, consecutive_failures, items_added, items_rejected,
        items_undated, next_poll_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        f.url,
        h.lastPolledAt,
        h.lastSuccessAt,
        h.lastErrorAt,
        h.lastError,
        h.consecutiveFailures,
        h.itemsAdded,
        h.itemsRejected,
        h.itemsUndated,
        h.nextPollAt ? Date.parse(h.nextPollAt) : 0,
      );
      for (const c of f.channels) q.insertChannel.run(f.url, c.guildId, c.channelId);
      for (const guildId of f.owners) q.insertOwner.run(f.url, guildId, f.addedAt, f.addedBy);
      added++;
    }
    return added;
  });

  const recordFeedStories = db.transaction((url: string, stories: { added: readonly string[]; seen: readonly string[] }): void => {
    for (const id of stories.added) q.feedStory.run(id, url);
    for (const id of stories.seen) q.shareStory.run({ id, url });
  });

  return {
    recordFeedStories: (url, stories) => recordFeedStories.immediate(url, stories),
    storiesHiddenFrom: (guildId, articleIds) => {
      const hidden = new Set<string>();
      for (const id of articleIds) {
        const feeds = q.storyFeeds.all({ guild: guildId, id });
        if (feeds.length > 0 && !feeds.some((f) => f.visible === 1)) hidden.add(id);
      }
      return hidden;
    },
    addFeed: (input) => addFeed.immediate(input),
    commitItems,
    importFeeds: (feeds) => importFeeds.immediate(feeds),
    removeFeed: (url) => q.deleteFeed.run(url).changes > 0,
    removeChannel: (url, channelId) => q.deleteChannel.run(url, channelId).changes > 0,
    getFeed,
    listFeeds: () => q.list.all().map(feedOf),
    feedsOwnedBy: (guildId) => q.ownedBy.all(guildId).map(feedOf),
    removeOwner: (url, guildId) => removeOwner.immediate(url, guildId),
    dueFeeds: (now) => q.due.all(now.getTime()).map(feedOf),
    recordPoll: (record) => recordPoll.immediate(record),
    claimPoll: (url, owner, now, leaseUntil) =>
      q.claimPoll.run({ url, owner, now: now.getTime(), until: leaseUntil.getTime() }).changes === 1,
    releasePoll: (url, owner) => {
      q.releasePoll.run(url, owner);
    },
    queuePosts: (posts, now) => queuePosts.immediate(posts, now),
    unqueuePosts: (url, articleIds) => {
      if (articleIds.length > 0) q.unqueuePosts.run(url, JSON.stringify(articleIds));
    },
    claimPosts: (owner, now, claimUntil, limit, scope) => claimPosts.immediate(owner, now, claimUntil, limit, scope),
    finishPost: (channelId, articleId) => {
      q.finishPost.run(channelId, articleId);
    },
    feedStoriesPage: (after, limit) =>
      (after ? q.feedStoriesAfter.all({ id: after.articleId, url: after.url, limit }) : q.feedStoriesFirst.all(limit)).map(toFeedStoryLink),
    importFeedStories: (links) => importFeedStories.immediate(links),
    exportPosts: () => q.exportPosts.all().map(toExportedFeedPost),
    importPosts: (posts) => importPosts.immediate(posts),
  };
}
