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
import { DEFAULT_FEED_INTERVAL_MINUTES, POST_STORY_WAIT_MS, type Feed, type FeedChannel, type FeedStore } from '../feed-store.js';
import type { PgClient } from './pg-database.js';
import { inTransaction, type PgPool, type PgQueryable } from './pg-database.js';

interface PgFeedRow extends FeedRow {
  channels: FeedChannel[];
  owners: string[];
}

/** PostgreSQL reads a feed's channels and owners in the same row (json_agg). */
const feedOf = (row: PgFeedRow): Feed => toFeed(row, row.channels, row.owners);

const FEED_SELECT = `SELECT f.url, f.title, f.interval_minutes, f.origin, f.added_at, f.added_by, f.etag, f.last_modified,
  h.last_polled_at, h.last_success_at, h.last_error_at, h.last_error, h.consecutive_failures,
  h.items_added, h.items_rejected, h.items_undated, h.next_poll_ms,
  COALESCE((SELECT json_agg(json_build_object('guildId', c.guild_id, 'channelId', c.channel_id) ORDER BY c.channel_id)
    FROM feed_channels c WHERE c.url = f.url), '[]') AS channels,
  ARRAY(SELECT o.guild_id FROM feed_owners o WHERE o.url = f.url ORDER BY o.added_at, o.guild_id) AS owners
  FROM feeds f LEFT JOIN feed_health h ON h.url = f.url`;

async function getFeed(db: PgQueryable, url: string): Promise<Feed | null> {
  const row = (await db.query<PgFeedRow>(`${FEED_SELECT} WHERE f.url = $1`, [url])).rows[0];
  return row ? feedOf(row) : null;
}

