import { articleId, contentHash } from '../store/article-identity.js';
import type { AnalyzedArticle, ArticleAnalysis, NewArticle } from '../store/article-store.js';
import type { StoryStore } from '../store/story-store.js';
import { analyzeOutcome, type AnalysisOutcome } from './analysis-outcome.js';
import type { AnalyzedAndStored, AnalyzerPool } from './analyzer-pool.js';
import type { ParsedRecord } from './formats/parsed-record.js';
import { createSlicer, IngestAbortedError, type Slicer } from './slicer.js';

export { IngestAbortedError } from './slicer.js';
import { commitWithRetry, type StoreRetryOptions } from './store-retry.js';
import { emptyTally, type IngestError, type IngestTally } from './tally.js';

export interface IngestRecordsResult {
  tally: IngestTally;
  /** Ids of the stories this call stored, in record order (for "new story" posts). */
  addedIds: string[];
}

/** Analyses many stories at once, off this thread (the analyzer pool); outcomes in the same order. */
export type AnalyzeBatch = (articles: readonly NewArticle[]) => Promise<AnalysisOutcome[]>;

/**
 * The analyzer ingest is given: a function that analyses one story here, optionally carrying a way to
 * analyse batches off this thread (`withOffThreadAnalysis`). Code that only passes the function along
 * (the feed service) needs no change to get the off-thread path.
 */
export type Analyzer = ((article: NewArticle) => ArticleAnalysis) & { offThread?: AnalyzeBatch; offThreadStore?: AnalyzeAndStoreBatch };

/** Analyses and stores many stories off this thread (the bot's pool, with its own store connection). */
export type AnalyzeAndStoreBatch = (articles: readonly NewArticle[]) => Promise<AnalyzedAndStored>;

/** The inline analyzer with off-thread paths: what the bot gives ingest and feeds. */
export function withOffThreadAnalysis(
  analyze: (article: NewArticle) => ArticleAnalysis,
  offThread: AnalyzeBatch,
  offThreadStore?: AnalyzeAndStoreBatch,
): Analyzer {
  return Object.assign((article: NewArticle) => analyze(article), { offThread, ...(offThreadStore ? { offThreadStore } : {}) });
}

/** The default cap on a story body (UTF-8 bytes): far above any story, low enough to stay fast. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/** What ingesting records needs besides the records. */
export interface RecordsDeps {
  store: StoryStore;
  analyze: Analyzer;
  /** Bodies longer than this many UTF-8 bytes are rejected with a reason; DEFAULT_MAX_BODY_BYTES when absent. */
  maxBodyBytes?: number;
  /** How a chunk that finds the store locked by another writer is retried. */
  storeRetry?: StoreRetryOptions;
  /**
   * How long one store transaction should take (ms; COMMIT_TARGET_MS when absent): chunks grow or shrink
   * towards it. In the bot a commit on this thread holds up commands; `dateline ingest` has none to
   * answer, and bigger chunks cost the writer less per story (each commit rewrites index pages).
   */
  commitTargetMs?: number;
  /** Stop between chunks (shutdown): what is committed stays, a re-run finishes the rest. */
  signal?: AbortSignal;
}

/** How often a long source reports progress while it is being analysed. */
const PROGRESS_EVERY = 500;
/** Stories analysed per batch: the next batch is analysed while this one is stored. */
const WINDOW = 256;
/** Stories per store transaction: adapted so a commit takes about COMMIT_TARGET_MS. */
const FIRST_CHUNK = 16;
const MAX_CHUNK = 512;
const COMMIT_TARGET_MS = 15;
/** Bodies per transaction, at most (a chunk holds at least one story). */
const CHUNK_BODY_CHARS = 1_000_000;

/** What becomes of a record before any analysis: reported, counted as a duplicate, or analysed. */
type Step =
  { kind: 'rejected'; error: IngestError } | { kind: 'duplicate' } | { kind: 'analyse'; line: number | null; article: NewArticle };

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Stories already stored under the same id are duplicates before the analysis runs, so re-ingesting
 * a corpus or re-polling a feed that ignores conditional GET stays cheap. Oversized bodies are
 * rejected here, before anything reads them closely.
 */
