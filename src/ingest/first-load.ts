import fs from 'node:fs';
import path from 'node:path';

/**
 * The first-start load (an empty store ingests the data folder) must survive being stopped halfway
 * (issue 18: SIGTERM after a few files left 11,213 stories out for good, since the store was then
 * no longer empty). A small record beside the store says the load is running and which files are
 * done; a start that finds it running resumes, skipping the files done. Chunks committed from the
 * file that was cut short come back as duplicates.
 */
export interface FirstLoad {
  /** Whether to run the load now: the store is empty, or a load was interrupted. */
  needed(storeCount: number): boolean;
  /** Whether this start resumes an interrupted load (for the log). */
  resuming(storeCount: number): boolean;
  /** Mark the load as running; with an empty store any old record is dropped. */
  begin(storeCount: number): void;
  /** Done already, and unchanged since (same size and modification time). */
  isDone(file: string): boolean;
  markDone(file: string): void;
  finish(): void;
}

interface Record {
  state: 'running' | 'done';
  files: { [file: string]: { size: number; mtimeMs: number } };
}

/** Where the record of a store's first load lives: a hidden file beside it (never read as a story). */
export function firstLoadPath(dbPath: string): string {
  return path.join(path.dirname(dbPath), `.${path.basename(dbPath)}.first-load.json`);
}

export function firstLoad(dbPath: string): FirstLoad {
  const file = firstLoadPath(dbPath);
  let record = read(file);
  const save = (): void => {
    // write then rename: a kill mid-write leaves the old record, never half of one
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(record));
    fs.renameSync(temp, file);
  };
  const identity = (source: string): { size: number; mtimeMs: number } | null => {
    try {
      const stat = fs.statSync(source);
      return { size: stat.size, mtimeMs: stat.mtimeMs };
    } catch {
      return null;
    }
  };
  return {
    needed: (count) => count === 0 || record?.state === 'running',
    resuming: (count) => count > 0 && record?.state === 'running',
    begin: (count) => {
      if (count === 0 || record?.state !== 'running') record = { state: 'running', files: {} };
      save();
    },
    isDone: (source) => {
      const done = record?.files[path.resolve(source)];
      const now = identity(source);
      return done !== undefined && now !== null && done.size === now.size && done.mtimeMs === now.mtimeMs;
    },
    markDone: (source) => {
      const now = identity(source);
      if (!record || !now) return;
      record.files[path.resolve(source)] = now;
      save();
    },
    finish: () => {
      record = { state: 'done', files: {} };
      save();
    },
  };
}

function read(file: string): Record | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record>;
    if ((value.state === 'running' || value.state === 'done') && typeof value.files === 'object' && value.files !== null)
      return value as Record;
  } catch {
    // missing or unreadable: as if there were none
  }
  return null;
}
