import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../core/logger.js';
import { ingestFile, type IngestDeps, type IngestTally } from './ingest.js';
import { isSourceFile } from './walk.js';
import { IngestAbortedError } from './slicer.js';

export interface WatchFolderOptions {
  dir: string;
  deps: IngestDeps;
  log: Logger;
  /** Folders under `dir` never ingested (the gazetteer cache, saved maps). */
  ignoreDirs?: readonly string[];
  /** How long a file must stay the same size before it is read (a copy or download in progress). */
  stabilityMs?: number;
  /** Called after each file is ingested (tests wait on it; main logs). */
  onIngested?: (file: string, tally: IngestTally) => void;
}

export interface FolderWatcher {
  /** Resolves once the initial scan is done and new files will be seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watch a folder (the data folder by default) and ingest every story file that appears or changes,
 * with `ingestFile`: the same parsers and bad-input rules as `dateline ingest`. Files present at start
 * are not re-read (start-up ingests an empty store; a full re-scan would re-analyse every story).
 * awaitWriteFinish holds a file back until its size settles, so a half-written file is read once, whole.
 * Files are ingested one at a time; a file changed again while queued is ingested once.
 */
export function watchFolder(options: WatchFolderOptions): FolderWatcher {
  const root = path.resolve(options.dir);
  const ignoreDirs = (options.ignoreDirs ?? []).map((d) => path.resolve(d));
  const stability = options.stabilityMs ?? 1000;

  const isIgnored = (file: string, stats?: { isFile(): boolean; isDirectory(): boolean }): boolean => {
    const full = path.resolve(file);
    if (ignoreDirs.some((d) => full === d || full.startsWith(d + path.sep))) return true;
    const rel = path.relative(root, full);
    // Hidden files and folders (.shell_history, editor swap files) are never stories.
    if (rel.split(path.sep).some((part) => part.startsWith('.'))) return true;
    return stats?.isFile() === true && !isSourceFile(path.basename(full));
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    ignored: isIgnored,
    awaitWriteFinish: { stabilityThreshold: stability, pollInterval: Math.max(20, Math.round(stability / 5)) },
    persistent: true,
  });

  const queued = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const enqueue = (file: string): void => {
    if (closed || !isSourceFile(path.basename(file)) || queued.has(file)) return;
    queued.add(file);
    chain = chain.then(async () => {
      queued.delete(file);
      if (closed) return;
      try {
        const tally = await ingestFile(file, options.deps);
        const level = tally.rejected > 0 ? 'warn' : 'info';
        options.log[level]('watched file ingested', {
          file,
          added: tally.added,
          duplicate: tally.duplicate,
          rejected: tally.rejected,
          errors: tally.errors,
        });
        options.onIngested?.(file, tally);
      } catch (error) {
        // a shutdown stopped it between chunks: a restart (or the next change) finishes it
        if (error instanceof IngestAbortedError) return;
        options.log.error('watched file failed', { file, error });
      }
    });
  };

  watcher.on('add', enqueue);
  watcher.on('change', enqueue);
  watcher.on('error', (error) => options.log.warn('folder watch error', { dir: root, error }));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      await watcher.close();
      await chain;
    },
  };
}
