/**
 * What the async store contract costs the SQLite path (issue 17: within 10% at p50 of the synchronous
 * figures), measured paired in one process on one store: the same commands run, interleaved call by
 * call, against three shapes of the same SQLite parts (one connection):
 *   sync      the synchronous parts themselves (each `await` in a command then waits on a plain value:
 *             the floor, what the synchronous store cost under today's command code);
 *   async-was the Promise-returning wrapper as it was (an `async` arrow awaiting each call);
 *   async     src/store/synchronous.ts `promising` as it is now.
 * Usage: tsx bench/async-overhead.ts STORE_DB [ROUNDS]
 * Prints the p50/p99 of each (µs per call, each sample the mean of BATCH calls) and the ratios to sync.
 */
import path from 'node:path';
import { commands } from '../commands/index.js';
import { createApp } from '../src/app.js';
import type { Caller, CommandContext } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import { systemClock } from '../src/core/clock.js';
import { dispatchAutocomplete, dispatchCommand } from '../src/core/dispatch.js';
import { createLogger } from '../src/core/logger.js';
import { loadConfig } from '../src/config.js';
import { buildDigest } from '../src/digest/build-digest.js';
import type { DatelineStore } from '../src/store/store.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../src/store/sqlite/sqlite-article-store.js';
import { promising, type Synchronous } from '../src/store/synchronous.js';
import { summarize } from './stats.js';
import { createSampler, speakerPrefix } from './workload.js';

const corpusFile = path.resolve(import.meta.dirname, '../../shared/corpus/reuters21578.ndjson');
const caller: Caller = { userId: 'bench', userName: 'bench', channelId: 'bench', guildId: null, canManageGuild: true };
const BATCH = 20;
const DAY_MS = 86_400_000;

/** The wrapper as it was before this change (kept here only to be measured against). */
function promisingWas<T extends object>(sync: Synchronous<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries<unknown>(sync)) {
    if (typeof value !== 'function') {
      out[key] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    out[key] = async (...args: unknown[]): Promise<unknown> => await fn(...args);
  }
  return out as T;
}

async function main(): Promise<void> {
  const dbPath = path.resolve(process.argv[2] ?? '');
  const rounds = Number(process.argv[3] ?? 300);
  const config = loadConfig(process.env, { dbPath });
  const log = createLogger({ level: 'error', write: (line) => process.stderr.write(`${line}\n`) });
  const app = await createApp({ dbPath, cacheDir: config.cacheDir, commands, clock: systemClock, log });
  const parts = createSqliteArticleParts(openDatabase(dbPath));
  const shaped = (wrap: <T extends object>(s: Synchronous<T>) => T): DatelineStore => ({
    ...app.services.store,
    stories: wrap(parts.stories),
    quotes: wrap(parts.quotes),
    places: wrap(parts.places),
    digest: wrap(parts.digest),
  });
  const variants: { name: string; services: Services }[] = [
    { name: 'sync', services: { ...app.services, store: shaped(<T extends object>(s: Synchronous<T>) => s as unknown as T) } },
    { name: 'async-was', services: { ...app.services, store: shaped(promisingWas) } },
    { name: 'async', services: { ...app.services, store: shaped(promising) } },
  ];

  const s = createSampler(corpusFile, Math.min(19_040, parts.stories.count()));
  const prefixes = Array.from({ length: rounds * BATCH }, () => speakerPrefix(s));
  const days = Array.from({ length: rounds }, () => Math.floor(Date.parse(s.record().date) / DAY_MS) * DAY_MS + DAY_MS);
  const suites: Record<string, (services: Services, round: number) => Promise<void>> = {
    '/latest': async (services) => {
      const ctx: CommandContext = { options: {}, subcommand: null, caller, services };
      for (let i = 0; i < BATCH; i++) await dispatchCommand(app.registry, 'latest', ctx);
    },
    'autocomplete /quote speaker': async (services, round) => {
      for (let i = 0; i < BATCH; i++)
        await dispatchAutocomplete(app.registry, 'quote', {
          options: {},
          subcommand: null,
          focused: { name: 'speaker', value: prefixes[round * BATCH + i]! },
          services,
        });
    },
    digest: async (services, round) => {
      const at = new Date(days[round]!);
      await buildDigest({ store: services.store, geo: services.geo }, { since: new Date(at.getTime() - DAY_MS), at, tz: 'UTC' });
    },
  };
  for (const [label, run] of Object.entries(suites)) {
    const per = label === 'digest' ? 1 : BATCH;
    const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    for (let w = 0; w < 30; w++) for (const v of variants) await run(v.services, w % rounds);
    for (let round = 0; round < rounds; round++) {
      // The order rotates each round, so no variant always runs after the same one.
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(round + k) % variants.length]!;
        const t0 = performance.now();
        await run(v.services, round);
        samples.get(v.name)!.push(((performance.now() - t0) * 1000) / per);
      }
    }
    const base = summarize(samples.get('sync')!);
    const line = variants.map((v) => {
      const x = summarize(samples.get(v.name)!);
      return `${v.name} p50 ${x.p50.toFixed(1)} µs (×${(x.p50 / base.p50).toFixed(3)}) p99 ${x.p99.toFixed(1)}`;
    });
    console.log(`${label}: ${line.join(' | ')}`);
  }
  await app.close();
}

await main();
