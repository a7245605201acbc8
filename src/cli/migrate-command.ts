import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatelineStore } from '../app.js';
import { digestFeatures } from '../digest/story-features.js';
import type { StoryCursor } from '../store/article-store.js';
import type { DatelineStore } from '../store/store.js';
import { parseStoreLocation, redactPassword, StoreLocationError } from '../store/store-location.js';
import { ExitCode, println, type CliIo } from './cli-io.js';

const USAGE = 'Usage: dateline migrate --from STORE --to STORE [--json]   (STORE: an SQLite file or a postgres:// URL)';
/** Stories copied per transaction: memory stays flat whatever the store's size. */
const PAGE = 500;

export interface StoreCounts {
  stories: number;
  subscriptions: number;
  deliveries: number;
  feeds: number;
}

async function countsOf(store: DatelineStore): Promise<StoreCounts> {
  const ledger = await store.subscriptions.exportLedger();
  return {
    stories: await store.stories.count(),
    subscriptions: ledger.subscriptions.length,
    deliveries: ledger.deliveries.length,
    feeds: (await store.feeds.listFeeds()).length,
  };
}

function describeCounts(c: StoreCounts): string {
  return `${c.stories} stories, ${c.subscriptions} subscriptions, ${c.deliveries} ledger rows, ${c.feeds} feeds`;
}

/** What a copy added beyond the counts: stories already there, which feeds brought which stories, posts still queued. */
export interface CopyCounts extends StoreCounts {
  duplicateStories: number;
  feedStories: number;
  queuedPosts: number;
}

/**
 * Copy everything of `from` that `to` lacks: stories with their analysis (and the digest features
 * digest/ works out from them), subscriptions with their ledger, feeds with their health and channels,
 * which feeds brought each story (what DATELINE_FEED_STORIES=own-server hides by), and the "new story"
 * posts still queued. Stories keep their ids (derived from url or text) and are deduplicated as ingest
 * does, subscriptions match by channel, ledger rows by (subscription, date), feeds by URL, posts by
 * (channel, story): a second run adds nothing.
 */
export async function copyStore(from: DatelineStore, to: DatelineStore, onProgress?: (copied: number) => void): Promise<CopyCounts> {
  const added = { stories: 0, duplicateStories: 0, subscriptions: 0, deliveries: 0, feeds: 0, feedStories: 0, queuedPosts: 0 };
  let after: StoryCursor | null = null;
  let copied = 0;
  do {
    const page: Awaited<ReturnType<DatelineStore['stories']['storiesPage']>> = await from.stories.storiesPage({ after, limit: PAGE });
    const result = await to.stories.addArticles(
      page.stories.map(({ article, analysis }) => {
        const { id: _id, ingestedAt, ...fields } = article;
        return {
          article: fields,
          analysis: { ...analysis, digest: digestFeatures(fields, analysis.sentences, analysis.places) },
          ingestedAt,
        };
      }),
    );
    added.stories += result.added.length;
    added.duplicateStories += result.duplicates.length;
    copied += page.stories.length;
    onProgress?.(copied);
    after = page.next;
  } while (after);
  const ledger = await to.subscriptions.importLedger(await from.subscriptions.exportLedger());
  added.subscriptions = ledger.subscriptions;
  added.deliveries = ledger.deliveries;
  added.feeds = await to.feeds.importFeeds(await from.feeds.listFeeds());
  for (
    let links = await from.feeds.feedStoriesPage(null, PAGE);
    links.length > 0;
    links = await from.feeds.feedStoriesPage(links.at(-1)!, PAGE)
  )
    added.feedStories += await to.feeds.importFeedStories(links);
  added.queuedPosts = await to.feeds.importPosts(await from.feeds.exportPosts());
  return added;
}

/** `dateline migrate --from data/dateline.db --to postgres://…`: move a store, printing counts on both sides. */
export async function runMigrate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length > 0 || !values.from || !values.to) {
    println(io.stderr, USAGE);
    return ExitCode.userError;
  }
  let source: string;
  let target: string;
  try {
    const a = parseStoreLocation(values.from);
    const b = parseStoreLocation(values.to);
    source = a.kind === 'postgres' ? a.url : new URL(a.path, `file://${io.cwd}/`).pathname;
    target = b.kind === 'postgres' ? b.url : new URL(b.path, `file://${io.cwd}/`).pathname;
    // A missing source file would be created empty: a migration of nothing that looks like success.
    if (a.kind === 'sqlite' && !fs.existsSync(source)) throw new StoreLocationError(`--from ${source}: no such file`);
  } catch (error) {
    if (!(error instanceof StoreLocationError)) throw error;
    println(io.stderr, `dateline migrate: ${error.message}\n${USAGE}`);
    return ExitCode.userError;
  }
  if (source === target) {
    println(io.stderr, 'dateline migrate: --from and --to are the same store');
    return ExitCode.userError;
  }
  const from = await openDatelineStore(source);
  try {
    const to = await openDatelineStore(target);
    try {
      const sourceCounts = await countsOf(from);
      const before = await countsOf(to);
      const added = await copyStore(from, to, (copied) => {
        if (io.stderrIsTty) io.stderr.write(`\r\x1b[Kcopying: ${copied} of ${sourceCounts.stories} stories`);
      });
      if (io.stderrIsTty) io.stderr.write('\r\x1b[K');
      const after = await countsOf(to);
      const fromName = `${redactPassword(source)} (${from.kind})`;
      const toName = `${redactPassword(target)} (${to.kind})`;
      if (values.json) {
        println(io.stdout, JSON.stringify({ from: { store: fromName, ...sourceCounts }, to: { store: toName, before, after }, added }));
      } else {
        println(io.stdout, `from ${fromName}: ${describeCounts(sourceCounts)}`);
        println(io.stdout, `to   ${toName}: before ${describeCounts(before)}`);
        println(io.stdout, `to   ${toName}: after  ${describeCounts(after)}`);
        println(
          io.stdout,
          `added ${added.stories} stories (${added.duplicateStories} already there), ${added.subscriptions} subscriptions, ${added.deliveries} ledger rows, ${added.feeds} feeds, ${added.feedStories} feed-story links, ${added.queuedPosts} queued posts`,
        );
      }
      return ExitCode.ok;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
