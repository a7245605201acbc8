import type { DayCount, DayRange, QuoteHit, QuoteQuery, StaleQuoteStory } from './article-store.js';
import type { Quote } from '../nlp/types.js';
import type { HiddenFrom } from './hidden-from.js';

/** Quotations and their speakers, as ingest stored them: what /quote reads. */
export interface QuoteStore {
  /**
   * Quotes, newest stories first; filtered by speaker and/or topic words. The speaker filter matches the
   * resolved speaker name and its aliases (whole words, case-insensitive: "Baker", "James Baker",
   * "Treasury Secretary James Baker"), never words of a description. A store may leave out of a speaker's
   * list, for a reader who sees every story, a quote that repeats an earlier one exactly (speaker, kind, cue
   * and words; both stores do, speaker-quote-list.ts): /quote shows one of them either way.
   */
  findQuotes(query: QuoteQuery): Promise<QuoteHit[]>;
  /**
   * Distinct speakers matching the prefix, most quoted first. With `hiddenFrom` (here and below), as that
   * server sees the store: quotes of stories hidden from it do not count, and a speaker only they quote is not named.
   */
  suggestSpeakers(prefix: string, limit: number, hiddenFrom?: HiddenFrom): Promise<string[]>;
  /**
   * The stored speaker names a `speaker:` query names (speaker-match.ts: the query's words end the name,
   * or the name is an ending of the query), most quoted first, at most `limit`: what `/quote speaker:`
   * lists, and what `/trend speaker:` and the sparkline count, so the three never disagree.
   */
  speakersNamed(query: string, limit: number, hiddenFrom?: HiddenFrom): Promise<string[]>;
  /**
   * Up to `limit` stories whose quotes an analyzer older than `version` wrote (or one that kept no
   * version), oldest stored first, published at or after `since` when given.
   * Why: `dateline reanalyze` brings a live store up to date in small batches.
   */
  staleQuoteStories(version: number, since: Date | null, limit: number): Promise<StaleQuoteStory[]>;
  countStaleQuoteStories(version: number, since: Date | null): Promise<number>;
  /** Replace stored stories' quotes and mark them `version`, in one short transaction. Returns how many stories were updated. */
  replaceQuotes(items: readonly { id: string; quotes: Quote[] }[], version: number): Promise<number>;
  /** Stories per UTC day quoting any of these speakers (exact names, any case), oldest first; kept at ingest for /trend. */
  speakerDayCounts(speakers: readonly string[], range: DayRange | null, hiddenFrom?: HiddenFrom): Promise<DayCount[]>;
}
