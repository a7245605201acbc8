/**
 * Feeds the bot polls, with their health and where new stories are posted. A narrow interface like
 * ArticleStore, so the poller, `/feeds` and `dateline feed` never see SQL and a PostgreSQL store can
 * implement it too.
 */

/** A channel that gets a short "new story" post for each new item of a feed. */
export interface FeedChannel {
  guildId: string | null;
  channelId: string;
}

/** How a feed is doing: what `/feeds list` shows and what backoff is computed from. */
export interface FeedHealth {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  /** The reason of the latest failed poll (or rejected items), with the feed URL implied. */
  lastError: string | null;
  consecutiveFailures: number;
  /** Totals over the feed's life. */
  itemsAdded: number;
  itemsRejected: number;
  /** Items stored without a date of their own (published = fetch time). */
  itemsUndated: number;
  /** When the poller will next fetch it (ISO). */
  nextPollAt: string | null;
}

export type FeedOrigin = 'config' | 'command';

export interface Feed {
  url: string;
  /** The feed's own title, learnt on the first successful poll. */
  title: string | null;
  intervalMinutes: number;
  origin: FeedOrigin;
  addedAt: string;
  addedBy: string | null;
  /** Validators of the last 200 response, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  channels: FeedChannel[];
  /**
   * The guilds that added the feed from chat: each sees it and may remove it for itself. A feed with no
   * owners is the operator's (DATELINE_FEEDS, or `origin: 'config'`), removed only by the operator.
   */
  owners: string[];
  health: FeedHealth;
}

export interface NewFeed {
  url: string;
  /** Omitted: the default for a new feed, unchanged for an existing one. */
  intervalMinutes?: number;
  origin: FeedOrigin;
  addedAt: Date;
  addedBy: string | null;
  channel: FeedChannel | null;
  /** The guild adding it (becomes an owner); null for the operator (configuration, command line, local shell). */
  guildId?: string | null;
}

/** One poll's outcome, written in one go so health never shows half a poll. */
export interface FeedPollRecord {
  url: string;
  polledAt: Date;
  outcome: 'ok' | 'not-modified' | 'failed';
  /** Set on 'ok' (or saved by `commitItems` with the items): replaces the stored title and validators. */
  title?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  added: number;
  rejected: number;
  undated: number;
  /** Feed-level failure, or a summary of rejected items on an otherwise good poll. */
  error: string | null;
  nextPollAt: Date;
}

export const DEFAULT_FEED_INTERVAL_MINUTES = 15;

/**
 * How long a queued post waits for its story (queued before the story is stored, see `queuePosts`): far
 * longer than storing a poll's items takes; after it, the poll that queued it died before storing.
 */
export const POST_STORY_WAIT_MS = 60 * 60_000;

