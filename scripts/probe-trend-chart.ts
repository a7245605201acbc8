/**
 * CPU time of a fresh (uncached) /trend chart and of the /where and /quote sparkline (issue 19: the
 * first chart under 100 ms at p99), optionally paired against another commit's renderer in the same
 * process, call for call, so a loaded machine weighs on both sides alike.
 *
 *   npx tsx scripts/probe-trend-chart.ts [--calls 300] [--seed 19] [--base <git revision>] [--reference] [--out DIR]
 *
 * The charts are the bench's /trend mix (bench/workload.ts trendLine): half places (a third compared
 * with one or two more), a quarter speakers, a quarter searches; a fifth over a span of a few months,
 * a third with by:day|week|month|year; stories over 30 years (1987-2016) as the bench store's are.
 * The counts are drawn from a seeded generator here, not read from a store: only drawing is timed.
 * With --base, that revision's src is taken out with `git archive` into a temporary folder and
 * each chart is drawn by both renderers, in alternating order, and their PNGs compared pixel by pixel.
 * --stages splits this tree's renders into ECharts, text to outlines, resvg's parse, paint and PNG.
 * --reference compares this tree's PNGs with resvg drawing each chart's SVG, text and all, with the
 * font files (what the charts were before their text was drawn as outlines). --out writes the first
 * dozen of each size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkOutBaseSrc } from './base-revision.js';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { rng } from '../bench/generate.js';
import { DEJAVU_FILES } from '../src/draw/dejavu-fonts.js';
import { decodePng, pixelDifference } from '../src/draw/decode-png.js';
import { pngOf } from '../src/draw/png.js';
import { isoToDay, periodCount, type Granularity } from '../src/trend/granularity.js';
import type { ChartSize, ChartText, RenderedChart } from '../src/trend/render-chart.js';
import { buildTrend, trendSpan, type TermCounts, type TermKind, type TrendData } from '../src/trend/series.js';

type Render = (data: TrendData, text: ChartText, size?: ChartSize) => RenderedChart;

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '300' },
    seed: { type: 'string', default: '19' },
    base: { type: 'string' },
    reference: { type: 'boolean', default: false },
    stages: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const calls = Number(values.calls);
const root = resolve(import.meta.dirname, '..');
const FONT_FILES = [DEJAVU_FILES.regular, DEJAVU_FILES.bold];

// The bench's mulberry32: the same charts on every run for a seed.
const random = rng(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const FIRST = isoToDay('1987-01-01');
const LAST = isoToDay('2016-12-31');
const NAMES = ['London', 'Tokyo', 'Kuwait', 'Buenos Aires', 'Washington', 'Bank of England', 'James Baker', 'oil prices', 'Saudi Arabia'];

/** A term's stories per day: a base rate with bursts, as news about one thing comes and goes. */
function termCounts(term: string, kind: TermKind): TermCounts {
  const rate = 0.02 + random() * 0.6;
  const days: { day: number; count: number }[] = [];
  let burst = 0;
  for (let day = FIRST; day <= LAST; day++) {
    if (random() < 0.002) burst = 20 + Math.floor(random() * 60);
    const p = burst-- > 0 ? rate * 4 : rate;
    let count = 0;
    while (random() < p / (count + 1)) count++;
    if (count > 0) days.push({ day, count });
  }
  return { term, kind, days };
}

interface Case {
  data: TrendData;
  text: ChartText;
}

