import type { DigestCandidate, DigestDetails, DigestFeatures, StoryForFeatures } from './article-store.js';

/**
 * What a digest reads of the stored stories: their features (`DigestFeatures`, computed by
 * `digest/` and handed over as data, never computed here) and the headline shapes of past days.
 */
export interface DigestFeatureStore {
  /**
   * Published in [from, to), newest first, with their digest features. The same answer for the same
   * `dataVersion()`: the digest keeps what it built from it until the version moves (digest-cache.ts).
   * Why: a digest ranks every story of its window but shows a few dozen; reading bodies to work out
   * summaries and lead words again on every build was most of its time (see DigestFeatures).
   */
  digestCandidates(from: Date, to: Date, limit: number): Promise<DigestCandidate[]>;
  /** Summaries and places of the stories a digest shows, by article id (unknown ids left out). */
  digestDetails(ids: readonly string[]): Promise<Map<string, DigestDetails>>;
  /** Published in [from, to), newest first: when, and the headline's shapes. */
  headlineShapesBetween(from: Date, to: Date, limit: number): Promise<{ publishedMs: number; shapes: string[] }[]>;
  /**
   * The UTC day holding `day`: how many stories were published on it and their headlines' distinct
   * shapes, each once and in no particular order. Why: a digest counts the days of its two weeks of
   * history each shape was seen on (order plays no part in a count); a day's distinct shapes are a few
   * hundred short rows where its stories are up to a thousand.
   */
  dayHeadlineShapes(day: Date): Promise<{ stories: number; shapes: string[] }>;
  /** As `StoryStore.dataVersion`: the digest's cache of past days' shapes is dropped when it changes. */
  dataVersion(): Promise<number>;
  /**
   * How many stored stories hold each digest term (`counts[id]`, by the ids of `DigestCandidate.terms`),
   * and how many stories the store holds. Why: a word every day uses ("market", "shr") is told from
   * the word of today's event by how common it is across the store, not only in the window.
   */
  digestTermStories(): Promise<{ stories: number; counts: Int32Array }>;
  /** These stories (unknown ids left out), as `digest/` needs them to work out their features. */
  storiesForFeatures(ids: readonly string[]): Promise<StoryForFeatures[]>;
  /**
   * Up to `limit` stories without features, in storage order after `after` (an opaque position: 0
   * to begin, then the `next` returned), and whether a backfill is still owed (a store upgraded from
   * before the features; false once `finishFeatureBackfill` has run).
   */
  featurelessStories(after: number, limit: number): Promise<{ stories: StoryForFeatures[]; next: number; owed: boolean }>;
  finishFeatureBackfill(): Promise<void>;
  /** Store (or replace) the features of these stories, and their headlines' shapes for their day. */
  saveDigestFeatures(items: readonly { id: string; features: DigestFeatures }[]): Promise<void>;
}
