import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES, type SqliteDatabase } from '../../src/store/sqlite/open-database.js';
import { latestSchemaVersion } from '../../src/store/sqlite/migrations.js';
import { makeTempDir } from '../helpers/paths.js';

describe('openDatabase', () => {
  let opened: { db: SqliteDatabase; cleanup: () => void } | null = null;
  afterEach(() => {
    opened?.db.close();
    opened?.cleanup();
    opened = null;
  });

  it('migrates, then sets the write path up: a checkpoint every WAL_AUTOCHECKPOINT_PAGES, savepoint journals in memory', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(path.join(dir, 'store.db'));
    opened = { db, cleanup };
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    // 2 is MEMORY: a chunk stored as a savepoint journals its pages in memory, not in a temp file
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
  });
});
