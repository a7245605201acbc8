import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/trend/granularity.js';
import { buildTrend, describeSeries, peakOf, trendSpan, type TermCounts } from '../../src/trend/series.js';

const d = isoToDay;
const raqqa: TermCounts = {
  term: 'Raqqa',
  kind: 'place',
  days: [
    { day: d('2017-06-01'), count: 2 },
    { day: d('2017-06-30'), count: 1 },
    { day: d('2017-10-17'), count: 41 },
    { day: d('2017-10-20'), count: 3 },
  ],
};
const mosul: TermCounts = { term: 'Mosul', kind: 'place', days: [{ day: d('2017-07-10'), count: 5 }] };

describe('trend series', () => {
  it('spans from the first to the last story of any term unless asked', () => {
    expect(trendSpan([raqqa, mosul], {})).toEqual({ from: d('2017-06-01'), to: d('2017-10-20') });
    expect(trendSpan([raqqa], { from: d('2017-01-01') })).toEqual({ from: d('2017-01-01'), to: d('2017-10-20') });
    expect(trendSpan([{ ...raqqa, days: [] }], {})).toBeNull();
  });

  it('sums days into periods, every period present, and keeps to the span', () => {
    const t = buildTrend([raqqa, mosul], { from: d('2017-06-01'), to: d('2017-10-31') }, 'month');
    expect(t).toEqual({
      by: 'month',
      from: '2017-06-01',
      to: '2017-10-31',
      series: [
        {
          term: 'Raqqa',
          kind: 'place',
          total: 47,
          points: [
            { period: '2017-06', count: 3 },
            { period: '2017-07', count: 0 },
            { period: '2017-08', count: 0 },
            { period: '2017-09', count: 0 },
            { period: '2017-10', count: 44 },
          ],
        },
        {
          term: 'Mosul',
          kind: 'place',
          total: 5,
          points: [
            { period: '2017-06', count: 0 },
            { period: '2017-07', count: 5 },
            { period: '2017-08', count: 0 },
            { period: '2017-09', count: 0 },
            { period: '2017-10', count: 0 },
          ],
        },
      ],
    });
    const cut = buildTrend([raqqa], { from: d('2017-06-15'), to: d('2017-10-17') }, 'month');
    expect(cut.series[0]!.total).toBe(42);
  });

  it('chooses the granularity when none is asked', () => {
    expect(buildTrend([raqqa], trendSpan([raqqa], {})!, null).by).toBe('week');
  });

  it('answers in a sentence with the peak', () => {
    const t = buildTrend([raqqa, mosul], { from: d('2017-06-01'), to: d('2017-10-31') }, 'month');
    expect(describeSeries(t.series[0]!, 'month')).toBe('Raqqa: 47 stories, peak in October 2017 (44)');
    expect(describeSeries(t.series[1]!, 'month')).toBe('Mosul: 5 stories, all in July 2017');
    expect(peakOf({ term: 'x', kind: 'about', total: 0, points: [{ period: '2017', count: 0 }] })).toBeNull();
    expect(describeSeries({ term: 'x', kind: 'about', total: 0, points: [] }, 'year')).toBe('x: no stories');
  });
});
