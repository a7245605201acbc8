import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';
import { repoRoot } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The last non-empty line of stdout: where `--json` contracts live. */
  lastLine: string;
}

/** Run `dateline …` in-process with captured output (the same handlers `npx dateline` runs). */
export async function runCliCaptured(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, {
    stdout,
    stderr,
    env: { DATELINE_CACHE_DIR: `${repoRoot}/data/cache`, ...env },
    cwd: repoRoot,
    stderrIsTty: false,
  });
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  return { code, stdout: out, stderr: err, lastLine: lines.at(-1) ?? '' };
}
