/** The benchmark's table (stdout) and BENCHMARKS.md, with the goals of issue 9 checked. */
import type { Latency } from './stats.js';

export interface SizeResult {
  articles: number;
  /** The backend measured: SQLite when absent (runs before PostgreSQL was benched). */
  store?: 'sqlite' | 'postgres';
  /** When and at which commit this size was measured (a --merge run keeps sizes of earlier runs). */
  measuredAt?: string;
  measuredCommit?: string;
  stored: number;
  ingestPerSec: number;
  /** Articles per CPU-second of the ingest process (what an unshared core would give). */
  ingestPerCpuSec: number;
  /** Analysis replayed from the seed store: the rate is the store side only. */
  ingestReplayed: boolean;
  /** When the store came from the cache: when it was built (its ingest rate is from then). */
  ingestCached: string | null;
  storeMb: number;
  coldStartMs: number;
  coldStartMaxMs: number;
  createAppMs: number;
  /** Resident memory after 1,000 mixed commands and after start: of the bot process when `rssOf` is 'bot'. */
  rssMb: number;
  rssStartMb: number;
  rssPeakMb?: number | null;
  /** 'bot': the `npm start` process (bot-process-rss.ts); 'harness': the timing child (no /proc, or older runs). */
  rssOf?: 'bot' | 'harness';
  /** The timing child's own RSS (it also holds the bench's corpus, prepared calls and tsx). */
  harnessRssMb?: number;
  harnessRssStartMb?: number;
  commands: Record<string, Latency>;
  calls: Record<string, number>;
  /** Process CPU time per call (p50/p99/max). */
  cpu: Record<string, Latency>;
  ask: Record<string, Latency>;
  notes: string[];
}

export interface BenchResults {
  machine: string;
  node: string;
  date: string;
  commit: string;
  sizes: SizeResult[];
}

export const GOALS = { p99Ms: 10, coldStartMs: 1000, ingestPerSec: 5000, rssMb: 300, goalSize: 100_000 } as const;
/** Issue 17 (PostgreSQL: every interactive command p99 < 50 ms at 1M) and issue 19 (/trend counts p99 < 20 ms at 1M). */
export const PG_GOALS = { p99Ms: 50, trendCountsP99Ms: 20, goalSize: 1_000_000 } as const;
/** Rows that are not interactive commands: the scheduled digest, and the uncached chart (timed apart from the counts). */
const NOT_INTERACTIVE = new Set(['digest', '/trend chart (uncached)']);

