/**
 * `npm run eval:events -- --data FILE`: how well the digest groups a day's news into events, on
 * the gold format of ../shared/eval/events/ (`{id, title, text, date, source, url, event}`, see its
 * README). The file is ingested into a temporary store through the real pipeline, and each UTC
 * day's digest is built with `all` (every group and story, as `dateline digest --all` gives it), so
 * what is scored is what the bot shows. Beside it, in the same run, the classic single-pass TF-IDF
 * baseline over the same stories' headlines. B-cubed precision, recall and F1 over articles; a
 * story the digest leaves out counts as a group of its own.
 * Last line (a contract, issue 16): `events b3_f1=… b3_p=… b3_r=… baseline_f1=…`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.js';
import { createApp } from '../app.js';
import { createFixedClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { buildDigest } from '../digest/build-digest.js';
import { headlineKey } from '../digest/grouping/story-terms.js';
import { STOPWORDS, tokenize } from '../nlp/tokens.js';

export interface GoldStory {
  id: string;
  title: string;
  date: string;
  url: string | null;
  event: string;
}

export interface B3 {
  f1: number;
  precision: number;
  recall: number;
}

/** B-cubed (Bagga & Baldwin 1998) of a clustering against gold labels, both as one label per item. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): B3 {
  const n = predicted.length;
  if (n === 0) return { f1: 0, precision: 0, recall: 0 };
  const count = (labels: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const bySystem = count(predicted);
  const byGold = count(gold);
  const both = count(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const shared = both.get(`${predicted[i]}\u0000${gold[i]}`)!;
    precision += shared / bySystem.get(predicted[i]!)!;
    recall += shared / byGold.get(gold[i]!)!;
  }
  precision /= n;
  recall /= n;
  return { f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall };
}

/**
 * The baseline: single-pass clustering of headlines in arrival order (the order given) against
 * group centroids, tf-idf over the day's headlines (stop words out), joining the most similar
 * group when the cosine reaches `threshold` (0.06: the set's README reference).
 */
export function singlePassBaseline(headlines: readonly string[], threshold = 0.06): number[] {
  const docs = headlines.map((h) => tokenize(h).filter((t) => !STOPWORDS.has(t)));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const unit = (v: Map<string, number>): Map<string, number> => {
    let norm = 0;
    for (const x of v.values()) norm += x * x;
    norm = Math.sqrt(norm);
    return norm === 0 ? v : new Map([...v].map(([t, x]) => [t, x / norm]));
  };
  const vectors = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    return unit(new Map([...tf].map(([t, c]) => [t, c * Math.log(docs.length / df.get(t)!)])));
  });
  const groups: { sum: Map<string, number>; centroid: Map<string, number> }[] = [];
  return vectors.map((v) => {
    let best = -1;
    let bestSim = threshold;
    groups.forEach((g, k) => {
      let sim = 0;
      for (const [t, x] of v) sim += x * (g.centroid.get(t) ?? 0);
      if (sim >= bestSim) {
        best = k;
        bestSim = sim;
      }
    });
    if (best < 0) {
      groups.push({ sum: new Map(v), centroid: v });
      return groups.length - 1;
    }
    const g = groups[best]!;
    for (const [t, x] of v) g.sum.set(t, (g.sum.get(t) ?? 0) + x);
    g.centroid = unit(g.sum);
    return best;
  });
}

export interface DayScore {
  day: string;
  stories: number;
  events: number;
  groups: number;
  system: B3;
  baseline: B3;
}

export interface EventsScores {
  days: DayScore[];
  system: B3;
  baseline: B3;
}

function parseGold(text: string): GoldStory[] {
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const r = JSON.parse(l) as Partial<GoldStory> & { headline?: string };
      const title = r.title ?? r.headline;
      if (!r.date || !r.event || !title) throw new Error(`line ${i + 1}: a gold story needs title, date and event`);
      return { id: r.id ?? `line-${i + 1}`, title, date: r.date.slice(0, 10), url: r.url ?? null, event: r.event };
    });
}

