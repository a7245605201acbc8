/**
 * The `src` folder of another revision, checked out into a temporary folder beside a link to this tree's
 * node_modules, so a probe can load both revisions' code in one process and time them call by call.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BaseRevision {
  /** The folder holding the revision's `src` and `node_modules`. */
  dir: string;
  remove(): void;
}

export function checkOutBaseSrc(root: string, revision: string, prefix: string): BaseRevision {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  execFileSync('sh', ['-c', `git -C "${root}" archive "${revision}" src | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
