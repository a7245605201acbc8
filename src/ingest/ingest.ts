import path from 'node:path';
import type { AnalyzedArticle, ArticleAnalysis, ArticleStore, NewArticle } from '../store/article-store.js';
import { parseJsonDocument, parseNdjson } from './formats/json-records.js';
import type { ParsedRecord } from './formats/parsed-record.js';
import { looksLikeWireText, parseWireText } from './formats/wire-text.js';
import { readSourceText } from './read-source.js';
import { listSourceFiles } from './walk.js';

export interface IngestError {
  path: string;
  line: number | null;
  reason: string;
}

/** The contract `dateline ingest --json` prints as its last line. */
export interface IngestTally {
  added: number;
  duplicate: number;
  rejected: number;
  errors: IngestError[];
}

export interface IngestProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  /** Records handled so far, across files (including those of the file in progress). */
  records: number;
}

/** How often a long file reports progress while it is being analysed. */
const PROGRESS_EVERY = 500;

export interface IngestDeps {
  store: ArticleStore;
  analyze: (article: NewArticle) => ArticleAnalysis;
  now: () => Date;
  onProgress?: (progress: IngestProgress) => void;
  /** Folders inside the given paths that hold the bot's own files (cache, maps), never stories. */
  excludeDirs?: readonly string[];
}

export function emptyTally(): IngestTally {
  return { added: 0, duplicate: 0, rejected: 0, errors: [] };
}

export function mergeTallies(a: IngestTally, b: IngestTally): IngestTally {
  return { added: a.added + b.added, duplicate: a.duplicate + b.duplicate, rejected: a.rejected + b.rejected, errors: [...a.errors, ...b.errors] };
}

/** Pick the parser by extension, then by content. */
export function parseSource(file: string, text: string, now: Date): ParsedRecord[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return parseNdjson(text, file, now);
  if (ext === '.json') return parseJsonDocument(text, file, now);
  if (looksLikeWireText(text)) return parseWireText(text, file, now);
  const head = text.trimStart()[0];
  if (head === '{' || head === '[') return parseJsonDocument(text, file, now);
  return parseWireText(text, file, now);
}

/**
 * Ingest one file: every good record goes in, in one transaction, so a file that fails midway leaves
 * nothing behind; every bad record is reported with its line and reason.
 */
export async function ingestFile(file: string, deps: IngestDeps, onRecords?: (done: number) => void): Promise<IngestTally> {
  const tally = emptyTally();
  const source = await readSourceText(file);
  if (!source.ok) {
    return { ...tally, rejected: 1, errors: [{ path: file, line: null, reason: source.reason }] };
  }
  const batch: AnalyzedArticle[] = [];
  const records = parseSource(file, source.text, deps.now());
  for (const [i, record] of records.entries()) {
    if (onRecords && i > 0 && i % PROGRESS_EVERY === 0) onRecords(i);
    if (!record.ok) {
      tally.rejected += 1;
      tally.errors.push({ path: file, line: record.line, reason: record.reason });
      continue;
    }
    try {
      batch.push({ article: record.article, analysis: deps.analyze(record.article) });
    } catch (error) {
      tally.rejected += 1;
      tally.errors.push({ path: file, line: record.line, reason: `internal error while analysing the story: ${(error as Error).message}` });
    }
  }
  try {
    const result = deps.store.addArticles(batch);
    tally.added += result.added.length;
    tally.duplicate += result.duplicates.length;
  } catch (error) {
    // The transaction rolled back: the whole file counts as rejected, nothing half-stored.
    return { added: 0, duplicate: 0, rejected: tally.rejected + batch.length, errors: [...tally.errors, { path: file, line: null, reason: `store error: ${(error as Error).message}` }] };
  }
  return tally;
}

/** Ingest files and folders (recursively, mixing formats). */
export async function ingestPaths(paths: readonly string[], deps: IngestDeps): Promise<IngestTally> {
  const { files, missing } = await listSourceFiles(paths, deps.excludeDirs ?? []);
  let tally: IngestTally = {
    ...emptyTally(),
    rejected: missing.length,
    errors: missing.map((p) => ({ path: p, line: null, reason: 'no such file or directory' })),
  };
  let records = 0;
  for (const [i, file] of files.entries()) {
    const fileTally = await ingestFile(file, deps, (done) =>
      deps.onProgress?.({ file, filesDone: i, filesTotal: files.length, records: records + done }),
    );
    tally = mergeTallies(tally, fileTally);
    records += fileTally.added + fileTally.duplicate + fileTally.rejected;
    deps.onProgress?.({ file, filesDone: i + 1, filesTotal: files.length, records });
  }
  return tally;
}