async function planRecords(records: readonly ParsedRecord[], path: string, deps: RecordsDeps, slicer: Slicer): Promise<Step[]> {
  const maxBody = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const steps: Step[] = [];
  // What is stored already, in one read for the whole source (a round trip per story would be 19,000
  // of them on a networked store).
  const hashes = records.map((record) => (record.ok ? contentHash(record.article.body) : ''));
  const ids = records.map((record, i) => (record.ok ? articleId(record.article.url, hashes[i]!) : ''));
  const stored = await deps.store.identities(ids.filter((id) => id !== ''));
  for (const [i, record] of records.entries()) {
    await slicer.pause();
    if (!record.ok) {
      steps.push({ kind: 'rejected', error: { path, line: record.line, reason: record.reason } });
      continue;
    }
    // length × 3 bounds the UTF-8 size: measure only bodies that might be over
    const bytes = record.article.body.length * 3 > maxBody ? Buffer.byteLength(record.article.body) : 0;
    if (bytes > maxBody) {
      steps.push({
        kind: 'rejected',
        error: {
          path,
          line: record.line,
          reason: `story body too large: ${formatBytes(bytes)}, over the ${formatBytes(maxBody)} limit (DATELINE_MAX_BODY_KB)`,
        },
      });
      continue;
    }
    const known = stored.get(ids[i]!);
    if (known && (record.article.url ? known.url === record.article.url : known.contentHash === hashes[i]))
      steps.push({ kind: 'duplicate' });
    else steps.push({ kind: 'analyse', line: record.line, article: record.article });
  }
  return steps;
}

/** Analyse a window of stories: off this thread when the analyzer can, else here, yielding between stories. */
async function analyseWindow(articles: readonly NewArticle[], analyze: Analyzer, slicer: Slicer): Promise<AnalysisOutcome[]> {
  if (analyze.offThread) {
    try {
      return await analyze.offThread(articles);
    } catch {
      // a pool that cannot run (a thread failed to start) must not lose the stories: analyse here
    }
  }
  const outcomes: AnalysisOutcome[] = [];
  for (const article of articles) {
    await slicer.pause();
    outcomes.push(analyzeOutcome(analyze, article));
  }
  return outcomes;
}

/**
 * Ingest parsed records (of a file, or of a feed): bad records reported with `path` and line, good
 * ones analysed (off this thread when the analyzer has a pool) and stored in chunks, each chunk one
 * transaction, duplicates counted. A chunk that finds the store locked is retried with backoff,
 * asynchronously; a chunk that still fails is reported and a re-run stores it (the chunks before it
 * are duplicates by then). The event loop is yielded between steps, so commands stay answered.
 */
