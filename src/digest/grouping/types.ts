/**
 * What event grouping takes in and gives back: a story as grouping sees it (`GroupInput`), the
 * store-wide background and headline history it judges words against, and the groups it returns.
 */

/** What grouping needs to know of a story. */
export interface GroupInput {
  id: string;
  publishedMs: number;
  headline: string;
  /** The lead sentence or two: wire stories put the event there. */
  lead: string;
  /** Resolved place keys (`g:<geonameId>`, `c:<country code>`) or plain names when unresolved. */
  placeKeys: readonly string[];
  /** The place names as written (`Swiss`, `Tokyo`): their words count as places, not as event words. */
  placeNames?: readonly string[];
  /** How much the headline follows a routine series' shape, 0-1 (`templateScores`); 0 when not given. */
  template?: number;
  /**
   * The same, from the days before the window alone (a shape filed on many earlier days: "<fund>
   * SETS PAYOUT", "<company> 4TH QTR NET"). Such a story is one of a series, not a report of an event
   * (its shared words are the series' own): at 0.5 or more it stays a group of its own.
   */
  series?: number;
  /** Where it was filed from (`datelinePlace`): several bureaus on one event is wide coverage. */
  dateline?: string | null;
  /** Words of the body: a two-line notice or price table weighs less than a reported story; unknown counts in full. */
  bodyWords?: number;
  /** `headlineKey(headline)` when already made. */
  headlineKey?: string;
  /** The story's `storyTerms` as ids, when already known (stored with the story): then `lead` and the places are not read. */
  terms?: TermCounts;
}

/**
 * `storyTerms` with each term named by an integer id (the same term the same id across the stories
 * grouped together: a store's term ids), in the same order; the last `places` of them are place keys.
 */
export interface TermCounts {
  ids: ArrayLike<number>;
  counts: ArrayLike<number>;
  places: number;
  /** How the story's lead writes each term (`termNames`); all `NAME_UNKNOWN` when not given. */
  names?: ArrayLike<number>;
}

/**
 * How many stories of the whole store hold each term (`counts[id]`, by the term ids of
 * `GroupInput.terms`), and how many stories it holds: the background a word's frequency today is
 * compared with.
 */
export interface TermBackground {
  stories: number;
  /** Stories holding a term: by its id (`GroupInput.terms`), or by the term itself (`storyTerms`). */
  storiesWith(term: number | string): number;
}

/**
 * The headlines of the days before the window (`historyShapeDays`, read for routine shapes): how
 * many there were, on how many days, and how many held a word (`headlineWords`). A word a wire puts
 * in its headlines every day ("futures", "LME", "stocks" of a market report) is no burst however many
 * of today's headlines hold it.
 */
export interface HeadlineHistory {
  days: number;
  headlines: number;
  headlinesWith(word: string): number;
  /** Days whose headlines held the word. */
  daysWith(word: string): number;
}

export interface StoryGroup {
  /** Members, the most representative first, then newest first. */
  ids: string[];
  newestMs: number;
  score: number;
}
