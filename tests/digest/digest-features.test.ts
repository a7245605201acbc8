import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, digestToJson } from '../../src/digest/build-digest.js';
import { openDatelineStore } from '../../src/app.js';
import { makeTempDir, writeCorpusSlice } from '../helpers/paths.js';
import { createTestServices, type TestServices } from '../helpers/test-services.js';
import { buildDigestFromBodies } from './reference-digest.js';

let services: TestServices;
const temp = makeTempDir();

beforeAll(async () => {
  // 1987-03-02 and 03-03 (from line 250 of the shared corpus), through the real analyzer and gazetteer.
  services = await createTestServices({ files: [writeCorpusSlice(temp.dir, 900, 249)] });
}, 180_000);
afterAll(async () => {
  temp.cleanup();
  await services?.close();
});

const windows: { at: string; hours: number; about?: string; all?: boolean }[] = [
  { at: '1987-03-03T00:00:00Z', hours: 24, all: true },
  { at: '1987-03-03T00:00:00Z', hours: 24 },
  { at: '1987-03-02T15:30:00Z', hours: 24 },
  { at: '1987-03-03T12:00:00Z', hours: 36 },
  { at: '1987-03-03T00:00:00Z', hours: 24, about: 'oil' },
  { at: '1987-03-03T00:00:00Z', hours: 24, about: 'Brazil' },
];

describe('digest features', () => {
  it('give the digest that reading every body of the window gives', async () => {
    for (const w of windows) {
      const at = new Date(w.at);
      const options = { since: new Date(at.getTime() - w.hours * 3_600_000), at, tz: 'UTC', about: w.about ?? null, all: w.all ?? false };
      const deps = { store: services.store, geo: services.geo };
      const got = await buildDigest(deps, options);
      const reference = await buildDigestFromBodies(deps, options);
      expect(got.storyCount).toBeGreaterThan(w.about ? 3 : 100);
      expect(digestToJson(got, { all: true })).toEqual(digestToJson(reference, { all: true }));
      expect(got.groups.map((g) => [g.more, g.storyCount, g.sourceCount])).toEqual(
        reference.groups.map((g) => [g.more, g.storyCount, g.sourceCount]),
      );
    }
  });

  it('are backfilled when a store from before them is opened, to the same rows', async () => {
    const file = `${temp.dir}/copy.db`;
    await services.app.close();
    const source = new Database(services.dbPath);
    source.exec(`VACUUM INTO '${file}'`);
    source.close();
    const dump = (db: Database.Database): unknown[] =>
      db
        .prepare(
          `
          SELECT a.id, f.body_words, f.summary, f.shapes, hex(f.terms) AS terms
          FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid ORDER BY a.rowid`,
        )
        .all();
    const terms = (db: Database.Database): unknown[] => db.prepare('SELECT id, term, stories FROM digest_terms ORDER BY id').all();
    const dayShapes = (db: Database.Database): unknown[] =>
      db.prepare('SELECT day, shape FROM digest_day_shapes ORDER BY day, shape').all();

    const ingested = new Database(file);
    const before = dump(ingested);
    const beforeTerms = terms(ingested);
    const beforeDays = dayShapes(ingested);
    expect(before.length).toBeGreaterThan(800);
    expect(beforeDays.length).toBeGreaterThan(500);
    // As the store was before version 6.
    ingested.exec('DROP TABLE digest_features; DROP TABLE digest_terms; DROP TABLE digest_day_shapes; PRAGMA user_version = 5');
    ingested.close();

    // Opened as every entry point opens it: migrations, then digest/ fills in the features they owe.
    const store = await openDatelineStore(file);
    const reopened = new Database(file, { readonly: true });
    expect(dump(reopened)).toEqual(before);
    expect(terms(reopened)).toEqual(beforeTerms);
    expect(dayShapes(reopened)).toEqual(beforeDays);
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM store_flags').get()).toEqual({ n: 0 });
    reopened.close();
    const at = new Date('1987-03-03T00:00:00Z');
    const options = { since: new Date('1987-03-02T00:00:00Z'), at, tz: 'UTC' };
    expect(digestToJson(await buildDigest({ store, geo: services.geo }, options))).toEqual(
      digestToJson(await buildDigestFromBodies({ store, geo: services.geo }, options)),
    );
    await store.close();

    // As the store was before version 16: terms blobs without the byte a term that says how the lead
    // writes it (ids and counts only). The migration has every story's features made again.
    const old = new Database(file);
    old.exec('UPDATE digest_features SET terms = substr(terms, 1, length(terms) / 13 * 12); PRAGMA user_version = 15');
    old.close();
    const upgraded = await openDatelineStore(file);
    const again = new Database(file, { readonly: true });
    expect(dump(again)).toEqual(before);
    expect(terms(again)).toEqual(beforeTerms);
    expect(again.prepare('SELECT COUNT(*) AS n FROM store_flags').get()).toEqual({ n: 0 });
    again.close();
    await upgraded.close();
  });
});
