import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { openDatelineStore } from '../app.js';
import { loadConfig } from '../config.js';
import { isPostgresUrl, redactPassword } from '../store/store-location.js';
import type { StoredStory, StoryCursor } from '../store/article-store.js';
import type { DatelineStore } from '../store/store.js';
import type { StoryStore } from '../store/story-store.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { articleToJson } from './show-command.js';

/** Stories read from the store at a time: memory stays flat whatever the store's size. */
const PAGE = 500;

const USAGE =
  'Usage: dateline export [--db PATH] [--since DATE] [--json]   (NDJSON on stdout: one `show --json` object per story, oldest first)';

/** Every stored story (published at or after `since`), oldest first, a page at a time. */
export async function* storedStories(store: StoryStore, since: Date | undefined): AsyncGenerator<StoredStory> {
  let after: StoryCursor | null = null;
  do {
    const page: { stories: StoredStory[]; next: StoryCursor | null } = await store.storiesPage({
      ...(since ? { since } : {}),
      after,
      limit: PAGE,
    });
    yield* page.stories;
    after = page.next;
  } while (after);
}

/** Write, waiting for the stream to drain when it asks (a slow pipe must not make output pile up in memory). */
async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

/** `2026-01-31`, `2026-01-31T08:00Z`: a date, else null. */
function parseSince(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * `dateline export [--db PATH] [--since DATE] [--json]`: every stored story as one NDJSON line, the
 * object `dateline show ID --json` prints, oldest first. The output is always NDJSON; `--json` is
 * accepted so scripts can pass it as to the other commands. Exit 2 when the store cannot be read.
 */
export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length > 0) {
    println(io.stderr, USAGE);
    return ExitCode.userError;
  }
  const since = values.since === undefined ? undefined : parseSince(values.since);
  if (since === null) {
    println(io.stderr, `--since "${values.since}" is not a date (e.g. 1987-03-01 or 1987-03-01T08:00Z).\n${USAGE}`);
    return ExitCode.userError;
  }
  const { dbPath } = loadConfig(io.env, { dbPath: values.db }, io.cwd);
  // Opening a missing file would create an empty store: an export of nothing that looks like success.
  if (!isPostgresUrl(dbPath) && (!fs.existsSync(dbPath) || !fs.statSync(dbPath).isFile())) {
    println(io.stderr, `dateline export: cannot read the store ${redactPassword(dbPath)}: no such file`);
    return ExitCode.crash;
  }
  let store: DatelineStore;
  try {
    store = await openDatelineStore(dbPath);
  } catch (error) {
    println(io.stderr, `dateline export: cannot read the store ${redactPassword(dbPath)}: ${(error as Error).message}`);
    return ExitCode.crash;
  }
  try {
    // "of N" only for a whole-store export: counting a --since window would cost a pass of its own.
    const of = io.stderrIsTty && !since ? ` of ${(await store.stories.count()).toLocaleString('en-US')}` : '';
    let written = 0;
    let lastDraw = 0;
    for await (const { article, analysis } of storedStories(store.stories, since)) {
      await writeLine(io.stdout, JSON.stringify(articleToJson(article, analysis)));
      written++;
      if (io.stderrIsTty && performance.now() - lastDraw > 100) {
        lastDraw = performance.now();
        io.stderr.write(`\r\x1b[Kexporting: ${written.toLocaleString('en-US')}${of} stories`);
      }
    }
    if (io.stderrIsTty) io.stderr.write(`\r\x1b[Kexported ${written.toLocaleString('en-US')} stories\n`);
    return ExitCode.ok;
  } catch (error) {
    // The reader stopped reading (`dateline export | head`): it has what it asked for, and the store is fine.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return ExitCode.ok;
    println(io.stderr, `dateline export: cannot read the store ${redactPassword(dbPath)}: ${(error as Error).message}`);
    return ExitCode.crash;
  } finally {
    await store.close();
  }
}
