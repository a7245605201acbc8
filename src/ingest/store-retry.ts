import { setTimeout as sleepFor } from 'node:timers/promises';

/**
 * Another process holding the store's write lock (a second bot, a `dateline ingest`) must neither
 * fail a batch of stories nor freeze the bot (issue 18). The bot's connection waits only briefly
 * for the lock; a commit that still finds it locked is retried here, after a pause that lets the
 * event loop run, with exponential backoff up to `maxWaitMs` in all.
 */
export interface StoreRetryOptions {
  /** Give up after this long in all (default 2 minutes): the chunk is then reported and a re-run stores it. */
  maxWaitMs?: number;
  /** First pause (default 50 ms), doubled each time up to `maxDelayMs` (default 2 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** How to wait: a real timer by default; tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
  /** Told of each retry (logs, tests). */
  onRetry?: (attempt: number, delayMs: number, error: Error) => void;
}

export type CommitResult<T> = { ok: true; value: T; retried: boolean } | { ok: false; message: string };

/** SQLite's "database is locked" / "database is busy", whatever the driver: the store raises these codes. */
export function isStoreBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return true;
  return error instanceof Error && /database is (?:locked|busy)/i.test(error.message);
}

/** Run one atomic commit; retry it while the store is busy; any other failure is returned, not thrown. */
export async function commitWithRetry<T>(commit: () => T | Promise<T>, options: StoreRetryOptions = {}): Promise<CommitResult<T>> {
  const maxWait = options.maxWaitMs ?? 120_000;
  const maxDelay = options.maxDelayMs ?? 2000;
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined));
  let delay = options.firstDelayMs ?? 50;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await commit(), retried: attempt > 1 };
    } catch (error) {
      if (!isStoreBusy(error)) return { ok: false, message: (error as Error).message };
      if (waited >= maxWait)
        return {
          ok: false,
          message: `${(error as Error).message} (still locked after ${Math.round(waited / 1000)} s of retries; a re-run stores the rest)`,
        };
      options.onRetry?.(attempt, delay, error as Error);
      await sleep(delay);
      waited += delay;
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}

/**
 * `commitWithRetry` for a worker thread, where blocking is harmless: waits with `Atomics.wait`
 * between attempts (the connection's own busy timeout waits first).
 */
export function commitWithRetrySync<T>(
  commit: () => T,
  options: Pick<StoreRetryOptions, 'maxWaitMs' | 'firstDelayMs' | 'maxDelayMs'> = {},
): CommitResult<T> {
  const maxWait = options.maxWaitMs ?? 120_000;
  const maxDelay = options.maxDelayMs ?? 2000;
  let delay = options.firstDelayMs ?? 50;
  const started = Date.now();
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: commit(), retried: attempt > 1 };
    } catch (error) {
      if (!isStoreBusy(error)) return { ok: false, message: (error as Error).message };
      const waited = Date.now() - started;
      if (waited >= maxWait)
        return {
          ok: false,
          message: `${(error as Error).message} (still locked after ${Math.round(waited / 1000)} s of retries; a re-run stores the rest)`,
        };
      Atomics.wait(cell, 0, 0, delay);
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}
