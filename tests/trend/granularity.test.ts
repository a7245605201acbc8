import { describe, expect, it } from 'vitest';
import {
  chooseGranularity,
  describePeriod,
  isoToDay,
  periodCount,
  periodKey,
  periodsBetween,
  shortPeriod,
  type Granularity,
} from '../../src/trend/granularity.js';

describe('chooseGranularity', () => {
  it.each<[string, string, Granularity]>([
    ['2017-10-17', '2017-10-17', 'day'], // one day
    ['2017-10-01', '2017-10-10', 'day'], // shorter than 20 days: day is the most points there can be
    ['2017-09-01', '2017-10-30', 'day'], // 60 days
    ['2017-09-01', '2017-11-05', 'day'], // 66 days: 66 by day is nearer 60 than 10 weeks is to 20
    ['2017-01-01', '2017-04-10', 'week'], // 100 days: 15 weeks beat 100 days
    ['2017-01-01', '2017-12-31', 'week'], // a year: 53 weeks
    ['1987-02-26', '1987-10-20', 'week'], // the Reuters corpus: 35 weeks
    ['2016-01-01', '2017-12-31', 'month'], // two years: 24 months
    ['2012-01-01', '2017-12-31', 'month'], // six years: 72 months beat 6 years
    ['2008-01-01', '2017-12-31', 'month'], // ten years: 120 months and 10 years miss alike, the finer wins
    ['1990-01-01', '2017-12-31', 'year'], // 28 years
  ])('%s to %s → %s', (from, to, expected) => {
    expect(chooseGranularity(isoToDay(from), isoToDay(to))).toBe(expected);
  });

  it('gives 20-60 points for every span from 20 days to 60 years', () => {
    const start = isoToDay('1990-03-07');
    for (let days = 20; days < 60 * 366; days = Math.ceil(days * 1.07)) {
      const by = chooseGranularity(start, start + days - 1);
      const n = periodCount(start, start + days - 1, by);
      // Between granularities a span can miss the band a little (66 days, 10 years): never by much.
      expect(n, `${days} days by ${by}`).toBeGreaterThanOrEqual(10);
      expect(n, `${days} days by ${by}`).toBeLessThanOrEqual(120);
    }
  });
});

describe('periods', () => {
  it('keys days, ISO weeks from Monday, months and years', () => {
    const day = isoToDay('2017-10-17'); // a Tuesday
    expect(periodKey(day, 'day')).toBe('2017-10-17');
    expect(periodKey(day, 'week')).toBe('2017-10-16');
    expect(periodKey(isoToDay('2017-10-22'), 'week')).toBe('2017-10-16'); // Sunday ends the week
    expect(periodKey(isoToDay('2017-10-23'), 'week')).toBe('2017-10-23');
    expect(periodKey(day, 'month')).toBe('2017-10');
    expect(periodKey(day, 'year')).toBe('2017');
    expect(periodKey(isoToDay('1969-12-31'), 'week')).toBe('1969-12-29'); // before the epoch too
  });

  it('lists every period of a span, the partial ones at its ends included', () => {
    expect(periodsBetween(isoToDay('2017-11-28'), isoToDay('2018-02-01'), 'month')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
    expect(periodsBetween(isoToDay('2017-10-18'), isoToDay('2017-10-31'), 'week')).toEqual(['2017-10-16', '2017-10-23', '2017-10-30']);
    expect(periodsBetween(isoToDay('2016-02-28'), isoToDay('2016-03-01'), 'day')).toEqual(['2016-02-28', '2016-02-29', '2016-03-01']);
    expect(periodsBetween(isoToDay('2015-06-01'), isoToDay('2017-01-01'), 'year')).toEqual(['2015', '2016', '2017']);
    for (const by of ['day', 'week', 'month', 'year'] as const) {
      expect(periodsBetween(isoToDay('2015-06-03'), isoToDay('2017-02-11'), by)).toHaveLength(
        periodCount(isoToDay('2015-06-03'), isoToDay('2017-02-11'), by),
      );
    }
  });

  it('says periods as a reader does', () => {
    expect(describePeriod('2017-10', 'month')).toBe('October 2017');
    expect(describePeriod('2017-10-16', 'week')).toBe('the week of 16 October 2017');
    expect(describePeriod('2017-10-17', 'day')).toBe('17 October 2017');
    expect(describePeriod('2017', 'year')).toBe('2017');
    expect(shortPeriod('2017-10', 'month')).toBe('Oct 2017');
    expect(shortPeriod('2017-10-17', 'day')).toBe('17 Oct 2017');
  });
});
