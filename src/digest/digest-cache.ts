import type { DigestCandidate } from '../store/article-store.js';
import type { DigestFeatureStore } from '../store/digest-feature-store.js';

/**
 * Digests already built, kept per store until its `dataVersion()` says something was written. Why:
 * a build groups every story of its window (~10 ms of CPU on a busy day, most of a build), and the
 * same window is built again and again: every subscription due at the same time in the same zone,
 * `/digest preview` before subscribing, `dateline digest --at`, each server's view of a shared store.
 *
 * A digest depends on the whole store, not only on its window's stories (a word's count across the
 * store tells an everyday word from an event's), so any write may change any digest: everything is
 * dropped when the version moves, and a kept digest is always the one a build would make now.
 *
 * Kept in memory, not in the store: the version moves with every stored story (a feed poll every few
 * minutes), so a kept digest lives minutes, and writing it back would put a write (and SQLite's write
 * lock) on the digest's read path for that. With several processes on one PostgreSQL store, each keeps
 * its own, keyed by the store's shared version (a sequence every write bumps), so none shows a digest
 * another process's write made stale; a window is built at most once per process per version.
 */

/** Digests kept per store at most, least recently used out first… */
const MAX_DIGESTS = 256;
/** …and stories held by them at most (~1 KB each: summary, title, places): ~20 MB. */
const MAX_STORIES = 20_000;
/** Windows whose candidates are kept for servers' views (each of a few thousand short rows, ~1 KB each). */
const MAX_WINDOWS = 4;

interface Kept<T> {
  value: T;
  size: number;
}

/** A map that keeps its most recently used entries within a count and a total size. */
class Lru<T> {
  private readonly entries = new Map<string, Kept<T>>();
  private held = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
  ) {}

  get(key: string): T | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    // Re-inserted: Map order is the use order.
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.value;
  }

  set(key: string, value: T, size: number): void {
    // One entry that would take a fair part of the room alone (`dateline digest --all` of a huge day) is not kept.
    if (size > this.maxSize / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.held -= old.size;
    }
    this.entries.set(key, { value, size });
    this.held += size;
    for (const [oldest, kept] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.held <= this.maxSize) break;
      this.entries.delete(oldest);
      this.held -= kept.size;
    }
  }
}

export interface DigestCache<D> {
  /** A kept digest, or undefined. */
  digest(key: string): D | undefined;
  keepDigest(key: string, digest: D, stories: number): void;
  /** A window's candidates as the store gave them (before any server's view), or undefined. */
  candidates(key: string): DigestCandidate[] | undefined;
  keepCandidates(key: string, candidates: DigestCandidate[]): void;
}

interface StoreEntry {
  version: number;
  digests: Lru<unknown>;
  windows: Lru<DigestCandidate[]>;
}

const stores = new WeakMap<DigestFeatureStore, StoreEntry>();

/** The cache of `store` as of `version` (its `dataVersion()`, read before anything the digest reads). */
export function digestCacheOf<D>(store: DigestFeatureStore, version: number): DigestCache<D> {
  let entry = stores.get(store);
  if (entry?.version !== version) {
    entry = { version, digests: new Lru(MAX_DIGESTS, MAX_STORIES), windows: new Lru(MAX_WINDOWS, Infinity) };
    stores.set(store, entry);
  }
  const { digests, windows } = entry;
  return {
    digest: (key) => digests.get(key) as D | undefined,
    keepDigest: (key, digest, stories) => digests.set(key, digest, stories + 1),
    candidates: (key) => windows.get(key),
    keepCandidates: (key, candidates) => windows.set(key, candidates, candidates.length),
  };
}