export async function ingestRecords(
  records: readonly ParsedRecord[],
  path: string,
  deps: RecordsDeps,
  onRecords?: (done: number) => void,
): Promise<IngestRecordsResult> {
  const slicer = createSlicer(deps.signal);
  const steps = await planRecords(records, path, deps, slicer);
  const tally = emptyTally();
  const addedIds: string[] = [];
  // tally what needs no analysis, in record order
  const analysed: { step: Extract<Step, { kind: 'analyse' }>; index: number }[] = [];
  steps.forEach((step, index) => {
    if (step.kind === 'rejected') {
      tally.rejected += 1;
      tally.errors.push(step.error);
    } else if (step.kind === 'duplicate') tally.duplicate += 1;
    else analysed.push({ step, index });
  });

  let chunkSize = FIRST_CHUNK;
  const commitTargetMs = deps.commitTargetMs ?? COMMIT_TARGET_MS;
  let reported = 0;
  const windowAt = (from: number): Promise<AnalysisOutcome[]> | null =>
    from < analysed.length
      ? analyseWindow(
          analysed.slice(from, from + WINDOW).map((a) => a.step.article),
          deps.analyze,
          slicer,
        )
      : null;
  // The bot's mode: the threads analyse and store; this thread only tallies what they did.
  let storedFrom = 0;
  if (deps.analyze.offThreadStore) {
    for (; storedFrom < analysed.length; storedFrom += WINDOW) {
      if (deps.signal?.aborted) throw new IngestAbortedError();
      const window = analysed.slice(storedFrom, storedFrom + WINDOW);
      let done: AnalyzedAndStored;
      try {
        done = await deps.analyze.offThreadStore(window.map((a) => a.step.article));
      } catch {
        break; // the threads failed: the rest goes the way below (analysed here or by `offThread`, stored here)
      }
      let at = 0;
      for (const chunk of done.chunks) {
        const items = window.slice(at, at + chunk.size);
        const okCount = items.filter((_, i) => done.outcomes[at + i]?.ok).length;
        items.forEach(({ step }, i) => {
          const outcome = done.outcomes[at + i];
          if (outcome && !outcome.ok) {
            tally.rejected += 1;
            tally.errors.push({ path, line: step.line, reason: `internal error while analysing the story: ${outcome.message}` });
          }
        });
        if (chunk.stored.ok) {
          tally.added += chunk.stored.added.length;
          tally.duplicate += chunk.stored.duplicates.length;
          addedIds.push(...chunk.stored.added);
        } else if (okCount > 0) {
          tally.rejected += okCount;
          tally.errors.push({ path, line: items[0]?.step.line ?? null, reason: `store error: ${chunk.stored.message}` });
        }
        at += chunk.size;
      }
      const doneRecords = (window.at(-1)?.index ?? 0) + 1;
      if (onRecords && doneRecords - reported >= PROGRESS_EVERY && doneRecords < steps.length)
        onRecords((reported = doneRecords - (doneRecords % PROGRESS_EVERY)));
    }
  }

  let pending = windowAt(storedFrom);
  for (let from = storedFrom; pending; from += WINDOW) {
    const outcomes = await pending;
    pending = windowAt(from + WINDOW);
    const window = analysed.slice(from, from + WINDOW);
    let at = 0;
    while (at < window.length) {
      if (deps.signal?.aborted) {
        await pending?.catch(() => undefined);
        throw new IngestAbortedError();
      }
      // one chunk: analysed stories up to the chunk size and body budget; failed analyses are reported
      const batch: AnalyzedArticle[] = [];
      const lines: (number | null)[] = [];
      let chars = 0;
      let end = at;
      while (end < window.length && batch.length < chunkSize && (batch.length === 0 || chars < CHUNK_BODY_CHARS)) {
        const { step } = window[end]!;
        const outcome = outcomes[end];
        end += 1;
        if (!outcome?.ok) {
          tally.rejected += 1;
          tally.errors.push({
            path,
            line: step.line,
            reason: `internal error while analysing the story: ${outcome?.message ?? 'no outcome'}`,
          });
          continue;
        }
        batch.push({ article: step.article, analysis: outcome.analysis });
        lines.push(step.line);
        chars += step.article.body.length;
      }
      at = end;
      if (batch.length > 0) {
        const started = performance.now();
        const committed = await commitWithRetry(() => deps.store.addArticles(batch), deps.storeRetry);
        const took = performance.now() - started;
        if (committed.ok) {
          tally.added += committed.value.added.length;
          tally.duplicate += committed.value.duplicates.length;
          addedIds.push(...committed.value.added);
          if (took < commitTargetMs / 2 && !committed.retried) chunkSize = Math.min(MAX_CHUNK, chunkSize * 2);
          else if (took > commitTargetMs * 2) chunkSize = Math.max(1, Math.floor(chunkSize / 2));
        } else {
          // The chunk's transaction rolled back: none of its stories is stored.
          tally.rejected += batch.length;
          tally.errors.push({ path, line: lines[0] ?? null, reason: `store error: ${committed.message}` });
        }
      }
      const done = (window[at - 1]?.index ?? 0) + 1;
      if (onRecords && done - reported >= PROGRESS_EVERY && done < steps.length) onRecords((reported = done - (done % PROGRESS_EVERY)));
      await slicer.pause();
    }
  }
  return { tally, addedIds };
}

/** Well-formed records (stories to analyse unless already stored): what decides whether threads pay. */
export function countWellFormed(records: readonly ParsedRecord[]): number {
  return records.reduce((n, r) => n + (r.ok ? 1 : 0), 0);
}

/**
 * `ingestRecords` with the analysis in the pool's threads; same tally, same store. When the pool
 * fails (a thread could not start), the stories are analysed here instead.
 */
export function ingestRecordsInPool(
  records: readonly ParsedRecord[],
  path: string,
  deps: RecordsDeps,
  pool: AnalyzerPool,
  onRecords?: (done: number) => void,
): Promise<IngestRecordsResult> {
  return ingestRecords(
    records,
    path,
    { ...deps, analyze: withOffThreadAnalysis(deps.analyze, (articles) => pool.analyzeAll(articles)) },
    onRecords,
  );
}
