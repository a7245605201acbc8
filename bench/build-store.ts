/**
 * Child process: build one benchmark store through the real ingest path (createApp → app.ingest, with
 * the real analyzer: sentence scores, quotes, places) and print what it measured as one JSON line.
 * Usage: tsx bench/build-store.ts ARTICLES STORE_DIR [SEED_STORE_DB]
 *
 * Stores up to the corpus length (19,040) are built whole, analyzer included. Bigger ones start from a
 * copy of the seed store (the first 19,040 records) and add the rest through the same ingest path,
 * but with the analysis replayed from the seed record each one is a digit variant of (same text
 * offsets): the real analyzer costs ~3 ms of CPU per story, which would make a 1M store take hours on
 * this machine. Their ingest rate is therefore the store side alone, reported as such.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commands } from '../commands/index.js';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../src/store/sqlite/sqlite-article-store.js';
import { digestFeatures } from '../src/digest/story-features.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import type { ArticleAnalysis, NewArticle } from '../src/store/article-store.js';
import { articleId } from '../src/store/article-identity.js';
import { systemClock } from '../src/core/clock.js';
import { createLogger } from '../src/core/logger.js';
import { loadConfig } from '../src/config.js';
import { loadCorpus, makeRecord, recordIndexOfUrl, seedOf, writeBenchCorpus } from './generate.js';
import { fileMb } from './stats.js';

export interface BuildResult {
  articles: number;
  added: number;
  duplicate: number;
  rejected: number;
  /** True when the analysis was replayed from the seed store (store-side ingest rate only). */
  replayed: boolean;
  /** Articles that went through ingest in this build (all of them, or those beyond the seed). */
  ingested: number;
  generateSeconds: number;
  /** CPU seconds (user + system) of the ingest: the rate a machine to itself would see. */
  ingestCpuSeconds: number;
  ingestPerCpuSec: number;
  ingestSeconds: number;
  ingestPerSec: number;
  storeMb: number;
}

const corpusFile = path.resolve(import.meta.dirname, '../../shared/corpus/reuters21578.ndjson');

async function main(): Promise<void> {
  const articles = Number(process.argv[2]);
  const dir = path.resolve(process.argv[3] ?? '');
  if (!Number.isInteger(articles) || articles <= 0 || !process.argv[3]) throw new Error('usage: build-store.ts ARTICLES STORE_DIR');
  const seedDb = process.argv[4] ? path.resolve(process.argv[4]) : null;
  const dbPath = path.join(dir, 'store.db');
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  const corpus = loadCorpus(corpusFile);
  const from = seedDb ? corpus.length : 0;
  if (seedDb) fs.copyFileSync(seedDb, dbPath);

  const g0 = performance.now();
  const files = writeBenchCorpus(corpusFile, articles, path.join(dir, 'corpus'), from);
  const generateSeconds = (performance.now() - g0) / 1000;

  const config = loadConfig(process.env, { dbPath });
  const log = createLogger({ level: 'warn', write: (line) => process.stderr.write(`${line}\n`) });
  const app = await createApp({ dbPath, cacheDir: config.cacheDir, commands, clock: systemClock, log });
  const onProgress = (p: { filesDone: number; records: number }): void => {
    if (p.filesDone % 20 === 0)
      process.stderr.write(`  built ${(from + p.records).toLocaleString('en-US')} of ${articles.toLocaleString('en-US')}\n`);
  };
  // Timed from here: parsing, analysis (sentence scores, quotes, places) and storage, file by file.
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let tally;
  if (seedDb) {
    // The seed read synchronously (the analyzer is a plain function): the SQLite parts under the async contract.
    const seedDbHandle = openDatabase(seedDb);
    const seed = createSqliteArticleParts(seedDbHandle).stories;
    const replay = (article: NewArticle): ArticleAnalysis => {
      const i = recordIndexOfUrl(article.url);
      const seedRecord = i === null ? null : makeRecordCached(seedOf(corpus, i));
      const analysis = seedRecord ? seed.getAnalysis(articleId(seedRecord.url, '')) : null;
      if (!analysis) throw new Error(`no seed analysis for ${article.url}`);
      // Offsets are the seed's and still hold (only digits differ); the digest's features are made from this story.
      return { ...analysis, digest: digestFeatures(article, analysis.sentences, analysis.places) };
    };
    const cache = new Map<number, { url: string }>();
    const makeRecordCached = (k: number): { url: string } => {
      let r = cache.get(k);
      if (!r) cache.set(k, (r = { url: makeRecord(corpus, k).url }));
      return r;
    };
    tally = await ingestPaths(files, { store: app.services.store.stories, analyze: replay, now: () => new Date(), onProgress });
    seedDbHandle.close();
  } else {
    tally = await app.ingest(files, onProgress);
  }
  const cpu = process.cpuUsage(c0);
  const ingestSeconds = (performance.now() - t0) / 1000;
  const ingestCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const stored = await app.services.store.stories.count();
  await app.close(); // checkpoints the WAL into the main file
  fs.rmSync(path.join(dir, 'corpus'), { recursive: true, force: true });

  const ingested = tally.added + tally.duplicate + tally.rejected;
  const result: BuildResult = {
    articles,
    added: stored,
    duplicate: tally.duplicate,
    rejected: tally.rejected,
    replayed: seedDb !== null,
    ingested,
    generateSeconds,
    ingestCpuSeconds,
    ingestPerCpuSec: Math.round(ingested / ingestCpuSeconds),
    ingestSeconds,
    ingestPerSec: Math.round(ingested / ingestSeconds),
    storeMb: fileMb(dbPath),
  };
  console.log(JSON.stringify(result));
}

await main();
