/**
 * `npm run bench [-- --quick | --full | --report-only | --loop-only [--loop-stories N]] [--skip-loop] [--store sqlite|postgres|both] [--keep-pg] [--pg URL]
 *   [--resume] [--rebuild] [--sizes 1000,5000] [--calls N] [--budget MS] [--ask-calls N] [--cold-runs N] [--out FILE]`
 * (--quick: 1k and 10k, 100 calls per command; default: 1k, 10k, 100k, 1,000 calls or 60 s per command;
 * --full adds 1M and PostgreSQL beside SQLite; --store picks the backends: PostgreSQL stores are built in
 * databases `dateline_bench_g<version>_<articles>` on the server of --pg / DATELINE_BENCH_PG (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped after the run unless --keep-pg, which keeps them
 * for the next run; --resume reuses what an interrupted run already measured, from bench/cache/measured/)
 *
 * For each store size: build it (cached under bench/cache/, keyed by size, generator version and schema
 * version) through the real ingest path, then measure in a fresh child process (start-up, memory,
 * in-process latency of every command), time cold starts and commands through `dateline ask`, print
 * a table and write bench/results.json and BENCHMARKS.md (a `--quick` run writes
 * bench/cache/results-quick.json instead, so the published full run stays put).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildResult } from './build-store.js';
import { openDatelineStore } from '../src/app.js';
import { GENERATOR_VERSION, loadCorpus } from './generate.js';
import type { MeasureResult } from './measure.js';
import { botProcessRss } from './bot-process-rss.js';
import { loadConfig } from '../src/config.js';
import { renderMarkdown, renderTables, type BenchResults, type SizeResult } from './report.js';
import { fileMb, summarize } from './stats.js';
import type { IngestEventLoopResult } from './ingest-event-loop.js';
import { dropPgStore, ensurePgStore, type BenchStoreKind } from './pg-bench-store.js';

const root = path.resolve(import.meta.dirname, '..');
const cacheRoot = path.join(root, 'bench/cache');
// The children run the TypeScript as dist/ is built (not as tsx transforms it): see scripts/ts-hooks.mjs.
const registerTs = pathToFileURL(path.join(root, 'scripts/register-ts.mjs')).href;
const datelineBin = path.join(root, 'bin/dateline.js');

function runChild(script: string, args: string[], label: string): string {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', registerTs, path.join(root, 'bench', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`);
  process.stderr.write(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return last;
}

const SEED_SIZE = loadCorpus(path.join(root, '../shared/corpus/reuters21578.ndjson')).length;
const seedRebuilt = new Set<number>();

/** Build (or reuse) the store of `articles` articles. */
function ensureStore(
  articles: number,
  rebuild: boolean,
): { dbPath: string; build: BuildResult & { builtAt: string }; cached: boolean; seed: (BuildResult & { builtAt: string }) | null } {
  // Keyed by size and generator version only: schema migrations apply when the store is opened, as in production.
  const dir = path.join(cacheRoot, `g${GENERATOR_VERSION}-${articles}`);
  const dbPath = path.join(dir, 'store.db');
  const metaPath = path.join(dir, 'build.json');
  // Beyond the corpus length, stores grow from the seed store (see build-store.ts).
  const seed = articles > SEED_SIZE ? ensureStore(SEED_SIZE, rebuild && !seedRebuilt.has(SEED_SIZE)) : null;
  if (!rebuild && fs.existsSync(dbPath) && fs.existsSync(metaPath)) {
    return {
      dbPath,
      build: JSON.parse(fs.readFileSync(metaPath, 'utf8')) as BuildResult & { builtAt: string },
      cached: true,
      seed: seed?.build ?? null,
    };
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(metaPath, { force: true });
  const args = [String(articles), dir, ...(seed ? [seed.dbPath] : [])];
  const build = {
    ...(JSON.parse(runChild('build-store.ts', args, `build ${articles}`)) as BuildResult),
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(metaPath, `${JSON.stringify(build, null, 2)}\n`);
  seedRebuilt.add(articles);
  return { dbPath, build, cached: false, seed: seed?.build ?? null };
}

/** Wall time of one `dateline ask` process, start to exit. */
function timeAsk(line: string, dbPath: string): { ms: number; status: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [datelineBin, 'ask', line, '--db', dbPath], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ms: performance.now() - t0, status: r.status ?? 2 };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores), ${Math.round(os.totalmem() / 1e9)} GB RAM, ${os.type()} ${os.release()}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      quick: { type: 'boolean' },
      full: { type: 'boolean' },
      rebuild: { type: 'boolean' },
      sizes: { type: 'string' },
      calls: { type: 'string' },
      'ask-calls': { type: 'string' },
      'cold-runs': { type: 'string' },
      out: { type: 'string' },
      'build-only': { type: 'boolean' },
      budget: { type: 'string' },
      merge: { type: 'boolean' },
      'report-only': { type: 'boolean' },
      'loop-only': { type: 'boolean' },
      'loop-stories': { type: 'string' },
      store: { type: 'string' },
      'keep-pg': { type: 'boolean' },
      pg: { type: 'string' },
      resume: { type: 'boolean' },
      'skip-loop': { type: 'boolean' },
    },
  });
  // Event-loop delay during an ingest in the bot's mode (issue 18): --loop-only measures just that.
  const loopStories = values['loop-stories'] ?? (values.quick ? '2000' : '19040');
  const measureLoop = (): void => {
    const r = JSON.parse(
      runChild('ingest-event-loop.ts', [loopStories, '1'], `event-loop probe (${loopStories} stories)`),
    ) as IngestEventLoopResult;
    console.log(
      `event-loop delay during ingest (bot mode, ${r.stories.toLocaleString('en-US')} stories in ${r.seconds} s, 1 analyzer thread): ` +
        `p50 ${r.loopDelayMs.p50} ms, p99 ${r.loopDelayMs.p99} ms, max ${r.loopDelayMs.max} ms (idle loop on this machine: p99 ${r.idleLoopDelayMs.p99} ms); ` +
        `/where during it: p50 ${r.whereMs.p50} ms, max ${r.whereMs.max} ms over ${r.whereMs.n} calls`,
    );
    fs.mkdirSync(cacheRoot, { recursive: true });
    fs.writeFileSync(path.join(cacheRoot, 'ingest-event-loop.json'), `${JSON.stringify(r, null, 2)}\n`);
  };
  if (values['loop-only']) {
    measureLoop();
    return;
  }
  // --report-only: render BENCHMARKS.md and bench/results.json again from the last full run (bench/cache/last-run.json)
  // with the current bench/notes.md, e.g. after writing up what a run found. Nothing is measured.
  if (values['report-only']) {
    const last = JSON.parse(fs.readFileSync(path.join(cacheRoot, 'last-run.json'), 'utf8')) as BenchResults & {
      options?: { askCalls: number; calls: number; coldRuns: number };
    };
    const options = last.options ?? { askCalls: 5, calls: 1000, coldRuns: 5 };
    writeReport(last, options, path.join(root, 'bench/results.json'), path.join(root, 'BENCHMARKS.md'));
    return;
  }
  const sizes = values.sizes
    ? values.sizes.split(',').map(Number)
    : values.quick
      ? [1_000, 10_000]
      : values.full
        ? [1_000, 10_000, 100_000, 1_000_000]
        : [1_000, 10_000, 100_000];
  const calls = Number(values.calls ?? (values.quick ? 100 : 1000));
  const budgetMs = Number(values.budget ?? (values.quick ? 1500 : 60_000));
  const askCalls = Number(values['ask-calls'] ?? (values.quick ? 0 : 5));
  const coldRuns = Number(values['cold-runs'] ?? (values.quick ? 1 : 5));
  // --merge: add these sizes to the last published run (e.g. `--sizes 1000000 --merge` after a default run).
  const partial = Boolean(values.quick || values.sizes) && !values.merge;
  const lastRunPath = path.join(cacheRoot, 'last-run.json');
  const outJson = path.resolve(
    values.out ?? (partial ? path.join(cacheRoot, 'results-quick.json') : path.join(root, 'bench/results.json')),
  );

  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const storeArg = values.store ?? (values.full ? 'both' : 'sqlite');
  if (!['sqlite', 'postgres', 'both'].includes(storeArg)) throw new Error(`--store ${storeArg}: sqlite, postgres or both`);
  const kinds: BenchStoreKind[] = storeArg === 'both' ? ['sqlite', 'postgres'] : [storeArg as BenchStoreKind];
  const pgServer = values.pg ?? process.env.DATELINE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const measuredDir = path.join(cacheRoot, 'measured');

  const results: SizeResult[] = [];
  for (const articles of sizes) {
    for (const kind of kinds) {
      process.stderr.write(`${articles.toLocaleString('en-US')} articles (${kind})\n`);
      const saved = path.join(measuredDir, `${kind}-${articles}.json`);
      if (values.resume && !values['build-only'] && fs.existsSync(saved)) {
        process.stderr.write(`  measured before: ${path.relative(root, saved)} (--resume)\n`);
        results.push(JSON.parse(fs.readFileSync(saved, 'utf8')) as SizeResult);
        continue;
      }
      let store: { dbPath: string; build: BuildResult & { builtAt: string }; cached: boolean };
      if (kind === 'sqlite') store = ensureStore(articles, values.rebuild === true);
      else {
        const seed = ensureStore(SEED_SIZE, values.rebuild === true && !seedRebuilt.has(SEED_SIZE));
        const built = await ensurePgStore({
          articles,
          server: pgServer,
          seedDb: seed.dbPath,
          rebuild: values.rebuild === true,
          cacheDir: cacheRoot,
          runChild: (args, label) => runChild('build-pg-store.ts', args, label),
        });
        store = { dbPath: built.url, build: built.build, cached: built.cached };
      }
      if (values['build-only']) continue;
      const result = await measureStore(kind, articles, store);
      fs.mkdirSync(measuredDir, { recursive: true });
      fs.writeFileSync(saved, `${JSON.stringify(result, null, 2)}\n`);
      results.push(result);
      if (kind === 'postgres' && !values['keep-pg']) await dropPgStore(pgServer, articles, cacheRoot);
    }
  }

  async function measureStore(
    kind: BenchStoreKind,
    articles: number,
    { dbPath, build, cached }: { dbPath: string; build: BuildResult & { builtAt: string }; cached: boolean },
  ): Promise<SizeResult> {
    // Apply pending migrations (backfills) before anything is timed: a one-off, not a start-up cost.
    await (await openDatelineStore(dbPath)).close();
    const measured = JSON.parse(
      runChild(
        'measure.ts',
        [dbPath, String(articles), String(calls), String(budgetMs), String(values.quick ? 200 : 1000), String(values.quick ? 20 : 100)],
        `measure ${articles} (${kind})`,
      ),
    ) as MeasureResult;

    // Memory of the bot itself (`npm start`, shell transport), fed the same mixed command lines.
    const botStarted = performance.now();
    const bot = await botProcessRss(dbPath, measured.mixLines, loadConfig(process.env).cacheDir);
    process.stderr.write(
      `  bot process memory ${articles} (${kind}): ${bot ? `${bot.startMb} MB at start, ${bot.afterMb} MB after ${bot.commands} commands, peak ${bot.peakMb} MB` : 'not measured (no /proc)'} (${((performance.now() - botStarted) / 1000).toFixed(1)} s)\n`,
    );

    // Cold start: a new process, start to the first answer printed (gazetteer and store opened).
    timeAsk('/latest', dbPath); // warms the OS file cache (and builds dist/ if stale)
    const cold = Array.from({ length: coldRuns }, () => timeAsk('/latest', dbPath).ms);

    // Each command through `dateline ask`: every call pays a cold start.
    const ask: SizeResult['ask'] = {};
    for (const [label, lines] of Object.entries(measured.askLines)) {
      const samples = lines.slice(0, askCalls).map((line) => timeAsk(line, dbPath).ms);
      if (samples.length) ask[label] = summarize(samples);
    }

    return {
      articles,
      store: kind,
      measuredAt: new Date().toISOString(),
      measuredCommit: commit,
      stored: build.added,
      ingestPerSec: build.ingestPerSec,
      ingestPerCpuSec: build.ingestPerCpuSec,
      ingestReplayed: build.replayed,
      ingestCached: cached ? build.builtAt : null,
      storeMb: kind === 'sqlite' ? fileMb(dbPath) : build.storeMb,
      coldStartMs: Math.round(summarize(cold).p50),
      coldStartMaxMs: Math.round(summarize(cold).max),
      createAppMs: measured.createAppMs,
      rssMb: bot?.afterMb ?? measured.rssAfterMb,
      rssStartMb: bot?.startMb ?? measured.rssStartMb,
      rssPeakMb: bot?.peakMb ?? null,
      rssOf: bot ? 'bot' : 'harness',
      harnessRssMb: measured.rssAfterMb,
      harnessRssStartMb: measured.rssStartMb,
      commands: Object.fromEntries(Object.entries(measured.commands).map(([k, v]) => [k, { p50: v.p50, p99: v.p99, max: v.max }])),
      calls: Object.fromEntries(Object.entries(measured.commands).map(([k, v]) => [k, v.n])),
      cpu: Object.fromEntries(Object.entries(measured.commands).map(([k, v]) => [k, v.cpu])),
      ask,
      notes: measured.notes,
    };
  }

  if (values['build-only']) return;
  let sizesOut = results;
  if (values.merge) {
    const last = fs.existsSync(lastRunPath)
      ? (JSON.parse(fs.readFileSync(lastRunPath, 'utf8')) as BenchResults)
      : fromContract(path.join(root, 'bench/results.json'));
    sizesOut = [
      ...last.sizes.filter((s) => !results.some((r) => r.articles === s.articles && (r.store ?? 'sqlite') === (s.store ?? 'sqlite'))),
      ...results,
    ].sort((a, b) => a.articles - b.articles || (a.store ?? 'sqlite').localeCompare(b.store ?? 'sqlite'));
  }
  const bench: BenchResults = { machine: machine(), node: process.version, date: new Date().toISOString(), commit, sizes: sizesOut };
  if (!partial) fs.writeFileSync(lastRunPath, `${JSON.stringify({ ...bench, options: { askCalls, calls, coldRuns } }, null, 2)}\n`);
  console.log(renderTables(bench));
  if (!values['skip-loop']) measureLoop();
  writeReport(
    bench,
    { askCalls, calls, coldRuns },
    outJson,
    partial ? path.join(cacheRoot, 'BENCHMARKS-quick.md') : path.join(root, 'BENCHMARKS.md'),
  );
}