const isPg = (s: SizeResult): boolean => s.store === 'postgres';
/** The SQLite sizes only: the figures and goals of the embedded default. */
export function sqliteOnly(b: BenchResults): BenchResults {
  return { ...b, sizes: b.sizes.filter((s) => !isPg(s)) };
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

/** Command rows in a stable, readable order: the issue's seven first, then per-option autocompletes. */
export function commandLabels(b: BenchResults): string[] {
  const all = new Set(b.sizes.flatMap((s) => Object.keys(s.commands)));
  const first = ['/summary', '/quote', '/where', '/search', '/latest', 'autocomplete', 'digest'].filter((l) => all.has(l));
  return [...first, ...[...all].filter((l) => !first.includes(l)).sort()];
}

export function renderTables(all: BenchResults): string {
  const b = sqliteOnly(all);
  const sizeRows = [
    [
      'articles',
      'ingest/s',
      'ingest/CPU-s',
      'store MB',
      'cold start ms',
      'createApp ms',
      'RSS start MB',
      'RSS after 1k cmds MB',
      'RSS peak MB',
      'harness RSS MB',
    ],
    ...b.sizes.map((s) => [
      fmt(s.articles),
      fmt(s.ingestPerSec) + (s.ingestReplayed ? '†' : '') + (s.ingestCached ? '*' : ''),
      fmt(s.ingestPerCpuSec),
      String(s.storeMb),
      fmt(s.coldStartMs),
      fmt(s.createAppMs),
      String(s.rssStartMb) + (s.rssOf === 'bot' ? '' : '‡'),
      String(s.rssMb) + (s.rssOf === 'bot' ? '' : '‡'),
      s.rssPeakMb === null || s.rssPeakMb === undefined ? '—' : String(s.rssPeakMb),
      s.harnessRssMb === undefined ? '—' : String(s.harnessRssMb),
    ]),
  ];
  const labels = commandLabels(b);
  const latRows = [
    ['in-process ms (p50 / p99 / max)', ...b.sizes.map((s) => fmt(s.articles))],
    ...labels.map((l) => [
      l,
      ...b.sizes.map((s) => (s.commands[l] ? `${ms(s.commands[l].p50)} / ${ms(s.commands[l].p99)} / ${ms(s.commands[l].max)}` : '—')),
    ]),
  ];
  const cpuRows = [
    ['CPU ms per call (p50 / p99)', ...b.sizes.map((s) => fmt(s.articles))],
    ...labels.map((l) => [l, ...b.sizes.map((s) => (s.cpu[l] ? `${ms(s.cpu[l].p50)} / ${ms(s.cpu[l].p99)}` : '—'))]),
  ];
  const askLabels = [...new Set(b.sizes.flatMap((s) => Object.keys(s.ask)))];
  const askRows = [
    ['dateline ask ms (p50 / p99 / max)', ...b.sizes.map((s) => fmt(s.articles))],
    ...askLabels.map((l) => [
      l,
      ...b.sizes.map((s) => (s.ask[l] ? `${s.ask[l].p50.toFixed(0)} / ${s.ask[l].p99.toFixed(0)} / ${s.ask[l].max.toFixed(0)}` : '—')),
    ]),
  ];
  const notes = [
    b.sizes.some((s) => s.ingestReplayed)
      ? '† store side only: analysis replayed from the 19,040-story seed store (see BENCHMARKS.md)'
      : '',
    b.sizes.some((s) => s.ingestCached)
      ? '* store reused from bench/cache/: ingest rate from when it was built (--rebuild to re-measure)'
      : '',
    'RSS: the bot process (`npm start`, local shell) fed 1,000 mixed command lines; harness RSS: the timing child after the same number of mixed calls (digest builds included)',
    b.sizes.some((s) => s.rssOf !== 'bot') ? '‡ the timing child, not the bot process (no /proc here)' : '',
  ].filter(Boolean);
  const side = renderSideBySide(all);
  return [pad(sizeRows), '', pad(latRows), '', pad(cpuRows), '', pad(askRows), '', ...notes, ...(side ? ['', side] : [])].join('\n');
}

/**
 * SQLite and PostgreSQL side by side, at every size PostgreSQL was measured: in-process wall-clock
 * p50 / p99 per command (a networked store's time is mostly the server's, not this process's CPU).
 */
export function renderSideBySide(b: BenchResults): string | null {
  const pgSizes = b.sizes.filter(isPg);
  if (pgSizes.length === 0) return null;
  const columns: SizeResult[] = pgSizes.flatMap((p) => {
    const lite = b.sizes.find((s) => !isPg(s) && s.articles === p.articles);
    return lite ? [lite, p] : [p];
  });
  const name = (s: SizeResult): string => `${isPg(s) ? 'PostgreSQL' : 'SQLite'} ${fmt(s.articles)}`;
  const labels = commandLabels({ ...b, sizes: columns });
  const head = [
    ['store', ...columns.map(name)],
    ['ingest/s (store side)', ...columns.map((s) => fmt(s.ingestPerSec) + (s.ingestReplayed ? '†' : '') + (s.ingestCached ? '*' : ''))],
    ['store MB', ...columns.map((s) => String(s.storeMb))],
    ['cold start ms', ...columns.map((s) => fmt(s.coldStartMs))],
    ['RSS after 1k cmds MB', ...columns.map((s) => String(s.rssMb))],
  ];
  const rows = [
    ['in-process ms (p50 / p99)', ...columns.map(name)],
    ...labels.map((l) => [l, ...columns.map((s) => (s.commands[l] ? `${ms(s.commands[l].p50)} / ${ms(s.commands[l].p99)}` : '—'))]),
  ];
  return [
    'SQLite and PostgreSQL side by side',
    pad(head),
    '',
    pad(rows),
    '',
    'PostgreSQL: the same generated stories and workload; its stores are built through StoryStore.addArticles with the analysis replayed (bench/build-pg-store.ts), GIN indexes built after the load',
  ].join('\n');
}

/** The PostgreSQL goals, at 1M when measured there, else at the largest PostgreSQL size (marked not met: not at the goal's size). */
export function checkPgGoals(b: BenchResults): GoalLine[] {
  const pgSizes = b.sizes.filter(isPg).sort((x, y) => y.articles - x.articles);
  const at = pgSizes[0];
  if (!at) return [];
  const atGoal = at.articles >= PG_GOALS.goalSize;
  const where = atGoal ? '' : ` (measured at ${fmt(at.articles)} only)`;
  const interactive = Object.entries(at.commands).filter(([l]) => !NOT_INTERACTIVE.has(l));
  const worst = interactive.sort((x, y) => y[1].p99 - x[1].p99)[0];
  const lines: GoalLine[] = [
    {
      goal: `PostgreSQL: every interactive command p99 < ${PG_GOALS.p99Ms} ms at ${fmt(PG_GOALS.goalSize)} (digest and uncached charts aside)`,
      figure: worst ? `worst ${worst[0]} p99 ${ms(worst[1].p99)} ms${where}` : 'no commands',
      met: worst && atGoal ? interactive.every(([, c]) => c.p99 < PG_GOALS.p99Ms) : worst ? false : null,
    },
  ];
  // Issue 19's goal is every count a /trend draws: places, speakers and about: (a search) alike.
  for (const s of [b.sizes.filter((x) => !isPg(x)).sort((x, y) => y.articles - x.articles)[0], at]) {
    const all = s?.commands['/trend counts'];
    if (!s || !all) continue;
    const parts = [
      ['places and speakers', s.commands['/trend counts place, speaker']],
      ['about:', s.commands['/trend counts about']],
    ] as const;
    const kinds = parts.flatMap(([label, c]) => (c ? [`${label} ${ms(c.p99)}`] : []));
    const worstP99 = Math.max(all.p99, ...parts.map(([, c]) => c?.p99 ?? 0));
    lines.push({
      goal: `${isPg(s) ? 'PostgreSQL' : 'SQLite'}: /trend counts p99 < ${PG_GOALS.trendCountsP99Ms} ms at ${fmt(PG_GOALS.goalSize)}`,
      figure: `p99 ${ms(all.p99)} ms at ${fmt(s.articles)}${kinds.length ? ` (${kinds.join('; ')})` : ''}`,
      met: s.articles >= PG_GOALS.goalSize ? worstP99 < PG_GOALS.trendCountsP99Ms : false,
    });
  }
  return lines;
}

interface GoalLine {
  goal: string;
  figure: string;
  met: boolean | null;
}

export function checkGoals(all: BenchResults): GoalLine[] {
  const b = sqliteOnly(all);
  const at = b.sizes.find((s) => s.articles === GOALS.goalSize);
  const lines: GoalLine[] = [];
  if (!at) return [{ goal: 'goals are set at 100k articles', figure: 'no 100k run', met: null }];
  const worst = Object.entries(at.commands).sort((x, y) => y[1].p99 - x[1].p99)[0];
  lines.push({
    goal: `every command p99 < ${GOALS.p99Ms} ms in-process`,
    figure: worst ? `worst ${worst[0]} p99 ${ms(worst[1].p99)} ms` : 'no commands',
    met: worst ? Object.values(at.commands).every((c) => c.p99 < GOALS.p99Ms) : null,
  });
  lines.push({
    goal: `cold start < ${fmt(GOALS.coldStartMs)} ms`,
    figure: `${fmt(at.coldStartMs)} ms (dateline ask "/latest", median)`,
    met: at.coldStartMs < GOALS.coldStartMs,
  });
  // Stores beyond the seed replay their analysis: the full-pipeline rate comes from the largest store built whole.
  const whole = [...b.sizes].filter((s) => !s.ingestReplayed).sort((x, y) => y.articles - x.articles)[0];
  const full = at.ingestReplayed ? whole : at;
  lines.push({
    goal: `ingest ≥ ${fmt(GOALS.ingestPerSec)} articles/s`,
    figure: full
      ? `${fmt(full.ingestPerSec)}/s wall, ${fmt(full.ingestPerCpuSec)}/CPU-s with the analyzer (${fmt(full.articles)} store)${at.ingestReplayed ? `; store side alone at ${fmt(at.articles)}: ${fmt(at.ingestPerCpuSec)}/CPU-s` : ''}`
      : '—',
    met: full ? Math.max(full.ingestPerSec, full.ingestPerCpuSec) >= GOALS.ingestPerSec : null,
  });
  lines.push({
    goal: `RSS < ${GOALS.rssMb} MB`,
    figure: `${at.rssMb} MB after 1,000 commands (${at.rssOf === 'bot' ? `the bot process; peak ${at.rssPeakMb} MB` : 'the timing child'})`,
    met: at.rssMb < GOALS.rssMb,
  });
  const small = b.sizes.find((s) => s.articles === 10_000);
  const big = [...b.sizes].sort((x, y) => y.articles - x.articles)[0];
  if (small && big && big.articles > small.articles) {
    const logRatio = Math.log(big.articles) / Math.log(small.articles);
    const worstGrowth = growth(small, big).sort((x, y) => y.p99 - x.p99)[0];
    lines.push({
      goal: `latency growth ${fmt(small.articles)} → ${fmt(big.articles)} no faster than log (log ratio ${logRatio.toFixed(2)})`,
      figure: worstGrowth
        ? `worst p99 ratio ${worstGrowth.p99.toFixed(2)} (${worstGrowth.label}); below ${GOALS.p99Ms / 10} ms counted as flat`
        : '—',
      met: worstGrowth ? worstGrowth.p99 <= logRatio : null,
    });
  }
  return lines;
}

/** p50/p99 ratios big/small per command; latencies under 1 ms are clamped to 1 ms (timer noise dominates there). */
export function growth(small: SizeResult, big: SizeResult): { label: string; p50: number; p99: number }[] {
  const floor = (x: number): number => Math.max(1, x);
  return Object.keys(big.commands)
    .filter((l) => small.commands[l])
    .map((l) => ({
      label: l,
      p50: floor(big.commands[l]!.p50) / floor(small.commands[l]!.p50),
      p99: floor(big.commands[l]!.p99) / floor(small.commands[l]!.p99),
    }));
}

export function renderMarkdown(all: BenchResults, notes: string, run: { calls: number; askCalls: number; coldRuns: number }): string {
  const goals = checkGoals(all);
  const pgGoals = checkPgGoals(all);
  const b = sqliteOnly(all);
  const earlier = all.sizes.filter((s) => s.measuredCommit && s.measuredCommit !== all.commit);
  const small = b.sizes.find((s) => s.articles === 10_000);
  const growthRows = small
    ? b.sizes
        .filter((s) => s.articles > small.articles)
        .flatMap((big) => {
          const logRatio = Math.log(big.articles) / Math.log(small.articles);
          return [
            `| command | p50 ratio ${fmt(small.articles)}→${fmt(big.articles)} | p99 ratio | log ratio |`,
            '|---|---:|---:|---:|',
            ...growth(small, big).map((g) => `| ${g.label} | ${g.p50.toFixed(2)} | ${g.p99.toFixed(2)} | ${logRatio.toFixed(2)} |`),
            '',
          ];
        })
    : [];
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts) from bench/notes.md and the run; edit bench/notes.md, not this file. -->',
    '',
    `- Machine: ${b.machine}`,
    `- Node: ${b.node}`,
    `- Date: ${b.date} (commit ${b.commit})`,
    ...(earlier.length
      ? [
          `- Kept from earlier runs (\`--merge\`): ${earlier.map((s) => `${s.store === 'postgres' ? 'PostgreSQL' : 'SQLite'} ${fmt(s.articles)} (${s.measuredAt?.slice(0, 16) ?? '?'}, commit ${s.measuredCommit})`).join('; ')}`,
        ]
      : []),
    `- Command: ${earlier.length ? 'this run\'s is in bench/notes.md ("This run")' : `\`npm run bench${b.sizes.some((s) => s.articles >= 1_000_000) ? ' -- --full' : ''}\``}; up to ${fmt(run.calls)} timed calls per command and size in-process (after 50 warm-up calls; a command stops after 60 s once it has 100 samples: the call counts are in bench/results.json, \`detail.calls\`), ${run.askCalls} through \`dateline ask\`, cold start = median of ${run.coldRuns}.`,
    '',
    '## Goals (at 100k articles)',
    '',
    '| goal | figure | met |',
    '|---|---|---|',
    ...goals.map((g) => `| ${g.goal} | ${g.figure} | ${g.met === null ? '—' : g.met ? 'yes' : '**no**'} |`),
    '',
    ...(pgGoals.length
      ? [
          '## Goals on PostgreSQL and for /trend (at 1M articles)',
          '',
          '| goal | figure | met |',
          '|---|---|---|',
          ...pgGoals.map((g) => `| ${g.goal} | ${g.figure} | ${g.met === null ? '—' : g.met ? 'yes' : '**no**'} |`),
          '',
        ]
      : []),
    '## Figures',
    '',
    '```',
    renderTables(all),
    '```',
    '',
    '## Growth',
    '',
    ...growthRows,
    notes.trim(),
    '',
    ...(all.sizes.some((s) => s.notes.length)
      ? ['## Skipped', '', ...[...new Set(all.sizes.flatMap((s) => s.notes))].map((n) => `- ${n}`), '']
      : []),
  ].join('\n');
}
