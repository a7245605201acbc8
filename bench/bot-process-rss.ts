/**
 * Resident memory of the bot itself: the process `npm start` runs (scripts/run-entry.mjs src/main,
 * the JavaScript of dist/, the local-shell transport), fed command lines on stdin as a person would
 * type them. The in-process timing child (measure.ts) also holds the bench's own data (the corpus it
 * samples, ~15,000 prepared calls) and tsx, so its RSS says little about what the bot needs.
 *
 * Readings come from /proc/PID/status (VmRSS now, VmHWM the peak): Linux only; elsewhere `null`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BotRss {
  /** After start-up and one answered `/latest` (ready to answer). */
  startMb: number;
  /** After every line was answered. */
  afterMb: number;
  /** The highest RSS the process reached. */
  peakMb: number;
  commands: number;
}

const root = path.resolve(import.meta.dirname, '..');
/** An unknown command: its "Unknown command" reply tells that every line before it was answered (the shell answers in order). */
const MARKER = '/benchmarkdone';

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1000) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Start the bot on `dbPath` in a scratch data folder (no watching, no feeds: the bench store must not
 * change) with the configured cache dir, wait until it answers, send `lines`, wait until all are answered, and read its memory.
 */
export async function botProcessRss(
  dbPath: string,
  lines: readonly string[],
  cacheDir: string,
  timeoutMs = 600_000,
): Promise<BotRss | null> {
  if (!fs.existsSync('/proc/self/status')) return null;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-bot-'));
  const child = spawn(process.execPath, [path.join(root, 'scripts/run-entry.mjs'), 'src/main', '--db', dbPath], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'ignore'],
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DATELINE_DATA_DIR: scratch,
      // The installed gazetteer index: in an empty cache dir the bot would build it first (~1.5 s, ~270 MB kept resident).
      DATELINE_CACHE_DIR: cacheDir,
      DATELINE_MAPS_DIR: path.join(scratch, 'maps'),
      DATELINE_WATCH: 'off',
      DATELINE_FEEDS: '',
      DATELINE_LOG_LEVEL: 'error',
    },
  });
  const pid = child.pid;
  if (pid === undefined) return null;
  let out = '';
  let seen = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    // Keep only the tail: a thousand replies are megabytes of text.
    let at = out.indexOf(`Unknown command ${MARKER}`);
    while (at >= 0) {
      seen++;
      out = out.slice(at + MARKER.length);
      at = out.indexOf(`Unknown command ${MARKER}`);
    }
    if (out.length > 4096) out = out.slice(-4096);
    for (const w of waiters.filter((w) => seen >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const markers = (count: number): Promise<void> =>
    Promise.race([
      new Promise<void>((resolve) => (seen >= count ? resolve() : waiters.push({ count, resolve }))),
      exited.then(() => {
        throw new Error('the bot process exited before answering');
      }),
      new Promise<void>((_, reject) => setTimeout(() => reject(new Error('the bot process did not answer in time')), timeoutMs).unref()),
    ]);
  try {
    child.stdin.write(`/latest\n${MARKER}\n`);
    await markers(1);
    const startMb = statusMb(pid, 'VmRSS');
    for (const line of lines) child.stdin.write(`${line}\n`);
    child.stdin.write(`${MARKER}\n`);
    await markers(2);
    const afterMb = statusMb(pid, 'VmRSS');
    const peakMb = statusMb(pid, 'VmHWM');
    if (startMb === null || afterMb === null || peakMb === null) return null;
    return { startMb, afterMb, peakMb, commands: lines.length };
  } finally {
    child.stdin.end();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
