import 'dotenv/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { appOptionsFromConfig, createApp } from './app.js';
import { systemClock } from './core/clock.js';
import { createLogger } from './core/logger.js';
import { ConfigError, loadConfig } from './config.js';
import { isPrimaryProcess } from './transports/discord/shard-ownership.js';
import { createShellTransport } from './transports/shell/shell-transport.js';
import type { SendTarget, Transport } from './transports/transport.js';
import { createDigestScheduler, type DigestScheduler } from './digest/scheduler.js';
import { startFeedScheduler, type FeedScheduler } from './feeds/feed-scheduler.js';
import { redactPassword } from './store/store-location.js';
import { watchFolder, type FolderWatcher } from './ingest/watch-folder.js';

/**
 * The composition root: config → store → services → transport (Discord with a token, else the
 * local shell) → schedulers. Everything is built here and passed down; nothing is global.
 */
async function main(): Promise<void> {
  // `npm start -- --db PATH`: the bot takes its store like every command of the tool.
  const { values } = parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' } }, strict: false });
  const config = loadConfig(process.env, { dbPath: typeof values.db === 'string' ? values.db : undefined });
  const interactiveShell = !config.discord.token && process.stdin.isTTY === true;
  // A person typing in the shell should not see JSON log lines interleaved with replies: they go to a file.
  const logFile = interactiveShell ? path.join(config.dataDir, 'dateline.log') : null;
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createLogger({
    level: config.logLevel,
    secrets: config.discord.token ? [config.discord.token] : [],
    ...(logFile ? { write: (line: string) => fs.appendFileSync(logFile, `${line}\n`) } : {}),
  });
  if (logFile) process.stdout.write(`Loading Dateline… (logs: ${logFile})\n`);
  const app = await createApp(appOptionsFromConfig(config, { commands, clock: systemClock, log }));
  const primary = isPrimaryProcess(process.env);

  if (primary && (await app.services.store.stories.count()) === 0) {
    log.info('empty store: ingesting the data folder', { dataDir: config.dataDir });
    const tally = await app.ingest([config.dataDir]);
    log.info('ingested', { added: tally.added, duplicate: tally.duplicate, rejected: tally.rejected, errors: tally.errors });
  }
  log.info('store ready', { db: redactPassword(config.dbPath), articles: await app.services.store.stories.count() });

  let transport: Transport;
  // Digests: Discord posts to guild channels its shard owns; the shell only to its own channels.
  let ownsTarget: (target: SendTarget) => boolean = (target) => target.guildId === null;
  if (config.discord.token) {
    const { createDiscordTransport } = await import('./transports/discord/discord-transport.js');
    const discord = createDiscordTransport({
      token: config.discord.token,
      applicationId: config.discord.applicationId,
      guildId: config.discord.guildId,
      apiUrl: config.discord.apiUrl,
      log,
      commandsStatePath: path.join(config.cacheDir, 'registered-commands.json'),
    });
    transport = discord;
    ownsTarget = (target) => target.guildId !== null && discord.ownsGuild(target.guildId);
  } else {
    transport = createShellTransport({
      input: process.stdin,
      output: process.stdout,
      definitions: app.definitions,
      caller: { userId: 'shell', userName: os.userInfo().username, channelId: config.shellChannelId, guildId: null, canManageGuild: true },
      imageDir: config.mapsDir,
      historyFile: path.join(config.dataDir, '.shell_history'),
      terminal: process.stdin.isTTY === true,
      onClose: () => void shutdown('input closed'),
    });
  }

  let stopping = false;
  let scheduler: DigestScheduler | null = null;
  let feedScheduler: FeedScheduler | null = null;
  let watcher: FolderWatcher | null = null;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { reason });
    await scheduler?.stop();
    await feedScheduler?.stop();
    await watcher?.close();
    await transport.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await transport.start(app.handler);

  // After the transport is up: catch up on missed digests, then tick every minute.
  scheduler = createDigestScheduler({
    subscriptions: app.services.subscriptions,
    store: app.services.store,
    geo: app.services.geo,
    transport,
    clock: systemClock,
    log,
    ownsTarget,
  });
  await scheduler.start();

  // Live news (issue 10): feeds from .env join those added with /feeds; the poller ticks every minute.
  if (!primary) return;
  const configured = await app.services.feeds.ensureConfigured(config.feeds.urls);
  if (configured > 0) log.info('feeds from DATELINE_FEEDS registered', { count: configured });
  feedScheduler = startFeedScheduler({
    feeds: app.services.feeds,
    log,
    send: async (target, reply) => {
      // A sharded bot: only the process that owns the guild can post there.
      if (!ownsTarget(target)) return null;
      return transport.send(target, reply);
    },
  });
  if (config.watch.enabled) {
    watcher = watchFolder({ dir: config.watch.dir, deps: app.ingestDeps, log, ignoreDirs: [config.cacheDir, config.mapsDir] });
    await watcher.ready;
    log.info('watching for new story files', { dir: config.watch.dir });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`Dateline failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
