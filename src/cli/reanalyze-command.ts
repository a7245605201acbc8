import { parseArgs } from 'node:util';
import { QUOTE_ANALYZER_VERSION } from '../nlp/quotes/extract-quotes.js';
import { quotesOfBody } from '../ingest/analyze.js';
import type { Quote } from '../nlp/types.js';
import type { QuoteStore } from '../store/quote-store.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

/** Stories per transaction: short enough that a bot writing to the same store waits milliseconds, not seconds. */
export const REANALYZE_BATCH = 50;

export interface ReanalyzeProgress {
  done: number;
  total: number;
}

export interface ReanalyzeOptions {
  since: Date | null;
  batch?: number;
  /** The analysis to apply; the ingest-time quote extractor by default. */
  analyze?: (body: string) => Quote[];
  version?: number;
  onProgress?: (p: ReanalyzeProgress) => void;
  /** Stop after this many stories (tests interrupt a run with it); all by default. */
  limit?: number;
}

/**
 * Re-run the quote analysis on stored stories an older analyzer wrote (issue 15), so improvements reach
 * a live store. Each batch is one short transaction that writes the new quotes and marks the stories
 * current, so a run that stops (Ctrl-C, a crash) loses nothing and the next run resumes with the
 * stories not yet marked. Returns how many stories were updated.
 */
export async function reanalyzeQuotes(store: QuoteStore, options: ReanalyzeOptions): Promise<number> {
  const version = options.version ?? QUOTE_ANALYZER_VERSION;
  const analyze = options.analyze ?? quotesOfBody;
  const batch = Math.max(1, options.batch ?? REANALYZE_BATCH);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const total = Math.min(limit, await store.countStaleQuoteStories(version, options.since));
  let done = 0;
  options.onProgress?.({ done, total });
  while (done < limit) {
    const stories = await store.staleQuoteStories(version, options.since, Math.min(batch, limit - done));
    if (stories.length === 0) break;
    const updated = await store.replaceQuotes(
      stories.map((s) => ({ id: s.id, quotes: analyze(s.body) })),
      version,
    );
    // a story deleted meanwhile is not marked; it is gone from the next batch anyway
    if (updated === 0) break;
    done += stories.length;
    options.onProgress?.({ done: Math.min(done, total), total });
  }
  return done;
}

const USAGE = 'Usage: dateline reanalyze [--db PATH] [--since DATE]   (re-run the quote analysis on stories an older version stored)';

/** `dateline reanalyze [--db PATH] [--since DATE]`: progress on stderr, the count on stdout. */
export async function runReanalyze(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length > 0) {
    println(io.stderr, USAGE);
    return ExitCode.userError;
  }
  let since: Date | null = null;
  if (values.since !== undefined) {
    since = /^\d{4}-\d{2}-\d{2}/.test(values.since) ? new Date(values.since) : null;
    if (!since || Number.isNaN(since.getTime())) {
      println(io.stderr, `--since must be a date such as 1987-03-01 (got "${values.since}").\n${USAGE}`);
      return ExitCode.userError;
    }
  }
  const { app } = await openCliApp(io, values.db);
  try {
    const started = performance.now();
    let lastLine = 0;
    const done = await reanalyzeQuotes(app.services.store.quotes, {
      since,
      onProgress: ({ done: n, total }) => {
        const now = performance.now();
        if (n !== 0 && n < total && now - lastLine < 1000) return;
        lastLine = now;
        const line = `reanalyze: ${n.toLocaleString('en-US')}/${total.toLocaleString('en-US')} stories (quote analyzer v${QUOTE_ANALYZER_VERSION})`;
        if (io.stderrIsTty) io.stderr.write(`\r\x1b[K${line}`);
        else println(io.stderr, line);
      },
    });
    if (io.stderrIsTty) io.stderr.write('\r\x1b[K');
    const seconds = (performance.now() - started) / 1000;
    println(
      io.stdout,
      `reanalyzed ${done.toLocaleString('en-US')} stories in ${seconds.toFixed(1)} s; every story${since ? ` since ${values.since}` : ''} is at quote analyzer v${QUOTE_ANALYZER_VERSION}`,
    );
    return ExitCode.ok;
  } finally {
    await app.close();
  }
}
