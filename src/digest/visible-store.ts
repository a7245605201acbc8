import type { BuildDigestDeps } from './build-digest.js';

/** Keeps the items a server may be shown (stories other servers' feeds brought may be theirs alone). */
export type StoryVisibilityFilter = <T extends { id: string }>(guildId: string | null, items: readonly T[]) => Promise<T[]>;

/** The store as one server's digest sees it: candidates it may not see are left out. */
export function storeVisibleTo(
  store: BuildDigestDeps['store'],
  guildId: string | null,
  visibleTo: StoryVisibilityFilter | undefined,
): BuildDigestDeps['store'] {
  if (!visibleTo || guildId === null) return store;
  const digest = store.digest;
  return {
    stories: store.stories,
    digest: { ...digest, digestCandidates: async (from, to, limit) => visibleTo(guildId, await digest.digestCandidates(from, to, limit)) },
  };
}