/** One chart of the bench's /trend mix, or null for a request /trend refuses (over 2,000 points). */
function trendCase(): Case | null {
  const r = random();
  const kind: TermKind = r < 0.5 ? 'place' : r < 0.75 ? 'speaker' : 'about';
  const n = kind === 'place' && random() < 0.33 ? 2 + Math.floor(random() * 2) : 1;
  const terms = Array.from({ length: n }, () => termCounts(pick(NAMES), kind));
  let asked = {};
  if (random() < 0.2) {
    const year = 1987 + Math.floor(random() * 30);
    const month = Math.floor(random() * 9);
    asked = { from: Date.UTC(year, month, 1) / 86_400_000, to: Date.UTC(year, month + 4, 1) / 86_400_000 - 1 };
  }
  const by: Granularity | null = random() < 0.33 ? pick(['day', 'week', 'month', 'year'] as const) : null;
  const span = trendSpan(terms, asked);
  if (!span || (by && periodCount(span.from, span.to, by) > 2000)) return null;
  const data = buildTrend(terms, span, by);
  const title = `Stories per ${data.by} mentioning ${terms.map((t) => t.term).join(', ')}`;
  return { data, text: { title, subtitle: `${data.from} to ${data.to} · stories in the Dateline store` } };
}

/** /where's and /quote speaker:'s small chart: one term over all its time, granularity chosen. */
function sparkCase(): Case {
  const counts = termCounts(pick(NAMES), 'place');
  const data = buildTrend([counts], trendSpan([counts], {})!, null);
  return { data, text: { title: `Stories per ${data.by} mentioning ${counts.term}`, subtitle: '' } };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function summary(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return `mean ${mean.toFixed(1)}, p50 ${at(50).toFixed(1)}, p90 ${at(90).toFixed(1)}, p99 ${at(99).toFixed(1)}, max ${at(100).toFixed(1)} ms (n=${s.length})`;
}

/** Largest and mean channel difference over pairs of charts, and how many pixels differ. */
function comparePictures(a: RenderedChart[], b: RenderedChart[]): string {
  let max = 0;
  let sum = 0;
  let differing = 0;
  let pixels = 0;
  a.forEach((chart, i) => {
    const [x, y] = [decodePng(chart.png), decodePng(b[i]!.png)];
    const d = pixelDifference(x, y);
    max = Math.max(max, d.max);
    sum += d.mean * x.width * x.height;
    differing += d.differing;
    pixels += x.width * x.height;
  });
  return `max channel difference ${max}, mean ${(sum / pixels).toFixed(5)}, ${differing} of ${pixels} pixels differ`;
}

/** What the stage split calls of this tree's render-chart.ts. */
interface ChartModule {
  trendChartSvg(data: TrendData, text: ChartText, size?: ChartSize): string;
  chartSvgForRaster(svg: string): string;
  chartResvgOptions(svg: string): ResvgRenderOptions;
}

/** This tree's chart render split into its steps: ECharts, text to outlines, resvg's parse, paint, PNG. */
async function stages(label: string, cases: Case[], size: ChartSize): Promise<void> {
  const chart = (await import(pathToFileURL(join(root, 'src/trend/render-chart.ts')).href)) as ChartModule;
  const split = {
    echarts: [] as number[],
    outline: [] as number[],
    parse: [] as number[],
    paint: [] as number[],
    png: [] as number[],
    total: [] as number[],
  };
  for (const c of cases) {
    const t0 = cpuMs();
    const svg = chart.trendChartSvg(c.data, c.text, size);
    const t1 = cpuMs();
    const outlined = chart.chartSvgForRaster(svg);
    const t2 = cpuMs();
    const resvg = new Resvg(outlined, chart.chartResvgOptions(outlined));
    const t3 = cpuMs();
    const image = resvg.render();
    const t4 = cpuMs();
    pngOf(image);
    const t5 = cpuMs();
    split.echarts.push(t1 - t0);
    split.outline.push(t2 - t1);
    split.parse.push(t3 - t2);
    split.paint.push(t4 - t3);
    split.png.push(t5 - t4);
    split.total.push(t5 - t0);
  }
  for (const [stage, xs] of Object.entries(split)) console.log(`${label}, stage ${stage}: ${summary(xs)}`);
  // What the slowest are: their periods, series and where their time went.
  const slowest = cases.map((c, i) => ({ c, i })).sort((a, b) => split.total[b.i]! - split.total[a.i]!);
  for (const { c, i } of slowest.slice(0, 4)) {
    const steps = Object.entries(split)
      .filter(([stage]) => stage !== 'total')
      .map(([stage, xs]) => `${stage} ${xs[i]!.toFixed(1)}`)
      .join(', ');
    console.log(
      `  slow: by ${c.data.by}, ${c.data.series[0]?.points.length ?? 0} periods x ${c.data.series.length} series: ${split.total[i]!.toFixed(1)} ms (${steps})`,
    );
  }
}

async function loadRenderer(file: string): Promise<Render> {
  const mod = (await import(pathToFileURL(file).href)) as { renderTrendChart: Render };
  return mod.renderTrendChart;
}

async function main(): Promise<void> {
  const renderers: [string, Render][] = [];
  // The base revision's src (the renderer and what it imports), beside a node_modules link so it loads the same ECharts and fonts.
  const base = values.base ? checkOutBaseSrc(root, values.base, 'trend-base') : null;
  const baseDir = base?.dir ?? null;
  if (baseDir) {
    renderers.push([`base ${values.base}`, await loadRenderer(join(baseDir, 'src/trend/render-chart.ts'))]);
  }
  renderers.push(['this tree', await loadRenderer(join(root, 'src/trend/render-chart.ts'))]);

  const charts: Case[] = [];
  while (charts.length < calls) {
    const c = trendCase();
    if (c) charts.push(c);
  }
  const sparks = Array.from({ length: Math.max(20, Math.floor(calls / 3)) }, sparkCase);

  // The first chart of a process loads ECharts and the fonts: timed apart, as the bench does. ECharts
  // is one module for both renderers, so only the first renderer's figure includes loading it.
  for (const [name, render] of renderers) {
    const t0 = cpuMs();
    render(charts[0]!.data, charts[0]!.text);
    render(sparks[0]!.data, sparks[0]!.text, 'spark');
    console.log(`${name}: first chart and sparkline ${(cpuMs() - t0).toFixed(0)} ms CPU (ECharts loaded by the first renderer only)`);
  }
  for (const [label, cases, size] of [
    ['chart (uncached)', charts, 'full'],
    ['sparkline', sparks, 'spark'],
  ] as const) {
    const times = renderers.map(() => [] as number[]);
    const drawn: RenderedChart[][] = renderers.map(() => []);
    cases.forEach((c, i) => {
      // Alternate which renderer goes first, so neither always finds the other's garbage to collect.
      const order = i % 2 === 0 ? renderers.map((_, k) => k) : renderers.map((_, k) => renderers.length - 1 - k);
      for (const k of order) {
        const t0 = cpuMs();
        drawn[k]![i] = renderers[k]![1](c.data, c.text, size);
        times[k]!.push(cpuMs() - t0);
      }
    });
    renderers.forEach(([name], k) => console.log(`${label}, ${name}: ${summary(times[k]!)}`));
    if (renderers.length === 2) {
      const ratios = times[0]!.map((t, i) => times[1]![i]! / t).sort((a, b) => a - b);
      console.log(`${label}, paired CPU ratio this tree / base: p50 ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}`);
      console.log(`${label}, pixels this tree against base: ${comparePictures(drawn[0]!, drawn[1]!)}`);
    }
    if (values.reference) {
      // The reference: each chart's SVG (its text kept) drawn by resvg with the font files, PNG by resvg.
      const reference = drawn.at(-1)!.map((c) => {
        const png = new Resvg(c.svg, {
          font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
          background: '#ffffff',
        })
          .render()
          .asPng();
        return { ...c, png: new Uint8Array(png) };
      });
      console.log(`${label}, pixels this tree against resvg drawing the text itself: ${comparePictures(reference, drawn.at(-1)!)}`);
    }
    if (values.out) {
      mkdirSync(values.out, { recursive: true });
      drawn.forEach((charts, k) =>
        charts
          .slice(0, 12)
          .forEach((c, i) => writeFileSync(join(values.out!, `${size}-${i}-${k === renderers.length - 1 ? 'new' : 'base'}.png`), c.png)),
      );
    }
  }
  if (values.stages) {
    await stages('chart (uncached)', charts, 'full');
    await stages('sparkline', sparks, 'spark');
  }
  base?.remove();
}

await main();
