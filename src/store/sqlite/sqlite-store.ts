import type { DatelineStore } from '../store.js';
import { promising } from '../synchronous.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteArticleParts } from './sqlite-article-store.js';
import { createSqliteFeedStore } from './sqlite-feed-store.js';
import { createSqliteSubscriptionStore } from './sqlite-subscription-store.js';

/**
 * The whole store on one SQLite connection: one WAL, one set of migrations. better-sqlite3 answers
 * synchronously; each part is wrapped into the Promise-returning contract (`promising`).
 */
function feedStore(db: SqliteDatabase): DatelineStore['feeds'] {
  const { commitItems, ...rest } = createSqliteFeedStore(db);
  return { ...promising<Omit<DatelineStore['feeds'], 'commitItems'>>(rest), commitItems };
}

export function createSqliteStore(db: SqliteDatabase): DatelineStore {
  const parts = createSqliteArticleParts(db);
  return {
    kind: 'sqlite',
    stories: promising(parts.stories),
    quotes: promising(parts.quotes),
    places: promising(parts.places),
    digest: promising(parts.digest),
    subscriptions: promising(createSqliteSubscriptionStore(db)),
    feeds: feedStore(db),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

/** Open (creating and migrating if needed) the SQLite store in `file`. */
export function openSqliteStore(file: string, options: { busyTimeoutMs?: number } = {}): DatelineStore {
  return createSqliteStore(openDatabase(file, [], options));
}
