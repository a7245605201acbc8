import { articleId, contentHash } from '../store/article-identity.js';
import type { AnalyzedArticle, NewArticle } from '../store/article-store.js';
import type { StoryStore } from '../store/story-store.js';
import { analyzeOutcome, type AnalysisOutcome } from './analysis-outcome.js';
import type { AnalyzerPool } from './analyzer-pool.js';
import type { ParsedRecord } from './formats/parsed-record.js';
import type { IngestDeps } from './ingest.js';
import { emptyTally, type IngestError, type IngestTally } from './tally.js';

export interface IngestRecordsResult {
  tally: IngestTally;
  /** Ids of the stories this call stored, in record order (for "new story" posts). */
  addedIds: string[];
}

/** How often a long source reports progress while it is being analysed. */
const PROGRESS_EVERY = 500;

/** What becomes of a record before any analysis: reported, counted as a duplicate, or analysed. */
type Step = { kind: 'rejected'; error: IngestError } | { kind: 'duplicate' } | { kind: 'analyse'; line: number | null; article: NewArticle };

/**
 * Stories already stored under the same id are duplicates before the analysis runs, so re-ingesting
 * a corpus or re-polling a feed that ignores conditional GET stays cheap.
 */
async function planRecords(records: readonly ParsedRecord[], path: string, store: StoryStore): Promise<Step[]> {
  const hashes = records.map((record) => (record.ok ? contentHash(record.article.body) : ''));
  const ids = records.map((record, i) => (record.ok ? articleId(record.article.url, hashes[i]!) : ''));
  // One read for the whole file (a round trip per story would be 19,000 of them on a networked store).
  const known = await store.identities(ids.filter((id) => id !== ''));
  return records.map((record, i): Step => {
    if (!record.ok) return { kind: 'rejected', error: { path, line: record.line, reason: record.reason } };
    const stored = known.get(ids[i]!);
    if (stored && (record.article.url ? stored.url === record.article.url : stored.contentHash === hashes[i])) return { kind: 'duplicate' };
    return { kind: 'analyse', line: record.line, article: record.article };
  });
}

/** Tally the steps in record order (`outcomes` in the order of the analysed steps) and store the batch in one transaction. */
async function storeOutcomes(steps: readonly Step[], outcomes: readonly AnalysisOutcome[], path: string, store: StoryStore): Promise<IngestRecordsResult> {
  const tally = emptyTally();
  const batch: AnalyzedArticle[] = [];
  let analysed = 0;
  for (const step of steps) {
    if (step.kind === 'rejected') {
      tally.rejected += 1;
      tally.errors.push(step.error);
    } else if (step.kind === 'duplicate') {
      tally.duplicate += 1;
    } else {
      const outcome = outcomes[analysed++];
      if (outcome?.ok) batch.push({ article: step.article, analysis: outcome.analysis });
      else {
        tally.rejected += 1;
        tally.errors.push({ path, line: step.line, reason: `internal error while analysing the story: ${outcome?.message ?? 'no outcome'}` });
      }
    }
  }
  try {
    const result = await store.addArticles(batch);
    tally.added += result.added.length;
    tally.duplicate += result.duplicates.length;
    return { tally, addedIds: result.added };
  } catch (error) {
    // The transaction rolled back: nothing of this batch is stored.
    return {
      tally: { added: 0, duplicate: tally.duplicate, rejected: tally.rejected + batch.length, errors: [...tally.errors, { path, line: null, reason: `store error: ${(error as Error).message}` }] },
      addedIds: [],
    };
  }
}

/** How many records are fully handled once the first `analysedCount` analysed steps are done. */
function recordsDone(steps: readonly Step[]): (analysedCount: number) => number {
  const analysedAt: number[] = [];
  steps.forEach((step, i) => {
    if (step.kind === 'analyse') analysedAt.push(i);
  });
  return (analysedCount) => (analysedCount >= analysedAt.length ? steps.length : (analysedAt[analysedCount] ?? steps.length));
}

/**
 * Ingest parsed records (of a file, or of a feed): bad records reported with `path` and line, good
 * ones analysed here and stored in one transaction, duplicates counted.
 */
export async function ingestRecords(
  records: readonly ParsedRecord[],
  path: string,
  deps: Pick<IngestDeps, 'store' | 'analyze'>,
  onRecords?: (done: number) => void,
): Promise<IngestRecordsResult> {
  const steps = await planRecords(records, path, deps.store);
  const outcomes: AnalysisOutcome[] = [];
  for (const [i, step] of steps.entries()) {
    if (onRecords && i > 0 && i % PROGRESS_EVERY === 0) onRecords(i);
    if (step.kind === 'analyse') outcomes.push(analyzeOutcome(deps.analyze, step.article));
  }
  return storeOutcomes(steps, outcomes, path, deps.store);
}

/** Well-formed records (stories to analyse unless already stored): what decides whether threads pay. */
export function countWellFormed(records: readonly ParsedRecord[]): number {
  return records.reduce((n, r) => n + (r.ok ? 1 : 0), 0);
}

/**
 * `ingestRecords` with the analysis in the pool's threads; same tally, same store transaction. When
 * the pool fails (a thread could not start), the stories are analysed here instead.
 */
export async function ingestRecordsInPool(
  records: readonly ParsedRecord[],
  path: string,
  deps: Pick<IngestDeps, 'store' | 'analyze'>,
  pool: AnalyzerPool,
  onRecords?: (done: number) => void,
): Promise<IngestRecordsResult> {
  const steps = await planRecords(records, path, deps.store);
  const articles = steps.flatMap((step) => (step.kind === 'analyse' ? [step.article] : []));
  const toRecords = recordsDone(steps);
  let reported = 0;
  let outcomes: AnalysisOutcome[];
  try {
    outcomes = await pool.analyzeAll(articles, (analysed) => {
      if (!onRecords) return;
      const mark = Math.floor(toRecords(analysed) / PROGRESS_EVERY) * PROGRESS_EVERY;
      if (mark > reported && mark < steps.length) onRecords((reported = mark));
    });
  } catch {
    return ingestRecords(records, path, deps, onRecords);
  }
  return storeOutcomes(steps, outcomes, path, deps.store);
}
