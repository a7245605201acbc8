import type {
  AddResult,
  AnalyzedArticle,
  Article,
  ArticleAnalysis,
  ArticleSummary,
  SearchHit,
  StoredStory,
  StoryCursor,
  StoryPageQuery,
  StoryWithAnalysis,
  DayRange,
  SearchDayCounts,
  StaleStory,
} from './article-store.js';
import type { ScoredSentence } from '../nlp/types.js';
import type { HiddenFrom } from './hidden-from.js';

export interface SearchOptions {
  /**
   * How many of the hits, the best first, get their snippet (all by default); the others have ''.
   * Why: a snippet is the story's body read and parsed again (on PostgreSQL, ts_headline), and a caller
   * that asks for spare hits (some may be hidden from the server) or wants the best story only
   * (/summary about:) would pay for snippets nobody sees. The hits and their order do not change.
   */
  snippets?: number;
}

/**
 * Stories and their full-text search: what ingest writes and /summary, /search, /latest and `show`
 * read. Promise-returning so a networked backend (PostgreSQL) fits behind it as well as SQLite;
 * nothing here exposes SQL or driver types.
 */
export interface StoryStore {
  /** Adds a batch atomically: all of it or nothing. Duplicates are skipped and reported. */
  addArticles(items: readonly AnalyzedArticle[]): Promise<AddResult>;
  getById(id: string): Promise<Article | null>;
  /**
   * The url and content hash of those of these ids that are stored: ingest tells duplicates before
   * analysing them, in one read per file.
   */
  identities(ids: readonly string[]): Promise<Map<string, { url: string | null; contentHash: string }>>;
  getAnalysis(id: string): Promise<ArticleAnalysis | null>;
  /** Newest first. */
  latest(limit: number): Promise<ArticleSummary[]>;
  /** Published in [from, to), newest first. */
  publishedBetween(from: Date, to: Date, limit: number): Promise<ArticleSummary[]>;
  /**
   * Published in [from, to), newest first (as `publishedBetween`), each with its sentences and places.
   * Why: a digest filtered by topic reads every story of its window; one batched read instead of
   * `getById` + `getAnalysis` per story.
   */
  storiesBetween(from: Date, to: Date, limit: number): Promise<StoryWithAnalysis[]>;
  /** Full-text search, best first: every word, or when nothing has them all, any word. */
  search(query: string, limit: number, options?: SearchOptions): Promise<SearchHit[]>;
  /**
   * Stories per UTC day matching all the search words (as /search), oldest first, for /trend. With
   * `hiddenFrom`, as that server sees the store: stories hidden from it are not counted (see `HiddenFrom`).
   */
  searchDayCounts(query: string, range: DayRange | null, hiddenFrom?: HiddenFrom): Promise<SearchDayCounts>;
  /** Headlines starting with / containing the typed words, for autocomplete. */
  suggestHeadlines(prefix: string, limit: number): Promise<ArticleSummary[]>;
  /** Stored stories; with `hiddenFrom`, those the server may see. */
  count(hiddenFrom?: HiddenFrom): Promise<number>;
  /**
   * One page of a walk over every stored story (or those since a date) in publication order, oldest
   * first, with its analysis. Why: `dateline export` (and `dateline migrate`) stream a store of any
   * size in constant memory.
   */
  storiesPage(query: StoryPageQuery): Promise<{ stories: StoredStory[]; next: StoryCursor | null }>;
  /**
   * Stories whose sentences a splitter and scorer older than `version` made (or an unknown one: stored
   * before versions were kept), oldest stored first, published at `since` or later (all with null),
   * with their bodies: what `dateline reanalyze` splits again.
   */
  staleSentenceStories(version: number, since: Date | null, limit: number): Promise<StaleStory[]>;
  countStaleSentenceStories(version: number, since: Date | null): Promise<number>;
  /**
   * Each story's sentences replaced, marked as made by `version`, in one transaction. Its places and
   * digest features were read from the old sentences (the part of the body read closely, the lead's
   * terms), so the story's places are marked stale too: `stalePlaceStories` lists it until they are
   * found again from the new sentences. Returns how many stories were replaced (one deleted meanwhile
   * is skipped).
   */
  replaceSentences(items: readonly { id: string; sentences: readonly ScoredSentence[] }[], version: number): Promise<number>;
  /**
   * A number that changes whenever the stored articles may have changed, by this process or another.
   * Why: callers may keep what they derive from stored articles (the digest keeps the headline shapes
   * of past days) and must know when to drop it.
   */
  dataVersion(): Promise<number>;
}
