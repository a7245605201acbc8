/**
 * What every part of the PostgreSQL article store shares, built once per store by pg-article-store.ts
 * and handed to each part's factory: the pool, the pool planned without plain index scans, the data
 * version, the stories hidden from a reader (found once per reader however many parts count for it),
 * and reads kept while the data version holds. Separate so that no part builds its own copy of state
 * another part must see, and so each part's module says by its one argument what it depends on.
 */
import type { HiddenFrom } from '../hidden-from.js';
import type { HiddenStories } from '../hidden-counts.js';
import type { PgPool } from './pg-database.js';
import { createPgHiddenStories, type PgHiddenStories } from './pg-hidden-stories.js';

/** How long the lexeme statistics read from pg_stats are kept. */
export const STATS_TTL_MS = 10 * 60_000;

export interface PgStoreContext {
  readonly pool: PgPool;
  /** A pool on the same store whose sessions plan without plain index scans (openIndexlessPool). */
  readonly indexless: PgPool;
  /** The `data_version` sequence's value (0 before the first write): every write moves it. */
  readonly dataVersion: () => Promise<number>;
  readonly hiddenStories: PgHiddenStories;
  /** The stories hidden from the reader: null without one, or when none is. What a server's counts leave out. */
  readonly hiddenFrom: (reader: HiddenFrom | undefined) => Promise<HiddenStories | null>;
  /**
   * A read kept by key while the data version holds (and at most STATS_TTL_MS, as the lexeme statistics
   * some answers depend on are), for the `size` keys most recently read. Checking the version is one
   * statement; the first read of a key asks for it beside the work, so it waits for nothing more.
   */
  readonly keptWhileUnchanged: <T>(size: number) => (key: string, read: () => Promise<T>) => Promise<T>;
}

export function createPgStoreContext(pool: PgPool, indexless: PgPool): PgStoreContext {
  const hiddenStories = createPgHiddenStories(pool);
  // found once per reader (a command's view, hidden-from.ts), however many counts it reads
  const hiddenOf = new WeakMap<HiddenFrom, Promise<HiddenStories>>();
  const hiddenFrom = async (reader: HiddenFrom | undefined): Promise<HiddenStories | null> => {
    if (reader === undefined) return null;
    let found = hiddenOf.get(reader);
    if (!found) {
      hiddenOf.set(reader, (found = hiddenStories.of(reader.guildId)));
      // a failed read is not kept: the next count asks again
      found.catch(() => hiddenOf.delete(reader));
    }
    const hidden = await found;
    return hidden.size > 0 ? hidden : null;
  };

  const dataVersion = async (): Promise<number> => {
    const row = (await pool.query<{ v: number; called: boolean }>('SELECT last_value AS v, is_called AS called FROM data_version'))
      .rows[0]!;
    return row.called ? row.v : 0;
  };

  function keptWhileUnchanged<T>(size: number): (key: string, read: () => Promise<T>) => Promise<T> {
    const kept = new Map<string, { version: number; at: number; value: T }>();
    return async (key, read) => {
      const found = kept.get(key);
      const version = dataVersion();
      if (found && Date.now() - found.at < STATS_TTL_MS && found.version === (await version)) return found.value;
      version.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      const value = await read();
      kept.delete(key);
      kept.set(key, { version: await version, at: Date.now(), value });
      // the least recently read key goes first
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return value;
    };
  }

  return { pool, indexless, dataVersion, hiddenStories, hiddenFrom, keptWhileUnchanged };
}
