import type { DayCount, DayRange } from '../store/article-store.js';
import { chooseGranularity, dayToIso, describePeriod, periodKey, periodsBetween, type Granularity } from './granularity.js';

export type TermKind = 'about' | 'place' | 'speaker';

/** One term's stories per day, as the store counts them. */
export interface TermCounts {
  term: string;
  kind: TermKind;
  days: readonly DayCount[];
}

export interface TrendPoint {
  period: string;
  count: number;
}

export interface TrendSeries {
  term: string;
  kind: TermKind;
  total: number;
  points: TrendPoint[];
}

/** `data` of `/trend` (`dateline ask "/trend …" --json`), a contract of issue 19. */
export interface TrendData {
  series: TrendSeries[];
  by: Granularity;
  /** First and last day of the span drawn, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/**
 * The span to draw: the one asked for, else from the first to the last day any term has stories
 * (null when none has any).
 */
export function trendSpan(terms: readonly TermCounts[], asked: Partial<DayRange>): DayRange | null {
  const days = terms.flatMap((t) => t.days.map((d) => d.day));
  const first = asked.from ?? (days.length > 0 ? Math.min(...days) : undefined);
  const last = asked.to ?? (days.length > 0 ? Math.max(...days) : undefined);
  if (first === undefined || last === undefined) return null;
  return { from: first, to: Math.max(first, last) };
}

/** Each term's stories per period over the span, every period present (zeros included), oldest first. */
export function buildTrend(terms: readonly TermCounts[], span: DayRange, by: Granularity | null): TrendData {
  const granularity = by ?? chooseGranularity(span.from, span.to);
  const periods = periodsBetween(span.from, span.to, granularity);
  const series = terms.map(({ term, kind, days }) => {
    const counts = new Map(periods.map((p) => [p, 0]));
    let total = 0;
    for (const { day, count } of days) {
      if (day < span.from || day > span.to) continue;
      const key = periodKey(day, granularity);
      counts.set(key, (counts.get(key) ?? 0) + count);
      total += count;
    }
    return { term, kind, total, points: periods.map((period) => ({ period, count: counts.get(period) ?? 0 })) };
  });
  return { series, by: granularity, from: dayToIso(span.from), to: dayToIso(span.to) };
}

/** The busiest period (the first of equals), null for a series without stories. */
export function peakOf(series: TrendSeries): TrendPoint | null {
  let peak: TrendPoint | null = null;
  for (const p of series.points) if (p.count > 0 && (peak === null || p.count > peak.count)) peak = p;
  return peak;
}

/** `Raqqa: 312 stories, peak in October 2017 (41)`. */
export function describeSeries(series: TrendSeries, by: Granularity): string {
  const stories = `${series.total.toLocaleString('en-US')} ${series.total === 1 ? 'story' : 'stories'}`;
  const peak = peakOf(series);
  if (!peak) return `${series.term}: no stories`;
  if (series.points.filter((p) => p.count > 0).length === 1) return `${series.term}: ${stories}, all in ${describePeriod(peak.period, by)}`;
  return `${series.term}: ${stories}, peak in ${describePeriod(peak.period, by)} (${peak.count.toLocaleString('en-US')})`;
}
