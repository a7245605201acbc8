import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot, sampleArticle } from '../helpers/paths.js';

/** Run a process with stdin lines and collect its output, with a deadline. */
function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: string,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; stdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

describe('npm start without DISCORD_TOKEN', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir();
    fs.mkdirSync(path.join(temp.dir, 'data'));
    fs.copyFileSync(sampleArticle, path.join(temp.dir, 'data', path.basename(sampleArticle)));
  });
  afterAll(() => temp.cleanup());

  // `npm start` runs `node scripts/run-entry.mjs src/main`: the transpiled bot, rebuilt when sources change.
  it('opens the local shell on a fresh store, ingests data/ first, and answers /search Raqqa', async () => {
    const env = {
      DISCORD_TOKEN: '',
      DATELINE_DATA_DIR: path.join(temp.dir, 'data'),
      DATELINE_DB: path.join(temp.dir, 'data/dateline.db'),
      DATELINE_CACHE_DIR: path.join(repoRoot, 'data/cache'),
    };
    const r = await run(process.execPath, ['scripts/run-entry.mjs', 'src/main'], env, '/search Raqqa\nexit\n');
    expect(r.stdout).toMatch(/Search: Raqqa/);
    expect(r.stdout).toMatch(/The U\.S\.-backed Syrian Democratic Forces/);
    expect(r.stderr).toMatch(/"msg":"ingested".*"added":1/);
    expect(r.code).toBe(0);
    expect(fs.existsSync(env.DATELINE_DB)).toBe(true);
  });

  it('takes its store from --db before DATELINE_DB', async () => {
    const flagDb = path.join(temp.dir, 'flag.db');
    const env = {
      DISCORD_TOKEN: '',
      DATELINE_DATA_DIR: path.join(temp.dir, 'data'),
      DATELINE_DB: path.join(temp.dir, 'not-this.db'),
      DATELINE_CACHE_DIR: path.join(repoRoot, 'data/cache'),
      DATELINE_WATCH: 'off',
    };
    const r = await run(process.execPath, ['scripts/run-entry.mjs', 'src/main', '--db', flagDb], env, '/latest\nexit\n');
    expect(r.stdout).toMatch(/Latest stories/);
    expect(fs.existsSync(flagDb)).toBe(true);
    expect(fs.existsSync(env.DATELINE_DB)).toBe(false);
  });

  it('runs `dateline` through the package bin', async () => {
    const r = await run(
      process.execPath,
      ['bin/dateline.js', 'ask', '/latest count:1', '--json', '--db', path.join(temp.dir, 'data/dateline.db')],
      { DATELINE_CACHE_DIR: path.join(repoRoot, 'data/cache') },
      '',
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { data: { results: unknown[] } }).data.results).toHaveLength(1);
  });
});
