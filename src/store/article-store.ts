import type { Quote, ScoredSentence } from '../nlp/types.js';
import type { PlaceMention } from '../geo/types.js';
import type { HiddenFrom } from './hidden-from.js';

/** An article as parsed from a source file, before it gets an id. */
export interface NewArticle {
  /** The agency or feed ("Xinhua", "Reuters (Reuters-21578, Distribution 1.0)"). */
  source: string;
  /** ISO 8601 with offset, e.g. `2017-09-09T19:03:53+08:00`. */
  published: string;
  /** The zone the source gave the time in (IANA name or `UTC`), null when it gave none. */
  publishedZone: string | null;
  editor: string | null;
  /** Place of the dateline (`DAMASCUS, Sept. 9 (Xinhua) --` → `Damascus`). */
  datelinePlace: string | null;
  headline: string;
  /** True when the source had no headline and one was derived from the lead. */
  headlineDerived: boolean;
  caption: string | null;
  captionCredit: string | null;
  /** The story text without dateline prefix and caption. Paragraphs separated by blank lines. */
  body: string;
  url: string | null;
  /** Where it came from, for error reports and `show`. */
  origin: string;
}

export interface Article extends NewArticle {
  /** Stable: derived from the url or the normalised text, so re-ingesting gives the same id. */
  id: string;
  ingestedAt: string;
}

/**
 * What a digest reads of a story instead of its body (`src/digest/story-features.ts` makes it):
 * plain data, so an analyzer in a worker thread can send it.
 */
export interface DigestFeatures {
  /** The sentence that stands for the story, shortened for display. */
  summary: string;
  /** Words of the body. */
  bodyWords: number;
  /** Grouping terms of the headline, lead and places with their counts, in first-seen order. */
  terms: [string, number][];
  /** How many of `terms`, the last ones, are place keys (grouping weighs them apart). */
  placeTerms: number;
  /**
   * How the story's lead writes each of `terms` (one small number each, in their order: 0 unknown, 1 a
   * name, 2 a common word; `digest/` says what they mean): grouping tells a shared name from a shared topic word by it.
   */
  names: number[];
  /** The headline's shapes (routine series are told by them). */
  shapes: string[];
}

/** What ingest computes once per article so commands only select. */
export interface ArticleAnalysis {
  sentences: ScoredSentence[];
  quotes: Quote[];
  places: PlaceMention[];
  /**
   * Made by `digest/` (ingest's analyzer does). The store only keeps it: a story stored without it
   * gets it when a digest first reads the story (`digest/backfill-features.ts`).
   */
  digest?: DigestFeatures;
  /** The splitter and scorer's version (`SENTENCE_ANALYZER_VERSION`) that made `sentences`; `dateline reanalyze` redoes older ones. */
  sentencesVersion?: number;
  /** The quote analyzer's version (`QUOTE_ANALYZER_VERSION`) that made `quotes`; `dateline reanalyze` redoes older ones. */
  quotesVersion?: number;
  /** The place recognizer's version (`PLACE_ANALYZER_VERSION`) that found `places`; `dateline reanalyze` redoes older ones. */
  placesVersion?: number;
}

/** A stored story whose quotes an older analyzer wrote: what `dateline reanalyze` reads to redo them. */
export interface StaleQuoteStory {
  id: string;
  body: string;
  published: string;
}

/** A stored story an older analyzer read, with the body to read again (`dateline reanalyze`). */
export interface StaleStory {
  id: string;
  body: string;
}

export interface AnalyzedArticle {
  article: NewArticle;
  analysis: ArticleAnalysis;
  /** When it was first stored (`dateline migrate` keeps it); now when absent. */
  ingestedAt?: string;
}

export interface ArticleSummary {
  id: string;
  headline: string;
  published: string;
  source: string;
  datelinePlace: string | null;
  url: string | null;
}

export interface SearchHit extends ArticleSummary {
  /** A short excerpt around the matched words. */
  snippet: string;
  /** Lower is better (bm25); 0 for every hit when the matches are the newest ones, unranked (a query with a very common word). */
  rank: number;
}

