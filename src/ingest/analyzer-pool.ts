import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NewArticle } from '../store/article-store.js';
import type { AnalysisOutcome } from './analysis-outcome.js';

/** How bulk ingest may analyse in worker threads (the app passes its gazetteer cache folder). */
export interface AnalyzerWorkerOptions {
  /** The gazetteer cache folder the main thread loaded; the default cache when absent. */
  cacheDir?: string;
  /** Worker threads; default one per core, at most MAX_THREADS. */
  threads?: number;
  /**
   * The fewest stories in a file that justify starting the threads (each loads the gazetteer,
   * ~0.3 s with its modules); tests lower it. Default POOL_MIN_STORIES in ingest.ts.
   */
  minStories?: number;
  /** The store file the threads may write to (`analyzeAndStore`): the bot's mode. */
  dbPath?: string;
}

export interface AnalyzerWorkerData {
  cacheDir?: string;
  /** The store file the threads write to (`analyzeAndStore`); absent, they only analyse. */
  dbPath?: string;
}

export interface ChunkRequest {
  id: number;
  articles: NewArticle[];
  /** Store the chunk's analysed stories too, in one transaction, on the thread's own connection. */
  store?: boolean;
}

/** What storing one chunk did (`analyzeAndStore`). */
export type StoredChunk = { ok: true; added: string[]; duplicates: string[] } | { ok: false; message: string };

export interface ChunkReply {
  id: number;
  outcomes: AnalysisOutcome[];
  stored?: StoredChunk;
}

/**
 * `analyzeAndStore`'s answer: every story's outcome (the analyses of stored stories are left empty:
 * they are in the store), and per chunk (in order) its size and what storing it did.
 */
export interface AnalyzedAndStored {
  outcomes: AnalysisOutcome[];
  chunks: { size: number; stored: StoredChunk }[];
}

/** Analyses batches of stories in worker threads; outcomes come back in the batch's order. */
export interface AnalyzerPool {
  /** Batches run one after another, in the order given. `onAnalysed` gets how many leading stories are done, as that grows. */
  analyzeAll(articles: readonly NewArticle[], onAnalysed?: (done: number) => void): Promise<AnalysisOutcome[]>;
  /**
   * Analyse and store, both in the threads (each chunk one transaction on the thread's connection),
   * so the main thread neither analyses nor waits on the store's lock. Needs `dbPath`.
   */
  analyzeAndStore?(articles: readonly NewArticle[]): Promise<AnalyzedAndStored>;
  close(): Promise<void>;
}

/** Each thread holds its own gazetteer and heap (~60 MB), and the single writer stays serial: a few threads are enough. */
const MAX_THREADS = 4;
/** Stories per message: big enough that posting costs little, small enough to balance the threads. */
const CHUNK = 32;
/** Body characters per message, at most (a message holds at least one story). */
const CHUNK_CHARS = 256_000;
/** Chunks queued per thread, so a thread never waits for the main thread between chunks. */
const IN_FLIGHT = 3;

/**
 * Threads when none are asked for: one per core when the threads store what they analyse (the bot);
 * one fewer when the caller's thread is the writer (`dateline ingest`, a PostgreSQL store), which needs
 * a core of its own. On two cores, `dateline ingest` of the corpus with one thread beside the writer
 * took as long as with two (22.6-22.9 s against 21.6-29.2 s, a noisy machine) for a fifth to a third
 * less CPU (33-37 against 40-55 s): three busy threads on two cores slowed each other, and each
 * thread warms its JIT up on its own.
 */
export function defaultThreadCount(threadsStore = true): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(MAX_THREADS, threadsStore ? cores : cores - 1));
}

/**
 * How to start a thread on the worker entry next to this module: the built `.js` under dist/; or,
 * when this module itself runs as TypeScript (tsx, vitest), a small bootstrap that registers tsx's
 * loader in the thread and imports the `.ts` entry (Node 20 does not pass `--import` to threads).
 */
function workerEntry(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { script: new URL('./analyze-worker.js', here), eval: false };
  // tsx/esm/api's ESM build (its `import` condition) sits beside the CommonJS one `require` finds;
  // `register()` of the CommonJS build cannot find its own files.
  const tsxApi = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./analyze-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { script: bootstrap, eval: true };
}

