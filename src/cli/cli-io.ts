import type { Writable } from 'node:stream';
import { escapeJsonControls, sanitizeTerminalText } from '../core/terminal-text.js';

/** What a CLI handler may touch: injected so tests run handlers in-process and read what they print. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Progress lines only make sense on a terminal. */
  stderrIsTty: boolean;
}

/**
 * Print one line (or block). Everything the CLI prints goes through here and is made terminal-safe
 * (issue 18: escape codes in titles reached the terminal raw): a JSON line (`--json`) keeps its data,
 * its control characters escaped; other text loses them (see terminal-text.ts).
 */
export function println(stream: Writable, text = ''): void {
  stream.write(`${isJsonLine(text) ? escapeJsonControls(text) : sanitizeTerminalText(text)}\n`);
}

/** What `JSON.stringify` printed: an object or array on one line. Escaping anything else that looks so is still safe. */
function isJsonLine(text: string): boolean {
  return /^[[{]/.test(text) && /[\]}]$/.test(text) && !text.includes('\n');
}

/** Exit codes scripts rely on. */
export const ExitCode = { ok: 0, userError: 1, crash: 2 } as const;
