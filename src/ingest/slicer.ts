import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Cooperative time slicing for work that runs on the bot's main thread (planning, storing): `pause()`
 * yields to the event loop once the current slice has run `sliceMs`, so a command arriving during an
 * ingest waits milliseconds, not the whole file (issue 18: a /where answered after 22.9 s).
 */
export interface Slicer {
  pause(): Promise<void>;
}

/** 8 ms slices keep event-loop delay well under 50 ms while costing the ingest almost nothing. */
export const SLICE_MS = 8;

export function createSlicer(sliceMs = SLICE_MS, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  return {
    pause: async () => {
      if (now() - sliceStart < sliceMs) return;
      await nextTurn();
      sliceStart = now();
    },
  };
}
