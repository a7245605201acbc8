import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadPath } from '../../src/ingest/first-load.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../../src/store/sqlite/sqlite-article-store.js';
import { promising } from '../../src/store/synchronous.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { makeTempDir, repoRoot, writeCorpusSlice } from '../helpers/paths.js';

/** The stories part of a SQLite store on this connection, with the connection's close. */
function openStories(db: ReturnType<typeof openDatabase>): StoryStore & { close(): void } {
  return { ...promising<StoryStore>(createSqliteArticleParts(db).stories), close: () => db.close() };
}
import { simpleAnalyze } from '../helpers/simple-analyze.js';

/** Start the real bot (`npm start`'s entry) in shell mode; stdin stays open unless `closeStdin`. */
function startBot(
  env: NodeJS.ProcessEnv,
  closeStdin: boolean,
): { child: ChildProcess; stderr: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['scripts/run-entry.mjs', 'src/main'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  if (closeStdin) child.stdin.end();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exit };
}

async function storeCount(dbPath: string): Promise<number> {
  const store = openStories(openDatabase(dbPath));
  try {
    return await store.count();
  } finally {
    store.close();
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SIGTERM during the first-start load (issue 18)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let env: NodeJS.ProcessEnv;
  let dbPath: string;
  let expected: number;

  beforeAll(async () => {
    temp = makeTempDir();
    const data = path.join(temp.dir, 'data');
    fs.mkdirSync(data);
    for (let i = 0; i < 5; i++) writeCorpusSlice(data, 60, i * 60);
    dbPath = path.join(temp.dir, 'dateline.db');
    env = {
      DISCORD_TOKEN: '',
      DATELINE_DATA_DIR: data,
      DATELINE_DB: dbPath,
      DATELINE_CACHE_DIR: path.join(repoRoot, 'data/cache'),
      DATELINE_WATCH: 'off',
      DATELINE_INGEST_THREADS: '1',
    };
    // what one uninterrupted load stores
    const reference = openStories(openDatabase(path.join(temp.dir, 'reference.db')));
    expected = (await ingestPaths([data], { store: reference, analyze: simpleAnalyze, now: () => new Date() })).added;
    reference.close();
  });
  afterAll(() => temp.cleanup());

  it('stops cleanly within 5 s, and the next start finishes the load', async () => {
    const first = startBot(env, false);
    const marker = firstLoadPath(dbPath);
    // stop once the first file is recorded done, with others still to go
    await waitFor(
      () => fs.existsSync(marker) && Object.keys((JSON.parse(fs.readFileSync(marker, 'utf8')) as { files: object }).files).length >= 1,
      'the first file of the load',
    );
    const sent = Date.now();
    first.child.kill('SIGTERM');
    const stopped = await first.exit;
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(stopped).toEqual({ code: 0, signal: null });
    expect(first.stderr()).toMatch(/"msg":"first-start load stopped; the next start resumes it"/);
    const partial = await storeCount(dbPath);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expected);

    // stdin closed: the shell ends as soon as it opens, after the load
    const second = startBot(env, true);
    expect(await second.exit).toEqual({ code: 0, signal: null });
    expect(second.stderr()).toMatch(/"msg":"resuming the first-start load of the data folder"/);
    expect(await storeCount(dbPath)).toBe(expected);
    expect((JSON.parse(fs.readFileSync(marker, 'utf8')) as { state: string }).state).toBe('done');

    // a third start loads nothing again
    const third = startBot(env, true);
    expect(await third.exit).toEqual({ code: 0, signal: null });
    expect(third.stderr()).not.toMatch(/first-start load|empty store/);
  }, 180_000);
});

describe('crash output of the bot (issue 18)', () => {
  it('redacts the token from a start-up failure, as logs do', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-token-value';
    // a store path that cannot be made, with the token in it: the error message carries it
    const bot = startBot(
      { DISCORD_TOKEN: token, DATELINE_DB: `/dev/null/${token}/x.db`, DATELINE_CACHE_DIR: path.join(repoRoot, 'data/cache') },
      true,
    );
    expect(await bot.exit).toEqual({ code: 2, signal: null });
    expect(bot.stderr()).toMatch(/Dateline failed to start: Error: ENOTDIR: not a directory, mkdir '\/dev\/null\/\[redacted\]'/);
    expect(bot.stderr()).not.toContain(token);
  }, 60_000);
});
