import type { DatelineStore } from '../store.js';
import { createPgArticleParts } from './pg-article-store.js';
import { openIndexlessPool, openPool } from './pg-database.js';
import { createPgFeedStore } from './pg-feed-store.js';
import { createPgSubscriptionStore } from './pg-subscription-store.js';
import { countCommonWords } from './pg-word-days.js';

/**
 * The whole store on one PostgreSQL connection pool, migrated on open: what several bot processes
 * (on one machine or several) share. SQLite stays the embedded default.
 */
export async function openPgStore(url: string, options: { max?: number } = {}): Promise<DatelineStore> {
  const pool = await openPool(url, options);
  const indexless = openIndexlessPool(url);
  const parts = createPgArticleParts(pool, indexless);
  // The words common enough to have their stories kept as bits (pg-word-days.ts): a store from before migration 14 is backfilled here.
  try {
    await countCommonWords(pool);
  } catch (error) {
    await Promise.all([pool.end(), indexless.end()]).catch(() => undefined);
    throw error;
  }
  return {
    kind: 'postgres',
    ...parts,
    subscriptions: createPgSubscriptionStore(pool),
    feeds: createPgFeedStore(pool),
    close: async () => {
      await Promise.all([pool.end(), indexless.end()]);
    },
  };
}
