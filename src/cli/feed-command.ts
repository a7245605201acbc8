import { parseArgs } from 'node:util';
import { emptyTally, mergeTallies } from '../ingest/ingest.js';
import { feedStatusLine } from '../feeds/feed-status.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { formatTally, tallyJson } from './ingest-command.js';
import { openCliApp } from './open-app.js';

const USAGE = `Usage: dateline feed poll URL… [--json] [--db PATH]   poll feeds once, print the ingest tally
       dateline feed list [--json] [--db PATH]         registered feeds and their health
       dateline feed remove URL… [--db PATH]           stop polling feeds, for every server (the operator's removal)`;

/**
 * `dateline feed poll URL… [--json]`: poll once and print the same tally as `dateline ingest`
 * (with `--json` the last line is `{"added","duplicate","rejected","errors":[{"path","line","reason"}]}`,
 * `path` being the feed URL and `line` the item number). Registered feeds use and update their
 * ETag/Last-Modified and health; other URLs are polled ad hoc. Exit 1 when anything was rejected.
 */
export async function runFeed(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' } },
  });
  const [action, ...urls] = positionals;
  if (action === 'list') return listFeeds(io, values.db, values.json === true);
  if (action === 'remove' && urls.length > 0) return removeFeeds(io, values.db, urls);
  if (action !== 'poll' || urls.length === 0) {
    println(io.stderr, USAGE);
    return ExitCode.userError;
  }
  const { app } = await openCliApp(io, values.db);
  try {
    const started = performance.now();
    const results = await app.services.feeds.poll(urls);
    const tally = results.reduce((acc, r) => mergeTallies(acc, r.tally), emptyTally());
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      println(io.stdout, tallyJson(tally));
    } else {
      for (const r of results) {
        const what =
          r.outcome === 'not-modified'
            ? 'not modified (304)'
            : r.outcome === 'failed'
              ? 'failed'
              : `${r.tally.added} added, ${r.tally.duplicate} duplicate, ${r.tally.rejected} rejected`;
        println(io.stdout, `${r.url}${r.title ? ` (${r.title})` : ''}: ${what}`);
      }
      println(io.stdout, formatTally(tally, seconds));
    }
    return tally.rejected > 0 ? ExitCode.userError : ExitCode.ok;
  } finally {
    await app.close();
  }
}

/** The operator removes any feed, the DATELINE_FEEDS ones included (servers cannot). */
async function removeFeeds(io: CliIo, db: string | undefined, urls: readonly string[]): Promise<number> {
  const { app } = await openCliApp(io, db);
  try {
    let missing = 0;
    for (const url of urls) {
      const feed = await app.services.feeds.get(url);
      if (!feed || !(await app.services.feeds.remove(feed.url))) {
        missing += 1;
        println(io.stderr, `No feed ${url} is registered.`);
        continue;
      }
      const note = feed.origin === 'config' ? ' (listed in DATELINE_FEEDS: remove it there too, or it comes back at the next start)' : '';
      println(io.stdout, `Removed ${feed.url}${note}`);
    }
    return missing > 0 ? ExitCode.userError : ExitCode.ok;
  } finally {
    await app.close();
  }
}

async function listFeeds(io: CliIo, db: string | undefined, json: boolean): Promise<number> {
  const { app } = await openCliApp(io, db);
  try {
    const feeds = await app.services.feeds.list();
    if (json) {
      println(
        io.stdout,
        JSON.stringify({
          feeds: feeds.map((f) => ({
            url: f.url,
            title: f.title,
            intervalMinutes: f.intervalMinutes,
            origin: f.origin,
            owners: f.owners,
            channels: f.channels,
            health: f.health,
          })),
        }),
      );
    } else if (feeds.length === 0) {
      println(io.stdout, 'No feeds registered. Add them with DATELINE_FEEDS in .env or /feeds add.');
    } else {
      for (const f of feeds) println(io.stdout, `${f.title ?? f.url}\n  ${f.url}\n  ${feedStatusLine(f)}`);
    }
    return ExitCode.ok;
  } finally {
    await app.close();
  }
}
