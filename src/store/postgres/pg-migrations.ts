/**
 * The PostgreSQL schema, versioned as the SQLite one is (`src/store/sqlite/migrations.ts`): append new
 * versions, never edit a released one. Applied at start under an advisory lock (pg-database.ts).
 */
export interface PgMigration {
  version: number;
  description: string;
  sql: string;
  /**
   * Run once the migration has committed, outside a transaction (VACUUM cannot run in one). Only what a
   * migration's reads are faster for, never what its schema needs: a process that dies between the commit
   * and this leaves it to autovacuum.
   */
  afterCommit?: string;
}

export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    description: 'articles with their analysis and full-text vector, quotes, places, digest features, counts',
    sql: `
      CREATE TABLE articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        published TEXT NOT NULL,
        published_ms BIGINT NOT NULL,
        published_zone TEXT,
        editor TEXT,
        dateline_place TEXT,
        headline TEXT NOT NULL,
        headline_derived BOOLEAN NOT NULL DEFAULT false,
        caption TEXT,
        caption_credit TEXT,
        body TEXT NOT NULL,
        url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        -- Sentence offsets and scores ([[start, end, score], ...]), as SQLite packs them.
        packed TEXT NOT NULL DEFAULT '[]',
        -- Headline above body, as SQLite's bm25 weights them (4:1).
        tsv TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', body), 'B')) STORED
      );
      CREATE INDEX articles_by_published ON articles (published_ms DESC, seq DESC);
      CREATE INDEX articles_tsv ON articles USING GIN (tsv);
      -- With default statistics a rare word made the planner walk the whole published index (issue 17).
      ALTER TABLE articles ALTER COLUMN tsv SET STATISTICS 1000;
      -- Headline words for autocomplete (prefix matching), without stemming or stop words.
      CREATE INDEX articles_headline_words ON articles USING GIN (to_tsvector('simple', headline));

      CREATE TABLE quotes (
        article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
        text TEXT NOT NULL,
        speaker TEXT NOT NULL,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_description TEXT,
        verb TEXT,
        PRIMARY KEY (article_seq, start)
      );
      CREATE INDEX quotes_by_speaker ON quotes (lower(speaker), article_seq DESC, start DESC);
      CREATE TABLE quote_speakers (
        key TEXT PRIMARY KEY,
        speaker TEXT NOT NULL,
        quotes INTEGER NOT NULL
      );
      CREATE INDEX quote_speakers_by_quotes ON quote_speakers (quotes DESC, speaker);

      CREATE TABLE places (
        article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        name TEXT NOT NULL,
        geoname_id INTEGER,
        country_code TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        PRIMARY KEY (article_seq, start)
      );
      CREATE INDEX places_by_geoname ON places (geoname_id, article_seq);
      CREATE TABLE place_story_counts (geoname_id INTEGER PRIMARY KEY, stories INTEGER NOT NULL);
      CREATE TABLE place_month_counts (geoname_id INTEGER NOT NULL, month INTEGER NOT NULL, stories INTEGER NOT NULL, PRIMARY KEY (geoname_id, month));

      CREATE TABLE digest_terms (id SERIAL PRIMARY KEY, term TEXT NOT NULL UNIQUE);
      CREATE TABLE digest_features (
        article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        body_words INTEGER NOT NULL,
        summary TEXT NOT NULL,
        terms BYTEA NOT NULL,
        shapes TEXT NOT NULL
      );
      CREATE TABLE digest_day_shapes (day INTEGER NOT NULL, shape TEXT NOT NULL, PRIMARY KEY (day, shape));

      -- Bumped by every write of stories or features: StoryStore.dataVersion.
      CREATE SEQUENCE data_version;
      CREATE TABLE store_flags (name TEXT PRIMARY KEY);
    `,
  },
  {
    version: 2,
    description: 'digest subscriptions (one per channel) and the delivery ledger keyed by (subscription, local date)',
    sql: `
      CREATE TABLE subscriptions (
        id SERIAL PRIMARY KEY,
        guild_id TEXT,
        channel_id TEXT NOT NULL UNIQUE,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        about TEXT,
        quiet BOOLEAN NOT NULL DEFAULT false,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        removed_at TEXT,
        paused_at TEXT,
        pause_reason TEXT
      );
      CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id);
      -- The primary key is the exactly-once guarantee: the claim is an INSERT ... ON CONFLICT DO NOTHING
      -- that only one process can win.
      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'retry', 'delivered', 'skipped', 'failed')),
        scheduled_ms BIGINT NOT NULL,
        since_ms BIGINT NOT NULL,
        at_ms BIGINT NOT NULL,
        late BOOLEAN NOT NULL DEFAULT false,
        attempts INTEGER NOT NULL DEFAULT 0,
        owner TEXT,
        lease_until_ms BIGINT,
        next_attempt_ms BIGINT,
        message_ids JSONB NOT NULL DEFAULT '[]',
        last_error TEXT,
        finished_ms BIGINT,
        PRIMARY KEY (subscription_id, local_date)
      );
      CREATE INDEX deliveries_open ON deliveries (status) WHERE status IN ('pending', 'retry');
    `,
  },
  {
    version: 3,
    description: 'feeds, their health, and channels for new-story posts',
    sql: `
      CREATE TABLE feeds (
        seq BIGSERIAL UNIQUE,
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
        next_poll_ms BIGINT NOT NULL DEFAULT 0
      );
      CREATE INDEX feed_health_by_next_poll ON feed_health (next_poll_ms);
      CREATE TABLE feed_channels (
        url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        guild_id TEXT,
        channel_id TEXT NOT NULL,
        PRIMARY KEY (url, channel_id)
      );
    `,
  },
  {
    version: 4,
    description:
      'delivery fencing (lease version) and tenants: feeds owned by the guilds that added them, and which feeds brought each story',
    sql: `
      ALTER TABLE deliveries ADD COLUMN lease_version INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE feed_owners (
        url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        guild_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT,
        PRIMARY KEY (url, guild_id)
      );
      CREATE INDEX feed_owners_by_guild ON feed_owners (guild_id);
      CREATE INDEX feed_channels_by_guild ON feed_channels (guild_id);
      CREATE TABLE feed_stories (
        article_id TEXT NOT NULL,
        url TEXT NOT NULL,
        PRIMARY KEY (article_id, url)
      );
    `,
  },
  {
    version: 5,
    description:
      'resolved quote speakers and quote analyzer versions, stories per (place, day) and (speaker, day), digest place terms and stories per term',
    sql: `
      -- The named person or organisation a quote's speaker mention refers to ("he" -> "Robert Brusca").
      ALTER TABLE quotes ADD COLUMN resolved_name TEXT, ADD COLUMN resolved_start INTEGER, ADD COLUMN resolved_end INTEGER;
      -- Which quote analyzer wrote each story's quotes: \`dateline reanalyze\` redoes stories without a row and older versions.
      CREATE TABLE quote_analysis (
        article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        version INTEGER NOT NULL
      );

      -- Stories per (place, UTC day) and per (speaker, UTC day), kept by addArticles: /trend and the small
      -- charts of /where and /quote count from one primary-key range per key. Speakers by lower-case name
      -- (as quote_speakers.key). Day: floor(published_ms / 86400000), stories before 1970 included.
      CREATE TABLE place_day_counts (geoname_id INTEGER NOT NULL, day INTEGER NOT NULL, stories INTEGER NOT NULL, PRIMARY KEY (geoname_id, day));
      INSERT INTO place_day_counts (geoname_id, day, stories)
        SELECT p.geoname_id, floor(a.published_ms / 86400000.0)::int, COUNT(DISTINCT p.article_seq)
        FROM places p JOIN articles a ON a.seq = p.article_seq WHERE p.geoname_id IS NOT NULL GROUP BY 1, 2;
      CREATE TABLE speaker_day_counts (key TEXT NOT NULL, day INTEGER NOT NULL, stories INTEGER NOT NULL, PRIMARY KEY (key, day));
      INSERT INTO speaker_day_counts (key, day, stories)
        SELECT lower(q.speaker), floor(a.published_ms / 86400000.0)::int, COUNT(DISTINCT q.article_seq)
        FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE q.speaker <> 'unknown' GROUP BY 1, 2;

      -- Event grouping weighs place keys apart from words (DigestFeatures.placeTerms) and reads how many
      -- stored stories hold each term: every story's features are made again by the application
      -- (digest/backfill-features.ts), as the SQLite store's version 12 has them made.
      ALTER TABLE digest_features ADD COLUMN place_terms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE digest_terms ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
      DELETE FROM digest_features;
      DELETE FROM digest_terms;
      INSERT INTO store_flags (name) SELECT 'digest-features-backfill' WHERE EXISTS (SELECT 1 FROM articles) ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 6,
    description: 'feed poll leases: processes sharing a store poll each feed once per interval (issue 17)',
    sql: `
      -- Who is polling the feed and until when: taken by one UPDATE that only one poller can win.
      ALTER TABLE feed_health ADD COLUMN lease_owner TEXT, ADD COLUMN lease_until_ms BIGINT;
    `,
  },
  {
    version: 7,
    description: 'outbox of new-story posts: a poll queues them with its stories, so a crash before posting loses none',
    sql: `
      -- Posted in the order queued (seq): a feed's stories in the order the poll stored them.
      CREATE TABLE feed_posts (
        seq BIGSERIAL,
        channel_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        url TEXT NOT NULL,
        guild_id TEXT,
        queued_ms BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_by TEXT,
        claim_until_ms BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (channel_id, article_id)
      );
      CREATE INDEX feed_posts_by_claim ON feed_posts (claim_until_ms);
    `,
  },
  {
    version: 8,
    description: "digest terms say how the lead writes each word (a name or a common word): every story's features are made again",
    sql: `
      -- The terms blob gains a byte a term (digest-features-table.ts): the old rows cannot be read as new
      -- ones, and the stories per term are counted again as the application writes the rows again
      -- (digest/backfill-features.ts), as the SQLite store's version 16 has them made.
      DELETE FROM digest_features;
      DELETE FROM digest_terms;
      INSERT INTO store_flags (name) SELECT 'digest-features-backfill' WHERE EXISTS (SELECT 1 FROM articles) ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 9,
    description: 'indexes for 1M stories: speaker names by trigram, story dates by seq, quotes by speaker with the name (issue 17)',
    sql: `
      -- Speaker names holding what was typed ('%poehl%'): without an index every speaker row is read, at
      -- every /quote speaker:, speaker autocomplete and /trend speaker:. pg_trgm ships with PostgreSQL and is a
      -- trusted extension (a database owner may create it); where it cannot be had, the statements stay
      -- correct and read the table as before.
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable (%): speaker names are matched without a trigram index', SQLERRM;
      END $$;
      DO $$
      DECLARE ns TEXT;
      BEGIN
        SELECT n.nspname INTO ns FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
        IF ns IS NOT NULL THEN
          EXECUTE format('CREATE INDEX quote_speakers_by_trigram ON quote_speakers USING gin (speaker %I.gin_trgm_ops)', ns);
        END IF;
      END $$;
      -- A story's date from its seq without visiting its row (an index-only scan): the counts that merge
      -- several places or speakers per day, and quote candidates ordered by date, look up thousands of them.
      CREATE INDEX articles_published_by_seq ON articles (seq) INCLUDE (published_ms);
      -- The same key as quotes_by_speaker, with the name itself: the planner takes an index-only scan of an
      -- expression index only when the column under the expression is in the index too.
      CREATE INDEX quotes_by_speaker_name ON quotes (lower(speaker), article_seq DESC, start DESC) INCLUDE (speaker);
      DROP INDEX quotes_by_speaker;
    `,
  },
  {
    version: 10,
    description: 'per-day counts of places and speakers read from their index alone (issue 19: /trend counts at 1M)',
    sql: `
      -- A place's or speaker's days are one range of the primary key, but their rows lie one per heap page
      -- (each batch of stories adds to every key at once): at 1M a busy place's ~3,000 days read ~3,000
      -- pages. With the count in the index they are read from a few dozen index pages.
      CREATE INDEX place_day_counts_covering ON place_day_counts (geoname_id, day) INCLUDE (stories);
      CREATE INDEX speaker_day_counts_covering ON speaker_day_counts (key, day) INCLUDE (stories);
    `,
  },
  {
    version: 11,
    description: "the stories each feed brought, by feed: a server's counts leave out those only other servers' feeds brought",
    sql: `
      -- DATELINE_FEED_STORIES=own-server: the counts a server is shown are the stored ones less what the
      -- stories hidden from it add (pg-hidden-stories.ts), found from the feeds that are not the server's.
      CREATE INDEX feed_stories_by_url ON feed_stories (url);
    `,
  },
  {
    version: 12,
    description: 'the place recognizer version of each story, for dateline reanalyze',
    sql: `
      -- Stories stored before have no row: which rules found their places is not known, so
      -- \`dateline reanalyze\` finds them all again once.
      CREATE TABLE place_analysis (
        article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        version INTEGER NOT NULL
      );
    `,
  },
  {
    version: 13,
    description:
      'full text matched in a narrow table of (seq, date, vector), and headline words by their own index (issue 17: search at 1M)',
    sql: `
      -- A match found in the GIN index is a row to visit for its seq and date: in articles that row holds
      -- the body (~5 rows a page, 143 MB at 100k), here ~18 rows a page. A common word's 20,000 newest
      -- matches for /trend about: read their dates from ~5,000 pages rather than walk ~85,000 stories
      -- testing each one's vector (150-300 ms at 100k). Kept by a trigger, so every writer keeps it.
      CREATE TABLE article_search (
        seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        published_ms BIGINT NOT NULL,
        tsv TSVECTOR NOT NULL
      ) WITH (toast_tuple_target = 128);
      -- A vector too long for its row (over ~2 kB) goes to TOAST whole, uncompressed (read as it is when ranked),
      -- not compressed into the row where it would take the room of several rows.
      ALTER TABLE article_search ALTER COLUMN tsv SET STORAGE EXTERNAL;
      INSERT INTO article_search (seq, published_ms, tsv) SELECT seq, published_ms, tsv FROM articles;
      CREATE INDEX article_search_tsv ON article_search USING GIN (tsv);
      -- A /trend about: over a few months: the matches of those months only (a BitmapAnd with the words).
      CREATE INDEX article_search_by_published ON article_search (published_ms);
      -- As articles.tsv (migration 1): a rare word must not make the planner walk the table.
      ALTER TABLE article_search ALTER COLUMN tsv SET STATISTICS 1000;
      CREATE FUNCTION article_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO article_search (seq, published_ms, tsv) SELECT seq, published_ms, tsv FROM written
        ON CONFLICT (seq) DO UPDATE SET published_ms = EXCLUDED.published_ms, tsv = EXCLUDED.tsv;
        RETURN NULL;
      END $$;
      CREATE TRIGGER article_search_on_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION article_search_keep();
      CREATE TRIGGER article_search_on_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION article_search_keep();
      -- Every query of the full text reads article_search now.
      DROP INDEX articles_tsv;
      -- Stories with every word in the headline (/search of a common word lists them first): a headline
      -- vector matches with no recheck, where 'word:A' on tsv re-read each candidate's whole vector
      -- (walking the newest 20,000 stories, 50-140 ms at 100k).
      CREATE INDEX articles_headline_english ON articles USING GIN (to_tsvector('english', headline));
      ANALYZE article_search;
    `,
  },
  {
    version: 14,
    description:
      'which stories hold each common word, a bit per story in blocks of 4,000 seqs, kept by a trigger (issue 17: /trend about: at 1M)',
    sql: `
      -- /trend about: of a common word read each of its newest 20,000 matches from article_search (a heap
      -- visit each: 10,000-40,000 pages at 1M, p99 435 ms). Here a word's stories are a bit string per block
      -- of 4,000 seqs (bit i: seq block * 4000 + i; 500 bytes, kept in the row), and a query of common words
      -- (and, or, not) is those bit strings combined (pg-word-days.ts). Kept for the words of
      -- search_counted_lexemes only: the lexemes the planner's statistics put in at least 1% of the stories
      -- (~1,200), chosen by the application when the store is opened and as it grows, each backfilled when
      -- chosen. A rarer word's matches are few enough to visit.
      CREATE TABLE search_counted_lexemes (lexeme TEXT PRIMARY KEY);
      CREATE TABLE search_word_bits (
        lexeme TEXT NOT NULL,
        block INTEGER NOT NULL,
        bits BIT(4000) NOT NULL,
        PRIMARY KEY (lexeme, block)
      );
      CREATE FUNCTION search_word_bits_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          WITH g AS (
            SELECT l, (o.seq / 4000)::int AS block, bit_or(set_bit(0::bit(4000), (o.seq % 4000)::int, 1)) AS bits
            FROM gone o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS l JOIN search_counted_lexemes c ON c.lexeme = l
            GROUP BY 1, 2)
          UPDATE search_word_bits s SET bits = s.bits & ~g.bits FROM g WHERE s.lexeme = g.l AND s.block = g.block;
          DELETE FROM search_word_bits s USING (
              SELECT DISTINCT l, (o.seq / 4000)::int AS block FROM gone o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS l) k
            WHERE s.lexeme = k.l AND s.block = k.block AND s.bits = 0::bit(4000);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO search_word_bits (lexeme, block, bits)
            SELECT l, (w.seq / 4000)::int, bit_or(set_bit(0::bit(4000), (w.seq % 4000)::int, 1))
            FROM written w CROSS JOIN LATERAL unnest(tsvector_to_array(w.tsv)) AS l JOIN search_counted_lexemes c ON c.lexeme = l
            GROUP BY 1, 2
          ON CONFLICT (lexeme, block) DO UPDATE SET bits = search_word_bits.bits | EXCLUDED.bits;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER search_word_bits_on_insert AFTER INSERT ON article_search REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION search_word_bits_keep();
      CREATE TRIGGER search_word_bits_on_update AFTER UPDATE ON article_search REFERENCING OLD TABLE AS gone NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION search_word_bits_keep();
      CREATE TRIGGER search_word_bits_on_delete AFTER DELETE ON article_search REFERENCING OLD TABLE AS gone
        FOR EACH STATEMENT EXECUTE FUNCTION search_word_bits_keep();
      -- The statistics the common words are chosen from, at the store's first open after this migration.
      ANALYZE article_search;
    `,
  },
  {
    version: 15,
    description:
      'headlines by seq in an index of their own: headline autocomplete walks the newest headlines without the stories (issue 17)',
    sql: `
      -- Headline autocomplete walks the newest headlines testing each (pg-article-store.ts, newestPrefixMatches):
      -- in articles a headline shares its page with the body, ~5 stories a page, so walking 20,000 of them
      -- read ~3,700 pages (cold at 1M); here ~80 headlines fit a page, read by an index-only scan.
      CREATE INDEX articles_headline_by_seq ON articles (seq) INCLUDE (headline);
    `,
  },
  {
    version: 16,
    description:
      'headline words matched in a narrow table of (seq, headline): headline autocomplete visits small rows, not the stories (issue 17)',
    sql: `
      -- Headline autocomplete takes the headlines holding a typed word start from the GIN index, then visits
      -- each match's row for its headline (pg-article-store.ts, newestPrefixMatches). In articles that row
      -- holds the body, ~5 a page: 'dollar op' visited 737 pages at 100k (60 ms, mostly read from the OS
      -- cache) and ten times as many at 1M, where they are cold. Here a row is the seq and the headline
      -- (~100 a page): the same matches lie on far fewer pages, and the table (tens of MB at 1M) stays
      -- cached. Kept by a trigger, as article_search (migration 13), so every writer keeps it.
      CREATE TABLE article_headlines (
        seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        headline TEXT NOT NULL
      );
      INSERT INTO article_headlines (seq, headline) SELECT seq, headline FROM articles;
      CREATE INDEX article_headlines_words ON article_headlines USING GIN (to_tsvector('simple', headline));
      CREATE FUNCTION article_headlines_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO article_headlines (seq, headline) SELECT seq, headline FROM written
        ON CONFLICT (seq) DO UPDATE SET headline = EXCLUDED.headline;
        RETURN NULL;
      END $$;
      CREATE TRIGGER article_headlines_on_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION article_headlines_keep();
      CREATE TRIGGER article_headlines_on_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION article_headlines_keep();
      -- Nothing reads the stories' own headline words any more: ingest keeps one GIN index of them, not two.
      DROP INDEX articles_headline_words;
      ANALYZE article_headlines;
    `,
  },
  {
    version: 17,
    description:
      "each quote keeps its story's date and a key of its words: a speaker's newest distinct quotes are read from one index (issue 17)",
    sql: `
      -- /quote speaker: merges the newest quotes of up to ten speaker names by date, each name's read from
      -- quotes_by_speaker_name; the date came from articles, one index probe per quote. A deep page of a
      -- role word at 1M ('analyst', page 18) reads ~2,000 quotes per name over its reads: ~16,000 probes,
      -- 36 ms warm and 136 ms cold. A story's date never changes once stored, so the quote keeps a copy.
      ALTER TABLE quotes ADD COLUMN published_ms BIGINT;
      -- The same words by the same speaker with the same cue, filed again (a wire story and its repeats):
      -- /quote shows them once, and read the whole rows of every repeat (up to 2,000) to find that out.
      -- 52 bits of a 64-bit hash: it stays exact as a JS number.
      ALTER TABLE quotes ADD COLUMN quote_key BIGINT GENERATED ALWAYS AS (
        hashtextextended(COALESCE(resolved_name, speaker) || chr(1) || kind || chr(1) || COALESCE(verb, '') || chr(1) || text, 0) >> 12
      ) STORED;
      UPDATE quotes q SET published_ms = a.published_ms FROM articles a WHERE a.seq = q.article_seq;
      ALTER TABLE quotes ALTER COLUMN published_ms SET NOT NULL;
      CREATE INDEX quotes_by_speaker_dated ON quotes (lower(speaker), article_seq DESC, start DESC) INCLUDE (speaker, published_ms, quote_key);
      DROP INDEX quotes_by_speaker_name;
    `,
    // Every quote row was rewritten: until a VACUUM marks its pages all-visible again the planner reads the
    // new index as a bitmap over the heap (488 ms warm for the same page at 1M; 5.7 ms after, 14 s to vacuum).
    afterCommit: 'VACUUM (ANALYZE) quotes',
  },
  {
    version: 18,
    description: 'the sentence splitter and scorer version of each story, for dateline reanalyze',
    sql: `
      -- Stories stored before have no row: which splitter made their sentences is not known, so
      -- \`dateline reanalyze\` splits them all again once (as migration 12 did for places).
      CREATE TABLE sentence_analysis (
        article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        version INTEGER NOT NULL
      );
    `,
  },
];
