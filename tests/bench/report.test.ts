import { describe, expect, it } from 'vitest';
import { checkGoals, growth, renderMarkdown, renderTables, type BenchResults, type SizeResult } from '../../bench/report.js';
import { summarize } from '../../bench/stats.js';
import { alterNumbers, makeRecord, reshuffleDigits, rng } from '../../bench/generate.js';

function size(articles: number, p99: number, over: Partial<SizeResult> = {}): SizeResult {
  const lat = { p50: p99 / 4, p99, max: p99 * 2 };
  return {
    articles,
    stored: articles,
    ingestPerSec: 600,
    ingestPerCpuSec: 700,
    ingestReplayed: false,
    ingestCached: null,
    storeMb: articles / 300,
    coldStartMs: 800,
    coldStartMaxMs: 900,
    createAppMs: 300,
    rssMb: 250,
    rssStartMb: 200,
    rssPeakMb: 260,
    rssOf: 'bot',
    harnessRssMb: 400,
    harnessRssStartMb: 300,
    commands: { '/search': lat, '/latest': lat },
    calls: { '/search': 1000, '/latest': 1000 },
    cpu: { '/search': lat, '/latest': lat },
    ask: {},
    notes: [],
    ...over,
  };
}

const bench: BenchResults = {
  machine: 'test',
  node: 'v20',
  date: '2026-01-01T00:00:00Z',
  commit: 'abc',
  sizes: [size(10_000, 2), size(100_000, 2.4, { ingestReplayed: true, ingestPerCpuSec: 2000 })],
};

describe('bench stats and report', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(summarize(xs)).toEqual({ p50: 500, p99: 990, max: 1000, n: 1000 });
  });

  it('checks the goals at 100k, taking the full-pipeline ingest rate from a store built whole', () => {
    const goals = checkGoals(bench);
    expect(goals.find((g) => g.goal.startsWith('every command'))?.met).toBe(true);
    const ingest = goals.find((g) => g.goal.startsWith('ingest'));
    expect(ingest?.met).toBe(false);
    expect(ingest?.figure).toContain('10,000 store');
    expect(goals.find((g) => g.goal.startsWith('latency growth'))?.met).toBe(true);
    const rss = goals.find((g) => g.goal.startsWith('RSS'));
    expect(rss?.met).toBe(true);
    expect(rss?.figure).toContain('the bot process');
  });

  it("says when the memory figure is the timing child's, not the bot's", () => {
    const old: BenchResults = { ...bench, sizes: bench.sizes.map((s) => ({ ...s, rssOf: 'harness' as const, rssMb: 320 })) };
    const rss = checkGoals(old).find((g) => g.goal.startsWith('RSS'));
    expect(rss?.met).toBe(false);
    expect(rss?.figure).toContain('the timing child');
    expect(renderTables(old)).toContain('320‡');
  });

  it('reports growth ratios with sub-millisecond latencies clamped to 1 ms', () => {
    expect(growth(size(10_000, 0.2), size(100_000, 0.9))[0]?.p99).toBe(1);
    expect(growth(size(10_000, 2), size(100_000, 6))[0]?.p99).toBe(3);
  });

  it('renders the table and the markdown with every size', () => {
    expect(renderTables(bench)).toContain('100,000');
    const md = renderMarkdown(bench, '## Notes\nhand-written', { calls: 1000, askCalls: 5, coldRuns: 5 });
    expect(md).toContain('## Goals (at 100k articles)');
    expect(md).toContain('hand-written');
  });

  it('puts PostgreSQL beside SQLite, keeps the SQLite goals to SQLite and checks the PostgreSQL goal at its size', () => {
    const both: BenchResults = {
      ...bench,
      sizes: [...bench.sizes, size(100_000, 60, { store: 'postgres', ingestPerSec: 192 })],
    };
    const tables = renderTables(both);
    expect(tables).toContain('SQLite and PostgreSQL side by side');
    expect(tables).toMatch(/SQLite 100,000\s+PostgreSQL 100,000/);
    // The SQLite goals are those of the SQLite sizes: PostgreSQL's 60 ms p99 does not fail them.
    expect(checkGoals(both)[0]!.met).toBe(true);
    const md = renderMarkdown(both, '', { calls: 1000, askCalls: 5, coldRuns: 5 });
    expect(md).toContain('## Goals on PostgreSQL and for /trend (at 1M articles)');
    expect(md).toMatch(/PostgreSQL: every interactive command p99 < 50 ms .*measured at 100,000 only\) \| \*\*no\*\*/);
  });
});

describe('bench generator', () => {
  it('alters numbers but keeps their format', () => {
    const out = alterNumbers('rose 1,234.5 dlrs to 87 mln in 1987', rng(1), 0);
    expect(out).toMatch(/^rose \d{1,3}(,\d{3})*\.\d dlrs to \d+ mln in 1987$/);
  });

  it('keeps offsets when it changes digits, so seed analyses stay valid', () => {
    const text = 'Output rose 4,512 tonnes in 1987, officials said on March 3.';
    const out = reshuffleDigits(text, rng(2), 2);
    expect(out).toHaveLength(text.length);
    expect(out).toContain('1989');
    expect(out).toContain('March 3.');
  });

  it('makes different stories for the same corpus story in later generations', () => {
    const corpus = [
      {
        date: '1987-03-01T10:00:00Z',
        source: 'Reuters',
        title: 'OIL UP 12 PCT',
        text: 'Oil prices rose 12 pct to 18.50 dlrs.\n    Traders said demand was 1,200 barrels.',
        dateline: 'NEW YORK, March 1 -',
      },
      {
        date: '1987-03-02T10:00:00Z',
        source: 'Reuters',
        title: 'GOLD STEADY',
        text: 'Gold was steady at 400 dlrs.',
        dateline: 'LONDON, March 2 -',
      },
    ];
    const a = makeRecord(corpus, 0);
    const b = makeRecord(corpus, 2);
    expect(b.text).not.toBe(a.text);
    expect(b.text.length).toBeGreaterThanOrEqual(a.text.length);
    expect(Date.parse(b.date)).toBeGreaterThan(Date.parse(a.date));
    expect(b.url).not.toBe(a.url);
  });
});
