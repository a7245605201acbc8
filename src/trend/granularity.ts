/**
 * Periods of a trend chart: UTC days, ISO weeks (from Monday), calendar months and years, keyed by
 * readable strings that sort in time order (`2017-10-09`, `2017-10`, `2017`). Days are counted
 * since 1970-01-01, as the store's per-day counts are.
 */
export const GRANULARITIES = ['day', 'week', 'month', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const DAY_MS = 86_400_000;
/** A chart reads well with about this many points (issue 19: "about 20-60"). */
export const MIN_POINTS = 20;
export const MAX_POINTS = 60;

export function isGranularity(value: string): value is Granularity {
  return (GRANULARITIES as readonly string[]).includes(value);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The first day of the period holding `day`. */
export function periodStart(day: number, by: Granularity): number {
  const d = new Date(day * DAY_MS);
  switch (by) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday: Monday-based weekday is (day + 3) mod 7.
      return day - ((((day + 3) % 7) + 7) % 7);
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
    case 'year':
      return Date.UTC(d.getUTCFullYear(), 0, 1) / DAY_MS;
  }
}

/** The first day of the period after the one starting at `start`. */
function nextPeriod(start: number, by: Granularity): number {
  const d = new Date(start * DAY_MS);
  switch (by) {
    case 'day':
      return start + 1;
    case 'week':
      return start + 7;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / DAY_MS;
  }
}

/** The key of the period holding `day`: `2017-10-17` (day), `2017-10-16` (its week's Monday), `2017-10`, `2017`. */
export function periodKey(day: number, by: Granularity): string {
  const iso = dayToIso(periodStart(day, by));
  return by === 'month' ? iso.slice(0, 7) : by === 'year' ? iso.slice(0, 4) : iso;
}

/** The keys of every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: number, to: number, by: Granularity): string[] {
  const keys: string[] = [];
  for (let start = periodStart(from, by); start <= to; start = nextPeriod(start, by)) keys.push(periodKey(start, by));
  return keys;
}

/** How many periods the span covers at this granularity. */
export function periodCount(from: number, to: number, by: Granularity): number {
  if (by === 'day') return to - from + 1;
  if (by === 'week') return (periodStart(to, 'week') - periodStart(from, 'week')) / 7 + 1;
  const a = new Date(from * DAY_MS);
  const b = new Date(to * DAY_MS);
  const years = b.getUTCFullYear() - a.getUTCFullYear();
  return by === 'year' ? years + 1 : years * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}

/**
 * The granularity for a span when the user gave none: the one whose number of points is nearest
 * the 20-60 a chart reads well with (by ratio, so 100 days prefers 15 weeks to 100 days); on a tie
 * the finer one. A span shorter than 20 days is drawn by day.
 */
export function chooseGranularity(from: number, to: number): Granularity {
  let best: Granularity = 'day';
  let bestMiss = Infinity;
  for (const by of GRANULARITIES) {
    const n = periodCount(from, to, by);
    const miss = n < MIN_POINTS ? MIN_POINTS / n : n > MAX_POINTS ? n / MAX_POINTS : 1;
    if (miss < bestMiss - 1e-9) {
      best = by;
      bestMiss = miss;
    }
  }
  return best;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period as a reader says it: `17 October 2017`, `the week of 16 October 2017`, `October 2017`, `2017`. */
export function describePeriod(key: string, by: Granularity): string {
  if (by === 'year') return key;
  const [y, m, d] = key.split('-').map(Number) as [number, number, number?];
  const month = `${MONTHS[m - 1]} ${y}`;
  if (by === 'month') return month;
  return by === 'week' ? `the week of ${d} ${month}` : `${d} ${month}`;
}

/** A short axis label: `17 Oct 2017`, `Oct 2017`, `2017`. */
export function shortPeriod(key: string, by: Granularity): string {
  if (by === 'year') return key;
  const [y, m, d] = key.split('-').map(Number) as [number, number, number?];
  const month = `${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
  return by === 'month' ? month : `${d} ${month}`;
}
