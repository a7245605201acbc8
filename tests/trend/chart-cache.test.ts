import { describe, expect, it } from 'vitest';
import { chartKey, createChartCache } from '../../src/trend/chart-cache.js';
import { cachedTrendChart } from '../../src/trend/trend-chart.js';
import { buildTrend } from '../../src/trend/series.js';
import type { RenderedChart } from '../../src/trend/render-chart.js';

const day = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const trendOf = (counts: number[]) =>
  buildTrend(
    [{ term: 'Raqqa', kind: 'place', days: counts.map((count, i) => ({ day: day('2017-01-01') + i * 31, count })) }],
    { from: day('2017-01-01'), to: day('2017-12-31') },
    'month',
  );
const text = { title: 'Stories per month mentioning Raqqa', subtitle: '2017' };

describe('rendered charts are kept by what they show', () => {
  it('draws the same picture once, and a picture of other counts anew (never a stale one)', () => {
    const first = cachedTrendChart(trendOf([1, 2, 3]), text, 'spark');
    // the same data from another view of the store (another server, another store object): the kept one
    expect(cachedTrendChart(trendOf([1, 2, 3]), { ...text }, 'spark')).toBe(first);
    // a story more, another title or another size: drawn again
    const more = cachedTrendChart(trendOf([1, 2, 4]), text, 'spark');
    expect(more).not.toBe(first);
    expect(Buffer.from(more.png).equals(Buffer.from(first.png))).toBe(false);
    expect(cachedTrendChart(trendOf([1, 2, 3]), { ...text, title: 'Stories per month mentioning Mosul' }, 'spark')).not.toBe(first);
    expect(cachedTrendChart(trendOf([1, 2, 3]), text, 'full')).not.toBe(first);
  });

  it('keys by content and drops the least recently used past its byte bound', () => {
    expect(chartKey({ a: [1, 2] })).toBe(chartKey({ a: [1, 2] }));
    expect(chartKey({ a: [1, 2] })).not.toBe(chartKey({ a: [2, 1] }));
    const chart = (n: number): RenderedChart => ({ png: new Uint8Array(n), svg: '', width: 1, height: 1 });
    const cache = createChartCache(100);
    cache.set('a', chart(40));
    cache.set('b', chart(40));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('c', chart(40));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((c) => c !== undefined)).toEqual([true, false, true]);
    cache.set('huge', chart(101));
    expect(cache.get('huge')).toBeUndefined();
  });
});
