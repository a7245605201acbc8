import { articleId, contentHash } from '../store/article-identity.js';
import type { AnalyzedArticle } from '../store/article-store.js';
import type { ParsedRecord } from './formats/parsed-record.js';
import type { IngestDeps } from './ingest.js';
import { emptyTally, type IngestTally } from './tally.js';

export interface IngestRecordsResult {
  tally: IngestTally;
  /** Ids of the stories this call stored, in record order (for "new story" posts). */
  addedIds: string[];
}

/** How often a long source reports progress while it is being analysed. */
const PROGRESS_EVERY = 500;

/**
 * Ingest parsed records (of a file, or of a feed): bad records reported with `path` and line, good
 * ones stored in one transaction, duplicates counted. Stories already stored under the same id are
 * counted as duplicates before the analysis runs, so re-ingesting a corpus or re-polling a feed that
 * ignores conditional GET stays cheap.
 */
export function ingestRecords(
  records: readonly ParsedRecord[],
  path: string,
  deps: Pick<IngestDeps, 'store' | 'analyze'>,
  onRecords?: (done: number) => void,
): IngestRecordsResult {
  const tally = emptyTally();
  const batch: AnalyzedArticle[] = [];
  for (const [i, record] of records.entries()) {
    if (onRecords && i > 0 && i % PROGRESS_EVERY === 0) onRecords(i);
    if (!record.ok) {
      tally.rejected += 1;
      tally.errors.push({ path, line: record.line, reason: record.reason });
      continue;
    }
    const hash = contentHash(record.article.body);
    const known = deps.store.getById(articleId(record.article.url, hash));
    if (known && (record.article.url ? known.url === record.article.url : contentHash(known.body) === hash)) {
      tally.duplicate += 1;
      continue;
    }
    try {
      batch.push({ article: record.article, analysis: deps.analyze(record.article) });
    } catch (error) {
      tally.rejected += 1;
      tally.errors.push({ path, line: record.line, reason: `internal error while analysing the story: ${(error as Error).message}` });
    }
  }
  try {
    const result = deps.store.addArticles(batch);
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
