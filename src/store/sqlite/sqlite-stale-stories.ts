/**
 * The stories a newer analyzer must redo (`dateline reanalyze`): a batch of those whose sentences,
 * quotes or places an older version found (or that kept no version), and how many there are in all.
 * Separate from the replace* writes that follow these reads (sqlite-article-writes.ts) because it
 * only reads.
 */
import type { StoryStore } from '../story-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { PlaceStore } from '../place-store.js';
import type { Synchronous } from '../synchronous.js';
import { staleSinceMs, staleStoriesSql } from './stale-analysis.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';

export interface SqliteStaleStories {
  staleSentenceStories: Synchronous<StoryStore>['staleSentenceStories'];
  countStaleSentenceStories: Synchronous<StoryStore>['countStaleSentenceStories'];
  staleQuoteStories: Synchronous<QuoteStore>['staleQuoteStories'];
  countStaleQuoteStories: Synchronous<QuoteStore>['countStaleQuoteStories'];
  stalePlaceStories: Synchronous<PlaceStore>['stalePlaceStories'];
  countStalePlaceStories: Synchronous<PlaceStore>['countStalePlaceStories'];
}

export function createSqliteStaleStories(ctx: SqliteStoreContext): SqliteStaleStories {
  const { db, quoteTable } = ctx;
  const q = {
    staleSentences: db.prepare<[number, number, number], { id: string; body: string }>(
      `SELECT a.id, a.body ${staleStoriesSql('sentence_analysis')} ORDER BY a.rowid LIMIT ?`,
    ),
    countStaleSentences: db.prepare<[number, number], number>(`SELECT COUNT(*) ${staleStoriesSql('sentence_analysis')}`).pluck(true),
    stalePlaces: db
      .prepare<[number, number, number], string>(`SELECT a.id ${staleStoriesSql('place_analysis')} ORDER BY a.rowid LIMIT ?`)
      .pluck(true),
    countStalePlaces: db.prepare<[number, number], number>(`SELECT COUNT(*) ${staleStoriesSql('place_analysis')}`).pluck(true),
  };

  return {
    staleSentenceStories: (version, since, limit) => q.staleSentences.all(version, staleSinceMs(since), limit),
    countStaleSentenceStories: (version, since) => q.countStaleSentences.get(version, staleSinceMs(since)) ?? 0,
    staleQuoteStories: (version, since, limit) => quoteTable.stale(version, since ? since.getTime() : null, limit),
    countStaleQuoteStories: (version, since) => quoteTable.countStale(version, since ? since.getTime() : null),
    stalePlaceStories: (version, since, limit) => q.stalePlaces.all(version, staleSinceMs(since), limit),
    countStalePlaceStories: (version, since) => q.countStalePlaces.get(version, staleSinceMs(since)) ?? 0,
  };
}
