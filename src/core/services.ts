import type { DatelineStore } from '../store/store.js';
import type { GeoService } from '../geo/types.js';
import type { FeedService, FeedStoryVisibility } from '../feeds/feed-service.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

/**
 * Everything a command may use, passed in through its context: no globals, no singletons,
 * so tests build the same services over a temp store and a fake clock.
 */
export interface Services {
  /** The store in its parts (stories, quotes, places, digest, subscriptions, feeds). */
  store: DatelineStore;
  geo: GeoService;
  clock: Clock;
  log: Logger;
  /** RSS/Atom feeds: registration, polling, health (issue 10). */
  feeds: FeedService;
  /** Digest subscriptions and their delivery ledger (issue 8). */
  subscriptions: SubscriptionStore;
  /** The zone `/digest subscribe` uses when none is given (config `DATELINE_TZ`). */
  defaultTimeZone: string;
  /** Per-server limits (config `DATELINE_GUILD_MAX_*`); absent: no limits. */
  tenancy?: TenancySettings;
}

/** Servers are tenants: how much each may configure. */
export interface TenancySettings {
  maxFeedsPerGuild: number;
  maxSubscriptionsPerGuild: number;
  /** Who sees stories fetched for one server's feed in /search and digests (default `shared`). */
  feedStories?: FeedStoryVisibility;
}
