/**
 * Child process (also runnable alone): `tsx bench/ingest-event-loop.ts [stories] [threads] [--inline]`
 *
 * Event-loop delay while the bot ingests (issue 18). The app is built as the bot builds it (analysis
 * off the main thread, a short busy timeout), then the first `stories` records of the Reuters corpus
 * are ingested from one NDJSON file through `ingestFile`, the path of the first-start load and the
 * watched folder, while `perf_hooks.monitorEventLoopDelay` samples the loop and a `/where` is
 * dispatched every 250 ms as a user would. Prints one JSON line: loop delay p50/p99/max (ms) during
 * the ingest, the /where answer times, stories and seconds. `--inline` analyses on the main thread
 * (time-sliced) for comparison.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commands } from '../commands/index.js';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/core/clock.js';
import { dispatchCommand } from '../src/core/dispatch.js';
import { createLogger } from '../src/core/logger.js';
import { loadConfig } from '../src/config.js';
import { ingestFile } from '../src/ingest/ingest.js';
import { summarize } from './stats.js';

export interface IngestEventLoopResult {
  stories: number;
  threads: number | 'inline';
  seconds: number;
  added: number;
  /** Event-loop delay during the ingest, ms (monitorEventLoopDelay, 10 ms resolution). */
  loopDelayMs: { p50: number; p99: number; max: number };
  /** /where answered during the ingest: time from dispatch to reply, ms. */
  whereMs: { p50: number; max: number; n: number };
  /** Store commits (one chunk each) during the ingest, ms. */
  commitMs: { p50: number; max: number; n: number };
  /**
   * The same probe on an idle event loop right after: on a shared machine the loop is also late
   * because the OS gives the core to others; this is that floor.
   */
  idleLoopDelayMs: { p50: number; p99: number; max: number };
}

async function idleDelay(ms: number): Promise<{ p50: number; p99: number; max: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await new Promise((r) => setTimeout(r, ms));
  delay.disable();
  const round = (ns: number): number => Math.round((ns / 1e6) * 10) / 10;
  return { p50: round(delay.percentile(50)), p99: round(delay.percentile(99)), max: round(delay.max) };
}

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const inline = process.argv.includes('--inline');
  const wanted = Number(args[0] ?? 19_040);
  const threads = Number(args[1] ?? 1);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-loop-'));
  try {
    const lines = fs
      .readFileSync(path.join(root, '../shared/corpus/reuters21578.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, wanted);
    const file = path.join(temp, 'corpus.ndjson');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const config = loadConfig(process.env);
    const log = createLogger({ level: 'error', write: (line) => process.stderr.write(`${line}\n`) });
    const app = await createApp({
      dbPath: path.join(temp, 'store.db'),
      cacheDir: config.cacheDir,
      commands,
      clock: systemClock,
      log,
      offThreadAnalysis: !inline,
      busyTimeoutMs: 50,
      ingestThreads: inline ? 0 : threads,
    });
    const caller = { userId: 'bench', userName: 'bench', channelId: 'bench', guildId: null, canManageGuild: false };
    const where = () =>
      dispatchCommand(app.registry, 'where', { options: { place: 'Raqqa' }, subcommand: null, caller, services: app.services });
    await where(); // warm: the first answer loads what /where needs

    const whereMs: number[] = [];
    let ingesting = true;
    const asking = (async () => {
      while (ingesting && !process.argv.includes('--no-where')) {
        await new Promise((r) => setTimeout(r, 250));
        const t0 = performance.now();
        await where();
        whereMs.push(performance.now() - t0);
      }
    })();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const t0 = performance.now();
    delay.enable();
    // the longest store commit: main-thread work the slicing cannot split
    const commits: number[] = [];
    const store = app.ingestDeps.store;
    const timedStore = {
      ...store,
      addArticles: (items: Parameters<typeof store.addArticles>[0]) => {
        const c0 = performance.now();
        try {
          return store.addArticles(items);
        } finally {
          commits.push(performance.now() - c0);
        }
      },
    };
    const tally = await ingestFile(file, { ...app.ingestDeps, store: timedStore });
    delay.disable();
    const seconds = (performance.now() - t0) / 1000;
    ingesting = false;
    await asking;
    await app.close();
    const ms = (ns: number): number => Math.round((ns / 1e6) * 10) / 10;
    const answered = summarize(whereMs);
    const result: IngestEventLoopResult = {
      stories: lines.length,
      threads: inline ? 'inline' : threads,
      seconds: Math.round(seconds * 10) / 10,
      added: tally.added,
      loopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      whereMs: { p50: Math.round(answered.p50), max: Math.round(answered.max), n: answered.n },
      commitMs: { p50: Math.round(summarize(commits).p50), max: Math.round(summarize(commits).max), n: commits.length },
      idleLoopDelayMs: await idleDelay(Math.min(5000, seconds * 1000)),
    };
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  process.exit(0);
}

await main();
