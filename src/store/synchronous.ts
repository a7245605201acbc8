/**
 * A store part as an embedded driver implements it: the same methods, returning their values
 * directly. better-sqlite3 is synchronous, and staying so underneath is what keeps SQLite fast;
 * `promising` turns such an implementation into the Promise-returning contract every caller uses.
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/**
 * The Promise-returning contract over a synchronous implementation: a throw becomes a rejection.
 * Each wrapper is a plain function that hands back one settled promise: no `async` frame and no
 * `await` of a value that is not a promise (each would cost a microtask turn per call, and the small
 * commands make several store calls: issue 17 wants SQLite within 10% of its synchronous figures).
 */
export function promising<T extends object>(sync: Synchronous<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries<unknown>(sync)) {
    out[key] = typeof value === 'function' ? settled(value as (...args: unknown[]) => unknown) : value;
  }
  return out as T;
}

function settled(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return (...args) => {
    try {
      return Promise.resolve(fn(...args));
    } catch (error) {
      return rejection(error);
    }
  };
}

/** A rejection with exactly what was thrown (an Error or not), as an `async` wrapper gave. */
function rejection(error: unknown): Promise<never> {
  return Promise.resolve().then(() => {
    throw error;
  });
}
