import type { Writable } from 'node:stream';

/** What a CLI handler may touch: injected so tests run handlers in-process and read what they print. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Progress lines only make sense on a terminal. */
  stderrIsTty: boolean;
}

export function println(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}

/** Exit codes scripts rely on. */
export const ExitCode = { ok: 0, userError: 1, crash: 2 } as const;
