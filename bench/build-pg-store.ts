/**
 * Child process: build one PostgreSQL benchmark store of ARTICLES generated records (bench/generate.ts)
 * in the database DATABASE_URL, and print what it measured as one JSON line (BuildResult).
 * Usage: tsx bench/build-pg-store.ts ARTICLES DATABASE_URL SEED_STORE_DB
 *
 * The same records as the SQLite stores, with every story's analysis replayed from the SQLite seed
 * store (the first 19,040 records, analysed for real; later records are digit variants of them with
 * the same offsets): what is timed is the store side of ingest, `StoryStore.addArticles` in batches of
 * BATCH stories, as `dateline migrate` copies a store. A bulk load is made cheaper the way PostgreSQL
 * bulk loads are: the GIN indexes are dropped while the rows go in and built once at the end (their
 * definitions are read from the catalog, so whatever the migrations made is rebuilt as it was), with
 * `synchronous_commit` off for this database during the load, then ANALYZE.
 *
 * Resumable: progress is kept in a `bench_build` table of the bench database, updated after every
 * batch, so a build that was stopped continues where it was (a batch stored twice is all duplicates).
 */
import path from 'node:path';
import pg from 'pg';
import { openDatelineStore } from '../src/app.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../src/store/sqlite/sqlite-article-store.js';
import { digestFeatures } from '../src/digest/story-features.js';
import { parseNdjson } from '../src/ingest/formats/json-records.js';
import type { AnalyzedArticle, ArticleAnalysis } from '../src/store/article-store.js';
import { articleId } from '../src/store/article-identity.js';
import { loadCorpus, makeRecord, seedOf } from './generate.js';
import type { BuildResult } from './build-store.js';

const corpusFile = path.resolve(import.meta.dirname, '../../shared/corpus/reuters21578.ndjson');
/** Stories per addArticles call (one transaction): large enough that round trips do not dominate. */
const BATCH = 1000;

async function state(client: pg.Client, key: string): Promise<string | null> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM bench_build WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

async function setState(client: pg.Client, key: string, value: string): Promise<void> {
  await client.query('INSERT INTO bench_build (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [
    key,
    value,
  ]);
}

