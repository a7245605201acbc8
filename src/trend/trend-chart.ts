import type { ReplyImage } from '../core/reply.js';
import type { DatelineStore } from '../store/store.js';
import { chartKey, charts } from './chart-cache.js';
import { describePeriod, shortPeriod } from './granularity.js';
import { CHART_VERSION, renderTrendChart, type ChartSize, type ChartText, type RenderedChart } from './render-chart.js';
import { buildTrend, trendSpan, type TermCounts, type TrendData } from './series.js';
import { speakersCounted } from './trend-terms.js';

/** The chart of this data, from the process's cache when the same picture was drawn before (chart-cache.ts). */
export function cachedTrendChart(data: TrendData, text: ChartText, size: ChartSize): RenderedChart {
  const key = chartKey([CHART_VERSION, size, text, data]);
  const hit = charts.get(key);
  if (hit) return hit;
  const chart = renderTrendChart(data, text, size);
  charts.set(key, chart);
  return chart;
}

/** `raqqa-mosul`: a file name part from the terms. */
export function slugOf(terms: readonly string[]): string {
  return (
    terms
      .join('-')
      .normalize('NFD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'trend'
  );
}

const VERB: Record<TermCounts['kind'], string> = { place: 'mentioning', speaker: 'quoting', about: 'matching' };

/**
 * The small chart of /where and /quote speaker: (issue 19): one term's stories over the whole time the
 * store has them, granularity chosen from that span; null when it has none.
 */
export function mentionsSparkline(counts: TermCounts): ReplyImage | null {
  const span = trendSpan([counts], {});
  if (!span) return null;
  const data = buildTrend([counts], span, null);
  const [first, last] = [data.series[0]!.points[0]!.period, data.series[0]!.points.at(-1)!.period];
  const range = first === last ? describePeriod(first, data.by) : `${shortPeriod(first, data.by)} – ${shortPeriod(last, data.by)}`;
  const title = `Stories per ${data.by} ${VERB[counts.kind]} ${counts.term}, ${range}`;
  const chart = cachedTrendChart(data, { title, subtitle: '' }, 'spark');
  return { name: `${slugOf([counts.term])}-trend.png`, png: chart.png, description: title, label: 'chart' };
}

/** /where's small chart: stories mentioning the place (its ids as /where counts them) over time. */
export async function placeSparkline(store: DatelineStore, name: string, geonameIds: readonly number[]): Promise<ReplyImage | null> {
  return mentionsSparkline({ term: name, kind: 'place', days: await store.places.placeDayCounts(geonameIds, null) });
}

/** /quote speaker:'s small chart: stories quoting the speakers the name matches (as /quote matches them) over time. */
export async function speakerSparkline(store: DatelineStore, name: string): Promise<ReplyImage | null> {
  const speakers = await speakersCounted(store, name);
  if (speakers.length === 0) return null;
  return mentionsSparkline({
    term: speakers.length === 1 ? speakers[0]! : name,
    kind: 'speaker',
    days: await store.quotes.speakerDayCounts(speakers, null),
  });
}
