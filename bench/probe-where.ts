/**
 * Probe: CPU per `/where` call (fresh places, then the same places again) and which command grows the
 * resident memory. Loads the real services (createApp over a store), dispatches in-process.
 * Usage: node --expose-gc --import tsx bench/probe-where.ts STORE_DB|POSTGRES_URL [ARTICLES] [PLACES=200] [CALLS per command=300]
 * Copy a bench store first (it applies migrations on open): cp bench/cache/g1-10000/store.db /tmp/probe.db
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands } from '../commands/index.js';
import { createApp, type App } from '../src/app.js';
import type { Caller, CommandContext } from '../src/core/command.js';
import { systemClock } from '../src/core/clock.js';
import { dispatchAutocomplete, dispatchCommand } from '../src/core/dispatch.js';
import { createLogger } from '../src/core/logger.js';
import { parseCommandLine } from '../src/core/parse-command-line.js';
import { loadConfig } from '../src/config.js';
import { isPostgresUrl } from '../src/store/store-location.js';
import { digestProbe } from './digest-probe.js';
import { summarize } from './stats.js';
import { autocompleteValue, commandLines, createSampler, PLACES, type Sampler } from './workload.js';

const corpusFile = path.resolve(import.meta.dirname, '../../shared/corpus/reuters21578.ndjson');
const caller: Caller = { userId: 'probe', userName: 'probe', channelId: 'probe', guildId: null, canManageGuild: true };
const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}

/** RSS, heap and external memory after a full collection (what remains is not garbage). */
function memory(): { rss: number; heap: number; external: number; arrayBuffers: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Varied command lines (the benchmark's own workload), parsed once into calls. */
function commandCalls(app: App, name: string, s: Sampler, n: number): (() => Promise<unknown>)[] {
  const out: (() => Promise<unknown>)[] = [];
  for (const line of commandLines(app.definitions, name, s, n)) {
    let parsed;
    try {
      parsed = parseCommandLine(line, app.definitions);
    } catch {
      continue;
    }
    const ctx: CommandContext = { options: parsed.options, subcommand: parsed.subcommand, caller, services: app.services };
    out.push(() => dispatchCommand(app.registry, parsed.name, ctx));
  }
  return out;
}

/** ~n distinct place names: the bench list, datelines of random stories, then country names. */
function placeNames(app: App, s: Sampler, n: number): string[] {
  const names = new Set<string>(PLACES);
  for (let i = 0; i < 20 * n && names.size < n; i++) {
    const dl = s.record().dateline?.split(',')[0]?.trim();
    if (dl) names.add(dl.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()));
  }
  for (const letter of 'abcdefghijklmnopqrstuvwyz') {
    if (names.size >= n) break;
    for (const p of app.services.geo.suggest(letter, 8)) if (names.size < n) names.add(p.name);
  }
  return [...names];
}

async function main(): Promise<void> {
  // A PostgreSQL URL as it is; a path made absolute (resolving a URL would make it an SQLite file's path).
  const given = process.argv[2] ?? '';
  const dbPath = isPostgresUrl(given) ? given : path.resolve(given);
  const articles = Number(process.argv[3] ?? 10_000);
  const nPlaces = Number(process.argv[4] ?? 200);
  const nCalls = Number(process.argv[5] ?? 300);
  if (!gc) process.stderr.write('warning: run with --expose-gc to tell garbage from leaks\n');
  const config = loadConfig(process.env, { dbPath });
  const log = createLogger({ level: 'error', write: (line) => process.stderr.write(`${line}\n`) });
  // A fresh cache dir (the gazetteer linked in) so that "fresh" places are not served by maps cached
  // on disk by earlier runs; PROBE_KEEP_CACHE=1 uses the configured one.
  let cacheDir = config.cacheDir;
  if (!process.env.PROBE_KEEP_CACHE) {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-where-'));
    for (const f of fs.readdirSync(config.cacheDir))
      if (f.startsWith('gazetteer')) fs.symlinkSync(path.join(config.cacheDir, f), path.join(cacheDir, f));
  }
  const app = await createApp({ dbPath, cacheDir, commands, clock: systemClock, log });
  await dispatchCommand(app.registry, 'latest', { options: {}, subcommand: null, caller, services: app.services });
  const start = memory();
  console.log(`start: ${JSON.stringify(start)}`);

  const s = createSampler(corpusFile, articles);
  const places = placeNames(app, s, nPlaces);
  const whereCall = (place: string) => () =>
    dispatchCommand(app.registry, 'where', { options: { place }, subcommand: null, caller, services: app.services });
  for (const pass of ['fresh', 'repeated']) {
    const cpu: number[] = [];
    const wall: number[] = [];
    for (const p of places) {
      const t0 = performance.now();
      cpu.push(await timed(whereCall(p)));
      wall.push(performance.now() - t0);
    }
    const st = summarize(cpu);
    const wt = summarize(wall);
    console.log(
      `/where ${pass} (${places.length} places): cpu p50 ${st.p50} p99 ${st.p99} max ${st.max} ms, wall p50 ${wt.p50} p99 ${wt.p99}; memory ${JSON.stringify(memory())}`,
    );
    const slowest = places
      .map((p, i) => [p, cpu[i]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6);
    console.log(`  slowest: ${slowest.map(([p, ms]) => `${p} ${ms.toFixed(1)}`).join(', ')}`);
  }

  // Each other command on its own: RSS and heap after gc, before and after its calls.
  const suites = new Map<string, (() => Promise<unknown>)[]>();
  for (const name of ['summary', 'quote', 'search', 'latest', 'where']) suites.set(`/${name}`, commandCalls(app, name, s, nCalls));
  suites.set(
    'autocomplete /where place',
    Array.from({ length: nCalls }, () => {
      const value = autocompleteValue(s, 'place');
      return () =>
        dispatchAutocomplete(app.registry, 'where', {
          options: {},
          subcommand: null,
          focused: { name: 'place', value },
          services: app.services,
        });
    }),
  );
  suites.set(
    'autocomplete /summary article',
    Array.from({ length: nCalls }, () => {
      const value = autocompleteValue(s, 'article');
      return () =>
        dispatchAutocomplete(app.registry, 'summary', {
          options: {},
          subcommand: null,
          focused: { name: 'article', value },
          services: app.services,
        });
    }),
  );
  const digest = digestProbe(app, articles);
  suites.set('digest', digest.calls(Math.min(nCalls, 100)));
  const only = process.env.PROBE_ONLY;
  for (const [label, calls] of suites) {
    if (only && !label.includes(only)) continue;
    const before = memory();
    const cpu: number[] = [];
    for (const call of calls) cpu.push(await timed(call));
    const after = memory();
    const st = summarize(cpu);
    console.log(
      `${label.padEnd(30)} ${String(calls.length).padStart(4)} calls cpu p50 ${st.p50} p99 ${st.p99} ms | rss ${before.rss} → ${after.rss} MB, heap ${before.heap} → ${after.heap}, external ${before.external} → ${after.external}`,
    );
  }
  await app.close();
  if (cacheDir !== config.cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
}

await main();