export interface AddResult {
  added: string[];
  /** Ids of stories already stored (same url or same normalised text). */
  duplicates: string[];
}

export interface QuoteHit extends Quote {
  articleId: string;
  headline: string;
  source: string;
  published: string;
}

export interface QuoteQuery {
  speaker?: string;
  about?: string;
  limit: number;
  offset?: number;
  /**
   * The server asking (own-server stories): the speakers a `speaker:` query names are ranked by the
   * quotes it may see, as `speakersNamed` ranks them for it. The quotes themselves are filtered by the
   * command (`FeedService.visibleTo`).
   */
  hiddenFrom?: HiddenFrom;
}

/**
 * A stored story with the parts of its analysis a digest reads (sentences and places; not quotes),
 * as `getById` + `getAnalysis` give them, except that sentences come without their text: each is
 * `article.body.slice(start, end)` with its whitespace squeezed to single spaces and trimmed. A digest
 * shows two or three sentences of a story, and making the text of all of them for a busy day's
 * 1,100 stories cost more than reading the stories.
 */
export interface StoryWithAnalysis {
  article: Article;
  sentences: Omit<ScoredSentence, 'text'>[];
  places: PlaceMention[];
}

/** A story of a digest's window as the digest reads it: no body, its features instead. */
export interface DigestCandidate {
  id: string;
  headline: string;
  publishedMs: number;
  datelinePlace: string | null;
  /** The agency or feed: a digest counts an event's sources. */
  source: string;
  bodyWords: number;
  /**
   * `DigestFeatures.terms` with each term as the store's id for it (the same in every story), with
   * `DigestFeatures.names`; the last `places` are place keys.
   */
  terms: { ids: Int32Array; counts: Float64Array; names: Uint8Array; places: number };
  shapes: string[];
  /** False for a story stored without features (by older code): the digest computes and saves them, then reads again. */
  hasFeatures: boolean;
}

/** What `digest/` needs to work out a stored story's features (see DigestFeatures). */
export interface StoryForFeatures {
  id: string;
  headline: string;
  body: string;
  published: string;
  /** The dateline's place as the story gave it (its places are found again with it: `dateline reanalyze`). */
  datelinePlace: string | null;
  sentences: Omit<ScoredSentence, 'text'>[];
  places: PlaceMention[];
}

/** What a digest shows of a story beyond its candidate row. */
export interface DigestDetails {
  /** ISO 8601 as stored. */
  published: string;
  source: string;
  url: string | null;
  summary: string;
  /** In text order. */
  places: PlaceMention[];
}

export interface PlaceMentionHit {
  articleId: string;
  headline: string;
  source: string;
  published: string;
  name: string;
  start: number;
  end: number;
  /** The sentence of the article that holds the mention. */
  sentence: string;
}

/** Stories mentioning a place in one month (`YYYY-MM`, the month of the story's own date as written). */
export interface PlaceMonthCount {
  month: string;
  stories: number;
}

/** Where a walk over the store in publication order stopped; only the store reads it. */
export interface StoryCursor {
  publishedMs: number;
  seq: number;
}

/** A stored story with its whole analysis, as `getById` + `getAnalysis` give them. */
export interface StoredStory {
  article: Article;
  analysis: ArticleAnalysis;
}

export interface StoryPageQuery {
  /** Only stories published at or after this instant. */
  since?: Date;
  /** Where the previous page stopped (its `next`); absent for the first page. */
  after?: StoryCursor | null;
  limit: number;
}

/** Stories of one UTC day (`day`: days since 1970-01-01). */
export interface DayCount {
  day: number;
  count: number;
}

/** UTC days, both ends included. */
export interface DayRange {
  from: number;
  to: number;
}

export interface SearchDayCounts {
  days: DayCount[];
  /** True when only the newest matches were counted (a very common word; see the store's limit). */
  capped: boolean;
}
