import type { DigestCandidate } from '../store/article-store.js';
import type { DigestFeatureStore } from '../store/digest-feature-store.js';
import type { BuildDigestDeps } from './build-digest.js';

/** Keeps the items a server may be shown (stories other servers' feeds brought may be theirs alone). */
export type StoryVisibilityFilter = <T extends { id: string }>(guildId: string | null, items: readonly T[]) => Promise<T[]>;

/** The store a view filters and what it keeps of it: `digestCandidates` is `keep(base.digestCandidates(…))`. */
export interface VisibleView {
  base: DigestFeatureStore;
  keep(candidates: readonly DigestCandidate[]): Promise<DigestCandidate[]>;
}

/**
 * The views `storeVisibleTo` made. Why: a view is made for every build (each subscription, each
 * preview), so what the digest keeps between builds (term counts, past days' shapes, built digests)
 * is kept for the store underneath, shared by every server's view of it, not for the view.
 */
const views = new WeakMap<DigestFeatureStore, VisibleView>();

/** The store under a view made by `storeVisibleTo`, and its filter; null for a store that is not one. */
export function visibleViewOf(store: DigestFeatureStore): VisibleView | null {
  return views.get(store) ?? null;
}

/** The store as one server's digest sees it: candidates it may not see are left out. */
export function storeVisibleTo(
  store: BuildDigestDeps['store'],
  guildId: string | null,
  visibleTo: StoryVisibilityFilter | undefined,
): BuildDigestDeps['store'] {
  if (!visibleTo || guildId === null) return store;
  const digest = store.digest;
  const under = visibleViewOf(digest);
  const base = under?.base ?? digest;
  // A view of a view keeps what both keep.
  const keep = async (candidates: readonly DigestCandidate[]): Promise<DigestCandidate[]> =>
    visibleTo(guildId, under ? await under.keep(candidates) : candidates);
  const view: DigestFeatureStore = {
    ...digest,
    digestCandidates: async (from, to, limit) => keep(await base.digestCandidates(from, to, limit)),
  };
  views.set(view, { base, keep });
  return { stories: store.stories, digest: view };
}
