/**
 * Trend charts: ECharts' server-side SVG renderer (no browser, no canvas) lays the chart out, and
 * @resvg/resvg-js rasterises it with the DejaVu Sans shipped by `dejavu-fonts-ttf`, so every machine
 * draws the same picture, as the locator map does. ECharts is loaded on the first chart only: the
 * shell and `dateline ask` start without it.
 */
import { createRequire } from 'node:module';
import { lazyModule } from '../core/lazy-module.js';
import { loadFontMetrics, type FontMetrics } from '../draw/font-metrics.js';
import { DEJAVU_FAMILY, DEJAVU_FILES, dejavuGlyphs } from '../draw/dejavu-fonts.js';
import { pngOf } from '../draw/png.js';
import { shortPeriod } from './granularity.js';
import type { TrendData } from './series.js';
import { textToOutlines } from '../draw/svg-text-outlines.js';

const require = createRequire(import.meta.url);
const resvgModule = lazyModule<typeof import('@resvg/resvg-js')>('@resvg/resvg-js');
const FONT_FILES = [DEJAVU_FILES.regular, DEJAVU_FILES.bold];
const FONT_FAMILY = DEJAVU_FAMILY;

/** Bump when the picture changes: it keys the chart cache. */
export const CHART_VERSION = 2;

/**
 * Okabe & Ito's colour-blind-safe palette (blue, vermillion, bluish green), with a line style each
 * so the series stay apart in greyscale too.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73'] as const;
const LINE_STYLES = ['solid', 'dashed', 'dotted'] as const;
/** Lines with more points than this are drawn solid and sampled (see chartOption). */
const DENSE_POINTS = 300;
const INK = '#222222';
const MUTED = '#555555';

export type ChartSize = 'full' | 'spark';
const SIZES: Record<ChartSize, { width: number; height: number }> = {
  full: { width: 960, height: 480 },
  spark: { width: 480, height: 120 },
};

export interface ChartText {
  /** `Stories per month mentioning Raqqa and Mosul`. */
  title: string;
  /** `February 1987 – October 1987 · 312 stories`. */
  subtitle: string;
}

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

type EChartsCore = typeof import('echarts/core');
let echarts: EChartsCore | null = null;
let metrics: { regular: FontMetrics; bold: FontMetrics } | null = null;

/** The shipped faces' metrics, read on first use. */
function fontMetrics(): { regular: FontMetrics; bold: FontMetrics } {
  return (metrics ??= { regular: loadFontMetrics(FONT_FILES[0]!), bold: loadFontMetrics(FONT_FILES[1]!) });
}
/** Totals in the legend: one formatter, as `toLocaleString` builds one per call (~1 ms each). */
const COUNT = new Intl.NumberFormat('en-US');

/**
 * ECharts, with text measured in the font resvg draws with. The prebuilt `common` bundle (line and
 * bar charts, the SVG renderer) is one file: it loads in about half the CPU time of the modular
 * `echarts/core` build's hundreds of files (~160 ms against ~370 ms on the bench machine).
 */
function loadECharts(): EChartsCore {
  if (echarts) return echarts;
  const loaded = require('echarts/dist/echarts.common.min.js') as EChartsCore;
  const fonts = fontMetrics();
  loaded.setPlatformAPI({
    measureText(text: string, font?: string) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
      return { width: (/\bbold\b|\b[6-9]00\b/.test(font ?? '') ? fonts.bold : fonts.regular).measure(text, size) };
    },
  });
  return (echarts = loaded);
}