/** Feeds, their health and channels on PostgreSQL: the same calls as the SQLite FeedStore. */
export function createPgFeedStore(pool: PgPool): FeedStore {
  return {
    importFeeds: (feeds) =>
      inTransaction(pool, async (client) => {
        let added = 0;
        for (const f of feeds) {
          const r = await client.query(
            `INSERT INTO feeds (url, title, interval_minutes, origin, added_at, added_by, etag, last_modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (url) DO NOTHING`,
            [f.url, f.title, f.intervalMinutes, f.origin, f.addedAt, f.addedBy, f.etag, f.lastModified],
          );
          if (r.rowCount !== 1) continue;
          const h = f.health;
          await client.query(
            `INSERT INTO feed_health (url, last_polled_at, last_success_at, last_error_at, last_error, consecutive_failures, items_added, items_rejected,
              items_undated, next_poll_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
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
            ],
          );
          for (const guildId of f.owners) {
            await client.query(
              'INSERT INTO feed_owners (url, guild_id, added_at, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
              [f.url, guildId, f.addedAt, f.addedBy],
            );
          }
          for (const c of f.channels) {
            await client.query('INSERT INTO feed_channels (url, guild_id, channel_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
              f.url,
              c.guildId,
              c.channelId,
            ]);
          }
          added++;
        }
        return added;
      }),
    addFeed: (input) =>
      inTransaction(pool, async (client) => {
        const inserted = await client.query(
          'INSERT INTO feeds (url, interval_minutes, origin, added_at, added_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO NOTHING',
          [input.url, input.intervalMinutes ?? DEFAULT_FEED_INTERVAL_MINUTES, input.origin, input.addedAt.toISOString(), input.addedBy],
        );
        const created = inserted.rowCount === 1;
        if (created) await client.query('INSERT INTO feed_health (url, next_poll_ms) VALUES ($1, 0)', [input.url]);
        else if (input.intervalMinutes !== undefined)
          await client.query('UPDATE feeds SET interval_minutes = $1 WHERE url = $2', [input.intervalMinutes, input.url]);
        if (input.channel) {
          await client.query(
            'INSERT INTO feed_channels (url, guild_id, channel_id) VALUES ($1, $2, $3) ON CONFLICT (url, channel_id) DO UPDATE SET guild_id = EXCLUDED.guild_id',
            [input.url, input.channel.guildId, input.channel.channelId],
          );
        }
        if (input.guildId) {
          await client.query('INSERT INTO feed_owners (url, guild_id, added_at, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
            input.url,
            input.guildId,
            input.addedAt.toISOString(),
            input.addedBy,
          ]);
        }
        return { created, feed: (await getFeed(client, input.url))! };
      }),
    removeFeed: async (url) => ((await pool.query('DELETE FROM feeds WHERE url = $1', [url])).rowCount ?? 0) > 0,
    removeChannel: async (url, channelId) =>
      ((await pool.query('DELETE FROM feed_channels WHERE url = $1 AND channel_id = $2', [url, channelId])).rowCount ?? 0) > 0,
    getFeed: (url) => getFeed(pool, url),
    listFeeds: async () => (await pool.query<PgFeedRow>(`${FEED_SELECT} ORDER BY f.seq`)).rows.map(feedOf),
    feedsOwnedBy: async (guildId) =>
      (
        await pool.query<PgFeedRow>(`${FEED_SELECT} WHERE f.url IN (SELECT url FROM feed_owners WHERE guild_id = $1) ORDER BY f.seq`, [
          guildId,
        ])
      ).rows.map(feedOf),
    removeOwner: (url, guildId) =>
      inTransaction(pool, async (client: PgClient) => {
        if ((await client.query('DELETE FROM feed_owners WHERE url = $1 AND guild_id = $2', [url, guildId])).rowCount === 0) return false;
        await client.query('DELETE FROM feed_channels WHERE url = $1 AND guild_id = $2', [url, guildId]);
        // The last guild let go of a chat-added feed: nobody polls it for anyone any more.
        await client.query(
          "DELETE FROM feeds f WHERE f.url = $1 AND f.origin = 'command' AND NOT EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url)",
          [url],
        );
        return true;
      }),
    // Items first (their own transaction), then the validators: when storing the items fails, the
    // validators are not saved and the next poll fetches the whole feed again.
    async commitItems(url, v, storeItems) {
      const stored = await storeItems();
      await pool.query('UPDATE feeds SET title = COALESCE($1, title), etag = $2, last_modified = $3 WHERE url = $4', [
        v.title,
        v.etag,
        v.lastModified,
        url,
      ]);
      return stored;
    },
    async recordFeedStories(url, stories) {
      await pool.query('INSERT INTO feed_stories (article_id, url) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [
        stories.added,
        url,
      ]);
      await pool.query(
        `INSERT INTO feed_stories (article_id, url) SELECT s.id, $2 FROM unnest($1::text[]) AS s(id)
        WHERE EXISTS (SELECT 1 FROM feed_stories x WHERE x.article_id = s.id) ON CONFLICT DO NOTHING`,
        [stories.seen, url],
      );
    },
    async storiesHiddenFrom(guildId, articleIds) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT s.article_id AS id FROM feed_stories s LEFT JOIN feeds f ON f.url = s.url WHERE s.article_id = ANY($1::text[])
        GROUP BY s.article_id
        HAVING NOT bool_or(f.url IS NOT NULL AND (f.origin = 'config' OR NOT EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url)
          OR EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url AND o.guild_id = $2)))`,
        [articleIds, guildId],
      );
      return new Set(rows.map((r) => r.id));
    },
    dueFeeds: async (now) =>
      (
        await pool.query<PgFeedRow>(`${FEED_SELECT} WHERE COALESCE(h.next_poll_ms, 0) <= $1 ORDER BY COALESCE(h.next_poll_ms, 0), f.seq`, [
          now.getTime(),
        ])
      ).rows.map(feedOf),
    // One UPDATE: under READ COMMITTED a second claimer waits for the first's row lock, then sees the
    // lease taken (or the feed no longer due) when it re-checks the WHERE clause, so only one wins.
    claimPoll: async (url, owner, now, leaseUntil) =>
      (
        await pool.query(
          `UPDATE feed_health SET lease_owner = $2, lease_until_ms = $4
          WHERE url = $1 AND COALESCE(next_poll_ms, 0) <= $3
            AND (lease_owner IS NULL OR lease_owner = $2 OR COALESCE(lease_until_ms, 0) <= $3)`,
          [url, owner, now.getTime(), leaseUntil.getTime()],
        )
      ).rowCount === 1,
    async queuePosts(posts, now) {
      if (posts.length === 0) return;
      await pool.query(
        `INSERT INTO feed_posts (channel_id, article_id, url, guild_id, queued_ms)
        SELECT c, a, u, g, $5::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t (c, a, u, g)
        ON CONFLICT DO NOTHING`,
        [
          posts.map((p) => p.channel.channelId),
          posts.map((p) => p.articleId),
          posts.map((p) => p.url),
          posts.map((p) => p.channel.guildId),
          now.getTime(),
        ],
      );
    },
    // SKIP LOCKED: processes claiming at once each get other rows instead of waiting on each other's.
    async unqueuePosts(url, articleIds) {
      if (articleIds.length === 0) return;
      await pool.query('DELETE FROM feed_posts WHERE url = $1 AND attempts = 0 AND article_id = ANY($2::text[])', [url, articleIds]);
    },
    // Posts whose story is stored: a poll queues them before storing its stories (FeedStore.queuePosts).
    claimPosts: async (owner, now, claimUntil, limit, scope) =>
      (
        await pool.query<FeedPostRow & { seq: string }>(
          // One round trip a tick: the posts whose story never came are dropped in the same statement
          // (a data-modifying CTE runs on the same snapshot; the claim skips those posts anyway, as
          // their story is not stored).
          `WITH dropped AS (
            DELETE FROM feed_posts d WHERE queued_ms < $6 AND attempts = 0 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)
          )
          UPDATE feed_posts p SET claimed_by = $1, claim_until_ms = $3, attempts = p.attempts + 1
          FROM (SELECT channel_id, article_id FROM feed_posts f WHERE claim_until_ms <= $2 AND (guild_id IS NOT NULL) = $5
            AND EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)
            ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED) c
          WHERE p.channel_id = c.channel_id AND p.article_id = c.article_id
          RETURNING p.seq, ${FEED_POST_COLUMNS.split(', ')
            .map((c) => `p.${c}`)
            .join(', ')}`,
          [owner, now.getTime(), claimUntil.getTime(), limit, scope === 'guild', now.getTime() - POST_STORY_WAIT_MS],
        )
      ).rows
        // RETURNING does not keep the subquery's order.
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map(toQueuedFeedPost),
    async finishPost(channelId, articleId) {
      await pool.query('DELETE FROM feed_posts WHERE channel_id = $1 AND article_id = $2', [channelId, articleId]);
    },
    feedStoriesPage: async (after, limit) =>
      (
        await pool.query<FeedStoryRow>(
          after
            ? 'SELECT article_id, url FROM feed_stories WHERE (article_id, url) > ($2, $3) ORDER BY article_id, url LIMIT $1'
            : 'SELECT article_id, url FROM feed_stories ORDER BY article_id, url LIMIT $1',
          after ? [limit, after.articleId, after.url] : [limit],
        )
      ).rows.map(toFeedStoryLink),
    async importFeedStories(links) {
      if (links.length === 0) return 0;
      const r = await pool.query(
        'INSERT INTO feed_stories (article_id, url) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
        [links.map((l) => l.articleId), links.map((l) => l.url)],
      );
      return r.rowCount ?? 0;
    },
    exportPosts: async () =>
      (
        await pool.query<FeedPostRow & { queued_ms: string }>(`SELECT ${FEED_POST_COLUMNS}, queued_ms FROM feed_posts ORDER BY seq`)
      ).rows.map(toExportedFeedPost),
    async importPosts(posts) {
      if (posts.length === 0) return 0;
      // WITH ORDINALITY: seq follows the order given, after the posts queued here.
      const r = await pool.query(
        `INSERT INTO feed_posts (channel_id, article_id, url, guild_id, queued_ms, attempts)
        SELECT c, a, u, g, q, n FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[]) WITH ORDINALITY AS t (c, a, u, g, q, n, i)
        ORDER BY i ON CONFLICT DO NOTHING`,
        [
          posts.map((p) => p.channel.channelId),
          posts.map((p) => p.articleId),
          posts.map((p) => p.url),
          posts.map((p) => p.channel.guildId),
          posts.map((p) => p.queuedAt.getTime()),
          posts.map((p) => p.attempts),
        ],
      );
      return r.rowCount ?? 0;
    },
    async releasePoll(url, owner) {
      await pool.query('UPDATE feed_health SET lease_owner = NULL, lease_until_ms = NULL WHERE url = $1 AND lease_owner = $2', [
        url,
        owner,
      ]);
    },
    recordPoll: (r) =>
      inTransaction(pool, async (client) => {
        const at = r.polledAt.toISOString();
        await client.query('UPDATE feed_health SET lease_owner = NULL, lease_until_ms = NULL WHERE url = $1', [r.url]);
        if (r.outcome === 'failed') {
          await client.query(
            `UPDATE feed_health SET last_polled_at = $1, last_error_at = $1, last_error = $2, consecutive_failures = consecutive_failures + 1, next_poll_ms = $3 WHERE url = $4`,
            [at, r.error ?? 'unknown error', r.nextPollAt.getTime(), r.url],
          );
          return;
        }
        // As SQLite: the validators are replaced only when the record carries them (commitItems saves them with the items).
        if (r.outcome === 'ok' && (r.etag !== undefined || r.lastModified !== undefined || r.title !== undefined)) {
          await client.query('UPDATE feeds SET title = COALESCE($1, title), etag = $2, last_modified = $3 WHERE url = $4', [
            r.title ?? null,
            r.etag ?? null,
            r.lastModified ?? null,
            r.url,
          ]);
        }
        await client.query(
          `UPDATE feed_health SET last_polled_at = $1, last_success_at = $1, consecutive_failures = 0,
            items_added = items_added + $2, items_rejected = items_rejected + $3, items_undated = items_undated + $4,
            last_error = COALESCE($5, last_error), last_error_at = CASE WHEN $5::text IS NULL THEN last_error_at ELSE $1 END,
            next_poll_ms = $6 WHERE url = $7`,
          [at, r.added, r.rejected, r.undated, r.error, r.nextPollAt.getTime(), r.url],
        );
      }),
  };
}
