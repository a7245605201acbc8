import { setImmediate as nextTurn } from 'node:timers/promises';

/** Thrown when a signal stops an ingest (shutdown): what is committed stays, a re-run finishes the rest. */
export class IngestAbortedError extends Error {
  constructor() {
    super('ingest stopped');
    this.name = 'IngestAbortedError';
  }
}

/**
 * Cooperative time slicing for work that runs on the bot's main thread (planning, storing): `pause()`
 * yields to the event loop once the current slice has run `sliceMs`, so a command arriving during an
 * ingest waits milliseconds, not the whole file (issue 18: a /where answered after 22.9 s).
 */
export interface Slicer {
  pause(): Promise<void>;
}

/** 5 ms slices keep event-loop delay well under 50 ms while costing the ingest almost nothing. */
export const SLICE_MS = 5;

/** With a `signal`, `pause()` throws `IngestAbortedError` once it is aborted (shutdown). */
export function createSlicer(signal?: AbortSignal, sliceMs = SLICE_MS, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  return {
    pause: async () => {
      if (signal?.aborted) throw new IngestAbortedError();
      if (now() - sliceStart < sliceMs) return;
      await nextTurn();
      sliceStart = now();
    },
  };
}
