/**
 * Worker-thread entry of the analyzer pool (analyzer-pool.ts): loads the gazetteer once, then
 * analyses the chunks of stories the main thread posts and posts each chunk's outcomes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createGeoService, loadGazetteer } from '../geo/geo-service.js';
import { createAnalyzer } from './analyze.js';
import { analyzeOutcome } from './analysis-outcome.js';
import type { AnalyzerWorkerData, ChunkReply, ChunkRequest } from './analyzer-pool.js';
import type { ArticleAnalysis } from '../store/article-store.js';
import { openDatabase } from '../store/sqlite/open-database.js';
import { createSqliteArticleParts, type SqliteArticleParts } from '../store/sqlite/sqlite-article-store.js';
import { commitWithRetrySync } from './store-retry.js';

const port = parentPort;
if (!port) throw new Error('analyze-worker runs only as a worker thread');

const { cacheDir, dbPath } = workerData as AnalyzerWorkerData;
// The main thread has already loaded (or built) this gazetteer, so the file is there. Messages
// posted meanwhile wait in the port's queue.
const gazetteer = await loadGazetteer(cacheDir === undefined ? {} : { cacheDir });
// No map folder: a worker only finds places, it never renders maps.
const analyze = createAnalyzer({ geo: createGeoService(gazetteer, { mapCacheDir: null }) });

// The bot's mode: this thread also stores what it analysed, on its own connection (WAL: the main
// thread keeps reading), so neither the commit nor a wait for another writer's lock blocks commands.
// The SQLite parts as they are underneath the async contract: a worker thread may block.
let store: SqliteArticleParts['stories'] | null = null;
const STORED: ArticleAnalysis = { sentences: [], quotes: [], places: [] };

port.on('message', ({ id, articles, store: wantStore }: ChunkRequest) => {
  const outcomes = articles.map((article) => analyzeOutcome(analyze, article));
  const reply: ChunkReply = { id, outcomes };
  if (wantStore) {
    if (!dbPath) reply.stored = { ok: false, message: 'the analyzer threads have no store' };
    else {
      store ??= createSqliteArticleParts(openDatabase(dbPath)).stories;
      const open = store;
      const batch = articles.flatMap((article, i) => {
        const outcome = outcomes[i];
        return outcome?.ok ? [{ article, analysis: outcome.analysis }] : [];
      });
      const committed =
        batch.length === 0
          ? { ok: true as const, value: { added: [], duplicates: [] } }
          : commitWithRetrySync(() => open.addArticles(batch));
      reply.stored = committed.ok
        ? { ok: true, added: committed.value.added, duplicates: committed.value.duplicates }
        : { ok: false, message: committed.message };
      // stored here: the main thread needs only which stories failed, not their analyses to decode
      reply.outcomes = outcomes.map((o) => (o.ok ? { ok: true, analysis: STORED } : o));
    }
  }
  port.postMessage(reply);
});
