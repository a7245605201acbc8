/**
 * Worker-thread entry of the analyzer pool (analyzer-pool.ts): loads the gazetteer once, then
 * analyses the chunks of stories the main thread posts and posts each chunk's outcomes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createGeoService, loadGazetteer } from '../geo/geo-service.js';
import { createChunkAnalyzer } from './analyze.js';
import type { AnalyzerWorkerData, ChunkReply, ChunkRequest, StoredChunk } from './analyzer-pool.js';
import type { AnalyzedArticle, ArticleAnalysis } from '../store/article-store.js';
import { openDatabase, type SqliteDatabase } from '../store/sqlite/open-database.js';
import { createSqliteArticleParts, type SqliteArticleParts } from '../store/sqlite/sqlite-article-store.js';
import { commitWithRetrySync, isStoreBusy } from './store-retry.js';

if (!parentPort) throw new Error('analyze-worker runs only as a worker thread');
const port = parentPort;

const { cacheDir, dbPath } = workerData as AnalyzerWorkerData;
// The main thread has already loaded (or built) this gazetteer, so the file is there. Messages
// posted meanwhile wait in the port's queue.
const gazetteer = await loadGazetteer(cacheDir === undefined ? {} : { cacheDir });
// No map folder: a worker only finds places, it never renders maps.
const analyze = createChunkAnalyzer({ geo: createGeoService(gazetteer, { mapCacheDir: null }) });

// The bot's mode: this thread also stores what it analysed, on its own connection (WAL: the main
// thread keeps reading), so neither the commit nor a wait for another writer's lock blocks commands.
// The SQLite parts as they are underneath the async contract: a worker thread may block.
let db: SqliteDatabase | null = null;
let store: SqliteArticleParts['stories'] | null = null;
const STORED: ArticleAnalysis = { sentences: [], quotes: [], places: [] };

/** An analysed chunk waiting for the write lock, with its reply. */
interface Held {
  reply: ChunkReply;
  batch: AnalyzedArticle[];
}
/**
 * Chunks analysed while the other thread held the write lock (issue 21): rather than sleep in
 * SQLite's busy handler (its waits are coarse: 1 to 100 ms), this thread analyses its next chunk and
 * commits the held ones together once the lock is free. At most HOLD_CHUNKS wait; then it waits for
 * the lock. A chunk is still its own savepoint, so each keeps its own result.
 */
const held: Held[] = [];
const HOLD_CHUNKS = 2;
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function openStore(): { db: SqliteDatabase; stories: SqliteArticleParts['stories'] } | null {
  if (!dbPath) return null;
  // busy timeout 0: a locked store answers at once, and this thread decides whether to wait
  db ??= openDatabase(dbPath, [], { busyTimeoutMs: 0 });
  store ??= createSqliteArticleParts(db).stories;
  return { db, stories: store };
}

/** Commit every held chunk in one transaction; false when the lock is taken and `wait` is false. */
function commitHeld(wait: boolean): boolean {
  if (held.length === 0) return true;
  const open = openStore();
  if (!open) return true;
  const chunks = held.filter((h) => h.batch.length > 0);
  const commitAll = (): StoredChunk[] =>
    open.db
      .transaction(() => chunks.map((h) => open.stories.addArticles(h.batch)))
      .immediate()
      .map((r) => ({ ok: true as const, added: r.added, duplicates: r.duplicates }));
  let results: StoredChunk[];
  if (wait) {
    const committed = commitWithRetrySync(commitAll, { firstDelayMs: 2, maxDelayMs: 50 });
    results = committed.ok ? committed.value : chunks.map(() => ({ ok: false as const, message: committed.message }));
  } else {
    try {
      results = commitAll();
    } catch (error) {
      if (isStoreBusy(error)) return false;
      results = chunks.map(() => ({ ok: false as const, message: (error as Error).message }));
    }
  }
  const byChunk = new Map(chunks.map((h, i) => [h, results[i]!]));
  for (const h of held.splice(0)) {
    h.reply.stored = byChunk.get(h) ?? { ok: true, added: [], duplicates: [] };
    port.postMessage(h.reply);
  }
  return true;
}

port.on('message', ({ id, articles, store: wantStore }: ChunkRequest) => {
  const outcomes = analyze(articles);
  const reply: ChunkReply = { id, outcomes };
  if (!wantStore) {
    port.postMessage(reply);
    return;
  }
  if (!dbPath) {
    reply.stored = { ok: false, message: 'the analyzer threads have no store' };
    port.postMessage(reply);
    return;
  }
  const batch = articles.flatMap((article, i) => {
    const outcome = outcomes[i];
    return outcome?.ok ? [{ article, analysis: outcome.analysis }] : [];
  });
  // stored here: the main thread needs only which stories failed, not their analyses to decode
  reply.outcomes = outcomes.map((o) => (o.ok ? { ok: true, analysis: STORED } : o));
  held.push({ reply, batch });
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (commitHeld(held.length > HOLD_CHUNKS)) return;
  // Locked: the next chunk (already queued, or on its way) comes first; with none, wait for the lock.
  flushTimer = setTimeout(() => {
    flushTimer = null;
    commitHeld(true);
  }, 1);
});
