import type { Clock } from './clock.js';

/**
 * Time injected into a spawned bot process (issue 17's end-to-end tests): with
 * `DATELINE_CLOCK=parent` and an IPC channel (`spawn(..., { stdio: [..., 'ipc'] })`), the process's
 * clock reads what the parent last set, and every setting runs the schedulers' ticks at once, so a
 * test drives several real processes through days of digests and feed intervals in seconds, with
 * every tick at an instant it chose. Without both, the system clock: nothing changes for a real bot.
 *
 * Messages: parent → child `{ dateline: 'clock', id, now }` (ISO instant); child → parent
 * `{ dateline: 'clock-ready' }` once its schedulers exist, and `{ dateline: 'clock-done', id, ticks }`
 * after the ticks of that instant (each tick's result, or its error as text).
 */
export interface ParentClock extends Clock {
  /** Run `tick` (a scheduler's tick) every time the parent sets the time. */
  onSet(name: string, tick: (now: Date) => Promise<unknown>): void;
  /** Tell the parent the process is ready to be driven. */
  ready(): void;
}

interface SetMessage {
  dateline: 'clock';
  id: number;
  now: string;
}

function isSetMessage(message: unknown): message is SetMessage {
  const m = message as Partial<SetMessage> | null;
  return typeof m === 'object' && m !== null && m.dateline === 'clock' && typeof m.id === 'number' && typeof m.now === 'string';
}

export function parentClockFromEnv(env: NodeJS.ProcessEnv, proc: NodeJS.Process = process): ParentClock | null {
  if (env.DATELINE_CLOCK !== 'parent' || typeof proc.send !== 'function') return null;
  const send = proc.send.bind(proc);
  const ticks = new Map<string, (now: Date) => Promise<unknown>>();
  // Until the parent sets it, the clock stands at the start of the process.
  let current = new Date();
  proc.on('message', (message: unknown) => {
    if (!isSetMessage(message)) return;
    const now = new Date(message.now);
    if (Number.isNaN(now.getTime())) return;
    current = now;
    void (async () => {
      const results: Record<string, unknown> = {};
      for (const [name, tick] of ticks) {
        try {
          results[name] = await tick(now);
        } catch (error) {
          results[name] = { error: error instanceof Error ? error.message : String(error) };
        }
      }
      send({ dateline: 'clock-done', id: message.id, ticks: results });
    })();
  });
  // The channel must not keep a stopped bot alive.
  proc.channel?.unref();
  return {
    now: () => new Date(current),
    onSet: (name, tick) => {
      ticks.set(name, tick);
    },
    ready: () => {
      send({ dateline: 'clock-ready' });
    },
  };
}
