import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations, type Migration } from './migrations.js';

export type SqliteDatabase = Database.Database;

/**
 * Open (creating if needed) a Dateline database: WAL for concurrent readers and a second bot process,
 * a busy timeout so two writers wait instead of failing, and every pending migration applied.
 */
export function openDatabase(
  file: string,
  extraMigrations: readonly Migration[] = [],
  options: { busyTimeoutMs?: number } = {},
): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, [...migrations, ...extraMigrations]);
  applyWriterSettings(db);
  // The bot waits only briefly on another writer's lock (the wait blocks its event loop) and retries
  // asynchronously instead (issue 18); migrations above still wait the full 5 s.
  if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
  return db;
}

/**
 * Pages the WAL may hold before a commit copies them into the database (SQLite's default is 1,000).
 * Ingest rewrites the same index and counter pages chunk after chunk; each checkpoint writes a page
 * once however often it changed since the last, so checkpointing a tenth as often saved 14% of the
 * writer's CPU per story on the Reuters corpus, final checkpoint included (issue 21). The WAL file then
 * grows to ~40 MB (4 KiB pages) and stays that size.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Connection settings of the write path, applied once the migrations are done. Temporary storage in
 * memory: a chunk stored inside a larger transaction (the analyzer threads hold several chunks, a feed
 * poll wraps its stories) is a savepoint, whose journal of the pages it changes otherwise goes to a temp
 * file past 64 KiB: ~75 µs of system time per story, a fifth of the writer's CPU (issue 21). Applied
 * after the migrations on purpose: with temporary storage in memory SQLite sorts in memory without a
 * bound, which a migration building an index over a million stories should not.
 */
function applyWriterSettings(db: SqliteDatabase): void {
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma('temp_store = MEMORY');
}

export function migrate(db: SqliteDatabase, all: readonly Migration[]): void {
  const ordered = [...all].sort((a, b) => a.version - b.version);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of ordered) {
    if (migration.version <= current) continue;
    // IMMEDIATE: two processes starting at once must not both apply the same migration.
    db.transaction(() => {
      const now = db.pragma('user_version', { simple: true }) as number;
      if (migration.version <= now) return;
      db.exec(migration.sql);
      migration.backfill?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
