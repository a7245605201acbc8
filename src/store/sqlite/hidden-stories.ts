import { hiddenStoriesOf, type HiddenStories } from '../hidden-counts.js';
import type { SqliteDatabase } from './open-database.js';
import { MONTH_OF_PUBLISHED } from './month-of-published.js';

/**
 * The stories hidden from one server (DATELINE_FEED_STORIES=own-server) and what they hold, for the
 * counts to leave out (`hidden-counts.ts`). Hidden: linked in `feed_stories` only to feeds that are
 * neither the operator's nor the server's own (the rule of `FeedStore.storiesHiddenFrom`).
 */
export interface SqliteHiddenStories {
  /** The stories hidden from the guild, by rowid; empty when none (the common case, cheap to tell). */
  of(guildId: string): HiddenStories;
  /** (rowid, gazetteer id) of each place a hidden story mentions, once per pair; only `ids` when given. */
  placePairs(hidden: HiddenStories, ids: readonly number[] | null): [number, number][];
  /** (rowid, lower-case speaker) of each named speaker a hidden story quotes, once per pair; only `speakers` when given. */
  speakerPairs(hidden: HiddenStories, speakers: readonly string[] | null): [number, string][];
  /** Quotes of hidden stories per lower-case speaker (as `quote_speakers` counts them). */
  speakerQuotes(hidden: HiddenStories): Map<string, number>;
}

/**
 * Feed URLs that brought stories, each once: a walk of feed_stories_by_url that jumps from one URL to
 * the next (as many steps as URLs, not as links), then the guild's visible feeds, then the links of
 * the other URLs whose story no visible feed brought too.
 */
const HIDDEN_SQL = `
  WITH RECURSIVE linked(url) AS (
    SELECT MIN(url) FROM feed_stories
    UNION ALL SELECT (SELECT MIN(s.url) FROM feed_stories s WHERE s.url > linked.url) FROM linked WHERE linked.url IS NOT NULL),
  shown(url) AS MATERIALIZED (
    SELECT f.url FROM feeds f WHERE f.origin = 'config' OR NOT EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url)
      OR EXISTS (SELECT 1 FROM feed_owners o WHERE o.url = f.url AND o.guild_id = ?)),
  other(url) AS MATERIALIZED (SELECT url FROM linked WHERE url IS NOT NULL AND url NOT IN (SELECT url FROM shown))
  SELECT DISTINCT a.rowid, a.published_ms, ${MONTH_OF_PUBLISHED}
  FROM other o JOIN feed_stories s INDEXED BY feed_stories_by_url ON s.url = o.url JOIN articles a ON a.id = s.article_id
  WHERE NOT EXISTS (SELECT 1 FROM feed_stories v WHERE v.article_id = s.article_id AND v.url IN (SELECT url FROM shown))`;

export function createSqliteHiddenStories(db: SqliteDatabase): SqliteHiddenStories {
  const q = {
    hidden: db.prepare<[string], [number, number, number]>(HIDDEN_SQL).raw(true),
    places: db
      .prepare<[string], [number, number]>(
        `SELECT DISTINCT article_rowid, geoname_id FROM places
        WHERE article_rowid IN (SELECT value FROM json_each(?)) AND geoname_id IS NOT NULL`,
      )
      .raw(true),
    // A few places' mentions in the hidden stories: probes of places_by_geoname (id, rowid), not every mention of them.
    placesOf: db
      .prepare<[string, string], [number, number]>(
        `SELECT DISTINCT article_rowid, geoname_id FROM places
        WHERE geoname_id IN (SELECT value FROM json_each(?)) AND article_rowid IN (SELECT value FROM json_each(?))`,
      )
      .raw(true),
    speakers: db
      .prepare<[string], [number, string]>(
        `SELECT DISTINCT article_rowid, speaker FROM quotes
        WHERE article_rowid IN (SELECT value FROM json_each(?)) AND speaker <> 'unknown'`,
      )
      .raw(true),
    speakerQuotes: db
      .prepare<[string], [string, number]>(
        'SELECT speaker, COUNT(*) FROM quotes WHERE article_rowid IN (SELECT value FROM json_each(?)) GROUP BY speaker',
      )
      .raw(true),
  };
  const keys = (hidden: HiddenStories): string => JSON.stringify([...hidden.keys()]);
  return {
    of: (guildId) => hiddenStoriesOf(q.hidden.all(guildId).map(([key, publishedMs, month]) => ({ key, publishedMs, month }))),
    placePairs(hidden, ids) {
      if (hidden.size === 0) return [];
      return ids ? q.placesOf.all(JSON.stringify(ids), keys(hidden)) : q.places.all(keys(hidden));
    },
    speakerPairs(hidden, speakers) {
      if (hidden.size === 0) return [];
      // Case folded here, as the callers fold names (SQLite's lower() folds ASCII letters only).
      const wanted = speakers ? new Set(speakers.map((s) => s.toLowerCase())) : null;
      return q.speakers
        .all(keys(hidden))
        .map(([key, speaker]): [number, string] => [key, speaker.toLowerCase()])
        .filter(([, s]) => !wanted || wanted.has(s));
    },
    speakerQuotes(hidden) {
      const quotes = new Map<string, number>();
      if (hidden.size === 0) return quotes;
      for (const [speaker, n] of q.speakerQuotes.all(keys(hidden)))
        quotes.set(speaker.toLowerCase(), (quotes.get(speaker.toLowerCase()) ?? 0) + n);
      return quotes;
    },
  };
}
