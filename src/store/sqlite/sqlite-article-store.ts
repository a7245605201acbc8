import type { StoryStore } from '../story-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { PlaceStore } from '../place-store.js';
import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { Synchronous } from '../synchronous.js';
import type { SqliteDatabase } from './open-database.js';
import { createSqliteStoreContext } from './sqlite-store-context.js';
import { createSqliteStoryReads } from './sqlite-story-reads.js';
import { createSqliteTextSearch } from './sqlite-text-search.js';
import { createSqliteQuoteReads } from './sqlite-quote-reads.js';
import { createSqlitePlaceReads } from './sqlite-place-reads.js';
import { createSqliteDigestReads } from './sqlite-digest-reads.js';
import { createSqliteStaleStories } from './sqlite-stale-stories.js';
import { createSqliteArticleWrites } from './sqlite-article-writes.js';

/** The article parts of the store as SQLite implements them: synchronous (see `promising`). */
export interface SqliteArticleParts {
  stories: Synchronous<StoryStore>;
  quotes: Synchronous<QuoteStore>;
  places: Synchronous<PlaceStore>;
  digest: Synchronous<DigestFeatureStore>;
}

/**
 * The SQLite implementation of the story, quote, place and digest-feature stores, sharing one
 * connection and its prepared statements. This folder is the only code that speaks SQLite, so the
 * PostgreSQL store can replace it without touching commands or services.
 *
 * Each store part's methods come from the module that does that kind of work, all built on one shared
 * context (sqlite-store-context.ts): story reads (sqlite-story-reads.ts), full-text search and headline
 * suggestions (sqlite-text-search.ts), quote reads (sqlite-quote-reads.ts), place reads
 * (sqlite-place-reads.ts), the digest's reads (sqlite-digest-reads.ts), the stories re-analysis must
 * redo (sqlite-stale-stories.ts), every write (sqlite-article-writes.ts); per-day counts for /trend are
 * the trend-counts table's (trend-counts-table.ts), asked for the reader's visible stories.
 */
export function createSqliteArticleParts(db: SqliteDatabase): SqliteArticleParts {
  const ctx = createSqliteStoreContext(db);
  const { hiddenFrom, trendCounts } = ctx;
  const storyReads = createSqliteStoryReads(ctx);
  const textSearch = createSqliteTextSearch(ctx, storyReads.latest);
  const quoteReads = createSqliteQuoteReads(ctx, textSearch);
  const placeReads = createSqlitePlaceReads(ctx);
  const digestReads = createSqliteDigestReads(ctx);
  const staleStories = createSqliteStaleStories(ctx);
  const writes = createSqliteArticleWrites(ctx, {
    forgetStoryCount: storyReads.forgetCount,
    forgetPlaceCounts: placeReads.forgetPlaceCounts,
  });
  return {
    stories: {
      addArticles: writes.addArticles,
      getById: storyReads.getById,
      identities: storyReads.identities,
      getAnalysis: storyReads.getAnalysis,
      latest: storyReads.latest,
      publishedBetween: storyReads.publishedBetween,
      storiesBetween: storyReads.storiesBetween,
      storiesPage: storyReads.storiesPage,
      staleSentenceStories: staleStories.staleSentenceStories,
      countStaleSentenceStories: staleStories.countStaleSentenceStories,
      replaceSentences: writes.replaceSentences,
      search: textSearch.search,
      searchDayCounts: (query, range, reader) => trendCounts.searchDays(query, range, hiddenFrom(reader)),
      suggestHeadlines: textSearch.suggestHeadlines,
      count: storyReads.count,
      dataVersion: ctx.dataVersionWithOwn,
    },
    quotes: {
      findQuotes: quoteReads.findQuotes,
      suggestSpeakers: quoteReads.suggestSpeakers,
      speakersNamed: quoteReads.speakersNamed,
      staleQuoteStories: staleStories.staleQuoteStories,
      countStaleQuoteStories: staleStories.countStaleQuoteStories,
      replaceQuotes: writes.replaceQuotes,
      speakerDayCounts: (speakers, range, reader) => trendCounts.speakerDays(speakers, range, hiddenFrom(reader)),
    },
    places: {
      findPlaceMentions: placeReads.findPlaceMentions,
      placeIdsOf: placeReads.placeIdsOf,
      countPlaceMentions: placeReads.countPlaceMentions,
      placeMentionMonths: placeReads.placeMentionMonths,
      placeDayCounts: (ids, range, reader) => trendCounts.placeDays(ids, range, hiddenFrom(reader)),
      stalePlaceStories: staleStories.stalePlaceStories,
      countStalePlaceStories: staleStories.countStalePlaceStories,
      replacePlaces: writes.replacePlaces,
      placeMentionCounts: placeReads.placeMentionCounts,
    },
    digest: {
      digestCandidates: digestReads.digestCandidates,
      digestTermStories: digestReads.digestTermStories,
      digestDetails: digestReads.digestDetails,
      dayHeadlineShapes: digestReads.dayHeadlineShapes,
      headlineShapesBetween: digestReads.headlineShapesBetween,
      dataVersion: ctx.dataVersionWithOwn,
      storiesForFeatures: digestReads.storiesForFeatures,
      featurelessStories: digestReads.featurelessStories,
      finishFeatureBackfill: digestReads.finishFeatureBackfill,
      saveDigestFeatures: writes.saveDigestFeatures,
    },
  };
}
