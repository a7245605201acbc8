import path from 'node:path';
import { createFixedClock } from '../../src/core/clock.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { digestFeatures } from '../../src/digest/story-features.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../../src/digest/scheduler.js';
import type { NewArticle } from '../../src/store/article-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import type { SubscriptionInput, SubscriptionStore } from '../../src/store/subscription-store.js';
import { makeTempDir } from '../helpers/paths.js';
import { createRecordingTransport, type RecordingTransport } from '../helpers/recording-transport.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';

/** A hand-written story published at `published` (short invented sentences, no corpus text). */
export function story(headline: string, body: string, published: string, source = 'Test Wire'): NewArticle {
  return {
    source,
    published,
    publishedZone: 'UTC',
    editor: null,
    datelinePlace: null,
    headline,
    headlineDerived: false,
    caption: null,
    captionCredit: null,
    body,
    url: null,
    origin: 'test',
  };
}

/** One connection to the test database: what one bot process holds. */
export interface Process {
  store: DatelineStore;
  subscriptions: SubscriptionStore;
  close(): Promise<void>;
}

export interface DigestFixture {
  dbPath: string;
  clock: ReturnType<typeof createFixedClock>;
  transport: RecordingTransport;
  log: ReturnType<typeof createMemoryLogger>;
  main: Process;
  /** Open another connection to the same database file (a second process). */
  connect(): Process;
  addStories(stories: NewArticle[]): Promise<void>;
  subscribe(input: Partial<SubscriptionInput> & Pick<SubscriptionInput, 'channelId' | 'time' | 'timezone'>, at?: Date): Promise<number>;
  scheduler(process?: Process, options?: Partial<DigestSchedulerOptions>): DigestScheduler;
  /** Tick `scheduler` every minute from `from` to `to` (inclusive of `from`, exclusive of `to`). */
  runMinutes(scheduler: DigestScheduler | DigestScheduler[], from: string, to: string): Promise<void>;
  close(): Promise<void>;
}

export function createDigestFixture(start = '2024-01-01T00:00:00Z'): DigestFixture {
  const temp = makeTempDir('dateline-digest-');
  const dbPath = path.join(temp.dir, 'digest.db');
  const clock = createFixedClock(new Date(start));
  const transport = createRecordingTransport(clock);
  const log = createMemoryLogger();
  const processes: Process[] = [];
  const connect = (): Process => {
    const store = openSqliteStore(dbPath);
    const p = { store, subscriptions: store.subscriptions, close: () => store.close() };
    processes.push(p);
    return p;
  };
  const main = connect();
  let owners = 0;
  return {
    dbPath,
    clock,
    transport,
    log,
    main,
    connect,
    addStories: async (stories) => {
      // As ingest hands stories over: with the digest's features, which digest/ computes.
      await main.store.stories.addArticles(
        stories.map((article) => {
          const analysis = simpleAnalyze(article);
          return { article, analysis: { ...analysis, digest: digestFeatures(article, analysis.sentences, analysis.places) } };
        }),
      );
    },
    subscribe: async (input, at = clock.now()) =>
      (await main.subscriptions.subscribe({ guildId: null, about: null, quiet: false, createdBy: 'tester', ...input }, at)).subscription.id,
    scheduler: (p = main, options = {}) => {
      owners += 1;
      return createDigestScheduler({
        subscriptions: p.subscriptions,
        store: p.store,
        transport,
        clock,
        log,
        owner: `process-${owners}`,
        ...options,
      });
    },
    runMinutes: async (scheduler, from, to) => {
      const list = Array.isArray(scheduler) ? scheduler : [scheduler];
      for (let t = Date.parse(from); t < Date.parse(to); t += 60_000) {
        clock.set(new Date(t));
        await Promise.all(list.map((s) => s.tick(new Date(t))));
      }
    },
    close: async () => {
      for (const p of processes) {
        try {
          await p.close();
        } catch {
          // already closed
        }
      }
      temp.cleanup();
    },
  };
}
