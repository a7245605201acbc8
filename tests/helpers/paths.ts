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

/**
 * A story the wire files twice: at 09:00, then at 11:00 as "UPDATE 1-" with `addedLine` appended (two
 * stories, the same sentences in each), as one NDJSON file in `dir`. Returns its path.
 */
export function writeStoryAndRepeat(dir: string, story: { title: string; text: string; url: string; addedLine: string }): string {
  const file = path.join(dir, 'repeat.ndjson');
  const first = { title: story.title, text: story.text, date: '2024-03-02T09:00:00Z', source: 'Test Wire', url: story.url };
  const repeat = {
    ...first,
    title: `UPDATE 1-${story.title}`,
    text: `${story.text} ${story.addedLine}`,
    date: '2024-03-02T11:00:00Z',
    url: `${story.url}-update`,
  };
  fs.writeFileSync(file, `${JSON.stringify(first)}\n${JSON.stringify(repeat)}\n`);
  return file;
}
