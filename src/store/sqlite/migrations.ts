/**
 * Versioned schema. Each migration runs once, in order, inside a transaction; `PRAGMA user_version`
 * records how far a database has got. Append new versions; never edit a released one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
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
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
