import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { PlaceStore } from '../place-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { StoryStore } from '../story-store.js';
import type { PgPool } from './pg-database.js';
import { createPgStoreContext } from './pg-store-context.js';
import { createPgStoryReads } from './pg-story-reads.js';
import { createPgTextSearch } from './pg-text-search.js';
import { createPgQuoteReads } from './pg-quote-reads.js';
import { createPgPlaceReads } from './pg-place-reads.js';
import { createPgDayCounts } from './pg-day-counts.js';
import { createPgDigestReads } from './pg-digest-reads.js';
import { createPgStaleStories } from './pg-stale-stories.js';
import { createPgArticleWrites } from './pg-article-writes.js';

export interface PgArticleParts {
  stories: StoryStore;
  quotes: QuoteStore;
  places: PlaceStore;
  digest: DigestFeatureStore;
}

/**
 * Stories, quotes, places and digest features on PostgreSQL: the same contract as the SQLite parts
 * (tests/store/store-contract.ts runs on both). Full text is the `tsv` vector (headline weight A, body
 * B), matched in article_search (the vector with each story's seq and date, in narrow rows, and its GIN
 * index) with websearch_to_tsquery; ranking is bounded to the newest
 * SEARCH_CANDIDATES matches, as the SQLite store does, so a common word does not rank the whole store.
 * `indexless` is a pool on the same store whose sessions plan without plain index scans (openIndexlessPool).
 *
 * Each store part's methods come from the module that does that kind of work, all built on one shared
 * context (pg-store-context.ts): story reads (pg-story-reads.ts), full-text search and headline
 * suggestions (pg-text-search.ts), quote reads (pg-quote-reads.ts), place reads (pg-place-reads.ts),
 * per-day counts for /trend (pg-day-counts.ts), the digest's reads (pg-digest-reads.ts), the stories
 * re-analysis must redo (pg-stale-stories.ts) and every write (pg-article-writes.ts).
 */
export function createPgArticleParts(pool: PgPool, indexless: PgPool): PgArticleParts {
  const ctx = createPgStoreContext(pool, indexless);
  const storyReads = createPgStoryReads(ctx);
  const textSearch = createPgTextSearch(ctx, storyReads.latest);
  const quoteReads = createPgQuoteReads(ctx, textSearch.rankedMatches);
  const placeReads = createPgPlaceReads(ctx);
  const dayCounts = createPgDayCounts(ctx, textSearch);
  const digestReads = createPgDigestReads(ctx);
  const staleStories = createPgStaleStories(ctx);
  const writes = createPgArticleWrites(ctx, {
    forgetCountedLexemes: textSearch.forgetCountedLexemes,
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
      suggestHeadlines: textSearch.suggestHeadlines,
      searchDayCounts: dayCounts.searchDayCounts,
      count: storyReads.count,
      dataVersion: ctx.dataVersion,
    },
    quotes: {
      findQuotes: quoteReads.findQuotes,
      speakersNamed: quoteReads.speakersNamed,
      suggestSpeakers: quoteReads.suggestSpeakers,
      staleQuoteStories: staleStories.staleQuoteStories,
      countStaleQuoteStories: staleStories.countStaleQuoteStories,
      replaceQuotes: writes.replaceQuotes,
      speakerDayCounts: dayCounts.speakerDayCounts,
    },
    places: {
      findPlaceMentions: placeReads.findPlaceMentions,
      stalePlaceStories: staleStories.stalePlaceStories,
      countStalePlaceStories: staleStories.countStalePlaceStories,
      replacePlaces: writes.replacePlaces,
      placeIdsOf: placeReads.placeIdsOf,
      countPlaceMentions: placeReads.countPlaceMentions,
      placeMentionMonths: placeReads.placeMentionMonths,
      placeDayCounts: dayCounts.placeDayCounts,
      placeMentionCounts: placeReads.placeMentionCounts,
    },
    digest: {
      digestCandidates: digestReads.digestCandidates,
      digestDetails: digestReads.digestDetails,
      headlineShapesBetween: digestReads.headlineShapesBetween,
      dayHeadlineShapes: digestReads.dayHeadlineShapes,
      dataVersion: ctx.dataVersion,
      digestTermStories: digestReads.digestTermStories,
      storiesForFeatures: digestReads.storiesForFeatures,
      featurelessStories: digestReads.featurelessStories,
      finishFeatureBackfill: digestReads.finishFeatureBackfill,
      saveDigestFeatures: writes.saveDigestFeatures,
    },
  };
}
