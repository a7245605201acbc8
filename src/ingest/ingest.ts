import path from 'node:path';
import { parseJsonDocument, parseNdjsonSliced } from './formats/json-records.js';
import type { ParsedRecord } from './formats/parsed-record.js';
import { looksLikeWireText, parseWireText } from './formats/wire-text.js';
import { readSourceText } from './read-source.js';
import { startAnalyzerPool, type AnalyzerPool, type AnalyzerWorkerOptions } from './analyzer-pool.js';
import { countWellFormed, ingestRecords, withOffThreadAnalysis, type RecordsDeps } from './ingest-records.js';
import { createSlicer, IngestAbortedError } from './slicer.js';
import { emptyTally, mergeTallies, type IngestTally } from './tally.js';
import { listSourceFiles } from './walk.js';

export { emptyTally, mergeTallies, type IngestError, type IngestTally } from './tally.js';

export interface IngestProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  /** Records handled so far, across files (including those of the file in progress). */
  records: number;
}

export interface IngestDeps extends RecordsDeps {
  now: () => Date;
  onProgress?: (progress: IngestProgress) => void;
  /** Folders inside the given paths that hold the bot's own files (cache, maps), never stories. */
  excludeDirs?: readonly string[];
  /**
   * Bulk ingest (`ingestPaths`) analyses big files in worker threads when given; absent, everything
   * is analysed on this thread by `analyze`. The threads build the same analyzer over this gazetteer.
   */
  workers?: AnalyzerWorkerOptions;
  /** Files `ingestPaths` leaves out, already done (the first-start load's completion records). */
  skipFile?: (file: string) => boolean;
  /** Told when `ingestPaths` has finished a file (its stories committed or reported). */
  onFileDone?: (file: string, tally: IngestTally) => void;
}

/**
 * Below this many stories in a file, starting the threads costs more than it saves: each loads the
 * gazetteer (0.2-0.35 s for two) and warms its JIT up on its own first hundred stories (~3 ms each),
 * against ~0.2 ms saved per story on two cores.
 */
export const POOL_MIN_STORIES = 2000;
/** Once the threads run, files this small are still analysed here: a round trip buys nothing. */
const POOL_MIN_STORIES_WARM = 64;
/**
 * A source at least this many characters per story of the threshold (a Reuters story is ~1,200)
 * likely holds enough stories: the threads start loading while it is parsed and checked against
 * the store (~0.3-0.9 s saved), and are then used for it if it does.
 */
const SOURCE_CHARS_PER_STORY = 1000;

/** The analyzer threads of one `ingestPaths` call, started by the first file big enough to need them. */
export interface LazyAnalyzerPool {
  /** Start the threads now if a source of this many characters will likely need them. */
  expectSource(chars: number): void;
  /** The pool when it runs or a file of `stories` stories justifies starting it; otherwise null. */
  forStories(stories: number): AnalyzerPool | null;
  close(): Promise<void>;
}

export function lazyAnalyzerPool(options: AnalyzerWorkerOptions, start = startAnalyzerPool): LazyAnalyzerPool {
  const minStories = options.minStories ?? POOL_MIN_STORIES;
  let pool: AnalyzerPool | null = null;
  return {
    expectSource: (chars) => {
      if (!pool && chars >= minStories * SOURCE_CHARS_PER_STORY) pool = start(options);
    },
    forStories: (stories) => {
      if (!pool && stories >= minStories) pool = start(options);
      return pool && stories >= Math.min(POOL_MIN_STORIES_WARM, minStories) ? pool : null;
    },
    close: async () => {
      await pool?.close();
    },
  };
}

/**
 * Pick the parser by extension, then by content. NDJSON (the big files) is parsed in slices that
 * yield to the event loop, so a corpus dropped in the watched folder does not stall the bot.
 */
export async function parseSource(file: string, text: string, now: Date, signal?: AbortSignal): Promise<ParsedRecord[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return parseNdjsonSliced(text, file, now, createSlicer(signal));
  if (ext === '.json') return parseJsonDocument(text, file, now);
  if (looksLikeWireText(text)) return parseWireText(text, file, now);
  const head = text.trimStart()[0];
  if (head === '{' || head === '[') return parseJsonDocument(text, file, now);
  return parseWireText(text, file, now);
}

/**
 * Ingest one file: every good record goes in, in chunks of one transaction each (a file that fails
 * midway keeps its committed chunks, and a re-run adds the rest, the others being duplicates); every
 * bad record is reported with its line and reason.
 */
export async function ingestFile(
  file: string,
  deps: IngestDeps,
  onRecords?: (done: number) => void,
  threads?: LazyAnalyzerPool,
): Promise<IngestTally> {
  const source = await readSourceText(file);
  if (!source.ok) {
    return { ...emptyTally(), rejected: 1, errors: [{ path: file, line: null, reason: source.reason }] };
  }
  threads?.expectSource(source.text.length);
  const records = await parseSource(file, source.text, deps.now(), deps.signal);
  const pool = deps.analyze.offThread ? null : (threads?.forStories(countWellFormed(records)) ?? null);
  const analyze = pool ? withOffThreadAnalysis(deps.analyze, (articles) => pool.analyzeAll(articles)) : deps.analyze;
  return (await ingestRecords(records, file, { ...deps, analyze }, onRecords)).tally;
}

/** Ingest files and folders (recursively, mixing formats). */
export async function ingestPaths(paths: readonly string[], deps: IngestDeps): Promise<IngestTally> {
  const { files, missing, skipped } = await listSourceFiles(paths, deps.excludeDirs ?? []);
  let tally: IngestTally = {
    ...emptyTally(),
    rejected: missing.length + skipped.length,
    errors: [
      ...missing.map((p) => ({ path: p, line: null, reason: 'no such file or directory' })),
      ...skipped.map((s) => ({ ...s, line: null })),
    ],
  };
  let records = 0;
  const threads = deps.workers ? lazyAnalyzerPool(deps.workers) : undefined;
  try {
    for (const [i, file] of files.entries()) {
      if (deps.signal?.aborted) throw new IngestAbortedError();
      if (deps.skipFile?.(file)) continue;
      const fileTally = await ingestFile(
        file,
        deps,
        (done) => deps.onProgress?.({ file, filesDone: i, filesTotal: files.length, records: records + done }),
        threads,
      );
      tally = mergeTallies(tally, fileTally);
      records += fileTally.added + fileTally.duplicate + fileTally.rejected;
      deps.onFileDone?.(file, fileTally);
      deps.onProgress?.({ file, filesDone: i + 1, filesTotal: files.length, records });
    }
  } finally {
    await threads?.close();
  }
  return tally;
}