/** results.json (the contract) and the markdown report (with bench/notes.md) of a run. */
function writeReport(
  bench: BenchResults,
  run: { askCalls: number; calls: number; coldRuns: number },
  jsonPath: string,
  mdPath: string,
): void {
  fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
  fs.writeFileSync(jsonPath, `${JSON.stringify(toContract(bench), null, 2)}\n`);
  fs.writeFileSync(mdPath, renderMarkdown(bench, fs.readFileSync(path.join(root, 'bench/notes.md'), 'utf8'), run));
  process.stderr.write(`wrote ${path.relative(root, jsonPath)} and ${path.relative(root, mdPath)}\n`);
}

/** Read a published bench/results.json back (for --merge when bench/cache/last-run.json is missing). */
function fromContract(file: string): BenchResults {
  type Detail = Omit<SizeResult, 'articles' | 'ingestPerSec' | 'storeMb' | 'coldStartMs' | 'rssMb' | 'commands' | 'cpu'> & {
    cpuMs: SizeResult['cpu'];
  };
  type Entry = Pick<SizeResult, 'articles' | 'ingestPerSec' | 'storeMb' | 'coldStartMs' | 'rssMb' | 'commands'> & { detail: Detail };
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<BenchResults, 'sizes'> & { sizes: Entry[]; postgres?: Entry[] };
  const back =
    (store: 'sqlite' | 'postgres') =>
    ({ detail, ...s }: Entry): SizeResult => {
      const { cpuMs, ...rest } = detail;
      return {
        ...s,
        ...rest,
        cpu: cpuMs,
        store,
        measuredCommit: rest.measuredCommit ?? raw.commit,
        measuredAt: rest.measuredAt ?? raw.date,
      };
    };
  const { postgres, ...rest } = raw;
  return { ...rest, sizes: [...raw.sizes.map(back('sqlite')), ...(postgres ?? []).map(back('postgres'))] };
}

