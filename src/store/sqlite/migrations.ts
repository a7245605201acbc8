import { repeatKeyOf } from '../quote-repeat-key.js';
import { backfillDayShapes } from './digest-features-table.js';
import type { SqliteDatabase } from './open-database.js';
import { TREND_COUNTS_SQL } from './trend-counts-table.js';

/**
 * The digest_features and digest_terms tables as the current code writes them (migration 6 makes them so, and 8 makes them
 * again: a store from before 6 is backfilled by 6 with the code of today, whose rows need the
 * columns). The one edit of a released migration, and it leaves what 6 did to a store the same.
 */
const CREATE_DIGEST_FEATURES = `
      CREATE TABLE digest_features (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
        body_words INTEGER NOT NULL,
        summary TEXT NOT NULL,
        terms BLOB NOT NULL,
        -- How many of the terms, the last ones, are place keys (DigestFeatures.placeTerms).
        place_terms INTEGER NOT NULL DEFAULT 0,
        shapes TEXT NOT NULL
      );`;
const CREATE_DIGEST_TERMS = `
      CREATE TABLE digest_terms (
        id INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        -- Stored stories holding the term (counted as each story's features are written).
        stories INTEGER NOT NULL DEFAULT 0
      );`;

/**
 * Versioned schema. Each migration runs once, in order, inside a transaction; `PRAGMA user_version`
 * records how far a database has got. Append new versions; never edit a released one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Fills what `sql` created from the rows already stored, in the same transaction (for what SQL alone cannot compute). */
  backfill?: (db: SqliteDatabase) => void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, full-text index, analysis (sentences, quotes, places)',
    sql: `
      CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        published TEXT NOT NULL,
        published_ms INTEGER NOT NULL,
        published_zone TEXT,
        editor TEXT,
        dateline_place TEXT,
        headline TEXT NOT NULL,
        headline_derived INTEGER NOT NULL DEFAULT 0,
        caption TEXT,
        caption_credit TEXT,
        body TEXT NOT NULL,
        url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_by_published ON articles (published_ms DESC);

      -- External-content FTS5: the text lives once, in articles; the index holds only postings.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        headline, body,
        content = 'articles', content_rowid = 'rowid',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- Titles alone, with prefix indexes, so autocomplete does not scan bodies.
      CREATE VIRTUAL TABLE headlines_fts USING fts5 (
        headline,
        content = 'articles', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
      );

      -- Sentence offsets and scores, packed per article: read whole, never queried inside.
      CREATE TABLE article_sentences (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
        packed TEXT NOT NULL
      );

      CREATE TABLE quotes (
        article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
        text TEXT NOT NULL,
        speaker TEXT NOT NULL,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_description TEXT,
        verb TEXT,
        PRIMARY KEY (article_rowid, start)
      ) WITHOUT ROWID;
      CREATE INDEX quotes_by_speaker ON quotes (speaker COLLATE NOCASE);

      CREATE TABLE places (
        article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        name TEXT NOT NULL,
        geoname_id INTEGER,
        country_code TEXT,
        lat REAL,
        lon REAL,
        PRIMARY KEY (article_rowid, start)
      ) WITHOUT ROWID;
      CREATE INDEX places_by_geoname ON places (geoname_id, article_rowid);
    `,
  },
  {
    version: 2,
    description: 'digests: subscriptions (one per channel) and the delivery ledger keyed by (subscription, local date)',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        guild_id TEXT,
        channel_id TEXT NOT NULL UNIQUE,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        about TEXT,
        quiet INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Unsubscribing keeps the row (and so its ledger): re-subscribing the same day cannot post twice.
        removed_at TEXT,
        paused_at TEXT,
        pause_reason TEXT
      );
      CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id);

      -- The primary key is the exactly-once guarantee: one row per digest, claimed in a write transaction.
      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'retry', 'delivered', 'skipped', 'failed')),
        scheduled_ms INTEGER NOT NULL,
        since_ms INTEGER NOT NULL,
        at_ms INTEGER NOT NULL,
        late INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        owner TEXT,
        lease_until_ms INTEGER,
        next_attempt_ms INTEGER,
        message_ids TEXT NOT NULL DEFAULT '[]',
        last_error TEXT,
        finished_ms INTEGER,
        PRIMARY KEY (subscription_id, local_date)
      ) WITHOUT ROWID;
      CREATE INDEX deliveries_open ON deliveries (status) WHERE status IN ('pending', 'retry');
    `,
  },
  {
    // Version 2 is reserved for the digest ledger (issue 9); versions run in numeric order.
    version: 3,
    description: 'feeds: polled RSS/Atom feeds, their health, and channels for new-story posts',
    sql: `
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        interval_minutes INTEGER NOT NULL DEFAULT 15 CHECK (interval_minutes >= 1),
        origin TEXT NOT NULL CHECK (origin IN ('config', 'command')),
        added_at TEXT NOT NULL,
        added_by TEXT,
        etag TEXT,
        last_modified TEXT
      );

      CREATE TABLE feed_health (
        url TEXT PRIMARY KEY REFERENCES feeds (url) ON DELETE CASCADE,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error_at TEXT,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        items_added INTEGER NOT NULL DEFAULT 0,
        items_rejected INTEGER NOT NULL DEFAULT 0,
        items_undated INTEGER NOT NULL DEFAULT 0,
        next_poll_ms INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX feed_health_by_next_poll ON feed_health (next_poll_ms);

      CREATE TABLE feed_channels (
        url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        guild_id TEXT,
        channel_id TEXT NOT NULL,
        PRIMARY KEY (url, channel_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: 'precomputed counts for /quote and /where (speakers, stories per place), kept by addArticles',
    sql: `
      -- Distinct speakers and how often they are quoted: speaker autocomplete and the /quote speaker
      -- filter read this instead of grouping every quote (hundreds of ms at 100k stories).
      CREATE TABLE quote_speakers (
        speaker TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
        quotes INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO quote_speakers (speaker, quotes)
        SELECT speaker, COUNT(*) FROM quotes WHERE speaker <> 'unknown' GROUP BY speaker COLLATE NOCASE;

      -- Stories mentioning each gazetteer place: /where's "N stories mention it" and the
      -- disambiguation counts, without a COUNT(DISTINCT) over every mention.
      CREATE TABLE place_story_counts (
        geoname_id INTEGER NOT NULL PRIMARY KEY,
        stories INTEGER NOT NULL
      );
      INSERT INTO place_story_counts (geoname_id, stories)
        SELECT geoname_id, COUNT(DISTINCT article_rowid) FROM places WHERE geoname_id IS NOT NULL GROUP BY geoname_id;
    `,
  },
  {
    version: 5,
    description: 'quote_speakers by quote count, for the /quote speaker filter and speaker autocomplete',
    sql: `
      -- "Most quoted speakers whose name holds X" walks this from the top and stops at the LIMIT,
      -- instead of sorting every matching speaker (2 ms for a one-letter prefix at 100k stories).
      CREATE INDEX quote_speakers_by_quotes ON quote_speakers (quotes DESC, speaker);
    `,
  },
  {
    version: 6,
    description: 'digest features per story (summary, body words, grouping terms, headline shapes), kept by addArticles',
    sql: `
      -- What a digest needs of a story (DigestFeatures), so a build reads these short rows instead of
      -- every body of its window and working them out again (~50 ms a busy day at any store size).
      -- When what story-features.ts computes changes, a new migration must recompute these rows.
      ${CREATE_DIGEST_FEATURES}
      -- Grouping terms (stemmed words, '@'-prefixed place keys) by id: a digest compares ids, not words.
      ${CREATE_DIGEST_TERMS}
    `,
    // Features are digest/'s to compute (the store imports no domain code): a store that had stories
    // before this version is marked, and the app fills them in on open (digest/backfill-features.ts).
    backfill: (db) => {
      db.exec(`
        CREATE TABLE IF NOT EXISTS store_flags (name TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_flags (name) SELECT 'digest-features-backfill' WHERE EXISTS (SELECT 1 FROM articles);`);
    },
  },
  {
    version: 7,
    description: 'the distinct headline shapes of each UTC day, kept by addArticles',
    sql: `
      -- A digest counts the days of the two weeks before its window each headline shape was seen on;
      -- a day's distinct shapes are one short index range here instead of every story of the day.
      CREATE TABLE digest_day_shapes (
        day INTEGER NOT NULL,
        shape TEXT NOT NULL,
        PRIMARY KEY (day, shape)
      ) WITHOUT ROWID;
    `,
    backfill: (db) => {
      backfillDayShapes(db);
    },
  },
  {
    version: 8,
    description: 'stories per place and month, kept by addArticles (the /where timeline)',
    sql: `
      -- Stories mentioning each gazetteer place in each month (yyyymm of the story's date as written,
      -- as the replies show it): /where's timeline counts every stored mention from a few rows
      -- instead of reading the dates of every story that names the place (100k for a country at 1M).
      -- Summed over its months, a place's row here equals its place_story_counts row. Rebuilt whole
      -- if the migration runs again (a store whose version was set back, as tests of older backfills do).
      CREATE TABLE IF NOT EXISTS place_month_counts (
        geoname_id INTEGER NOT NULL,
        month INTEGER NOT NULL,
        stories INTEGER NOT NULL,
        PRIMARY KEY (geoname_id, month)
      ) WITHOUT ROWID;
      DELETE FROM place_month_counts;
      INSERT INTO place_month_counts (geoname_id, month, stories)
        SELECT p.geoname_id, CAST(substr(a.published, 1, 4) AS INTEGER) * 100 + CAST(substr(a.published, 6, 2) AS INTEGER), COUNT(DISTINCT p.article_rowid)
        FROM places p JOIN articles a ON a.rowid = p.article_rowid
        WHERE p.geoname_id IS NOT NULL GROUP BY 1, 2;
    `,
  },
  {
    version: 9,
    description: 'delivery fencing (lease version) and tenants: feeds owned by the guilds that added them',
    sql: `
      -- Which guilds added a feed: each sees, and may remove, only its own. A feed without owners that
      -- the operator listed (origin 'config') or polled from the command line belongs to the operator.
      CREATE TABLE IF NOT EXISTS feed_owners (
        url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        guild_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT,
        PRIMARY KEY (url, guild_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS feed_owners_by_guild ON feed_owners (guild_id);
      -- Feeds added from chat before tenants existed belong to the guilds whose channels they post to.
      INSERT OR IGNORE INTO feed_owners (url, guild_id, added_at, added_by)
        SELECT c.url, c.guild_id, f.added_at, f.added_by FROM feed_channels c JOIN feeds f ON f.url = c.url
        WHERE f.origin = 'command' AND c.guild_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS feed_channels_by_guild ON feed_channels (guild_id);

      -- Which feeds brought each story that reached the store through feeds (ingested files and the
      -- watched folder leave no rows: those stories are everyone's). With DATELINE_FEED_STORIES=own-server
      -- a server sees such a story only when one of these feeds is its own or the operator's.
      CREATE TABLE IF NOT EXISTS feed_stories (
        article_id TEXT NOT NULL,
        url TEXT NOT NULL,
        PRIMARY KEY (article_id, url)
      ) WITHOUT ROWID;
    `,
    backfill: (db) => {
      // Bumped by every claim: a sender compares it (with its owner) right before each part, so a
      // process that was paused while another took over its expired lease cannot post again.
      // (SQLite has no ADD COLUMN IF NOT EXISTS; tests re-run migrations on rewound stores.)
      const columns = db
        .prepare<[], { name: string }>('PRAGMA table_info(deliveries)')
        .all()
        .map((c) => c.name);
      if (columns.length > 0 && !columns.includes('lease_version'))
        db.exec('ALTER TABLE deliveries ADD COLUMN lease_version INTEGER NOT NULL DEFAULT 0');
    },
  },
  {
    version: 10,
    description: 'resolved quote speakers (issue 15) and the quote analyzer version of each story, for dateline reanalyze',
    sql: `
      -- Which quote analyzer wrote each story's quotes. Stories without a row were written before
      -- versions were kept: \`dateline reanalyze\` redoes those and every older version, and this table is
      -- also how far it got (a story is marked in the same transaction as its new quotes).
      CREATE TABLE IF NOT EXISTS quote_analysis (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
        version INTEGER NOT NULL
      );
    `,
    // The named person or organisation a quote's speaker mention refers to ("he" -> "Robert Brusca").
    // Added only when missing: SQLite has no ADD COLUMN IF NOT EXISTS, and a copy whose user_version was
    // set back must still open.
    backfill: (db) => {
      const have = new Set((db.prepare('PRAGMA table_info(quotes)').all() as { name: string }[]).map((c) => c.name));
      for (const [name, type] of [
        ['resolved_name', 'TEXT'],
        ['resolved_start', 'INTEGER'],
        ['resolved_end', 'INTEGER'],
      ] as const) {
        if (!have.has(name)) db.exec(`ALTER TABLE quotes ADD COLUMN ${name} ${type}`);
      }
    },
  },
  {
    version: 11,
    description: 'stories per (place, UTC day) and per (speaker, UTC day) for /trend, kept by addArticles',
    // Self-contained: reads only articles, places and quotes (version 1), whatever else is added.
    sql: TREND_COUNTS_SQL,
  },
  {
    version: 12,
    description:
      'digest grouping terms leave place-name words to the place keys, drop news filler words, say how many are places; stories per term',
    sql: `
      -- Event grouping (issue 16) weighs place keys apart from words: every story's features are made again.
      DROP TABLE digest_features;
      DROP TABLE digest_terms;
      ${CREATE_DIGEST_FEATURES}
      ${CREATE_DIGEST_TERMS}
    `,
    // The features are digest/'s to compute: the app fills them in on open (digest/backfill-features.ts).
    backfill: (db) => {
      db.exec(`
        CREATE TABLE IF NOT EXISTS store_flags (name TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_flags (name) SELECT 'digest-features-backfill' WHERE EXISTS (SELECT 1 FROM articles);`);
    },
  },
  {
    version: 13,
    description: 'store_flags: work a migration leaves for the application (digest features of stories stored before version 6)',
    sql: `CREATE TABLE IF NOT EXISTS store_flags (name TEXT PRIMARY KEY);`,
  },
  {
    version: 14,
    description: 'feed poll leases: processes sharing a store poll each feed once per interval (issue 17)',
    sql: '',
    backfill: (db) => {
      // Who is polling the feed and until when: taken by one UPDATE that only one poller can win.
      // (SQLite has no ADD COLUMN IF NOT EXISTS; tests re-run migrations on rewound stores.)
      const columns = db
        .prepare<[], { name: string }>('PRAGMA table_info(feed_health)')
        .all()
        .map((c) => c.name);
      if (!columns.includes('lease_owner')) db.exec('ALTER TABLE feed_health ADD COLUMN lease_owner TEXT');
      if (!columns.includes('lease_until_ms')) db.exec('ALTER TABLE feed_health ADD COLUMN lease_until_ms INTEGER');
    },
  },
  {
    version: 15,
    description: 'outbox of new-story posts: a poll queues them with its stories, so a crash before posting loses none',
    sql: `
      -- Posted in the order queued (rowid): a feed's stories in the order the poll stored them.
      CREATE TABLE IF NOT EXISTS feed_posts (
        channel_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        url TEXT NOT NULL,
        guild_id TEXT,
        queued_ms INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_by TEXT,
        claim_until_ms INTEGER NOT NULL DEFAULT 0,
        UNIQUE (channel_id, article_id)
      );
      CREATE INDEX IF NOT EXISTS feed_posts_by_claim ON feed_posts (claim_until_ms);
    `,
  },
  {
    version: 16,
    description: "digest terms say how the lead writes each word (a name or a common word): every story's features are made again",
    // The terms blob gains a byte a term (digest-features-table.ts): the old rows cannot be read as new
    // ones, and the stories per term are counted again as the rows are written, from none.
    sql: `
      DELETE FROM digest_features;
      DELETE FROM digest_terms;
    `,
    // The features are digest/'s to compute: the app fills them in on open (digest/backfill-features.ts).
    backfill: (db) => {
      db.exec(`
        CREATE TABLE IF NOT EXISTS store_flags (name TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_flags (name) SELECT 'digest-features-backfill' WHERE EXISTS (SELECT 1 FROM articles);`);
    },
  },
  {
    version: 17,
    description: "each story's publication time by its rowid, in a small index: the exact /trend counts read it for thousands of stories",
    // The exact counts (trend-counts-table.ts) look up the date of each story a set of places or speakers
    // holds; from the articles table, that is a page of its own per story (the body is in the row).
    sql: `
      CREATE INDEX IF NOT EXISTS articles_published_by_rowid ON articles (rowid, published_ms);
    `,
  },
  {
    version: 18,
    description: "a digest window's stories read from an index alone: the columns a digest shows, in the window's order",
    // A digest reads a window of ~1,000 stories on a busy day; from the articles table, each is a page of
    // its own (the body is in the row), so the window read was a quarter of a first build at 100k stories.
    // The index holds what the read takes from articles (~130 bytes a story) in its ORDER BY's order.
    sql: `
      CREATE INDEX IF NOT EXISTS articles_digest_window ON articles (published_ms DESC, rowid DESC, id, headline, source, dateline_place);
    `,
  },
  {
    version: 19,
    description: "the stories each feed brought, by feed: a server's counts leave out those only other servers' feeds brought",
    // DATELINE_FEED_STORIES=own-server: the counts a server is shown are the stored ones less what the
    // stories hidden from it add (sqlite/hidden-stories.ts), found from the feeds that are not the server's.
    sql: `
      CREATE INDEX IF NOT EXISTS feed_stories_by_url ON feed_stories (url);
    `,
  },
  {
    version: 20,
    description: 'the place recognizer version of each story, for dateline reanalyze',
    // Stories stored before have no row: which rules found their places is not known, so `dateline
    // reanalyze` finds them all again once.
    sql: `
      CREATE TABLE IF NOT EXISTS place_analysis (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
        version INTEGER NOT NULL
      );
    `,
  },
  {
    version: 21,
    description:
      "each quote keeps its story's date and a key of its words, in the speaker index: a speaker's newest distinct quotes are read from the index alone",
    // /quote speaker: lists a speaker's quotes newest first, each read from the speaker index and its story's
    // date from articles; a deep page of a speaker the wire repeats read every repeat whole to drop it
    // (up to 2,000 rows). As PostgreSQL's migration 17: the date is copied (it never changes once stored) and
    // the words are keyed (quote-repeat-key.ts), so the list is ordered and its repeats left out from the index.
    sql: '',
    // SQLite has no hash: the key is JavaScript's. Columns added only when missing (a copy whose user_version was set back).
    backfill: (db) => {
      const have = new Set((db.prepare('PRAGMA table_info(quotes)').all() as { name: string }[]).map((c) => c.name));
      if (!have.has('published_ms')) db.exec('ALTER TABLE quotes ADD COLUMN published_ms INTEGER');
      if (!have.has('quote_key')) db.exec('ALTER TABLE quotes ADD COLUMN quote_key INTEGER');
      // one pass, each row rewritten once (the old index dropped first: its entries would be visited for nothing),
      // the key from a function of this connection
      db.exec('DROP INDEX IF EXISTS quotes_by_speaker');
      db.function('dateline_quote_key', { deterministic: true }, (name, kind, verb, text) =>
        repeatKeyOf(String(name), String(kind), verb === null ? null : String(verb), String(text)),
      );
      db.exec(`
        UPDATE quotes SET published_ms = (SELECT a.published_ms FROM articles a WHERE a.rowid = quotes.article_rowid),
          quote_key = dateline_quote_key(COALESCE(resolved_name, speaker), kind, verb, text)`);
      db.exec(`
        CREATE INDEX IF NOT EXISTS quotes_by_speaker_dated ON quotes (speaker COLLATE NOCASE, article_rowid, start, published_ms, quote_key)`);
    },
  },
  {
    version: 22,
    description: 'the sentence splitter and scorer version of each story, for dateline reanalyze',
    // Stories stored before have no row: which splitter made their sentences is not known, so `dateline
    // reanalyze` splits them all again once (as migration 20 did for places).
    sql: `
      CREATE TABLE IF NOT EXISTS sentence_analysis (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
        version INTEGER NOT NULL
      );
    `,
  },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