async function main(): Promise<void> {
  const articles = Number(process.argv[2]);
  const url = process.argv[3] ?? '';
  const seedDb = path.resolve(process.argv[4] ?? '');
  if (!Number.isInteger(articles) || articles <= 0 || !url || !process.argv[4])
    throw new Error('usage: build-pg-store.ts ARTICLES DATABASE_URL SEED_STORE_DB');

  // Migrations first (the store's own schema), then the bench's bookkeeping beside it.
  const store = await openDatelineStore(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE TABLE IF NOT EXISTS bench_build (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const database = (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  let done = Number((await state(admin, 'records')) ?? 0);
  const prior = JSON.parse((await state(admin, 'seconds')) ?? '{"store":0,"index":0,"cpu":0}') as {
    store: number;
    index: number;
    cpu: number;
  };

  // The GIN indexes of `articles` and its full-text and headline side tables, kept aside while loading (saved first, so a resumed build rebuilds them).
  let gin = JSON.parse((await state(admin, 'gin')) ?? 'null') as { name: string; def: string }[] | null;
  if (!gin) {
    const { rows } = await admin.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('articles', 'article_search', 'article_headlines') AND indexdef ILIKE '% USING gin %'",
    );
    gin = rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
    await setState(admin, 'gin', JSON.stringify(gin));
  }
  for (const { name } of gin) await admin.query(`DROP INDEX IF EXISTS ${pg.escapeIdentifier(name)}`);
  // New sessions of this database only (the pool's connections are opened per transaction as needed).
  await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} SET synchronous_commit = off`);

  const corpus = loadCorpus(corpusFile);
  const seedHandle = openDatabase(seedDb);
  const seed = createSqliteArticleParts(seedHandle).stories;
  // Each seed story's analysis is used by every variant of it (52 of them at 1M): read once.
  const seedAnalysis = new Map<number, ArticleAnalysis>();
  const analysisOf = (i: number): ArticleAnalysis => {
    const k = seedOf(corpus, i);
    let a = seedAnalysis.get(k);
    if (!a) {
      const found = seed.getAnalysis(articleId(makeRecord(corpus, k).url, ''));
      if (!found) throw new Error(`no seed analysis for record ${k}`);
      seedAnalysis.set(k, (a = found));
    }
    return a;
  };

  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let duplicate = 0;
  let rejected = 0;
  let storeMs = 0;
  const now = new Date();
  while (done < articles) {
    const end = Math.min(articles, done + BATCH);
    const lines: string[] = [];
    for (let i = done; i < end; i++) lines.push(JSON.stringify(makeRecord(corpus, i)));
    const items: AnalyzedArticle[] = [];
    parseNdjson(lines.join('\n'), 'bench', now).forEach((record, k) => {
      if (!record.ok) {
        rejected++;
        return;
      }
      const analysis = analysisOf(done + k);
      // Offsets are the seed's and still hold (only digits differ); the digest's features are made from this story.
      items.push({
        article: record.article,
        analysis: { ...analysis, digest: digestFeatures(record.article, analysis.sentences, analysis.places) },
      });
    });
    const s0 = performance.now();
    const result = await store.stories.addArticles(items);
    storeMs += performance.now() - s0;
    duplicate += result.duplicates.length;
    done = end;
    await setState(admin, 'records', String(done));
    await setState(admin, 'seconds', JSON.stringify({ ...prior, store: prior.store + storeMs / 1000 }));
    if (done % 20_000 === 0 || done === articles)
      process.stderr.write(
        `  pg built ${done.toLocaleString('en-US')} of ${articles.toLocaleString('en-US')} (${Math.round(((performance.now() - t0) / 1000) * 10) / 10} s)\n`,
      );
  }
  seedHandle.close();
  await store.close();

  // The GIN indexes, built once over every row, then the planner's statistics.
  const i0 = performance.now();
  await admin.query("SET maintenance_work_mem = '512MB'");
  for (const { def } of gin) await admin.query(def.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
  // VACUUM sets the visibility map too, so index-only scans (speaker suggestions, counts) need no heap visits.
  await admin.query('VACUUM (ANALYZE)');
  await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} RESET synchronous_commit`);
  const indexSeconds = (performance.now() - i0) / 1000;
  const cpu = process.cpuUsage(c0);
  const seconds = {
    store: prior.store + storeMs / 1000,
    index: prior.index + indexSeconds,
    cpu: prior.cpu + (cpu.user + cpu.system) / 1e6,
  };
  await setState(admin, 'seconds', JSON.stringify(seconds));
  await setState(admin, 'complete', 'true');
  const stored = Number((await admin.query<{ n: string }>('SELECT COUNT(*) AS n FROM articles')).rows[0]!.n);
  const bytes = Number((await admin.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]!.b);
  await admin.end();

  // The store side: addArticles and the index builds (not the making of the records and their replayed analysis).
  const ingestSeconds = seconds.store + seconds.index;
  const result: BuildResult & { storeSeconds: number; indexSeconds: number } = {
    articles,
    added: stored,
    duplicate,
    rejected,
    replayed: true,
    ingested: articles,
    generateSeconds: 0,
    // The client's CPU only: the server's work (tsvector, indexes) is not in it, so the rate is the wall one.
    ingestCpuSeconds: seconds.cpu,
    ingestPerCpuSec: Math.round(articles / ingestSeconds),
    ingestSeconds,
    ingestPerSec: Math.round(articles / ingestSeconds),
    storeMb: Math.round((bytes / 1e6) * 10) / 10,
    storeSeconds: Math.round(seconds.store * 10) / 10,
    indexSeconds: Math.round(seconds.index * 10) / 10,
  };
  console.log(JSON.stringify(result));
}

await main();
