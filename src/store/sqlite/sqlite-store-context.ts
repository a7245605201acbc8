/**
 * What every part of the SQLite article store shares, built once per connection by
 * sqlite-article-store.ts and handed to each part's factory: the connection, its data version with this
 * connection's own writes counted, the stories hidden from a reader (found once per reader), the quote
 * and trend-count tables (read by some parts, written by the write path), reads kept while the store is
 * unchanged, and the two reads several parts make (a set of stories' places, the number of stories).
 * Separate so that no part builds its own copy of state another part must see.
 */
import { isDatelineSpan, type PlaceMention } from '../../geo/types.js';
import type { SqliteDatabase } from './open-database.js';
import { createTrendCounts, type TrendCounts } from './trend-counts-table.js';
import { createSqliteHiddenStories, type SqliteHiddenStories } from './hidden-stories.js';
import type { HiddenStories } from '../hidden-counts.js';
import type { HiddenFrom } from '../hidden-from.js';
import { createQuoteTable, type QuoteTable } from './quote-table.js';

type WindowPlaceRow = [
  articleRowid: number,
  name: string,
  start: number,
  end: number,
  geonameId: number | null,
  countryCode: string | null,
  lat: number | null,
  lon: number | null,
];

export interface SqliteStoreContext {
  readonly db: SqliteDatabase;
  /** `PRAGMA data_version`: moved by other connections' writes (not this one's). */
  readonly dataVersion: () => number;
  /** The data version with this connection's own writes counted: what a kept read is checked against. */
  readonly dataVersionWithOwn: () => number;
  /** Counts a write transaction of this connection that changed the store. */
  readonly noteOwnWrite: () => void;
  readonly quoteTable: QuoteTable;
  readonly hiddenStories: SqliteHiddenStories;
  readonly trendCounts: TrendCounts;
  /** The stories hidden from the reader (none without one): what a server's counts leave out. */
  readonly hiddenFrom: (reader: HiddenFrom | undefined) => HiddenStories | undefined;
  /**
   * A read kept by key while the store is unchanged (its data version and this connection's own writes),
   * for the `size` keys most recently read: what /quote speaker: reads two to four times per page.
   */
  readonly keptWhileUnchanged: <T>(size: number) => (key: string, read: () => T) => T;
  /** The places of a set of stories by rowid, each story's in text order. */
  readonly placesByRowid: (rowids: readonly number[]) => Map<number, PlaceMention[]>;
  /** How many stories are stored (COUNT(*), uncached). */
  readonly countStories: () => number;
}

export function createSqliteStoreContext(db: SqliteDatabase): SqliteStoreContext {
  const q = {
    // The places of a set of stories (rowids as a JSON array), by story and offset.
    placesOfMany: db
      .prepare<[string], WindowPlaceRow>(
        `
        SELECT article_rowid, name, start, end, geoname_id, country_code, lat, lon FROM places
        WHERE article_rowid IN (SELECT value FROM json_each(?)) ORDER BY article_rowid, start`,
      )
      .raw(true),
    dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles'),
  };

  const dataVersion = (): number => q.dataVersion.get()?.data_version ?? 0;
  // `PRAGMA data_version` does not change for this connection's own writes: count those here.
  let ownWrites = 0;
  const dataVersionWithOwn = (): number => dataVersion() + ownWrites;

  const quoteTable = createQuoteTable(db);
  const hiddenStories = createSqliteHiddenStories(db);
  const trendCounts = createTrendCounts(db, hiddenStories);
  // found once per reader (a command's view, hidden-from.ts), however many counts it reads
  const hiddenOf = new WeakMap<HiddenFrom, HiddenStories>();
  const hiddenFrom = (reader: HiddenFrom | undefined): HiddenStories | undefined => {
    if (reader === undefined) return undefined;
    let hidden = hiddenOf.get(reader);
    if (!hidden) hiddenOf.set(reader, (hidden = hiddenStories.of(reader.guildId)));
    return hidden;
  };
  function keptWhileUnchanged<T>(size: number): (key: string, read: () => T) => T {
    const kept = new Map<string, { version: number; value: T }>();
    return (key, read) => {
      const version = dataVersionWithOwn();
      const found = kept.get(key);
      const value = found?.version === version ? found.value : read();
      // re-inserted: the least recently read key goes first
      kept.delete(key);
      kept.set(key, { version, value });
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return value;
    };
  }

  function placesByRowid(rowids: readonly number[]): Map<number, PlaceMention[]> {
    const places = new Map<number, PlaceMention[]>();
    if (rowids.length === 0) return places;
    for (const [rowid, name, start, end, geonameId, countryCode, lat, lon] of q.placesOfMany.all(JSON.stringify(rowids))) {
      let list = places.get(rowid);
      if (!list) places.set(rowid, (list = []));
      const m: PlaceMention = { name, start, end, geonameId, countryCode, lat, lon };
      list.push(isDatelineSpan(m) ? { ...m, dateline: true } : m);
    }
    return places;
  }

  return {
    db,
    dataVersion,
    dataVersionWithOwn,
    noteOwnWrite: () => {
      ownWrites++;
    },
    quoteTable,
    hiddenStories,
    trendCounts,
    hiddenFrom,
    keptWhileUnchanged,
    placesByRowid,
    countStories: () => q.count.get()?.n ?? 0,
  };
}
