import type { Command, CommandJson } from './core/command.js';
import type { Clock } from './core/clock.js';
import { createCommandHandler, type CommandHandler } from './core/command-handler.js';
import type { Logger } from './core/logger.js';
import type { Services, TenancySettings } from './core/services.js';
import type { GeoService } from './geo/types.js';
import { createAnalyzer } from './ingest/analyze.js';
import { startAnalyzerPool, type AnalyzerPool } from './ingest/analyzer-pool.js';
import { ingestPaths, type IngestDeps, type IngestTally } from './ingest/ingest.js';
import { withOffThreadAnalysis, type Analyzer } from './ingest/ingest-records.js';
import type { ArticleAnalysis, NewArticle } from './store/article-store.js';
import type { DatelineStore } from './store/store.js';
import { openStore } from './store/open-store.js';
import { isPostgresUrl } from './store/store-location.js';
import { backfillDigestFeatures } from './digest/backfill-features.js';
import { loadGeoService } from './geo/geo-service.js';
import { createFeedService, type FeedServiceDeps } from './feeds/feed-service.js';
import { feedUserAgent } from './feeds/fetch-feed.js';
import type { Config } from './config.js';

/** The running pieces, built once by the composition root and shared by every transport. */
export interface App {
  services: Services;
  /** Input to reply, for every transport (shell, Discord, `dateline ask`, tests). */
  handler: CommandHandler;
  registry: ReadonlyMap<string, Command>;
  definitions: ReadonlyMap<string, CommandJson>;
  ingest(
    paths: readonly string[],
    onProgress?: IngestDeps['onProgress'],
    extra?: Pick<IngestDeps, 'signal' | 'skipFile' | 'onFileDone' | 'commitTargetMs'>,
  ): Promise<IngestTally>;
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
  feedOptions?: Pick<FeedServiceDeps, 'fetch' | 'defaultIntervalMinutes' | 'allowPrivateAddresses' | 'lookup' | 'treatAsPublic'>;
  /** Per-server limits (config `tenancy`); none when absent (tests, embedders). */
  tenancy?: TenancySettings;
  /** Default zone of digest subscriptions (config `timezone`); UTC when not given. */
  timezone?: string;
  /**
   * Analyzer threads for bulk ingest (files of thousands of stories): 0 or absent analyses inline
   * (tests, embedders); null one per core. The bot and CLI pass config's `ingestThreads`.
   */
  ingestThreads?: number | null;
  /**
   * The bot's mode (issue 18): every analysis (first-start load, watched folder, feeds) runs in
   * worker threads (`ingestThreads` of them, one per core when null; 0 keeps it inline), and the
   * store connection waits at most `busyTimeoutMs` for another writer's lock, retrying asynchronously.
   */
  offThreadAnalysis?: boolean;
  busyTimeoutMs?: number;
  /** Story bodies over this many UTF-8 bytes are rejected (config `maxBodyBytes`). */
  maxBodyBytes?: number;
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
    maxBodyBytes: config.maxBodyBytes,
    tenancy: config.tenancy,
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
 * The analyzer every ingest path of the app shares. In the bot's mode it carries a pool of worker
 * threads, started on first use and restarted after a failure, so no story is analysed on the
 * thread that answers commands (issue 18: a /where waited 22.9 s behind a watched-folder ingest).
 */
function offThreadAnalyzer(options: AppOptions, inline: (article: NewArticle) => ArticleAnalysis): { analyze: Analyzer; close(): void } {
  if (!options.offThreadAnalysis || options.ingestThreads === 0) return { analyze: inline, close: () => undefined };
  let pool: AnalyzerPool | null = null;
  let closed = false;
  // the threads store too when the store is a file they can open (not `:memory:`, not a PostgreSQL server)
  const dbPath = options.dbPath === ':memory:' || isPostgresUrl(options.dbPath) ? undefined : options.dbPath;
  const start = (): AnalyzerPool =>
    startAnalyzerPool({
      ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
      ...(typeof options.ingestThreads === 'number' ? { threads: options.ingestThreads } : {}),
      ...(dbPath !== undefined ? { dbPath } : {}),
    });
  const withPool = async <T>(use: (pool: AnalyzerPool) => Promise<T>): Promise<T> => {
    if (closed) throw new Error('the app is closed');
    const current = (pool ??= start());
    try {
      return await use(current);
    } catch (error) {
      // a dead thread fails the pool for good: the next batch starts a fresh one
      if (pool === current) pool = null;
      void current.close();
      throw error;
    }
  };
  const analyze = withOffThreadAnalysis(
    inline,
    (articles) => withPool((p) => p.analyzeAll(articles)),
    dbPath === undefined
      ? undefined
      : (articles) =>
          withPool((p) => (p.analyzeAndStore ? p.analyzeAndStore(articles) : Promise.reject(new Error('no store in the threads')))),
  );
  return {
    analyze,
    close: () => {
      closed = true;
      void pool?.close();
      pool = null;
    },
  };
}

/**
 * Open the store at `location` and finish what its migrations left to the domain (digest features of
 * stories stored before they existed): what every entry point (bot, CLI, bench, tests) opens.
 */
export async function openDatelineStore(location: string, options: { busyTimeoutMs?: number } = {}): Promise<DatelineStore> {
  const store = await openStore(location, options);
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
  const store = await openDatelineStore(
    options.dbPath,
    options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {},
  );
  const threads = offThreadAnalyzer(options, createAnalyzer({ geo }));
  const analyze = threads.analyze;
  const limits = options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {};
  const feeds = createFeedService({
    feedStore: store.feeds,
    store: store.stories,
    analyze,
    clock: options.clock,
    log: options.log,
    ...options.feedOptions,
    ...(options.tenancy
      ? { maxFeedsPerGuild: options.tenancy.maxFeedsPerGuild, storyVisibility: options.tenancy.feedStories ?? 'shared' }
      : {}),
  });
  const subscriptions = store.subscriptions;
  const services: Services = {
    store,
    geo,
    clock: options.clock,
    log: options.log,
    feeds,
    subscriptions,
    defaultTimeZone: options.timezone ?? 'UTC',
    ...(options.tenancy ? { tenancy: options.tenancy } : {}),
  };
  const handler = createCommandHandler(options.commands, services);
  return {
    services,
    handler,
    registry: handler.registry,
    definitions: handler.definitions,
    ingestDeps: { store: store.stories, analyze, now: () => options.clock.now(), ...limits },
    ingest: (paths, onProgress, extra = {}) =>
      ingestPaths(paths, {
        store: store.stories,
        analyze,
        now: () => options.clock.now(),
        excludeDirs: [options.cacheDir, options.mapsDir].filter((d): d is string => d !== undefined),
        ...limits,
        ...extra,
        ...(onProgress ? { onProgress } : {}),
        ...(options.offThreadAnalysis ? {} : analyzerThreads(options)),
      }),
    close: async () => {
      threads.close();
      await store.close();
    },
  };
}
