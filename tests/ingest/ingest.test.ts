import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/store/article-identity.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { openStoryStore } from '../helpers/story-store.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { makeTempDir, sampleArticle, writeCorpusSlice } from '../helpers/paths.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';

describe('ingestPaths', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: StoryStore & { close(): Promise<void> };
  const ingest = (paths: string[]) => ingestPaths(paths, { store, analyze: simpleAnalyze, now: () => new Date('2026-01-01T00:00:00Z') });
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(temp.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };

  beforeEach(() => {
    temp = makeTempDir();
    store = openStoryStore(path.join(temp.dir, 'store.db'));
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  it('ingests a folder recursively, mixing wire text and NDJSON, and counts duplicates', async () => {
    fs.copyFileSync(sampleArticle, write('in/xinhua.txt', ''));
    writeCorpusSlice(path.join(temp.dir, 'in'), 20);
    fs.mkdirSync(path.join(temp.dir, 'in/deeper'));
    fs.copyFileSync(sampleArticle, path.join(temp.dir, 'in/deeper/again.txt'));
    write('in/.hidden.txt', 'ignored');
    write('in/notes.md', 'ignored');
    const tally = await ingest([path.join(temp.dir, 'in')]);
    // The corpus itself repeats stories word for word: count its distinct bodies.
    const distinct = new Set(
      fs
        .readFileSync(path.join(temp.dir, 'in/reuters-0-20.ndjson'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => normaliseText(String((JSON.parse(l) as { text: string }).text))),
    ).size;
    expect(tally).toEqual({ added: 1 + distinct, duplicate: 1 + (20 - distinct), rejected: 0, errors: [] });
    const second = await ingest([path.join(temp.dir, 'in')]);
    expect(second).toEqual({ added: 0, duplicate: 22, rejected: 0, errors: [] });
    expect(distinct).toBeGreaterThan(15);
  });

  it.each([
    ['empty.txt', '', /empty file/, null],
    ['blank.ndjson', '\n  \n', /empty file/, null],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary file/, null],
    // 'é' in Latin-1 is the lone byte 0xE9 at offset 63: not valid UTF-8.
    [
      'latin1.txt',
      Buffer.from(' date 2017-09-09 Source: Xinhua| 2017-09-09 19:03:53|Editor: J\xe9r\xf4me\n\nBody.', 'latin1'),
      /invalid UTF-8 at byte 63/,
      null,
    ],
    ['plain.txt', 'Some notes that are not a story.\n', /not a wire story/, 1],
  ])('rejects %s with its path and reason, and still loads the rest', async (name, content, reason, line) => {
    const bad = write(name, content);
    const good = path.join(temp.dir, 'good.txt');
    fs.copyFileSync(sampleArticle, good);
    const tally = await ingest([bad, good]);
    expect(tally.added).toBe(1);
    expect(tally.rejected).toBe(1);
    expect(tally.errors).toHaveLength(1);
    expect(tally.errors[0]).toMatchObject({ path: bad, line });
    expect(tally.errors[0]?.reason).toMatch(reason);
  });

  it('rejects bad NDJSON lines with their line numbers and keeps the good ones', async () => {
    const file = write(
      'mixed.ndjson',
      [
        JSON.stringify({ title: 'One', text: 'First story.', date: '2020-01-01', source: 'W' }),
        '{not json',
        JSON.stringify({ title: 'No body', date: '2020-01-01', source: 'W' }),
        JSON.stringify({ title: 'Bad date', text: 'x', date: '2020-02-31', source: 'W' }),
        JSON.stringify({ title: 'Two', text: 'Second story.', date: '2020-01-02', source: 'W' }),
      ].join('\n'),
    );
    const tally = await ingest([file]);
    expect(tally.added).toBe(2);
    expect(tally.rejected).toBe(3);
    expect(tally.errors.map((e) => [e.path, e.line])).toEqual([
      [file, 2],
      [file, 3],
      [file, 4],
    ]);
  });

  it('reports a missing path and goes on', async () => {
    const good = path.join(temp.dir, 'good.txt');
    fs.copyFileSync(sampleArticle, good);
    const tally = await ingest([path.join(temp.dir, 'nope'), good]);
    expect(tally).toMatchObject({ added: 1, rejected: 1 });
    expect(tally.errors[0]?.reason).toBe('no such file or directory');
  });

  it('skips a FIFO in a folder and a FIFO given by name, with a reason, instead of hanging (issue 18)', async () => {
    const { execFileSync } = await import('node:child_process');
    fs.mkdirSync(path.join(temp.dir, 'in'));
    writeCorpusSlice(path.join(temp.dir, 'in'), 3);
    const fifo = path.join(temp.dir, 'in/pipe.ndjson');
    const other = path.join(temp.dir, 'in/raw-pipe');
    execFileSync('mkfifo', [fifo, other]);
    const tally = await ingest([path.join(temp.dir, 'in'), fifo]);
    expect(tally.added).toBe(3);
    expect(tally.rejected).toBe(3);
    expect(tally.errors).toEqual([
      { path: fifo, line: null, reason: 'skipped: a FIFO (named pipe), not a regular file' },
      { path: other, line: null, reason: 'skipped: a FIFO (named pipe), not a regular file' },
      { path: fifo, line: null, reason: 'skipped: a FIFO (named pipe), not a regular file' },
    ]);
  });

  it('reads UTF-16 text with a byte-order mark, little- and big-endian (issue 18)', async () => {
    const wire = fs.readFileSync(sampleArticle, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wire, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(wire, 'utf16le').swap16()]);
    const record = JSON.stringify({
      title: 'Café “quoted” ☕',
      text: 'Prices rose in São Paulo on Monday. Traders said “buy”.',
      date: '2017-01-02',
      source: 'T',
    });
    const ndjson = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${record}\n`, 'utf16le')]);
    const tally = await ingest([write('le/story.txt', le), write('be/story.txt', be), write('records.ndjson', ndjson)]);
    expect(tally).toMatchObject({ added: 2, duplicate: 1, rejected: 0 });
    const headlines = (await store.latest(5)).map((s) => s.headline);
    expect(headlines).toContain('Café “quoted” ☕');
    expect(await store.search('Raqqa', 5)).toHaveLength(1);
    const odd = await ingest([write('odd.txt', Buffer.from([0xff, 0xfe, 0x41]))]);
    expect(odd.errors[0]?.reason).toBe('invalid UTF-16LE: odd number of bytes');
  });

  it('reports every story of the chunks that fail to store, one transaction per chunk', async () => {
    const file = writeCorpusSlice(temp.dir, 30);
    let calls = 0;
    const tally = await ingestPaths([file], {
      store: {
        ...store,
        addArticles: async (items) => {
          calls += 1;
          // Fail after writing part of the batch, as a full disk would.
          await store.addArticles(items.slice(0, 5));
          throw new Error('disk full');
        },
      },
      analyze: simpleAnalyze,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    // chunked (issue 18): each chunk is its own transaction, and each failed one is reported
    expect(calls).toBeGreaterThan(1);
    expect(tally.added).toBe(0);
    expect(tally.rejected).toBe(30);
    expect(tally.errors.at(-1)?.reason).toMatch(/store error: disk full/);
  });
});

describe('ingestPaths with the bot folders inside data/', () => {
  it('never reads the cache or maps folders as stories', async () => {
    const temp = makeTempDir();
    const store = openStoryStore(':memory:');
    fs.mkdirSync(path.join(temp.dir, 'data/cache'), { recursive: true });
    fs.mkdirSync(path.join(temp.dir, 'data/maps'), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, 'data/cache/registered-commands.json'), '{"hash":"abc"}');
    fs.writeFileSync(path.join(temp.dir, 'data/maps/raqqa.json'), '[]');
    fs.copyFileSync(sampleArticle, path.join(temp.dir, 'data/story.txt'));
    const tally = await ingestPaths([path.join(temp.dir, 'data')], {
      store,
      analyze: simpleAnalyze,
      now: () => new Date('2026-01-01T00:00:00Z'),
      excludeDirs: [path.join(temp.dir, 'data/cache'), path.join(temp.dir, 'data/maps')],
    });
    expect(tally).toEqual({ added: 1, duplicate: 0, rejected: 0, errors: [] });
    await store.close();
    temp.cleanup();
  });
});
