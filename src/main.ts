import 'dotenv/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { appOptionsFromConfig, createApp, type App } from './app.js';
import { systemClock, type Clock } from './core/clock.js';
import { parentClockFromEnv, type ParentClock } from './core/parent-clock.js';
import { isPostgresUrl, redactPassword, StoreUnavailableError } from './store/store-location.js';
import type { FeedPostScope } from './store/feed-store.js';
import { createLogger, redactSecrets, secretsFromEnv, type Logger } from './core/logger.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { isPrimaryProcess } from './transports/discord/shard-ownership.js';
import { createShellTransport } from './transports/shell/shell-transport.js';
import { httpPortFromArgs } from './transports/http/http-port.js';
import type { SendTarget, Transport } from './transports/transport.js';
import { createDigestScheduler, type DigestScheduler } from './digest/scheduler.js';
import { startFeedScheduler, type FeedScheduler } from './feeds/feed-scheduler.js';
import { watchFolder, type FolderWatcher } from './ingest/watch-folder.js';
import { firstLoad } from './ingest/first-load.js';
import { warmChartRenderer } from './trend/render-chart.js';
import { IngestAbortedError } from './ingest/ingest-records.js';

/**
 * The composition root: config → store → services → transport (Discord with a token, else the
 * local shell) → schedulers. Everything is built here and passed down; nothing is global.
 */
/** The bot's store connection waits this long at most on another writer's lock (the wait blocks the event loop); ingest retries asynchronously. */
const BOT_BUSY_TIMEOUT_MS = 50;
/** A shutdown that has not finished by then exits anyway (a stuck close must not keep a stopped bot alive). */
const SHUTDOWN_DEADLINE_MS = 5000;

