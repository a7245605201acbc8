import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createApp, type App } from '../../src/app.js';
import { systemClock } from '../../src/core/clock.js';
import { dispatchCommand } from '../../src/core/dispatch.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { makeTempDir, repoRoot, writeCorpusSlice } from '../helpers/paths.js';
import { testCaller, testGeo } from '../helpers/test-services.js';

/**
 * Issue 18: a /where during a watched-folder ingest was answered after 22.9 s. In the bot's mode
 * (analysis and commits in worker threads, planning time-sliced) the event loop stays free. The
 * bench measures the figure (bench/ingest-event-loop.ts); this test only catches a regression to
 * whole-file blocking, with bounds generous enough for a shared machine.
 */
describe('the event loop during an ingest in the bot mode', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let app: App;
  beforeAll(async () => {
    temp = makeTempDir();
    app = await createApp({
      dbPath: path.join(temp.dir, 'bot.db'),
      cacheDir: path.join(repoRoot, 'data/cache'),
      commands,
      clock: systemClock,
      log: createMemoryLogger(),
      geo: await testGeo(),
      offThreadAnalysis: true,
      busyTimeoutMs: 50,
      ingestThreads: 1,
    });
  });
  afterAll(async () => {
    await app.close();
    temp.cleanup();
  });

  it('answers commands within a fraction of a second while a file of 400 stories goes in', async () => {
    const file = writeCorpusSlice(temp.dir, 400);
    const where = async (): Promise<number> => {
      const t0 = performance.now();
      await dispatchCommand(app.registry, 'where', {
        options: { place: 'Raqqa' },
        subcommand: null,
        caller: testCaller,
        services: app.services,
      });
      return performance.now() - t0;
    };
    await where();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let ingesting = true;
    const asked: number[] = [];
    const asking = (async () => {
      while (ingesting) {
        const issued = performance.now();
        await new Promise((r) => setTimeout(r, 100));
        await where();
        asked.push(performance.now() - issued - 100);
      }
    })();
    const tally = await ingestFile(file, app.ingestDeps);
    ingesting = false;
    await asking;
    delay.disable();
    expect(tally.rejected).toBe(0);
    expect(tally.added).toBeGreaterThan(350);
    expect(await app.services.store.stories.count()).toBe(tally.added);
    expect(asked.length).toBeGreaterThan(2);
    // inline and unsliced, the loop was blocked for the whole file (seconds)
    expect(delay.percentile(99) / 1e6).toBeLessThan(250);
    expect(Math.max(...asked)).toBeLessThan(1000);
    fs.rmSync(file);
  }, 120_000);
});
