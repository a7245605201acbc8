import { withOverrides } from '../core/with-overrides.js';
import type { ArticleStore } from '../store/article-store.js';

/** Keeps the items a server may be shown (stories other servers' feeds brought may be theirs alone). */
export type StoryVisibilityFilter = <T extends { id: string }>(guildId: string | null, items: readonly T[]) => T[];

/** The store as one server's digest sees it: candidates it may not see are left out. */
export function storeVisibleTo(store: ArticleStore, guildId: string | null, visibleTo: StoryVisibilityFilter | undefined): ArticleStore {
  if (!visibleTo || guildId === null) return store;
  return withOverrides(store, { digestCandidates: (from, to, limit) => visibleTo(guildId, store.digestCandidates(from, to, limit)) });
}
