/**
 * Worker-thread entry of the analyzer pool (analyzer-pool.ts): loads the gazetteer once, then
 * analyses the chunks of stories the main thread posts and posts each chunk's outcomes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createGeoService, loadGazetteer } from '../geo/geo-service.js';
import { createAnalyzer } from './analyze.js';
import { analyzeOutcome } from './analysis-outcome.js';
import type { AnalyzerWorkerData, ChunkReply, ChunkRequest } from './analyzer-pool.js';

const port = parentPort;
if (!port) throw new Error('analyze-worker runs only as a worker thread');

const { cacheDir } = workerData as AnalyzerWorkerData;
// The main thread has already loaded (or built) this gazetteer, so the file is there. Messages
// posted meanwhile wait in the port's queue.
const gazetteer = await loadGazetteer(cacheDir === undefined ? {} : { cacheDir });
// No map folder: a worker only finds places, it never renders maps.
const analyze = createAnalyzer({ geo: createGeoService(gazetteer, { mapCacheDir: null }) });

port.on('message', ({ id, articles }: ChunkRequest) => {
  const reply: ChunkReply = { id, outcomes: articles.map((article) => analyzeOutcome(analyze, article)) };
  port.postMessage(reply);
});
