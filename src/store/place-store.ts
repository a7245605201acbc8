import type { PlaceMentionHit } from './article-store.js';

/** Place mentions of the stored stories, by gazetteer id: what /where reads. */
export interface PlaceStore {
  /** Mentions of any of these gazetteer ids, newest first. */
  findPlaceMentions(geonameIds: readonly number[], limit: number): Promise<PlaceMentionHit[]>;
  /** Stories mentioning any of these ids. */
  countPlaceMentions(geonameIds: readonly number[]): Promise<number>;
  /** How often each gazetteer id is mentioned across the store (for disambiguation by what the news talks about). */
  placeMentionCounts(): Promise<ReadonlyMap<number, number>>;
}
