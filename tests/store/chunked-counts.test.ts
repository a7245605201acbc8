import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/ingest/analyze.js';
import { parseNdjson } from '../../src/ingest/formats/json-records.js';
import type { AnalyzedArticle } from '../../src/store/article-store.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../../src/store/sqlite/sqlite-article-store.js';
import { makeTempDir, writeCorpusSlice } from '../helpers/paths.js';
import { testGeo } from '../helpers/test-services.js';

/**
 * addArticles writes a transaction's counters (term, speaker, place, month and day counts, day
 * shapes) once per key at its end (issue 21). Storing stories in big chunks must leave exactly the
 * rows that storing them one transaction each leaves: one transaction per story is the old
 * one-upsert-per-story writing.
 */
describe('counters written once per chunk', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let items: AnalyzedArticle[];

  beforeAll(async () => {
    temp = makeTempDir();
    const file = writeCorpusSlice(temp.dir, 400);
    const analyze = createAnalyzer({ geo: await testGeo() });
    const articles = parseNdjson(fs.readFileSync(file, 'utf8'), file, new Date('2026-01-01T00:00:00Z')).flatMap((r) =>
      r.ok ? [r.article] : [],
    );
    items = articles.map((article, i) => {
      const analysis = analyze(article);
      // the same speaker spelt two ways in one chunk: the case-folding tables keep the first spelling
      const quotes =
        i % 5 === 0 && analysis.quotes[0]
          ? [...analysis.quotes, { ...analysis.quotes[0], speaker: analysis.quotes[0].speaker.toUpperCase(), start: article.body.length }]
          : analysis.quotes;
      return { article, analysis: { ...analysis, quotes } };
    });
    // a story given twice within one chunk is a duplicate the second time
    items.splice(50, 0, items[10]!);
  }, 120_000);
  afterAll(() => temp.cleanup());

  /** Every row of every ordinary table (FTS shadow tables aside), without the write time. */
  function dump(db: SqliteDatabase): Record<string, unknown[]> {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((t) => t.name);
    return Object.fromEntries(
      tables.map((name) => {
        const rows = db.prepare(`SELECT * FROM "${name}"`).raw(true).all() as unknown[][];
        const columns = db
          .prepare(`SELECT * FROM "${name}" LIMIT 0`)
          .columns()
          .map((c) => c.name);
        const at = columns.indexOf('ingested_at');
        const kept = rows.map((row) => JSON.stringify(row.filter((_, i) => i !== at)));
        return [name, kept.sort()];
      }),
    );
  }

  function store(name: string, chunk: number): { db: SqliteDatabase; added: number; duplicates: number } {
    const db = openDatabase(path.join(temp.dir, name));
    const { stories } = createSqliteArticleParts(db);
    let added = 0;
    let duplicates = 0;
    for (let i = 0; i < items.length; i += chunk) {
      const result = stories.addArticles(items.slice(i, i + chunk));
      added += result.added.length;
      duplicates += result.duplicates.length;
    }
    return { db, added, duplicates };
  }

  it('leaves the same rows in every table as one transaction per story', () => {
    const one = store('one.db', 1);
    const big = store('big.db', 128);
    expect(one.duplicates).toBeGreaterThan(0);
    expect([big.added, big.duplicates]).toEqual([one.added, one.duplicates]);
    const a = dump(one.db);
    const b = dump(big.db);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
    // the counters hold something to compare
    for (const table of [
      'digest_terms',
      'quote_speakers',
      'place_story_counts',
      'place_month_counts',
      'place_day_counts',
      'speaker_day_counts',
      'digest_day_shapes',
    ])
      expect(a[table]!.length, table).toBeGreaterThan(10);
    one.db.close();
    big.db.close();
  });
});