async function main(): Promise<void> {
  // Stop signals are handled from the first moment (issue 18): a SIGTERM during the first-start load
  // used to kill the process at once, before any handler existed. Until the parts exist, stopping
  // just aborts what runs; each part registers how to close itself as it is made.
  const abort = new AbortController();
  const closers: (() => Promise<void> | void)[] = [];
  let stopping = false;
  let log: Logger | null = null;
  let startup: Promise<void> = Promise.resolve();
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log?.info('shutting down', { reason });
    setTimeout(() => {
      log?.error('shutdown took too long: exiting', { reason, deadlineMs: SHUTDOWN_DEADLINE_MS });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    abort.abort();
    await startup.catch(() => undefined);
    for (const close of closers.reverse()) {
      try {
        await close();
      } catch (error) {
        log?.warn('error while shutting down', { error });
      }
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  // `npm start -- --db PATH`: the bot takes its store like every command of the tool.
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { db: { type: 'string' }, http: { type: 'boolean' }, port: { type: 'string' } },
    strict: false,
  });
  const config = loadConfig(process.env, { dbPath: typeof values.db === 'string' ? values.db : undefined });
  // `--http [--port N]` (issue 20): slash commands arrive as signed HTTP POSTs instead of over the gateway.
  const httpPort = httpPortFromArgs(values, config);
  const interactiveShell = !config.discord.token && httpPort === null && process.stdin.isTTY === true;
  // A person typing in the shell should not see JSON log lines interleaved with replies: they go to a file.
  const logFile = interactiveShell ? path.join(config.dataDir, 'dateline.log') : null;
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  log = createLogger({
    level: config.logLevel,
    secrets: [...(config.discord.token ? [config.discord.token] : []), ...secretsFromEnv(process.env)],
    ...(logFile ? { write: (line: string) => fs.appendFileSync(logFile, `${line}\n`) } : {}),
  });
  const logger = log;
  if (logFile) process.stdout.write(`Loading Dateline… (logs: ${logFile})\n`);

  // The system clock, or in the end-to-end tests the time the parent process sets (core/parent-clock.ts).
  const driven = parentClockFromEnv(process.env);
  const clock: Clock = driven ?? systemClock;

  let resolveStartup: () => void = () => undefined;
  startup = new Promise<void>((resolve) => (resolveStartup = resolve));
  const started = await startUp(config, logger, abort.signal, closers, clock).finally(resolveStartup);
  if (!started || stopping) return;
  await run(config, logger, started, closers, (reason) => void shutdown(reason), abort.signal, httpPort, { clock, driven });
}

/**
 * The store and services, then the first-start load: an empty store ingests the data folder, and a
 * load that was stopped halfway resumes where it was (file by file; see first-load.ts). Returns null
 * when a stop signal came meanwhile.
 */
async function startUp(
  config: Config,
  log: Logger,
  signal: AbortSignal,
  closers: (() => Promise<void> | void)[],
  clock: Clock,
): Promise<App | null> {
  const app = await createApp({
    ...appOptionsFromConfig(config, { commands, clock, log }),
    offThreadAnalysis: true,
    busyTimeoutMs: BOT_BUSY_TIMEOUT_MS,
  });
  closers.push(() => app.close());
  if (signal.aborted) return null;
  const primary = isPrimaryProcess(process.env);
  // The record of a first-start load sits beside an SQLite file; a PostgreSQL store keeps it in the data folder.
  const load = firstLoad(isPostgresUrl(config.dbPath) ? path.join(config.dataDir, 'postgres-store') : config.dbPath);
  const count = await app.services.store.stories.count();
  if (primary && load.needed(count)) {
    log.info(load.resuming(count) ? 'resuming the first-start load of the data folder' : 'empty store: ingesting the data folder', {
      dataDir: config.dataDir,
    });
    load.begin(count);
    try {
      const tally = await app.ingest([config.dataDir], undefined, {
        signal,
        skipFile: (file) => load.isDone(file),
        onFileDone: (file) => load.markDone(file),
      });
      load.finish();
      log.info('ingested', { added: tally.added, duplicate: tally.duplicate, rejected: tally.rejected, errors: tally.errors });
    } catch (error) {
      if (error instanceof IngestAbortedError) {
        log.info('first-start load stopped; the next start resumes it', { articles: await app.services.store.stories.count() });
        return null;
      }
      throw error;
    }
  }
  log.info('store ready', { db: redactPassword(config.dbPath), articles: await app.services.store.stories.count() });
  return app;
}

/** Transport, digest scheduler, feeds and the watched folder, once the store is ready. */
async function run(
  config: Config,
  log: Logger,
  app: App,
  closers: (() => Promise<void> | void)[],
  shutdown: (reason: string) => void,
  signal: AbortSignal,
  httpPort: number | null,
  time: { clock: Clock; driven: ParentClock | null },
): Promise<void> {
  const primary = isPrimaryProcess(process.env);
  let transport: Transport;
  // Digests: Discord posts to guild channels its shard owns; the shell only to its own channels.
  let ownsTarget: (target: SendTarget) => boolean = (target) => target.guildId === null;
  // Where this process can post at all: REST reaches every guild channel, whichever process holds
  // the guild's shard (feed posts, and digests taken over from a process that died).
  let canPost: (target: SendTarget) => boolean = (target) => target.guildId === null;
  // Which queued new-story posts this process takes from the outbox: what it can post.
  let postScope: FeedPostScope = 'local';
  if (httpPort !== null) {
    const { createHttpMode } = await import('./transports/http/http-mode.js');
    ({ transport, ownsTarget } = createHttpMode(config, httpPort, app, log));
    canPost = ownsTarget;
    postScope = 'guild';
  } else if (config.discord.token) {
    const { createDiscordTransport } = await import('./transports/discord/discord-transport.js');
    const discord = createDiscordTransport({
      token: config.discord.token,
      applicationId: config.discord.applicationId,
      guildId: config.discord.guildId,
      apiUrl: config.discord.apiUrl,
      log,
      commandsStatePath: path.join(config.cacheDir, 'registered-commands.json'),
      // SHARD_COUNT with SHARD_IDS (or start:sharded's SHARDS): this process runs only those shards.
      ...(config.sharding ? { clientOptions: { shards: config.sharding.ids, shardCount: config.sharding.count } } : {}),
    });
    transport = discord;
    ownsTarget = (target) => target.guildId !== null && discord.ownsGuild(target.guildId);
    canPost = (target) => target.guildId !== null;
    postScope = 'guild';
  } else {
    transport = createShellTransport({
      input: process.stdin,
      output: process.stdout,
      definitions: app.definitions,
      caller: { userId: 'shell', userName: os.userInfo().username, channelId: config.shellChannelId, guildId: null, canManageGuild: true },
      imageDir: config.mapsDir,
      historyFile: path.join(config.dataDir, '.shell_history'),
      terminal: process.stdin.isTTY === true,
      onClose: () => shutdown('input closed'),
    });
  }

  let scheduler: DigestScheduler | null = null;
  let feedScheduler: FeedScheduler | null = null;
  let watcher: FolderWatcher | null = null;
  // closed in reverse: the watcher, feeds and digests stop before the transport, the app last
  closers.push(() => transport.stop());
  closers.push(async () => {
    await scheduler?.stop();
    await feedScheduler?.stop();
    await watcher?.close();
  });

  await transport.start(app.handler);
  // Once the bot answers: the chart renderer's first use, off the path of the first person to ask for a chart.
  setTimeout(() => {
    const started = performance.now();
    try {
      warmChartRenderer();
      log.debug('chart renderer ready', { ms: Math.round(performance.now() - started) });
    } catch (error) {
      log.warn('chart renderer warm-up failed; the first chart will load it', { error: (error as Error).message });
    }
  }, 0).unref();

  // After the transport is up: catch up on missed digests, then tick every minute (or, driven by a
  // parent's clock, at each instant it sets).
  const { clock, driven } = time;
  const digests = createDigestScheduler({
    subscriptions: app.services.subscriptions,
    store: app.services.store,
    geo: app.services.geo,
    transport,
    clock,
    log,
    ownsTarget,
    canPost,
    visibleTo: (guildId, items) => app.services.feeds.visibleTo(guildId, items),
  });
  scheduler = digests;
  if (driven) driven.onSet('digests', (now) => digests.tick(now));
  else await digests.start();

  // Live news (issue 10): feeds from .env join those added with /feeds. Every process runs the poller
  // (each due feed is polled by whichever takes its lease in the store) and posts a feed's new stories
  // to all its channels, whichever shard holds their guilds.
  if (primary) {
    const configured = await app.services.feeds.ensureConfigured(config.feeds.urls);
    if (configured > 0) log.info('feeds from DATELINE_FEEDS registered', { count: configured });
  }
  const feeds = startFeedScheduler({
    feeds: app.services.feeds,
    log,
    send: async (target, reply, sendOptions) => {
      if (!canPost(target)) throw new Error('this process cannot post to the channel');
      return transport.send(target, reply, sendOptions);
    },
    ...(transport.findRecentMessage ? { findRecentMessage: transport.findRecentMessage.bind(transport) } : {}),
    postScope,
    ...(driven ? { autoTick: false, pollOnStart: false } : {}),
  });
  feedScheduler = feeds;
  if (driven) driven.onSet('feeds', () => feeds.tick());
  if (!primary) {
    driven?.ready();
    return;
  }
  if (config.watch.enabled) {
    watcher = watchFolder({
      dir: config.watch.dir,
      deps: { ...app.ingestDeps, signal },
      log,
      ignoreDirs: [config.cacheDir, config.mapsDir],
    });
    await watcher.ready;
    log.info('watching for new story files', { dir: config.watch.dir });
  }
  driven?.ready();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    process.stderr.write(`${redactSecrets(error.message, secretsFromEnv(process.env))}\n`);
    process.exit(1);
  }
  // the same redaction as the logs: a token inside an error message must not reach the terminal
  process.stderr.write(
    `${redactSecrets(`Dateline failed to start: ${(error as Error).stack ?? String(error)}`, secretsFromEnv(process.env))}\n`,
  );
  process.exit(2);
});
