import { parseArgs } from 'node:util';
import type { IngestTally } from '../ingest/ingest.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

/**
 * What one store transaction of `dateline ingest` may take (ms). The bot keeps its commits short (15
 * ms) because commands wait for its thread; this command answers none, and the writer costs ~30 % less
 * per story in chunks of a few hundred than of 32 (each commit rewrites the index pages it touched). A
 * bot sharing the store waits at most this long for the write lock, well within its busy timeout.
 */
const BULK_COMMIT_TARGET_MS = 100;

/** The tally as `--json` prints it, the last line of stdout (a contract: `dateline ingest` and `dateline feed poll`). */
export function tallyJson(tally: IngestTally): string {
  return JSON.stringify({ added: tally.added, duplicate: tally.duplicate, rejected: tally.rejected, errors: tally.errors });
}

export function formatTally(tally: IngestTally, seconds: number): string {
  const rate = seconds > 0 ? Math.round((tally.added + tally.duplicate) / seconds) : 0;
  const lines = [
    `added ${tally.added.toLocaleString('en-US')}, duplicate ${tally.duplicate.toLocaleString('en-US')}, rejected ${tally.rejected.toLocaleString('en-US')} in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} stories/s)`,
  ];
  const shown = tally.errors.slice(0, 50);
  for (const e of shown) lines.push(`  rejected ${e.path}${e.line !== null ? `:${e.line}` : ''}: ${e.reason}`);
  if (tally.errors.length > shown.length) lines.push(`  … and ${tally.errors.length - shown.length} more (use --json for all)`);
  return lines.join('\n');
}

/** `dateline ingest PATH… [--json] [--db PATH]`: exit 1 when anything was rejected. */
export async function runIngest(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' } },
  });
  if (positionals.length === 0) {
    println(io.stderr, 'Usage: dateline ingest PATH… [--json] [--db PATH]  (files or folders: wire .txt, .ndjson, .json)');
    return ExitCode.userError;
  }
  const { app } = await openCliApp(io, values.db);
  try {
    const started = performance.now();
    let lastDraw = 0;
    const tally = await app.ingest(
      positionals,
      (p) => {
        if (!io.stderrIsTty) return;
        const now = performance.now();
        if (now - lastDraw < 100 && p.filesDone < p.filesTotal) return;
        lastDraw = now;
        io.stderr.write(`\r\x1b[Kingesting: ${p.filesDone}/${p.filesTotal} files, ${p.records.toLocaleString('en-US')} stories`);
      },
      { commitTargetMs: BULK_COMMIT_TARGET_MS },
    );
    if (io.stderrIsTty) io.stderr.write('\r\x1b[K');
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      println(io.stdout, tallyJson(tally));
    } else {
      println(io.stdout, formatTally(tally, seconds));
    }
    return tally.rejected > 0 ? ExitCode.userError : ExitCode.ok;
  } finally {
    await app.close();
  }
}