/** Ingest the file into a temporary store, build each UTC day's digest with every group, score it. */
export async function evaluateEvents(dataPath: string, cacheDir = path.resolve('data/cache')): Promise<EventsScores> {
  const gold = parseGold(readFileSync(dataPath, 'utf8'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dateline-eval-events-'));
  const app = await createApp({
    dbPath: path.join(dir, 'events.db'),
    cacheDir,
    commands,
    clock: createFixedClock(new Date()),
    log: createLogger({ level: 'error', write: (line) => process.stderr.write(`${line}\n`) }),
  });
  try {
    const tally = await app.ingest([dataPath]);
    if (tally.rejected > 0) process.stderr.write(`warning: ${tally.rejected} gold stories were rejected at ingest\n`);
    const days = [...new Set(gold.map((g) => g.date))].sort();
    const results: DayScore[] = [];
    const allSystem: string[] = [];
    const allBaseline: string[] = [];
    const allGold: string[] = [];
    for (const day of days) {
      const since = new Date(`${day}T00:00:00Z`);
      const at = new Date(since.getTime() + 86_400_000);
      const digest = await buildDigest({ store: app.services.store, geo: app.services.geo }, { since, at, tz: 'UTC', all: true });
      // Each gold story to the digest group that shows it: by url, else (a text duplicate the store
      // kept once) by its headline; a story shown nowhere is a group of its own.
      const byUrl = new Map<string, string>();
      const byHeadline = new Map<string, string>();
      digest.groups.forEach((g, k) => {
        for (const s of g.stories) {
          if (s.url) byUrl.set(s.url, `g${k}`);
          byHeadline.set(headlineKey(s.title), `g${k}`);
        }
      });
      const stories = gold.filter((g) => g.date === day);
      const system = stories.map((g) => (g.url ? byUrl.get(g.url) : undefined) ?? byHeadline.get(headlineKey(g.title)) ?? `alone:${g.id}`);
      const baseline = singlePassBaseline(stories.map((g) => g.title)).map((k) => `b${k}`);
      const labels = stories.map((g) => g.event);
      results.push({
        day,
        stories: stories.length,
        events: new Set(labels).size,
        groups: digest.groups.length,
        system: bcubed(system, labels),
        baseline: bcubed(baseline, labels),
      });
      allSystem.push(...system.map((s) => `${day}/${s}`));
      allBaseline.push(...baseline.map((s) => `${day}/${s}`));
      allGold.push(...labels.map((s) => `${day}/${s}`));
    }
    return { days: results, system: bcubed(allSystem, allGold), baseline: bcubed(allBaseline, allGold) };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f3 = (x: number): string => x.toFixed(3);

export function formatEventsLine(scores: EventsScores): string {
  return `events b3_f1=${f3(scores.system.f1)} b3_p=${f3(scores.system.precision)} b3_r=${f3(scores.system.recall)} baseline_f1=${f3(scores.baseline.f1)}`;
}

/** The command: per-day lines, then the contract line; the exit code (1 for a usage error). */
export async function main(argv: string[], write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, 'cache-dir': { type: 'string' } } });
  if (!values.data) {
    process.stderr.write('Usage: npm run eval:events -- --data FILE\n');
    return 1;
  }
  const scores = await evaluateEvents(values.data, values['cache-dir'] ? path.resolve(values['cache-dir']) : undefined);
  for (const d of scores.days) {
    write(
      `${d.day}: ${d.stories} stories, ${d.events} gold events, ${d.groups} groups; ` +
        `b3 f1=${f3(d.system.f1)} p=${f3(d.system.precision)} r=${f3(d.system.recall)}; baseline f1=${f3(d.baseline.f1)} p=${f3(d.baseline.precision)} r=${f3(d.baseline.recall)}\n`,
    );
  }
  write(`${formatEventsLine(scores)}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
