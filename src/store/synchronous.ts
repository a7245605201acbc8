/**
 * A store part as an embedded driver implements it: the same methods, returning their values
 * directly. better-sqlite3 is synchronous, and staying so underneath is what keeps SQLite fast;
 * `promising` turns such an implementation into the Promise-returning contract every caller uses.
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** The Promise-returning contract over a synchronous implementation: a throw becomes a rejection. */
export function promising<T extends object>(sync: Synchronous<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries<unknown>(sync)) {
    if (typeof value !== 'function') {
      out[key] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    // `async` turns a synchronous throw into a rejection, whatever was thrown.
    out[key] = async (...args: unknown[]): Promise<unknown> => await fn(...args);
  }
  return out as T;
}
