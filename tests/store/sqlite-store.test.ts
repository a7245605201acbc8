import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { latestSchemaVersion } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { analyzed, describeStoreContract, story } from './store-contract.js';
import { saidBy } from '../helpers/quotes.js';

describeStoreContract('SQLite', () => {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'nested/dir/store.db');
  let other = 0;
  // Promise executors keep a failed open a rejection, as the async arrows made it.
  return Promise.resolve({
    open: () => new Promise((resolve) => resolve(openSqliteStore(file))),
    openSame: () => new Promise((resolve) => resolve(openSqliteStore(file))),
    openEmpty: () => new Promise((resolve) => resolve(openSqliteStore(path.join(temp.dir, `other-${other++}.db`)))),
    cleanup: () =>
      new Promise<void>((resolve) => {
        temp.cleanup();
        resolve();
      }),
  });
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

  it('backfills the per-month place counts when an older store is opened', async () => {
    const temp = makeTempDir();
    const dbFile = path.join(temp.dir, 'store.db');
    let store = openSqliteStore(dbFile);
    const items: [string, number[]][] = [
      ['2020-01-05T10:00:00Z', [1]],
      ['2020-01-20T10:00:00Z', [1, 2]],
      ['2020-02-01T10:00:00Z', [2]],
    ];
    await store.stories.addArticles(
      items.map(([published, ids], i) => {
        const body = `Story ${i} names ${ids.map((id) => `P${id}`).join(' and ')}.`;
        const places = ids.map((id) => ({
          name: `P${id}`,
          start: body.indexOf(`P${id}`),
          end: body.indexOf(`P${id}`) + `P${id}`.length,
          geonameId: id,
          countryCode: 'SY',
          lat: 35,
          lon: 39,
        }));
        return analyzed(story({ headline: `Story ${i}`, body, published }), { places });
      }),
    );
    const kept = await store.places.placeMentionMonths([1, 2]);
    await store.close();
    // As the previous schema left it: no table, version 7.
    const db = openDatabase(dbFile);
    db.exec('DROP TABLE place_month_counts');
    db.pragma('user_version = 7');
    db.close();
    store = openSqliteStore(dbFile);
    expect(await store.places.placeMentionMonths([1, 2])).toEqual(kept);
    expect(await store.places.placeMentionMonths([1])).toEqual([{ month: '2020-01', stories: 2 }]);
    // Run again over its own table (a version set back): rebuilt, not doubled.
    await store.close();
    const again = openDatabase(dbFile);
    again.pragma('user_version = 7');
    again.close();
    store = openSqliteStore(dbFile);
    expect(await store.places.placeMentionMonths([1, 2])).toEqual(kept);
    await store.close();
    temp.cleanup();
  });

  it("keys the quotes of an older store, which then lists a speaker's repeated words once", async () => {
    const temp = makeTempDir();
    const dbFile = path.join(temp.dir, 'store.db');
    let store = openSqliteStore(dbFile);
    // a story filed three times over, its quote repeated word for word, and one other quote
    await store.stories.addArticles([
      ...[1, 2, 3].map((n) =>
        analyzed(story({ headline: `Pier filing ${n}`, body: `Filing ${n} of the pier story.`, published: `2020-05-0${n}T10:00:00Z` }), {
          quotes: [saidBy('Dana Quill', 0, 'The pier will be ready')],
        }),
      ),
      analyzed(story({ headline: 'Pier opens', body: 'The pier opened.', published: '2020-05-09T10:00:00Z' }), {
        quotes: [saidBy('Dana Quill', 0, 'The pier is open')],
      }),
    ]);
    const listed = (await store.quotes.findQuotes({ speaker: 'Quill', limit: 10 })).map((q) => `${q.published.slice(0, 10)} ${q.text}`);
    expect(listed).toEqual(['2020-05-09 The pier is open', '2020-05-03 The pier will be ready']);
    await store.close();
    // As version 20 left it: no date or key on the quotes, the speaker index without them.
    const db = openDatabase(dbFile);
    db.exec(`
      DROP INDEX quotes_by_speaker_dated;
      ALTER TABLE quotes DROP COLUMN published_ms;
      ALTER TABLE quotes DROP COLUMN quote_key;
      CREATE INDEX quotes_by_speaker ON quotes (speaker COLLATE NOCASE);`);
    db.pragma('user_version = 20');
    db.close();
    store = openSqliteStore(dbFile);
    expect((await store.quotes.findQuotes({ speaker: 'Quill', limit: 10 })).map((q) => `${q.published.slice(0, 10)} ${q.text}`)).toEqual(
      listed,
    );
    await store.close();
    const upgraded = openDatabase(dbFile);
    expect(upgraded.prepare('SELECT COUNT(*) AS n FROM quotes WHERE published_ms IS NULL OR quote_key IS NULL').get()).toEqual({ n: 0 });
    expect(upgraded.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'quotes' AND type = 'index' ORDER BY name").all()).toEqual([
      { name: 'quotes_by_speaker_dated' },
    ]);
    upgraded.close();
    temp.cleanup();
  });
});
