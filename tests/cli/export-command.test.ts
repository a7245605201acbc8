import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { makeTempDir, repoRoot, sampleArticle, writeCorpusSlice } from '../helpers/paths.js';
import { runCliCaptured } from '../helpers/run-cli.js';

interface Exported {
  id: string;
  published: string;
  url: string | null;
  quotes: unknown[];
  places: unknown[];
}

describe('dateline export', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  let lines: string[];
  let stored: number;

  beforeAll(async () => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'export.db');
    const ingest = await runCliCaptured(['ingest', writeCorpusSlice(temp.dir, 300), sampleArticle, '--json', '--db', db]);
    expect(ingest.code).toBe(0);
    // A few stories of the slice are duplicates: what was stored is what must come out.
    stored = (JSON.parse(ingest.lastLine) as { added: number }).added;
    const r = await runCliCaptured(['export', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    lines = r.stdout.split('\n').filter(Boolean);
  }, 180_000);
  afterAll(() => temp.cleanup());

  it('writes every stored story once, oldest first', () => {
    const stories = lines.map((l) => JSON.parse(l) as Exported);
    expect(stored).toBeGreaterThan(290);
    expect(stories).toHaveLength(stored);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stored);
    const times = stories.map((s) => Date.parse(s.published));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The newest last: the sample (2017) after the Reuters stories (1987).
    expect(stories.at(-1)?.published).toBe('2017-09-09T19:03:53+08:00');
  });

  it('each line is exactly what show --json prints for that story (url, quotes and places included)', async () => {
    const withQuotes = lines.map((l) => JSON.parse(l) as Exported).filter((s) => s.quotes.length > 0 && s.places.length > 0);
    expect(withQuotes.length).toBeGreaterThan(2);
    for (const line of [
      lines[0]!,
      lines[150]!,
      lines.at(-1)!,
      ...withQuotes.slice(0, 2).map((s) => lines.find((l) => l.includes(`"id":"${s.id}"`))!),
    ]) {
      const id = (JSON.parse(line) as Exported).id;
      const show = await runCliCaptured(['show', id, '--json', '--db', db]);
      expect(show.code).toBe(0);
      expect(line).toBe(show.lastLine);
      expect(Object.keys(JSON.parse(line) as object)).toEqual(expect.arrayContaining(['url', 'quotes', 'places']));
    }
  });

  it('--since keeps the stories published from that date on', async () => {
    const all = lines.map((l) => JSON.parse(l) as Exported);
    const since = '1987-03-02';
    const expected = all.filter((s) => Date.parse(s.published) >= Date.parse(since)).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const r = await runCliCaptured(['export', '--since', since, '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as Exported).id),
    ).toEqual(expected);
    const bad = await runCliCaptured(['export', '--since', 'yesterday', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a date/);
  });

  it('an unreadable store is exit 2 with the reason, and creates nothing', async () => {
    const garbage = path.join(temp.dir, 'garbage.db');
    fs.writeFileSync(garbage, 'this is not a SQLite database, just some text that is long enough to have a header'.repeat(20));
    const r = await runCliCaptured(['export', '--db', garbage]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the store .*garbage\.db: file is not a database/);
    expect(r.stdout).toBe('');
    const missing = path.join(temp.dir, 'missing/none.db');
    const m = await runCliCaptured(['export', '--db', missing]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/cannot read the store .*none\.db: no such file/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('waits for a slow reader and shows progress on stderr only on a terminal', async () => {
    let out = '';
    // A reader that takes one chunk at a time, each a turn of the event loop later.
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        setImmediate(done);
      },
    });
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runCli(['export', '--db', db], {
      stdout: slow,
      stderr,
      env: { DATELINE_CACHE_DIR: `${repoRoot}/data/cache` },
      cwd: repoRoot,
      stderrIsTty: true,
    });
    expect(code).toBe(0);
    expect(out.split('\n').filter(Boolean)).toEqual(lines);
    expect(err).toMatch(new RegExp(`exporting: 1 of ${stored} stories`));
    expect(err).toMatch(new RegExp(`exported ${stored} stories\n$`));
  });

  it('stops quietly, exit 0, when the reader closes the pipe (`dateline export | head -1`)', async () => {
    let out = '';
    const head = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _encoding, done) {
        if (out.includes('\n')) {
          done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
          return;
        }
        out += chunk.toString();
        setImmediate(done);
      },
    });
    head.on('error', () => undefined);
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runCli(['export', '--db', db], {
      stdout: head,
      stderr,
      env: { DATELINE_CACHE_DIR: `${repoRoot}/data/cache` },
      cwd: repoRoot,
      stderrIsTty: false,
    });
    expect(out.split('\n').filter(Boolean)).toEqual(lines.slice(0, 1));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
