import type { Quote, ScoredSentence } from '../nlp/types.js';
import type { PlaceMention } from '../geo/types.js';

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
  /** The headline's shapes (routine series are told by them). */
  shapes: string[];
}

/** What ingest computes once per article so commands only select. */
export interface ArticleAnalysis {
  sentences: ScoredSentence[];
  quotes: Quote[];
  places: PlaceMention[];
  /** Made by the store from the rest when not given. */
  digest?: DigestFeatures;
  /** The quote analyzer's version (`QUOTE_ANALYZER_VERSION`) that made `quotes`; `dateline reanalyze` redoes older ones. */
  quotesVersion?: number;
}

/** A stored story whose quotes an older analyzer wrote: what `dateline reanalyze` reads to redo them. */
export interface StaleQuoteStory {
  id: string;
  body: string;
  published: string;
}

export interface AnalyzedArticle {
  article: NewArticle;
  analysis: ArticleAnalysis;
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
  /** Lower is better (bm25). */
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
  /** `DigestFeatures.terms` with each term as the store's id for it (the same in every story); the last `places` are place keys. */
  terms: { ids: Int32Array; counts: Float64Array; places: number };
  shapes: string[];
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

/**
 * The article store: the one narrow interface everything outside `src/store/` uses.
 * SQLite implements it today; a PostgreSQL backend must be able to implement it too,
 * so nothing here exposes SQL or driver types.
 */
export interface ArticleStore {
  /** Adds a batch atomically: all of it or nothing. Duplicates are skipped and reported. */
  addArticles(items: readonly AnalyzedArticle[]): AddResult;
  getById(id: string): Article | null;
  getAnalysis(id: string): ArticleAnalysis | null;
  /** Newest first. */
  latest(limit: number): ArticleSummary[];
  /** Published in [from, to), newest first. */
  publishedBetween(from: Date, to: Date, limit: number): ArticleSummary[];
  /**
   * Published in [from, to), newest first (as `publishedBetween`), each with its sentences and places.
   * Why: a digest reads every story of its window (~850 on a busy day); one batched read instead of
   * `getById` + `getAnalysis` per story (hundreds of round trips, each unpacking its sentences).
   */
  storiesBetween(from: Date, to: Date, limit: number): StoryWithAnalysis[];
  /**
   * Published in [from, to), newest first (as `publishedBetween`), with their digest features.
   * Why: a digest ranks every story of its window but shows a few dozen; reading bodies to work out
   * summaries and lead words again on every build was most of its time (see DigestFeatures).
   */
  digestCandidates(from: Date, to: Date, limit: number): DigestCandidate[];
  /**
   * How many stored stories hold each digest term (`counts[id]`, by the ids of `DigestCandidate.terms`),
   * and how many stories the store holds. Why: a word every day uses ("market", "shr") is told from
   * the word of today's event by how common it is across the store, not only in the window.
   */
  digestTermStories(): { stories: number; counts: Int32Array };
  /** Summaries and places of the stories a digest shows, by article id (unknown ids left out). */
  digestDetails(ids: readonly string[]): Map<string, DigestDetails>;
  /** Published in [from, to), newest first (as `publishedBetween`): when, and the headline's shapes. */
  headlineShapesBetween(from: Date, to: Date, limit: number): { publishedMs: number; shapes: string[] }[];
  /**
   * The UTC day holding `day`: how many stories were published on it and their headlines' distinct
   * shapes. Why: a digest counts the days of its two weeks of history each shape was seen on; a day's
   * distinct shapes are a few hundred short rows where its stories are up to a thousand.
   */
  dayHeadlineShapes(day: Date): { stories: number; shapes: string[] };
  /**
   * A number that changes whenever the stored articles may have changed, by this connection or another.
   * Why: callers may keep what they derive from stored articles (the digest keeps the headline shapes
   * of past days) and must know when to drop it.
   */
  dataVersion(): number;
  /** Full-text search, best first. */
  search(query: string, limit: number): SearchHit[];
  /** Headlines starting with / containing the typed words, for autocomplete. */
  suggestHeadlines(prefix: string, limit: number): ArticleSummary[];
  count(): number;
  /**
   * One page of a walk over every stored story (or those since a date) in publication order, oldest
   * first, with its analysis. Why: `dateline export` streams a store of any size in constant memory.
   */
  storiesPage(query: StoryPageQuery): { stories: StoredStory[]; next: StoryCursor | null };

  /**
   * Quotes, newest stories first; filtered by speaker and/or topic words. The speaker filter matches the
   * resolved speaker name and its aliases (whole words, case-insensitive: "Baker", "James Baker",
   * "Treasury Secretary James Baker"), never words of a description.
   */
  findQuotes(query: QuoteQuery): QuoteHit[];
  /**
   * Up to `limit` stories whose quotes an analyzer older than `version` wrote (or one that kept no
   * version), oldest stored first, published at or after `since` when given.
   * Why: `dateline reanalyze` brings a live store up to date in small batches.
   */
  staleQuoteStories(version: number, since: Date | null, limit: number): StaleQuoteStory[];
  countStaleQuoteStories(version: number, since: Date | null): number;
  /** Replace stored stories' quotes and mark them `version`, in one short transaction. Returns how many stories were updated. */
  replaceQuotes(items: readonly { id: string; quotes: Quote[] }[], version: number): number;
  /** Distinct speakers matching the prefix, most quoted first. */
  suggestSpeakers(prefix: string, limit: number): string[];

  /** Mentions of any of these gazetteer ids, newest first. */
  findPlaceMentions(geonameIds: readonly number[], limit: number): PlaceMentionHit[];
  /** Stories mentioning any of these ids: the sum of `placeMentionMonths`. */
  countPlaceMentions(geonameIds: readonly number[]): number;
  /**
   * Stories mentioning any of these ids, by month, oldest first: every stored mention, not the newest
   * few (so a timeline adds up to the count). Several ids sharing a story count it once while that is
   * cheap to find out (as countPlaceMentions); read from per-month counts kept at ingest.
   */
  placeMentionMonths(geonameIds: readonly number[]): PlaceMonthCount[];
  /** How often each gazetteer id is mentioned across the store (for disambiguation by what the news talks about). */
  placeMentionCounts(): Map<number, number>;

  /**
   * Stories per UTC day mentioning any of these gazetteer ids (issue 19, /trend), oldest first, days
   * without stories left out. Why: charts of mentions over time from counts kept at ingest, never
   * from the mentions themselves.
   */
  placeDayCounts(geonameIds: readonly number[], range: DayRange | null): DayCount[];
  /** Stories per UTC day quoting any of these speakers (exact names, any case), as placeDayCounts. */
  speakerDayCounts(speakers: readonly string[], range: DayRange | null): DayCount[];
  /** Stories per UTC day matching all the search words (as /search), as placeDayCounts. */
  searchDayCounts(query: string, range: DayRange | null): SearchDayCounts;

  close(): void;
}
