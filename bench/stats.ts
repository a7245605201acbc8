import fs from 'node:fs';

export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles in ms, rounded to 0.01 ms. */
export function summarize(samples: readonly number[]): Latency & { n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const r = (x: number): number => Math.round(x * 100) / 100;
  return { p50: r(at(50)), p99: r(at(99)), max: r(sorted[sorted.length - 1] ?? 0), n: sorted.length };
}

/** Size of a SQLite store with its WAL and shared-memory files, in MB. */
export function fileMb(dbPath: string): number {
  let bytes = 0;
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) bytes += fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  return Math.round((bytes / 1e6) * 10) / 10;
}

export function median(xs: readonly number[]): number {
  return summarize(xs).p50;
}