/** Cut a label to fit `maxPx` at `sizePx`, with an ellipsis, measured in the weight it is drawn in. */
export function fitLabel(text: string, maxPx: number, sizePx: number, bold = false): string {
  const fonts = fontMetrics();
  const m = bold ? fonts.bold : fonts.regular;
  if (m.measure(text, sizePx) <= maxPx) return text;
  let cut = text;
  while (cut.length > 1 && m.measure(`${cut}…`, sizePx) > maxPx) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function chartOption(data: TrendData, text: ChartText, size: ChartSize): Record<string, unknown> {
  const { width } = SIZES[size];
  const spark = size === 'spark';
  const labels = data.series[0]?.points.map((p) => shortPeriod(p.period, data.by)) ?? [];
  // Counts per period read best as bars; past ~36 periods bars get too thin, so lines.
  const asBars = !spark && labels.length <= 36;
  // Past ~1 point per 3 pixels a line is a smear in which dashes cannot be told apart, and stroking
  // thousands of dashes is most of such a chart's cost: solid lines, thinned by ECharts' LTTB sampling
  // (it keeps the peaks' shape), the series told apart by the palette.
  const dense = !asBars && labels.length > DENSE_POINTS;
  const compared = data.series.length > 1;
  const titleSize = spark ? 11 : 18;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: [...PALETTE],
    textStyle: { fontFamily: FONT_FAMILY, color: INK },
    title: {
      // Long names are cut to the picture's width, never past its edge.
      text: fitLabel(text.title, width - 32, titleSize, !spark),
      subtext: spark ? '' : fitLabel(text.subtitle, width - 32, 13),
      left: spark ? 8 : 16,
      top: spark ? 4 : 12,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: titleSize, fontWeight: spark ? 'normal' : 'bold', color: spark ? MUTED : INK },
      subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 13, color: MUTED },
    },
    legend:
      compared && !spark
        ? {
            top: 66,
            left: 16,
            right: 16,
            itemWidth: 28,
            textStyle: { fontFamily: FONT_FAMILY, fontSize: 13, color: INK },
            // The series' names are already cut to fit (see seriesName).
            data: data.series.map((_, i) => seriesName(data, i)),
          }
        : { show: false },
    grid: spark
      ? { left: 8, right: 12, top: 22, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all' }
      : { left: 24, right: 32, top: compared ? 104 : 80, bottom: 20, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: asBars,
      axisLine: { lineStyle: { color: MUTED } },
      axisTick: { show: !spark, alignWithLabel: true },
      axisLabel: spark
        ? {
            fontFamily: FONT_FAMILY,
            fontSize: 10,
            color: MUTED,
            interval: Math.max(0, labels.length - 1),
            showMinLabel: true,
            showMaxLabel: true,
            hideOverlap: true,
          }
        : { fontFamily: FONT_FAMILY, fontSize: 12, color: MUTED, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: spark ? '' : 'stories',
      nameTextStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: MUTED, align: 'left' },
      splitNumber: spark ? 1 : 5,
      splitLine: { lineStyle: { color: '#e4e4e4' } },
      axisLabel: { fontFamily: FONT_FAMILY, fontSize: spark ? 10 : 12, color: MUTED },
    },
    series: data.series.map((s, i) => ({
      name: seriesName(data, i),
      type: asBars ? 'bar' : 'line',
      data: s.points.map((p) => p.count),
      showSymbol: !spark && labels.length <= 40,
      symbolSize: 6,
      lineStyle: { width: spark ? 1.5 : 2.5, type: dense ? 'solid' : LINE_STYLES[i % LINE_STYLES.length] },
      ...(dense ? { sampling: 'lttb' } : {}),
      ...(spark ? { areaStyle: { opacity: 0.15 } } : {}),
      barMaxWidth: 48,
    })),
  };
}

/** A series' legend name: its term with its total, cut so three fit on the legend's line. */
function seriesName(data: TrendData, i: number): string {
  const s = data.series[i]!;
  const total = ` (${COUNT.format(s.total)})`;
  return `${fitLabel(s.term, 240, 13)}${total}`;
}

/** The chart as SVG, laid out by ECharts' SSR renderer (text kept as text). */
export function trendChartSvg(data: TrendData, text: ChartText, size: ChartSize = 'full'): string {
  const lib = loadECharts();
  const { width, height } = SIZES[size];
  const chart = lib.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(data, text, size));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG as resvg is given it: labels as glyph outlines read once per process (see src/draw/svg-text-outlines.ts). */
export function chartSvgForRaster(svg: string): string {
  return textToOutlines(svg, { regular: dejavuGlyphs('regular'), bold: dejavuGlyphs('bold') });
}

/** resvg's options for a chart's SVG: the font files only for text left to shape. */
export function chartResvgOptions(svg: string): import('@resvg/resvg-js').ResvgRenderOptions {
  return {
    font: svg.includes('<text')
      ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }
      : { loadSystemFonts: false },
    background: '#ffffff',
  };
}

/** The chart as SVG (ECharts' SSR renderer), then PNG (resvg); `svg` keeps its text. */
export function renderTrendChart(data: TrendData, text: ChartText, size: ChartSize = 'full'): RenderedChart {
  const { width, height } = SIZES[size];
  const svg = trendChartSvg(data, text, size);
  const outlined = chartSvgForRaster(svg);
  const resvg = new (resvgModule().Resvg)(outlined, chartResvgOptions(outlined));
  return { svg, png: pngOf(resvg.render()), width, height };
}

/**
 * Load the renderer and draw one small chart, so that a long-running bot's first `/trend`, `/where` or
 * `/quote speaker:` picture does not pay, while a person waits, for loading ECharts, the fonts' metrics
 * and outlines and resvg, and for their first run (~300 ms of CPU against ~40 ms for a chart after it).
 */
export function warmChartRenderer(): void {
  renderTrendChart(
    {
      series: [{ term: 'warm-up', kind: 'about', total: 1, points: [{ period: '2020-01', count: 1 }] }],
      by: 'month',
      from: '2020-01-01',
      to: '2020-01-31',
    },
    { title: 'warm-up', subtitle: '' },
    'spark',
  );
  // The sparkline's labels are all regular: the bold face (a full chart's title) is read now too.
  dejavuGlyphs('bold');
}
