import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/trend/granularity.js';
import { fitLabel, PALETTE, renderTrendChart, warmChartRenderer } from '../../src/trend/render-chart.js';
import { buildTrend, type TermCounts } from '../../src/trend/series.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk (it must be the first chunk). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function counts(term: string, from: string, n: number, f: (i: number) => number): TermCounts {
  return { term, kind: 'place', days: Array.from({ length: n }, (_, i) => ({ day: isoToDay(from) + i, count: f(i) })) };
}

const LONG = 'Al-Hasakah and the countryside of the Khabur river valley north of Deir ez-Zor';

describe('renderTrendChart', () => {
  it('draws a PNG of the asked size, with title, axis labels and every series in the legend', () => {
    const terms = [
      counts('Raqqa', '2017-06-01', 150, (i) => i % 9),
      counts('Mosul', '2017-06-01', 150, (i) => (i * 7) % 5),
      counts(LONG, '2017-06-01', 150, () => 1),
    ];
    const data = buildTrend(terms, { from: isoToDay('2017-06-01'), to: isoToDay('2017-10-28') }, null);
    const chart = renderTrendChart(data, {
      title: 'Stories per week mentioning Raqqa, Mosul and another',
      subtitle: '1 June 2017 to 28 October 2017',
    });
    expect(pngSize(chart.png)).toEqual({ width: 960, height: 480 });
    expect(chart.png.length).toBeGreaterThan(5_000);
    expect(chart.svg).toContain('Raqqa (');
    expect(chart.svg).toContain('Mosul (');
    // A name too long for the legend is cut with an ellipsis, never past the picture's edge.
    expect(chart.svg).toContain('Al-Hasakah and the');
    expect(chart.svg).toContain('…');
    expect(chart.svg).not.toContain(LONG);
    expect(chart.svg).toContain('Stories per week mentioning');
    expect(chart.svg).toContain('Jun 2017'); // x axis labels, by week: `5 Jun 2017`
    expect(chart.svg).toContain('stories'); // y axis name
    expect(chart.svg).toContain('DejaVu Sans');
    for (const colour of PALETTE) expect(chart.svg.toLowerCase()).toContain(colour.toLowerCase());
  });

  it('draws a sparkline and a chart of one series without a legend', () => {
    const data = buildTrend(
      [counts('Raqqa', '2017-06-01', 30, (i) => i % 4)],
      { from: isoToDay('2017-06-01'), to: isoToDay('2017-06-30') },
      null,
    );
    const spark = renderTrendChart(data, { title: 'Stories per day mentioning Raqqa', subtitle: '' }, 'spark');
    expect(pngSize(spark.png)).toEqual({ width: 480, height: 120 });
    const full = renderTrendChart(data, { title: 'Stories per day mentioning Raqqa', subtitle: '' });
    expect(full.svg).not.toContain('Raqqa (');
  });

  it('draws compared lines dashed, and lines of hundreds of periods solid (a smear shows no dashes)', () => {
    const few = buildTrend(
      [counts('Raqqa', '2017-01-01', 300, (i) => i % 5), counts('Mosul', '2017-01-01', 300, (i) => i % 3)],
      { from: isoToDay('2017-01-01'), to: isoToDay('2017-10-27') },
      'week',
    );
    expect(few.series[0]!.points.length).toBeGreaterThan(36); // lines, not bars
    expect(renderTrendChart(few, { title: 'Stories per week', subtitle: '' }).svg).toContain('stroke-dasharray');
    const many = buildTrend(
      [counts('Raqqa', '2000-01-01', 3650, (i) => i % 5), counts('Mosul', '2000-01-01', 3650, (i) => i % 3)],
      { from: isoToDay('2000-01-01'), to: isoToDay('2009-12-28') },
      'week',
    );
    expect(many.series[0]!.points.length).toBeGreaterThan(300);
    const dense = renderTrendChart(many, { title: 'Stories per week', subtitle: '' });
    expect(dense.svg).not.toContain('stroke-dasharray');
    expect(dense.svg).toContain('Mosul (');
    expect(pngSize(dense.png)).toEqual({ width: 960, height: 480 });
  });

  it('escapes what it draws: a term is text, never markup', () => {
    const data = buildTrend(
      [counts('<b>&"x"', '2017-06-01', 3, () => 1), counts('y', '2017-06-01', 3, () => 2)],
      { from: isoToDay('2017-06-01'), to: isoToDay('2017-06-03') },
      'day',
    );
    const chart = renderTrendChart(data, { title: 'T <script>', subtitle: '' });
    expect(chart.svg).not.toContain('<b>');
    expect(chart.svg).not.toContain('<script>');
    expect(pngSize(chart.png).width).toBe(960);
  });
});

describe('warmChartRenderer', () => {
  it('loads the renderer by drawing a chart of its own, leaving the next chart as it would be', () => {
    const counts: TermCounts[] = [{ term: 'Raqqa', kind: 'place', days: [{ day: isoToDay('2017-03-02'), count: 4 }] }];
    const data = buildTrend(counts, { from: isoToDay('2017-01-01'), to: isoToDay('2017-12-31') }, 'month');
    const before = renderTrendChart(data, { title: 'Raqqa', subtitle: '2017' }, 'spark');
    expect(() => warmChartRenderer()).not.toThrow();
    const after = renderTrendChart(data, { title: 'Raqqa', subtitle: '2017' }, 'spark');
    // ECharts numbers its renderer instances in class names; the drawing is the same.
    const drawing = (svg: string): string => svg.replace(/zr\d+-(cls-\d+)?/g, 'zr-');
    expect(drawing(after.svg)).toBe(drawing(before.svg));
    expect(Buffer.from(after.png).equals(Buffer.from(before.png))).toBe(true);
  });
});

describe('fitLabel', () => {
  it('keeps a short label and cuts a long one to the width, in DejaVu Sans widths', () => {
    expect(fitLabel('Raqqa', 200, 13)).toBe('Raqqa');
    const cut = fitLabel(LONG, 200, 13);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(LONG.length);
    // DejaVu Sans at 13 px is ~7 px a character for such text: 200 px holds about 28.
    expect(cut.length).toBeGreaterThan(20);
    expect(cut.length).toBeLessThan(36);
  });

  it('measures a bold label (the title) in the bold face, which is wider: a cut for the regular face overflows', () => {
    const regular = fitLabel(LONG, 400, 18);
    const bold = fitLabel(LONG, 400, 18, true);
    expect(bold.endsWith('…')).toBe(true);
    expect(bold.length).toBeLessThan(regular.length);
  });
});
