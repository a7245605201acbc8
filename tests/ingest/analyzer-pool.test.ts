import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GeoService } from '../../src/geo/types.js';
import { createAnalyzer } from '../../src/ingest/analyze.js';
import type { AnalyzerPool } from '../../src/ingest/analyzer-pool.js';
import { startAnalyzerPool } from '../../src/ingest/analyzer-pool.js';
import { parseNdjson } from '../../src/ingest/formats/json-records.js';
import { ingestFile, ingestPaths, lazyAnalyzerPool, type IngestProgress } from '../../src/ingest/ingest.js';
import { ingestRecords, ingestRecordsInPool } from '../../src/ingest/ingest-records.js';
import type { NewArticle } from '../../src/store/article-store.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { openStoryStore } from '../helpers/story-store.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { makeTempDir, repoRoot, writeCorpusSlice } from '../helpers/paths.js';
import { testGeo } from '../helpers/test-services.js';

const cacheDir = path.join(repoRoot, 'data/cache');
const now = () => new Date('2026-01-01T00:00:00Z');

describe('analyzer threads', () => {
  let geo: GeoService;
  let temp: ReturnType<typeof makeTempDir>;
  const stores: (StoryStore & { close(): Promise<void> })[] = [];
  const openStore = (name: string): StoryStore & { close(): Promise<void> } => {
    const store = openStoryStore(path.join(temp.dir, name));
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    geo = await testGeo();
  });
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    temp.cleanup();
  });

  describe('the pool', () => {
    let pool: AnalyzerPool;
    beforeAll(() => {
      pool = startAnalyzerPool({ cacheDir, threads: 2 });
    });
    afterAll(async () => {
      await pool.close();
    });

    it('gives the same analyses as this thread, in order, reporting progress in order', async () => {
      const file = writeCorpusSlice(temp.dir, 80);
      const articles = parseNdjson(fs.readFileSync(file, 'utf8'), file, now()).flatMap((r) => (r.ok ? [r.article] : []));
      const analyze = createAnalyzer({ geo });
      const seen: number[] = [];
      const outcomes = await pool.analyzeAll(articles, (done) => seen.push(done));
      expect(outcomes).toEqual(articles.map((article) => ({ ok: true, analysis: analyze(article) })));
      expect(seen.at(-1)).toBe(articles.length);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });

    it('reports a story the analyzer throws on, and goes on with the rest', async () => {
      const broken = { headline: 'x', source: 'W', published: '2020-01-01T00:00:00.000Z' } as unknown as NewArticle;
      const outcomes = await pool.analyzeAll([broken]);
      expect(outcomes).toEqual([{ ok: false, message: expect.any(String) as string }]);
    });
  });

  it('bulk ingest with threads stores what ingest without them stores, with the same tally', async () => {
    const slice = fs.readFileSync(writeCorpusSlice(temp.dir, 60), 'utf8').split('\n').filter(Boolean);
    const input = path.join(temp.dir, 'in');
    fs.mkdirSync(input);
    // A malformed line in the middle: reported with its line whichever thread analyses.
    fs.writeFileSync(path.join(input, 'corpus.ndjson'), [...slice.slice(0, 30), '{not json', ...slice.slice(30)].join('\n'));
    const analyze = createAnalyzer({ geo });
    const inline = openStore('inline.db');
    const threaded = openStore('threaded.db');
    const progress: IngestProgress[] = [];
    const expected = await ingestPaths([input], { store: inline, analyze, now });
    const tally = await ingestPaths([input], {
      store: threaded,
      analyze,
      now,
      workers: { cacheDir, threads: 2, minStories: 10 },
      onProgress: (p) => progress.push(p),
    });
    expect(tally).toEqual(expected);
    expect(tally.errors).toEqual([{ path: path.join(input, 'corpus.ndjson'), line: 31, reason: expect.any(String) as string }]);
    expect(progress.at(-1)).toMatchObject({ filesDone: 1, filesTotal: 1, records: 61 });
    const latest = await inline.latest(100);
    expect(await threaded.latest(100)).toEqual(latest);
    for (const { id } of latest) expect(await threaded.getAnalysis(id)).toEqual(await inline.getAnalysis(id));
  });

  it('uses the threads for a file big enough, and not for a small one', async () => {
    const big = writeCorpusSlice(temp.dir, 40);
    const small = writeCorpusSlice(temp.dir, 3, 40);
    const analyze = createAnalyzer({ geo });
    let batches = 0;
    const threads = lazyAnalyzerPool({ cacheDir, threads: 1, minStories: 20 }, (options) => {
      const pool = startAnalyzerPool(options);
      return { ...pool, analyzeAll: (articles, onAnalysed) => ((batches += 1), pool.analyzeAll(articles, onAnalysed)) };
    });
    const inline = openStore('inline.db');
    const threaded = openStore('threaded.db');
    try {
      for (const file of [small, big, small]) {
        const deps = { analyze, now };
        expect(await ingestFile(file, { ...deps, store: threaded }, undefined, threads)).toEqual(
          await ingestFile(file, { ...deps, store: inline }),
        );
      }
    } finally {
      await threads.close();
    }
    expect(batches).toBe(1);
  });

  it('starts the threads as soon as a source is long enough to hold enough stories, once', () => {
    let started = 0;
    const idle: AnalyzerPool = { analyzeAll: () => Promise.resolve([]), close: () => Promise.resolve() };
    const threads = lazyAnalyzerPool({ minStories: 10 }, () => ((started += 1), idle));
    threads.expectSource(9_000);
    expect(started).toBe(0);
    threads.expectSource(10_000);
    expect(threads.forStories(10)).toBe(idle);
    threads.expectSource(50_000);
    expect(started).toBe(1);
  });

  it('analyses on this thread when the pool fails', async () => {
    const file = writeCorpusSlice(temp.dir, 12);
    const records = parseNdjson(fs.readFileSync(file, 'utf8'), file, now());
    const analyze = createAnalyzer({ geo });
    const failing: AnalyzerPool = { analyzeAll: () => Promise.reject(new Error('no thread')), close: () => Promise.resolve() };
    const expected = await ingestRecords(records, file, { store: openStore('a.db'), analyze });
    const result = await ingestRecordsInPool(records, file, { store: openStore('b.db'), analyze }, failing);
    expect(result).toEqual(expected);
  });
  it('threads that store hold chunks while another writer has the lock, then store them all, each chunk its own result', async () => {
    const file = writeCorpusSlice(temp.dir, 150);
    const articles = parseNdjson(fs.readFileSync(file, 'utf8'), file, now()).flatMap((r) => (r.ok ? [r.article] : []));
    const dbPath = path.join(temp.dir, 'bot.db');
    const expected = openStore('inline.db');
    const analyze = createAnalyzer({ geo });
    const inline = await ingestRecords(parseNdjson(fs.readFileSync(file, 'utf8'), file, now()), file, { store: expected, analyze });
    // another writer holds the store's write lock while the threads analyse their first chunks
    const other = openDatabase(dbPath);
    other.exec('BEGIN IMMEDIATE');
    const pool = startAnalyzerPool({ cacheDir, threads: 2, dbPath });
    try {
      const release = new Promise<void>((resolve) =>
        setTimeout(() => {
          other.exec('COMMIT');
          resolve();
        }, 1500),
      );
      const stored = await pool.analyzeAndStore!(articles);
      await release;
      expect(stored.chunks.map((c) => c.size).reduce((a, b) => a + b, 0)).toBe(articles.length);
      expect(stored.chunks.every((c) => c.stored.ok)).toBe(true);
      const added = stored.chunks.flatMap((c) => (c.stored.ok ? c.stored.added : []));
      expect(added.length).toBe(inline.tally.added);
      expect(new Set(added).size).toBe(added.length);
      const threaded = openStore('bot.db');
      const latest = await expected.latest(200);
      expect(await threaded.latest(200)).toEqual(latest);
      for (const { id } of latest.slice(0, 40)) expect(await threaded.getAnalysis(id)).toEqual(await expected.getAnalysis(id));
    } finally {
      other.close();
      await pool.close();
    }
  }, 120_000);
});
