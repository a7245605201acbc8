import type { DigestCandidate, StoryForFeatures } from '../store/article-store.js';
import type { DigestFeatureStore } from '../store/digest-feature-store.js';
import { digestFeatures } from './story-features.js';

/** Stories worked out and saved per round trip: bounds memory (a batch holds its bodies). */
const BATCH = 2000;

function featuresOf(story: StoryForFeatures): { id: string; features: ReturnType<typeof digestFeatures> } {
  return { id: story.id, features: digestFeatures(story, story.sentences, story.places) };
}

/**
 * Digest features for every stored story that has none, when the store says a backfill is owed (a
 * store that had stories before the features existed). The store keeps; this computes: the store
 * layer imports nothing of digest/. Returns how many stories got features.
 */
export async function backfillDigestFeatures(store: DigestFeatureStore): Promise<number> {
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = await store.featurelessStories(after, BATCH);
    if (!batch.owed) return done;
    if (batch.stories.length === 0) break;
    await store.saveDigestFeatures(batch.stories.map(featuresOf));
    done += batch.stories.length;
    after = batch.next;
  }
  await store.finishFeatureBackfill();
  return done;
}

/**
 * A digest window's candidates, every one with features: stories stored without them (by a process
 * on older code, or an embedder that gave none) get them computed and saved, then the window is read
 * again, instead of being left out of the digest.
 */
export async function candidatesWithFeatures(store: DigestFeatureStore, from: Date, to: Date, limit: number): Promise<DigestCandidate[]> {
  const candidates = await store.digestCandidates(from, to, limit);
  const missing = candidates.filter((c) => !c.hasFeatures).map((c) => c.id);
  if (missing.length === 0) return candidates;
  await store.saveDigestFeatures((await store.storiesForFeatures(missing)).map(featuresOf));
  return store.digestCandidates(from, to, limit);
}
