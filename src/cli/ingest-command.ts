import { parseArgs } from 'node:util';
import type { IngestTally } from '../ingest/ingest.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

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
    const tally = await app.ingest(positionals, (p) => {
      if (!io.stderrIsTty) return;
      const now = performance.now();
      if (now - lastDraw < 100 && p.filesDone < p.filesTotal) return;
      lastDraw = now;
      io.stderr.write(`\r\x1b[Kingesting: ${p.filesDone}/${p.filesTotal} files, ${p.records.toLocaleString('en-US')} stories`);
    });
    if (io.stderrIsTty) io.stderr.write('\r\x1b[K');
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      // The contract: the last line of stdout is the tally.
      println(
        io.stdout,
        JSON.stringify({ added: tally.added, duplicate: tally.duplicate, rejected: tally.rejected, errors: tally.errors }),
      );
    } else {
      println(io.stdout, formatTally(tally, seconds));
    }
    return tally.rejected > 0 ? ExitCode.userError : ExitCode.ok;
  } finally {
    await app.close();
  }
}
