import type { DigestFeatureStore } from './digest-feature-store.js';
import type { FeedStore } from './feed-store.js';
import type { PlaceStore } from './place-store.js';
import type { QuoteStore } from './quote-store.js';
import type { StoryStore } from './story-store.js';
import type { SubscriptionStore } from './subscription-store.js';

/**
 * The whole store, handed out in cohesive parts: each service takes the part it needs (ingest the
 * stories, /where the places, the scheduler the subscriptions), so no caller sees a 20-method
 * interface and every backend (SQLite, PostgreSQL) implements the same parts.
 */
export interface DatelineStore {
  /** What backs it, for messages and `migrate` (`sqlite` or `postgres`). */
  readonly kind: 'sqlite' | 'postgres';
  stories: StoryStore;
  quotes: QuoteStore;
  places: PlaceStore;
  digest: DigestFeatureStore;
  subscriptions: SubscriptionStore;
  feeds: FeedStore;
  close(): Promise<void>;
}
