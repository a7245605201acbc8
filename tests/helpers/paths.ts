import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const sampleArticle = path.join(repoRoot, 'data/xinhua-2017-09-09-deir-al-zour.txt');
export const reutersCorpus = path.join(sharedDir, 'corpus/reuters21578.ndjson');

/** A fresh temp folder, removed by the returned cleanup. */
export function makeTempDir(prefix = 'dateline-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The first `n` lines of the shared Reuters corpus, written to a temp NDJSON file. */
export function writeCorpusSlice(dir: string, n: number, skip = 0): string {
  const lines = fs
    .readFileSync(reutersCorpus, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(skip, skip + n);
  const file = path.join(dir, `reuters-${skip}-${n}.ndjson`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
