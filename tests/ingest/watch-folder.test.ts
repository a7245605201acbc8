import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/logger.js';
import type { IngestTally } from '../../src/ingest/ingest.js';
import { watchFolder, type FolderWatcher } from '../../src/ingest/watch-folder.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { openStoryStore } from '../helpers/story-store.js';
import { makeTempDir, sampleArticle } from '../helpers/paths.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';

/** Poll a condition until a deadline instead of sleeping a fixed time. */
async function waitFor<T>(probe: () => T | undefined | null | false, deadlineMs = 8000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met before the deadline');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A new story in the sample's wire format: the sample's shape with a new header and body. */
function newWireStory(): string {
  const sample = fs.readFileSync(sampleArticle, 'utf8');
  const header = sample
    .split('\n')[0]!
    .replace('2017-09-09 19:03:53', '2017-09-10 08:12:00')
    .replace('Lu Hui', 'Zhang Dan')
    .replace(/date 2017-09-09/, 'date 2017-09-10');
  return [
    header,
    '',
    'BEIRUT, Sept. 10 (Xinhua) -- A test convoy reached the river crossing on Sunday morning, a local official told reporters.',
    '',
    'The official said the road had been cleared overnight and that more trucks would follow on Monday.',
    '',
  ].join('\n');
}

describe('watchFolder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: StoryStore & { close(): Promise<void> };
  let watcher: FolderWatcher;
  let ingested: { file: string; tally: IngestTally }[];

  beforeEach(async () => {
    temp = makeTempDir();
    fs.mkdirSync(path.join(temp.dir, 'inbox'));
    fs.mkdirSync(path.join(temp.dir, 'inbox', 'cache'));
    // A file present before the watch starts is not re-read.
    fs.copyFileSync(sampleArticle, path.join(temp.dir, 'inbox', 'old.txt'));
    store = openStoryStore(path.join(temp.dir, 'watch.db'));
    ingested = [];
    watcher = watchFolder({
      dir: path.join(temp.dir, 'inbox'),
      deps: { store, analyze: simpleAnalyze, now: () => new Date('2026-01-01T00:00:00Z') },
      log: createMemoryLogger(),
      ignoreDirs: [path.join(temp.dir, 'inbox', 'cache')],
      stabilityMs: 200,
      onIngested: (file, tally) => ingested.push({ file, tally }),
    });
    await watcher.ready;
  });

  afterEach(async () => {
    await watcher.close();
    await store.close();
    temp.cleanup();
  });

  it('skips a FIFO dropped in the folder with a reason, and still ingests the files after it (issue 18)', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = path.join(temp.dir, 'inbox', 'pipe.ndjson');
    execFileSync('mkfifo', [fifo]);
    const seen = await waitFor(() => ingested.find((i) => i.file === fifo));
    expect(seen.tally.errors).toEqual([{ path: fifo, line: null, reason: 'skipped: a FIFO (named pipe), not a regular file' }]);
    const file = path.join(temp.dir, 'inbox', 'after.txt');
    fs.writeFileSync(file, newWireStory());
    const after = await waitFor(() => ingested.find((i) => i.file === file));
    expect(after.tally.added).toBe(1);
  });

  it('ingests a new sample-format wire file within seconds, once', async () => {
    const file = path.join(temp.dir, 'inbox', 'xinhua-2017-09-10-convoy.txt');
    const started = Date.now();
    fs.writeFileSync(file, newWireStory());
    const hit = await waitFor(() => ingested.find((i) => i.file === file));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(hit.tally).toMatchObject({ added: 1, duplicate: 0, rejected: 0 });
    const [latest] = await store.latest(1);
    expect(latest).toMatchObject({ source: 'Xinhua', datelinePlace: 'Beirut', published: '2017-09-10T08:12:00+08:00' });
    // Give a stray second event a chance to show up: there must be none.
    await new Promise((r) => setTimeout(r, 400));
    expect(ingested.filter((i) => i.file === file)).toHaveLength(1);
    expect(await store.count()).toBe(1);
  });

  it('waits for a file written in pieces and reads it whole', async () => {
    const file = path.join(temp.dir, 'inbox', 'slow.ndjson');
    const lines = [1, 2, 3].map((n) =>
      JSON.stringify({
        title: `Slow story ${n}`,
        text: `Body of slow story number ${n}, long enough to be a story.`,
        date: `2025-12-0${n}T10:00:00Z`,
        source: 'Test',
      }),
    );
    const fd = fs.openSync(file, 'w');
    for (const line of lines) {
      fs.writeSync(fd, `${line}\n`);
      await new Promise((r) => setTimeout(r, 60));
    }
    fs.closeSync(fd);
    const hit = await waitFor(() => ingested.find((i) => i.file === file));
    expect(hit.tally).toMatchObject({ added: 3, rejected: 0 });
    expect(ingested.filter((i) => i.file === file)).toHaveLength(1);
  });

  it('applies the bad-input rules of dateline ingest and ignores non-story, hidden and cache files', async () => {
    fs.writeFileSync(path.join(temp.dir, 'inbox', 'notes.md'), '# not a story');
    fs.writeFileSync(path.join(temp.dir, 'inbox', '.hidden.txt'), newWireStory());
    fs.writeFileSync(path.join(temp.dir, 'inbox', 'cache', 'index.json'), '[]');
    const bad = path.join(temp.dir, 'inbox', 'empty.txt');
    fs.writeFileSync(bad, '');
    const hit = await waitFor(() => ingested.find((i) => i.file === bad));
    expect(hit.tally).toMatchObject({ added: 0, rejected: 1, errors: [{ path: bad, line: null, reason: 'empty file' }] });
    await new Promise((r) => setTimeout(r, 400));
    expect(ingested.map((i) => path.basename(i.file))).toEqual(['empty.txt']);
  });

  it('re-reads a changed file: only its new stories are added', async () => {
    const file = path.join(temp.dir, 'inbox', 'batch.ndjson');
    const record = (n: number): string =>
      JSON.stringify({
        title: `Batch story ${n}`,
        text: `Text of batch story ${n}, which is a distinct story.`,
        date: '2026-01-01T10:00:00Z',
        source: 'Test',
      });
    fs.writeFileSync(file, `${record(1)}\n`);
    await waitFor(() => ingested.find((i) => i.file === file));
    fs.appendFileSync(file, `${record(2)}\n`);
    const second = await waitFor(() => ingested.filter((i) => i.file === file)[1]);
    expect(second.tally).toMatchObject({ added: 1, duplicate: 1, rejected: 0 });
    expect(await store.count()).toBe(2);
  });
});