interface Job {
  chunks: NewArticle[][];
  store: boolean;
  stored: (StoredChunk | undefined)[];
  outcomes: (AnalysisOutcome[] | undefined)[];
  next: number;
  /** Chunks done from the start, in order. */
  donePrefix: number;
  doneStories: number;
  onAnalysed: ((done: number) => void) | undefined;
  resolve: (done: AnalyzedAndStored) => void;
  reject: (error: Error) => void;
}

/** Start the threads now: each loads the gazetteer (~0.15 s) while the main thread reads and parses. */
export function startAnalyzerPool(options: AnalyzerWorkerOptions = {}): AnalyzerPool {
  const entry = workerEntry();
  const workerData: AnalyzerWorkerData = {
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.dbPath === undefined ? {} : { dbPath: options.dbPath }),
  };
  const threads = Array.from({ length: options.threads ?? defaultThreadCount(options.dbPath !== undefined) }, () => ({
    worker: new Worker(entry.script, { workerData, eval: entry.eval }),
    inFlight: 0,
  }));
  let job: Job | null = null;
  // batches from several callers (the watched folder, feeds) wait their turn here
  const queue: Job[] = [];
  let failure: Error | null = null;
  let closing = false;

  const fail = (error: Error): void => {
    failure ??= error;
    const current = job;
    job = null;
    current?.reject(failure);
    for (const waiting of queue.splice(0)) waiting.reject(failure);
  };

  const startNext = (): void => {
    job = queue.shift() ?? null;
    if (job) for (const thread of threads) feed(thread);
  };

  const feed = (thread: (typeof threads)[number]): void => {
    while (job && thread.inFlight < IN_FLIGHT && job.next < job.chunks.length) {
      const id = job.next++;
      thread.inFlight += 1;
      const request: ChunkRequest = { id, articles: job.chunks[id] ?? [], ...(job.store ? { store: true } : {}) };
      thread.worker.postMessage(request);
    }
  };

  const run = (
    articles: readonly NewArticle[],
    store: boolean,
    onAnalysed: ((done: number) => void) | undefined,
  ): Promise<AnalyzedAndStored> => {
    if (failure) return Promise.reject(failure);
    if (articles.length === 0) return Promise.resolve({ outcomes: [], chunks: [] });
    return new Promise((resolve, reject) => {
      const chunks: NewArticle[][] = [];
      // a story of megabytes travels alone, so it does not hold up the stories chunked with it
      let chunk: NewArticle[] = [];
      let chars = 0;
      for (const article of articles) {
        const length = article.body?.length ?? 0;
        if (chunk.length >= CHUNK || (chunk.length > 0 && chars + length > CHUNK_CHARS)) {
          chunks.push(chunk);
          chunk = [];
          chars = 0;
        }
        chunk.push(article);
        chars += length;
      }
      chunks.push(chunk);
      queue.push({ chunks, store, stored: [], outcomes: [], next: 0, donePrefix: 0, doneStories: 0, onAnalysed, resolve, reject });
      if (!job) startNext();
    });
  };

  for (const thread of threads) {
    thread.worker.on('message', (reply: ChunkReply) => {
      thread.inFlight -= 1;
      const current = job;
      if (!current) return;
      current.outcomes[reply.id] = reply.outcomes;
      if (reply.stored) current.stored[reply.id] = reply.stored;
      let advanced = false;
      while (current.donePrefix < current.chunks.length && current.outcomes[current.donePrefix]) {
        current.doneStories += current.outcomes[current.donePrefix]?.length ?? 0;
        current.donePrefix += 1;
        advanced = true;
      }
      if (advanced) current.onAnalysed?.(current.doneStories);
      if (current.donePrefix === current.chunks.length) {
        current.resolve({
          outcomes: current.outcomes.flatMap((o) => o ?? []),
          chunks: current.chunks.map((chunk, i) => ({
            size: chunk.length,
            stored: current.stored[i] ?? { ok: false, message: 'no store result' },
          })),
        });
        startNext();
        return;
      }
      feed(thread);
    });
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => {
      if (!closing) fail(new Error(`analyzer thread exited with code ${code}`));
    });
  }

  return {
    analyzeAll: (articles, onAnalysed) => run(articles, false, onAnalysed).then((done) => done.outcomes),
    ...(options.dbPath === undefined ? {} : { analyzeAndStore: (articles: readonly NewArticle[]) => run(articles, true, undefined) }),
    close: async () => {
      closing = true;
      fail(new Error('the analyzer pool is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