export interface FeedStore {
  /** Add a feed, or for a known one add the channel / change the interval. */
  addFeed(input: NewFeed): Promise<{ created: boolean; feed: Feed }>;
  /** Remove the feed (with its health and channels); false when unknown. */
  removeFeed(url: string): Promise<boolean>;
  /** Stop posting a feed's new stories to one channel; false when it did not post there. */
  removeChannel(url: string, channelId: string): Promise<boolean>;
  getFeed(url: string): Promise<Feed | null>;
  /** Every feed, in the order added. */
  listFeeds(): Promise<Feed[]>;
  /** Feeds the guild added (it is among their owners), in the order added. */
  feedsOwnedBy(guildId: string): Promise<Feed[]>;
  /**
   * A guild gives up a feed: its ownership and its channels go; the feed itself goes when no owner is
   * left and the operator did not list it. False when the guild did not own it.
   */
  removeOwner(url: string, guildId: string): Promise<boolean>;
  /** Feeds whose next poll time has come. */
  dueFeeds(now: Date): Promise<Feed[]>;
  /**
   * The poll lease (issue 17): several processes on one store poll each feed once. Take the right to
   * poll a feed that is due at `now` until `leaseUntil`: true for exactly one caller, however many
   * ask at once; false while another poller's lease runs, or when the feed is no longer due (someone
   * polled it meanwhile). An expired lease (its holder died mid-poll) can be taken by anyone.
   * `recordPoll` ends the lease; `releasePoll` ends it without a poll (shutdown).
   */
  claimPoll(url: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Give up a lease this owner holds without recording a poll; the feed stays due. */
  releasePoll(url: string, owner: string): Promise<void>;
  /** Record a poll's outcome and end whichever lease the feed had. */
  recordPoll(record: FeedPollRecord): Promise<void>;
  /** Add the feeds this store lacks (by URL) with their validators, health, channels and owners; returns how many. */
  importFeeds(feeds: readonly Feed[]): Promise<number>;
  /**
   * Store a poll's items (`storeItems`) and the feed's new validators and title in one transaction.
   * If storing the items throws, the validators are not saved either: the next poll fetches the
   * whole feed again instead of getting a 304 for stories that never reached the store.
   */
  commitItems<T>(url: string, validators: FeedValidators, storeItems: () => Promise<T>): Promise<T>;
  /**
   * Which feed brought a poll's stories: the `added` ones, and `seen` ones (already stored) that other
   * feeds brought too. A story stored some other way (ingest, watched folder) stays everyone's.
   */
  recordFeedStories(url: string, stories: { added: readonly string[]; seen: readonly string[] }): Promise<void>;
  /** Of these story ids, those that only feeds of other servers brought (not the guild's own, not the operator's). */
  storiesHiddenFrom(guildId: string, articleIds: readonly string[]): Promise<Set<string>>;
  /**
   * `recordFeedStories`' links, `limit` after `after` in (articleId, url) order: what `dateline migrate`
   * copies, so a moved store hides from each server what it hid before.
   */
  feedStoriesPage(after: FeedStoryLink | null, limit: number): Promise<FeedStoryLink[]>;
  /** Links of another store's `feedStoriesPage`; those already here are kept. Returns how many were added. */
  importFeedStories(links: readonly FeedStoryLink[]): Promise<number>;
  /**
   * The outbox of "new story" posts. A poll queues them before it stores their stories, and a post waits
   * there until its story is stored (`claimPosts`): a process that dies after storing the stories leaves
   * the posts to another (or to itself after a restart) instead of losing them, as the stories are no
   * longer new to the next poll. A post already queued is not queued twice.
   */
  queuePosts(posts: readonly Omit<QueuedFeedPost, 'attempts'>[], now: Date): Promise<void>;
  /** Take out a feed's queued posts of these stories that nobody claimed yet: the poll did not store them after all. */
  unqueuePosts(url: string, articleIds: readonly string[]): Promise<void>;
  /**
   * Take up to `limit` queued posts whose story is stored and that nobody holds (or whose holder's claim
   * ran out at `now`), oldest first, until `claimUntil`: each is handed to exactly one caller however
   * many ask at once. `scope`: posts to server channels (a Discord process) or to channels without a
   * server (the local shell). Posts that waited `POST_STORY_WAIT_MS` for a story never stored are dropped.
   */
  claimPosts(owner: string, now: Date, claimUntil: Date, limit: number, scope: FeedPostScope): Promise<QueuedFeedPost[]>;
  /** The post is in the channel, or given up: it leaves the outbox. */
  finishPost(channelId: string, articleId: string): Promise<void>;
  /** Every queued post in queue order, with when it was queued (`dateline migrate`). */
  exportPosts(): Promise<ExportedFeedPost[]>;
  /**
   * Posts of another store's `exportPosts`, after those queued here, unclaimed, their attempts kept (a post
   * claimed before the move is looked for in its channel before it is sent again). Returns how many were added.
   */
  importPosts(posts: readonly ExportedFeedPost[]): Promise<number>;
}

/** A story a feed brought (`feed_stories`). */
export interface FeedStoryLink {
  articleId: string;
  url: string;
}

/** A queued post as `dateline migrate` moves it. */
export interface ExportedFeedPost extends QueuedFeedPost {
  queuedAt: Date;
}

/** Which posts a process can deliver: to server channels (Discord), or to the shell's own channel. */
export type FeedPostScope = 'guild' | 'local';

/** A "new story" post waiting in the outbox: one story for one channel that follows the feed. */
export interface QueuedFeedPost {
  url: string;
  articleId: string;
  channel: FeedChannel;
  /** Claims so far, this one included: above 1 the post may already be in the channel. */
  attempts: number;
}

/** What a 200 answer said about the feed, saved only together with its items. */
export interface FeedValidators {
  title: string | null;
  etag: string | null;
  lastModified: string | null;
}
