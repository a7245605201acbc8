import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { PlaceStore } from '../place-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { StoryStore } from '../story-store.js';
// Pure helpers shared with the SQLite store (no driver in them): the same packing, term blobs and ranking.
import { createPgPlaceReads } from './pg-place-reads.js';
import { createPgStoryReads } from './pg-story-reads.js';
import { createPgStaleStories } from './pg-stale-stories.js';
import { createPgDigestReads } from './pg-digest-reads.js';
import { createPgTextSearch } from './pg-text-search.js';
import { createPgQuoteReads } from './pg-quote-reads.js';
import { createPgDayCounts } from './pg-day-counts.js';
import { createPgArticleWrites } from './pg-article-writes.js';
import { createPgStoreContext } from './pg-store-context.js';
import { type PgPool } from './pg-database.js';

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
 */
export function createPgArticleParts(pool: PgPool, indexless: PgPool): PgArticleParts {
  const ctx = createPgStoreContext(pool, indexless);
  const { dataVersion } = ctx;
  const placeReads = createPgPlaceReads(ctx);
  const { findPlaceMentions, placeMentionMonths, forgetPlaceCounts } = placeReads;
  const storyReads = createPgStoryReads(ctx);
  const { latest, storiesBetween, storiesPage } = storyReads;
  const staleStories = createPgStaleStories(ctx);
  const digestReads = createPgDigestReads(ctx);
  const textSearch = createPgTextSearch(ctx, latest);
  const { search, suggestHeadlines, rankedMatches, forgetCountedLexemes } = textSearch;
  const quoteReads = createPgQuoteReads(ctx, rankedMatches);
  const dayCounts = createPgDayCounts(ctx, textSearch);
  const { placeDayCounts, speakerDayCounts, searchDayCounts } = dayCounts;
  const writes = createPgArticleWrites(ctx, { forgetCountedLexemes, forgetPlaceCounts });
  const { addArticles, replaceSentences, replaceQuotes, replacePlaces } = writes;
  return {
    stories: {
      addArticles,
      getById: storyReads.getById,
      identities: storyReads.identities,
      getAnalysis: storyReads.getAnalysis,
      latest,
      publishedBetween: storyReads.publishedBetween,
      storiesBetween,
      storiesPage,
      staleSentenceStories: staleStories.staleSentenceStories,
      countStaleSentenceStories: staleStories.countStaleSentenceStories,
      replaceSentences,
      search,
      suggestHeadlines,
      searchDayCounts,
      count: storyReads.count,
      dataVersion,
    },
    quotes: {
      findQuotes: quoteReads.findQuotes,
      speakersNamed: quoteReads.speakersNamed,
      suggestSpeakers: quoteReads.suggestSpeakers,
      staleQuoteStories: staleStories.staleQuoteStories,
      countStaleQuoteStories: staleStories.countStaleQuoteStories,
      replaceQuotes,
      speakerDayCounts,
    },
    places: {
      findPlaceMentions,
      stalePlaceStories: staleStories.stalePlaceStories,
      countStalePlaceStories: staleStories.countStalePlaceStories,
      replacePlaces,
      placeIdsOf: placeReads.placeIdsOf,
      countPlaceMentions: placeReads.countPlaceMentions,
      placeMentionMonths,
      placeDayCounts,
      placeMentionCounts: placeReads.placeMentionCounts,
    },
    digest: {
      digestCandidates: digestReads.digestCandidates,
      digestDetails: digestReads.digestDetails,
      headlineShapesBetween: digestReads.headlineShapesBetween,
      dayHeadlineShapes: digestReads.dayHeadlineShapes,
      dataVersion,
      digestTermStories: digestReads.digestTermStories,
      storiesForFeatures: digestReads.storiesForFeatures,
      featurelessStories: digestReads.featurelessStories,
      finishFeatureBackfill: digestReads.finishFeatureBackfill,
      saveDigestFeatures: writes.saveDigestFeatures,
    },
  };
}
