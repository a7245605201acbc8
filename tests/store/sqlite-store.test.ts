import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { latestSchemaVersion } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { analyzed, describeStoreContract, story } from './store-contract.js';

describeStoreContract('SQLite', async () => {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'nested/dir/store.db');
  let other = 0;
  return {
    open: async () => openSqliteStore(file),
    openSame: async () => openSqliteStore(file),
    openEmpty: async () => openSqliteStore(path.join(temp.dir, `other-${other++}.db`)),
    cleanup: async () => temp.cleanup(),
  };
});

describe('SQLite store', () => {
  it('creates the file on first open, in WAL mode, at the latest schema version', async () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'a/b/store.db');
    await openSqliteStore(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
    temp.cleanup();
  });

  it('gives the same stable id to the same story in another store', async () => {
    const a = openSqliteStore(':memory:');
    const b = openSqliteStore(':memory:');
    const [x] = (await a.stories.addArticles([analyzed(story())])).added;
    const [y] = (await b.stories.addArticles([analyzed(story())])).added;
    expect(x).toBeDefined();
    expect(x).toBe(y);
    await a.close();
    await b.close();
  });
});
