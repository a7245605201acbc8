import type { Command, CommandJson } from './core/command.js';
import type { Clock } from './core/clock.js';
import { createCommandHandler, type CommandHandler } from './core/command-handler.js';
import type { Logger } from './core/logger.js';
import type { Services } from './core/services.js';
import type { GeoService } from './geo/types.js';
import { createAnalyzer } from './ingest/analyze.js';
import { ingestPaths, type IngestDeps, type IngestTally } from './ingest/ingest.js';
import type { DatelineStore } from './store/store.js';
import { openStore } from './store/open-store.js';
import { loadGeoService } from './geo/geo-service.js';
import { createFeedService, type FeedServiceDeps } from './feeds/feed-service.js';
import { backfillDigestFeatures } from './digest/backfill-features.js';
import { feedUserAgent } from './feeds/fetch-feed.js';
import type { Config } from './config.js';

/** The running pieces, built once by the composition root and shared by every transport. */
export interface App {
  services: Services;
  /** Input to reply, for every transport (shell, Discord, `dateline ask`, tests). */
  handler: CommandHandler;
  registry: ReadonlyMap<string, Command>;
  definitions: ReadonlyMap<string, CommandJson>;
  ingest(paths: readonly string[], onProgress?: IngestDeps['onProgress']): Promise<IngestTally>;
  /** What `ingestFile` needs: the folder watcher ingests through the same store and analyzer. */
  ingestDeps: IngestDeps;
  close(): Promise<void>;
}

export interface AppOptions {
  dbPath: string;
  cacheDir?: string;
  /** Where the shell saves map images: like the cache, never read as stories. */
  mapsDir?: string;
  commands: readonly Command[];
  clock: Clock;
  log: Logger;
  /** Tests pass a shared, already loaded gazetteer to save its load time. */
  geo?: GeoService;
  /** Feed fetch limits and the default poll interval (config; tests shrink the limits). */
  feedOptions?: Pick<FeedServiceDeps, 'fetch' | 'defaultIntervalMinutes' | 'allowPrivateAddresses' | 'lookup'>;
  /** Default zone of digest subscriptions (config `timezone`); UTC when not given. */
  timezone?: string;
  /**
   * Analyzer threads for bulk ingest (files of thousands of stories): 0 or absent analyses inline
   * (tests, embedders); null one per core. The bot and CLI pass config's `ingestThreads`.
   */
  ingestThreads?: number | null;
}

/** The options every entry point (bot, CLI) derives from config: built in one place so they cannot drift. */
export function appOptionsFromConfig(config: Config, deps: Pick<AppOptions, 'commands' | 'clock' | 'log'>): AppOptions {
  return {
    ...deps,
    dbPath: config.dbPath,
    cacheDir: config.cacheDir,
    mapsDir: config.mapsDir,
    timezone: config.timezone,
    ingestThreads: config.ingestThreads,
    feedOptions: {
      defaultIntervalMinutes: config.feeds.intervalMinutes,
      fetch: { userAgent: feedUserAgent(config.feeds.contact) },
      allowPrivateAddresses: config.feeds.allowPrivate,
    },
  };
}

/** The worker-thread option of bulk ingest, from the app's options (threads load the app's gazetteer cache). */
function analyzerThreads(options: AppOptions): Pick<IngestDeps, 'workers'> {
  if (options.ingestThreads === undefined || options.ingestThreads === 0) return {};
  return {
    workers: {
      ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
      ...(options.ingestThreads !== null ? { threads: options.ingestThreads } : {}),
    },
  };
}

/**
 * Open the store at `location` and finish what its migrations left to the domain (digest features of
 * stories stored before they existed): what every entry point (bot, CLI, bench, tests) opens.
 */
export async function openDatelineStore(location: string): Promise<DatelineStore> {
  const store = await openStore(location);
  try {
    await backfillDigestFeatures(store.digest);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

export async function createApp(options: AppOptions): Promise<App> {
  const geo = options.geo ?? (await loadGeoService(options.cacheDir ? { cacheDir: options.cacheDir } : {}));
  // One store for articles, feeds and subscriptions: one connection (or pool), one set of migrations.
  const store = await openDatelineStore(options.dbPath);
  const analyze = createAnalyzer({ geo });
  const feeds = createFeedService({ feedStore: store.feeds, store: store.stories, analyze, clock: options.clock, log: options.log, ...options.feedOptions });
  const subscriptions = store.subscriptions;
  const services: Services = { store, geo, clock: options.clock, log: options.log, feeds, subscriptions, defaultTimeZone: options.timezone ?? 'UTC' };
  const handler = createCommandHandler(options.commands, services);
  return {
    services,
    handler,
    registry: handler.registry,
    definitions: handler.definitions,
    ingestDeps: { store: store.stories, analyze, now: () => options.clock.now() },
    ingest: (paths, onProgress) =>
      ingestPaths(paths, {
        store: store.stories,
        analyze,
        now: () => options.clock.now(),
        excludeDirs: [options.cacheDir, options.mapsDir].filter((d): d is string => d !== undefined),
        ...(onProgress ? { onProgress } : {}),
        ...analyzerThreads(options),
      }),
    close: () => store.close(),
  };
}