/** bench/results.json: the contract `{machine, node, date, sizes:[{articles, ingestPerSec, storeMb, coldStartMs, rssMb, commands}]}` plus extra detail. */
function toContract(b: BenchResults): unknown {
  // `sizes` stays the SQLite store's (the published contract); PostgreSQL's, in the same shape, go beside it.
  const entry = (s: SizeResult): unknown => ({
    articles: s.articles,
    ingestPerSec: s.ingestPerSec,
    storeMb: s.storeMb,
    coldStartMs: s.coldStartMs,
    rssMb: s.rssMb,
    commands: s.commands,
    detail: {
      stored: s.stored,
      ingestCached: s.ingestCached,
      ingestPerCpuSec: s.ingestPerCpuSec,
      ingestReplayed: s.ingestReplayed,
      cpuMs: s.cpu,
      createAppMs: s.createAppMs,
      rssStartMb: s.rssStartMb,
      rssPeakMb: s.rssPeakMb,
      rssOf: s.rssOf,
      harnessRssMb: s.harnessRssMb,
      harnessRssStartMb: s.harnessRssStartMb,
      coldStartMaxMs: s.coldStartMaxMs,
      calls: s.calls,
      ask: s.ask,
      notes: s.notes,
      measuredAt: s.measuredAt,
      measuredCommit: s.measuredCommit,
    },
  });
  return {
    machine: b.machine,
    node: b.node,
    date: b.date,
    commit: b.commit,
    sizes: b.sizes.filter((s) => s.store !== 'postgres').map(entry),
    postgres: b.sizes.filter((s) => s.store === 'postgres').map(entry),
  };
}

await main();
