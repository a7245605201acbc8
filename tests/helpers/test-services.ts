import path from 'node:path';
import { commands as allCommands } from '../../commands/index.js';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import type { Caller, Command } from '../../src/core/command.js';
import { createFixedClock, type Clock } from '../../src/core/clock.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import type { Services } from '../../src/core/services.js';
import { loadGeoService } from '../../src/geo/geo-service.js';
import type { GeoService } from '../../src/geo/types.js';
import { makeTempDir, repoRoot, sampleArticle } from './paths.js';

export interface TestServicesOptions {
  /** Files or folders to ingest; default: the sample article. */
  files?: string[];
  clock?: Clock;
  commands?: readonly Command[];
  /** Feed service options, e.g. `{ allowPrivateAddresses: true }` for feeds served on 127.0.0.1. */
  feedOptions?: AppOptions['feedOptions'];
  /** Per-server limits, as config's DATELINE_GUILD_MAX_* give them. */
  tenancy?: AppOptions['tenancy'];
}

export type TestServices = Services & {
  app: App;
  dbPath: string;
  close(): Promise<void>;
};

let sharedGeo: Promise<GeoService> | null = null;

/** The gazetteer is read-only: load it once per test file and share it. */
export function testGeo(): Promise<GeoService> {
  sharedGeo ??= loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
  return sharedGeo;
}

/**
 * Real services over a temp SQLite store with the given files ingested through the real
 * pipeline: what the bot runs, minus the transport.
 */
export async function createTestServices(options: TestServicesOptions = {}): Promise<TestServices> {
  const temp = makeTempDir();
  const dbPath = path.join(temp.dir, 'test.db');
  const app = await createApp({
    dbPath,
    commands: options.commands ?? allCommands,
    clock: options.clock ?? createFixedClock(new Date('2026-01-01T00:00:00Z')),
    log: createMemoryLogger(),
    geo: await testGeo(),
    ...(options.feedOptions ? { feedOptions: options.feedOptions } : {}),
    ...(options.tenancy ? { tenancy: options.tenancy } : {}),
  });
  const tally = await app.ingest(options.files ?? [sampleArticle]);
  if (tally.rejected > 0) throw new Error(`test input rejected: ${JSON.stringify(tally.errors)}`);
  return {
    ...app.services,
    app,
    dbPath,
    close: async () => {
      await app.close();
      temp.cleanup();
    },
  };
}

export const testCaller: Caller = { userId: 'tester', userName: 'tester', channelId: 'test-channel', guildId: null, canManageGuild: true };

/** Run a typed command line (`/summary length:2`) as the shell and `dateline ask` do. */
export async function askCommand(services: TestServices, line: string, caller: Caller = testCaller): Promise<Reply> {
  return services.app.handler.answer({ line, caller });
}
