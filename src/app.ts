import type { Command, CommandJson } from './core/command.js';
import type { Clock } from './core/clock.js';
import { createCommandRegistry } from './core/dispatch.js';
import type { Logger } from './core/logger.js';
import type { Services } from './core/services.js';
import type { GeoService } from './geo/types.js';
import { createAnalyzer } from './ingest/analyze.js';
import { ingestPaths, type IngestDeps, type IngestTally } from './ingest/ingest.js';
import type { ArticleStore } from './store/article-store.js';
import { openDatabase } from './store/sqlite/open-database.js';
import { createSqliteArticleStore } from './store/sqlite/sqlite-article-store.js';
import { loadGeoService } from './geo/geo-service.js';

/** The running pieces, built once by the composition root and shared by every transport. */
export interface App {
  services: Services;
  registry: ReadonlyMap<string, Command>;
  definitions: ReadonlyMap<string, CommandJson>;
  ingest(paths: readonly string[], onProgress?: IngestDeps['onProgress']): Promise<IngestTally>;
  close(): void;
}

export interface AppOptions {
  dbPath: string;
  cacheDir?: string;
  commands: readonly Command[];
  clock: Clock;
  log: Logger;
  /** Tests pass a shared, already loaded gazetteer to save its load time. */
  geo?: GeoService;
}

export function openArticleStore(dbPath: string): ArticleStore {
  return createSqliteArticleStore(openDatabase(dbPath));
}

export async function createApp(options: AppOptions): Promise<App> {
  const registry = createCommandRegistry(options.commands);
  const definitions = new Map([...registry.values()].map((c) => [c.data.name, c.data.toJSON()]));
  const geo = options.geo ?? (await loadGeoService(options.cacheDir ? { cacheDir: options.cacheDir } : {}));
  const store = openArticleStore(options.dbPath);
  const services: Services = { store, geo, clock: options.clock, log: options.log };
  const analyze = createAnalyzer({ geo });
  return {
    services,
    registry,
    definitions,
    ingest: (paths, onProgress) => ingestPaths(paths, { store, analyze, now: () => options.clock.now(), ...(onProgress ? { onProgress } : {}) }),
    close: () => store.close(),
  };
}
