import type { DatelineStore } from '../store/store.js';
import type { RenderedChart } from './render-chart.js';

/**
 * Rendered charts by (query, store version): a chart changes only when stories are added, and
 * drawing one costs tens of milliseconds where a hit costs nothing. One cache per store object
 * (a WeakMap, so two stores in one process, as in tests, never share entries and a closed store's
 * charts go with it), bounded by bytes, least recently used dropped first.
 */
export interface ChartCache {
  get(key: string, version: number): RenderedChart | undefined;
  set(key: string, version: number, chart: RenderedChart): void;
}

/** ~120 full charts of 960×480 (~60 KB each, SVG included). */
const MAX_BYTES = 16_000_000;

const caches = new WeakMap<DatelineStore, ChartCache>();

export function createChartCache(maxBytes = MAX_BYTES): ChartCache {
  const entries = new Map<string, RenderedChart>();
  let bytes = 0;
  const size = (c: RenderedChart): number => c.png.length + c.svg.length;
  return {
    get(key, version) {
      const k = `${version}\u0000${key}`;
      const hit = entries.get(k);
      if (hit) {
        // Map order is insertion order: moved to the end, it is dropped last.
        entries.delete(k);
        entries.set(k, hit);
      }
      return hit;
    },
    set(key, version, chart) {
      const k = `${version}\u0000${key}`;
      if (size(chart) > maxBytes || entries.has(k)) return;
      entries.set(k, chart);
      bytes += size(chart);
      for (const [old, c] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(old);
        bytes -= size(c);
      }
    },
  };
}

/** The cache of charts drawn from this store. */
export function chartCacheFor(store: DatelineStore): ChartCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = createChartCache()));
  return cache;
}
