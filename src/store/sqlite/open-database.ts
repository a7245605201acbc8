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
  // The bot waits only briefly on another writer's lock (the wait blocks its event loop) and retries
  // asynchronously instead (issue 18); migrations above still wait the full 5 s.
  if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
  return db;
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
