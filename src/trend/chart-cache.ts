import { createHash } from 'node:crypto';
import type { RenderedChart } from './render-chart.js';

/**
 * Rendered charts by what they show: a chart is a pure function of its version, size, text and data,
 * so a hash of those keys it. Drawing one costs tens of milliseconds where a hit costs nothing, and the
 * same picture is asked for again and again (the same /where in every server, a /trend repeated, a
 * server's own view of the store under DATELINE_FEED_STORIES=own-server). Keyed by content, a kept chart
 * can never be stale: new stories change the counts, and so the key. One cache per process, bounded by
 * bytes, least recently used dropped first.
 */
export interface ChartCache {
  get(key: string): RenderedChart | undefined;
  set(key: string, chart: RenderedChart): void;
}

/** ~120 full charts of 960×480 (~60 KB each, SVG included). */
const MAX_BYTES = 16_000_000;

export function createChartCache(maxBytes = MAX_BYTES): ChartCache {
  const entries = new Map<string, RenderedChart>();
  let bytes = 0;
  const size = (c: RenderedChart): number => c.png.length + c.svg.length;
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        // Map order is insertion order: moved to the end, it is dropped last.
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, chart) {
      if (size(chart) > maxBytes || entries.has(key)) return;
      entries.set(key, chart);
      bytes += size(chart);
      for (const [old, c] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(old);
        bytes -= size(c);
      }
    },
  };
}

/** The key of a chart: a hash of everything it is drawn from (plain data). */
export function chartKey(drawnFrom: unknown): string {
  return createHash('sha256').update(JSON.stringify(drawnFrom)).digest('base64url');
}

/** The process's charts. */
export const charts: ChartCache = createChartCache();
