import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { parseStoreLocation } from '../../src/store/store-location.js';
import { runCliCaptured } from '../helpers/run-cli.js';

describe('store location (--db, DATELINE_DB, DATABASE_URL)', () => {
  it('reads postgres:// and postgresql:// URLs as PostgreSQL, anything else without a scheme as an SQLite path', () => {
    expect(parseStoreLocation('postgres://u@db.example:5432/dateline')).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db.example:5432/dateline',
    });
    expect(parseStoreLocation('postgresql://u:secret@127.0.0.1/d')).toMatchObject({ kind: 'postgres' });
    expect(parseStoreLocation('data/dateline.db')).toEqual({ kind: 'sqlite', path: 'data/dateline.db' });
    expect(parseStoreLocation('/tmp/x.db')).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
  });

  it('refuses any other URL with the reason, and never shows a password', () => {
    expect(() => parseStoreLocation('mysql://root:hunter2@db/dateline')).toThrow(
      /mysql: URL; the store is an SQLite file path or a postgres:\/\//,
    );
    expect(() => parseStoreLocation('mysql://root:hunter2@db/dateline')).not.toThrow(/hunter2/);
    expect(() => parseStoreLocation('http://example.com/db')).toThrow(/http: URL/);
    expect(() => parseStoreLocation('postgres://')).toThrow(/PostgreSQL URL|names no host/);
  });

  it('gives --db over DATELINE_DB over DATABASE_URL, and resolves only paths', () => {
    const cwd = '/srv/dateline';
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/d' }, {}, cwd).dbPath).toBe('postgres://u@h/d');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/d', DATELINE_DB: 'x.db' }, {}, cwd).dbPath).toBe(path.resolve(cwd, 'x.db'));
    expect(loadConfig({ DATELINE_DB: 'x.db' }, { dbPath: 'postgresql://u@h/other' }, cwd).dbPath).toBe('postgresql://u@h/other');
    expect(() => loadConfig({}, { dbPath: 'mysql://u@h/d' }, cwd)).toThrow(ConfigError);
  });

  it('reports a PostgreSQL server that cannot be reached in one line with the reason, without a stack or the password', async () => {
    // Nothing listens on the discard port of loopback: the connection is refused at once.
    const r = await runCliCaptured(['ask', '/latest', '--db', 'postgres://dateline:hunter2@127.0.0.1:9/news']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^PostgreSQL store postgres:\/\/dateline:\*+@127\.0\.0\.1:9\/news cannot be reached: .*ECONNREFUSED/);
    expect(r.stderr).not.toMatch(/hunter2|\n\s+at /);
  });
});
